// The annual assessment: every point explained, the pursued rate with the exemptions apart, weights
// moved from indicators without data, grade bands, the two-years-不合格 rule, rankings; the weights
// validated; then the arithmetic's invariants over arbitrary weights and figures (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A_CITY_ASSESSMENT } from '../rulebook/packs/a-city-assessment.js';
import { selectPack } from '../rulebook/packs/registry.js';
import { ValidationError } from '../validation.js';
import {
  type AssessmentInputData,
  apportion,
  assessSubject,
  assessYear,
  pursuedFigures,
  rankResults,
} from './assess.js';
import {
  ASSESSMENT_INDICATORS,
  ASSESSMENT_PARTS,
  type AssessmentPolicy,
  assessmentPolicySchema,
  parseAssessmentPolicy,
} from './policy.js';

const P = A_CITY_ASSESSMENT;
const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
  throw new Error('expected a ValidationError');
};

/** An agency whose every figure is perfect. */
const perfect = (): AssessmentInputData => ({
  subject: { kind: 'agency', id: '529900-SCJ', name: 'A市市场监督管理局' },
  metrics: {
    acts: 1000,
    faults: { found: 0, pursued: 0, toleranceExempt: 0, statutoryExempt: 0 },
    cases: { closed: 10, onTime: 10 },
    complaints: { count: 0 },
    reviews: { files: 20, meanScore: 100 },
    evaluations: { responses: 50, meanScore: 5 },
    disclosure: { due: 100, onTime: 100 },
  },
});

describe('the A市 policy', () => {
  it('is valid, 30 / 50 / 20, in the A市 pack from 2026; the province has none', () => {
    expect(assessmentPolicySchema.safeParse(P).success).toBe(true);
    expect(P.weights).toEqual({ general: 30, sector: 50, external: 20 });
    expect(selectPack('guizhou-a-city', '2026-06-01').params.assessment).toEqual(P);
    expect(selectPack('guizhou', '2026-06-01').params.assessment).toBeNull();
  });
});

