// Scoring one case file against a rubric (行政执法案卷评查). A reviewer's marks are the failed veto items
// and the defects found, each with a note; the score is 100 less the deductions, item by item capped
// at the item's maximum and section by section never below zero; any failed veto makes the file 0
// points and 不合格; a defect of a basic element bars 优秀. A failed item that names a catalogue fault
// for the file's kind of act becomes a lead. Pure: the rubric and the marks in, the score out.
import { z } from 'zod';
import { ACT_KINDS, type ActKind } from '../acts/codes.js';
import { type FieldError, parseWith, ValidationError } from '../validation.js';
import {
  type DeductionItem,
  fromHalves,
  REVIEW_GRADE_LABELS,
  REVIEW_SECTION_LABELS,
  REVIEW_SECTIONS,
  type ReviewGrade,
  type ReviewRubric,
  type ReviewSection,
  rubricItems,
  toHalves,
} from './rubric.js';

const note = z.string().trim().min(1, { message: '请写明扣分理由' }).max(2000);

export const reviewMarksSchema = z.strictObject({
  /** The act (exchange-format id) whose file was reviewed. */
  act: z.string().min(1).max(200).nullable().default(null),
  /** Its kind: the failed items' catalogue faults depend on it. */
  kind: z.enum(ACT_KINDS).nullable().default(null),
  /** The veto items the file fails. */
  vetoes: z
    .array(z.strictObject({ item: z.string().min(1), note }))
    .max(100)
    .default([]),
  /** Defects found: `count` defects of `item` (the same item may appear more than once). */
  deductions: z
    .array(
      z.strictObject({ item: z.string().min(1), count: z.number().int().min(1).max(1000).default(1), note }),
    )
    .max(1000)
    .default([]),
});
export type ReviewMarks = z.output<typeof reviewMarksSchema>;
export type ReviewMarksInput = z.input<typeof reviewMarksSchema>;

export interface SectionScore {
  section: ReviewSection;
  label: string;
  max: number;
  /** Points deducted (at most `max`). */
  deducted: number;
  /** `max − deducted`; 0 when the file fails a veto. */
  score: number;
}

export interface VetoFailure {
  item: string;
  label: string;
  cite: string;
  basis: string | null;
  note: string;
}

export interface Deduction {
  item: string;
  section: ReviewSection;
  group: string | null;
  label: string;
  basic: boolean;
  /** Defects counted. */
  count: number;
  /** Points this item costs: count × step, at most the item's maximum. */
  points: number;
  notes: string[];
  cite: string;
  basis: string | null;
}

export interface ReviewLead {
  /** Catalogue code (e.g. penalty.09). */
  fault: string;
  item: string;
  label: string;
  source: 'veto' | 'deduction';
  notes: string[];
}

export interface FileScore {
  act: string | null;
  kind: ActKind | null;
  total: number;
  grade: ReviewGrade;
  gradeLabel: string;
  vetoed: boolean;
  /** A basic element (基本要素) has a defect: the file cannot be 优秀. */
  basicDefect: boolean;
  sections: SectionScore[];
  vetoes: VetoFailure[];
  deductions: Deduction[];
  leads: ReviewLead[];
  /** Why the file has its grade, in words. */
  reasons: string[];
}

/** Marks checked against the rubric: ValidationError naming the field (`deductions[2].item`). */
export function parseReviewMarks(rubric: ReviewRubric, input: unknown): ReviewMarks {
  const marks = parseWith(reviewMarksSchema, input, '评查记录无效');
  const fields = markErrors(rubric, marks);
  if (fields.length > 0) throw new ValidationError('评查记录无效', fields);
  return marks;
}

