import { describe, expect, it } from 'vitest';
import { outcomeOptions } from '../types/tolerance';
import { landErrors } from './fieldPaths';

describe('server field errors on a form', () => {
  it('lands each error on its field or the nearest above, keeps the rest', () => {
    const registered = [
      ['facts', 'withinDuty'],
      ['evidence', 'within_duty'],
      ['evidence', 'corrected'],
      ['collective'],
    ];
    const { landed, rest } = landErrors(
      [
        { path: 'evidence.within_duty', message: '须写明核实所依据的证据' },
        { path: 'evidence.corrected', message: '须写明核实所依据的证据' },
        { path: 'collective.attendees[1]', message: '出席人员重复' },
        { path: 'collective.minutes', message: '须填写' },
        { path: 'caseId', message: '案件尚未认定事实' },
      ],
      registered,
    );
    expect(landed).toEqual([
      { name: ['evidence', 'within_duty'], errors: ['须写明核实所依据的证据'] },
      { name: ['evidence', 'corrected'], errors: ['须写明核实所依据的证据'] },
      { name: ['collective'], errors: ['出席人员重复', '须填写'] },
    ]);
    expect(rest).toEqual([{ path: 'caseId', message: '案件尚未认定事实' }]);
  });
});

describe('the outcomes of a tolerance decision', () => {
  const disabled = (a: Parameters<typeof outcomeOptions>[0]) =>
    outcomeOptions(a)
      .filter((o) => o.disabled)
      .map((o) => o.value);
  it('never offers one more lenient than the assessment', () => {
    expect(disabled('exempt')).toEqual([]);
    expect(disabled('mitigate')).toEqual(['exempt']);
    expect(disabled('reject')).toEqual(['exempt', 'mitigate']);
    expect(disabled(null)).toEqual([]);
  });
});
