// A市's case-file review standard (行政执法案卷评查标准), an example modelled on published standards
// (PRACTICE.md (d)): the nine veto items and the 卷面 items with their points (templates 2, complete
// filling 4 at 1 per gap, 一案一卷 2, cover 1, index and page numbers 2, order 1, numbering 2) from the
// 测绘 administrative-penalty file standard; "a defect of a basic element bars 优秀" from 河南 and 浙江.
// The other 卷面 items, the 内容 breakdown, the grade bands (no published numbers found) and the
// reconciliation margin are this pack's own example choices, marked 示例. The standard is written for
// penalty files; licensing and other files use it as it applies. `basis` cites 行政处罚法 (2021).
// `summary: true` until the city's official text is pasted.
import type { DeductionItem, FaultMap, ReviewRubric, VetoItem } from '../../review/rubric.js';

const TITLE = '《A市行政执法案卷评查标准（示例）》';
const at = (article: string, item: number) => `${TITLE}${article}第（${ZH[item]}）项`;
const ZH = [
  '',
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
];
const PENALTY_LAW = '《中华人民共和国行政处罚法》';

const veto = (n: number, key: string, label: string, faults: FaultMap, basis?: string): VetoItem => ({
  key,
  label,
  cite: at('第三条', n),
  ...(basis ? { basis: `${PENALTY_LAW}${basis}` } : {}),
  faults,
});

type ItemSpec = Omit<DeductionItem, 'cite' | 'basis' | 'faults' | 'basic'> & {
  basic?: boolean;
  basis?: string;
  faults?: FaultMap;
};
const items = (article: string, specs: ItemSpec[]): DeductionItem[] =>
  specs.map(({ basis, faults, basic, ...s }, i) => ({
    ...s,
    basic: basic ?? false,
    cite: at(article, i + 1),
    ...(basis ? { basis: `${PENALTY_LAW}${basis}` } : {}),
    faults: faults ?? {},
  }));

