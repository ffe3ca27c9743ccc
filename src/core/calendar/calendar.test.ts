import { isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation.js';
import {
  addWorkingDays,
  coversSpan,
  createCalendar,
  defaultCalendar,
  isWorkingDay,
  missingSchedule,
  nextWorkingDay,
  workingDaysBetween,
} from './calendar.js';
import { addDays, fromDayNumber, toDayNumber } from './day-number.js';

const cal = defaultCalendar();

describe('day numbers', () => {
  it('round-trips every day against Date', () => {
    fc.assert(
      fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
        const s = new Date(n * 86_400_000).toISOString().slice(0, 10);
        expect(toDayNumber(s)).toBe(n);
        expect(fromDayNumber(n)).toBe(s);
      }),
    );
  });

  it('rejects what is not a calendar date', () => {
    for (const s of ['2025-02-29', '2024-13-01', '2024-00-10', '2024-1-01', '2024/01/01', '20240101xx', '']) {
      expect(toDayNumber(s)).toBeNaN();
    }
    expect(toDayNumber('2024-02-29')).not.toBeNaN();
  });

  it('adds calendar days across months and years', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('the seeded schedule', () => {
  it('agrees with chinese-days on every day of the covered years', () => {
    expect(cal.coveredYears[0]).toBe(2004);
    expect(cal.coveredYears).toContain(2026);
    let d = toDayNumber('2004-01-01');
    const end = toDayNumber('2026-12-31');
    for (; d <= end; d++) {
      const s = fromDayNumber(d);
      if (isWorkingDay(cal, s) !== isWorkday(s)) throw new Error(`mismatch on ${s}`);
    }
  });

  it('Spring Festival 2024: 10–17 Feb off, Sundays 4 and 18 Feb worked', () => {
    expect(isWorkingDay(cal, '2024-02-04')).toBe(true);
    expect(isWorkingDay(cal, '2024-02-09')).toBe(true);
    for (let i = 10; i <= 17; i++) expect(isWorkingDay(cal, `2024-02-${i}`)).toBe(false);
    expect(isWorkingDay(cal, '2024-02-18')).toBe(true);
    expect(addWorkingDays(cal, '2024-02-02', 1)).toBe('2024-02-04');
    expect(addWorkingDays(cal, '2024-02-09', 1)).toBe('2024-02-18');
    expect(workingDaysBetween(cal, '2024-02-09', '2024-02-19')).toBe(2);
  });

  it('Spring Festival 2025: 28 Jan–4 Feb off, Sun 26 Jan and Sat 8 Feb worked', () => {
    expect(isWorkingDay(cal, '2025-01-26')).toBe(true);
    expect(isWorkingDay(cal, '2025-01-28')).toBe(false);
    expect(isWorkingDay(cal, '2025-02-04')).toBe(false);
    expect(isWorkingDay(cal, '2025-02-08')).toBe(true);
    expect(addWorkingDays(cal, '2025-01-24', 1)).toBe('2025-01-26');
    expect(addWorkingDays(cal, '2025-01-27', 1)).toBe('2025-02-05');
    expect(addWorkingDays(cal, '2025-02-07', 1)).toBe('2025-02-08');
  });

  it('National Day 2024 and 2025 with their make-up working days', () => {
    expect(isWorkingDay(cal, '2024-09-29')).toBe(true);
    expect(isWorkingDay(cal, '2024-10-07')).toBe(false);
    expect(isWorkingDay(cal, '2024-10-12')).toBe(true);
    expect(addWorkingDays(cal, '2024-09-27', 1)).toBe('2024-09-29');
    expect(addWorkingDays(cal, '2024-09-30', 1)).toBe('2024-10-08');
    expect(addWorkingDays(cal, '2024-10-11', 1)).toBe('2024-10-12');
    expect(isWorkingDay(cal, '2025-09-28')).toBe(true);
    expect(isWorkingDay(cal, '2025-10-08')).toBe(false);
    expect(isWorkingDay(cal, '2025-10-11')).toBe(true);
    expect(addWorkingDays(cal, '2025-09-30', 1)).toBe('2025-10-09');
    // After Fri 26 Sep: Sun 28, 29, 30 Sep, then 9, 10 Oct and the make-up Sat 11 Oct.
    expect(workingDaysBetween(cal, '2025-09-26', '2025-10-11')).toBe(6);
  });

  it('a 20-working-day licensing period across Spring Festival 2024', () => {
    // Accepted Thu 1 Feb 2024: 2, 4 (make-up), 5–9, 18 (make-up), 19–23, 26 Feb–1 Mar, 4, 5 Mar.
    expect(addWorkingDays(cal, '2024-02-01', 20)).toBe('2024-03-05');
    expect(workingDaysBetween(cal, '2024-02-01', '2024-03-04')).toBe(19);
    expect(workingDaysBetween(cal, '2024-02-01', '2024-03-05')).toBe(20);
    expect(workingDaysBetween(cal, '2024-02-01', '2024-03-06')).toBe(21);
  });

  it('counts back and finds the next working day', () => {
    expect(addWorkingDays(cal, '2024-02-18', -1)).toBe('2024-02-09');
    expect(addWorkingDays(cal, '2024-02-12', -1)).toBe('2024-02-09');
    expect(nextWorkingDay(cal, '2024-10-01')).toBe('2024-10-08');
    expect(nextWorkingDay(cal, '2024-10-12')).toBe('2024-10-12');
  });
});

describe('the calendar is data an admin extends', () => {
  it('adds a new year and overrides seeded days', () => {
    const extended = createCalendar({
      holidays: ['2027-02-08', '2027-02-09'],
      workdays: ['2027-02-20', '2024-02-10'],
      coveredYears: [2027],
    });
    expect(extended.coveredYears).toContain(2027);
    expect(isWorkingDay(extended, '2027-02-08')).toBe(false);
    expect(isWorkingDay(extended, '2027-02-20')).toBe(true);
    expect(isWorkingDay(extended, '2024-02-10')).toBe(true);
    expect(isWorkingDay(cal, '2024-02-10')).toBe(false);
  });

  it('rejects a bad date naming it', () => {
    expect(() => createCalendar({ holidays: ['2027-02-30'] })).toThrow(ValidationError);
  });
});

describe('working-day arithmetic laws', () => {
  const anyDay = fc
    .integer({ min: toDayNumber('1890-01-01'), max: toDayNumber('2210-12-31') })
    .map(fromDayNumber);

  it('the n-th working day after a date is a working day n working days later', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 400 }), (d, n) => {
        const r = addWorkingDays(cal, d, n);
        expect(isWorkingDay(cal, r)).toBe(true);
        expect(workingDaysBetween(cal, d, r)).toBe(n);
        expect(workingDaysBetween(cal, d, addDays(r, -1))).toBe(n - 1);
      }),
    );
  });

  it('counting back undoes counting forward from a working day', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 400 }), (d0, n) => {
        const d = nextWorkingDay(cal, d0);
        expect(addWorkingDays(cal, addWorkingDays(cal, d, n), -n)).toBe(d);
      }),
    );
  });
});

describe('years whose schedule is missing', () => {
  // The seed covers the published schedules; a year after its last is not covered.
  const last = Math.max(...cal.coveredYears);
  const next = last + 1;

  it('a span is covered only when every year in it is', () => {
    expect(coversSpan(cal, `${last}-03-01`, `${last}-12-31`)).toBe(true);
    expect(coversSpan(cal, `${last}-12-01`, `${next}-01-10`)).toBe(false);
    expect(coversSpan(cal, `${next}-01-04`, `${next}-01-10`)).toBe(false);
    const loaded = createCalendar({ coveredYears: [next] });
    expect(coversSpan(loaded, `${last}-12-01`, `${next}-01-10`)).toBe(true);
  });

  it('warns from 1 November while next year is missing, and whenever this year is', () => {
    expect(missingSchedule(cal, `${last}-10-31`)).toBeNull();
    expect(missingSchedule(cal, `${last}-11-01`)).toBe(next);
    expect(missingSchedule(cal, `${last}-12-31`)).toBe(next);
    expect(missingSchedule(cal, `${next}-02-01`)).toBe(next);
    expect(missingSchedule(createCalendar({ coveredYears: [next] }), `${last}-11-20`)).toBeNull();
  });
});
