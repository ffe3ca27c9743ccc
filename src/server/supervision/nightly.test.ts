import { describe, expect, it } from 'vitest';
import { levelOf } from './early-warning.js';
import { msUntilNext } from './nightly.js';

describe('the nightly run', () => {
  it('waits until the next 02:00 in China (UTC+8, no daylight saving time)', () => {
    // 2026-11-25 17:59:00Z is 01:59 on the 26th in Beijing: one minute to go.
    expect(msUntilNext(2, Date.parse('2026-11-25T17:59:00Z'))).toBe(60_000);
    // 18:00Z is 02:00 exactly: the next run is a day later.
    expect(msUntilNext(2, Date.parse('2026-11-25T18:00:00Z'))).toBe(86_400_000);
    // 03:00 Beijing: 23 hours.
    expect(msUntilNext(2, Date.parse('2026-11-25T19:00:00Z'))).toBe(23 * 3_600_000);
  });
});

describe('early-warning levels', () => {
  const p = {
    window: { count: 1, unit: 'year' as const },
    attentionAt: 2,
    warningAt: 3,
    sanctionsWarningAt: 2,
  };
  it('attention from attentionAt faults, warning from warningAt or from sanctionsWarningAt sustained faults', () => {
    expect(levelOf(p, 1, 0).level).toBeNull();
    expect(levelOf(p, 2, 0).level).toBe('attention');
    expect(levelOf(p, 3, 0)).toEqual({ level: 'warning', reasons: ['一年内过错3次，达到预警线3次'] });
    expect(levelOf(p, 0, 2).level).toBe('warning');
  });
});
