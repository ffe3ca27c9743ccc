// Periods by the calendar (民法典 第二百零一条、第二百零二条).
import { describe, expect, it } from 'vitest';
import { dayNumber } from './day.js';
import { isoOfDay, periodBefore, periodLabel, periodStart } from './period.js';

const year = { count: 1, unit: 'year' } as const;

describe('periods counted in years and months', () => {
  it('end on the corresponding date; the start day is not counted', () => {
    expect(periodStart('2025-03-10', year)).toBe('2024-03-11');
    expect(periodStart('2024-03-10', year)).toBe('2023-03-11');
  });
  it('a year containing 29 February has 366 days, the others 365', () => {
    const days = (end: string) => dayNumber(end) - dayNumber(periodStart(end, year)) + 1;
    expect(days('2024-03-10')).toBe(366);
    expect(days('2025-02-28')).toBe(366);
    expect(days('2025-03-10')).toBe(365);
  });
  it('without a corresponding date, the last day of the month (第二百零二条)', () => {
    expect(periodBefore('2024-02-29', year)).toBe('2023-02-28');
    expect(periodBefore('2025-03-31', { count: 1, unit: 'month' })).toBe('2025-02-28');
    expect(periodBefore('2024-03-31', { count: 1, unit: 'month' })).toBe('2024-02-29');
    expect(periodBefore('2025-01-15', { count: 2, unit: 'month' })).toBe('2024-11-15');
  });
  it('days are days', () => {
    expect(periodStart('2025-03-10', { count: 365, unit: 'day' })).toBe('2024-03-11');
    expect(periodStart('2024-03-10', { count: 365, unit: 'day' })).toBe('2023-03-12');
  });
  it('day numbers round-trip', () => {
    for (const d of ['1970-01-01', '2000-02-29', '2024-12-31', '2100-03-01'])
      expect(isoOfDay(dayNumber(d))).toBe(d);
  });
  it('reads in Chinese', () => {
    expect(periodLabel(year)).toBe('一年');
    expect(periodLabel({ count: 6, unit: 'month' })).toBe('六个月');
    expect(periodLabel({ count: 30, unit: 'day' })).toBe('30日');
  });
});
