import { describe, expect, it } from 'vitest';
import { fewerThanTwoOfficers } from './fewer-than-two-officers.js';
import { act, check } from './testing.js';

const one = [{ id: 'O-0001', certificate: '52990000005', validUntil: '2027-06-30' }];

describe('fewer-than-two-officers (行政处罚法第四十二条; 行政强制法第十八条)', () => {
  it('two officers are enough, one is not', () => {
    expect(check(fewerThanTwoOfficers, act('penalty'))).toBeNull();
    expect(check(fewerThanTwoOfficers, act('penalty', { officers: one }))).toEqual({
      act: 'A-2024-0000001',
      rule: 'fewer-than-two-officers',
      fault: 'penalty.12',
      basis: '行政处罚法第四十二条',
      detail: '仅有1名执法人员实施，法定不得少于两人',
    });
  });

  it('the same officer listed twice counts once', () => {
    expect(check(fewerThanTwoOfficers, act('inspection', { officers: [one[0], { ...one[0] }] }))?.fault).toBe(
      'inspection.04',
    );
  });

  it('coercion cites the Administrative Coercion Law', () => {
    const f = check(fewerThanTwoOfficers, act('coercion', { officers: [] }));
    expect(f?.fault).toBe('coercion.03');
    expect(f?.basis).toBe('行政强制法第十八条');
    expect(f?.detail).toBe('仅有0名执法人员实施，法定不得少于两人');
  });

  it('does not apply to the summary procedure, licensing or levy', () => {
    expect(check(fewerThanTwoOfficers, act('penalty', { procedure: 'summary', officers: one }))).toBeNull();
    expect(check(fewerThanTwoOfficers, act('licensing', { officers: one }))).toBeNull();
    expect(check(fewerThanTwoOfficers, act('levy', { officers: one }))).toBeNull();
  });

  it('reads a penalty without a declared procedure as ordinary', () => {
    expect(check(fewerThanTwoOfficers, act('penalty', { procedure: null, officers: one }))).not.toBeNull();
  });
});
