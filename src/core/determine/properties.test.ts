// Properties of the engine over arbitrary valid requests (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../rulebook/catalogue.js';
import {
  ACT_CIRCUMSTANCES,
  CONDUCT_CODES,
  DECISION_KINDS,
  HARMS,
  IMPACTS,
  NATURES,
  PERSONAL_CIRCUMSTANCES,
  ROLES,
  SHARES,
} from '../rulebook/types.js';
import { CONDUCT } from '../rulebook/vocabulary.js';
import { determine, setAtPath, WHAT_IF_LIMIT } from './index.js';
import type { DeterminationRequestInput } from './request.js';
import type { Determination, PersonDetermination } from './types.js';

const codes = CATALOGUE.map((i) => i.code);
const date = fc
  .date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const personArb = (id: string, agencies: string[]) =>
  fc.constantFrom(...ROLES).chain((role) =>
    fc.record({
      id: fc.constant(id),
      role: fc.constant(role),
      agency: fc.constantFrom(...agencies),
      // A reviewer is the "上级" of Art. 18 only of a decision it made without referral (15(6)).
      conduct: fc
        .subarray(CONDUCT_CODES.filter((c) => CONDUCT[c].roles.includes(role)))
        .map((cs) =>
          role === 'reviewer' && cs.includes('ordered_execution') && !cs.includes('decided_without_referral')
            ? [...cs, 'decided_without_referral' as const]
            : cs,
        ),
      share: fc.constantFrom(...SHARES),
      circumstances: fc
        .subarray([...PERSONAL_CIRCUMSTANCES])
        .filter((cs) => !(cs.includes('remedied_harm_prevented') && cs.includes('remedied_harm_occurred'))),
      history: fc.array(
        fc.record({ date, fault: fc.constantFrom(...codes.slice(40)), sanctioned: fc.boolean() }),
        {
          maxLength: 4,
        },
      ),
    }),
  );

const requestArb: fc.Arbitrary<DeterminationRequestInput> = fc
  .record({ n: fc.integer({ min: 1, max: 5 }), agencyCount: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, agencyCount }) => {
    const agencies = Array.from({ length: agencyCount }, (_, i) => `a${i + 1}`);
    return fc.record({
      pack: fc.constantFrom('guizhou', 'guizhou-a-city'),
      occurredOn: date.filter((d) => d >= '2024-07-01'),
      faults: fc.uniqueArray(fc.constantFrom(...codes.slice(36, 44)), { minLength: 1, maxLength: 3 }),
      decision: fc.constantFrom(...DECISION_KINDS),
      people: fc.tuple(...Array.from({ length: n }, (_, i) => personArb(`p${i + 1}`, agencies))),
      // Sometimes left out: then the agencies are those the people name.
      agencies: fc.option(
        fc.tuple(
          ...agencies.map((id) =>
            fc.record({ id: fc.constant(id), triggers: fc.subarray(['overturned_in_review' as const]) }),
          ),
        ),
        { nil: undefined },
      ),
      circumstances: fc.subarray([...ACT_CIRCUMSTANCES]),
      severity: fc.record({
        nature: fc.constantFrom(...NATURES),
        harm: fc.constantFrom(...HARMS),
        impact: fc.constantFrom(...IMPACTS),
      }),
      suspected: fc.record({ discipline: fc.boolean(), crime: fc.boolean() }),
    });
  })
  // Art. 23 "显著轻微" contradicts an egregious nature, a large harm or impact (bad input).
  .map((r) =>
    severe(r) ? { ...r, circumstances: (r.circumstances ?? []).filter((c) => c !== 'trivial') } : r,
  );

function severe(r: DeterminationRequestInput): boolean {
  return r.severity.nature === 'egregious' || r.severity.harm === 'large' || r.severity.impact === 'large';
}

const EXEMPTIONS = ['force_majeure', 'self_defence_or_necessity', 'counterparty_fault'] as const;
const byId = (d: Determination) => Object.fromEntries(d.persons.map((p) => [p.id, p]));
const agenciesById = (d: Determination) => Object.fromEntries(d.agencies.map((a) => [a.id, a]));

