// 年度考核: the annual assessment of enforcement agencies and officers, from the data. Each indicator
// becomes points with its explanation in words; the parts add up to the total, the total to the
// grade; an officer 不合格 the required number of years running is flagged. The pursued rate — faults
// pursued ÷ faults found, with tolerance (容错) and statutory (《办法》第二十二条) exemptions shown apart
// — is the figure the assessment turns on. Pure: the policy and the figures in, the results out; the
// figures' `refs` (acts, cases, files) travel with each point so the console can drill down.
//
// Arithmetic is in hundredths of a point: part maxima are the part weights apportioned by largest
// remainder, indicator maxima likewise within their part, so the parts add up to the total exactly.
// An indicator without data (no faults found, no cases closed, no evaluation …) does not apply: its
// weight goes to the other indicators of its part, and a part without any to the other parts.
import { z } from 'zod';
import { fieldsFromZod, parseWith, ValidationError } from '../validation.js';
import {
  ASSESSMENT_GRADE_LABELS,
  ASSESSMENT_GRADES,
  ASSESSMENT_INDICATOR_LABELS,
  ASSESSMENT_INDICATORS,
  ASSESSMENT_PART_LABELS,
  ASSESSMENT_PARTS,
  type AssessmentGrade,
  type AssessmentIndicator,
  type AssessmentPart,
  type AssessmentPolicy,
  parseAssessmentPolicy,
  SUBJECT_KINDS,
  type SubjectKind,
} from './policy.js';

const count = z.number().int().min(0);
const ids = z.array(z.string().min(1)).max(100_000).optional();
const refs = z.strictObject({ acts: ids, cases: ids, files: ids }).optional();
export type Refs = NonNullable<z.output<typeof refs>>;

export const assessmentMetricsSchema = z.strictObject({
  /** Enforcement acts in the year. */
  acts: count,
  faults: z
    .strictObject({ found: count, pursued: count, toleranceExempt: count, statutoryExempt: count, refs })
    .refine((f) => f.pursued + f.toleranceExempt + f.statutoryExempt <= f.found, {
      path: ['pursued'],
      message: '已追究与免责的过错之和不能超过发现的过错数',
    })
    .nullable()
    .default(null),
  cases: z
    .strictObject({ closed: count, onTime: count, refs })
    .refine((c) => c.onTime <= c.closed, { path: ['onTime'], message: '按期办结数不能超过办结数' })
    .nullable()
    .default(null),
  complaints: z.strictObject({ count, refs }).nullable().default(null),
  /** Case-file review: files scored and their mean total (0–100). */
  reviews: z
    .strictObject({ files: count, meanScore: z.number().min(0).max(100), refs })
    .nullable()
    .default(null),
  /** External evaluation: answers and their mean (1–5). */
  evaluations: z
    .strictObject({ responses: count, meanScore: z.number().min(1).max(5), refs })
    .nullable()
    .default(null),
  disclosure: z
    .strictObject({ due: count, onTime: count, refs })
    .refine((d) => d.onTime <= d.due, { path: ['onTime'], message: '按时公示数不能超过应公示数' })
    .nullable()
    .default(null),
});
export type AssessmentMetrics = z.output<typeof assessmentMetricsSchema>;

export const assessmentSubjectSchema = z.strictObject({
  kind: z.enum(SUBJECT_KINDS),
  id: z.string().min(1),
  name: z.string().min(1),
  /** An officer's agency (for the ranking within it). */
  agency: z.string().min(1).nullable().default(null),
  /** An officer sanctioned for a fault this year. */
  sanctioned: z.boolean().default(false),
  /** Earlier years' grades. */
  history: z.array(z.strictObject({ year: z.number().int(), grade: z.enum(ASSESSMENT_GRADES) })).default([]),
});

export const assessmentInputSchema = z.strictObject({
  subject: assessmentSubjectSchema,
  metrics: assessmentMetricsSchema,
});
export type AssessmentInput = z.output<typeof assessmentInputSchema>;
export type AssessmentInputData = z.input<typeof assessmentInputSchema>;

