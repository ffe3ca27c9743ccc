import { describe, expect, it } from 'vitest';
import { A_CITY_TOLERANCE } from '../core/rulebook/packs/a-city-tolerance.js';
import { documentText } from './docx-text.testing.js';
import { acceptanceDecision, type PreRegistrationDocumentModel, returnNotice } from './pre-registration.js';

function model(over: Partial<PreRegistrationDocumentModel> = {}): PreRegistrationDocumentModel {
  return {
    number: 'A市报备〔2026〕3号',
    organName: 'A市司法局',
    registrant: { kind: 'agency', agencyName: 'A市市场监督管理局', officerName: null },
    title: '新业态首次轻微违法以指导整改代替罚款',
    measure: '对直播电商等新业态经营者的首次轻微违法行为，书面指导整改，不予罚款。',
    reason: '新业态发展需要包容审慎监管。',
    legalGap: '上位法对新业态首次轻微违法的处理未作明确规定。',
    risks: '可能被认为放松监管。',
    safeguards: '整改期满复查，复查不合格的依法处罚。',
    plannedFrom: '2026-03-10',
    submittedOn: '2026-03-02',
    policyTitle: A_CITY_TOLERANCE.title,
    clauseCite: A_CITY_TOLERANCE.preRegistration.cite,
    review: { text: '措施具体，风险防范措施可行，同意受理。', on: '2026-03-03' },
    generatedAt: '2026-03-03T02:00:00.000Z',
    ...over,
  };
}

describe('the documents of the initial review', () => {
  it('受理决定书 names the number, the measure and the opinion, citing the policy', async () => {
    const text = await documentText(await acceptanceDecision(model()));
    expect(text).toContain('报备容错受理决定书');
    expect(text).toContain('A市报备〔2026〕3号');
    expect(text).toContain('A市市场监督管理局：');
    expect(text).toContain('新业态首次轻微违法以指导整改代替罚款');
    expect(text).toContain('对直播电商等新业态经营者的首次轻微违法行为');
    expect(text).toContain('措施具体，风险防范措施可行，同意受理。');
    expect(text).toContain('《A市行政执法容错纠错实施办法（示例）》第十条');
    expect(text).toContain('2026年3月2日');
    expect(text).toContain('2026年3月3日');
  });

  it('is byte-stable for the same model, and dated by the model, not the clock', async () => {
    const a = await acceptanceDecision(model());
    const b = await acceptanceDecision(model());
    expect(a.equals(b)).toBe(true);
    const later = await acceptanceDecision(model({ generatedAt: '2026-03-04T02:00:00.000Z' }));
    expect(later.equals(a)).toBe(false);
  });

  it('addresses an officer who registered for themself, copying the agency', async () => {
    const text = await documentText(
      await acceptanceDecision(
        model({ registrant: { kind: 'officer', agencyName: 'A市市场监督管理局', officerName: '李伟' } }),
      ),
    );
    expect(text).toContain('李伟同志：');
    expect(text).toContain('你于2026年3月2日报备');
    expect(text).toContain('抄送：A市市场监督管理局。');
  });

  it('退回通知书 gives the reasons and says the registration may be amended', async () => {
    const text = await documentText(
      await returnNotice(model({ review: { text: '风险防范措施不具体。', on: '2026-03-03' } })),
    );
    expect(text).toContain('报备容错退回通知书');
    expect(text).toContain('经初审，风险防范措施不具体。');
    expect(text).toContain('修改完善后重新报备');
    expect(text).toContain('A市报备〔2026〕3号');
  });
});
