// The public complaint form's checks, the server's (src/server/routes/public.ts complaintBody):
// the same limits, counted as it counts, and each refusal on the field (the request's path) the
// server would name, so that its field errors land on the same fields.
import { describe, expect, it } from 'vitest';
import {
  type ComplaintValues,
  complaintErrors,
  complaintInput,
  EMPTY_COMPLAINT,
  earliestDay,
} from './complaint-form';
import { t } from './intl';

const TODAY = '2026-11-25';
const valid: ComplaintValues = {
  ...EMPTY_COMPLAINT,
  agency: 'AG-1',
  subject: '同一违法行为被重复罚款',
  narrative: '2026年10月我因同一占道经营行为被罚款两次。',
  name: '王五',
  phone: '138 0000 0000',
  idNumber: '11010519491231002x',
  occurredOn: '2026-10-08',
};

describe('the complaint form', () => {
  it('sends what the server accepts: trimmed, blanks left out, the ID number in capitals', () => {
    expect(complaintErrors(valid, TODAY, t)).toEqual({});
    const input = complaintInput({ ...valid, officer: '  ' });
    expect(input).toEqual({
      agency: 'AG-1',
      officer: undefined,
      subject: '同一违法行为被重复罚款',
      narrative: '2026年10月我因同一占道经营行为被罚款两次。',
      occurredOn: '2026-10-08',
      anonymous: false,
      contact: { name: '王五', phone: '138 0000 0000', idNumber: '11010519491231002X' },
    });
    const anonymous = complaintInput({ ...valid, anonymous: true, name: '', phone: '' });
    expect(anonymous.contact).toBeUndefined();
    expect(complaintErrors({ ...valid, anonymous: true, name: '', phone: '' }, TODAY, t)).toEqual({});
  });

  it('refuses, on the server’s field, what the server refuses', () => {
    const cases: [Partial<ComplaintValues>, string][] = [
      [{ subject: ' ' }, 'subject'],
      [{ subject: '罚' }, 'subject'],
      [{ subject: '罚'.repeat(101) }, 'subject'],
      [{ narrative: '太短了' }, 'narrative'],
      [{ narrative: '很'.repeat(5001) }, 'narrative'],
      [{ officer: '某'.repeat(51) }, 'officer'],
      [{ occurredOn: '2026-11-26' }, 'occurredOn'],
      [{ name: '' }, 'contact.name'],
      [{ phone: '' }, 'contact.phone'],
      [{ phone: 'call me' }, 'contact.phone'],
      [{ idNumber: '110105194912310021' }, 'contact.idNumber'],
    ];
    for (const [change, field] of cases) {
      const v = { ...valid, ...change };
      const errors = complaintErrors(v, TODAY, t);
      expect(Object.keys(errors), field).toEqual([field]);
      expect(errors[field as keyof typeof errors], field).toBeTruthy();
    }
    expect(complaintErrors({ ...valid, subject: '' }, TODAY, t).subject).toBe('请填写投诉事项');
  });

  it('takes dates from ten years back to today', () => {
    expect(earliestDay(TODAY)).toBe('2016-11-25');
    expect(complaintErrors({ ...valid, occurredOn: '2016-11-25' }, TODAY, t)).toEqual({});
    expect(complaintErrors({ ...valid, occurredOn: '2016-11-24' }, TODAY, t).occurredOn).toBeTruthy();
  });
});
