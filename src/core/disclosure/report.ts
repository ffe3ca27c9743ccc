// 行政执法年度报告 (issue 15): the figures an enforcement body publishes by 31 January for the year
// before — "各级行政执法机关要于每年1月31日前公开本机关上年度行政执法总体情况有关数据"
// (国办发〔2018〕118号 三、(四)) — penalties by the categories of 行政处罚法第九条, a combined penalty
// counted once under its heaviest category, with the fines in 万元, and licensing by stage. Pure: the
// store derives its SQL from the keyword table below (src/store/public-figures.repository.ts).
import type { LicensingDecision, ReviewResult } from '../acts/codes.js';

/**
 * The categories of 行政处罚法第九条, lightest first: the order of the article's items (一)…(五), and
 * within an item the order it names its penalties in; 其他 (item 六) last but counted only when no
 * named category applies. This order decides which category a combined penalty is counted under.
 */
export const PENALTY_CATEGORIES = [
  'other',
  'warning',
  'fine',
  'confiscation',
  'suspension',
  'revocation',
  'restriction',
  'closure',
  'detention',
] as const;
export type PenaltyCategory = (typeof PENALTY_CATEGORIES)[number];

/** The labels as the annual report prints them (行政处罚法第九条's words). */
export const PENALTY_CATEGORY_LABELS: Readonly<Record<PenaltyCategory, string>> = {
  warning: '警告、通报批评',
  fine: '罚款',
  confiscation: '没收违法所得、没收非法财物',
  suspension: '暂扣许可证件、降低资质等级',
  revocation: '吊销许可证件',
  restriction: '限制开展生产经营活动',
  closure: '责令停产停业、责令关闭、限制从业',
  detention: '行政拘留',
  other: '其他行政处罚',
};

/** The report's rows: heaviest first, 其他 last. */
export const PENALTY_REPORT_ORDER: readonly PenaltyCategory[] = [
  'warning',
  'fine',
  'confiscation',
  'suspension',
  'revocation',
  'restriction',
  'closure',
  'detention',
  'other',
];

/**
 * The words by which a decision's 处罚类别 or 处罚结果 names each category (the act's `category` and
 * `result` fields). A fine is also recognised by the act's `fine` amount.
 */
export const PENALTY_KEYWORDS: Readonly<Record<Exclude<PenaltyCategory, 'other'>, readonly string[]>> = {
  warning: ['警告', '通报批评'],
  fine: ['罚款'],
  confiscation: ['没收'],
  suspension: ['暂扣', '降低资质'],
  revocation: ['吊销'],
  restriction: ['限制开展生产经营', '限制生产经营'],
  closure: ['停产停业', '责令关闭', '限制从业', '停业整顿'],
  detention: ['拘留'],
};

/** What the category mapping reads of a penalty decision. */
export interface PenaltyFacts {
  category?: string | null;
  result?: string | null;
  fine?: number | null;
}

const rank = (c: PenaltyCategory) => PENALTY_CATEGORIES.indexOf(c);

/** Every category a penalty decision names (in its category or result text, or by its fine). */
export function penaltyCategoriesOf(p: PenaltyFacts): PenaltyCategory[] {
  const text = `${p.category ?? ''} ${p.result ?? ''}`;
  const found = new Set<PenaltyCategory>();
  for (const [c, words] of Object.entries(PENALTY_KEYWORDS) as [PenaltyCategory, readonly string[]][])
    if (words.some((w) => text.includes(w))) found.add(c);
  if (p.fine != null && p.fine > 0) found.add('fine');
  return [...found].sort((a, b) => rank(a) - rank(b));
}

/** The category a penalty decision is counted under: the heaviest it names, else 其他. */
export function penaltyReportCategory(p: PenaltyFacts): PenaltyCategory {
  const all = penaltyCategoriesOf(p);
  return all.length === 0 ? 'other' : (all[all.length - 1] as PenaltyCategory);
}

/** The heavier of two categories (the order of 行政处罚法第九条). */
export const heavierCategory = (a: PenaltyCategory, b: PenaltyCategory): PenaltyCategory =>
  rank(a) >= rank(b) ? a : b;

// --- amounts ----------------------------------------------------------------------------------------

/** A fine in fen (分), exactly: amounts are summed in fen, never as floating yuan. */
export const fen = (yuan: number | null | undefined): number =>
  yuan == null || !Number.isFinite(yuan) || yuan <= 0 ? 0 : Math.round(yuan * 100);

/** An amount of fen in 万元 with two decimals, rounded half up: 1,234,567 fen (12,345.67 元) → "1.23". */
export function wanYuan(fenAmount: number): string {
  const hundredths = Math.floor((Math.max(0, fenAmount) + 5000) / 10_000);
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

// --- licensing -------------------------------------------------------------------------------------

/** The stages a licensing act is counted at in the report. */
export const LICENSING_STAGES = ['applied', 'accepted', 'granted', 'refused', 'revoked'] as const;
export type LicensingStage = (typeof LICENSING_STAGES)[number];
export const LICENSING_STAGE_LABELS: Readonly<Record<LicensingStage, string>> = {
  applied: '申请',
  accepted: '受理',
  granted: '许可',
  refused: '不予许可',
  revoked: '撤销',
};

/** What the licensing figures read of an act. */
export interface LicensingFacts {
  applied?: string | null;
  accepted?: string | null;
  decided?: string | null;
  decision?: LicensingDecision | null;
  review?: ReviewResult | null;
}

/**
 * The stages a licensing act counts at in `year`: applied and accepted by the dates of those steps;
 * granted (准予许可, or no outcome recorded) and refused (不予许可) by the decision's date; revoked (the
 * licence revoked on review or by a court, 行政许可法第六十九条) by the decision's year.
 */
export function licensingStagesIn(a: LicensingFacts, year: number): LicensingStage[] {
  const y = String(year);
  const out: LicensingStage[] = [];
  if (a.applied?.startsWith(y)) out.push('applied');
  if (a.accepted?.startsWith(y)) out.push('accepted');
  if (a.decided?.startsWith(y)) {
    if (a.decision == null || a.decision === 'granted') out.push('granted');
    else if (a.decision === 'refused') out.push('refused');
    if (a.review === 'revoked' && a.decision !== 'refused' && a.decision !== 'not_accepted')
      out.push('revoked');
  }
  return out;
}

// --- availability ----------------------------------------------------------------------------------

/** The day the report of `year` is published: 31 January of the year after (国办发〔2018〕118号). */
export const annualReportOn = (year: number): string => `${year + 1}-01-31`;

/** Whether the report of `year` is out on `today`. */
export const annualReportAvailable = (year: number, today: string): boolean => today >= annualReportOn(year);

/** The latest year whose report is out on `today`. */
export const latestReportYear = (today: string): number => {
  const y = Number(today.slice(0, 4));
  return annualReportAvailable(y - 1, today) ? y - 1 : y - 2;
};