describe('assessSubject', () => {
  it('every figure perfect: 100 points, 优秀, every point explained', () => {
    const r = assessSubject(P, 2026, perfect());
    expect(r).toMatchObject({ total: 100, grade: 'excellent', gradeLabel: '优秀', flags: [] });
    expect(r.parts.map((p) => [p.part, p.max, p.points])).toEqual([
      ['general', 30, 30],
      ['sector', 50, 50],
      ['external', 20, 20],
    ]);
    for (const p of r.points) expect(p.explanation).toMatch(p.applicable ? /得 [\d.]+ 分。$/ : /本项不适用/);
    // No fault found: the pursued rate does not apply; its 20 points go to the sector's others.
    const pursued = r.points.find((p) => p.indicator === 'pursued_rate')!;
    expect(pursued).toMatchObject({ applicable: false, max: 0, points: 0 });
    expect(pursued.explanation).toContain('本年度未发现过错');
    expect(r.points.find((p) => p.indicator === 'review_score')!.max).toBeCloseTo(33.33, 2);
  });

  it('the pursued rate: pursued ÷ found, exemptions shown apart and excluded from what scores', () => {
    const input = perfect();
    input.metrics.faults = {
      found: 10,
      pursued: 6,
      toleranceExempt: 1,
      statutoryExempt: 1,
      refs: { cases: ['C-1'] },
    };
    const r = assessSubject(P, 2026, input);
    expect(r.pursued).toEqual({
      found: 10,
      pursued: 6,
      toleranceExempt: 1,
      statutoryExempt: 1,
      unpursued: 2,
      rate: 60,
      rateExcludingExemptions: 75,
    });
    const point = r.points.find((p) => p.indicator === 'pursued_rate')!;
    // Sector 50 × 40% = 20 points; 75% of them.
    expect(point).toMatchObject({
      applicable: true,
      value: 75,
      max: 20,
      points: 15,
      refs: { cases: ['C-1'] },
    });
    expect(point.explanation).toBe(
      '发现过错 10 件，已追究 6 件，过错追究率 60%；容错免责 1 件、法定免责 1 件单列，未追究 2 件；' +
        '扣除免责后应追究 8 件，追究率 75%，按此计分；本项满分 20 分，得 15 分。',
    );
    const strict = assessSubject({ ...P, pursuedExcludesExemptions: false }, 2026, input);
    expect(strict.points.find((p) => p.indicator === 'pursued_rate')).toMatchObject({
      value: 60,
      points: 12,
    });
  });

  it('lower-is-better indicators score nothing from zeroAt up', () => {
    const input = perfect();
    input.metrics.faults = { found: 25, pursued: 25, toleranceExempt: 0, statutoryExempt: 0 };
    input.metrics.complaints = { count: 5 };
    const r = assessSubject(P, 2026, input);
    // 2.5 per 100 of 5: half of 10 points; 5 per 1,000 of 10: half of 9 points.
    expect(r.points.find((p) => p.indicator === 'finding_rate')).toMatchObject({
      value: 2.5,
      max: 10,
      points: 5,
    });
    expect(r.points.find((p) => p.indicator === 'complaint_rate')).toMatchObject({
      value: 5,
      max: 9,
      points: 4.5,
    });
    input.metrics.complaints = { count: 50 };
    expect(assessSubject(P, 2026, input).points.find((p) => p.indicator === 'complaint_rate')!.points).toBe(
      0,
    );
  });

  it('a part without data gives its points to the other parts', () => {
    const input = perfect();
    input.metrics.evaluations = null;
    const r = assessSubject(P, 2026, input);
    expect(r.parts.map((p) => p.max)).toEqual([37.5, 62.5, 0]);
    expect(r.total).toBe(100);
    expect(r.reasons[0]).toBe('外部评议无可计分的数据，其 20 分按权重并入其他部分');
  });

  it('grade bands: 90 优秀, 75 合格, 60 基本合格, below 不合格', () => {
    const at = (meanScore: number) => {
      const input = perfect();
      input.metrics.reviews = { files: 10, meanScore };
      input.metrics.evaluations = null;
      input.metrics.cases = null;
      input.metrics.complaints = null;
      input.metrics.disclosure = null;
      input.metrics.acts = 0;
      // Only the review score applies: the total is the mean score.
      return assessSubject(P, 2026, input);
    };
    expect(at(90)).toMatchObject({ total: 90, grade: 'excellent' });
    expect(at(89.99)).toMatchObject({ total: 89.99, grade: 'pass' });
    expect(at(75)).toMatchObject({ grade: 'pass' });
    expect(at(74.5)).toMatchObject({ grade: 'basic_pass', gradeLabel: '基本合格' });
    expect(at(60)).toMatchObject({ grade: 'basic_pass' });
    expect(at(59.9)).toMatchObject({ grade: 'fail', gradeLabel: '不合格' });
  });

  it('no data at all: no total and no grade', () => {
    const r = assessSubject(P, 2026, {
      subject: { kind: 'officer', id: 'O-1', name: '张三' },
      metrics: { acts: 0 },
    });
    expect(r).toMatchObject({ total: null, grade: null, flags: [] });
    expect(r.reasons.at(-1)).toBe('无可考核的数据，不评定等次');
  });

  it('an officer sanctioned this year cannot be 优秀', () => {
    const input = perfect();
    input.subject = { kind: 'officer', id: 'O-1', name: '张三', agency: '529900-SCJ', sanctioned: true };
    const r = assessSubject(P, 2026, input);
    expect(r).toMatchObject({ total: 100, grade: 'pass' });
    expect(r.reasons.at(-1)).toContain('不得评为优秀');
  });

  it('an officer 不合格 two years running is flagged for 调离执法岗位 or 取消执法资格', () => {
    const failing = (history: { year: number; grade: 'fail' | 'pass' }[]): AssessmentInputData => ({
      subject: { kind: 'officer', id: 'O-9', name: '李四', agency: 'a', history },
      metrics: { acts: 0, reviews: { files: 5, meanScore: 40 } },
    });
    const r = assessSubject(P, 2026, failing([{ year: 2025, grade: 'fail' }]));
    expect(r.grade).toBe('fail');
    expect(r.flags).toEqual([
      {
        kind: 'consecutive_fail',
        action: '调离执法岗位或者取消执法资格',
        cite: P.consecutiveFail.cite,
        reason: `李四2025、2026 年度考核连续 2 年不合格，应当调离执法岗位或者取消执法资格（${P.consecutiveFail.cite}）`,
      },
    ]);
    expect(assessSubject(P, 2026, failing([{ year: 2024, grade: 'fail' }])).flags).toEqual([]);
    expect(assessSubject(P, 2026, failing([{ year: 2025, grade: 'pass' }])).flags).toEqual([]);
    const agency = failing([{ year: 2025, grade: 'fail' }]);
    agency.subject.kind = 'agency';
    expect(assessSubject(P, 2026, agency).flags).toEqual([]);
  });

  it('bad figures → ValidationError naming the field', () => {
    const input = perfect();
    input.metrics.faults = { found: 2, pursued: 2, toleranceExempt: 1, statutoryExempt: 0 };
    expect(fieldsOf(() => assessSubject(P, 2026, input))[0]!.path).toBe('metrics.faults.pursued');
    const late = perfect();
    late.metrics.cases = { closed: 1, onTime: 2 };
    expect(fieldsOf(() => assessSubject(P, 2026, late))[0]!.path).toBe('metrics.cases.onTime');
  });
});

