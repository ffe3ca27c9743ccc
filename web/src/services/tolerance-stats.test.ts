import { describe, expect, it } from 'vitest';
import { grantRate, toleranceFigures } from './tolerance-stats';

const row = (year: number, agencyId: string, state: string, outcome: string | null, n: number) => ({
  year,
  agencyId,
  agencyName: agencyId === 'A' ? '市场监管局' : '综合执法局',
  state: state as 'decided',
  outcome,
  n,
});

describe('tolerance figures', () => {
  it('sums the counts into totals and rows per year (latest first) and agency (by name)', () => {
    const { totals, byYearAgency } = toleranceFigures([
      row(2026, 'A', 'decided', 'exempt', 2),
      row(2026, 'A', 'decided', 'mitigate', 1),
      row(2026, 'A', 'decided', 'reject', 1),
      row(2026, 'B', 'submitted', null, 3),
      row(2026, 'B', 'declined', null, 1),
      row(2025, 'A', 'withdrawn', null, 1),
      row(2025, 'A', 'verified', null, 1),
    ]);
    expect(totals).toEqual({
      applications: 10,
      granted: 3,
      exempt: 2,
      mitigate: 1,
      rejected: 1,
      declined: 1,
      withdrawn: 1,
      pending: 4,
    });
    expect(byYearAgency.map((r) => [r.year, r.agencyId, r.applications, r.granted])).toEqual([
      [2026, 'A', 4, 3],
      [2026, 'B', 4, 0],
      [2025, 'A', 2, 0],
    ]);
  });

  it('gives the grant rate of decided applications only', () => {
    expect(grantRate({ granted: 3, rejected: 1 })).toBe(75);
    expect(grantRate({ granted: 0, rejected: 0 })).toBeNull();
    expect(grantRate({ granted: 1, rejected: 2 })).toBe(33.3);
  });
});
