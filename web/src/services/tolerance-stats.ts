// The register's figures from GET /tolerance-applications/statistics: each (year, agency, state,
// outcome) count summed into the totals — applications, tolerance granted (免责 + 从轻减轻),
// rejected, declined, withdrawn, under way — and into one row per year and agency.
import type { ToleranceStatistics } from '../types/tolerance';

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

export interface ToleranceFiguresRow extends ToleranceFigures {
  key: string;
  year: number;
  agencyId: string;
  agencyName: string;
}

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
  const totals = empty();
  const groups = new Map<string, ToleranceFiguresRow>();
  for (const r of rows) {
    add(totals, r);
    const key = `${r.year}|${r.agencyId}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, year: r.year, agencyId: r.agencyId, agencyName: r.agencyName, ...empty() };
      groups.set(key, g);
    }
    add(g, r);
  }
  const byYearAgency = [...groups.values()].sort(
    (a, b) => b.year - a.year || a.agencyName.localeCompare(b.agencyName, 'zh-CN'),
  );
  return { totals, byYearAgency };
}

/** The share of decided applications that granted tolerance, 0–100 (null: none decided). */
export function grantRate(f: Pick<ToleranceFigures, 'granted' | 'rejected'>): number | null {
  const decided = f.granted + f.rejected;
  return decided === 0 ? null : Math.round((f.granted / decided) * 1000) / 10;
}
