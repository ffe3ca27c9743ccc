// Periods counted in years, months or days, as Chinese law counts them (民法典 第二百零一条、第二百零二条):
// "按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算"; "按照年、月计算期间的，到期月的对应日为
// 期间的最后一日；没有对应日的，到期月的月末日为期间的最后一日". A year is therefore not 365 days: the year
// that ends on 2024-03-10 begins on 2023-03-11 and has 366 days, because it contains 29 February.
// Pure integer arithmetic on 'YYYY-MM-DD' strings, cheap enough for the engine's hot path.
import { fromDayNumber } from '../calendar/day-number.js';
import { dayNumber } from './day.js';

export const PERIOD_UNITS = ['year', 'month', 'day'] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** A period of the Measures or of a pack ("一年内"): `{ count: 1, unit: 'year' }`. */
export interface Period {
  count: number;
  unit: PeriodUnit;
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : MONTH_DAYS[m - 1]!);

const num = (s: string, from: number, to: number) => {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
};
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;

/**
 * The day `period` before `end` by the calendar: the corresponding date (对应日), or the last day of
 * the month when it has none (2024-02-29 − 1 year = 2023-02-28). For days, plain subtraction.
 */
export function periodBefore(end: string, period: Period): string {
  if (period.unit === 'day') return isoOfDay(dayNumber(end) - period.count);
  const y0 = num(end, 0, 4);
  const m0 = num(end, 5, 7);
  const d0 = num(end, 8, 10);
  const months = y0 * 12 + (m0 - 1) - (period.unit === 'year' ? 12 * period.count : period.count);
  const y = Math.floor(months / 12);
  const m = months - y * 12 + 1;
  return iso(y, m, Math.min(d0, daysIn(y, m)));
}

/**
 * The first day (as a day number) of the period that ends on `end`, inclusive: the day after
 * `periodBefore(end, period)`, since the day a period starts from is not counted (第二百零一条).
 */
export function periodStartDay(end: string, period: Period): number {
  return period.unit === 'day' ? dayNumber(end) - period.count + 1 : dayNumber(periodBefore(end, period)) + 1;
}

/** The first day of the period that ends on `end`, as 'YYYY-MM-DD'. */
export function periodStart(end: string, period: Period): string {
  return isoOfDay(periodStartDay(end, period));
}

/** 'YYYY-MM-DD' of a day number (days since 1970-01-01): the calendar's conversion. */
export const isoOfDay = fromDayNumber;

const ZH_DIGITS = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];

/** "一年", "六个月", "30日": how the period reads in an explanation. */
export function periodLabel(p: Period): string {
  if (p.unit === 'day') return `${p.count}日`;
  const n = p.count <= 10 ? ZH_DIGITS[p.count]! : String(p.count);
  const one = p.count === 1 ? '一' : n;
  return p.unit === 'year' ? `${one}年` : `${one}个月`;
}
