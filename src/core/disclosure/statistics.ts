// 公开的问责统计 and the annual report's figures (issue 15): what the portal publishes of the
// accountability work and of the acts — aggregate counts only, never a name — as measures, each
// counted by year, agency and a key. The store precomputes them (public_figures); the portal reads
// them. Pure vocabulary and the folding of stored rows into the published shape.
import { APPEAL_OUTCOME_LABELS, APPEAL_OUTCOMES } from '../relief/vote.js';
import { SANCTION_FORMS } from '../rulebook/types.js';
import { SANCTION_FORM_LABELS } from '../rulebook/vocabulary.js';
import { TOLERANCE_OUTCOME_LABELS, TOLERANCE_OUTCOMES } from '../tolerance/policy.js';
import { DECISION_KINDS, DECISION_LABELS } from '../workflow/case.js';
import {
  LICENSING_STAGE_LABELS,
  LICENSING_STAGES,
  PENALTY_CATEGORY_LABELS,
  PENALTY_REPORT_ORDER,
} from './report.js';

/**
 * The measures, each with the keys it is counted by (and their labels):
 * - `fault_found`: leads registered (线索: detection, complaints, referrals…), by the year registered;
 * - `case_registered`: accountability cases registered (立案), by the year registered;
 * - `case_decided`: cases decided, by decision kind (追究 / 不予追究 / 免予追究 / 移送), by the decision's year;
 * - `sanction`: persons sanctioned, by the form of 《办法》第二十四条 (after any change on appeal);
 * - `tolerance_decided`: 容错 applications decided, by outcome;
 * - `appeal_decided`: appeals (申诉、复核) decided, by outcome;
 * - `penalty`: penalty decisions, by the category counted (report.ts), with the fines;
 * - `licensing`: licensing acts, by stage (report.ts).
 */
export const FIGURE_KEYS = {
  fault_found: { total: '发现问题线索' },
  case_registered: { total: '立案' },
  case_decided: Object.fromEntries(DECISION_KINDS.map((k) => [k, DECISION_LABELS[k]])),
  sanction: Object.fromEntries(SANCTION_FORMS.map((k) => [k, SANCTION_FORM_LABELS[k]])),
  tolerance_decided: Object.fromEntries(TOLERANCE_OUTCOMES.map((k) => [k, TOLERANCE_OUTCOME_LABELS[k]])),
  appeal_decided: Object.fromEntries(APPEAL_OUTCOMES.map((k) => [k, APPEAL_OUTCOME_LABELS[k]])),
  penalty: Object.fromEntries(PENALTY_REPORT_ORDER.map((k) => [k, PENALTY_CATEGORY_LABELS[k]])),
  licensing: Object.fromEntries(LICENSING_STAGES.map((k) => [k, LICENSING_STAGE_LABELS[k]])),
} as const satisfies Record<string, Record<string, string>>;

export type FigureMeasure = keyof typeof FIGURE_KEYS;
export const FIGURE_MEASURES = Object.keys(FIGURE_KEYS) as FigureMeasure[];
/** The measures of the accountability statistics (the others are the acts', for the annual report). */
export const ACCOUNTABILITY_MEASURES = [
  'fault_found',
  'case_registered',
  'case_decided',
  'sanction',
  'tolerance_decided',
  'appeal_decided',
] as const satisfies readonly FigureMeasure[];

export const FIGURE_MEASURE_LABELS: Readonly<Record<FigureMeasure, string>> = {
  fault_found: '发现问题线索',
  case_registered: '立案',
  case_decided: '问责案件处理结果',
  sanction: '责任追究方式（人次）',
  tolerance_decided: '容错申请办理结果',
  appeal_decided: '申诉、复核办理结果',
  penalty: '行政处罚决定',
  licensing: '行政许可',
};

/** A stored figure: a count (and an amount in fen) of a measure's key, for a year and an agency. */
export interface FigureRow {
  measure: FigureMeasure;
  key: string;
  year: number;
  agencyId: string | null;
  n: number;
  amountFen: number;
}

export interface KeyCount {
  key: string;
  label: string;
  n: number;
  amountFen: number;
}

