import { describe, expect, it } from 'vitest';
import { act, check } from './testing.js';
import { uncertifiedOfficer } from './uncertified-officer.js';

const valid = { id: 'O-0001', certificate: '52990000005', validUntil: '2027-06-30' };
const until = (validUntil: string | null, certificate: string | null = '52990000011') => ({
  id: 'O-0003',
  certificate,
  validUntil,
});

describe('uncertified-officer (行政处罚法第四十二条; 行政强制法第十七条)', () => {
  it('validUntil is the last valid day: valid on it, expired the day after', () => {
    const decided = { filed: '2024-02-01', decided: '2024-05-31' };
    expect(
      check(uncertifiedOfficer, act('penalty', { officers: [valid, until('2024-05-31')], dates: decided })),
    ).toBeNull();
    expect(
      check(uncertifiedOfficer, act('penalty', { officers: [valid, until('2024-05-30')], dates: decided })),
    ).toEqual({
      act: 'A-2024-0000001',
      rule: 'uncertified-officer',
      fault: 'penalty.02',
      basis: '行政处罚法第四十二条',
      detail: '执法人员O-0003的执法证52990000011有效期至2024-05-30，作出决定之日2024-05-31已失效',
    });
  });

  it('an officer without a certificate, or without a validity date', () => {
    const dates = { decided: '2024-05-31' };
    expect(
      check(uncertifiedOfficer, act('inspection', { officers: [valid, until(null, null)], dates }))?.detail,
    ).toBe('执法人员O-0003未持有行政执法证件');
    expect(
      check(uncertifiedOfficer, act('inspection', { officers: [valid, until(null, '')], dates }))?.fault,
    ).toBe('inspection.01');
    expect(
      check(uncertifiedOfficer, act('coercion', { officers: [valid, until(null)], dates })),
    ).toMatchObject({
      fault: 'coercion.01',
      basis: '行政强制法第十七条',
      detail: '执法人员O-0003的执法证52990000011未载明有效期',
    });
  });

  it('an undecided act is measured on its filing date', () => {
    const officers = [valid, until('2024-03-01')];
    expect(
      check(uncertifiedOfficer, act('coercion', { officers, dates: { filed: '2024-03-01' } })),
    ).toBeNull();
    expect(
      check(uncertifiedOfficer, act('coercion', { officers, dates: { filed: '2024-03-02' } }))?.detail,
    ).toBe('执法人员O-0003的执法证52990000011有效期至2024-03-01，立案之日2024-03-02已失效');
  });

  it('names every officer at fault in one finding', () => {
    const f = check(
      uncertifiedOfficer,
      act('penalty', {
        officers: [until('2024-01-01'), until(null, null)],
        dates: { decided: '2024-05-31' },
      }),
    );
    expect(f?.detail.split('；')).toHaveLength(2);
  });

  it('does not apply to licensing', () => {
    expect(
      check(
        uncertifiedOfficer,
        act('licensing', { officers: [until(null, null)], dates: { decided: '2024-05-31' } }),
      ),
    ).toBeNull();
  });
});
