import { describe, expect, it } from 'vitest';
import { assessToleranceRequest } from '../core/tolerance/assess.js';
import { toleranceRequest } from '../core/tolerance/fixtures.js';
import { TOLERANCE_DOCUMENT_KINDS } from '../core/workflow/tolerance.js';
import { documentText } from './docx-text.testing.js';
import { TOLERANCE_DOCUMENTS, type ToleranceDocumentModel } from './tolerance.js';

const a = assessToleranceRequest(toleranceRequest({ corrected: 'late', obstructed: true }));
const model: ToleranceDocumentModel = {
  generatedAt: '2026-11-25T08:00:00.000Z',
  organName: 'A市司法局',
  caseNumber: 'A市容错〔2026〕1号',
  accountabilityCase: { number: 'A市问责〔2026〕1号', subject: '重复罚款' },
  person: { name: '戴峰', post: '法制审核员', agencyName: 'A市市场监督管理局' },
  applicantKind: 'agency',
  appliedOn: '2026-11-02',
  grounds: '系统重复录入所致。',
  policyTitle: a.policy.title,
  conditions: a.conditions.map((c) => ({ ...c, evidence: `${c.id}的证据` })),
  exclusions: a.exclusions,
  distinction: { ...a.distinction, reasons: '书面理由。' },
  collective: { meetingOn: '2026-11-20', attendees: 3, votesFor: 2, votesAgainst: 1, votesAbstain: 0 },
  opinion: '不予容错。',
  outcomeRule: { cite: a.outcomeCite, text: '规则文本' },
  decidedOn: '2026-11-21',
};

describe('tolerance decision documents', () => {
  it('every kind renders the same bytes for the same model, with each condition, its evidence and the exclusions', async () => {
    for (const kind of TOLERANCE_DOCUMENT_KINDS) {
      const doc = await TOLERANCE_DOCUMENTS[kind].render(model);
      expect(Buffer.compare(doc, await TOLERANCE_DOCUMENTS[kind].render(model))).toBe(0);
      const text = await documentText(doc);
      expect(text).toContain(TOLERANCE_DOCUMENTS[kind].title);
      expect(text).toContain('A市容错〔2026〕1号');
      expect(text).toContain('A市市场监督管理局为其工作人员戴峰');
      for (const c of a.conditions) expect(text).toContain(`核实依据：${c.id}的证据`);
      expect(text).toContain('及时纠正、积极挽回损失：部分符合');
      expect(text).toContain('阻挠、干扰调查');
      expect(text).toContain('赞成2票，反对1票');
    }
  });
});
