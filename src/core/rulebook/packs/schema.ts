// Zod schemas of pack definitions, so that a pack an admin edits is checked as strictly as the
// built-in ones. Used when a registry is built, never on the determination hot path.
import { z } from 'zod';
import { assessmentPolicySchema } from '../../assessment/policy.js';
import { evaluationFormSchema } from '../../evaluation/form.js';
import { reviewRubricSchema } from '../../review/rubric.js';
import { TOLERANCE_CONDITIONS, TOLERANCE_EXCLUSIONS, TOLERANCE_OUTCOMES } from '../../tolerance/policy.js';
import { CATALOGUE_CODES } from '../catalogue.js';
import { isCalendarDate } from '../day.js';
import { PERIOD_UNITS } from '../period.js';
import { DECISION_KINDS, SANCTION_FORMS } from '../types.js';

const date = z.string().refine(isCalendarDate, { message: '日期格式应为 YYYY-MM-DD' });
const count = z.number().int().min(0);
const positive = z.number().int().min(1);

const period = z.strictObject({ count: positive, unit: z.enum(PERIOD_UNITS) });
const deadline = z.strictObject({ days: positive, unit: z.enum(['working_day', 'calendar_day']) });

const clause = z.strictObject({ cite: z.string().min(1), text: z.string().min(1) });
/** One clause for each id of a vocabulary, none missing, none unknown. */
const clauses = <T extends string>(ids: readonly T[]) =>
  z.strictObject(Object.fromEntries(ids.map((id) => [id, clause])) as Record<T, typeof clause>);

const tolerancePolicy = z.strictObject({
  title: z.string().min(1),
  summary: z.boolean(),
  conditions: clauses(TOLERANCE_CONDITIONS),
  exclusions: clauses(TOLERANCE_EXCLUSIONS),
  distinctions: clause,
  outcomes: clauses(TOLERANCE_OUTCOMES),
  lateCorrectionMitigates: z.boolean(),
  preRegistrationShowsCause: z.boolean(),
  repeatWithin: period,
  sameKindBy: z.enum(['item', 'category']),
  preRegistrationReview: deadline,
  preRegistration: clause,
  applyAfterDecision: deadline,
  decideWithin: deadline,
});

export const packParamsSchema = z.strictObject({
  attribution: z.strictObject({ art15Decisions: z.array(z.enum(DECISION_KINDS)) }),
  repeat: z.strictObject({
    window: period,
    minFaultsInWindow: positive,
    minEarlierSanctions: positive,
    sanctionsWindow: period.nullable(),
    sameKindBy: z.enum(['item', 'category']),
  }),
  commonFault: z.strictObject({ secondaryNeedsAnotherLiable: z.boolean() }),
  leniency: z.strictObject({
    aggravationBarsMayNotPursue: z.boolean(),
    sanctionsIfMayNotPursue: z.boolean(),
  }),
  sanctions: z.strictObject({
    weights: z.strictObject({
      nature: z.strictObject({ minor: count, ordinary: count, egregious: count }),
      harm: z.strictObject({ small: count, large: count }),
      impact: z.strictObject({ small: count, large: count }),
    }),
    ladder: z
      .array(z.enum(SANCTION_FORMS))
      .min(1)
      .refine((l) => new Set(l).size === l.length, { message: '量责阶梯中同一追究形式只能出现一次' }),
    aggravateSteps: count,
    lightenSteps: count,
  }),
  agencies: z.strictObject({ seriousFromScore: count }),
  procedure: z.strictObject({
    acceptComplaint: deadline,
    minInvestigators: positive,
    investigation: deadline,
    extension: deadline,
    maxExtensions: count,
    hearDefenceBeforeDecision: z.boolean(),
    appealWithin: deadline,
    decisionStandsDuringAppeal: z.boolean(),
    collectiveDiscussionFrom: z.enum(SANCTION_FORMS).nullable(),
  }),
  earlyWarning: z.strictObject({
    window: period,
    attentionAt: positive,
    warningAt: positive,
    sanctionsWarningAt: positive,
  }),
  tolerance: tolerancePolicy.nullable(),
  review: reviewRubricSchema.nullable(),
  assessment: assessmentPolicySchema.nullable(),
  evaluation: evaluationFormSchema.nullable(),
  relief: z.strictObject({
    panelSize: positive.refine((n) => n % 2 === 1 && n >= 3, { message: '委员会人数须为不少于 3 的奇数' }),
    decideWithin: deadline,
    extension: deadline,
    maxExtensions: count,
    hearingNotice: deadline,
    review: z.strictObject({
      required: z.boolean(),
      requestWithin: deadline,
      decideWithin: deadline,
      appealAfter: deadline,
      source: z.string().min(1),
    }),
    source: z.string().min(1),
  }),
  disclosure: z.strictObject({
    licensingPenalty: deadline,
    others: deadline,
    withdrawal: deadline,
    retention: z.strictObject({ person: period, org: period }),
    accountability: z.strictObject({ forms: z.array(z.enum(SANCTION_FORMS)), source: z.string().min(1) }),
    source: z.string().min(1),
  }),
});

const articleNumber = z.string().refine((k) => /^\d+$/.test(k) && Number(k) >= 15 && Number(k) <= 25, {
  message: '只能替换第十五条至第二十五条的文本',
});

const textsSchema = z.strictObject({
  articles: z
    .record(
      articleNumber,
      z.strictObject({
        intro: z.string().min(1).optional(),
        clauses: z.array(z.string().min(1)).optional(),
        closing: z.string().optional(),
        summary: z.boolean().optional(),
        source: z.string().min(1).optional(),
      }),
    )
    .optional(),
  chapters: z
    .record(
      z.enum(['1', '2', '3', '4']),
      z.strictObject({
        text: z.string().optional(),
        summary: z.boolean().optional(),
        source: z.string().min(1).optional(),
      }),
    )
    .optional(),
  catalogue: z
    .record(
      z.string().refine((c) => CATALOGUE_CODES.has(c), { message: '未知的过错行为代码' }),
      z.string().min(1),
    )
    .optional(),
});

export const packDefinitionSchema = z.strictObject({
  name: z.string().regex(/^[a-z][a-z0-9-]*$/, { message: '规则包名称只能包含小写字母、数字和连字符' }),
  title: z.string().min(1),
  region: z.string().regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字' }),
  parent: z.string().nullable(),
  measuresTitle: z.string().min(1).optional(),
  versions: z
    .array(
      z.strictObject({
        version: z.string().min(1),
        validFrom: date,
        validTo: date.nullable(),
        note: z.string().optional(),
        // Checked after merging with the parent, against packParamsSchema.
        params: z.record(z.string(), z.unknown()).optional(),
        texts: textsSchema.optional(),
      }),
    )
    .min(1),
});
