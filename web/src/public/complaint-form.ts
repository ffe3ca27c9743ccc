// The complaint form's values, checks and request, apart from the page so that they are tested in
// node: the same limits as the server's schema (src/server/routes/public.ts), counted as it counts
// (code points, trimmed), and the ID number's check character (GB 11643-1999).
import { isResidentIdNumber } from '../../../src/core/privacy/identifiers';
import { textLength } from '../components/textLimit';
import type { Translate } from './intl';
import { type ComplaintInput, NARRATIVE_MAX, NARRATIVE_MIN } from './types';

export interface ComplaintValues {
  agency: string;
  officer: string;
  subject: string;
  narrative: string;
  occurredOn: string;
  anonymous: boolean;
  name: string;
  phone: string;
  idNumber: string;
}

/** Field keys are the request's paths, so that the server's field errors land on the same fields. */
export type ComplaintField =
  | 'agency'
  | 'officer'
  | 'subject'
  | 'narrative'
  | 'occurredOn'
  | 'contact.name'
  | 'contact.phone'
  | 'contact.idNumber';

export const LIMITS = {
  officer: 50,
  subject: 100,
  narrative: NARRATIVE_MAX,
  name: 50,
  phone: 20,
  idNumber: 18,
};

export const EMPTY_COMPLAINT: ComplaintValues = {
  agency: '',
  officer: '',
  subject: '',
  narrative: '',
  occurredOn: '',
  anonymous: false,
  name: '',
  phone: '',
  idNumber: '',
};

const PHONE = /^[0-9+\-\s]{7,20}$/;

/** The first day a complaint may say it happened on: ten years back. */
export function earliestDay(today: string): string {
  return `${Number(today.slice(0, 4)) - 10}${today.slice(4)}`;
}

/** What is wrong with the values, by field; empty when they can be sent. */
export function complaintErrors(
  v: ComplaintValues,
  today: string,
  t: Translate,
): Partial<Record<ComplaintField, string>> {
  const e: Partial<Record<ComplaintField, string>> = {};
  const label = (k: string) => t(`pages.public.complaint.${k}`);
  const tooLong = (value: string, max: number) =>
    textLength(value) > max ? t('common.maxChars', { max, count: textLength(value) }) : undefined;
  const required = (k: string) => t('common.required', { field: label(k) });

  const officer = tooLong(v.officer, LIMITS.officer);
  if (officer) e.officer = officer;
  if (!v.subject.trim()) e.subject = required('subject');
  else if (textLength(v.subject) < 2) e.subject = t('pages.public.complaint.subjectMin');
  else if (tooLong(v.subject, LIMITS.subject)) e.subject = tooLong(v.subject, LIMITS.subject);
  if (!v.narrative.trim()) e.narrative = required('narrative');
  else if (textLength(v.narrative) < NARRATIVE_MIN)
    e.narrative = t('pages.public.complaint.narrativeMin', { n: NARRATIVE_MIN });
  else if (tooLong(v.narrative, LIMITS.narrative)) e.narrative = tooLong(v.narrative, LIMITS.narrative);
  if (v.occurredOn && (v.occurredOn > today || v.occurredOn < earliestDay(today)))
    e.occurredOn = t('portal.occurredOnInvalid');
  if (!v.anonymous) {
    if (!v.name.trim()) e['contact.name'] = required('contactName');
    else if (tooLong(v.name, LIMITS.name)) e['contact.name'] = tooLong(v.name, LIMITS.name);
    if (!v.phone.trim()) e['contact.phone'] = required('contactPhone');
    else if (!PHONE.test(v.phone.trim())) e['contact.phone'] = t('pages.public.complaint.phoneInvalid');
    if (v.idNumber.trim() && !isResidentIdNumber(v.idNumber.trim()))
      e['contact.idNumber'] = t('pages.public.complaint.idNumberInvalid');
  }
  return e;
}

/** The request for valid values: blanks left out, a contact only when not anonymous. */
export function complaintInput(v: ComplaintValues): ComplaintInput {
  return {
    agency: v.agency || undefined,
    officer: v.officer.trim() || undefined,
    subject: v.subject.trim(),
    narrative: v.narrative.trim(),
    occurredOn: v.occurredOn || undefined,
    anonymous: v.anonymous,
    contact: v.anonymous
      ? undefined
      : {
          name: v.name.trim(),
          phone: v.phone.trim(),
          idNumber: v.idNumber.trim() ? v.idNumber.trim().toUpperCase() : undefined,
        },
  };
}