export interface AssessmentPoint {
  indicator: AssessmentIndicator;
  label: string;
  part: AssessmentPart;
  applicable: boolean;
  /** The figure: a rate in percent, a count per 100 or per 1,000 acts, a mean score. */
  value: number | null;
  /** Points this indicator could give (after weights moved from indicators without data). */
  max: number;
  points: number;
  explanation: string;
  refs: Refs;
}

export interface PartResult {
  part: AssessmentPart;
  label: string;
  /** The policy's weight. */
  weight: number;
  max: number;
  points: number;
}

/** Faults found and what became of them; the exemptions apart. */
export interface PursuedFigures {
  found: number;
  pursued: number;
  toleranceExempt: number;
  statutoryExempt: number;
  /** Neither pursued nor exempted. */
  unpursued: number;
  /** Pursued ÷ found, percent; null when none were found. */
  rate: number | null;
  /** Pursued ÷ (found − exemptions), percent; null when nothing was left to pursue. */
  rateExcludingExemptions: number | null;
}

export interface AssessmentFlag {
  kind: 'consecutive_fail';
  action: string;
  cite: string;
  reason: string;
}

export interface AssessmentResult {
  year: number;
  subject: { kind: SubjectKind; id: string; name: string; agency: string | null };
  /** Null when no indicator has data. */
  total: number | null;
  grade: AssessmentGrade | null;
  gradeLabel: string | null;
  parts: PartResult[];
  points: AssessmentPoint[];
  pursued: PursuedFigures | null;
  reasons: string[];
  flags: AssessmentFlag[];
}

export interface RankedResult extends AssessmentResult {
  /** Among subjects of the same kind, by total (equal totals share a rank); null without a total. */
  rank: number | null;
  /** Officers: among the officers of the same agency. */
  agencyRank: number | null;
}

export interface RankingRow {
  rank: number;
  id: string;
  name: string;
  total: number;
  grade: AssessmentGrade;
}

export interface YearAssessment {
  year: number;
  policy: string;
  results: RankedResult[];
  rankings: Record<SubjectKind, RankingRow[]>;
}

const HUNDRED = 100;
const num = (n: number, digits = 2) => String(Math.round(n * 10 ** digits) / 10 ** digits);
const pts = (h: number) => num(h / HUNDRED);
const pct = (n: number) => `${num(n, 1)}%`;
const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** `total` split in proportion to `weights` by largest remainder (ties to the earlier); integers. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map((x) => Math.floor(x));
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((_, i) => i).sort((a, b) => exact[b]! - out[b]! - (exact[a]! - out[a]!) || a - b);
  for (const i of order) {
    if (left <= 0) break;
    out[i]! += 1;
    left -= 1;
  }
  return out;
}

interface Measured {
  /** Share of the indicator's points earned, 0–1; null: does not apply. */
  ratio: number | null;
  value: number | null;
  /** What was measured, in words (the points are appended). */
  text: string;
  refs: Refs;
}

export function pursuedFigures(f: NonNullable<AssessmentMetrics['faults']>): PursuedFigures {
  const exempt = f.toleranceExempt + f.statutoryExempt;
  return {
    found: f.found,
    pursued: f.pursued,
    toleranceExempt: f.toleranceExempt,
    statutoryExempt: f.statutoryExempt,
    unpursued: f.found - f.pursued - exempt,
    rate: f.found === 0 ? null : (f.pursued / f.found) * 100,
    rateExcludingExemptions: f.found - exempt === 0 ? null : (f.pursued / (f.found - exempt)) * 100,
  };
}

