import { describe, expect, it } from 'vitest';
import { hearingNotHeld } from './hearing-not-held.js';
import { act, check } from './testing.js';

const hearing = (requested: boolean, held: boolean) => ({ requested, held });

describe('hearing-not-held (行政处罚法第六十三条、第六十四条; 行政许可法第四十七条)', () => {
  it('a requested hearing must be held before the decision', () => {
    const dates = { filed: '2024-03-01', notified: '2024-03-10', decided: '2024-04-01' };
    expect(check(hearingNotHeld, act('penalty', { hearing: hearing(true, true), dates }))).toBeNull();
    expect(check(hearingNotHeld, act('penalty', { hearing: hearing(true, false), dates }))).toEqual({
      act: 'A-2024-0000001',
      rule: 'hearing-not-held',
      fault: 'penalty.10',
      basis: '行政处罚法第六十三条、第六十四条',
      detail: '当事人要求听证，未组织听证即于2024-04-01作出处罚决定',
    });
  });

  it('licensing cites the Licensing Law', () => {
    const f = check(
      hearingNotHeld,
      act('licensing', { hearing: hearing(true, false), dates: { decided: '2024-04-01' } }),
    );
    expect(f?.fault).toBe('licensing.05');
    expect(f?.basis).toBe('行政许可法第四十七条');
  });

  it('no hearing requested, or no decision yet, is no fault', () => {
    expect(
      check(
        hearingNotHeld,
        act('penalty', { hearing: hearing(false, false), dates: { decided: '2024-04-01' } }),
      ),
    ).toBeNull();
    expect(
      check(
        hearingNotHeld,
        act('penalty', { hearing: hearing(true, false), dates: { filed: '2024-03-01' } }),
      ),
    ).toBeNull();
    expect(
      check(hearingNotHeld, act('penalty', { hearing: null, dates: { decided: '2024-04-01' } })),
    ).toBeNull();
    expect(
      check(
        hearingNotHeld,
        act('inspection', { hearing: hearing(true, false), dates: { decided: '2024-04-01' } }),
      ),
    ).toBeNull();
  });
});
