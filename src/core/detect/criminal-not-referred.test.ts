import { describe, expect, it } from 'vitest';
import { criminalNotReferred } from './criminal-not-referred.js';
import { act, check } from './testing.js';

describe('criminal-not-referred (行政处罚法第二十七条, penalty.07)', () => {
  it('a suspected crime must be referred', () => {
    expect(
      check(criminalNotReferred, act('penalty', { criminal: { suspected: true, referred: true } })),
    ).toBeNull();
    expect(
      check(criminalNotReferred, act('penalty', { criminal: { suspected: true, referred: false } })),
    ).toEqual({
      act: 'A-2024-0000001',
      rule: 'criminal-not-referred',
      fault: 'penalty.07',
      basis: '行政处罚法第二十七条',
      detail: '案卷记载涉嫌犯罪，未移送司法机关追究刑事责任',
    });
    expect(
      check(criminalNotReferred, act('inspection', { criminal: { suspected: true, referred: false } })),
    ).not.toBeNull();
  });

  it('no suspicion, no fault', () => {
    expect(
      check(criminalNotReferred, act('penalty', { criminal: { suspected: false, referred: false } })),
    ).toBeNull();
    expect(check(criminalNotReferred, act('penalty', { criminal: null }))).toBeNull();
  });
});