describe('policy validation', () => {
  it('weights must sum to 100, and each part’s indicators too: the error names the field', () => {
    expect(
      fieldsOf(() => parseAssessmentPolicy({ ...P, weights: { general: 30, sector: 50, external: 30 } })),
    ).toEqual([{ path: 'weights', message: '各部分权重之和应为 100（现为 110）' }]);
    const indicators = {
      ...P.indicators,
      review_score: { part: 'sector' as const, weight: 30, zeroAt: null },
    };
    expect(fieldsOf(() => parseAssessmentPolicy({ ...P, indicators }))).toEqual([
      { path: 'indicators', message: '业务指标各项指标权重之和应为 100（现为 90）' },
    ]);
    expect(
      fieldsOf(() =>
        assessSubject({ ...P, weights: { general: 0, sector: 0, external: 0 } }, 2026, perfect()),
      )[0]!.path,
    ).toBe('weights');
    const noZero = { ...P.indicators, finding_rate: { part: 'sector' as const, weight: 20, zeroAt: null } };
    expect(fieldsOf(() => parseAssessmentPolicy({ ...P, indicators: noZero }))[0]!.path).toBe(
      'indicators.finding_rate.zeroAt',
    );
    expect(
      fieldsOf(() => parseAssessmentPolicy({ ...P, bands: { excellent: 90, pass: 60, basicPass: 75 } }))[0]!
        .path,
    ).toBe('bands');
  });
});

