import { describe, expect, it } from 'vitest';
import type { AppealState } from '../types/appeal';
import { appealFigures, reliefRate } from './appeal-stats';

const row = (year: number, agencyId: string, state: AppealState, outcome: string | null, n: number) => ({
  year,
  agencyId,
  agencyName: agencyId === 'A' ? '市场监管局' : '综合执法局',
  stage: 'appeal' as const,
  state,
  outcome,
  n,
});

describe('relief figures', () => {
  it('sums the counts into totals and rows per year (latest first) and agency (by name)', () => {
    const { totals, byYearAgency } = appealFigures([
      row(2026, 'A', 'decided', 'upheld', 2),
      row(2026, 'A', 'decided', 'changed', 1),
      row(2026, 'A', 'decided', 'revoked', 3),
      row(2026, 'B', 'filed', null, 1),
      row(2026, 'B', 'voting', null, 1),
      row(2026, 'B', 'rejected', null, 1),
      row(2025, 'A', 'withdrawn', null, 1),
      row(2025, 'A', 'panel', null, 1),
    ]);
    expect(totals).toEqual({
      appeals: 11,
      upheld: 2,
      changed: 1,
      revoked: 3,
      rejected: 1,
      withdrawn: 1,
      pending: 3,
    });
    expect(byYearAgency.map((r) => [r.year, r.agencyId, r.appeals, r.upheld, r.changed, r.revoked])).toEqual([
      [2026, 'A', 6, 2, 1, 3],
      [2026, 'B', 3, 0, 0, 0],
      [2025, 'A', 2, 0, 0, 0],
    ]);
  });

  it('gives the share of decided appeals that changed or revoked the decision', () => {
    expect(reliefRate({ upheld: 1, changed: 1, revoked: 2 })).toBe(75);
    expect(reliefRate({ upheld: 0, changed: 0, revoked: 0 })).toBeNull();
    expect(reliefRate({ upheld: 2, changed: 0, revoked: 1 })).toBe(33.3);
  });
});
