import { describe, expect, it } from 'vitest';
import { noReceipt } from './no-receipt.js';
import { act, check } from './testing.js';

describe('no-receipt (行政处罚法第七十条, penalty.06)', () => {
  it('a paid fine needs the receipt', () => {
    expect(
      check(noReceipt, act('penalty', { fine: 800, payment: { method: 'bank', receipt: true } })),
    ).toBeNull();
    expect(
      check(noReceipt, act('penalty', { fine: 800, payment: { method: 'onsite', receipt: false } })),
    ).toEqual({
      act: 'A-2024-0000001',
      rule: 'no-receipt',
      fault: 'penalty.06',
      basis: '行政处罚法第七十条',
      detail: '收缴罚款800元未出具财政部门统一制发的专用票据',
    });
  });

  it('an unpaid fine, or a payment that is not a penalty, is not this fault', () => {
    expect(check(noReceipt, act('penalty', { fine: 800, payment: null }))).toBeNull();
    expect(check(noReceipt, act('levy', { payment: { method: 'bank', receipt: false } }))).toBeNull();
  });
});
