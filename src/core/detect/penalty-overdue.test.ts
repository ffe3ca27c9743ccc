import { describe, expect, it } from 'vitest';
import { addDays } from '../calendar/day-number.js';
import { penaltyOverdue } from './penalty-overdue.js';
import { act, check } from './testing.js';

const penalty = (filed: string, decided: string | null, procedure: 'ordinary' | 'summary' = 'ordinary') =>
  act('penalty', { procedure, dates: { filed, notified: filed, decided } });

describe('penalty-overdue (行政处罚法第六十条, penalty.12)', () => {
  it('the 90th day after filing is on time, the 91st is late', () => {
    expect(addDays('2024-01-10', 90)).toBe('2024-04-09');
    expect(check(penaltyOverdue, penalty('2024-01-10', '2024-04-09'))).toBeNull();
    expect(check(penaltyOverdue, penalty('2024-01-10', '2024-04-10'))).toEqual({
      act: 'A-2024-0000001',
      rule: 'penalty-overdue',
      fault: 'penalty.12',
      basis: '行政处罚法第六十条',
      detail: '立案后第91日作出处罚决定，法定期限90日',
    });
  });

  it('a period ending on a holiday runs to the first working day after it (National Day 2024)', () => {
    expect(addDays('2024-07-03', 90)).toBe('2024-10-01');
    expect(check(penaltyOverdue, penalty('2024-07-03', '2024-10-08'))).toBeNull();
    expect(check(penaltyOverdue, penalty('2024-07-03', '2024-10-09'))?.detail).toBe(
      '立案后第98日作出处罚决定，法定期限90日（期间最后一日为法定休假日，顺延至2024-10-08）',
    );
  });

  it('a period ending on a make-up working day is not extended (Sun 29 Sep 2024)', () => {
    expect(addDays('2024-07-01', 90)).toBe('2024-09-29');
    expect(check(penaltyOverdue, penalty('2024-07-01', '2024-09-29'))).toBeNull();
    expect(check(penaltyOverdue, penalty('2024-07-01', '2024-09-30'))?.detail).toBe(
      '立案后第91日作出处罚决定，法定期限90日',
    );
  });

  it('a period ending on a weekend runs to Monday; Spring Festival 2025 too', () => {
    expect(addDays('2024-11-01', 90)).toBe('2025-01-30'); // in the Spring Festival holiday
    expect(check(penaltyOverdue, penalty('2024-11-01', '2025-02-05'))).toBeNull();
    expect(check(penaltyOverdue, penalty('2024-11-01', '2025-02-06'))).not.toBeNull();
  });

  it('does not apply to the summary procedure or an undecided case', () => {
    expect(check(penaltyOverdue, penalty('2024-01-10', '2024-12-01', 'summary'))).toBeNull();
    expect(check(penaltyOverdue, penalty('2024-01-10', null))).toBeNull();
    expect(check(penaltyOverdue, { ...penalty('2024-01-10', '2024-12-01'), kind: 'coercion' })).toBeNull();
  });
});
