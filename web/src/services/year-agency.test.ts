import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byYearAgency, percentOf } from './year-agency';

const count = (year: number, agencyId: string, n: number) => ({
  year,
  agencyId,
  agencyName: agencyId === 'A' ? '市场监管局' : '综合执法局',
  n,
});

describe('figures by year and agency', () => {
  const sum = () =>
    byYearAgency(
      [count(2025, 'A', 1), count(2026, 'B', 2), count(2026, 'A', 3), count(2026, 'A', 4)],
      () => ({ n: 0 }),
      (f, r) => {
        f.n += r.n;
      },
    );

  it('sums into the totals and one row per year (latest first) and agency (by name)', () => {
    const { totals, byYearAgency: rows } = sum();
    expect(totals).toEqual({ n: 10 });
    expect(rows).toEqual([
      { key: '2026|A', year: 2026, agencyId: 'A', agencyName: '市场监管局', n: 7 },
      { key: '2026|B', year: 2026, agencyId: 'B', agencyName: '综合执法局', n: 2 },
      { key: '2025|A', year: 2025, agencyId: 'A', agencyName: '市场监管局', n: 1 },
    ]);
  });

  it('the rows always add up to the totals', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            year: fc.integer({ min: 2020, max: 2030 }),
            a: fc.constantFrom('A', 'B', 'C'),
            n: fc.nat(50),
          }),
        ),
        (xs) => {
          const { totals, byYearAgency: rows } = byYearAgency(
            xs.map((x) => count(x.year, x.a, x.n)),
            () => ({ n: 0 }),
            (f, r) => {
              f.n += r.n;
            },
          );
          expect(rows.reduce((s, r) => s + r.n, 0)).toBe(totals.n);
          expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
        },
      ),
    );
  });

  it('gives a share in per cent to one decimal, none of nothing', () => {
    expect(percentOf(3, 4)).toBe(75);
    expect(percentOf(1, 3)).toBe(33.3);
    expect(percentOf(0, 0)).toBeNull();
  });
});
