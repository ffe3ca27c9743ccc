import { describe, expect, it } from 'vitest';
import { onsiteCollection } from './onsite-collection.js';
import { act, check } from './testing.js';

const paid = (fine: number, method = 'onsite') =>
  act('penalty', {
    procedure: 'summary',
    fine,
    payment: { method, receipt: true },
    dates: { decided: '2024-03-01' },
  });

describe('onsite-collection (行政处罚法第六十七条、第六十八条, penalty.05)', () => {
  it('100 yuan may be collected on the spot, more may not', () => {
    expect(check(onsiteCollection, paid(100))).toBeNull();
    expect(check(onsiteCollection, paid(100.5))?.detail).toBe('当场收缴罚款100.5元，超过100元');
    expect(check(onsiteCollection, paid(500))).toEqual({
      act: 'A-2024-0000001',
      rule: 'onsite-collection',
      fault: 'penalty.05',
      basis: '行政处罚法第六十七条、第六十八条',
      detail: '当场收缴罚款500元，超过100元',
    });
  });

  it('a fine paid through the bank is not collected on the spot', () => {
    expect(check(onsiteCollection, paid(500, 'bank'))).toBeNull();
    expect(check(onsiteCollection, act('penalty', { fine: 500 }))).toBeNull();
  });
});
