// The results of a campaign: the self-check beside the spot-check per file, and the figures per
// agency and for the campaign; then their invariants over arbitrary scores (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementOf, type ScoredFile, summarize } from './results.js';
import { REVIEW_GRADES } from './rubric.js';

const f = (
  fileId: string,
  actId: string,
  agencyId: string,
  stage: 'self' | 'spot',
  total: number | null,
  grade: ScoredFile['grade'],
): ScoredFile => ({ fileId, actId, agencyId, stage, total, grade });

describe('agreementOf', () => {
  it('compares the grades: same, self-check more lenient, more strict', () => {
    expect(agreementOf('pass', 'pass')).toBe('same');
    expect(agreementOf('excellent', 'pass')).toBe('lenient');
    expect(agreementOf('pass', 'fail')).toBe('lenient');
    expect(agreementOf('fail', 'excellent')).toBe('strict');
  });
});

describe('summarize', () => {
  it('puts the two stages side by side and counts per agency and campaign', () => {
    const r = summarize([
      f('s1', 'A1', 'a', 'self', 95, 'excellent'),
      f('p1', 'A1', 'a', 'spot', 82, 'pass'),
      f('s2', 'A2', 'a', 'self', 0, 'fail'),
      f('p2', 'A2', 'a', 'spot', 0, 'fail'),
      f('s3', 'B1', 'b', 'self', null, null),
      f('p3', 'B1', 'b', 'spot', 70, 'pass'),
    ]);
    expect(r.files.map((x) => [x.actId, x.agreement, x.difference])).toEqual([
      ['A1', 'lenient', 13],
      ['A2', 'same', 0],
      ['B1', null, null],
    ]);
    const a = r.agencies.find((x) => x.agencyId === 'a')!;
    expect(a).toMatchObject({
      files: 2,
      compared: 2,
      agreements: { same: 1, lenient: 1, strict: 0 },
      meanDifference: 6.5,
      spot: { scored: 2, mean: 41, grades: { excellent: 0, pass: 1, fail: 1 }, passRate: 0.5 },
      self: { scored: 2, mean: 47.5, excellentRate: 0.5 },
    });
    expect(r.campaign).toMatchObject({
      files: 3,
      compared: 2,
      spot: { scored: 3, mean: 50.67, passRate: 0.67 },
      self: { scored: 2 },
    });
    expect(summarize([]).campaign).toMatchObject({ files: 0, meanDifference: null, spot: { mean: null } });
  });

  const scored = fc.array(
    fc.record({
      act: fc.integer({ min: 1, max: 15 }),
      agency: fc.constantFrom('a', 'b', 'c'),
      self: fc.option(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.constantFrom(...REVIEW_GRADES))),
      spot: fc.option(fc.tuple(fc.integer({ min: 0, max: 200 }), fc.constantFrom(...REVIEW_GRADES))),
    }),
    { maxLength: 30 },
  );

  it('adds up: agencies to the campaign, grades to the scored, agreements to the compared', () => {
    fc.assert(
      fc.property(scored, (rows) => {
        // One agency per act, as in a campaign.
        const seen = new Map<number, (typeof rows)[number]>();
        for (const r of rows) if (!seen.has(r.act)) seen.set(r.act, r);
        const files = [...seen.values()].flatMap((r) =>
          (['self', 'spot'] as const).map((stage) => {
            const s = r[stage];
            return f(`${stage}${r.act}`, `A${r.act}`, r.agency, stage, s ? s[0] / 2 : null, s ? s[1] : null);
          }),
        );
        const { files: cmp, agencies, campaign } = summarize(files);
        expect(campaign.files).toBe(seen.size);
        expect(agencies.reduce((n, a) => n + a.files, 0)).toBe(campaign.files);
        for (const x of [campaign, ...agencies]) {
          for (const st of [x.self, x.spot]) {
            expect(st.grades.excellent + st.grades.pass + st.grades.fail).toBe(st.scored);
            if (st.mean !== null) expect(st.mean).toBeGreaterThanOrEqual(0);
            if (st.passRate !== null) expect(st.passRate).toBeLessThanOrEqual(1);
          }
          expect(x.agreements.same + x.agreements.lenient + x.agreements.strict).toBe(x.compared);
          expect(x.compared).toBeLessThanOrEqual(Math.min(x.self.scored, x.spot.scored));
        }
        expect(agencies.reduce((n, a) => n + a.spot.scored, 0)).toBe(campaign.spot.scored);
        expect(cmp.filter((r) => r.agreement !== null)).toHaveLength(campaign.compared);
      }),
    );
  });
});