function measure(policy: AssessmentPolicy, m: AssessmentMetrics, i: AssessmentIndicator): Measured {
  const zeroAt = policy.indicators[i].zeroAt ?? 1;
  switch (i) {
    case 'finding_rate': {
      if (m.faults === null || m.acts === 0)
        return none('本年度无执法行为或者无过错发现数据', m.faults?.refs);
      const per100 = (m.faults.found / m.acts) * 100;
      return {
        ratio: clamp01(1 - per100 / zeroAt),
        value: per100,
        text: `执法行为 ${m.acts} 件，发现过错 ${m.faults.found} 件，每百件 ${num(per100)} 件（每百件 ${num(zeroAt)} 件及以上不得分）`,
        refs: m.faults.refs ?? {},
      };
    }
    case 'pursued_rate': {
      if (m.faults === null) return none('无过错发现数据');
      const p = pursuedFigures(m.faults);
      if (p.found === 0) return none('本年度未发现过错', m.faults.refs);
      const exempt = `容错免责 ${p.toleranceExempt} 件、法定免责 ${p.statutoryExempt} 件单列`;
      const head = `发现过错 ${p.found} 件，已追究 ${p.pursued} 件，过错追究率 ${pct(p.rate!)}；${exempt}，未追究 ${p.unpursued} 件`;
      if (!policy.pursuedExcludesExemptions) {
        return {
          ratio: p.pursued / p.found,
          value: p.rate,
          text: `${head}；按过错追究率计分`,
          refs: m.faults.refs ?? {},
        };
      }
      if (p.rateExcludingExemptions === null) {
        return none(`${head}；发现的过错均已依法免责，无应追究的过错`, m.faults.refs);
      }
      return {
        ratio: p.rateExcludingExemptions / 100,
        value: p.rateExcludingExemptions,
        text: `${head}；扣除免责后应追究 ${p.found - p.toleranceExempt - p.statutoryExempt} 件，追究率 ${pct(p.rateExcludingExemptions)}，按此计分`,
        refs: m.faults.refs ?? {},
      };
    }
    case 'case_timeliness':
      if (m.cases === null || m.cases.closed === 0) return none('本年度无办结的追责案件', m.cases?.refs);
      return rate(
        m.cases.onTime,
        m.cases.closed,
        `办结追责案件 ${m.cases.closed} 件，按期办结 ${m.cases.onTime} 件`,
        m.cases.refs,
      );
    case 'disclosure_timeliness':
      if (m.disclosure === null || m.disclosure.due === 0)
        return none('本年度无应公示的执法信息', m.disclosure?.refs);
      return rate(
        m.disclosure.onTime,
        m.disclosure.due,
        `应公示执法信息 ${m.disclosure.due} 件，按时公示 ${m.disclosure.onTime} 件`,
        m.disclosure.refs,
      );
    case 'complaint_rate': {
      if (m.complaints === null || m.acts === 0)
        return none('本年度无执法行为或者无投诉数据', m.complaints?.refs);
      const per1000 = (m.complaints.count / m.acts) * 1000;
      return {
        ratio: clamp01(1 - per1000 / zeroAt),
        value: per1000,
        text: `执法行为 ${m.acts} 件，投诉 ${m.complaints.count} 件，每千件 ${num(per1000)} 件（每千件 ${num(zeroAt)} 件及以上不得分）`,
        refs: m.complaints.refs ?? {},
      };
    }
    case 'review_score':
      if (m.reviews === null || m.reviews.files === 0) return none('本年度无评查的案卷', m.reviews?.refs);
      return {
        ratio: m.reviews.meanScore / 100,
        value: m.reviews.meanScore,
        text: `评查案卷 ${m.reviews.files} 件，平均 ${num(m.reviews.meanScore)} 分（百分制）`,
        refs: m.reviews.refs ?? {},
      };
    case 'evaluation_score':
      if (m.evaluations === null || m.evaluations.responses === 0)
        return none('本年度无外部评议', m.evaluations?.refs);
      return {
        ratio: (m.evaluations.meanScore - 1) / 4,
        value: m.evaluations.meanScore,
        text: `外部评议 ${m.evaluations.responses} 份，平均 ${num(m.evaluations.meanScore)} 分（1–5 分，1 分不得分）`,
        refs: m.evaluations.refs ?? {},
      };
  }
}

function none(why: string, r?: Refs): Measured {
  return { ratio: null, value: null, text: why, refs: r ?? {} };
}

function rate(part: number, whole: number, text: string, r?: Refs): Measured {
  const value = (part / whole) * 100;
  return { ratio: part / whole, value, text: `${text}，${pct(value)}`, refs: r ?? {} };
}

/** One subject's assessment. Input is checked: ValidationError naming the field. */
export function assessSubject(
  policyInput: AssessmentPolicy,
  year: number,
  input: AssessmentInputData | AssessmentInput,
): AssessmentResult {
  const policy = parseAssessmentPolicy(policyInput);
  return assessChecked(policy, year, parseWith(assessmentInputSchema, input, '考核数据无效'));
}

