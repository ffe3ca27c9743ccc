// Art. 15: the approval chain. One case per clause, on both sides of it.
import { describe, expect, it } from 'vitest';
import { person, personOf, request } from '../determine/fixtures.js';
import { determine } from '../determine/index.js';
import { ValidationError } from '../validation.js';

const chain = (handler: string[], reviewer: string[] = [], approver: string[] = []) =>
  determine(
    request({
      people: [
        person('h', 'handler', { conduct: handler as never }),
        person('r', 'reviewer', { conduct: reviewer as never }),
        person('a', 'approver', { conduct: approver as never }),
      ],
    }),
  );

describe('Art. 15(1) handler acted without review and approval', () => {
  it('makes the handler liable', () => {
    const d = chain(['acted_without_approval']);
    expect(personOf(d, 'h')).toMatchObject({
      liable: true,
      outcome: 'pursue',
      basis: [{ article: 15, clause: 1 }],
    });
    expect(d.explanation[0]).toMatch(/^承办人 h：依第十五条第（一）项，/);
  });
  it('does not make reviewer or approver liable for not detecting it', () => {
    const d = chain(
      ['acted_without_approval', 'negligent_wrong_opinion'],
      ['failed_to_detect'],
      ['failed_to_detect'],
    );
    expect(personOf(d, 'r').liable).toBe(false);
    expect(personOf(d, 'a').liable).toBe(false);
  });
  it('without the conduct, nobody is liable', () => {
    const d = chain([]);
    expect(d.persons.every((p) => p.outcome === 'not_liable')).toBe(true);
  });
});

describe('Art. 15(2) handler falsified', () => {
  it('makes the handler alone liable, even if the reviewers failed to detect', () => {
    const d = chain(['falsified', 'negligent_wrong_opinion'], ['failed_to_detect'], ['failed_to_detect']);
    expect(personOf(d, 'h').basis).toContainEqual({ article: 15, clause: 2 });
    expect(personOf(d, 'r').liable).toBe(false);
    expect(personOf(d, 'a').liable).toBe(false);
  });
  it('without falsification the reviewer who failed to detect is liable under (4)', () => {
    const d = chain(['negligent_wrong_opinion'], ['failed_to_detect']);
    expect(personOf(d, 'h').basis).not.toContainEqual({ article: 15, clause: 2 });
    expect(personOf(d, 'r').basis).toEqual([{ article: 15, clause: 4 }]);
  });
});

describe('Art. 15(3) handler deviated from what was approved', () => {
  it('makes the handler liable and not the approver', () => {
    const d = chain(['deviated_from_approval'], [], ['failed_to_detect']);
    expect(personOf(d, 'h').basis).toEqual([{ article: 15, clause: 3 }]);
    expect(personOf(d, 'a').liable).toBe(false);
  });
  it('without deviation, the handler has no basis', () => {
    expect(personOf(chain([], [], ['failed_to_detect']), 'h').liable).toBe(false);
  });
});

describe('Art. 15(4) handler negligent, reviewer/approver should have found it', () => {
  it('makes all three liable, by their share', () => {
    const d = chain(['negligent_wrong_opinion'], ['failed_to_detect'], ['failed_to_detect']);
    for (const id of ['h', 'r', 'a']) expect(personOf(d, id).basis).toEqual([{ article: 15, clause: 4 }]);
  });
  it('a reviewer who found nothing to find is not liable', () => {
    const d = chain([], ['failed_to_detect'], ['failed_to_detect']);
    expect(personOf(d, 'r').liable).toBe(false);
    expect(personOf(d, 'a').liable).toBe(false);
  });
  it('a reviewer who did detect is not liable while the handler is', () => {
    const d = chain(['negligent_wrong_opinion']);
    expect(personOf(d, 'h').liable).toBe(true);
    expect(personOf(d, 'r').liable).toBe(false);
  });
});

