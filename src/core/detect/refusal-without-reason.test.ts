import { describe, expect, it } from 'vitest';
import type { Act } from '../acts/schema.js';
import { refusalWithoutReason } from './refusal-without-reason.js';
import { act, check } from './testing.js';

const lic = (
  decision: Act['decision'],
  reason: string | null | undefined,
  decided: string | null = '2025-03-10',
) => act('licensing', { decision, reason, dates: { applied: '2025-03-03', decided } });

describe('refusal-without-reason (行政许可法第三十二条、第三十八条, licensing.04)', () => {
  it('a refusal states its reason', () => {
    expect(check(refusalWithoutReason, lic('refused', '申请人不符合法定条件'))).toBeNull();
    expect(check(refusalWithoutReason, lic('refused', null))).toEqual({
      act: 'A-2024-0000001',
      rule: 'refusal-without-reason',
      fault: 'licensing.04',
      basis: '行政许可法第三十八条',
      detail: '作出不予行政许可决定（2025-03-10），未说明理由',
    });
    expect(check(refusalWithoutReason, lic('refused', ''))).not.toBeNull();
    expect(check(refusalWithoutReason, lic('refused', '   '))).not.toBeNull();
    expect(check(refusalWithoutReason, lic('refused', ' x '))).toBeNull();
  });

  it('so does a non-acceptance; a grant needs none', () => {
    expect(check(refusalWithoutReason, lic('not_accepted', undefined, null))).toMatchObject({
      basis: '行政许可法第三十二条',
      detail: '作出不予受理决定，未说明理由',
    });
    expect(check(refusalWithoutReason, lic('not_accepted', '不属于本机关职权范围'))).toBeNull();
    expect(check(refusalWithoutReason, lic('granted', null))).toBeNull();
    expect(check(refusalWithoutReason, lic(null, null))).toBeNull();
    expect(check(refusalWithoutReason, act('penalty', { decision: 'refused', reason: null }))).toBeNull();
  });
});
