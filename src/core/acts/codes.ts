// Codes of the exchange format (CONTRACTS.md §3), without zod: the scan workers load only these.
// Each vocabulary has its Chinese label next to it: the labels that CSV and Excel imports take as
// well as the codes (columns.ts), that the import template lists, and that the console shows.

export const ACT_KINDS = ['licensing', 'levy', 'inspection', 'coercion', 'penalty', 'other'] as const;
export type ActKind = (typeof ACT_KINDS)[number];
export const ACT_KIND_LABELS: Readonly<Record<ActKind, string>> = {
  licensing: '行政许可',
  levy: '行政征收',
  inspection: '行政检查',
  coercion: '行政强制',
  penalty: '行政处罚',
  other: '其他',
};
export const PROCEDURES = ['ordinary', 'summary'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Readonly<Record<Procedure, string>> = {
  ordinary: '普通程序',
  summary: '简易程序',
};
export const PARTY_TYPES = ['org', 'person'] as const;
export type PartyType = (typeof PARTY_TYPES)[number];
export const PARTY_TYPE_LABELS: Readonly<Record<PartyType, string>> = { org: '单位', person: '个人' };
export const REVIEW_RESULTS = ['upheld', 'changed', 'revoked', 'confirmed_illegal'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
/** The outcome of an administrative review or lawsuit against the act. */
export const REVIEW_RESULT_LABELS: Readonly<Record<ReviewResult, string>> = {
  upheld: '维持',
  changed: '变更',
  revoked: '撤销',
  confirmed_illegal: '确认违法',
};
export const DATE_FIELDS = ['applied', 'accepted', 'filed', 'notified', 'decided', 'served'] as const;
/** Known payment methods; others are accepted as free text. 'onsite' is collection on the spot (当场收缴). */
export const PAYMENT_METHODS = ['bank', 'online', 'onsite'] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Readonly<Record<PaymentMethod, string>> = {
  bank: '银行缴纳',
  online: '网上缴纳',
  onsite: '当场收缴',
};
/** The outcome of a licensing application: 准予许可 / 不予许可 / 不予受理 (行政许可法第三十二条、第三十八条). */
export const LICENSING_DECISIONS = ['granted', 'refused', 'not_accepted'] as const;
export type LicensingDecision = (typeof LICENSING_DECISIONS)[number];
export const LICENSING_DECISION_LABELS: Readonly<Record<LicensingDecision, string>> = {
  granted: '准予许可',
  refused: '不予许可',
  not_accepted: '不予受理',
};
/** An administrative coercive measure: 查封 (seal), 扣押 (seize), or another (行政强制法第九条). */
export const COERCION_MEASURES = ['seal', 'seize', 'other'] as const;
export type CoercionMeasure = (typeof COERCION_MEASURES)[number];
export const COERCION_MEASURE_LABELS: Readonly<Record<CoercionMeasure, string>> = {
  seal: '查封',
  seize: '扣押',
  other: '其他',
};
/**
 * Grounds on which an agency declares a decision not to be published (政府信息公开条例第十四条、第十五条;
 * 未成年人保护法第一百零三条). The rules and their citations are src/core/disclosure/withhold.ts.
 */
export const WITHHOLD_GROUNDS = ['state_secret', 'security', 'trade_secret', 'privacy', 'minor'] as const;
export type WithholdGround = (typeof WITHHOLD_GROUNDS)[number];
export const WITHHOLD_GROUND_LABELS: Readonly<Record<WithholdGround, string>> = {
  state_secret: '国家秘密',
  security: '危及国家安全、公共安全、经济安全、社会稳定',
  trade_secret: '商业秘密',
  privacy: '个人隐私',
  minor: '未成年人',
};
