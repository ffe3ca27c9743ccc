// Calendar dates as day numbers, without Date objects, so the engine's hot path stays cheap.
// Only called on strings that validation has already checked to be real 'YYYY-MM-DD' dates.

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date (proleptic Gregorian, H. Hinnant's algorithm). */
export function dayNumber(iso: string): number {
  const y0 =
    (iso.charCodeAt(0) - 48) * 1000 +
    (iso.charCodeAt(1) - 48) * 100 +
    (iso.charCodeAt(2) - 48) * 10 +
    (iso.charCodeAt(3) - 48);
  const m = (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
  const d = (iso.charCodeAt(8) - 48) * 10 + (iso.charCodeAt(9) - 48);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in 'YYYY-MM-DD' form (rejects 2025-02-30). Not for the hot path. */
export function isCalendarDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/** Open-ended upper bound for validity ranges. */
export const FOREVER = Number.MAX_SAFE_INTEGER;

export function dayRange(validFrom: string, validTo: string | null): [number, number] {
  return [dayNumber(validFrom), validTo === null ? FOREVER : dayNumber(validTo)];
}
