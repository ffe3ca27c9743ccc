// Art. 17: joint or concentrated enforcement → the agencies and their heads.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';

const joint = (decision: 'joint' | 'approval') =>
  determine(
    request({
      decision,
      people: [
        person('h1', 'principal', { agency: 'a1' }),
        person('h2', 'principal', { agency: 'a2' }),
        person('o', 'officer', { agency: 'a2' }),
      ],
      agencies: [
        { id: 'a1', triggers: [] },
        { id: 'a2', triggers: [] },
      ],
    }),
  );

describe('Art. 17 joint enforcement', () => {
  it('makes every agency and every head liable', () => {
    const d = joint('joint');
    expect(d.agencies.map((a) => [a.id, a.liable, a.basis])).toEqual([
      ['a1', true, [{ article: 17 }]],
      ['a2', true, [{ article: 17 }]],
    ]);
    expect(personOf(d, 'h1').basis).toEqual([{ article: 17 }]);
    expect(personOf(d, 'h2').basis).toEqual([{ article: 17 }]);
    expect(personOf(d, 'o').liable).toBe(false);
    expect(d.agencies[0]!.measures).toEqual(['rectify_within_limit']);
  });
  it('outside joint enforcement, neither agencies nor heads are liable on Art. 17', () => {
    const d = joint('approval');
    expect(d.agencies.every((a) => !a.liable)).toBe(true);
    expect(personOf(d, 'h1').liable).toBe(false);
  });
});

describe('Art. 17 adds the agencies and heads; it does not relieve the officers (D5)', () => {
  const chain = (decision: 'joint' | 'approval') =>
    determine(
      request({
        decision,
        people: [
          person('h', 'handler', { conduct: ['negligent_wrong_opinion'] }),
          person('r', 'reviewer', { conduct: ['failed_to_detect'] }),
          person('p', 'principal'),
        ],
      }),
    );
  it('under joint enforcement the approval chain still answers under Art. 15, beside the head', () => {
    const d = chain('joint');
    expect(personOf(d, 'h').basis).toEqual([{ article: 15, clause: 4 }]);
    expect(personOf(d, 'r').basis).toEqual([{ article: 15, clause: 4 }]);
    expect(personOf(d, 'p').basis).toEqual([{ article: 17 }]);
    expect(d.agencies[0]!.basis).toEqual([{ article: 17 }]);
  });
  it('outside joint enforcement the same chain answers, and nobody on Art. 17', () => {
    const d = chain('approval');
    expect(personOf(d, 'h').basis).toEqual([{ article: 15, clause: 4 }]);
    expect(personOf(d, 'p').liable).toBe(false);
  });
});
