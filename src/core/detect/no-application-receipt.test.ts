import { describe, expect, it } from 'vitest';
import { noApplicationReceipt } from './no-application-receipt.js';
import { act, check } from './testing.js';

describe('no-application-receipt (行政许可法第三十二条, licensing.11)', () => {
  it('false is the fault; true and unknown are not', () => {
    expect(
      check(
        noApplicationReceipt,
        act('licensing', { receiptIssued: false, dates: { applied: '2025-03-03' } }),
      ),
    ).toEqual({
      act: 'A-2024-0000001',
      rule: 'no-application-receipt',
      fault: 'licensing.11',
      basis: '行政许可法第三十二条',
      detail: '2025-03-03申请，未向申请人出具加盖专用印章和注明日期的书面凭证',
    });
    expect(check(noApplicationReceipt, act('licensing', { receiptIssued: false }))?.detail).toBe(
      '未向申请人出具加盖专用印章和注明日期的书面凭证',
    );
    expect(check(noApplicationReceipt, act('licensing', { receiptIssued: true }))).toBeNull();
    expect(check(noApplicationReceipt, act('licensing', { receiptIssued: null }))).toBeNull();
    expect(check(noApplicationReceipt, act('licensing'))).toBeNull();
    expect(check(noApplicationReceipt, act('penalty', { receiptIssued: false }))).toBeNull();
  });
});
