// Sampling for case-file review: eligibility, largest-remainder allocation with one file per agency,
// and the draw reproducible from its seed; then the invariants over arbitrary files (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_KINDS, type ActKind } from '../acts/codes.js';
import { generateActs } from '../acts/generate.js';
import { ValidationError } from '../validation.js';
import { allocate, isEligible, type SampleCandidate, sampleActs, seedNumber } from './sample.js';

const act = (
  id: string,
  agency: string,
  kind: ActKind = 'penalty',
  decided: string | null = '2025-06-01',
) => ({
  id,
  agency,
  kind,
  dates: { decided },
});
const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields.map((f) => f.path);
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('isEligible', () => {
  it('by default: decided licensing and penalty acts, the decision date within the period', () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    expect(isEligible(act('1', 'a'), period)).toBe(true);
    expect(isEligible(act('1', 'a', 'licensing', '2025-01-01'), period)).toBe(true);
    expect(isEligible(act('1', 'a', 'licensing', '2025-12-31'), period)).toBe(true);
    expect(isEligible(act('1', 'a', 'penalty', '2024-12-31'), period)).toBe(false);
    expect(isEligible(act('1', 'a', 'penalty', '2026-01-01'), period)).toBe(false);
    expect(isEligible(act('1', 'a', 'penalty', null), period)).toBe(false);
    expect(isEligible(act('1', 'a', 'inspection'), period)).toBe(false);
    expect(isEligible(act('1', 'a', 'inspection'), { ...period, kinds: ['inspection'] })).toBe(true);
    expect(isEligible(act('1', 'a', 'penalty', '1999-01-01'))).toBe(true);
  });
});

describe('allocate', () => {
  it('proportional by largest remainder', () => {
    // quotas 5.6, 3.2, 1.2 → 5, 3, 1 and the one left to the largest remainder (0.6).
    expect(allocate([56, 32, 12], 10)).toEqual([6, 3, 1]);
    expect(allocate([50, 30, 20], 10)).toEqual([5, 3, 2]);
    // quotas 0.5, 1.5, 0.25, 0.75: after 0.75, the tie of 0.5 goes to the agency with more files.
    expect(allocate([2, 6, 1, 3], 3)).toEqual([0, 2, 0, 1]);
  });

  it('at least one file from every agency that has one, when the size allows', () => {
    // quotas 9.8, 0.1, 0.1 → 10, 0, 0; then one each, taken from the large agency.
    expect(allocate([98, 1, 1], 10)).toEqual([8, 1, 1]);
    // size below the number of agencies: proportional only.
    expect(allocate([98, 1, 1], 2)).toEqual([2, 0, 0]);
    expect(allocate([0, 5, 0], 3)).toEqual([0, 3, 0]);
  });

  it('never more than there is', () => {
    expect(allocate([3, 2], 100)).toEqual([3, 2]);
    expect(allocate([], 5)).toEqual([]);
    expect(allocate([0, 0], 5)).toEqual([0, 0]);
  });
});

describe('sampleActs', () => {
  const acts: SampleCandidate[] = [
    ...Array.from({ length: 60 }, (_, i) => act(`S-${i}`, 'scj')),
    ...Array.from({ length: 30 }, (_, i) => act(`H-${i}`, 'hb', 'licensing')),
    act('Z-1', 'zf'),
    act('Z-2', 'zf', 'inspection'),
    act('Z-3', 'zf', 'penalty', null),
  ];

  it('strata by agency, drawn ids by agency in id order, the seed recorded', () => {
    const s = sampleActs(acts, { size: 10, seed: '2026-专项-1' });
    expect(s.seed).toBe('2026-专项-1');
    expect(s.size).toBe(10);
    expect(s.strata).toEqual([
      { agency: 'hb', eligible: 30, drawn: 3 },
      { agency: 'scj', eligible: 60, drawn: 6 },
      { agency: 'zf', eligible: 1, drawn: 1 },
    ]);
    expect(s.acts).toHaveLength(10);
    expect(s.acts.slice(0, 3).every((id) => id.startsWith('H-'))).toBe(true);
    expect(s.acts.at(-1)).toBe('Z-1');
  });

  it('the same seed draws the same files whatever the input order; another seed others', () => {
    const a = sampleActs(acts, { size: 20, seed: 'abc' });
    expect(sampleActs([...acts].reverse(), { size: 20, seed: 'abc' })).toEqual(a);
    expect(sampleActs(acts, { size: 20, seed: 'abd' }).acts).not.toEqual(a.acts);
    expect(seedNumber('42')).toBe(seedNumber(42));
  });

  it('bad options and repeated ids → ValidationError naming the field', () => {
    expect(fieldsOf(() => sampleActs(acts, { size: 0, seed: 's' }))).toEqual(['size']);
    expect(fieldsOf(() => sampleActs(acts, { size: 1, seed: 's', from: '2025-13-01' }))).toEqual(['from']);
    expect(
      fieldsOf(() => sampleActs(acts, { size: 1, seed: 's', from: '2025-02-01', to: '2025-01-01' })),
    ).toEqual(['to']);
    expect(
      fieldsOf(() => sampleActs(acts, { size: 1, seed: 's', kinds: ['penalty', 'fine' as ActKind] })),
    ).toEqual(['kinds[1]']);
    expect(
      fieldsOf(() => sampleActs([act('x', 'a'), act('y', 'a'), act('x', 'b')], { size: 1, seed: 's' })),
    ).toEqual(['acts[2].id']);
  });

  it('draws from generated acts of the demo city', () => {
    const { acts: generated } = generateActs({ count: 2000, seed: 7 });
    const s = sampleActs(generated, { size: 50, seed: 7, from: '2025-01-01', to: '2025-12-31' });
    const eligible = generated.filter((a) => isEligible(a, { from: '2025-01-01', to: '2025-12-31' }));
    expect(s.strata.reduce((n, x) => n + x.eligible, 0)).toBe(eligible.length);
    expect(s.acts).toHaveLength(50);
    const ids = new Set(eligible.map((a) => a.id));
    expect(s.acts.every((id) => ids.has(id))).toBe(true);
  });
});