function markErrors(rubric: ReviewRubric, marks: ReviewMarks): FieldError[] {
  const vetoKeys = new Set(rubric.vetoes.map((v) => v.key));
  const itemKeys = new Set(rubricItems(rubric).map((i) => i.key));
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  marks.vetoes.forEach((v, i) => {
    if (!vetoKeys.has(v.item))
      fields.push({ path: `vetoes[${i}].item`, message: `评查标准中没有否决项 ${v.item}` });
    else if (seen.has(v.item)) fields.push({ path: `vetoes[${i}].item`, message: `否决项 ${v.item} 重复` });
    seen.add(v.item);
  });
  marks.deductions.forEach((d, i) => {
    if (!itemKeys.has(d.item))
      fields.push({ path: `deductions[${i}].item`, message: `评查标准中没有扣分项 ${d.item}` });
  });
  return fields;
}

/** The grade of a total: a failed veto is 不合格, a basic defect caps the grade at 合格. */
export function gradeOf(
  rubric: ReviewRubric,
  total: number,
  vetoed: boolean,
  basicDefect: boolean,
): ReviewGrade {
  if (vetoed || total < rubric.bands.pass) return 'fail';
  if (total >= rubric.bands.excellent && !basicDefect) return 'excellent';
  return 'pass';
}

/** Score a file. Marks may be unparsed input of the same shape; unknown items throw a ValidationError. */
export function scoreFile(rubric: ReviewRubric, input: ReviewMarksInput | ReviewMarks): FileScore {
  const marks = parseReviewMarks(rubric, input);
  const all = rubricItems(rubric);
  const items = new Map(all.map((i) => [i.key, i]));
  const rank = new Map(all.map((i, n) => [i.key, n]));
  const vetoes: VetoFailure[] = marks.vetoes.map((m) => {
    const v = rubric.vetoes.find((x) => x.key === m.item)!;
    return { item: v.key, label: v.label, cite: v.cite, basis: v.basis ?? null, note: m.note };
  });

  // Defects of one item add up; the item never costs more than its maximum.
  const byItem = new Map<
    string,
    { item: DeductionItem & { section: ReviewSection }; count: number; notes: string[] }
  >();
  for (const m of marks.deductions) {
    const entry = byItem.get(m.item) ?? { item: items.get(m.item)!, count: 0, notes: [] };
    entry.count += m.count;
    entry.notes.push(m.note);
    byItem.set(m.item, entry);
  }
  const deductions: Deduction[] = [...byItem.values()]
    .sort((a, b) => rank.get(a.item.key)! - rank.get(b.item.key)!)
    .map(({ item, count, notes }) => ({
      item: item.key,
      section: item.section,
      group: item.group ?? null,
      label: item.label,
      basic: item.basic,
      count,
      points: fromHalves(Math.min(toHalves(item.step) * count, toHalves(item.max))),
      notes,
      cite: item.cite,
      basis: item.basis ?? null,
    }));

  const vetoed = vetoes.length > 0;
  const sections: SectionScore[] = REVIEW_SECTIONS.map((section) => {
    const max = toHalves(rubric.sections[section].max);
    const deducted = Math.min(
      max,
      deductions.filter((d) => d.section === section).reduce((s, d) => s + toHalves(d.points), 0),
    );
    return {
      section,
      label: REVIEW_SECTION_LABELS[section],
      max: fromHalves(max),
      deducted: fromHalves(deducted),
      score: vetoed ? 0 : fromHalves(max - deducted),
    };
  });
  const total = fromHalves(sections.reduce((s, x) => s + toHalves(x.score), 0));
  const basicDefect = deductions.some((d) => d.basic);
  const grade = gradeOf(rubric, total, vetoed, basicDefect);

  return {
    act: marks.act,
    kind: marks.kind,
    total,
    grade,
    gradeLabel: REVIEW_GRADE_LABELS[grade],
    vetoed,
    basicDefect,
    sections,
    vetoes,
    deductions,
    leads: leadsOf(rubric, marks, vetoes, deductions),
    reasons: reasonsOf(rubric, total, grade, vetoes, deductions),
  };
}

