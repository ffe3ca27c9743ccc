import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CASE_DOCUMENT_KINDS, CASE_DOCUMENT_TITLES } from '../core/workflow/case-documents.js';
import { documentText, openDocx as open, docxPart as part } from './docx-text.testing.js';
import type { CaseDocumentModel } from './model.js';
import {
  acceptanceForm,
  appealNotice,
  DOCUMENT_KIND_LIST,
  DOCUMENT_KINDS,
  decisionDocument,
  investigationReport,
  serviceReceipt,
} from './render.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

const EVIDENCE = [
  { name: 'A市市监罚〔2025〕101号行政处罚决定书', sha256: sha('decision-101') },
  { name: 'A市市监罚〔2025〕117号行政处罚决定书', sha256: sha('decision-117') },
  { name: '询问笔录（李伟）', sha256: sha('interview-li') },
  { name: '执法办案系统操作日志', sha256: sha('system-log') },
];

/** A case of a fine imposed twice: the handler pursued with aggravation, the reviewer more lightly. */
function pursueModel(): CaseDocumentModel {
  return {
    caseNumber: 'A市问责〔2026〕3号',
    organName: 'A市司法局',
    regionName: 'A市',
    measuresTitle: '贵州省行政执法过错责任追究办法',
    sourceLabel: '群众投诉',
    subject: '对同一违法行为重复罚款',
    summary:
      '投诉人王某反映，A市市场监督管理局就其超市销售同一批过期食品的行为,先后作出两次罚款决定。\n投诉人已缴纳两次罚款，共计人民币8000元。',
    agencyName: 'A市市场监督管理局',
    registeredOn: '2026-01-12',
    acceptedOn: '2026-01-16',
    acceptance: {
      opinion: '同意立案，由张明、刘芳负责调查。',
      approver: '赵建国',
      on: '2026-01-16',
      proposal: {
        text: '经初步核实，投诉反映的问题涉嫌行政执法过错，建议立案调查。',
        by: '张明',
        on: '2026-01-14',
      },
    },
    investigators: ['张明', '刘芳'],
    investigation: {
      startedOn: '2026-01-19',
      dueOn: '2026-03-02',
      extendedTo: '2026-03-16',
      facts:
        '2025年11月3日，A市市场监督管理局以A市市监罚〔2025〕101号行政处罚决定书，对王某销售过期食品的行为罚款5000元。\n2025年11月20日，该局又以A市市监罚〔2025〕117号行政处罚决定书，就同一行为对王某罚款3000元。承办人李伟提出处罚意见，审核人王静审核同意。',
      evidence: EVIDENCE,
    },
    faults: [{ code: 'penalty.04', text: '对当事人的同一违法行为重复罚款的', cite: '第二章 行政处罚（四）' }],
    persons: [
      {
        id: 'p1',
        name: '李伟',
        roleLabel: '承办人',
        agencyName: 'A市市场监督管理局',
        post: '执法一科科员',
        outcomeLabel: '追究责任',
        outcome: 'pursue',
        basis: ['第十五条第（四）项'],
        adjustments: ['从重（第十九条第（二）项）'],
        sanctions: ['离岗培训'],
        referrals: ['移送纪检监察机关'],
        statement: {
          on: '2026-03-09',
          text: '作出第二次处罚时,我不知道已有第一次处罚决定',
          response: '经复核，执法办案系统中已有第一次处罚的记录，其申辩理由不能成立，不予采纳',
        },
      },
      {
        id: 'p2',
        name: '王静',
        roleLabel: '审核人',
        agencyName: 'A市市场监督管理局',
        post: '法制科科长',
        outcomeLabel: '追究责任',
        basis: ['第十五条第（四）项'],
        adjustments: ['从轻或者减轻（第二十条）'],
        sanctions: ['诫勉谈话', '责令书面检查'],
        referrals: [],
        statement: null,
      },
    ],
    explanation: [
      '承办人 李伟：依第十五条第（四）项，承办人因过失提出错误意见，按所起作用大小追究行政执法过错责任。',
      '承办人 李伟：依第十九条第（二）项，一年内多次发生过错行为，应当从重追究。',
      '审核人 王静：依第二十条，对共同过错行为的产生具有辅助或者次要作用，比照主要作用人员从轻或者减轻追究。',
    ],
    agencyMeasures: [
      { agencyName: 'A市市场监督管理局', measures: ['责令限期整改'], basis: ['第二十五条第（一）项'] },
    ],
    decision: {
      kind: 'pursue',
      kindLabel: '追究责任',
      on: '2026-03-20',
      reasons: '上述行为导致当事人被重复处罚，损害了当事人的合法权益和政府公信力。',
      signer: 'A市司法局',
    },
    appeal: { withinDays: 30, unitLabel: '个工作日', organName: 'A市人民政府' },
    service: {
      on: '2026-03-24',
      recipient: '李伟',
      method: '直接送达',
      place: 'A市市场监督管理局执法一科',
      server: ['张明', '刘芳'],
    },
    generatedAt: '2026-03-20T09:30:00+08:00',
  };
}

