// The tolerance assessment (`wenze tolerance assess`, POST /tolerance/assessments, and the
// investigators' checklist of a tolerance application): which conditions of the city's policy hold,
// which exclusions of its negative list apply, which of the three distinctions the facts show, and
// the outcome with its rule. Every unmet condition and every exclusion is listed, not only the
// first, each with its citation. Pure: no database, the pack in, the answer out.
import { z } from 'zod';
import { CATALOGUE_CODES } from '../rulebook/catalogue.js';
import { dayNumber, isCalendarDate } from '../rulebook/day.js';
import { DEFAULT_PACK, defaultPacks, type PackRegistry } from '../rulebook/packs/registry.js';
import type { ResolvedPack } from '../rulebook/packs/types.js';
import { periodLabel, periodStartDay } from '../rulebook/period.js';
import { type FieldError, parseWith, ValidationError } from '../validation.js';
import {
  CORRECTION_STATE_LABELS,
  CORRECTION_STATES,
  DISTINCTION_LABELS,
  DISTINCTION_PAIRS,
  DISTINCTION_SIDES,
  type DistinctionPair,
  type DistinctionSide,
  MISCONDUCT_KINDS,
  MISCONDUCT_LABELS,
  MISTAKE_CAUSE_LABELS,
  MISTAKE_CAUSES,
  TOLERANCE_CONDITION_LABELS,
  TOLERANCE_CONDITIONS,
  TOLERANCE_EXCLUSION_LABELS,
  TOLERANCE_EXCLUSIONS,
  TOLERANCE_OUTCOME_LABELS,
  TOLERANCE_OUTCOMES,
  type ToleranceCondition,
  type ToleranceExclusion,
  type ToleranceOutcome,
  type TolerancePolicy,
} from './policy.js';

const required = {
  error: (iss: { input?: unknown }) => (iss.input === undefined ? '缺少必填字段' : undefined),
};
const date = z.string(required).refine(isCalendarDate, { message: '日期格式应为 YYYY-MM-DD 且为有效日期' });
const faultCode = z
  .string(required)
  .refine((c) => CATALOGUE_CODES.has(c), { message: '未知的过错行为代码（见 wenze catalog）' });
const flag = z.boolean(required);

export const toleranceFactsSchema = z.strictObject(
  {
    withinDuty: flag,
    procedureFollowed: flag,
    privateGain: flag,
    knowingViolation: flag,
    expresslyProhibited: flag,
    misconduct: z.enum(MISCONDUCT_KINDS, required),
    falsified: flag,
    obstructed: flag,
    crimeSuspected: flag,
    cause: z.enum(MISTAKE_CAUSES, required),
    corrected: z.enum(CORRECTION_STATES, required),
    /** The number of an accepted 事前备案 of the measure, or null. */
    preRegistered: z.string().trim().min(1).max(64).nullable().default(null),
    priorTolerance: z
      .array(z.strictObject({ date, fault: faultCode }))
      .max(1000)
      .default([]),
  },
  required,
);
export type ToleranceFacts = z.output<typeof toleranceFactsSchema>;

export const toleranceRequestSchema = z.strictObject({
  pack: z.string().min(1).optional(),
  appliedOn: date,
  fault: z.strictObject(
    {
      occurredOn: date,
      codes: z
        .array(faultCode)
        .min(1, { message: '至少列出一项过错行为' })
        .max(50)
        .refine((c) => new Set(c).size === c.length, { message: '过错行为代码不能重复' }),
    },
    required,
  ),
  facts: toleranceFactsSchema,
});
export type ToleranceRequest = z.output<typeof toleranceRequestSchema>;

const citedSchema = { label: z.string(), cite: z.string(), reason: z.string() };

/** The assessment: the HTTP response declaration and, inferred from it, the type. */
export const toleranceAssessmentSchema = z.object({
  pack: z.object({ name: z.string(), version: z.string(), key: z.string() }),
  policy: z.object({ title: z.string(), summary: z.boolean() }),
  eligible: z.boolean(),
  outcome: z.enum(TOLERANCE_OUTCOMES),
  outcomeLabel: z.string(),
  outcomeCite: z.string(),
  /** Which of 三个区分开来 the facts show (label), as against the other side of its pair. */
  distinction: z.object({
    pair: z.enum(DISTINCTION_PAIRS),
    side: z.enum(DISTINCTION_SIDES),
    label: z.string(),
    against: z.string(),
    cite: z.string(),
  }),
  /** Every condition; `partial`: corrected, but late (enough for 从轻或者减轻 where the policy says so). */
  conditions: z.array(
    z.object({ id: z.enum(TOLERANCE_CONDITIONS), met: z.boolean(), partial: z.boolean(), ...citedSchema }),
  ),
  /** Every exclusion of the negative list that applies. */
  exclusions: z.array(z.object({ id: z.enum(TOLERANCE_EXCLUSIONS), ...citedSchema })),
  explanation: z.array(z.string()),
});
export type ToleranceAssessment = z.output<typeof toleranceAssessmentSchema>;
type ConditionResult = ToleranceAssessment['conditions'][number];
type ExclusionResult = ToleranceAssessment['exclusions'][number];
type DistinctionResult = ToleranceAssessment['distinction'];

