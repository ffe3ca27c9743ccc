// The relief figures from GET /appeals/statistics: each (year, agency, state, outcome) count
// summed into the totals — appeals, decided upheld, changed, revoked, rejected, withdrawn, under
// way — and into one row per year and agency.
import type { AppealStatistics } from '../types/appeal';
import { byYearAgency, percentOf, type YearAgencyRow } from './year-agency';

export interface AppealFigures {
  appeals: number;
  upheld: number;
  changed: number;
  revoked: number;
  rejected: number;
  withdrawn: number;
  pending: number;
}

export type AppealFiguresRow = YearAgencyRow<AppealFigures>;

const empty = (): AppealFigures => ({
  appeals: 0,
  upheld: 0,
  changed: 0,
  revoked: 0,
  rejected: 0,
  withdrawn: 0,
  pending: 0,
});

function add(f: AppealFigures, r: AppealStatistics['rows'][number]) {
  f.appeals += r.n;
  if (r.state === 'decided') {
    if (r.outcome === 'changed') f.changed += r.n;
    else if (r.outcome === 'revoked') f.revoked += r.n;
    else f.upheld += r.n;
  } else if (r.state === 'rejected') f.rejected += r.n;
  else if (r.state === 'withdrawn') f.withdrawn += r.n;
  else f.pending += r.n;
}

/** The totals, and one row per year and agency (the latest year first, agencies by name). */
export function appealFigures(rows: AppealStatistics['rows']): {
  totals: AppealFigures;
  byYearAgency: AppealFiguresRow[];
} {
  return byYearAgency(rows, empty, add);
}

/** The share of decided appeals that changed or revoked the decision, 0–100 (null: none decided). */
export function reliefRate(f: Pick<AppealFigures, 'upheld' | 'changed' | 'revoked'>): number | null {
  return percentOf(f.changed + f.revoked, f.upheld + f.changed + f.revoked);
}
