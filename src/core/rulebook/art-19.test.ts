// Art. 19: aggravating circumstances; (2) computed from the person's history.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';

type History = { date: string; fault: string; sanctioned?: boolean }[];

const handler = (extra: Parameters<typeof person>[2] = {}, pack?: string, occurredOn = '2025-03-10') =>
  personOf(
    determine(
      request({
        pack,
        occurredOn,
        people: [person('h', 'handler', { conduct: ['negligent_wrong_opinion'], ...extra })],
      }),
    ),
    'h',
  );

const aggravations = (p: ReturnType<typeof handler>) =>
  p.adjustments.filter((a) => a.kind === 'aggravate').map((a) => a.clause);

describe('Art. 19(1) continuing fault left uncorrected', () => {
  it('aggravates', () =>
    expect(aggravations(handler({ circumstances: ['continuing_uncorrected'] }))).toEqual([1]));
  it('without it, no aggravation', () => expect(aggravations(handler())).toEqual([]));
});

describe('Art. 19(2) repeat faults', () => {
  const withHistory = (history: History, pack?: string) => aggravations(handler({ history }, pack));

  it('three faults within the year ending on the fault date aggravate', () => {
    // The year ending on 2025-03-10 starts on 2024-03-11 (民法典 第二百零一条): inside.
    expect(
      withHistory([
        { date: '2024-03-11', fault: 'levy.01' },
        { date: '2025-01-05', fault: 'other.02' },
      ]),
    ).toEqual([2]);
  });
  it('a fault a year and more before is outside the year', () => {
    expect(
      withHistory([
        { date: '2024-03-10', fault: 'levy.01' },
        { date: '2025-01-05', fault: 'other.02' },
      ]),
    ).toEqual([]);
  });
  it('two faults within the year (the current one counted) are not enough in guizhou…', () => {
    expect(withHistory([{ date: '2025-01-05', fault: 'other.02' }])).toEqual([]);
  });
  it('…but are in A市, whose threshold is stricter', () => {
    expect(withHistory([{ date: '2025-01-05', fault: 'other.02' }], 'guizhou-a-city')).toEqual([2]);
  });
  it('two earlier sanctions for the same item, however old, and the same fault again aggravate', () => {
    expect(
      withHistory([
        { date: '2019-01-01', fault: 'penalty.04', sanctioned: true },
        { date: '2021-06-01', fault: 'penalty.04', sanctioned: true },
      ]),
    ).toEqual([2]);
  });
  it('two earlier sanctions for another item do not', () => {
    expect(
      withHistory([
        { date: '2019-01-01', fault: 'penalty.05', sanctioned: true },
        { date: '2021-06-01', fault: 'penalty.05', sanctioned: true },
      ]),
    ).toEqual([]);
  });
  it('one earlier sanction does not', () => {
    expect(withHistory([{ date: '2019-01-01', fault: 'penalty.04', sanctioned: true }])).toEqual([]);
  });
  it('earlier faults not sanctioned do not count as sanctions', () => {
    expect(
      withHistory([
        { date: '2019-01-01', fault: 'penalty.04' },
        { date: '2021-06-01', fault: 'penalty.04' },
      ]),
    ).toEqual([]);
  });
  it('history dated after the fault is ignored', () => {
    expect(
      withHistory([
        { date: '2025-03-11', fault: 'levy.01' },
        { date: '2025-04-01', fault: 'levy.02' },
      ]),
    ).toEqual([]);
  });
  it('A市 from 2026 counts the same category as the same kind', () => {
    const history: History = [
      { date: '2019-01-01', fault: 'penalty.05', sanctioned: true },
      { date: '2021-06-01', fault: 'penalty.06', sanctioned: true },
    ];
    expect(aggravations(handler({ history }, 'guizhou-a-city', '2026-03-10'))).toEqual([2]);
    expect(aggravations(handler({ history }, 'guizhou-a-city', '2025-03-10'))).toEqual([]);
  });
  it('the explanation says which branch holds', () => {
    const d = determine(
      request({
        people: [
          person('h', 'handler', {
            conduct: ['negligent_wrong_opinion'],
            history: [
              { date: '2024-06-01', fault: 'levy.01' },
              { date: '2025-01-05', fault: 'other.02' },
            ],
          }),
        ],
      }),
    );
    expect(d.explanation).toContainEqual(
      expect.stringMatching(/^承办人 h：依第十九条第（二）项，.*（一年内发生第3次行政执法过错行为）。$/),
    );
  });
});

describe('Art. 19(3) obstructed the investigation', () => {
  it('aggravates', () =>
    expect(aggravations(handler({ circumstances: ['obstructed_investigation'] }))).toEqual([3]));
  it('not otherwise', () =>
    expect(aggravations(handler({ circumstances: ['retaliated'] }))).not.toContain(3));
});

describe('Art. 19(4) retaliated', () => {
  it('aggravates', () => expect(aggravations(handler({ circumstances: ['retaliated'] }))).toEqual([4]));
  it('not otherwise', () =>
    expect(aggravations(handler({ circumstances: ['obstructed_investigation'] }))).not.toContain(4));
});

describe('Art. 19 effects', () => {
  it('moves the sanction one rung up', () => {
    expect(handler().sanctions?.recommended).toBe('admonition_talk');
    expect(handler({ circumstances: ['retaliated'] }).sanctions).toEqual({
      article: 24,
      clause: 1,
      forms: ['admonition_talk', 'written_self_criticism'],
      recommended: 'written_self_criticism',
    });
  });
  it('does not touch a person who is not liable', () => {
    const d = determine(request({ people: [person('r', 'reviewer', { circumstances: ['retaliated'] })] }));
    expect(personOf(d, 'r').adjustments).toEqual([]);
  });
});

describe('Art. 19(2) "一年内" runs by the calendar date, not 365 days (民法典 第二百零一条、第二百零二条)', () => {
  const twoBefore = (first: string, occurredOn: string) =>
    aggravations(
      handler(
        {
          history: [
            { date: first, fault: 'levy.01' },
            { date: occurredOn, fault: 'other.02' },
          ],
        },
        undefined,
        occurredOn,
      ),
    );
  it('a year containing 29 February is one day longer: 2023-03-11 is within the year ending 2024-03-10', () => {
    // 366 days before 2024-03-10: outside a fixed 365-day window, inside the calendar year.
    expect(twoBefore('2023-03-11', '2024-03-10')).toEqual([2]);
  });
  it('the corresponding date itself is not counted (the day the period starts from)', () => {
    expect(twoBefore('2023-03-10', '2024-03-10')).toEqual([]);
  });
  it('a year ending on 29 February starts after the month’s last day a year before (no 2023-02-29)', () => {
    expect(twoBefore('2023-03-01', '2024-02-29')).toEqual([2]);
    expect(twoBefore('2023-02-28', '2024-02-29')).toEqual([]);
  });
});
