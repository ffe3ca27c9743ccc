// Working-day arithmetic on the Chinese statutory calendar (法定节假日 and 调休上班日).
//
// The calendar is data — holidays, make-up working days and the years they cover — seeded from the
// State Council's schedules and extendable by an admin for a new year. From the data a lookup table
// is precomputed once (lookup.ts), so that counting working days is a subtraction.
import { ValidationError } from '../validation.js';
import { fromDayNumber, toDayNumber } from './day-number.js';
import {
  buildLookup,
  type Calendar,
  type CalendarData,
  isWorkingDayNumber,
  nextWorkingDayNumber,
  ordinal,
  workingDayWithOrdinal,
} from './lookup.js';
import { seedSchedule } from './seed.js';

export type { Calendar, CalendarData };
export { isWorkingDayNumber, nextWorkingDayNumber, ordinal, workingDayWithOrdinal };

/** Days an admin adds, e.g. next year's schedule once the State Council publishes it. */
export interface CalendarExtra {
  holidays?: Iterable<string>;
  workdays?: Iterable<string>;
  coveredYears?: Iterable<number>;
}

function dayOf(path: string, s: string): number {
  const d = toDayNumber(s);
  if (Number.isNaN(d)) {
    throw new ValidationError('日历数据无效', [{ path, message: `不是有效日期：${String(s)}` }]);
  }
  return d;
}

/**
 * The calendar: the State Council schedules shipped with `chinese-days`, plus the admin's extra
 * days. An extra holiday overrides a seeded make-up working day on the same date and vice versa.
 */
export function createCalendar(extra?: CalendarExtra): Calendar {
  const seed = seedSchedule();
  const holidays = new Set(seed.holidays);
  const workdays = new Set(seed.workdays);
  const years = new Set(seed.years);
  let i = 0;
  for (const s of extra?.holidays ?? []) {
    dayOf(`holidays[${i++}]`, s);
    holidays.add(s);
    workdays.delete(s);
    years.add(Number(s.slice(0, 4)));
  }
  i = 0;
  for (const s of extra?.workdays ?? []) {
    dayOf(`workdays[${i++}]`, s);
    workdays.add(s);
    holidays.delete(s);
    years.add(Number(s.slice(0, 4)));
  }
  for (const y of extra?.coveredYears ?? []) years.add(y);
  return {
    holidays,
    workdays,
    coveredYears: [...years].sort((a, b) => a - b),
    lookup: buildLookup(holidays, workdays),
  };
}

let defaultCal: Calendar | undefined;

/** The seeded calendar without extra days, built once per process. */
export function defaultCalendar(): Calendar {
  defaultCal ??= createCalendar();
  return defaultCal;
}

// --- date-string API ---------------------------------------------------------------------------

function day(date: string): number {
  const d = toDayNumber(date);
  if (Number.isNaN(d)) throw new RangeError(`无效日期：${date}`);
  return d;
}

export function isWorkingDay(cal: Calendar, date: string): boolean {
  return isWorkingDayNumber(cal, day(date));
}

/**
 * The n-th working day after `date` (the day the period starts is not counted; for n = 0 the date
 * itself). A negative n counts back: -1 is the last working day before `date`.
 */
export function addWorkingDays(cal: Calendar, date: string, n: number): string {
  const d = day(date);
  if (n === 0) return date;
  const k = ordinal(cal, d);
  if (n > 0) return fromDayNumber(workingDayWithOrdinal(cal, k + n));
  const before = isWorkingDayNumber(cal, d) ? k - 1 : k;
  return fromDayNumber(workingDayWithOrdinal(cal, before + n + 1));
}

/** Working days after `from` up to and including `to` (negative when `to` is before `from`). */
export function workingDaysBetween(cal: Calendar, from: string, to: string): number {
  return ordinal(cal, day(to)) - ordinal(cal, day(from));
}

/** The date itself if it is a working day, else the next working day. */
export function nextWorkingDay(cal: Calendar, date: string): string {
  return fromDayNumber(nextWorkingDayNumber(cal, day(date)));
}

/** Whether the published schedule of the date's year is in the calendar. */
export function covers(cal: Calendar, date: string): boolean {
  return cal.coveredYears.includes(Number(date.slice(0, 4)));
}

/**
 * Whether the schedule of every year from `from` to `to` is in the calendar. A period that runs
 * into a year whose holidays are not yet published is counted on weekends alone and is
 * provisional: the State Council's schedule may move its end.
 */
export function coversSpan(cal: Calendar, from: string, to: string): boolean {
  const first = Number(from.slice(0, 4));
  const last = Number(to.slice(0, 4));
  for (let y = Math.min(first, last); y <= Math.max(first, last); y++) {
    if (!cal.coveredYears.includes(y)) return false;
  }
  return true;
}

/** The State Council usually publishes next year's schedule in late October or November. */
export const SCHEDULE_WARNING_FROM = '11-01';

/**
 * The year whose schedule an administrator should load now: next year, from 1 November, while
 * it is missing; the current year whenever it is missing. Null when nothing is missing.
 */
export function missingSchedule(cal: Calendar, today: string): number | null {
  const year = Number(today.slice(0, 4));
  if (!cal.coveredYears.includes(year)) return year;
  if (today.slice(5) >= SCHEDULE_WARNING_FROM && !cal.coveredYears.includes(year + 1)) return year + 1;
  return null;
}