// Arbitrary files of up to 8 agencies, some ineligible.
const candidatesArb = fc
  .array(
    fc.record({
      agency: fc.constantFrom('a1', 'a2', 'a3', 'a4', 'a5', 'a6', 'a7', 'a8'),
      kind: fc.constantFrom(...ACT_KINDS),
      decided: fc.option(fc.constantFrom('2024-12-31', '2025-03-01', '2025-09-30', '2026-01-01'), {
        nil: null,
      }),
    }),
    { maxLength: 300 },
  )
  .map((rows) => rows.map((r, i) => act(`A-${i}`, r.agency, r.kind, r.decided)));
const optionsArb = fc.record({
  size: fc.integer({ min: 1, max: 120 }),
  seed: fc.oneof(fc.string(), fc.integer({ min: 0 })).filter((s) => String(s).length > 0),
  from: fc.constantFrom(null, '2025-01-01'),
  to: fc.constantFrom(null, '2025-12-31'),
});

describe('sampleActs properties', () => {
  it('draws min(size, eligible) distinct eligible files, each stratum its count, within 1 of its quota', () => {
    fc.assert(
      fc.property(candidatesArb, optionsArb, (acts, o) => {
        const s = sampleActs(acts, o);
        const eligible = acts.filter((a) => isEligible(a, o));
        const total = eligible.length;
        const n = Math.min(o.size, total);
        expect(s.acts).toHaveLength(n);
        expect(new Set(s.acts).size).toBe(n);
        expect(s.strata.reduce((x, st) => x + st.drawn, 0)).toBe(n);
        const byId = new Map(eligible.map((a) => [a.id, a]));
        for (const st of s.strata) {
          const mine = s.acts.filter((id) => byId.get(id)?.agency === st.agency);
          expect(mine).toHaveLength(st.drawn);
          expect(st.drawn).toBeLessThanOrEqual(st.eligible);
          expect(st.eligible).toBeGreaterThan(0);
        }
        const quotas = s.strata.map((st) => (n * st.eligible) / total);
        const forced = n >= s.strata.length ? quotas.filter((q) => q < 1).length : 0;
        if (n >= s.strata.length) for (const st of s.strata) expect(st.drawn).toBeGreaterThanOrEqual(1);
        s.strata.forEach((st, i) => {
          expect(st.drawn).toBeLessThan(quotas[i]! + 1);
          // Without the at-least-one rule, every stratum is within 1 of its quota; each file it
          // moves can take at most one more from another stratum.
          expect(st.drawn).toBeGreaterThan(quotas[i]! - 1 - forced);
          if (forced === 0) expect(Math.abs(st.drawn - quotas[i]!)).toBeLessThan(1);
        });
      }),
    );
  });

  it('is reproducible: the same seed and files in any order draw the same sample', () => {
    fc.assert(
      fc.property(
        candidatesArb.chain((acts) =>
          fc.tuple(fc.constant(acts), fc.shuffledSubarray(acts, { minLength: acts.length })),
        ),
        optionsArb,
        ([acts, shuffled], o) => {
          expect(sampleActs(shuffled, o)).toEqual(sampleActs(acts, o));
        },
      ),
    );
  });
});
