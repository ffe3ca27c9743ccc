// Results per agency: every answer is counted once, under its agency and audience; every mean lies on
// the 1–5 scale; the agency's mean is the mean of its items' means (every answer scores every item);
// the 100-point score maps 1 → 0 and 5 → 100.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A_CITY_EVALUATION as FORM } from '../rulebook/packs/a-city-evaluation.js';
import { EVALUATION_AUDIENCES } from './form.js';
import { type AnswerForResults, evaluationResults, to100 } from './results.js';

const AGENCIES = ['A', 'B', 'C'];
const answer = fc.record({
  agencyId: fc.constantFrom(...AGENCIES),
  audience: fc.constantFrom(...EVALUATION_AUDIENCES),
  scores: fc.record(Object.fromEntries(FORM.items.map((i) => [i.key, fc.integer({ min: 1, max: 5 })]))),
  moderation: fc.constantFrom('none', 'pending', 'approved', 'rejected'),
}) as fc.Arbitrary<AnswerForResults>;

describe('evaluation results', () => {
  it('count each answer once and keep every mean on the scale', () => {
    fc.assert(
      fc.property(fc.array(answer, { maxLength: 60 }), (answers) => {
        const r = evaluationResults(FORM.items, AGENCIES, answers);
        expect(r.map((a) => a.agencyId)).toEqual(AGENCIES);
        expect(r.reduce((n, a) => n + a.responses, 0)).toBe(answers.length);
        for (const a of r) {
          expect(a.byAudience.reduce((n, x) => n + x.responses, 0)).toBe(a.responses);
          const c = a.comments;
          expect(c.approved + c.pending + c.rejected).toBeLessThanOrEqual(a.responses);
          if (a.responses === 0) {
            expect(a.mean).toBeNull();
            continue;
          }
          expect(a.mean!).toBeGreaterThanOrEqual(1);
          expect(a.mean!).toBeLessThanOrEqual(5);
          expect(a.score100!).toBeGreaterThanOrEqual(0);
          expect(a.score100!).toBeLessThanOrEqual(100);
          const itemMean = a.items.reduce((s, i) => s + i.mean!, 0) / a.items.length;
          expect(Math.abs(itemMean - a.mean!)).toBeLessThan(0.011);
        }
      }),
    );
  });

  it('reads a concrete case', () => {
    const s = (n: number) => Object.fromEntries(FORM.items.map((i) => [i.key, n]));
    const r = evaluationResults(
      FORM.items,
      ['A', 'B'],
      [
        { agencyId: 'A', audience: 'public', scores: s(2), moderation: 'rejected' },
        { agencyId: 'A', audience: 'expert', scores: s(5), moderation: 'none' },
      ],
    );
    expect(r[0]).toMatchObject({ responses: 2, mean: 3.5, score100: 62.5 });
    expect(r[0]!.byAudience.find((x) => x.audience === 'expert')).toEqual({
      audience: 'expert',
      responses: 1,
      mean: 5,
    });
    expect(r[1]).toMatchObject({ responses: 0, mean: null, score100: null });
    expect([to100(1), to100(5)]).toEqual([0, 100]);
  });
});
