import { describe, expect, it } from 'vitest';
import { fineNotRemitted } from './fine-not-remitted.js';
import { act, check } from './testing.js';

const onsite = (collectedOn: string | null, remittedOn: string | null = null, method = 'onsite') =>
  act('penalty', {
    procedure: 'summary',
    fine: 50,
    payment: { method, receipt: true, collectedOn, remittedOn },
  });

describe('fine-not-remitted (行政处罚法第七十一条、第八十五条, other.05)', () => {
  it('two working days after collection, across National Day 2024', () => {
    // Mon 30 Sep: 8 Oct and 9 Oct are the two working days after.
    expect(check(fineNotRemitted, onsite('2024-09-30', '2024-10-09'))).toBeNull();
    expect(check(fineNotRemitted, onsite('2024-09-30', '2024-10-10'))).toEqual({
      act: 'A-2024-0000001',
      rule: 'fine-not-remitted',
      fault: 'other.05',
      basis: '行政处罚法第七十一条',
      detail:
        '2024-09-30当场收缴罚款50元，收缴后第3个工作日（2024-10-10）才上缴，法定期限2个工作日（2024-10-09）',
    });
    // Sat 28 Sep (a day off) before the make-up Sunday: 29 and 30 Sep; 1 Oct (holiday) is late.
    expect(check(fineNotRemitted, onsite('2024-09-28', '2024-09-30'))).toBeNull();
    expect(check(fineNotRemitted, onsite('2024-09-28', '2024-10-01'))).not.toBeNull();
    // Fri 11 Oct: Sat 12 Oct is a make-up working day, so the deadline is Mon 14 Oct.
    expect(check(fineNotRemitted, onsite('2024-10-11', '2024-10-14'))).toBeNull();
    expect(check(fineNotRemitted, onsite('2024-10-11', '2024-10-15'))).not.toBeNull();
  });

  it('across Spring Festival 2025 and its make-up Sunday (26 Jan)', () => {
    expect(check(fineNotRemitted, onsite('2025-01-24', '2025-01-27'))).toBeNull();
    expect(check(fineNotRemitted, onsite('2025-01-24', '2025-01-28'))?.detail).toContain('第3个工作日');
    expect(check(fineNotRemitted, onsite('2025-01-27', '2025-02-06'))).toBeNull();
    expect(check(fineNotRemitted, onsite('2025-01-27', '2025-02-07'))).not.toBeNull();
  });

  it('not handed in: late once the as-of date is past the deadline', () => {
    expect(check(fineNotRemitted, onsite('2025-01-27'), '2025-02-06')).toBeNull();
    expect(check(fineNotRemitted, onsite('2025-01-27'), '2025-02-07')?.detail).toBe(
      '2025-01-27当场收缴罚款50元，截至2025-02-07未上缴，法定期限2个工作日（2025-02-06）',
    );
  });

  it('only a fine collected on site, with its collection day known', () => {
    expect(check(fineNotRemitted, onsite('2025-01-27', '2025-03-01', 'bank'))).toBeNull();
    expect(check(fineNotRemitted, onsite(null, '2025-03-01'))).toBeNull();
    expect(
      check(
        fineNotRemitted,
        act('levy', { payment: { method: 'onsite', receipt: true, collectedOn: '2025-01-27' } }),
      ),
    ).toBeNull();
  });
});
