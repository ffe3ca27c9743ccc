import { describe, expect, it } from 'vitest';
import { documentText } from './docx-text.testing.js';
import type { CaseDocumentModel, DocPerson } from './model.js';
import { declineNotice, referralLetter } from './notices.js';

const LI: DocPerson = {
  id: 'p1',
  name: '李伟',
  roleLabel: '承办人',
  agencyName: 'A市市场监督管理局',
  post: '执法一科科员',
  certificate: '52990000003',
  outcomeLabel: '追究责任',
  outcome: 'pursue',
  basis: ['第十五条第（四）项'],
  adjustments: [],
  sanctions: ['离岗培训'],
  referrals: ['移送任免机关或者监察机关'],
};

const WANG: DocPerson = {
  id: 'p2',
  name: '王静',
  roleLabel: '审核人',
  agencyName: 'A市市场监督管理局',
  post: '法制科科长',
  certificate: '52990000006',
  outcomeLabel: '追究责任',
  outcome: 'pursue',
  basis: ['第十五条第（四）项'],
  adjustments: [],
  sanctions: ['诫勉谈话'],
  referrals: ['移送司法机关'],
};

function model(over: Partial<CaseDocumentModel> = {}): CaseDocumentModel {
  return {
    caseNumber: 'A市问责〔2026〕3号',
    organName: 'A市司法局',
    regionName: 'A市',
    measuresTitle: '贵州省行政执法过错责任追究办法',
    sourceLabel: '群众投诉',
    subject: '对同一违法行为重复罚款',
    summary: '投诉人反映，A市市场监督管理局就同一行为先后两次罚款。',
    agencyName: 'A市市场监督管理局',
    registeredOn: '2026-01-12',
    acceptedOn: '2026-01-16',
    investigators: ['张明', '刘芳'],
    investigation: {
      startedOn: '2026-01-19',
      dueOn: '2026-03-02',
      facts:
        '2025年11月3日、20日，该局就同一违法行为两次罚款。\n承办人李伟提出处罚意见，审核人王静审核同意。',
      evidence: [
        { name: '行政处罚决定书两份', sha256: 'a'.repeat(64) },
        { name: '询问笔录', sha256: 'b'.repeat(64) },
      ],
    },
    faults: [{ code: 'penalty.04', text: '对当事人的同一违法行为重复罚款的', cite: '第二章 行政处罚（四）' }],
    persons: [LI, WANG],
    explanation: [],
    decision: { kind: 'pursue', kindLabel: '追究责任', on: '2026-03-20', reasons: '', signer: 'A市司法局' },
    appeal: { withinDays: 30, unitLabel: '个工作日', organName: 'A市司法局' },
    decisionStandsDuringAppeal: true,
    generatedAt: '2026-03-20T09:30:00+08:00',
    ...over,
  };
}

describe('不予立案通知书', () => {
  it('names the case, gives the reasons and the date, and tells how to object', async () => {
    const text = await documentText(
      await declineNotice(
        model({
          sourceLabel: '上级交办',
          acceptedOn: null,
          decline: {
            reason: '经核实，所反映问题已由该局自行纠正,不属于行政执法过错',
            on: '2026-01-20',
            complaint: false,
          },
        }),
      ),
    );
    for (const s of [
      'A市司法局',
      '行政执法过错责任追究案件不予立案通知书',
      'A市问责〔2026〕3号',
      'A市市场监督管理局：',
      '2026年1月12日，本机关收到上级交办线索，反映A市市场监督管理局“对同一违法行为重复罚款”的问题。本机关依法进行了审查。',
      '经审查，经核实，所反映问题已由该局自行纠正，不属于行政执法过错',
      '根据《贵州省行政执法过错责任追究办法》有关规定，本机关决定不予立案。',
      '如对本决定有异议，可以自收到本通知书之日起30个工作日内向A市司法局书面提出',
      '2026年1月20日',
      '（印章）',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('抄送');
  });

  it('to a complainant: the name written by hand, a copy to the agency; blanks without reasons', async () => {
    const text = await documentText(
      await declineNotice(model({ decline: { reason: '', on: '2026-01-20', complaint: true } })),
    );
    expect(text).toContain('抄送：A市市场监督管理局。');
    expect(text.split('\n')).toContain(`${'\u3000'.repeat(10)}：`);
    expect(text).toContain('经审查，\u3000');
  });
});

describe('移送函', () => {
  const referrals: CaseDocumentModel['referrals'] = [
    {
      organ: 'discipline',
      organName: 'A市监察委员会',
      personId: 'p1',
      on: '2026-03-20',
      basis: ['第二十四条'],
    },
    {
      organ: 'judicial',
      organName: 'A市人民检察院',
      personId: 'p2',
      on: '2026-03-20',
      basis: ['第二十四条'],
    },
  ];

  it('one letter per organ: the person by name and 执法证号, facts, determination, decision, attachments', async () => {
    const text = await documentText(await referralLetter(model({ referrals })));
    for (const s of [
      '行政执法过错责任追究案件移送函',
      'A市监察委员会：',
      '本机关在办理A市市场监督管理局“对同一违法行为重复罚款”一案（A市问责〔2026〕3号）中，查明李伟存在行政执法过错行为，并涉嫌违纪。根据《贵州省行政执法过错责任追究办法》第二十四条的规定，现将该案有关情况和材料移送你单位，请依法处理。',
      '1．李伟（A市市场监督管理局执法一科科员，执法证号52990000003），本案承办人。',
      '经查，2025年11月3日、20日，该局就同一违法行为两次罚款。',
      '经认定，A市市场监督管理局在行政执法活动中存在下列行政执法过错行为：（一）对当事人的同一违法行为重复罚款的（《贵州省行政执法过错责任追究办法》第二章 行政处罚（四））。',
      '李伟，依据《贵州省行政执法过错责任追究办法》第十五条第（四）项的规定，应当追究行政执法过错责任。',
      '本机关于2026年3月20日作出的《行政执法过错责任追究决定书》（A市问责〔2026〕3号）：对李伟给予离岗培训的处理，并移送任免机关或者监察机关处理。',
      '请将处理结果函告本机关。',
      '附件：1．《行政执法过错责任追究决定书》（A市问责〔2026〕3号）',
      '2．《行政执法过错责任追究案件调查报告》',
      '3．证据材料目录及证据材料（共二份）',
      'A市人民检察院：',
      '查明王静存在行政执法过错行为，并涉嫌犯罪。',
      '1．王静（A市市场监督管理局法制科科长，执法证号52990000006），本案审核人。',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('penalty.04');
    // The discipline organ's letter names only its own person.
    const first = text.slice(0, text.indexOf('A市人民检察院：'));
    expect(first).not.toContain('王静（');
  });

  it('the second letter starts on a new page', async () => {
    const { docxPart } = await import('./docx-text.testing.js');
    const xml = await docxPart(await referralLetter(model({ referrals })), 'word/document.xml');
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(1);
  });

  it('without a referral: a letter with blanks to fill by hand', async () => {
    const text = await documentText(await referralLetter(model({ referrals: [] })));
    expect(text).toContain('查明有关人员存在行政执法过错行为，并\u3000');
    expect(text).toContain('根据《贵州省行政执法过错责任追究办法》有关规定，现将该案');
    expect(text).toContain('附件：1．');
  });
});