/** The pack's policy, or a ValidationError naming the field when the pack has none. */
export function tolerancePolicyOf(pack: ResolvedPack, path = 'pack'): TolerancePolicy {
  const policy = pack.params.tolerance;
  if (!policy) {
    throw new ValidationError(`规则包 ${pack.name}@${pack.version} 没有容错纠错政策`, [
      {
        path,
        message: `规则包 ${pack.title}（${pack.name}）在该日期没有容错纠错实施办法；省《办法》未规定容错，由市级规则包规定（如 guizhou-a-city）`,
      },
    ]);
  }
  return policy;
}

/** Checks that need the whole request: dates in order. */
function checkToleranceRequest(r: ToleranceRequest): FieldError[] {
  const out: FieldError[] = [];
  if (r.fault.occurredOn > r.appliedOn)
    out.push({ path: 'fault.occurredOn', message: '过错发生日期不能晚于申请日期' });
  r.facts.priorTolerance.forEach((p, i) => {
    if (p.date > r.appliedOn)
      out.push({ path: `facts.priorTolerance[${i}].date`, message: '此前容错的日期不能晚于申请日期' });
  });
  return out;
}

const sameKind = (a: string, b: string, by: 'item' | 'category') =>
  by === 'item' ? a === b : a.split('.')[0] === b.split('.')[0];

function conditions(r: ToleranceRequest, policy: TolerancePolicy): ConditionResult[] {
  const f = r.facts;
  const cause = (): [boolean, string] => {
    if (f.cause !== 'other') return [true, `失误系因${MISTAKE_CAUSE_LABELS[f.cause]}`];
    if (f.preRegistered !== null && policy.preRegistrationShowsCause)
      return [true, `该探索性措施已事前备案（${f.preRegistered}），法律政策空白已事先说明`];
    return [false, '失误并非因缺乏规定、客观因素或者难以预见而产生，也未事前备案'];
  };
  const [causeMet, causeReason] = cause();
  const results: Record<ToleranceCondition, [boolean, boolean, string]> = {
    within_duty: [f.withinDuty, false, f.withinDuty ? '在职责范围内履职' : '超出法定职责或者岗位职责'],
    procedure_followed: [
      f.procedureFollowed,
      false,
      f.procedureFollowed ? '履行了规定的决策程序' : '未履行集体决策、请示报告等规定程序',
    ],
    no_private_gain: [!f.privateGain, false, f.privateGain ? '谋取了私利' : '未谋取私利'],
    excusable_cause: [causeMet, false, causeReason],
    corrected: [f.corrected === 'in_time', f.corrected === 'late', CORRECTION_STATE_LABELS[f.corrected]],
  };
  return TOLERANCE_CONDITIONS.map((id) => {
    const [met, partial, reason] = results[id];
    return {
      id,
      label: TOLERANCE_CONDITION_LABELS[id],
      met,
      partial,
      cite: policy.conditions[id].cite,
      reason,
    };
  });
}

function exclusions(r: ToleranceRequest, policy: TolerancePolicy): ExclusionResult[] {
  const f = r.facts;
  const out: ExclusionResult[] = [];
  const add = (id: ToleranceExclusion, reason: string) =>
    out.push({ id, label: TOLERANCE_EXCLUSION_LABELS[id], cite: policy.exclusions[id].cite, reason });
  if (f.privateGain) add('private_gain', '事实认定谋取了私利');
  if (f.knowingViolation) add('knowing_violation', '事实认定明知故犯');
  if (f.expresslyProhibited) add('expressly_prohibited', '该做法已被上级明令禁止');
  if (f.misconduct !== 'none') add('misconduct', `事实认定${MISCONDUCT_LABELS[f.misconduct]}`);
  if (f.falsified) add('falsified', '事实认定弄虚作假');
  if (f.obstructed) add('obstructed', '事实认定阻挠、干扰调查');
  if (f.crimeSuspected) add('crime_suspected', '事实认定涉嫌犯罪');
  const from = periodStartDay(r.fault.occurredOn, policy.repeatWithin);
  const to = dayNumber(r.fault.occurredOn);
  const prior = r.facts.priorTolerance.filter((p) => {
    const d = dayNumber(p.date);
    return d >= from && d <= to && r.fault.codes.some((c) => sameKind(c, p.fault, policy.sameKindBy));
  });
  if (prior.length > 0) {
    const kind = policy.sameKindBy === 'item' ? '同一过错行为' : '同一类别过错行为';
    add(
      'tolerated_before',
      `${kind}在过错发生前${periodLabel(policy.repeatWithin)}内已被容错：${prior.map((p) => `${p.date}（${p.fault}）`).join('、')}`,
    );
  }
  return out;
}

