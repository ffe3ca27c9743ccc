// When a decision must be published, a withdrawal made, and a publication taken down — counted as
// the law counts periods: the day a period starts is not counted (民法典第二百零一条), working days on
// the statutory calendar, years by the calendar date (对应日; 第二百零二条).
import type { PartyType } from '../acts/codes.js';
import { addDays } from '../calendar/day-number.js';
import type { Calendar } from '../calendar/lookup.js';
import { type Period, periodBefore } from '../rulebook/period.js';
import { dueDate } from '../workflow/case.js';
import type { PublicationCategory } from './categories.js';
import type { DisclosureParams } from './params.js';

/** The period within which a decision of the category is published (国办发〔2018〕118号). */
export function publicationPeriod(category: PublicationCategory, p: DisclosureParams) {
  return category === 'licensing' || category === 'penalty' ? p.licensingPenalty : p.others;
}

/** The last day on which a decision of `decidedOn` is published in time. */
export function publicationDueOn(
  cal: Calendar,
  category: PublicationCategory,
  decidedOn: string,
  p: DisclosureParams,
): string {
  return dueDate(cal, decidedOn, publicationPeriod(category, p));
}

/** The last day on which a publication is withdrawn in time, counted from the day the change was known. */
export function withdrawalDueOn(cal: Calendar, knownOn: string, p: DisclosureParams): string {
  return dueDate(cal, knownOn, p.withdrawal);
}

/** The day `period` after `date` by the calendar (the corresponding date, else the month's last day). */
export function periodAfter(date: string, period: Period): string {
  return periodBefore(date, { count: -period.count, unit: period.unit });
}

/**
 * The day a publication comes down: the day after its last day online, which is the retention
 * period after the day it was published (natural persons 2 years, organisations 5 by default).
 * A publication without a known party type is kept as briefly as a natural person's.
 */
export function takeDownOn(partyType: PartyType | null, publishedOn: string, p: DisclosureParams): string {
  const retention = partyType === 'org' ? p.retention.org : p.retention.person;
  return addDays(periodAfter(publishedOn, retention), 1);
}