/** Every key of a measure in its vocabulary's order (zero when not counted), then any unknown key. */
export function countsByKey(rows: readonly FigureRow[], measure: FigureMeasure): KeyCount[] {
  const labels = FIGURE_KEYS[measure] as Record<string, string>;
  const sums = new Map<string, { n: number; amountFen: number }>();
  for (const k of Object.keys(labels)) sums.set(k, { n: 0, amountFen: 0 });
  for (const r of rows) {
    if (r.measure !== measure) continue;
    const s = sums.get(r.key) ?? { n: 0, amountFen: 0 };
    s.n += r.n;
    s.amountFen += r.amountFen;
    sums.set(r.key, s);
  }
  return [...sums].map(([key, s]) => ({ key, label: labels[key] ?? key, ...s }));
}

/** The total of a measure over the rows. */
export const totalOf = (rows: readonly FigureRow[], measure: FigureMeasure): number =>
  rows.reduce((s, r) => (r.measure === measure ? s + r.n : s), 0);

/** The accountability figures of one agency or one year: found, registered, decided, pursued. */
export interface AccountabilityLine {
  found: number;
  registered: number;
  decided: number;
  pursued: number;
  sanctioned: number;
  toleranceGranted: number;
  appealsDecided: number;
}

/** The line of the rows (already narrowed to an agency or a year). */
export function accountabilityLine(rows: readonly FigureRow[]): AccountabilityLine {
  const of = (m: FigureMeasure, key?: string) =>
    rows.reduce((s, r) => (r.measure === m && (key === undefined || r.key === key) ? s + r.n : s), 0);
  return {
    found: of('fault_found'),
    registered: of('case_registered'),
    decided: of('case_decided'),
    pursued: of('case_decided', 'pursue'),
    sanctioned: of('sanction'),
    toleranceGranted: of('tolerance_decided', 'exempt') + of('tolerance_decided', 'mitigate'),
    appealsDecided: of('appeal_decided'),
  };
}

/** Rows grouped by a field, in the order of its values (years newest first, agencies as given). */
export function groupRows<K, R extends FigureRow>(rows: readonly R[], by: (r: R) => K): Map<K, R[]> {
  const out = new Map<K, R[]>();
  for (const r of rows) {
    const k = by(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/** 公开的问责统计 as the portal shows it: totals, each measure by key, by agency and by year. */
export interface PublicStatistics {
  /** The year shown, or null for every year. */
  year: number | null;
  totals: AccountabilityLine;
  outcomes: Omit<KeyCount, 'amountFen'>[];
  sanctions: Omit<KeyCount, 'amountFen'>[];
  tolerance: Omit<KeyCount, 'amountFen'>[];
  appeals: Omit<KeyCount, 'amountFen'>[];
  byAgency: ({ agencyId: string | null; agencyName: string } & AccountabilityLine)[];
  byYear: ({ year: number } & AccountabilityLine)[];
}

/**
 * The statistics of the accountability rows: of `year` when given (by agency, and every year's line
 * beside it), else of every year.
 */
export function publicStatisticsOf(
  all: readonly (FigureRow & { agencyName: string | null })[],
  year: number | null,
): PublicStatistics {
  const rows = year === null ? all : all.filter((r) => r.year === year);
  const keys = (m: FigureMeasure) => countsByKey(rows, m).map(({ key, label, n }) => ({ key, label, n }));
  const byAgency = [...groupRows(rows, (r) => r.agencyId)]
    .map(([agencyId, list]) => ({
      agencyId,
      agencyName: list[0]?.agencyName ?? agencyId ?? '未确定执法部门',
      ...accountabilityLine(list),
    }))
    .sort(
      (a, b) => b.found + b.registered - (a.found + a.registered) || a.agencyName.localeCompare(b.agencyName),
    );
  const byYear = [...groupRows(all, (r) => r.year)]
    .map(([y, list]) => ({ year: y, ...accountabilityLine(list) }))
    .sort((a, b) => b.year - a.year);
  return {
    year,
    totals: accountabilityLine(rows),
    outcomes: keys('case_decided'),
    sanctions: keys('sanction'),
    tolerance: keys('tolerance_decided'),
    appeals: keys('appeal_decided'),
    byAgency,
    byYear,
  };
}
