// What would change each outcome: the examples, end to end. The general properties (each
// change gives the stated result, minimality of size, at most five) are in properties.test.ts.
import { describe, expect, it } from 'vitest';
import { person, personOf, request, threePersonRequest } from './fixtures.js';
import { determine, setAtPath, WHAT_IF_LIMIT } from './index.js';
import type { DeterminationRequest } from './request.js';

describe('whatIf', () => {
  it('is computed only when asked', () => {
    const d = determine(threePersonRequest());
    expect(d.persons.every((p) => p.whatIf === undefined)).toBe(true);
    expect(d.agencies.every((a) => a.whatIf === undefined)).toBe(true);
  });

  it('若一年内过错少于三次，则不从重（第十九条第（二）项）', () => {
    const d = determine(threePersonRequest(), undefined, { whatIf: true });
    const p1 = personOf(d, 'p1');
    expect(p1.sanctions?.clause).toBe(3);
    const fewer = p1.whatIf!.find((w) => w.changes[0]!.path === 'people[0].history');
    expect(fewer).toMatchObject({
      changes: [{ path: 'people[0].history' }],
      outcome: 'pursue',
      sanctions: { clause: 2 },
      cite: { article: 19, clause: 2 },
    });
    expect((fewer!.changes[0]!.to as unknown[]).length).toBe(1);
  });

  it('若承办人曾向上级提出改正意见且上级要求立即执行，则不承担责任（第十八条）', () => {
    const req = request({
      decision: 'direct',
      severity: { nature: 'egregious', harm: 'large', impact: 'large' },
      people: [person('o', 'officer', { circumstances: ['retaliated'] }), person('s', 'superior')],
    });
    const d = determine(req, undefined, { whatIf: true });
    const shield = {
      changes: [
        { path: 'people[0].conduct', from: [], to: ['objected_to_order'] },
        { path: 'people[1].conduct', from: [], to: ['ordered_execution'] },
      ],
      cite: { article: 18 },
    };
    expect(personOf(d, 'o').whatIf).toContainEqual({ ...shield, outcome: 'not_liable' });
    // The other side: the superior would then answer, on Art. 18.
    expect(personOf(d, 's').whatIf).toContainEqual(expect.objectContaining({ ...shield, outcome: 'pursue' }));
    // Written into the request, the two changes give what was said.
    const changed = shield.changes.reduce((r, c) => setAtPath(r, c.path, c.to), req);
    expect(personOf(determine(changed), 'o').outcome).toBe('not_liable');
  });

  it('single changes come before two-fact changes, at most five per person', () => {
    const d = determine(threePersonRequest(), undefined, { whatIf: true });
    for (const p of [...d.persons, ...d.agencies]) {
      expect(p.whatIf!.length).toBeLessThanOrEqual(WHAT_IF_LIMIT);
      expect(p.whatIf!.length).toBeGreaterThan(0);
    }
    // The agency needs two facts to become may_not_pursue: Art. 23 contradicts large harm.
    expect(d.agencies[0]!.whatIf).toContainEqual({
      changes: [
        { path: 'severity.harm', from: 'large', to: 'small' },
        { path: 'circumstances', from: [], to: ['trivial'] },
      ],
      outcome: 'may_not_pursue',
      measures: ['rectify_within_limit'],
      cite: { article: 23 },
    });
  });

  it('never offers an invalid request (Art. 23 with a large harm is bad input)', () => {
    const d = determine(threePersonRequest(), undefined, { whatIf: true });
    const all = [...d.persons, ...d.agencies].flatMap((p) => p.whatIf!);
    expect(
      all.some(
        (w) =>
          w.changes.length === 1 &&
          w.changes[0]!.path === 'circumstances' &&
          (w.changes[0]!.to as string[]).includes('trivial'),
      ),
    ).toBe(false);
  });
});

describe('whatIf order', () => {
  it('counts two changes of one list as one change when ordering (found by the property test)', () => {
    const req = {
      pack: 'guizhou',
      occurredOn: '2024-07-01',
      faults: ['penalty.08'],
      decision: 'direct',
      people: [
        {
          id: 'p1',
          role: 'superior',
          agency: 'a1',
          conduct: [],
          share: 'main',
          circumstances: [],
          history: [],
        },
        {
          id: 'p2',
          role: 'handler',
          agency: 'a1',
          conduct: [],
          share: 'main',
          circumstances: ['continuing_uncorrected'],
          history: [],
        },
      ],
      circumstances: [],
      severity: { nature: 'egregious', harm: 'large', impact: 'large' },
      suspected: { discipline: false, crime: false },
    } as unknown as DeterminationRequest;
    for (const p of determine(req, undefined, { whatIf: true }).persons) {
      const sizes = p.whatIf!.map((w) => w.changes.length);
      expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    }
  });
});
