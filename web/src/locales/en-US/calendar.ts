import type { SameKeys } from '..';
import type zh from '../zh-CN/calendar';

export default {
  'calendar.missing.title': 'The working-day calendar has no holiday schedule for {year}',
  'calendar.missing.admin':
    'Deadlines that run into {year} are counted on weekends alone and marked provisional. Once the State Council publishes the schedule, enter its holidays and make-up working days in the calendar.',
  'calendar.missing.reader':
    'Deadlines that run into {year} are counted on weekends alone and marked provisional until an administrator enters the published schedule.',
  'calendar.missing.open': 'Open the {year} calendar',
  'pages.calendar.subtitle': 'Public holidays and make-up working days; every case deadline counts on them',
  'pages.calendar.year': '{year}',
  'pages.calendar.prev': 'Previous year',
  'pages.calendar.next': 'Next year',
  'pages.calendar.thisYear': 'This year',
  'pages.calendar.monthFormat': 'MMMM',
  'pages.calendar.weekdays': 'Mo,Tu,We,Th,Fr,Sa,Su',
  'pages.calendar.off': 'off',
  'pages.calendar.on': 'on',
  'pages.calendar.weekend': 'Weekend',
  'pages.calendar.kind.holiday': 'Holiday',
  'pages.calendar.kind.workday': 'Make-up working day',
  'pages.calendar.kindLabel': 'Kind',
  'pages.calendar.source.seed': 'State Council',
  'pages.calendar.source.admin': 'Set by admin',
  'pages.calendar.sourceLabel': 'Source',
  'pages.calendar.counts': '{holidays} holidays · {workdays} make-up days',
  'pages.calendar.clickHint':
    'Click a day to make it a holiday or a working day (over the State Council schedule); remove days set by an administrator in the list.',
  'pages.calendar.list': 'Special days',
  'pages.calendar.none': 'No special days this year',
  'pages.calendar.day': 'Day',
  'pages.calendar.note': 'Note',
  'pages.calendar.notePlaceholder': 'E.g. Spring Festival, notice no.',
  'pages.calendar.setDay': 'Set {day}',
  'pages.calendar.currently': 'Currently: {kind} ({source})',
  'pages.calendar.effect': 'Takes effect at once: every open case deadline is recounted.',
  'pages.calendar.saved': '{day} set',
  'pages.calendar.removed': '{day} reset',
  'pages.calendar.remove': 'Remove',
  'pages.calendar.removeConfirm':
    'Remove the setting of {day} and fall back to the State Council schedule or a normal day?',
  'pages.calendar.notCovered':
    'The holidays of {year} are not entered yet; deadlines count plain weekends. An administrator should add them once published.',
} satisfies SameKeys<typeof zh>;
