// The flat columns of a CSV or spreadsheet of acts (one act per row; the header row names the
// fields by their path in the exchange format) and the values the enumerated columns take: the
// code or its Chinese label (codes.ts), trimmed, full-width and half-width alike. One source for the
// reader (src/store/acts-formats.ts), `wenze import acts --help`, the import template and the
// console's import dialog. No zod, no Node: the console imports this file.
import {
  ACT_KIND_LABELS,
  ACT_KINDS,
  COERCION_MEASURE_LABELS,
  COERCION_MEASURES,
  LICENSING_DECISION_LABELS,
  LICENSING_DECISIONS,
  PARTY_TYPE_LABELS,
  PARTY_TYPES,
  PAYMENT_METHOD_LABELS,
  PAYMENT_METHODS,
  PROCEDURE_LABELS,
  PROCEDURES,
  REVIEW_RESULT_LABELS,
  REVIEW_RESULTS,
  WITHHOLD_GROUND_LABELS,
  WITHHOLD_GROUNDS,
} from './codes.js';

/** An enumerated column's values: each code, its label, and other spellings taken for it. */
export interface Vocabulary {
  readonly codes: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  /** Further spellings (synonyms in use, older labels) → code. */
  readonly aliases?: Readonly<Record<string, string>>;
  /** Other values are kept as free text (the exchange format allows them) instead of refused. */
  readonly open?: boolean;
}

const vocabulary = <C extends string>(
  codes: readonly C[],
  labels: Readonly<Record<C, string>>,
  aliases: Readonly<Record<string, C>> = {},
  open = false,
): Vocabulary => ({ codes, labels, aliases, open });

/** The enumerated columns of the exchange format and their vocabularies. */
export const ACT_VOCABULARIES = {
  kind: vocabulary(ACT_KINDS, ACT_KIND_LABELS, {
    行政征收征用: 'levy',
    行政征用: 'levy',
    其他行政管理: 'other',
    其他行政行为: 'other',
  }),
  procedure: vocabulary(PROCEDURES, PROCEDURE_LABELS, {
    一般程序: 'ordinary',
    普通: 'ordinary',
    简易: 'summary',
  }),
  'party.type': vocabulary(PARTY_TYPES, PARTY_TYPE_LABELS, {
    法人: 'org',
    组织: 'org',
    其他组织: 'org',
    法人或其他组织: 'org',
    自然人: 'person',
    公民: 'person',
  }),
  'payment.method': vocabulary(
    PAYMENT_METHODS,
    PAYMENT_METHOD_LABELS,
    {
      现场收缴: 'onsite',
      当场缴纳: 'onsite',
      银行: 'bank',
      指定银行缴纳: 'bank',
      网上: 'online',
      网上支付: 'online',
      在线缴纳: 'online',
      电子缴纳: 'online',
    },
    true,
  ),
  review: vocabulary(REVIEW_RESULTS, REVIEW_RESULT_LABELS),
  decision: vocabulary(LICENSING_DECISIONS, LICENSING_DECISION_LABELS, {
    准予: 'granted',
    不予受理申请: 'not_accepted',
  }),
  measure: vocabulary(COERCION_MEASURES, COERCION_MEASURE_LABELS),
  withhold: vocabulary(WITHHOLD_GROUNDS, WITHHOLD_GROUND_LABELS, {
    涉及国家秘密: 'state_secret',
    危及安全稳定: 'security',
    涉及商业秘密: 'trade_secret',
    涉及个人隐私: 'privacy',
    涉及未成年人: 'minor',
  }),
} as const satisfies Record<string, Vocabulary>;

export type VocabularyColumn = keyof typeof ACT_VOCABULARIES;

/** The yes/no columns' values: 是/否 and their spellings. */
export const BOOLEAN_LABELS = { true: '是', false: '否' } as const;
const TRUE_VALUES = ['是', 'true', '1', 'yes', 'y', 't', '对', '有'];
const FALSE_VALUES = ['否', 'false', '0', 'no', 'n', 'f', '错', '无'];

export const BOOLEAN_COLUMNS: ReadonlySet<string> = new Set([
  'dates.extended',
  'payment.receipt',
  'hearing.requested',
  'hearing.held',
  'criminal.suspected',
  'criminal.referred',
  'receiptIssued',
  'extension.approved',
]);

