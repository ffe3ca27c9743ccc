export {
  addWorkingDays,
  type Calendar,
  type CalendarData,
  type CalendarExtra,
  covers,
  coversSpan,
  createCalendar,
  defaultCalendar,
  isWorkingDay,
  isWorkingDayNumber,
  missingSchedule,
  nextWorkingDay,
  nextWorkingDayNumber,
  ordinal,
  SCHEDULE_WARNING_FROM,
  workingDaysBetween,
  workingDayWithOrdinal,
} from './calendar.js';
export { addDays, daysFromCivil, fromDayNumber, isDateString, toDayNumber, weekday } from './day-number.js';
export { type HolidaySchedule, seedSchedule } from './seed.js';
