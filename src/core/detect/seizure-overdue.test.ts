import { describe, expect, it } from 'vitest';
import type { Act } from '../acts/schema.js';
import { seizureOverdue } from './seizure-overdue.js';
import { act, check } from './testing.js';

const seizure = (seized: string, released: string | null, extra: Partial<Act> = {}) =>
  act('coercion', { measure: 'seal', dates: { decided: seized, seized, released }, ...extra });

describe('seizure-overdue (行政强制法第二十五条, coercion.03)', () => {
  it('thirty days, the last one postponed past National Day 2024', () => {
    // 1 Sep + 30 = 1 Oct (holiday): the period runs to Tue 8 Oct.
    expect(check(seizureOverdue, seizure('2024-09-01', '2024-10-08'))).toBeNull();
    expect(check(seizureOverdue, seizure('2024-09-01', '2024-10-09'))).toEqual({
      act: 'A-2024-0000001',
      rule: 'seizure-overdue',
      fault: 'coercion.03',
      basis: '行政强制法第二十五条',
      detail: '2024-09-01查封，2024-10-09解除，共38日，超过法定期限30日（期限届满日2024-10-08）',
    });
    // 10 Sep + 30 = Thu 10 Oct, a working day.
    expect(check(seizureOverdue, seizure('2024-09-10', '2024-10-10'))).toBeNull();
    expect(check(seizureOverdue, seizure('2024-09-10', '2024-10-11'))).not.toBeNull();
  });

  it('across Spring Festival 2025: 29 Dec + 30 = 28 Jan (holiday) runs to 5 Feb', () => {
    expect(check(seizureOverdue, seizure('2024-12-29', '2025-02-05', { measure: 'seize' }))).toBeNull();
    expect(
      check(seizureOverdue, seizure('2024-12-29', '2025-02-06', { measure: 'seize' }))?.detail,
    ).toContain('扣押');
  });

  it('sixty days with an approved extension; a refused one leaves thirty', () => {
    const approved = { extension: { approved: true, on: '2024-08-25' } };
    // 2 Aug + 60 = 1 Oct: postponed to 8 Oct.
    expect(check(seizureOverdue, seizure('2024-08-02', '2024-10-08', approved))).toBeNull();
    expect(check(seizureOverdue, seizure('2024-08-02', '2024-10-09', approved))?.detail).toContain(
      '超过法定期限经批准延长后60日',
    );
    const refused = { extension: { approved: false, on: '2024-08-25' } };
    expect(check(seizureOverdue, seizure('2024-08-02', '2024-09-02', refused))).toBeNull(); // day 30 a Sunday
    expect(check(seizureOverdue, seizure('2024-08-02', '2024-09-03', refused))).not.toBeNull();
  });

  it('still held: measured to the as-of date', () => {
    expect(check(seizureOverdue, seizure('2024-12-29', null), '2025-02-05')).toBeNull();
    expect(check(seizureOverdue, seizure('2024-12-29', null), '2025-02-06')?.detail).toBe(
      '2024-12-29查封，截至2025-02-06仍未解除，已39日，超过法定期限30日（期限届满日2025-02-05）',
    );
  });

  it('only seals and seizures with their day', () => {
    expect(check(seizureOverdue, seizure('2024-01-01', '2024-12-01', { measure: 'other' }))).toBeNull();
    expect(check(seizureOverdue, seizure('2024-01-01', '2024-12-01', { measure: null }))).toBeNull();
    expect(
      check(seizureOverdue, act('coercion', { measure: 'seal', dates: { released: '2024-12-01' } })),
    ).toBeNull();
    expect(
      check(
        seizureOverdue,
        act('penalty', { measure: 'seal', dates: { seized: '2024-01-01', released: '2024-12-01' } }),
      ),
    ).toBeNull();
  });
});
