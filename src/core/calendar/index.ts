export {
  addWorkingDays,
  type Calendar,
  type CalendarData,
  type CalendarExtra,
  covers,
  createCalendar,
  defaultCalendar,
  isWorkingDay,
  isWorkingDayNumber,
  nextWorkingDay,
  nextWorkingDayNumber,
  ordinal,
  workingDaysBetween,
  workingDayWithOrdinal,
} from './calendar.js';
export { addDays, daysFromCivil, fromDayNumber, isDateString, toDayNumber, weekday } from './day-number.js';
export { type HolidaySchedule, seedSchedule } from './seed.js';
