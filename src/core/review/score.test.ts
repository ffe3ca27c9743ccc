// Scoring a case file: the veto rule, deductions capped item by item and never below zero, the grade
// bands and the basic-element rule, leads from catalogue faults, double scoring; then the invariants
// over arbitrary marks (fast-check).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_KINDS } from '../acts/codes.js';
import { A_CITY_REVIEW } from '../rulebook/packs/a-city-review.js';
import { ValidationError } from '../validation.js';
import { rubricItems } from './rubric.js';
import {
  type FileScore,
  gradeOf,
  parseReviewMarks,
  type ReviewMarksInput,
  reconcile,
  reconcileScores,
  scoreFile,
} from './score.js';

const R = A_CITY_REVIEW;
const fieldsOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e.fields;
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('scoreFile', () => {
  it('a clean file scores 100 and is 优秀', () => {
    const s = scoreFile(R, { act: 'A-1', kind: 'penalty' });
    expect(s).toMatchObject({ total: 100, grade: 'excellent', gradeLabel: '优秀', vetoed: false, leads: [] });
    expect(s.sections).toEqual([
      { section: 'form', label: '卷面', max: 20, deducted: 0, score: 20 },
      { section: 'content', label: '内容', max: 80, deducted: 0, score: 80 },
    ]);
  });

  it('a failed veto gives 0 points and 不合格, and a lead for the act kind', () => {
    const s = scoreFile(R, {
      kind: 'penalty',
      vetoes: [{ item: 'two_officers', note: '询问笔录仅一名执法人员签名' }],
    });
    expect(s).toMatchObject({ total: 0, grade: 'fail', vetoed: true });
    expect(s.sections.map((x) => x.score)).toEqual([0, 0]);
    expect(s.reasons[0]).toContain('执法人员不少于两人');
    expect(s.leads).toEqual([
      {
        fault: 'penalty.12',
        item: 'two_officers',
        label: '执法人员不少于两人',
        source: 'veto',
        notes: ['询问笔录仅一名执法人员签名'],
      },
    ]);
  });

  it('deducts per defect up to the item maximum (complete filling: 4 points, 1 each)', () => {
    const two = scoreFile(R, {
      deductions: [{ item: 'form.filling', count: 2, note: '送达回证缺送达地点、受送达人签名' }],
    });
    expect(two.total).toBe(98);
    const seven = scoreFile(R, {
      deductions: [
        { item: 'form.filling', count: 5, note: 'a' },
        { item: 'form.filling', count: 2, note: 'b' },
      ],
    });
    expect(seven.deductions).toEqual([
      expect.objectContaining({ item: 'form.filling', count: 7, points: 4, notes: ['a', 'b'] }),
    ]);
    expect(seven.total).toBe(96);
  });

  it('never deducts below zero: every item at its worst leaves 0 per section', () => {
    const s = scoreFile(R, {
      deductions: rubricItems(R).map((i) => ({ item: i.key, count: 100, note: '全部缺失' })),
    });
    expect(s.sections.map((x) => [x.deducted, x.score])).toEqual([
      [20, 0],
      [80, 0],
    ]);
    expect(s).toMatchObject({ total: 0, grade: 'fail', vetoed: false });
  });

  it('grades by the bands: 90 优秀, 89.5 合格, 60 合格, 59 不合格', () => {
    expect(gradeOf(R, 90, false, false)).toBe('excellent');
    expect(gradeOf(R, 89.5, false, false)).toBe('pass');
    expect(gradeOf(R, 60, false, false)).toBe('pass');
    expect(gradeOf(R, 59.5, false, false)).toBe('fail');
    const fiftyNine = scoreFile(R, {
      deductions: [
        { item: 'content.evidence_chain', count: 4, note: '-7' },
        { item: 'content.discretion_range', note: '-6' },
        { item: 'content.decision_elements', count: 3, note: '-6' },
        { item: 'content.records', count: 5, note: '-5' },
        { item: 'content.evidence_sources', count: 5, note: '-5' },
        { item: 'content.service', count: 3, note: '-3' },
        { item: 'content.hearing', note: '-4' },
        { item: 'content.law_in_force', note: '-4' },
        { item: 'form.cover', note: '-1 → total 59' },
      ],
    });
    expect(fiftyNine.total).toBe(59);
    expect(fiftyNine.grade).toBe('fail');
  });

  it('a basic defect bars 优秀 even at 99 points', () => {
    const s = scoreFile(R, { deductions: [{ item: 'form.signatures', note: '决定书落款日期缺失' }] });
    expect(s).toMatchObject({ total: 99, basicDefect: true, grade: 'pass' });
    expect(s.reasons[1]).toContain('基本要素存在问题');
    const other = scoreFile(R, { deductions: [{ item: 'form.writing', note: '涂改未签章' }] });
    expect(other).toMatchObject({ total: 99, basicDefect: false, grade: 'excellent' });
  });

  it('a deduction that matches a catalogue fault becomes a lead, for the file’s act kind only', () => {
    const marks: ReviewMarksInput = {
      deductions: [
        { item: 'content.prior_notice', note: '未告知听证权利' },
        { item: 'content.hearing', note: '当事人申请听证未组织' },
        { item: 'form.cover', note: '封面缺立案日期' },
      ],
    };
    expect(scoreFile(R, { ...marks, kind: 'penalty' }).leads.map((l) => l.fault)).toEqual([
      'penalty.09',
      'penalty.10',
    ]);
    expect(scoreFile(R, { ...marks, kind: 'licensing' }).leads.map((l) => l.fault)).toEqual([
      'licensing.03',
      'licensing.05',
    ]);
    expect(scoreFile(R, { ...marks, kind: 'inspection' }).leads).toEqual([]);
    expect(scoreFile(R, marks).leads).toEqual([]);
  });

  it('bad marks → ValidationError naming the field', () => {
    expect(fieldsOf(() => scoreFile(R, { deductions: [{ item: 'form.nope', note: 'x' }] }))).toEqual([
      { path: 'deductions[0].item', message: '评查标准中没有扣分项 form.nope' },
    ]);
    expect(
      fieldsOf(() => parseReviewMarks(R, { vetoes: [{ item: 'facts_clear', note: ' ' }] }))[0]!.path,
    ).toBe('vetoes[0].note');
    expect(
      fieldsOf(() =>
        parseReviewMarks(R, {
          vetoes: [
            { item: 'facts_clear', note: 'a' },
            { item: 'facts_clear', note: 'b' },
          ],
        }),
      ),
    ).toEqual([{ path: 'vetoes[1].item', message: '否决项 facts_clear 重复' }]);
    expect(
      fieldsOf(() => parseReviewMarks(R, { deductions: [{ item: 'form.cover', count: 0, note: 'a' }] }))[0]!
        .path,
    ).toBe('deductions[0].count');
    expect(fieldsOf(() => parseReviewMarks(R, { kind: 'fine' }))[0]!.path).toBe('kind');
  });
});

