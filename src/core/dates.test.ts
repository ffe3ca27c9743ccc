import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaDateTime, todayInChina } from './dates.js';

describe('China dates and times', () => {
  it('a moment is shown as Beijing wall-clock time, across midnight and the year', () => {
    expect(chinaDateTime(new Date('2026-12-31T16:30:05Z'))).toBe('2027-01-01 00:30:05');
    expect(chinaDateTime(new Date('2026-06-01T03:04:05.999Z'))).toBe('2026-06-01 11:04:05');
    expect(todayInChina(new Date('2026-12-31T16:30:05Z'))).toBe('2027-01-01');
  });

  // From 1992: China kept daylight saving time in 1986–1991, which the fixed UTC+8 of exports ignores.
  it('the date part of the time is always the China date', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1992-01-01'), max: new Date('2150-01-01'), noInvalidDate: true }),
        (d) => {
          expect(chinaDateTime(d).slice(0, 10)).toBe(todayInChina(d));
        },
      ),
    );
  });
});