/** What kind of value a column holds. */
export type ColumnType = 'text' | 'date' | 'number' | 'boolean' | 'officers' | 'enum';

export interface ActColumn {
  /** The field's path in the exchange format: the header of the column. */
  name: string;
  required: boolean;
  type: ColumnType;
  /** What it holds (Chinese; the console has its own translations). */
  meaning: string;
  /** An example value. */
  example: string;
}

/** The columns, in the template's order. */
export const ACT_COLUMNS: readonly ActColumn[] = [
  { name: 'id', required: true, type: 'text', meaning: '执法行为编号', example: 'A-2025-000001' },
  { name: 'agency', required: true, type: 'text', meaning: '执法机关编码', example: '529900-SCJ' },
  { name: 'kind', required: true, type: 'enum', meaning: '执法行为类别', example: '行政处罚' },
  { name: 'matter', required: false, type: 'text', meaning: '事项', example: '销售不符合食品安全标准的食品' },
  { name: 'procedure', required: false, type: 'enum', meaning: '处罚程序（行政处罚）', example: '普通程序' },
  { name: 'party.type', required: false, type: 'enum', meaning: '当事人类型', example: '单位' },
  {
    name: 'party.id',
    required: false,
    type: 'text',
    meaning: '当事人代码（统一社会信用代码或证件号）',
    example: '91529900MA6DXXXX1X',
  },
  {
    name: 'party.name',
    required: false,
    type: 'text',
    meaning: '当事人名称（单位全称或自然人姓名；自然人姓名公示时隐去名字）',
    example: '某某食品有限公司',
  },
  {
    name: 'party.creditCode',
    required: false,
    type: 'text',
    meaning: '统一社会信用代码（单位，公示）',
    example: '91529900MA6DXXXX1X',
  },
  {
    name: 'party.idNumber',
    required: false,
    type: 'text',
    meaning: '身份证号码（自然人；加密保存，不公示）',
    example: '529900198001011234',
  },
  {
    name: 'officers',
    required: false,
    type: 'officers',
    meaning: '执法人员：编号:执法证号:有效期至，多人以分号分隔',
    example: 'O-1:52010012345:2026-12-31;O-2:52010012346:2026-12-31',
  },
  { name: 'chain.handler', required: false, type: 'text', meaning: '承办人（执法人员编号）', example: 'O-1' },
  { name: 'chain.reviewer', required: false, type: 'text', meaning: '审核人', example: 'O-2' },
  { name: 'chain.approver', required: false, type: 'text', meaning: '批准人', example: 'O-3' },
  {
    name: 'violation',
    required: false,
    type: 'text',
    meaning: '违法行为代码（裁量基准）',
    example: 'FOOD-27',
  },
  { name: 'incidentDate', required: false, type: 'date', meaning: '违法行为发生日期', example: '2025-03-01' },
  {
    name: 'dates.applied',
    required: false,
    type: 'date',
    meaning: '申请日期（行政许可）',
    example: '2025-03-01',
  },
  {
    name: 'dates.accepted',
    required: false,
    type: 'date',
    meaning: '受理日期（行政许可）',
    example: '2025-03-03',
  },
  { name: 'dates.filed', required: false, type: 'date', meaning: '立案日期', example: '2025-03-03' },
  {
    name: 'dates.notified',
    required: false,
    type: 'date',
    meaning: '告知日期（处罚前告知）',
    example: '2025-03-20',
  },
  { name: 'dates.decided', required: false, type: 'date', meaning: '决定日期', example: '2025-04-01' },
  { name: 'dates.served', required: false, type: 'date', meaning: '送达日期', example: '2025-04-03' },
  { name: 'dates.extended', required: false, type: 'boolean', meaning: '许可期限经批准延长', example: '否' },
  { name: 'fine', required: false, type: 'number', meaning: '罚款金额（元）', example: '500' },
  {
    name: 'payment.method',
    required: false,
    type: 'enum',
    meaning: '罚款缴纳方式（其他方式按原文保存）',
    example: '银行缴纳',
  },
  { name: 'payment.receipt', required: false, type: 'boolean', meaning: '已出具罚没款票据', example: '是' },
  { name: 'hearing.requested', required: false, type: 'boolean', meaning: '当事人要求听证', example: '否' },
  { name: 'hearing.held', required: false, type: 'boolean', meaning: '已举行听证', example: '否' },
  { name: 'criminal.suspected', required: false, type: 'boolean', meaning: '涉嫌犯罪', example: '否' },
  { name: 'criminal.referred', required: false, type: 'boolean', meaning: '已移送司法机关', example: '否' },
  {
    name: 'review',
    required: false,
    type: 'enum',
    meaning: '行政复议、诉讼结果（空为未经复议诉讼）',
    example: '维持',
  },
  { name: 'decision', required: false, type: 'enum', meaning: '许可结果（行政许可）', example: '不予许可' },
  {
    name: 'reason',
    required: false,
    type: 'text',
    meaning: '不予许可、不予受理的理由；行政处罚的事由（违法事实）',
    example: '销售超过保质期的食品',
  },
  {
    name: 'receiptIssued',
    required: false,
    type: 'boolean',
    meaning: '已出具申请书面凭证（空为未知）',
    example: '是',
  },
  { name: 'measure', required: false, type: 'enum', meaning: '强制措施（行政强制）', example: '扣押' },
  { name: 'dates.seized', required: false, type: 'date', meaning: '查封、扣押日期', example: '2025-03-05' },
  {
    name: 'dates.released',
    required: false,
    type: 'date',
    meaning: '解除查封、扣押日期',
    example: '2025-04-02',
  },
  {
    name: 'extension.approved',
    required: false,
    type: 'boolean',
    meaning: '查封、扣押期限经批准延长',
    example: '否',
  },
  { name: 'extension.on', required: false, type: 'date', meaning: '批准延长日期', example: '2025-03-30' },
  {
    name: 'payment.collectedOn',
    required: false,
    type: 'date',
    meaning: '当场收缴罚款日期',
    example: '2025-04-01',
  },
  {
    name: 'payment.remittedOn',
    required: false,
    type: 'date',
    meaning: '罚款上缴日期',
    example: '2025-04-02',
  },
  {
    name: 'hearing.noticedOn',
    required: false,
    type: 'date',
    meaning: '听证通知日期',
    example: '2025-03-21',
  },
  { name: 'hearing.heldOn', required: false, type: 'date', meaning: '举行听证日期', example: '2025-03-31' },
  {
    name: 'documentNo',
    required: false,
    type: 'text',
    meaning: '决定书文号',
    example: 'A市市监罚〔2025〕12号',
  },
  {
    name: 'itemName',
    required: false,
    type: 'text',
    meaning: '项目名称（行政许可）、处罚名称（行政处罚）',
    example: '某某食品有限公司销售超过保质期食品案',
  },
  {
    name: 'category',
    required: false,
    type: 'text',
    meaning: '审批类别（行政许可）、处罚类别（行政处罚）',
    example: '罚款',
  },
  {
    name: 'content',
    required: false,
    type: 'text',
    meaning: '许可内容（行政许可）',
    example: '食品销售经营者',
  },
  {
    name: 'basis',
    required: false,
    type: 'text',
    meaning: '处罚依据（行政处罚）',
    example: '《中华人民共和国食品安全法》第一百二十四条',
  },
  { name: 'result', required: false, type: 'text', meaning: '处罚结果（行政处罚）', example: '罚款500元' },
  {
    name: 'publishedOn',
    required: false,
    type: 'date',
    meaning: '本机关公示日期（行政许可、行政处罚决定）',
    example: '2025-04-03',
  },
  {
    name: 'withhold',
    required: false,
    type: 'enum',
    meaning: '不予公开的理由（空为应当公示）',
    example: '个人隐私',
  },
];

