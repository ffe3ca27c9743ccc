// The State Council's published holiday schedules (国务院办公厅关于部分节假日安排的通知), as compiled by
// the `chinese-days` package: statutory days off (周末调休在内) and make-up working days (调休上班日).
// This is only the seed: an admin adds the schedule of a new year as extra days (see calendar.ts).
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };

export interface HolidaySchedule {
  /** Days off by the schedule (weekend days inside a holiday block included). */
  holidays: string[];
  /** Weekend days that are working days by the schedule (调休上班). */
  workdays: string[];
  /** Years whose schedule the data contains. */
  years: number[];
}

let cached: HolidaySchedule | undefined;

/** The schedule as shipped by `chinese-days` (2004 to the package's latest year). */
export function seedSchedule(): HolidaySchedule {
  if (cached) return cached;
  const holidays = Object.keys(data.holidays).sort();
  const workdays = Object.keys(data.workdays).sort();
  const years = [...new Set(holidays.map((d) => Number(d.slice(0, 4))))].sort((a, b) => a - b);
  cached = { holidays, workdays, years };
  return cached;
}
