// Art. 16: collective decisions → the agency's principal.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';

const people = [
  person('boss', 'principal'),
  person('h', 'handler', { conduct: ['negligent_wrong_opinion'] }),
];

describe('Art. 16 collective decision', () => {
  it('makes the principal liable', () => {
    const d = determine(request({ decision: 'collective', people }));
    expect(personOf(d, 'boss')).toMatchObject({ liable: true, basis: [{ article: 16 }] });
    expect(d.explanation).toContain(
      '主要负责人 boss：依第十六条，经集体讨论决定作出的具体行政行为产生过错，追究行政执法机关主要负责人的行政执法过错责任。',
    );
  });
  it('does not reach the principal of an act decided through the approval chain', () => {
    const d = determine(request({ decision: 'approval', people }));
    expect(personOf(d, 'boss').liable).toBe(false);
    expect(personOf(d, 'h').basis).toEqual([{ article: 15, clause: 4 }]);
  });
});