function assessChecked(
  policy: AssessmentPolicy,
  year: number,
  { subject, metrics }: AssessmentInput,
): AssessmentResult {
  const measured = ASSESSMENT_INDICATORS.map((i) => ({ i, ...measure(policy, metrics, i) }));
  const applies = (x: (typeof measured)[number]) =>
    x.ratio !== null && policy.indicators[x.i].weight > 0 && policy.weights[policy.indicators[x.i].part] > 0;
  const partHas = (p: AssessmentPart) =>
    measured.some((x) => applies(x) && policy.indicators[x.i].part === p);

  const partMax = apportion(
    100 * HUNDRED,
    ASSESSMENT_PARTS.map((p) => (partHas(p) ? policy.weights[p] : 0)),
  );
  const maxOf = new Map<AssessmentIndicator, number>();
  ASSESSMENT_PARTS.forEach((p, k) => {
    const inPart = measured.filter((x) => policy.indicators[x.i].part === p);
    const shares = apportion(
      partMax[k]!,
      inPart.map((x) => (applies(x) ? policy.indicators[x.i].weight : 0)),
    );
    inPart.forEach((x, j) => {
      maxOf.set(x.i, shares[j]!);
    });
  });

  const points: AssessmentPoint[] = measured.map((x) => {
    const max = maxOf.get(x.i)!;
    const got = applies(x) ? Math.round(max * x.ratio!) : 0;
    const explanation = applies(x)
      ? `${x.text}；本项满分 ${pts(max)} 分，得 ${pts(got)} 分。`
      : policy.indicators[x.i].weight === 0 || policy.weights[policy.indicators[x.i].part] === 0
        ? `${x.text}；本项不计分（权重为 0）。`
        : `${x.text}；本项不适用，其分值按权重并入${partHas(policy.indicators[x.i].part) ? '本部分其他指标' : '其他部分'}。`;
    return {
      indicator: x.i,
      label: ASSESSMENT_INDICATOR_LABELS[x.i],
      part: policy.indicators[x.i].part,
      applicable: applies(x),
      value: x.value,
      max: max / HUNDRED,
      points: got / HUNDRED,
      explanation,
      refs: x.refs,
    };
  });
  const hundredths = (p: AssessmentPart) =>
    points.filter((x) => x.part === p).reduce((s, x) => s + Math.round(x.points * HUNDRED), 0);
  const parts: PartResult[] = ASSESSMENT_PARTS.map((p, k) => ({
    part: p,
    label: ASSESSMENT_PART_LABELS[p],
    weight: policy.weights[p],
    max: partMax[k]! / HUNDRED,
    points: hundredths(p) / HUNDRED,
  }));
  const any = ASSESSMENT_PARTS.some(partHas);
  const total = any ? ASSESSMENT_PARTS.reduce((s, p) => s + hundredths(p), 0) / HUNDRED : null;

  const reasons: string[] = [];
  for (const part of parts) {
    if (part.max === 0 && part.weight > 0)
      reasons.push(`${part.label}无可计分的数据，其 ${num(part.weight)} 分按权重并入其他部分`);
  }
  const grade = total === null ? null : gradeOf(policy, total, subject, reasons);
  if (total === null) reasons.push('无可考核的数据，不评定等次');
  const flags = grade === null ? [] : flagsOf(policy, year, subject, grade);
  return {
    year,
    subject: { kind: subject.kind, id: subject.id, name: subject.name, agency: subject.agency },
    total,
    grade,
    gradeLabel: grade === null ? null : ASSESSMENT_GRADE_LABELS[grade],
    parts,
    points,
    pursued: metrics.faults === null ? null : pursuedFigures(metrics.faults),
    reasons,
    flags,
  };
}

