import { describe, expect, it } from 'vitest';
import type { Act } from '../acts/schema.js';
import { addDays } from '../calendar/day-number.js';
import { FineSeries, quantile } from './fine-outlier.js';
import { act } from './testing.js';

let n = 0;
const fine = (amount: number, decided: string, extra: Partial<Act> = {}): Act => ({
  ...act('penalty', { fine: amount, violation: 'OUT-01', dates: { decided }, ...extra }),
  id: `F-${String(++n).padStart(4, '0')}`,
});

/** Twenty fines of 1,000 … 2,900 yuan in 2024: Q1 1,475, Q3 2,425, fences 50 and 3,850. */
function history(from = '2024-01-10'): Act[] {
  return Array.from({ length: 20 }, (_, i) => fine(1000 + 100 * i, addDays(from, i * 17)));
}

function outliers(acts: Act[]): string[] {
  const s = new FineSeries();
  for (const a of acts) s.add(a);
  return s.findings().map((f) => f.act);
}

describe('fine-outlier (行政处罚法第五条, penalty.11, a signal)', () => {
  it('quartiles as percentile_cont', () => {
    const v = Float64Array.from(history(), (a) => a.fine as number).sort();
    expect([quantile(v, 0.25), quantile(v, 0.75)]).toEqual([1475, 2425]);
  });

  it('outside 1.5 × IQR of the twelve months before, both fences allowed', () => {
    const h = history();
    const t = [3850, 3851, 50, 49, 2000].map((x) => fine(x, '2025-01-15'));
    expect(outliers([...h, ...t])).toEqual([t[1].id, t[3].id]);
    const s = new FineSeries();
    for (const a of [...h, ...t]) s.add(a);
    const f = s.findings().find((x) => x.act === t[1].id);
    expect(f).toEqual({
      act: t[1].id,
      rule: 'fine-outlier',
      fault: 'penalty.11',
      basis: '行政处罚法第五条',
      detail:
        '罚款3851元，同一机关同一违法行为（OUT-01）前12个月（2024-01至2024-12）20件罚款的四分位数为1475元、2425元，' +
        '超出1.5倍四分位距范围（50至3850元）；统计信号，供核查，不作为过错认定',
    });
  });

  it('needs twenty fines in the window: months M-12 … M-1, not M itself', () => {
    const h = history();
    // Nineteen before, one in the same month as the target: no window.
    expect(outliers([...h.slice(1), fine(1000, '2025-01-02'), fine(99_999, '2025-01-15')])).toEqual([]);
    // The first fine in December 2023 is outside January 2025's window…
    const early = [fine(1000, '2023-12-20'), ...h.slice(1)];
    expect(outliers([...early, fine(99_999, '2025-01-15')])).toEqual([]);
    // …and January 2024 is inside it, February 2025 no longer sees it.
    const big = fine(99_999, '2025-01-31');
    expect(outliers([...h, big])).toEqual([big.id]);
    expect(outliers([...h, fine(99_999, '2025-02-01')])).toEqual([]);
  });

  it('by agency and violation; unfined, undecided and other kinds take no part', () => {
    const h = history();
    expect(outliers([...h, fine(99_999, '2025-01-15', { agency: '529921-ZHJ' })])).toEqual([]);
    expect(outliers([...h, fine(99_999, '2025-01-15', { violation: 'OUT-02' })])).toEqual([]);
    const noise = [
      fine(0, '2024-06-01'),
      { ...fine(5, '2024-06-01'), dates: { ...h[0].dates, decided: null } },
      { ...fine(5, '2024-06-01'), kind: 'inspection' as const },
    ];
    const target = fine(3851, '2025-01-15');
    expect(outliers([...h, ...noise, target])).toEqual([target.id]);
  });
});
