// The engine end to end: the contract's example, bad input naming its field, pack selection.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation.js';
import { person, personOf, request, threePersonRequest } from './fixtures.js';
import { determinationSchema, determine, determineValidated, prepareDetermination } from './index.js';

const fieldsOf = (input: unknown, options = {}): string[] => {
  try {
    determine(input, undefined, options);
  } catch (e) {
    if (e instanceof ValidationError) return e.fields.map((f) => f.path);
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('the CONTRACTS.md §2 example', () => {
  const d = determine({
    pack: 'guizhou',
    occurredOn: '2025-03-10',
    faults: ['penalty.04'],
    decision: 'approval',
    people: [
      {
        id: 'p1',
        role: 'handler',
        agency: 'a1',
        conduct: ['negligent_wrong_opinion'],
        share: 'main',
        circumstances: [],
        history: [
          { date: '2024-11-02', fault: 'penalty.04', sanctioned: true },
          { date: '2024-12-02', fault: 'penalty.02', sanctioned: false },
        ],
      },
    ],
    agencies: [{ id: 'a1', triggers: ['overturned_in_review'] }],
    circumstances: [],
    severity: { nature: 'minor', harm: 'small', impact: 'small' },
    suspected: { discipline: true, crime: false },
  });

  it('gives the contract response', () => {
    expect(d).toMatchObject({
      pack: 'guizhou',
      version: '1.0',
      faults: [{ code: 'penalty.04', text: '对当事人的同一违法行为重复罚款的' }],
      persons: [
        {
          id: 'p1',
          liable: true,
          outcome: 'pursue',
          basis: [{ article: 15, clause: 4 }],
          share: 'main',
          adjustments: [{ kind: 'aggravate', article: 19, clause: 2 }],
          sanctions: {
            article: 24,
            clause: 1,
            forms: ['admonition_talk', 'written_self_criticism'],
            recommended: 'written_self_criticism',
          },
          referrals: ['discipline'],
        },
      ],
      agencies: [
        // Art. 25 is cited without a clause: the overturned act is its example, not a numbered clause.
        { id: 'a1', liable: true, basis: [{ article: 25 }], measures: ['rectify_within_limit'] },
      ],
    });
  });

  it('explains every conclusion in Chinese, citing the article', () => {
    expect(d.explanation[0]).toBe(
      '承办人 p1：依第十五条第（四）项，承办人因过失提出错误意见，按所起作用大小追究行政执法过错责任。',
    );
    expect(d.explanation.every((l) => /依第.+[条章]/.test(l) || l.includes('不具备'))).toBe(true);
    expect(d.lines.map((l) => l.text)).toEqual(d.explanation);
  });

  it('matches the response schema, and its JSON is stable', () => {
    expect(determinationSchema.safeParse(d).success).toBe(true);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('bad input names the field', () => {
  it('invalid shapes', () => {
    expect(fieldsOf({})).toEqual(
      expect.arrayContaining(['occurredOn', 'faults', 'decision', 'people', 'severity']),
    );
    expect(fieldsOf(null)).toEqual(['(root)']);
  });
  it('unknown codes', () => {
    expect(fieldsOf(request({ faults: ['penalty.99'] }))).toEqual(['faults[0]']);
    expect(fieldsOf(request({ people: [person('p', 'handler', { conduct: ['lied' as never] })] }))).toEqual([
      'people[0].conduct[0]',
    ]);
    expect(fieldsOf(request({ circumstances: ['luck' as never] }))).toEqual(['circumstances[0]']);
    expect(
      fieldsOf(request({ people: [person('p', 'handler', { circumstances: ['x' as never] })] })),
    ).toEqual(['people[0].circumstances[0]']);
    expect(
      fieldsOf(
        request({
          people: [
            person('p', 'handler', { history: [{ date: '2024-01-01', fault: 'nope', sanctioned: false }] }),
          ],
        }),
      ),
    ).toEqual(['people[0].history[0].fault']);
    expect(fieldsOf(request({ agencies: [{ id: 'a1', triggers: ['x' as never] }] }))).toEqual([
      'agencies[0].triggers[0]',
    ]);
  });
  it('missing and misspelt fields', () => {
    expect(fieldsOf(request({ people: [{ id: 'p1' } as never] }))).toEqual(['people[0].role']);
    expect(fieldsOf({ ...request({ people: [person('p', 'handler')] }), circumstance: [] })).toEqual([
      '(root)',
    ]);
    expect(fieldsOf(request({ occurredOn: '2025-02-30', people: [person('p', 'handler')] }))).toEqual([
      'occurredOn',
    ]);
  });
  it('ids unique, agency references exist, faults not repeated', () => {
    expect(fieldsOf(request({ people: [person('p', 'handler'), person('p', 'reviewer')] }))).toEqual([
      'people[1].id',
    ]);
    expect(fieldsOf(request({ people: [person('p', 'handler', { agency: 'a9' })] }))).toEqual([
      'people[0].agency',
    ]);
    expect(
      fieldsOf(request({ faults: ['penalty.04', 'penalty.04'], people: [person('p', 'handler')] })),
    ).toEqual(['faults[1]']);
    expect(
      fieldsOf(request({ agencies: [{ id: 'a1' }, { id: 'a1' }], people: [person('p', 'handler')] })),
    ).toEqual(['agencies[1].id']);
    expect(fieldsOf(request({ agencies: [], people: [] }))).toEqual(['people']);
  });
  it('unknown pack, or none in force on the date', () => {
    expect(fieldsOf(request({ pack: 'mars', people: [person('p', 'handler')] }))).toEqual(['pack']);
    expect(
      fieldsOf(
        request({ pack: 'guizhou-a-city', occurredOn: '2020-01-01', people: [person('p', 'handler')] }),
      ),
    ).toEqual(['occurredOn']);
    expect(
      fieldsOf(request({ people: [person('p', 'handler')] }), { pack: 'guizhou-a-city', on: '2020-01-01' }),
    ).toEqual(['on']);
  });
});

describe('pack selection', () => {
  const repeat = request({
    people: [
      person('p', 'handler', {
        conduct: ['falsified'],
        history: [{ date: '2025-01-01', fault: 'levy.01', sanctioned: false }],
      }),
    ],
  });
  it('the request’s pack and the option override', () => {
    expect(personOf(determine(repeat), 'p').adjustments).toEqual([]);
    expect(determine({ ...repeat, pack: 'guizhou-a-city' }).pack).toBe('guizhou-a-city');
    const city = determine(repeat, undefined, { pack: 'guizhou-a-city' });
    expect(city.version).toBe('1.0');
    expect(personOf(city, 'p').adjustments).toEqual([
      { kind: 'aggravate', article: 19, clause: 2, discretionary: false },
    ]);
  });
  it('--on selects the version in force on another date', () => {
    expect(determine(repeat, undefined, { pack: 'guizhou-a-city', on: '2026-06-01' }).version).toBe('2.0');
  });
});

describe('fast path', () => {
  it('gives the same answer as the validating entry point', () => {
    const input = threePersonRequest();
    const { request: req, compiled } = prepareDetermination(input);
    expect(determineValidated(req, compiled)).toEqual(determine(input));
  });
  it('the benchmark request exercises attribution, circumstances, sanctions and referrals', () => {
    const d = determine(threePersonRequest());
    expect(
      d.persons.map((p) => [p.id, p.outcome, p.adjustments.map((a) => a.article), p.sanctions?.recommended]),
    ).toEqual([
      ['p1', 'pursue', [19], 'off_post_training'],
      ['p2', 'pursue', [20], 'written_self_criticism'],
      ['p3', 'pursue', [20, 21], 'written_self_criticism'],
    ]);
  });
});
