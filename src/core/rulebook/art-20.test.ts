// Art. 20: a secondary role in a common fault → lighter or reduced.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';

describe('Art. 20 secondary role in a common fault', () => {
  it('lightens the secondary participant', () => {
    const d = determine(
      request({
        severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
        people: [
          person('h', 'handler', { conduct: ['negligent_wrong_opinion'] }),
          person('r', 'reviewer', { conduct: ['failed_to_detect'], share: 'secondary' }),
        ],
      }),
    );
    // "应当比照……从轻或者减轻追究": mandatory, not discretionary.
    expect(personOf(d, 'r').adjustments).toEqual([
      { kind: 'lighten_or_reduce', article: 20, discretionary: false },
    ]);
    expect(personOf(d, 'r').sanctions?.recommended).toBe('admonition_talk');
    expect(personOf(d, 'h').adjustments).toEqual([]);
    expect(personOf(d, 'h').sanctions?.recommended).toBe('written_self_criticism');
  });
  it('needs a common fault: a sole liable person is not lightened', () => {
    const d = determine(
      request({
        people: [person('h', 'handler', { conduct: ['acted_without_approval'], share: 'secondary' })],
      }),
    );
    expect(personOf(d, 'h').adjustments).toEqual([]);
  });
  it('a main participant is not lightened', () => {
    const d = determine(
      request({
        people: [
          person('h', 'handler', { conduct: ['negligent_wrong_opinion'], share: 'main' }),
          person('r', 'reviewer', { conduct: ['failed_to_detect'], share: 'main' }),
        ],
      }),
    );
    expect(d.persons.every((p) => p.adjustments.length === 0)).toBe(true);
  });
});
