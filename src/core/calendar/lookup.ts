// The working-day lookup: for every day of 1900–2199 whether it is a working day and its
// working-day ordinal (working days up to and including it), and the inverse. Counting working days
// between two dates is one subtraction, which keeps the scan of a million acts fast and maps onto a
// SQL calendar table (`day, is_working, ordinal`) one to one. Outside the table only weekends are
// days off. Pure arithmetic, no validation: built from checked data by calendar.ts.
import { daysFromCivil, toDayNumber, weekday } from './day-number.js';

export interface CalendarData {
  /** Days off by the published schedule, weekend days inside a holiday block included. */
  holidays: ReadonlySet<string>;
  /** Make-up working days (调休上班日): weekend days that are working days. */
  workdays: ReadonlySet<string>;
  /** Years whose schedule is known; for other years only weekends are days off. */
  coveredYears: readonly number[];
}

export interface Lookup {
  /** Day number of the table's first day. */
  first: number;
  /** Day number of the table's last day. */
  last: number;
  /** 1 for a working day, by table index. */
  working: Uint8Array;
  /** Working-day ordinal (global, see `ordinal`) by table index. */
  ordinal: Int32Array;
  /** Day number of the working day with ordinal `base + k + 1`, by k. */
  nth: Int32Array;
  /** Ordinal of the day before the table. */
  base: number;
}

export interface Calendar extends CalendarData {
  readonly lookup: Lookup;
}

const TABLE_FIRST = daysFromCivil(1900, 1, 1);
const TABLE_LAST = daysFromCivil(2199, 12, 31);

/**
 * Working days (Mon–Fri) counted by a formula, for days outside the table: a prefix count,
 * continuous over all integers, with `weekdayPrefix(d) - weekdayPrefix(d - 1) === 1` on weekdays.
 */
function weekdayPrefix(d: number): number {
  const t = d - 3; // 1970-01-05 (day 4) is a Monday: t = 1
  const weeks = Math.floor(t / 7);
  return weeks * 5 + Math.min(t - weeks * 7, 5);
}

function weekdayWithPrefix(k: number): number {
  const weeks = Math.floor((k - 1) / 5);
  return weeks * 7 + (k - weeks * 5) + 3;
}

/** The lookup of a schedule (its dates already checked). */
export function buildLookup(holidays: ReadonlySet<string>, workdays: ReadonlySet<string>): Lookup {
  const size = TABLE_LAST - TABLE_FIRST + 1;
  const working = new Uint8Array(size);
  for (let i = 0; i < size; i++) {
    const w = weekday(TABLE_FIRST + i);
    working[i] = w === 0 || w === 6 ? 0 : 1;
  }
  for (const s of holidays) {
    const i = toDayNumber(s) - TABLE_FIRST;
    if (i >= 0 && i < size) working[i] = 0;
  }
  for (const s of workdays) {
    const i = toDayNumber(s) - TABLE_FIRST;
    if (i >= 0 && i < size) working[i] = 1;
  }
  const base = weekdayPrefix(TABLE_FIRST - 1);
  const ordinal = new Int32Array(size);
  let count = 0;
  for (let i = 0; i < size; i++) {
    count += working[i];
    ordinal[i] = base + count;
  }
  const nth = new Int32Array(count);
  for (let i = 0, k = 0; i < size; i++) if (working[i] === 1) nth[k++] = TABLE_FIRST + i;
  return { first: TABLE_FIRST, last: TABLE_LAST, working, ordinal, nth, base };
}

export function isWorkingDayNumber(cal: Calendar, day: number): boolean {
  const { first, last, working } = cal.lookup;
  if (day >= first && day <= last) return working[day - first] === 1;
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/**
 * The working-day ordinal of a day: working days up to and including it, counted from a fixed
 * origin. Only differences of ordinals are meaningful.
 */
export function ordinal(cal: Calendar, day: number): number {
  const { first, last, ordinal: table } = cal.lookup;
  if (day < first) return weekdayPrefix(day);
  if (day <= last) return table[day - first];
  return table[last - first] + weekdayPrefix(day) - weekdayPrefix(last);
}

/** The working day whose ordinal is k. */
export function workingDayWithOrdinal(cal: Calendar, k: number): number {
  const { last, ordinal: table, nth, base, first } = cal.lookup;
  const top = table[last - first];
  if (k <= base) return weekdayWithPrefix(k);
  if (k <= top) return nth[k - base - 1];
  return weekdayWithPrefix(k - top + weekdayPrefix(last));
}

/** The day itself if it is a working day, else the first working day after it. */
export function nextWorkingDayNumber(cal: Calendar, day: number): number {
  return isWorkingDayNumber(cal, day) ? day : workingDayWithOrdinal(cal, ordinal(cal, day) + 1);
}