describe('assessYear and rankings', () => {
  it('ranks by total within each kind (ties share a rank), officers also within their agency', () => {
    const officer = (id: string, agency: string, meanScore: number): AssessmentInputData => ({
      subject: { kind: 'officer', id, name: id, agency },
      metrics: { acts: 0, reviews: { files: 3, meanScore } },
    });
    const y = assessYear(P, 2026, [
      perfect(),
      officer('O-1', 'a', 80),
      officer('O-2', 'a', 95),
      officer('O-3', 'b', 80),
      officer('O-4', 'b', 70),
      { subject: { kind: 'officer', id: 'O-5', name: 'O-5' }, metrics: { acts: 0 } },
    ]);
    expect(y.rankings.agency.map((r) => [r.rank, r.id])).toEqual([[1, '529900-SCJ']]);
    expect(y.rankings.officer.map((r) => [r.rank, r.id, r.total])).toEqual([
      [1, 'O-2', 95],
      [2, 'O-1', 80],
      [2, 'O-3', 80],
      [4, 'O-4', 70],
    ]);
    expect(y.results.map((r) => [r.subject.id, r.rank, r.agencyRank])).toEqual([
      ['529900-SCJ', 1, null],
      ['O-1', 2, 2],
      ['O-2', 1, 1],
      ['O-3', 2, 1],
      ['O-4', 4, 2],
      ['O-5', null, null],
    ]);
    expect(fieldsOf(() => assessYear(P, 2026, [perfect(), perfect()]))).toEqual([
      { path: '[1].subject.id', message: '考核对象 529900-SCJ 重复' },
    ]);
    expect(
      fieldsOf(() =>
        assessYear(P, 2026, [perfect(), { subject: perfect().subject, metrics: { acts: -1 } }]),
      )[0]!.path,
    ).toBe('[1].metrics.acts');
  });

  it('rankResults of nothing is empty; pursuedFigures of nothing found has no rates', () => {
    expect(rankResults([])).toEqual([]);
    expect(pursuedFigures({ found: 0, pursued: 0, toleranceExempt: 0, statutoryExempt: 0 })).toMatchObject({
      rate: null,
      rateExcludingExemptions: null,
      unpursued: 0,
    });
  });
});

// Arbitrary weights that sum to 100 (parts, and indicators within each part).
const splitOf100 = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n - 1, maxLength: n - 1 }).map((cuts) => {
    const sorted = [0, ...cuts.sort((a, b) => a - b), 100];
    return sorted.slice(1).map((x, i) => x - sorted[i]!);
  });

const policyArb: fc.Arbitrary<AssessmentPolicy> = fc
  .record({
    parts: splitOf100(3),
    assign: fc.array(fc.constantFrom(...ASSESSMENT_PARTS), {
      minLength: ASSESSMENT_INDICATORS.length,
      maxLength: ASSESSMENT_INDICATORS.length,
    }),
    splits: fc.tuple(splitOf100(7), splitOf100(7), splitOf100(7)),
  })
  .map(({ parts, assign, splits }) => {
    // Every part gets at least one indicator, so each can sum to 100.
    const partOf = ASSESSMENT_INDICATORS.map((_, i) => (i < 3 ? ASSESSMENT_PARTS[i]! : assign[i]!));
    const indicators = Object.fromEntries(
      ASSESSMENT_INDICATORS.map((ind, i) => {
        const part = partOf[i]!;
        const k = ASSESSMENT_PARTS.indexOf(part);
        const members = ASSESSMENT_INDICATORS.filter((_, j) => partOf[j] === part);
        const pos = members.indexOf(ind);
        // The part's split of 100 over its members: the first members take the first pieces, the last the rest.
        const split = splits[k]!;
        const weight = pos < members.length - 1 ? split[pos]! : split.slice(pos).reduce((s, x) => s + x, 0);
        return [
          ind,
          { part, weight, zeroAt: ind === 'complaint_rate' ? 10 : ind === 'finding_rate' ? 5 : null },
        ];
      }),
    ) as AssessmentPolicy['indicators'];
    return { ...P, weights: { general: parts[0]!, sector: parts[1]!, external: parts[2]! }, indicators };
  });

