// Codes of the exchange format (CONTRACTS.md §3), without zod: the scan workers load only these.

export const ACT_KINDS = ['licensing', 'levy', 'inspection', 'coercion', 'penalty', 'other'] as const;
export type ActKind = (typeof ACT_KINDS)[number];
export const PROCEDURES = ['ordinary', 'summary'] as const;
export const PARTY_TYPES = ['org', 'person'] as const;
export const REVIEW_RESULTS = ['upheld', 'changed', 'revoked', 'confirmed_illegal'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];
export const DATE_FIELDS = ['applied', 'accepted', 'filed', 'notified', 'decided', 'served'] as const;
/** Known payment methods; others are accepted as free text. 'onsite' is collection on the spot (当场收缴). */
export const PAYMENT_METHODS = ['bank', 'online', 'onsite'] as const;
/** The outcome of a licensing application: 准予许可 / 不予许可 / 不予受理 (行政许可法第三十二条、第三十八条). */
export const LICENSING_DECISIONS = ['granted', 'refused', 'not_accepted'] as const;
export type LicensingDecision = (typeof LICENSING_DECISIONS)[number];
/** An administrative coercive measure: 查封 (seal), 扣押 (seize), or another (行政强制法第九条). */
export const COERCION_MEASURES = ['seal', 'seize', 'other'] as const;
export type CoercionMeasure = (typeof COERCION_MEASURES)[number];