describe('reconcile (double scoring)', () => {
  /** A file scored `total` (93–100, even) through the evidence-chain item (2 points a defect). */
  const at = (total: number): FileScore =>
    scoreFile(
      R,
      total === 100
        ? {}
        : { deductions: [{ item: 'content.evidence_chain', count: (100 - total) / 2, note: 'x' }] },
    );

  it('within the margin: the mean; beyond it: the group reconciles', () => {
    expect(reconcile(at(100), at(96), 5)).toMatchObject({ agreed: true, difference: 4, total: 98 });
    expect(reconcile(at(100), at(94), 5)).toMatchObject({ agreed: false, difference: 6, total: null });
    expect(reconcile(at(100), at(94), 5).reason).toContain('超过允许差额 5 分');
  });

  it('a veto one reviewer failed and the other did not is never agreed', () => {
    const vetoed = scoreFile(R, { vetoes: [{ item: 'facts_clear', note: 'x' }] });
    expect(reconcile(vetoed, vetoed, 5)).toMatchObject({ agreed: true, total: 0 });
    expect(reconcile(vetoed, at(100), 100)).toMatchObject({ agreed: false, total: null });
  });

  it('reconcileScores grades the mean with the rubric’s margin', () => {
    expect(reconcileScores(R, at(100), at(96))).toMatchObject({
      agreed: true,
      total: 98,
      grade: 'excellent',
    });
    const basic = scoreFile(R, { deductions: [{ item: 'form.signatures', note: 'x' }] });
    expect(reconcileScores(R, at(100), basic)).toMatchObject({ total: 99.5, grade: 'pass' });
  });
});