describe('engine properties', () => {
  it('an Art. 22 exemption leaves nobody liable, whatever else holds', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...EXEMPTIONS), (req, exemption) => {
        const d = determine({
          ...req,
          circumstances: [...(req.circumstances ?? []), exemption].filter((c, i, a) => a.indexOf(c) === i),
        });
        expect(
          d.persons.every((p) => !p.liable && p.outcome === 'not_liable' && p.sanctions === undefined),
        ).toBe(true);
        expect(d.agencies.every((a) => !a.liable && a.measures.length === 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('every liable person has at least one basis; nobody else has sanctions', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const d = determine(req);
        for (const p of d.persons) {
          expect(p.liable).toBe(p.outcome !== 'not_liable');
          if (p.liable) expect(p.basis.length).toBeGreaterThan(0);
          else
            expect(p.sanctions === undefined && p.basis.length === 0 && p.referrals.length === 0).toBe(true);
        }
        for (const a of d.agencies) if (a.liable) expect(a.basis.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('every person of the request appears once, in request order', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        expect(determine(req).persons.map((p) => p.id)).toEqual(req.people.map((p) => p.id));
      }),
    );
  });

  it('does not depend on the order of people (compared as sets keyed by id)', () => {
    fc.assert(
      fc.property(
        requestArb.chain((req) =>
          fc.tuple(fc.constant(req), fc.shuffledSubarray(req.people, { minLength: req.people.length })),
        ),
        ([req, shuffled]) => {
          const a = determine(req);
          const b = determine({ ...req, people: shuffled });
          expect(byId(b)).toEqual(byId(a));
          expect(agenciesById(b)).toEqual(agenciesById(a));
          expect([...b.explanation].sort()).toEqual([...a.explanation].sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('the same request always gives the same answer', () => {
    fc.assert(
      fc.property(requestArb, (req) => {
        const copy = structuredClone(req);
        expect(determine(copy)).toEqual(determine(req));
        expect(JSON.stringify(determine(req))).toBe(JSON.stringify(determine(req)));
      }),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// What would change each outcome.

const smallRequestArb = requestArb.filter((r) => r.people.length <= 3);
const RANK = { not_liable: 0, may_not_pursue: 1, pursue: 2 } as const;
const LADDER = [
  'admonition_talk',
  'written_self_criticism',
  'circulated_criticism',
  'off_post_training',
  'removal_from_post',
  'suspension_of_qualification',
  'disqualification',
];
/** How heavy a person's result is: outcome first, then the recommended rung. */
const weight = (p: PersonDetermination) =>
  RANK[p.outcome] * 100 + (p.sanctions ? LADDER.indexOf(p.sanctions.recommended) : -1);

describe('what would change the outcome', () => {
  it('writing each returned change into the request gives the stated result', () => {
    fc.assert(
      fc.property(smallRequestArb, (req) => {
        const d = determine(req, undefined, { whatIf: true });
        const check = (changes: { path: string; to: unknown }[]) =>
          determine(changes.reduce((r, c) => setAtPath(r, c.path, c.to), req));
        d.persons.forEach((p, i) => {
          expect(p.whatIf!.length).toBeLessThanOrEqual(WHAT_IF_LIMIT);
          for (const w of p.whatIf!) {
            const again = check(w.changes).persons[i]!;
            expect(again.outcome).toBe(w.outcome);
            expect(again.sanctions).toEqual(w.sanctions);
            // It does change the outcome or the Art. 24 clause.
            expect(again.outcome !== p.outcome || again.sanctions?.clause !== p.sanctions?.clause).toBe(true);
            expect(w.changes.length).toBeGreaterThan(0);
          }
          const sizes = p.whatIf!.map((w) => w.changes.length);
          expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
        });
        d.agencies.forEach((a, i) => {
          for (const w of a.whatIf!) {
            const again = check(w.changes).agencies[i]!;
            expect([again.outcome, again.measures]).toEqual([w.outcome, w.measures]);
            expect(again.outcome !== a.outcome || again.measures.length !== a.measures.length).toBe(true);
          }
        });
      }),
      { numRuns: 120 },
    );
  });

  it('adding an aggravating circumstance never lightens a result', () => {
    fc.assert(
      fc.property(
        requestArb,
        fc.nat(),
        fc.constantFrom('continuing_uncorrected', 'obstructed_investigation', 'retaliated'),
        (req, k, circ) => {
          const i = k % req.people.length;
          const p = req.people[i]!;
          const heavier = setAtPath(req, `people[${i}].circumstances`, [
            ...(p.circumstances ?? []).filter((c) => c !== circ),
            circ,
          ]);
          const before = determine(req);
          const after = determine(heavier);
          expect(weight(after.persons[i]!)).toBeGreaterThanOrEqual(weight(before.persons[i]!));
          // Nobody else's result moves.
          expect(after.persons.filter((_, j) => j !== i)).toEqual(before.persons.filter((_, j) => j !== i));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('adding an exemption or a leniency never makes anyone liable or pursued', () => {
    fc.assert(
      fc.property(requestArb, fc.constantFrom(...EXEMPTIONS, 'trivial' as const), (req, circ) => {
        if (circ === 'trivial' && severe(req)) return;
        const before = determine(req);
        const after = determine({
          ...req,
          circumstances: [...(req.circumstances ?? []).filter((c) => c !== circ), circ],
        });
        after.persons.forEach((p, i) => {
          expect(RANK[p.outcome]).toBeLessThanOrEqual(RANK[before.persons[i]!.outcome]);
        });
        after.agencies.forEach((a, i) => {
          expect(RANK[a.outcome]).toBeLessThanOrEqual(RANK[before.agencies[i]!.outcome]);
        });
      }),
      { numRuns: 300 },
    );
  });
});
