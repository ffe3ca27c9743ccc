// Art. 18: executing a superior's order after objecting.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';
import { ValidationError } from '../validation.js';

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

describe('Art. 18 proviso: executing an obviously illegal order (D7)', () => {
  it('makes the officer liable on Art. 18 without an objection', () => {
    const d = run(['order_obviously_illegal'], [], 'approval');
    expect(personOf(d, 'o').basis).toEqual([{ article: 18 }]);
  });
  it('…and whether or not the superior insisted', () => {
    const d = run(['objected_to_order', 'order_obviously_illegal'], [], 'approval');
    expect(personOf(d, 'o').basis).toEqual([{ article: 18 }]);
    expect(personOf(d, 's').liable).toBe(false);
  });
  it('an order that was not obviously illegal gives no Art. 18 basis to an officer who did not object', () => {
    const d = run([], ['ordered_execution'], 'approval');
    expect(personOf(d, 'o').liable).toBe(false);
  });
});

describe('Art. 18 relieves only faults that arise from executing the order (D7)', () => {
  it.each([
    ['acted_without_approval', 1],
    ['falsified', 2],
    ['deviated_from_approval', 3],
  ] as const)('the objecting handler’s own %s stays theirs (15(%i))', (conduct, clause) => {
    const d = run(['objected_to_order', conduct], ['ordered_execution'], 'approval', 'handler');
    expect(personOf(d, 'o')).toMatchObject({ liable: true, basis: [{ article: 15, clause }] });
    expect(d.explanation).toContainEqual(
      expect.stringMatching(/^承办人 o：依第十八条，第十八条仅免除执行上级决定、命令后产生的过错/),
    );
    expect(personOf(d, 's').basis).toEqual([{ article: 18 }]);
  });
  it('a fault from executing the order (a wrong opinion it imposed) is the superior’s', () => {
    const d = run(
      ['objected_to_order', 'negligent_wrong_opinion'],
      ['ordered_execution'],
      'approval',
      'handler',
    );
    expect(personOf(d, 'o').liable).toBe(false);
  });
});

describe('the 上级 of Art. 18 is whoever made the decision above the officer (D7)', () => {
  const reviewer = (conduct: string[]) =>
    determine(
      request({
        people: [
          person('h', 'handler', { conduct: ['objected_to_order'] }),
          person('r', 'reviewer', { conduct: conduct as never }),
        ],
      }),
    );
  it('a reviewer who decided without referral and kept the order answers; the objecting handler does not', () => {
    const d = reviewer(['decided_without_referral', 'ordered_execution']);
    expect(personOf(d, 'r').basis).toEqual([{ article: 15, clause: 6 }, { article: 18 }]);
    expect(personOf(d, 'h').liable).toBe(false);
  });
  it('a reviewer who did not keep the order: the handler is not shielded by it', () => {
    const d = reviewer(['decided_without_referral']);
    expect(personOf(d, 'r').basis).toEqual([{ article: 15, clause: 6 }]);
    expect(d.explanation.some((l) => l.startsWith('承办人 h：依第十八条'))).toBe(false);
  });
  it('a reviewer that did not decide is nobody’s 上级: ordered_execution alone is bad input', () => {
    try {
      reviewer(['ordered_execution']);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields.map((f) => f.path)).toEqual(['people[1].conduct[0]']);
    }
  });
});
