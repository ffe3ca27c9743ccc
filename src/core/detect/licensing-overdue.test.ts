import { describe, expect, it } from 'vitest';
import { addWorkingDays } from '../calendar/calendar.js';
import { licensingOverdue } from './licensing-overdue.js';
import { act, cal, check } from './testing.js';

const licensing = (accepted: string, decided: string | null, extended = false) =>
  act('licensing', { dates: { applied: accepted, accepted, decided, extended } });

describe('licensing-overdue (行政许可法第四十二条, licensing.07)', () => {
  it('the 20th working day is on time, the 21st is late — across Spring Festival 2024 and its make-up Sunday', () => {
    // Accepted Tue 16 Jan 2024: the 20th working day is the make-up Sunday 18 Feb.
    expect(addWorkingDays(cal, '2024-01-16', 20)).toBe('2024-02-18');
    expect(check(licensingOverdue, licensing('2024-01-16', '2024-02-18'))).toBeNull();
    expect(check(licensingOverdue, licensing('2024-01-16', '2024-02-17'))).toBeNull(); // a holiday before the deadline
    expect(check(licensingOverdue, licensing('2024-01-16', '2024-02-19'))).toEqual({
      act: 'A-2024-0000001',
      rule: 'licensing-overdue',
      fault: 'licensing.07',
      basis: '行政许可法第四十二条',
      detail: '受理后第21个工作日作出决定，法定期限20个工作日',
    });
  });

  it('a decision on the holiday right after the last working day is late (National Day 2024)', () => {
    // Accepted Mon 2 Sep 2024: Sat 14 Sep and Sun 29 Sep are make-up days; the 20th is Mon 30 Sep.
    expect(addWorkingDays(cal, '2024-09-02', 20)).toBe('2024-09-30');
    expect(check(licensingOverdue, licensing('2024-09-02', '2024-09-30'))).toBeNull();
    expect(check(licensingOverdue, licensing('2024-09-02', '2024-10-01'))?.detail).toBe(
      '受理后第21个工作日作出决定，法定期限20个工作日',
    );
  });

  it('an extended period runs 30 working days (Spring Festival 2025, make-up Sun 26 Jan and Sat 8 Feb)', () => {
    // Accepted Thu 2 Jan 2025: …24 Jan (16), Sun 26 Jan (17), 27 Jan (18), 5–7 Feb, Sat 8 Feb (22) … 19 Feb (30).
    expect(addWorkingDays(cal, '2025-01-02', 30)).toBe('2025-02-19');
    expect(check(licensingOverdue, licensing('2025-01-02', '2025-02-19', true))).toBeNull();
    expect(check(licensingOverdue, licensing('2025-01-02', '2025-02-20', true))?.detail).toBe(
      '受理后第31个工作日作出决定，法定期限30个工作日',
    );
    expect(check(licensingOverdue, licensing('2025-01-02', '2025-02-20'))?.detail).toBe(
      '受理后第31个工作日作出决定，法定期限20个工作日',
    );
    // Not extended, the 20th working day is the make-up Sunday 26 Jan.
    expect(check(licensingOverdue, licensing('2024-12-27', '2025-01-26'))).toBeNull();
    expect(check(licensingOverdue, licensing('2024-12-27', '2025-01-27'))).not.toBeNull();
  });

  it('an undecided application is late once asOf is past the deadline', () => {
    const pending = licensing('2024-01-16', null);
    expect(check(licensingOverdue, pending, '2024-02-18')).toBeNull();
    expect(check(licensingOverdue, pending, '2024-02-17')).toBeNull();
    expect(check(licensingOverdue, pending, '2024-02-19')?.detail).toBe(
      '截至2024-02-19仍未作出决定，已超过法定期限20个工作日（期限届满日2024-02-18）',
    );
    // Past a Friday deadline on the Saturday after it (Labour Day 2024, make-up Sat 11 May).
    expect(addWorkingDays(cal, '2024-05-06', 20)).toBe('2024-05-31');
    expect(check(licensingOverdue, licensing('2024-05-06', null), '2024-05-31')).toBeNull();
    expect(check(licensingOverdue, licensing('2024-05-06', null), '2024-06-01')).not.toBeNull();
  });

  it('applies to licensing acts with an acceptance date only', () => {
    expect(check(licensingOverdue, { ...licensing('2024-01-16', '2024-06-01'), kind: 'penalty' })).toBeNull();
    expect(
      check(licensingOverdue, act('licensing', { dates: { applied: '2024-01-01', decided: '2024-06-01' } })),
    ).toBeNull();
  });
});
