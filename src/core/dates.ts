// Local calendar dates (Asia/Shanghai) as 'YYYY-MM-DD' strings, the way the law counts days.

const fmt = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in China. */
export function todayInChina(now: Date = new Date()): string {
  return fmt.format(now);
}

/** A moment as China's wall-clock time, 'YYYY-MM-DD HH:mm:ss' (UTC+8, no daylight saving): for exports. */
export function chinaDateTime(at: Date): string {
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A real calendar date in 'YYYY-MM-DD' form (rejects 2025-02-30). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