const metricsArb = fc
  .record({
    acts: fc.integer({ min: 0, max: 5000 }),
    found: fc.integer({ min: 0, max: 50 }),
    pursued: fc.nat(),
    tol: fc.nat(),
    stat: fc.nat(),
    closed: fc.integer({ min: 0, max: 40 }),
    onTime: fc.nat(),
    complaints: fc.integer({ min: 0, max: 100 }),
    files: fc.integer({ min: 0, max: 30 }),
    review: fc.double({ min: 0, max: 100, noNaN: true }),
    responses: fc.integer({ min: 0, max: 30 }),
    evaluation: fc.double({ min: 1, max: 5, noNaN: true }),
    due: fc.integer({ min: 0, max: 40 }),
    disclosed: fc.nat(),
    missing: fc.subarray(['faults', 'cases', 'complaints', 'reviews', 'evaluations', 'disclosure'] as const),
  })
  .map((x) => {
    const pursued = x.pursued % (x.found + 1);
    const tol = x.tol % (x.found - pursued + 1);
    const stat = x.stat % (x.found - pursued - tol + 1);
    const m: AssessmentInputData['metrics'] = {
      acts: x.acts,
      faults: { found: x.found, pursued, toleranceExempt: tol, statutoryExempt: stat },
      cases: { closed: x.closed, onTime: x.onTime % (x.closed + 1) },
      complaints: { count: x.complaints },
      reviews: { files: x.files, meanScore: x.review },
      evaluations: { responses: x.responses, meanScore: x.evaluation },
      disclosure: { due: x.due, onTime: x.disclosed % (x.due + 1) },
    };
    for (const k of x.missing) m[k] = null;
    return m;
  });

describe('assessment properties', () => {
  it('the weighted parts add up to the total; each within its maximum; the total within [0, 100]', () => {
    fc.assert(
      fc.property(policyArb, metricsArb, (policy, metrics) => {
        const r = assessSubject(policy, 2026, { subject: { kind: 'agency', id: 'a', name: 'a' }, metrics });
        const cents = (n: number) => Math.round(n * 100);
        for (const part of r.parts) {
          expect(part.points).toBeGreaterThanOrEqual(0);
          expect(part.points).toBeLessThanOrEqual(part.max);
          const inPart = r.points.filter((p) => p.part === part.part);
          expect(inPart.reduce((s, p) => s + cents(p.points), 0)).toBe(cents(part.points));
          expect(inPart.reduce((s, p) => s + cents(p.max), 0)).toBe(cents(part.max));
        }
        for (const p of r.points) {
          expect(p.explanation.length).toBeGreaterThan(0);
          if (!p.applicable) expect(p.points).toBe(0);
        }
        if (r.total === null) {
          expect(r.parts.every((p) => p.max === 0)).toBe(true);
        } else {
          expect(r.parts.reduce((s, p) => s + cents(p.points), 0)).toBe(cents(r.total));
          expect(r.parts.reduce((s, p) => s + cents(p.max), 0)).toBe(10000);
          expect(r.total).toBeGreaterThanOrEqual(0);
          expect(r.total).toBeLessThanOrEqual(100);
          expect(r.grade).not.toBeNull();
        }
      }),
    );
  });

  it('with every indicator applicable, each part’s maximum is its weight', () => {
    fc.assert(
      fc.property(policyArb, (policy) => {
        const r = assessSubject(policy, 2026, {
          ...perfect(),
          metrics: {
            ...perfect().metrics,
            faults: { found: 4, pursued: 2, toleranceExempt: 1, statutoryExempt: 0 },
          },
        });
        expect(r.parts.map((p) => p.max)).toEqual(ASSESSMENT_PARTS.map((p) => policy.weights[p]));
      }),
    );
  });

  it('weights that do not sum to 100 are refused, naming `weights`', () => {
    fc.assert(
      fc.property(
        fc.tuple(
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 100 }),
        ),
        ([general, sector, external]) => {
          fc.pre(general + sector + external !== 100);
          const fields = fieldsOf(() =>
            parseAssessmentPolicy({ ...P, weights: { general, sector, external } }),
          );
          expect(fields.map((f) => f.path)).toContain('weights');
        },
      ),
    );
  });

  it('apportion splits exactly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10000 }),
        fc.array(fc.integer({ min: 0, max: 100 }), { maxLength: 8 }),
        (total, w) => {
          const out = apportion(total, w);
          const sum = w.reduce((s, x) => s + x, 0);
          expect(out.reduce((s, x) => s + x, 0)).toBe(sum === 0 ? 0 : total);
          out.forEach((x, i) => {
            expect(Math.abs(x - (sum === 0 ? 0 : (total * w[i]!) / sum))).toBeLessThan(1);
          });
        },
      ),
    );
  });
});