function gradeOf(
  policy: AssessmentPolicy,
  total: number,
  subject: AssessmentInput['subject'],
  reasons: string[],
): AssessmentGrade {
  const b = policy.bands;
  const line = `总分 ${num(total)} 分`;
  if (total >= b.excellent) {
    if (subject.kind === 'officer' && subject.sanctioned && policy.sanctionBarsExcellent) {
      reasons.push(
        `${line}，达到优秀分数线（${num(b.excellent)} 分），但本年度因执法过错被追究责任，不得评为优秀，评为合格`,
      );
      return 'pass';
    }
    reasons.push(`${line}，达到优秀分数线（${num(b.excellent)} 分）`);
    return 'excellent';
  }
  if (total >= b.pass) {
    reasons.push(`${line}，达到合格分数线（${num(b.pass)} 分），未达到优秀分数线（${num(b.excellent)} 分）`);
    return 'pass';
  }
  if (total >= b.basicPass) {
    reasons.push(
      `${line}，达到基本合格分数线（${num(b.basicPass)} 分），未达到合格分数线（${num(b.pass)} 分）`,
    );
    return 'basic_pass';
  }
  reasons.push(`${line}，低于基本合格分数线（${num(b.basicPass)} 分），评为不合格`);
  return 'fail';
}

function flagsOf(
  policy: AssessmentPolicy,
  year: number,
  subject: AssessmentInput['subject'],
  grade: AssessmentGrade,
): AssessmentFlag[] {
  const { years, action, cite } = policy.consecutiveFail;
  if (subject.kind !== 'officer' || grade !== 'fail') return [];
  const failed = new Set(subject.history.filter((h) => h.grade === 'fail').map((h) => h.year));
  const earlier = Array.from({ length: years - 1 }, (_, k) => year - 1 - k);
  if (!earlier.every((y) => failed.has(y))) return [];
  const span = [...earlier].reverse().concat(year).join('、');
  return [
    {
      kind: 'consecutive_fail',
      action,
      cite,
      reason: `${subject.name}${span} 年度考核连续 ${years} 年不合格，应当${action}（${cite}）`,
    },
  ];
}

/** Competition ranking (1, 2, 2, 4) by total, highest first; subjects without a total are left out. */
export function rankResults(results: readonly AssessmentResult[]): RankingRow[] {
  const rows = results
    .filter((r) => r.total !== null && r.grade !== null)
    .map((r) => ({ id: r.subject.id, name: r.subject.name, total: r.total!, grade: r.grade! }))
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || r.total !== rows[i - 1]!.total) rank = i + 1;
    return { rank, ...r };
  });
}

/** A year's assessment of every subject: results with their ranks, and the rankings by kind. */
export function assessYear(
  policyInput: AssessmentPolicy,
  year: number,
  inputs: readonly (AssessmentInputData | AssessmentInput)[],
): YearAssessment {
  const policy = parseAssessmentPolicy(policyInput);
  const seen = new Set<string>();
  const results = inputs.map((input, n) => {
    const checked = assessmentInputSchema.safeParse(input);
    if (!checked.success) throw new ValidationError('考核数据无效', fieldsFromZod(checked.error, [n]));
    const { kind, id } = checked.data.subject;
    if (seen.has(`${kind}:${id}`)) {
      throw new ValidationError('考核数据无效', [
        { path: `[${n}].subject.id`, message: `考核对象 ${id} 重复` },
      ]);
    }
    seen.add(`${kind}:${id}`);
    return assessChecked(policy, year, checked.data);
  });
  const rankings = Object.fromEntries(
    SUBJECT_KINDS.map((kind) => [kind, rankResults(results.filter((r) => r.subject.kind === kind))]),
  ) as Record<SubjectKind, RankingRow[]>;
  const rankOf = new Map(
    SUBJECT_KINDS.flatMap((kind) => rankings[kind].map((row) => [`${kind}:${row.id}`, row.rank])),
  );
  const withinAgency = new Map<string, number>();
  const officersByAgency = new Map<string, AssessmentResult[]>();
  for (const r of results) {
    if (r.subject.kind !== 'officer' || r.subject.agency === null) continue;
    officersByAgency.set(r.subject.agency, [...(officersByAgency.get(r.subject.agency) ?? []), r]);
  }
  for (const list of officersByAgency.values())
    for (const row of rankResults(list)) withinAgency.set(row.id, row.rank);
  return {
    year,
    policy: policy.title,
    results: results.map((r) => ({
      ...r,
      rank: rankOf.get(`${r.subject.kind}:${r.subject.id}`) ?? null,
      agencyRank: r.subject.kind === 'officer' ? (withinAgency.get(r.subject.id) ?? null) : null,
    })),
    rankings,
  };
}
