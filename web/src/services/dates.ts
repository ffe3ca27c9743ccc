// Dates as the server counts them: deadlines and "today" are China's calendar days (UTC+8),
// whatever the browser's own time zone.
const CHINA_OFFSET_MS = 8 * 3600 * 1000;

/** Today in China as YYYY-MM-DD. */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** A month (YYYY-MM) as the from/to dates of the acts list. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
