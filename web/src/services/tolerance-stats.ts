// The register's figures from GET /tolerance-applications/statistics: each (year, agency, state,
// outcome) count summed into the totals — applications, tolerance granted (免责 + 从轻减轻),
// rejected, declined, withdrawn, under way — and into one row per year and agency.
import type { ToleranceStatistics } from '../types/tolerance';
import { byYearAgency, percentOf, type YearAgencyRow } from './year-agency';

export interface ToleranceFigures {
  applications: number;
  granted: number;
  exempt: number;
  mitigate: number;
  rejected: number;
  declined: number;
  withdrawn: number;
  pending: number;
}

export type ToleranceFiguresRow = YearAgencyRow<ToleranceFigures>;

const empty = (): ToleranceFigures => ({
  applications: 0,
  granted: 0,
  exempt: 0,
  mitigate: 0,
  rejected: 0,
  declined: 0,
  withdrawn: 0,
  pending: 0,
});

function add(f: ToleranceFigures, r: ToleranceStatistics['rows'][number]) {
  f.applications += r.n;
  if (r.state === 'decided') {
    if (r.outcome === 'exempt') f.exempt += r.n;
    else if (r.outcome === 'mitigate') f.mitigate += r.n;
    else f.rejected += r.n;
    if (r.outcome === 'exempt' || r.outcome === 'mitigate') f.granted += r.n;
  } else if (r.state === 'declined') f.declined += r.n;
  else if (r.state === 'withdrawn') f.withdrawn += r.n;
  else f.pending += r.n;
}

/** The totals, and one row per year and agency (the latest year first, agencies by name). */
export function toleranceFigures(rows: ToleranceStatistics['rows']): {
  totals: ToleranceFigures;
  byYearAgency: ToleranceFiguresRow[];
} {
  return byYearAgency(rows, empty, add);
}

/** The share of decided applications that granted tolerance, 0–100 (null: none decided). */
export function grantRate(f: Pick<ToleranceFigures, 'granted' | 'rejected'>): number | null {
  return percentOf(f.granted, f.granted + f.rejected);
}
