// A register's figures by year and agency (the statistics of tolerance applications and of
// appeals): each (year, agency, state, outcome) count from the server summed by `add` into the
// totals and into one row per year and agency, the latest year first, agencies by name.

export interface YearAgencyCount {
  year: number;
  agencyId: string;
  agencyName: string;
  n: number;
}

export type YearAgencyRow<F> = F & { key: string; year: number; agencyId: string; agencyName: string };

export function byYearAgency<F extends object, R extends YearAgencyCount>(
  rows: readonly R[],
  empty: () => F,
  add: (f: F, r: R) => void,
): { totals: F; byYearAgency: YearAgencyRow<F>[] } {
  const totals = empty();
  const groups = new Map<string, YearAgencyRow<F>>();
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
  const sorted = [...groups.values()].sort(
    (a, b) => b.year - a.year || a.agencyName.localeCompare(b.agencyName, 'zh-CN'),
  );
  return { totals, byYearAgency: sorted };
}

/** `part` of `whole` in per cent, one decimal (null: `whole` is 0). */
export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
