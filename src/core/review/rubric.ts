// 行政执法案卷评查: the rubric a supervision office scores a case file against. The rubric is rule-pack
// data (`params.review`, null when the pack has none). Published standards share one shape
// (PRACTICE.md (d)): veto items (否决项), any of which failed makes the file 不合格 with 0 points; then
// 卷面 and 内容 items, each with its maximum and the points one defect costs, deducted item by item and
// never below zero (扣完为止，不计负分); grades by bands; a file with any defect of a basic element
// (基本要素, an item flagged `basic`) cannot be 优秀 (河南、浙江). Two reviewers' totals that differ by
// more than the pack's margin are reconciled. This file defines the vocabulary and the schema once.
import { z } from 'zod';
import { ACT_KINDS, type ActKind } from '../acts/codes.js';
import { CATALOGUE_CODES } from '../rulebook/catalogue.js';

/** 卷面 (the file's form) and 内容 (its substance). */
export const REVIEW_SECTIONS = ['form', 'content'] as const;
export type ReviewSection = (typeof REVIEW_SECTIONS)[number];
export const REVIEW_SECTION_LABELS: Readonly<Record<ReviewSection, string>> = {
  form: '卷面',
  content: '内容',
};

export const REVIEW_GRADES = ['excellent', 'pass', 'fail'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];
export const REVIEW_GRADE_LABELS: Readonly<Record<ReviewGrade, string>> = {
  excellent: '优秀',
  pass: '合格',
  fail: '不合格',
};

/**
 * The catalogue fault a failed item points to, by the kind of act the file is about: a file without
 * two officers is `penalty.12` for a penalty, `inspection.04` for an inspection. Absent: no lead.
 */
export type FaultMap = Partial<Record<ActKind, string>>;

export interface VetoItem {
  key: string;
  label: string;
  /** Where the rubric says it, e.g. "《A市行政执法案卷评查标准（示例）》第三条第（一）项". */
  cite: string;
  /** The statute the item enforces, when there is one. */
  basis?: string;
  faults: FaultMap;
}

export interface DeductionItem {
  key: string;
  label: string;
  /** A heading within the section (证据、程序、文书、法律适用、裁量 …), for the score sheet. */
  group?: string;
  /** The most the item can cost. */
  max: number;
  /** What one defect costs (the item never costs more than `max`). */
  step: number;
  /** A basic element (基本要素): any defect bars 优秀. */
  basic: boolean;
  cite: string;
  basis?: string;
  faults: FaultMap;
}

export interface RubricSection {
  /** The items' maxima add up to it. */
  max: number;
  items: DeductionItem[];
}

export interface ReviewRubric {
  title: string;
  /** True while the text is an example or a summary, not the official standard. */
  summary: boolean;
  /** Where the numbers come from. */
  source: string;
  vetoes: VetoItem[];
  /** The sections' maxima add up to 100. */
  sections: Record<ReviewSection, RubricSection>;
  /** The lowest total of each grade; below `pass` is 不合格. */
  bands: { excellent: number; pass: number };
  /** Double scoring: two totals further apart than this are reconciled (合议). */
  reconcileMargin: number;
}

// Points are whole or half points; internally counted in halves so sums are exact.
const HALVES = 2;
export const toHalves = (points: number): number => Math.round(points * HALVES);
export const fromHalves = (halves: number): number => halves / HALVES;
const isHalf = (n: number) => Number.isInteger(n * HALVES);

const points = z.number().positive().max(100).refine(isHalf, { message: '分值应为 0.5 的整数倍' });
const key = z.string().regex(/^[a-z][a-z0-9_.]*$/, { message: '编码只能包含小写字母、数字、下划线和点' });
const text = z.string().min(1);

const faultCode = (kind: ActKind) =>
  z
    .string()
    .refine((c) => CATALOGUE_CODES.has(c), { message: '未知的过错行为代码（见 wenze catalog）' })
    .refine((c) => c.startsWith(`${kind}.`) || c.startsWith('nonperformance.'), {
      message: '过错行为代码应属于该类执法行为或者不履行法定职责',
    })
    .optional();
const faultMap = z.strictObject(
  Object.fromEntries(ACT_KINDS.map((k) => [k, faultCode(k)])) as Record<
    ActKind,
    ReturnType<typeof faultCode>
  >,
);

const vetoItem = z.strictObject({
  key,
  label: text,
  cite: text,
  basis: text.optional(),
  faults: faultMap,
});

const deductionItem = z
  .strictObject({
    key,
    label: text,
    group: text.optional(),
    max: points,
    step: points,
    basic: z.boolean(),
    cite: text,
    basis: text.optional(),
    faults: faultMap,
  })
  .refine((i) => i.step <= i.max, { message: '每处扣分不能大于该项分值', path: ['step'] });

const section = z
  .strictObject({ max: points, items: z.array(deductionItem).min(1) })
  .superRefine((s, ctx) => {
    const sum = fromHalves(s.items.reduce((acc, i) => acc + toHalves(i.max), 0));
    if (sum !== s.max) {
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: `各项分值之和应等于本部分总分 ${s.max}（现为 ${sum}）`,
      });
    }
  });

const band = z.number().min(0).max(100);

export const reviewRubricSchema = z
  .strictObject({
    title: text,
    summary: z.boolean(),
    source: text,
    vetoes: z.array(vetoItem),
    sections: z.strictObject({ form: section, content: section }),
    bands: z.strictObject({ excellent: band, pass: band }),
    reconcileMargin: z.number().min(0).max(100),
  })
  .superRefine((r, ctx) => {
    const total = fromHalves(toHalves(r.sections.form.max) + toHalves(r.sections.content.max));
    if (total !== 100) {
      ctx.addIssue({
        code: 'custom',
        path: ['sections'],
        message: `卷面与内容分值之和应为 100（现为 ${total}）`,
      });
    }
    if (!(r.bands.excellent > r.bands.pass && r.bands.pass > 0)) {
      ctx.addIssue({
        code: 'custom',
        path: ['bands'],
        message: '优秀分数线应高于合格分数线，合格分数线应大于 0',
      });
    }
    const seen = new Set<string>();
    const check = (k: string, path: (string | number)[]) => {
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path, message: `编码 ${k} 重复` });
      seen.add(k);
    };
    r.vetoes.forEach((v, i) => {
      check(v.key, ['vetoes', i, 'key']);
    });
    for (const s of REVIEW_SECTIONS)
      r.sections[s].items.forEach((it, i) => {
        check(it.key, ['sections', s, 'items', i, 'key']);
      });
  });

// The schema and the interface describe the same thing.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _rubricTypeMatches: Same<z.output<typeof reviewRubricSchema>, ReviewRubric> = true;
void _rubricTypeMatches;

/** Every deduction item with its section, in rubric order. */
export function rubricItems(rubric: ReviewRubric): (DeductionItem & { section: ReviewSection })[] {
  return REVIEW_SECTIONS.flatMap((section) => rubric.sections[section].items.map((i) => ({ ...i, section })));
}
