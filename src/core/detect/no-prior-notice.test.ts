import { describe, expect, it } from 'vitest';
import { noPriorNotice } from './no-prior-notice.js';
import { act, check } from './testing.js';

const ordinary = (notified: string | null, decided: string | null) =>
  act('penalty', { dates: { filed: '2024-03-01', notified, decided } });
const summary = (notified: string | null, decided: string) =>
  act('penalty', { procedure: 'summary', dates: { notified, decided } });

describe('no-prior-notice (行政处罚法第四十四条, penalty.09)', () => {
  it('ordinary procedure: notice the day before the decision is in time, the same day is not', () => {
    expect(check(noPriorNotice, ordinary('2024-03-31', '2024-04-01'))).toBeNull();
    expect(check(noPriorNotice, ordinary('2024-04-01', '2024-04-01'))).toEqual({
      act: 'A-2024-0000001',
      rule: 'no-prior-notice',
      fault: 'penalty.09',
      basis: '行政处罚法第四十四条',
      detail: '告知与处罚决定同日（2024-04-01），未在决定前告知',
    });
    expect(check(noPriorNotice, ordinary('2024-04-02', '2024-04-01'))?.detail).toBe(
      '告知日期2024-04-02晚于处罚决定日期2024-04-01',
    );
    expect(check(noPriorNotice, ordinary(null, '2024-04-01'))?.detail).toBe(
      '2024-04-01作出处罚决定，此前未告知拟作出的处罚及陈述、申辩、听证权利（无告知日期）',
    );
  });

  it('summary procedure: notice on the spot, the same day, is in time', () => {
    expect(check(noPriorNotice, summary('2024-04-01', '2024-04-01'))).toBeNull();
    expect(check(noPriorNotice, summary('2024-04-02', '2024-04-01'))).not.toBeNull();
    expect(check(noPriorNotice, summary(null, '2024-04-01'))).not.toBeNull();
  });

  it('only decided penalties', () => {
    expect(check(noPriorNotice, ordinary(null, null))).toBeNull();
    expect(check(noPriorNotice, act('licensing', { dates: { decided: '2024-04-01' } }))).toBeNull();
  });
});