describe('Art. 15(5) reviewer overrode the handler’s correct opinion', () => {
  it('makes the reviewer, and the approver who let it through, liable; not the handler', () => {
    const d = chain([], ['overrode_correct_opinion'], ['failed_to_detect']);
    expect(personOf(d, 'r').basis).toEqual([{ article: 15, clause: 5 }]);
    expect(personOf(d, 'a').basis).toEqual([{ article: 15, clause: 5 }]);
    expect(personOf(d, 'h').liable).toBe(false);
  });
  it('an approver who caught the override is not liable', () => {
    const d = chain([], ['overrode_correct_opinion'], []);
    expect(personOf(d, 'a').liable).toBe(false);
  });
});

describe('Art. 15(6) reviewer decided without submitting for approval', () => {
  it('makes the reviewer liable', () => {
    expect(personOf(chain([], ['decided_without_referral']), 'r').basis).toEqual([
      { article: 15, clause: 6 },
    ]);
  });
  it('a reviewer who submitted is not liable', () => {
    expect(personOf(chain([], []), 'r').liable).toBe(false);
  });
});

describe('Art. 15(7) approver changed a correct opinion or decided alone', () => {
  it('changing a correct opinion makes the approver liable', () => {
    expect(personOf(chain([], [], ['overrode_correct_opinion']), 'a').basis).toEqual([
      { article: 15, clause: 7 },
    ]);
  });
  it('deciding without proposal or review makes the approver liable', () => {
    expect(personOf(chain([], [], ['decided_without_proposal']), 'a').basis).toEqual([
      { article: 15, clause: 7 },
    ]);
  });
  it('an approver who did neither is not liable', () => {
    expect(personOf(chain([], [], []), 'a').liable).toBe(false);
  });
});

describe('Art. 15 scope: acts that must be reviewed and approved', () => {
  it('does not apply to a collective decision (guizhou)', () => {
    const d = determine(
      request({
        decision: 'collective',
        people: [person('h', 'handler', { conduct: ['negligent_wrong_opinion'] })],
      }),
    );
    expect(personOf(d, 'h').liable).toBe(false);
  });
  it('rejects a conduct that does not fit the role, naming the field', () => {
    try {
      determine(request({ people: [person('r', 'reviewer', { conduct: ['acted_without_approval'] })] }));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      expect((e as ValidationError).fields[0]!.path).toBe('people[0].conduct[0]');
    }
  });
});

describe('Art. 15(1)–(3) "the handler acted alone" is per handler (D5)', () => {
  const two = (h1: string[], h2: string[], reviewer: string[], approver: string[] = []) =>
    determine(
      request({
        people: [
          person('h1', 'handler', { conduct: h1 as never }),
          person('h2', 'handler', { conduct: h2 as never }),
          person('r', 'reviewer', { conduct: reviewer as never }),
          person('a', 'approver', { conduct: approver as never }),
        ],
      }),
    );
  it('a reviewer who let another handler’s negligent wrong opinion through is liable under (4)', () => {
    const d = two(['falsified'], ['negligent_wrong_opinion'], ['failed_to_detect'], ['failed_to_detect']);
    expect(personOf(d, 'h1').basis).toEqual([{ article: 15, clause: 2 }]);
    expect(personOf(d, 'r').basis).toEqual([{ article: 15, clause: 4 }]);
    expect(personOf(d, 'a').basis).toEqual([{ article: 15, clause: 4 }]);
  });
  it('when the only negligent handler is the one who acted alone, (4) gives the reviewer nothing', () => {
    const d = two(['falsified', 'negligent_wrong_opinion'], [], ['failed_to_detect']);
    expect(personOf(d, 'r').liable).toBe(false);
  });
  it('(5): the approver is excused only when every handler acted alone', () => {
    const some = two(['deviated_from_approval'], [], ['overrode_correct_opinion'], ['failed_to_detect']);
    expect(personOf(some, 'a').basis).toEqual([{ article: 15, clause: 5 }]);
    const every = two(
      ['deviated_from_approval'],
      ['acted_without_approval'],
      ['overrode_correct_opinion'],
      ['failed_to_detect'],
    );
    expect(personOf(every, 'a').liable).toBe(false);
  });
});