/** The counterparty's own fault: nobody is liable, nobody is sanctioned. */
function exemptModel(): CaseDocumentModel {
  const m = pursueModel();
  return {
    ...m,
    caseNumber: 'A市问责〔2026〕7号',
    persons: [
      {
        id: 'p3',
        name: '陈刚',
        roleLabel: '承办人',
        agencyName: 'A市市场监督管理局',
        post: '执法二科科员',
        outcomeLabel: '不承担责任',
        basis: ['第二十二条第（三）项'],
        adjustments: [],
        sanctions: [],
        referrals: [],
        statement: null,
      },
    ],
    explanation: [
      '承办人 陈刚：依第二十二条第（三）项，因行政相对人的过错致使行政执法过错行为发生，不承担责任。',
    ],
    agencyMeasures: [],
    decision: {
      kind: 'exempt',
      kindLabel: '不承担责任',
      on: '2026-04-08',
      reasons: '行政相对人提供虚假材料骗取登记，执法人员已尽审查义务。',
      signer: '局长 周平',
    },
    service: null,
  };
}

/** Only what is required: every optional part left out, nothing investigated or decided yet. */
function bareModel(): CaseDocumentModel {
  return {
    caseNumber: 'A市问责〔2026〕9号',
    organName: 'A市司法局',
    regionName: 'A市',
    sourceLabel: '上级交办',
    subject: '不履行法定职责',
    summary: '',
    agencyName: 'A市城市管理局',
    registeredOn: '2026-04-01',
    investigators: [],
    faults: [],
    persons: [],
    explanation: [],
    appeal: { withinDays: 30, unitLabel: '日', organName: 'A市人民政府' },
    generatedAt: '2026-04-01T08:00:00Z',
  };
}