/** Which of 三个区分开来 the facts show: the first culpable side, else the tolerable side the cause shows. */
function distinction(r: ToleranceRequest, policy: TolerancePolicy): DistinctionResult {
  const f = r.facts;
  const pick = (pair: DistinctionPair, side: DistinctionSide): DistinctionResult => ({
    pair,
    side,
    label: DISTINCTION_LABELS[pair][side],
    against: DISTINCTION_LABELS[pair][side === 'tolerable' ? 'culpable' : 'tolerable'],
    cite: policy.distinctions.cite,
  });
  if (f.knowingViolation) return pick('experience', 'culpable');
  if (f.expresslyProhibited) return pick('exploration', 'culpable');
  if (f.privateGain) return pick('development', 'culpable');
  if (f.preRegistered !== null || f.cause === 'no_rule') return pick('exploration', 'tolerable');
  if (f.cause === 'other') return pick('experience', 'tolerable');
  return pick('development', 'tolerable');
}

/** Assess a validated request against a policy. Pure. */
export function assessTolerance(
  r: ToleranceRequest,
  pack: ResolvedPack,
  policy: TolerancePolicy,
): ToleranceAssessment {
  const conds = conditions(r, policy);
  const excl = exclusions(r, policy);
  const unmet = conds.filter((c) => !c.met);
  const onlyLate = unmet.length === 1 && unmet[0]!.id === 'corrected' && unmet[0]!.partial;
  const outcome: ToleranceOutcome =
    excl.length > 0
      ? 'reject'
      : unmet.length === 0
        ? 'exempt'
        : onlyLate && policy.lateCorrectionMitigates
          ? 'mitigate'
          : 'reject';
  const dist = distinction(r, policy);
  const explanation: string[] = [];
  explanation.push(
    `依据${policy.title}（规则包 ${pack.name}@${pack.version}${policy.summary ? '，示例文本' : ''}）审查容错条件。`,
  );
  for (const c of conds) {
    explanation.push(
      `${c.met ? '符合' : c.partial ? '部分符合' : '不符合'}${c.cite}“${c.label}”：${c.reason}。`,
    );
  }
  if (excl.length === 0) explanation.push('不具有负面清单所列不予容错的情形。');
  for (const e of excl) explanation.push(`具有${e.cite}“${e.label}”情形：${e.reason}，不予容错。`);
  explanation.push(
    `三个区分开来：属于“${dist.label}”，而非“${dist.against}”（${dist.cite}），认定意见应写明理由。`,
  );
  const rule = policy.outcomes[outcome];
  explanation.push(`结论：${TOLERANCE_OUTCOME_LABELS[outcome]}（${rule.cite}：${rule.text}）`);
  return {
    pack: { name: pack.name, version: pack.version, key: pack.key },
    policy: { title: policy.title, summary: policy.summary },
    eligible: outcome !== 'reject',
    outcome,
    outcomeLabel: TOLERANCE_OUTCOME_LABELS[outcome],
    outcomeCite: rule.cite,
    distinction: dist,
    conditions: conds,
    exclusions: excl,
    explanation,
  };
}

export interface AssessOptions {
  /** Overrides the request's `pack` (CLI `--pack`, API `?pack=`). */
  pack?: string;
  /** Selects the policy in force on this date instead of `appliedOn` (CLI `--on`). */
  on?: string;
}

/** For a request that already passed `toleranceRequestSchema` (HTTP body). */
export function assessParsed(
  r: ToleranceRequest,
  packs: PackRegistry = defaultPacks,
  options: AssessOptions = {},
): ToleranceAssessment {
  const pack = packs.select(options.pack ?? r.pack ?? DEFAULT_PACK, options.on ?? r.appliedOn, {
    pack: 'pack',
    on: options.on === undefined ? 'appliedOn' : 'on',
  });
  const policy = tolerancePolicyOf(pack);
  const problems = checkToleranceRequest(r);
  if (problems.length > 0) throw new ValidationError('容错评估请求无效', problems);
  return assessTolerance(r, pack, policy);
}

/** Validate a request (JSON) and assess it. Throws ValidationError naming every bad field. */
export function assessToleranceRequest(
  input: unknown,
  packs: PackRegistry = defaultPacks,
  options: AssessOptions = {},
): ToleranceAssessment {
  return assessParsed(parseWith(toleranceRequestSchema, input, '容错评估请求无效'), packs, options);
}