// Arbitrary marks over the A市 rubric.
const vetoKeys = R.vetoes.map((v) => v.key);
const itemKeys = rubricItems(R).map((i) => i.key);
const deductionArb = fc.record({
  item: fc.constantFrom(...itemKeys),
  count: fc.integer({ min: 1, max: 8 }),
  note: fc.constant('扣分理由'),
});
const marksArb = fc.record({
  kind: fc.constantFrom(null, ...ACT_KINDS),
  vetoes: fc
    .uniqueArray(fc.constantFrom(...vetoKeys), { maxLength: 2 })
    .map((ks) => ks.map((item) => ({ item, note: '否决' }))),
  deductions: fc.array(deductionArb, { maxLength: 25 }),
});

describe('scoreFile properties', () => {
  it('scores lie in [0, 100], sections in [0, max], the total is their sum', () => {
    fc.assert(
      fc.property(marksArb, (m) => {
        const s = scoreFile(R, m);
        expect(s.total).toBeGreaterThanOrEqual(0);
        expect(s.total).toBeLessThanOrEqual(100);
        for (const x of s.sections) {
          expect(x.score).toBeGreaterThanOrEqual(0);
          expect(x.score).toBeLessThanOrEqual(x.max);
          expect(x.deducted).toBeLessThanOrEqual(x.max);
        }
        expect(s.sections.reduce((a, x) => a + x.score, 0)).toBe(s.total);
        for (const d of s.deductions) expect(d.points).toBeGreaterThan(0);
      }),
    );
  });

  it('any failed veto gives 0 and 不合格', () => {
    fc.assert(
      fc.property(marksArb, fc.constantFrom(...vetoKeys), (m, veto) => {
        const vetoes = m.vetoes.some((v) => v.item === veto)
          ? m.vetoes
          : [...m.vetoes, { item: veto, note: '否决' }];
        const s = scoreFile(R, { ...m, vetoes });
        expect(s).toMatchObject({ total: 0, grade: 'fail', gradeLabel: '不合格', vetoed: true });
      }),
    );
  });

  it('is monotone: one more defect never raises the score nor the grade', () => {
    const rank = { fail: 0, pass: 1, excellent: 2 } as const;
    fc.assert(
      fc.property(marksArb, deductionArb, (m, extra) => {
        const before = scoreFile(R, m);
        const after = scoreFile(R, { ...m, deductions: [...m.deductions, extra] });
        expect(after.total).toBeLessThanOrEqual(before.total);
        expect(rank[after.grade]).toBeLessThanOrEqual(rank[before.grade]);
      }),
    );
  });

  it('a basic defect is never 优秀; leads name only faults of the file’s kind', () => {
    fc.assert(
      fc.property(marksArb, (m) => {
        const s = scoreFile(R, m);
        if (s.basicDefect) expect(s.grade).not.toBe('excellent');
        for (const l of s.leads) expect(l.fault.startsWith(`${m.kind}.`)).toBe(true);
        if (m.kind === null) expect(s.leads).toEqual([]);
      }),
    );
  });

  it('reconcile is symmetric and agrees exactly when the totals are within the margin (same vetoes)', () => {
    fc.assert(
      fc.property(marksArb, marksArb, fc.integer({ min: 0, max: 20 }), (ma, mb, margin) => {
        const a = scoreFile(R, ma);
        const b = scoreFile(R, mb);
        const ab = reconcile(a, b, margin);
        expect(reconcile(b, a, margin)).toEqual(ab);
        expect(ab.agreed).toBe(a.vetoed === b.vetoed && Math.abs(a.total - b.total) <= margin);
        if (ab.total !== null) expect(ab.total).toBe((a.total + b.total) / 2);
      }),
    );
  });
});