function expectClean(text: string, xml: string) {
  expect(text).not.toMatch(/undefined|null|NaN|\[object/);
  expect(xml).not.toContain('undefined');
}

const APPEAL_30 =
  '如不服本决定，可在收到本决定书之日起30个工作日内向A市人民政府申诉；申诉期间不停止本决定的执行。';

describe('documents', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lists every kind of the core vocabulary with its title and renderer', () => {
    expect(DOCUMENT_KIND_LIST).toEqual([...CASE_DOCUMENT_KINDS]);
    for (const kind of CASE_DOCUMENT_KINDS) {
      expect(DOCUMENT_KINDS[kind].title).toBe(CASE_DOCUMENT_TITLES[kind]);
      expect(typeof DOCUMENT_KINDS[kind].render).toBe('function');
    }
    expect(DOCUMENT_KINDS.acceptance_form.title).toBe('立案审批表');
    expect(DOCUMENT_KINDS.decline_notice.title).toBe('不予立案通知书');
    expect(DOCUMENT_KINDS.referral_letter.title).toBe('移送函');
    expect(DOCUMENT_KINDS.service_receipt.title).toBe('送达回证');
    expect(DOCUMENT_KINDS.decision.render).toBe(decisionDocument);
  });

  it('renders every kind of every model as a valid, clean .docx', async () => {
    for (const model of [pursueModel(), exemptModel(), bareModel()]) {
      for (const kind of DOCUMENT_KIND_LIST) {
        const docx = await DOCUMENT_KINDS[kind].render(model);
        expect(docx.subarray(0, 4).toString('binary')).toBe('PK\u0003\u0004');
        const zip = await open(docx);
        for (const path of [
          '[Content_Types].xml',
          'word/document.xml',
          'word/styles.xml',
          'docProps/core.xml',
        ]) {
          expect(zip.file(path), `${kind}: ${path}`).not.toBeNull();
        }
        const xml = await part(docx, 'word/document.xml');
        const text = await documentText(docx);
        expect(text, kind).toContain(model.caseNumber);
        expectClean(text, xml);
        // A4, GB/T 9704 margins, page numbers on both sides.
        expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
        expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
        expect(xml).toMatch(/w:footerReference w:type="default"/);
        expect(xml).toMatch(/w:footerReference w:type="even"/);
      }
    }
  });

  it('立案审批表: a bordered form with the case, the persons, the opinions and signatures', async () => {
    const docx = await acceptanceForm(pursueModel());
    const xml = await part(docx, 'word/document.xml');
    const text = await documentText(docx);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toMatch(/<w:tblBorders><w:top w:val="single" w:color="000000" w:sz="12"\/>/);
    for (const s of [
      'A市司法局',
      '行政执法过错责任追究案件立案审批表',
      '案件编号',
      'A市问责〔2026〕3号',
      '案件来源',
      '群众投诉',
      '对同一违法行为重复罚款',
      '被调查单位',
      'A市市场监督管理局',
      '李伟　A市市场监督管理局执法一科科员　承办人',
      '王静　A市市场监督管理局法制科科长　审核人',
      '基本案情',
      // Half-width comma made full-width.
      '过期食品的行为，先后作出两次罚款决定。',
      '承办意见',
      '经初步核实，投诉反映的问题涉嫌行政执法过错，建议立案调查。',
      '承办人（签名）：张明',
      '2026年1月14日',
      '审批意见',
      '同意立案，由张明、刘芳负责调查。',
      '审批人（签名）：赵建国',
      '2026年1月16日',
      '登记日期',
      '2026年1月12日',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('立案审批表: left blank to fill by hand when nothing is decided yet', async () => {
    const text = await documentText(await acceptanceForm(bareModel()));
    expect(text).toContain('审批人（签名）：\u3000\u3000\u3000\u3000\u3000\u3000');
    expect(text).toContain('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    expect(text).toContain('A市城市管理局');
  });

  it('调查报告: investigators, course, facts, evidence with hashes, faults, liability, explanation, proposals', async () => {
    const model = pursueModel();
    const docx = await investigationReport(model);
    const text = await documentText(docx);
    for (const s of [
      '行政执法过错责任追究案件调查报告',
      '调查人员：张明、刘芳。',
      '调查自2026年1月19日开始，期限至2026年3月2日，经批准延长至2026年3月16日。调查中收集证据材料4份',
      '二、调查人员及调查经过',
      '三、查明的事实',
      '2025年11月20日，该局又以A市市监罚〔2025〕117号行政处罚决定书',
      '四、证据目录',
      'SHA-256 校验值',
      '询问笔录（李伟）',
      '五、认定的过错行为',
      '（一）对当事人的同一违法行为重复罚款的（《贵州省行政执法过错责任追究办法》第二章 行政处罚（四））。',
      '六、责任认定',
      '（一）李伟（A市市场监督管理局执法一科科员，承办人）',
      '认定依据：《贵州省行政执法过错责任追究办法》第十五条第（四）项。',
      '量责情节：从重（第十九条第（二）项）。',
      '建议处理：离岗培训。',
      '移送建议：移送纪检监察机关。',
      '陈述申辩：2026年3月9日提出：“作出第二次处罚时，我不知道已有第一次处罚决定。”',
      '（二）王静（A市市场监督管理局法制科科长，审核人）',
      '量责情节：从轻或者减轻（第二十条）。',
      '建议处理：诫勉谈话、责令书面检查。',
      '七、认定说明',
      '1．承办人 李伟：依第十五条第（四）项',
      '3．审核人 王静：依第二十条',
      '八、处理建议',
      '1．建议对李伟给予离岗培训的处理，并移送纪检监察机关处理。',
      '2．建议对王静给予诫勉谈话、责令书面检查的处理。',
      '3．建议对A市市场监督管理局责令限期整改（依据《贵州省行政执法过错责任追究办法》第二十五条第（一）项）。',
      '以上报告，请审定。',
      '调查人员（签名）：张明、刘芳',
    ]) {
      expect(text).toContain(s);
    }
    // The fault by its catalogue text and place, never by its code.
    expect(text).not.toContain('penalty.04');
    for (const e of EVIDENCE) expect(text).toContain(e.sha256);
    expect(text.indexOf(EVIDENCE[0]!.sha256)).toBeLessThan(text.indexOf(EVIDENCE[3]!.sha256));
    // The hashes are in a monospaced font.
    const xml = await part(docx, 'word/document.xml');
    expect(xml).toContain(`<w:rFonts w:ascii="Courier New"`);
  });

  it('调查报告 marks a due date in a year whose holiday schedule is not loaded as provisional', async () => {
    const model = pursueModel();
    const provisional = (inv: NonNullable<CaseDocumentModel['investigation']>) =>
      investigationReport({ ...model, investigation: inv }).then(documentText);
    const inv = model.investigation as NonNullable<CaseDocumentModel['investigation']>;
    expect(await provisional({ ...inv, extendedTo: null, provisional: true })).toContain(
      '期限至2026年3月2日（暂定，以国务院公布的节假日安排为准）。',
    );
    expect(await provisional({ ...inv, provisional: false })).not.toContain('暂定');
  });

  it('调查报告 of a bare case: ruled lines and empty rows instead of missing parts', async () => {
    const text = await documentText(await investigationReport(bareModel()));
    expect(text).toContain('调查人员：');
    expect(text).toContain('四、证据目录');
    expect(text).toMatch(/\u3000{27}/);
    expect(text).not.toContain('份，其目录');
  });

  it('处理决定书: organ, number, addressees, facts, findings with citations, decisions, appeal, signature and seal', async () => {
    const text = await documentText(await decisionDocument(pursueModel()));
    const lines = text.split('\n');
    expect(lines[0]).toBe('A市司法局');
    expect(lines[1]).toBe('行政执法过错责任追究决定书');
    expect(lines[2]).toBe('A市问责〔2026〕3号');
    for (const s of [
      '被追究人：李伟，A市市场监督管理局执法一科科员，本案承办人。',
      '被追究人：王静，A市市场监督管理局法制科科长，本案审核人。',
      '本机关根据群众投诉线索，于2026年1月16日对A市市场监督管理局“对同一违法行为重复罚款”一案立案调查，现已调查终结，并听取了李伟的陈述和申辩。',
      '经查：2025年11月3日，A市市场监督管理局以A市市监罚〔2025〕101号行政处罚决定书',
      '上述事实，有A市市监罚〔2025〕101号行政处罚决定书、A市市监罚〔2025〕117号行政处罚决定书、询问笔录（李伟）、执法办案系统操作日志等证据证实。',
      '本机关认为，A市市场监督管理局在行政执法活动中存在下列行政执法过错行为：（一）对当事人的同一违法行为重复罚款的（《贵州省行政执法过错责任追究办法》第二章 行政处罚（四））。',
      '上述行为导致当事人被重复处罚',
      '李伟作为本案承办人，依据《贵州省行政执法过错责任追究办法》第十五条第（四）项的规定，应当追究行政执法过错责任；量责情节：从重（第十九条第（二）项）。',
      '2026年3月9日，李伟提出陈述申辩称：“作出第二次处罚时，我不知道已有第一次处罚决定。”经复核，执法办案系统中已有第一次处罚的记录，其申辩理由不能成立，不予采纳。',
      '王静作为本案审核人，依据《贵州省行政执法过错责任追究办法》第十五条第（四）项的规定，应当追究行政执法过错责任；量责情节：从轻或者减轻（第二十条）。',
      '根据《贵州省行政执法过错责任追究办法》第十五条第（四）项、第二十五条第（一）项的规定，本机关决定如下：',
      '一、对李伟给予离岗培训的处理，并移送纪检监察机关处理。',
      '二、对王静给予诫勉谈话、责令书面检查的处理。',
      '三、对A市市场监督管理局责令限期整改（依据《贵州省行政执法过错责任追究办法》第二十五条第（一）项）。',
      APPEAL_30,
    ]) {
      expect(text).toContain(s);
    }
    // Signature block at the end: organ, seal, date.
    expect(lines.slice(-3)).toEqual(['A市司法局', '（印章）', '2026年3月20日']);
    expect(text).not.toContain('签发人');
  });

  it('处理决定书 counts the appeal period in the pack’s days and unit', async () => {
    const model = { ...pursueModel(), appeal: { withinDays: 15, unitLabel: '日', organName: 'B省司法厅' } };
    const text = await documentText(await decisionDocument(model));
    expect(text).toContain(
      '如不服本决定，可在收到本决定书之日起15日内向B省司法厅申诉；申诉期间不停止本决定的执行。',
    );
    expect(text).not.toContain('30个工作日');
    expect(appealNotice(model)).toBe(
      '如不服本决定，可在收到本决定书之日起15日内向B省司法厅申诉；申诉期间不停止本决定的执行。',
    );
  });

  it('处理决定书 does not say 经查 twice when the findings open with it', async () => {
    const m = pursueModel();
    const model = { ...m, investigation: { ...m.investigation!, facts: '经查，同一违法行为两次罚款。' } };
    const text = await documentText(await decisionDocument(model));
    expect(text).toContain('经查，同一违法行为两次罚款。');
    expect(text).not.toContain('经查：经查');
  });

  it('处理决定书 says the decision stands during an appeal only where the pack says so', async () => {
    const model = { ...pursueModel(), decisionStandsDuringAppeal: false };
    const text = await documentText(await decisionDocument(model));
    expect(text).toContain('如不服本决定，可在收到本决定书之日起30个工作日内向A市人民政府申诉。');
    expect(text).not.toContain('不停止');
  });

  it('处理决定书 of an exempt case: no sanction, no appeal, the exemption with its article', async () => {
    const text = await documentText(await decisionDocument(exemptModel()));
    for (const s of [
      'A市问责〔2026〕7号',
      '被追究人：陈刚，A市市场监督管理局执法二科科员，本案承办人。',
      '陈刚作为本案承办人，依据《贵州省行政执法过错责任追究办法》第二十二条第（三）项的规定，不承担行政执法过错责任。',
      '一、陈刚不承担行政执法过错责任，不予追究（依据《贵州省行政执法过错责任追究办法》第二十二条第（三）项）。',
      '签发人：局长 周平',
      '2026年4月8日',
    ]) {
      expect(text).toContain(s);
    }
    expect(text).not.toContain('给予');
    expect(text).not.toContain('申诉');
    expect(text).not.toContain('二、');
  });

  it('处理决定书 reads the outcome from its label when no code is given', async () => {
    const m = pursueModel();
    m.persons = [
      { ...m.persons[1]!, outcome: null, outcomeLabel: '可以不予追究', sanctions: [], adjustments: [] },
    ];
    m.agencyMeasures = [];
    const text = await documentText(await decisionDocument(m));
    expect(text).toContain('一、对王静不予追究行政执法过错责任（依据');
    expect(text).toContain(APPEAL_30);
  });

  it('处理决定书 of an undecided case: blanks for the decision, date and addressee', async () => {
    const text = await documentText(await decisionDocument(bareModel()));
    expect(text).toContain('被追究人：');
    expect(text).toContain('根据有关规定，本机关决定如下：');
    expect(text).toContain('\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    expect(text).toContain(
      '如不服本决定，可在收到本决定书之日起30日内向A市人民政府申诉；申诉期间不停止本决定的执行。',
    );
  });

  it('送达回证: the document served and every field of the receipt', async () => {
    const docx = await serviceReceipt(pursueModel());
    const xml = await part(docx, 'word/document.xml');
    const text = await documentText(docx);
    expect(xml).toContain('<w:tbl>');
    for (const s of [
      '送达回证',
      '送达文书名称及文号',
      '行政执法过错责任追究决定书（A市问责〔2026〕3号）',
      '受送达人',
      '李伟',
      '送达地点',
      'A市市场监督管理局执法一科',
      '送达方式',
      '直接送达',
      '送达人',
      '张明、刘芳',
      '受送达人签名或盖章\n\n\n\u3000\u3000年\u3000\u3000月\u3000\u3000日\n送达日期',
      '送达日期',
      '2026年3月24日',
      '备\u3000\u3000注',
      '填发机关：A市司法局（印章）',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('送达回证 before service: blank cells, and a witness line for service by leaving', async () => {
    const blankText = await documentText(await serviceReceipt(bareModel()));
    expect(blankText).toContain('送达日期\n\u3000\u3000年\u3000\u3000月\u3000\u3000日');
    const left = pursueModel();
    left.service = {
      on: '2026-03-25',
      recipient: '李伟',
      method: '留置送达',
      place: null,
      server: ['张明', '刘芳'],
    };
    const text = await documentText(await serviceReceipt(left));
    expect(text).toContain('见证人（签名）：');
    expectClean(text, await part(await serviceReceipt(left), 'word/document.xml'));
  });

  it('uses the official fonts, each with its fallback, and the official sizes', async () => {
    const docx = await decisionDocument(pursueModel());
    const xml = await part(docx, 'word/document.xml');
    expect(xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(xml).toContain('<w:sz w:val="44"/>');
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('<w:sz w:val="32"/>');
    expect(xml).toContain('<w:jc w:val="center"/>');
    const fonts = await part(docx, 'word/fontTable.xml');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/>');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>');
    const footer = await part(docx, 'word/footer1.xml');
    expect(footer).toContain('PAGE');
    expect(footer).toContain('— ');
    const core = await part(docx, 'docProps/core.xml');
    expect(core).toContain('<dc:title>处理决定书</dc:title>');
    expect(core).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-20T01:30:00Z</dcterms:created>',
    );
  });

  it('调查报告 calls the sanction a recommendation when the model says so (DECISIONS.md D14)', async () => {
    const model = pursueModel();
    const note = '第二十四条第（三）项可给予离岗培训；离岗培训为量责建议，办法未规定具体档次';
    const text = await documentText(
      await investigationReport({
        ...model,
        persons: model.persons.map((p, i) => (i === 0 ? { ...p, sanctionNote: note } : p)),
      }),
    );
    expect(text).toContain(`建议处理：离岗培训。\n量责说明：${note}。`);
    expect(await documentText(await investigationReport(model))).not.toContain('量责说明');
  });

  it('is deterministic: the same model gives the same bytes, whenever it is rendered', async () => {
    for (const kind of DOCUMENT_KIND_LIST) {
      const render = DOCUMENT_KINDS[kind].render;
      const first = await render(pursueModel());
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2031-07-09T17:43:21Z'));
      const second = await render(pursueModel());
      vi.useRealTimers();
      expect(await documentText(second)).toBe(await documentText(first));
      expect(second.equals(first), kind).toBe(true);
    }
    const other = await decisionDocument({ ...pursueModel(), generatedAt: '2026-03-21T09:30:00+08:00' });
    expect(other.equals(await decisionDocument(pursueModel()))).toBe(false);
  });
});