export const A_CITY_REVIEW: ReviewRubric = {
  title: TITLE,
  summary: true,
  source:
    '否决项及卷面前七项分值据测绘行政处罚案卷评查标准；“基本要素存在问题的不得评为优秀”据河南、浙江案卷评查标准；卷面后三项（签名盖章日期、书写、装订）、内容各项、分数线（优秀 90 分、合格 60 分）和双评差额（5 分）为示例',
  vetoes: [
    veto(
      1,
      'subject_lawful',
      '执法主体合法',
      {
        penalty: 'penalty.02',
        inspection: 'inspection.01',
        coercion: 'coercion.01',
        levy: 'levy.01',
        licensing: 'licensing.12',
      },
      '第十七条、第三十八条',
    ),
    veto(
      2,
      'officers_qualified',
      '执法人员具备执法资格',
      { penalty: 'penalty.02', inspection: 'inspection.01', coercion: 'coercion.01' },
      '第四十二条第一款',
    ),
    veto(3, 'referred', '应当移送司法机关的已经移送', { penalty: 'penalty.07' }, '第二十七条第一款'),
    veto(
      4,
      'evidence_sufficient',
      '证据确实充分',
      { penalty: 'penalty.01', coercion: 'coercion.02' },
      '第四十条',
    ),
    veto(5, 'facts_clear', '违法事实清楚', { penalty: 'penalty.01', coercion: 'coercion.02' }, '第四十条'),
    // A wrong characterisation or wrong law is no item of its own in the catalogue: "其他" of each kind.
    veto(6, 'characterisation_correct', '定性准确', { penalty: 'penalty.12', licensing: 'licensing.13' }),
    veto(
      7,
      'law_applied_correctly',
      '适用法律依据正确',
      { penalty: 'penalty.01', levy: 'levy.01' },
      '第四条',
    ),
    veto(
      8,
      'procedure_lawful',
      '执法程序合法',
      { penalty: 'penalty.12', inspection: 'inspection.04', coercion: 'coercion.03', levy: 'levy.03' },
      '第五章',
    ),
    // As the detection rule fewer-than-two-officers maps it.
    veto(
      9,
      'two_officers',
      '执法人员不少于两人',
      { penalty: 'penalty.12', inspection: 'inspection.04', coercion: 'coercion.03' },
      '第四十二条第一款',
    ),
  ],
  sections: {
    form: {
      max: 20,
      items: items('第四条', [
        { key: 'form.templates', label: '使用规范的执法文书格式', group: '卷面', max: 2, step: 1 },
        { key: 'form.filling', label: '文书填写完整（每缺一项扣 1 分）', group: '卷面', max: 4, step: 1 },
        { key: 'form.one_file', label: '一案一卷', group: '卷面', max: 2, step: 2 },
        { key: 'form.cover', label: '卷宗封面填写规范', group: '卷面', max: 1, step: 1 },
        { key: 'form.index_pages', label: '卷内目录齐全、逐页编写页码', group: '卷面', max: 2, step: 1 },
        { key: 'form.order', label: '卷内文书材料排列有序', group: '卷面', max: 1, step: 1 },
        { key: 'form.numbering', label: '文书编号（案号）规范统一', group: '卷面', max: 2, step: 1 },
        // 示例 from here.
        {
          key: 'form.signatures',
          label: '签名、盖章、日期齐全',
          group: '卷面',
          max: 3,
          step: 1,
          basic: true,
        },
        { key: 'form.writing', label: '书写工整、用语规范、无随意涂改', group: '卷面', max: 2, step: 1 },
        { key: 'form.binding', label: '装订整齐、材料齐全', group: '卷面', max: 1, step: 1 },
      ]),
    },
    content: {
      max: 80,
      items: items('第五条', [
        // 证据 20
        {
          key: 'content.party_identity',
          label: '当事人主体资格证明齐全',
          group: '证据',
          max: 3,
          step: 3,
          basic: true,
        },
        {
          key: 'content.evidence_sources',
          label: '证据来源合法、形式规范（复印件注明出处并签章）',
          group: '证据',
          max: 5,
          step: 1,
          basis: '第四十六条',
        },
        {
          key: 'content.evidence_chain',
          label: '证据相互印证，形成完整的证据链',
          group: '证据',
          max: 7,
          step: 2,
          basis: '第四十条',
        },
        {
          key: 'content.records',
          label: '现场检查（勘验）笔录、询问笔录制作规范',
          group: '证据',
          max: 5,
          step: 1,
        },
        // 程序 25
        {
          key: 'content.filing',
          label: '立案审批及时、手续完备',
          group: '程序',
          max: 3,
          step: 1,
          basis: '第五十四条',
        },
        {
          key: 'content.credentials',
          label: '调查取证时出示执法证件',
          group: '程序',
          max: 3,
          step: 3,
          basis: '第五十五条',
        },
        {
          key: 'content.prior_notice',
          label: '作出决定前告知拟作出的处罚内容及事实、理由、依据和陈述、申辩、听证权利',
          group: '程序',
          max: 4,
          step: 4,
          basic: true,
          basis: '第四十四条',
          faults: { penalty: 'penalty.09', licensing: 'licensing.03' },
        },
        {
          key: 'content.defence',
          label: '听取并复核当事人的陈述、申辩',
          group: '程序',
          max: 3,
          step: 3,
          basis: '第四十五条',
        },
        {
          key: 'content.hearing',
          label: '依法应当听证的组织听证',
          group: '程序',
          max: 4,
          step: 4,
          basis: '第六十三条、第六十四条',
          faults: { penalty: 'penalty.10', licensing: 'licensing.05' },
        },
        {
          key: 'content.legal_review',
          label: '重大执法决定经法制审核、集体讨论',
          group: '程序',
          max: 3,
          step: 3,
          basis: '第五十七条第二款、第五十八条',
          faults: { penalty: 'penalty.12' },
        },
        {
          key: 'content.deadline',
          label: '在法定期限内作出决定',
          group: '程序',
          max: 2,
          step: 2,
          basis: '第六十条',
          faults: { penalty: 'penalty.12', licensing: 'licensing.07' },
        },
        {
          key: 'content.service',
          label: '依法送达执法文书',
          group: '程序',
          max: 3,
          step: 1,
          basis: '第六十一条',
        },
        // 文书 15
        {
          key: 'content.decision_elements',
          label: '决定书载明法定事项（当事人、事实、证据、依据、内容、履行方式和期限、救济途径）',
          group: '文书',
          max: 6,
          step: 2,
          basic: true,
          basis: '第五十九条',
        },
        {
          key: 'content.reasoning',
          label: '决定书说理充分',
          group: '文书',
          max: 4,
          step: 2,
          faults: { licensing: 'licensing.04' },
        },
        {
          key: 'content.closing',
          label: '执行到位、结案手续完备（罚没款票据、结案报告）',
          group: '文书',
          max: 5,
          step: 1,
          basis: '第七十条',
          faults: { penalty: 'penalty.06' },
        },
        // 法律适用 10
        {
          key: 'content.citation',
          label: '引用法律依据准确、完整（具体到条、款、项）',
          group: '法律适用',
          max: 6,
          step: 2,
          basic: true,
        },
        { key: 'content.law_in_force', label: '适用现行有效的法律文本', group: '法律适用', max: 4, step: 4 },
        // 裁量 10
        {
          key: 'content.discretion_range',
          label: '处罚种类、幅度在法定范围和裁量基准之内',
          group: '裁量',
          max: 6,
          step: 6,
          basis: '第三十四条',
          faults: { penalty: 'penalty.03' },
        },
        {
          key: 'content.discretion_reasons',
          label: '说明适用裁量基准的理由',
          group: '裁量',
          max: 4,
          step: 2,
          basis: '第三十四条',
        },
      ]),
    },
  },
  bands: { excellent: 90, pass: 60 },
  reconcileMargin: 5,
};
