// China's calendar day and month ranges, whatever the machine's time zone.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { chinaToday, monthRange } from './dates';

const at = (iso: string) => Date.parse(iso);

describe('chinaToday', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is the date at UTC+8', () => {
    expect(chinaToday(at('2025-03-10T00:00:00Z'))).toBe('2025-03-10');
    expect(chinaToday(at('2025-03-10T15:59:59.999Z'))).toBe('2025-03-10');
    expect(chinaToday(at('2025-03-10T16:00:00Z'))).toBe('2025-03-11');
  });

  it('turns the year and the leap day at midnight in Beijing', () => {
    expect(chinaToday(at('2024-12-31T16:00:00Z'))).toBe('2025-01-01');
    expect(chinaToday(at('2024-12-31T15:59:59Z'))).toBe('2024-12-31');
    expect(chinaToday(at('2024-02-28T16:00:00Z'))).toBe('2024-02-29');
    expect(chinaToday(at('2024-02-29T16:00:00Z'))).toBe('2024-03-01');
  });

  it('reads the clock when no time is given', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-06-30T20:30:00Z'));
    expect(chinaToday()).toBe('2026-07-01');
  });

  it('agrees with the date in Asia/Shanghai', () => {
    const shanghai = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1995, 0, 1), max: Date.UTC(2090, 0, 1) }), (t) => {
        expect(chinaToday(t)).toBe(shanghai.format(t));
      }),
    );
  });
});

describe('monthRange', () => {
  it('runs from the first to the last day of the month', () => {
    expect(monthRange('2025-01')).toEqual({ from: '2025-01-01', to: '2025-01-31' });
    expect(monthRange('2025-04')).toEqual({ from: '2025-04-01', to: '2025-04-30' });
    expect(monthRange('2025-12')).toEqual({ from: '2025-12-01', to: '2025-12-31' });
  });

  it('knows February of leap and common years', () => {
    expect(monthRange('2024-02').to).toBe('2024-02-29');
    expect(monthRange('2023-02').to).toBe('2023-02-28');
    expect(monthRange('2000-02').to).toBe('2000-02-29');
    expect(monthRange('2100-02').to).toBe('2100-02-28');
  });

  it('covers exactly the days of the month: the day after `to` is the 1st of the next month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1970, max: 2200 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        const { from, to } = monthRange(month);
        expect(from).toBe(`${month}-01`);
        expect(to.slice(0, 7)).toBe(month);
        const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(next.endsWith('-01')).toBe(true);
        expect(next.slice(0, 7)).not.toBe(month);
      }),
    );
  });
});