function leadsOf(rubric: ReviewRubric, marks: ReviewMarks, vetoes: VetoFailure[], deductions: Deduction[]) {
  const kind = marks.kind;
  if (kind === null) return [];
  const items = new Map(rubricItems(rubric).map((i) => [i.key, i]));
  const leads: ReviewLead[] = [];
  for (const v of vetoes) {
    const fault = rubric.vetoes.find((x) => x.key === v.item)!.faults[kind];
    if (fault) leads.push({ fault, item: v.item, label: v.label, source: 'veto', notes: [v.note] });
  }
  for (const d of deductions) {
    const fault = items.get(d.item)!.faults[kind];
    if (fault) leads.push({ fault, item: d.item, label: d.label, source: 'deduction', notes: d.notes });
  }
  return leads;
}

function reasonsOf(
  rubric: ReviewRubric,
  total: number,
  grade: ReviewGrade,
  vetoes: VetoFailure[],
  deductions: Deduction[],
): string[] {
  if (vetoes.length > 0) {
    return [`否决项不符合：${vetoes.map((v) => v.label).join('、')}，案卷计 0 分，评为不合格`];
  }
  const reasons = [
    deductions.length === 0
      ? '未发现扣分情形，得满分'
      : `共扣 ${fmt(100 - total)} 分，得 ${fmt(total)} 分（扣完为止，不计负分）`,
  ];
  const basic = deductions.filter((d) => d.basic);
  if (grade === 'excellent') reasons.push(`达到优秀分数线（${fmt(rubric.bands.excellent)} 分）`);
  else if (grade === 'fail') reasons.push(`低于合格分数线（${fmt(rubric.bands.pass)} 分），评为不合格`);
  else if (basic.length > 0 && total >= rubric.bands.excellent) {
    reasons.push(`基本要素存在问题（${basic.map((d) => d.label).join('、')}），不得评为优秀，评为合格`);
  } else
    reasons.push(
      `达到合格分数线（${fmt(rubric.bands.pass)} 分），未达到优秀分数线（${fmt(rubric.bands.excellent)} 分）`,
    );
  return reasons;
}

const fmt = (n: number) => String(Math.round(n * 100) / 100);

export interface Reconciliation {
  /** |a − b| of the two totals. */
  difference: number;
  /** Within the margin and the same on vetoes: the two scores stand together. */
  agreed: boolean;
  /** The mean of the two totals when they agree, else null (the group reconciles, 合议). */
  total: number | null;
  reason: string;
}

/** Double scoring: do two reviewers' totals agree within `margin`? */
export function reconcile(a: FileScore, b: FileScore, margin: number): Reconciliation {
  const difference = Math.abs(a.total - b.total);
  if (a.vetoed !== b.vetoed) {
    return { difference, agreed: false, total: null, reason: '两名评查人员对否决项的意见不一致，需合议' };
  }
  if (difference > margin) {
    return {
      difference,
      agreed: false,
      total: null,
      reason: `两次评分相差 ${fmt(difference)} 分，超过允许差额 ${fmt(margin)} 分，需合议`,
    };
  }
  return {
    difference,
    agreed: true,
    total: (a.total + b.total) / 2,
    reason: `两次评分相差 ${fmt(difference)} 分，未超过允许差额 ${fmt(margin)} 分，取平均分`,
  };
}

/** `reconcile` with the rubric's margin, and the grade of the agreed total (a basic defect either found counts). */
export function reconcileScores(
  rubric: ReviewRubric,
  a: FileScore,
  b: FileScore,
): Reconciliation & { grade: ReviewGrade | null; gradeLabel: string | null } {
  const r = reconcile(a, b, rubric.reconcileMargin);
  if (r.total === null) return { ...r, grade: null, gradeLabel: null };
  const grade = gradeOf(rubric, r.total, a.vetoed, a.basicDefect || b.basicDefect);
  return { ...r, grade, gradeLabel: REVIEW_GRADE_LABELS[grade] };
}
