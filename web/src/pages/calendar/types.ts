// The working-day calendar (GET /api/v1/calendar): statutory holidays and make-up working
// days of a year, from the State Council schedule shipped with Wenze (seed) or set by an
// administrator (admin). Every deadline is counted on it.
export type DayKind = 'holiday' | 'workday';

export interface SpecialDay {
  day: string;
  kind: DayKind;
  source: 'seed' | 'admin';
  note: string | null;
}

export interface CalendarYear {
  year: number;
  covered: boolean;
  seedYears: number[];
  days: SpecialDay[];
}