/**
 * The example row of the template: a penalty decided under the ordinary procedure, paid at the bank
 * (a column absent here is left empty).
 */
export const ACT_EXAMPLE_ROW: Readonly<Record<string, string>> = {
  id: 'A-2025-000001',
  agency: '529900-SCJ',
  kind: '行政处罚',
  matter: '销售不符合食品安全标准的食品',
  procedure: '普通程序',
  'party.type': '单位',
  'party.id': '91529900MA6DXXXX1X',
  officers: 'O-1:52010012345:2026-12-31;O-2:52010012346:2026-12-31',
  'chain.handler': 'O-1',
  'chain.reviewer': 'O-2',
  'chain.approver': 'O-3',
  violation: 'FOOD-27',
  incidentDate: '2025-03-01',
  'dates.filed': '2025-03-03',
  'dates.notified': '2025-03-20',
  'dates.decided': '2025-04-01',
  'dates.served': '2025-04-03',
  fine: '500',
  'payment.method': '银行缴纳',
  'payment.receipt': '是',
  'hearing.requested': '否',
  'hearing.held': '否',
  'criminal.suspected': '否',
  'criminal.referred': '否',
  reason: '销售超过保质期的食品',
  documentNo: 'A市市监罚〔2025〕12号',
  category: '罚款',
  basis: '《中华人民共和国食品安全法》第一百二十四条',
  result: '罚款500元',
  publishedOn: '2025-04-03',
};

