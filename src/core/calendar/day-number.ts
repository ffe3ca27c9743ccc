// 'YYYY-MM-DD' local dates as integer day numbers (days since 1970-01-01), without Date objects:
// the scan converts millions of dates, so parsing is plain character arithmetic.

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1000;
}

/** Year, month and day of a real calendar date in 'YYYY-MM-DD' form, packed as y * 10000 + m * 100 + d; -1 if none. */
function ymd(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (y < 0 || m < 1 || m > 12 || d < 1) return -1;
  const dim = m === 2 && isLeap(y) ? 29 : DAYS_IN_MONTH[m - 1];
  return d > dim ? -1 : y * 10000 + m * 100 + d;
}

/**
 * The day number of a 'YYYY-MM-DD' date, or NaN when the string is not a real calendar date
 * (wrong shape, month 13, 2025-02-30 …).
 */
export function toDayNumber(s: string): number {
  const v = ymd(s);
  if (v < 0) return Number.NaN;
  return daysFromCivil(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
}

/** True for a real calendar date in 'YYYY-MM-DD' form. */
export function isDateString(s: unknown): s is string {
  return typeof s === 'string' && ymd(s) >= 0;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** 'YYYY-MM-DD' of a day number (Hinnant's civil_from_days). */
export function fromDayNumber(z0: number): string {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}`;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The calendar date n days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  const day = toDayNumber(date);
  if (Number.isNaN(day)) throw new RangeError(`无效日期：${date}`);
  return fromDayNumber(day + n);
}
