// Art. 18: executing a superior's order after objecting.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';

const run = (
  officer: string[],
  superior: string[],
  decision: 'direct' | 'approval' = 'direct',
  role: 'officer' | 'handler' = 'officer',
) =>
  determine(
    request({
      decision,
      people: [
        person('o', role, { conduct: officer as never }),
        person('s', 'superior', { conduct: superior as never }),
      ],
    }),
  );

describe('Art. 18 order executed after objection', () => {
  it('makes the superior liable and not the officer', () => {
    const d = run(['objected_to_order'], ['ordered_execution']);
    expect(personOf(d, 's')).toMatchObject({ liable: true, basis: [{ article: 18 }] });
    expect(personOf(d, 'o')).toMatchObject({ liable: false, outcome: 'not_liable', basis: [] });
    expect(d.explanation.find((l) => l.startsWith('执法人员 o'))).toMatch(/依第十八条/);
  });
  it('the shield defeats the officer’s Art. 15 basis too', () => {
    const d = run(
      ['objected_to_order', 'negligent_wrong_opinion'],
      ['ordered_execution'],
      'approval',
      'handler',
    );
    expect(personOf(d, 'o').liable).toBe(false);
  });
  it('an obviously illegal order leaves the officer liable, and the superior too', () => {
    const d = run(['objected_to_order', 'order_obviously_illegal'], ['ordered_execution']);
    expect(personOf(d, 'o').basis).toContainEqual({ article: 18 });
    expect(personOf(d, 's').liable).toBe(true);
  });
  it('without an objection the officer who acted is liable and the superior is not (under Art. 18)', () => {
    const d = run([], ['ordered_execution']);
    expect(personOf(d, 'o').basis).toEqual([{ chapter: 1, item: 3 }]);
    expect(personOf(d, 's').liable).toBe(false);
  });
  it('an objection the superior heeded (no order kept) does not shield', () => {
    const d = run(['objected_to_order'], []);
    expect(personOf(d, 'o').liable).toBe(true);
    expect(personOf(d, 's').liable).toBe(false);
  });
});

describe('Ch. 1 item 3: a direct act', () => {
  it('makes the officer who made it liable', () => {
    const d = determine(request({ decision: 'direct', people: [person('o', 'officer')] }));
    expect(personOf(d, 'o').basis).toEqual([{ chapter: 1, item: 3 }]);
    expect(d.explanation[0]).toMatch(/^执法人员 o：依第一章第3项，/);
  });
  it('does not reach an officer of an approved act', () => {
    const d = determine(request({ decision: 'approval', people: [person('o', 'officer')] }));
    expect(personOf(d, 'o').liable).toBe(false);
  });
});