const isVocabularyColumn = (name: string): name is VocabularyColumn => Object.hasOwn(ACT_VOCABULARIES, name);

/** The vocabulary of an enumerated column (undefined for another). */
export function vocabularyOf(column: string): Vocabulary | undefined {
  return isVocabularyColumn(column) ? ACT_VOCABULARIES[column] : undefined;
}

/**
 * A cell's text as the lookup sees it: full-width forms as half-width (NFKC), trimmed (also of
 * ideographic and zero-width spaces), lower case, spaces and hyphens as underscores.
 */
export function normalizeValue(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

const lookups = new Map<Vocabulary, Map<string, string>>();

function lookupOf(v: Vocabulary): Map<string, string> {
  let m = lookups.get(v);
  if (m === undefined) {
    m = new Map();
    for (const [alias, code] of Object.entries(v.aliases ?? {})) m.set(normalizeValue(alias), code);
    for (const code of v.codes) {
      m.set(normalizeValue(v.labels[code]), code);
      m.set(normalizeValue(code), code);
    }
    lookups.set(v, m);
  }
  return m;
}

/** The code a cell's text stands for (code or label, any width or case), or undefined. */
export function codeOf(v: Vocabulary, text: string): string | undefined {
  const m = lookupOf(v);
  return m.get(text) ?? m.get(normalizeValue(text));
}

const booleans = new Map<string, boolean>([
  ...TRUE_VALUES.map((s) => [s, true] as const),
  ...FALSE_VALUES.map((s) => [s, false] as const),
]);

/** The boolean a yes/no cell's text stands for, or undefined. */
export function booleanOf(text: string): boolean | undefined {
  return booleans.get(text) ?? booleans.get(normalizeValue(text));
}

/** The allowed values of a column, label and code: `行政许可（licensing）、行政征收（levy）…`. */
export function allowedValues(column: string): string | undefined {
  if (BOOLEAN_COLUMNS.has(column)) return '是（true）、否（false）';
  const v = vocabularyOf(column);
  if (v === undefined) return undefined;
  return v.codes.map((c) => `${v.labels[c]}（${c}）`).join('、');
}

/** The message for a value an enumerated or yes/no column does not take. */
export function unknownValueMessage(column: string, text: string): string {
  return `取值“${text}”无效，可选：${allowedValues(column) ?? ''}`;
}

/**
 * A cell of an enumerated or yes/no column as its code (a boolean for yes/no), or `{ error }` naming
 * the allowed values; undefined for a column that is neither. Free text where the vocabulary is open.
 */
export function columnValue(
  column: string,
  text: string,
): { value: string | boolean } | { error: string } | undefined {
  if (BOOLEAN_COLUMNS.has(column)) {
    const b = booleanOf(text);
    return b === undefined ? { error: unknownValueMessage(column, text) } : { value: b };
  }
  const v = vocabularyOf(column);
  if (v === undefined) return undefined;
  const code = codeOf(v, text);
  if (code !== undefined) return { value: code };
  return v.open ? { value: text } : { error: unknownValueMessage(column, text) };
}
