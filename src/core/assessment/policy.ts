// 年度考核 (annual assessment of enforcement agencies and officers): a city's policy, carried by a rule
// pack (`params.assessment`, null when the pack has none). 百分制 in three parts — general, sector and
// external evaluation (default 30 / 50 / 20, PRACTICE.md (e)) — each made of indicators computed from
// the data, with grade bands 优秀 / 合格 / 基本合格 / 不合格; an officer 不合格 two years running is taken
// off enforcement work or loses the certificate. This file defines the vocabulary and the schema once.
import { z } from 'zod';
import { parseWith } from '../validation.js';

export const ASSESSMENT_PARTS = ['general', 'sector', 'external'] as const;
export type AssessmentPart = (typeof ASSESSMENT_PARTS)[number];
export const ASSESSMENT_PART_LABELS: Readonly<Record<AssessmentPart, string>> = {
  general: '通用指标',
  sector: '业务指标',
  external: '外部评议',
};

/** The indicators computed from the data. */
export const ASSESSMENT_INDICATORS = [
  'case_timeliness',
  'disclosure_timeliness',
  'complaint_rate',
  'pursued_rate',
  'review_score',
  'finding_rate',
  'evaluation_score',
] as const;
export type AssessmentIndicator = (typeof ASSESSMENT_INDICATORS)[number];
export const ASSESSMENT_INDICATOR_LABELS: Readonly<Record<AssessmentIndicator, string>> = {
  case_timeliness: '案件办理及时率',
  disclosure_timeliness: '执法信息公示及时率',
  complaint_rate: '每千件执法行为投诉数',
  pursued_rate: '过错追究率',
  review_score: '案卷评查得分',
  finding_rate: '每百件执法行为过错数',
  evaluation_score: '外部评议得分',
};
/** Indicators where less is better: they need the value that scores nothing (`zeroAt`). */
export const LOWER_IS_BETTER: ReadonlySet<AssessmentIndicator> = new Set(['complaint_rate', 'finding_rate']);

export const ASSESSMENT_GRADES = ['excellent', 'pass', 'basic_pass', 'fail'] as const;
export type AssessmentGrade = (typeof ASSESSMENT_GRADES)[number];
export const ASSESSMENT_GRADE_LABELS: Readonly<Record<AssessmentGrade, string>> = {
  excellent: '优秀',
  pass: '合格',
  basic_pass: '基本合格',
  fail: '不合格',
};

export const SUBJECT_KINDS = ['agency', 'officer'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];
export const SUBJECT_KIND_LABELS: Readonly<Record<SubjectKind, string>> = {
  agency: '执法部门',
  officer: '执法人员',
};

export interface IndicatorPolicy {
  part: AssessmentPart;
  /** Share of its part, in percent; the indicators of a part add up to 100. 0 switches it off. */
  weight: number;
  /** Lower-is-better indicators: the value at which the indicator scores nothing; null otherwise. */
  zeroAt: number | null;
}

export interface AssessmentPolicy {
  title: string;
  summary: boolean;
  source: string;
  /** Points of each part; they add up to 100. */
  weights: Record<AssessmentPart, number>;
  indicators: Record<AssessmentIndicator, IndicatorPolicy>;
  /** The lowest total of each grade; below `basicPass` is 不合格. */
  bands: { excellent: number; pass: number; basicPass: number };
  /**
   * The pursued rate that scores: faults pursued ÷ (faults found − tolerance and statutory
   * exemptions) when true, ÷ faults found when false. Both figures are always shown.
   */
  pursuedExcludesExemptions: boolean;
  /** An officer sanctioned for a fault in the year cannot be 优秀. */
  sanctionBarsExcellent: boolean;
  /** An officer 不合格 this many years running is flagged for `action`. */
  consecutiveFail: { years: number; action: string; cite: string };
  /** Peer-normalised early warning: faults per 100 acts against the same agency's officers of the same act kind. */
  peer: {
    /** Officers with fewer acts of the kind are not compared (nor counted as peers). */
    minActs: number;
    /** Fewer comparable officers than this: no percentile. */
    minPeers: number;
    /** Percentile ranks from which an officer is on the watch list, and warned. */
    attentionAt: number;
    warningAt: number;
  };
}

const text = z.string().min(1);
const weight = z.number().min(0).max(100);
const percentile = z.number().min(0).max(100);
const SUM_TOLERANCE = 1e-9;

const indicator = z.strictObject({
  part: z.enum(ASSESSMENT_PARTS),
  weight,
  zeroAt: z.number().positive().nullable(),
});

export const assessmentPolicySchema = z
  .strictObject({
    title: text,
    summary: z.boolean(),
    source: text,
    weights: z.strictObject({ general: weight, sector: weight, external: weight }),
    indicators: z.strictObject(
      Object.fromEntries(ASSESSMENT_INDICATORS.map((i) => [i, indicator])) as Record<
        AssessmentIndicator,
        typeof indicator
      >,
    ),
    bands: z.strictObject({ excellent: percentile, pass: percentile, basicPass: percentile }),
    pursuedExcludesExemptions: z.boolean(),
    sanctionBarsExcellent: z.boolean(),
    consecutiveFail: z.strictObject({ years: z.number().int().min(2).max(10), action: text, cite: text }),
    peer: z.strictObject({
      minActs: z.number().int().min(1),
      minPeers: z.number().int().min(2),
      attentionAt: percentile,
      warningAt: percentile,
    }),
  })
  .superRefine((p, ctx) => {
    const total = ASSESSMENT_PARTS.reduce((s, part) => s + p.weights[part], 0);
    if (Math.abs(total - 100) > SUM_TOLERANCE) {
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `各部分权重之和应为 100（现为 ${round(total)}）`,
      });
    }
    for (const part of ASSESSMENT_PARTS) {
      if (p.weights[part] === 0) continue;
      const inPart = ASSESSMENT_INDICATORS.filter((i) => p.indicators[i].part === part);
      const sum = inPart.reduce((s, i) => s + p.indicators[i].weight, 0);
      if (Math.abs(sum - 100) > SUM_TOLERANCE) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators'],
          message: `${ASSESSMENT_PART_LABELS[part]}各项指标权重之和应为 100（现为 ${round(sum)}）`,
        });
      }
    }
    for (const i of ASSESSMENT_INDICATORS) {
      const needs = LOWER_IS_BETTER.has(i);
      if (needs !== (p.indicators[i].zeroAt !== null)) {
        ctx.addIssue({
          code: 'custom',
          path: ['indicators', i, 'zeroAt'],
          message: needs ? '越低越好的指标应规定不得分的数值' : '该指标不使用 zeroAt，应为 null',
        });
      }
    }
    const b = p.bands;
    if (!(b.excellent > b.pass && b.pass > b.basicPass && b.basicPass > 0)) {
      ctx.addIssue({ code: 'custom', path: ['bands'], message: '分数线应为 优秀 > 合格 > 基本合格 > 0' });
    }
    if (p.peer.warningAt < p.peer.attentionAt) {
      ctx.addIssue({ code: 'custom', path: ['peer', 'warningAt'], message: '预警百分位不能低于关注百分位' });
    }
  });

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _policyTypeMatches: Same<z.output<typeof assessmentPolicySchema>, AssessmentPolicy> = true;
void _policyTypeMatches;

/** A policy an admin edited, checked: ValidationError naming the field (e.g. `weights`). */
export function parseAssessmentPolicy(input: unknown): AssessmentPolicy {
  return parseWith(assessmentPolicySchema, input, '考核办法参数无效');
}
