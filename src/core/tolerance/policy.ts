// 容错纠错 (tolerance and correction): a city's policy, not the Measures'. The province's Measures say
// nothing of it; cities issue 容错纠错实施办法 with conditions that must all hold, a negative list
// that bars tolerance whatever else holds, the "three distinctions" (三个区分开来) to record with
// reasons, and three outcomes. A rule pack carries the policy as data (`params.tolerance`, null when
// the pack has none); this file defines its vocabulary once, for every adapter.

import type { Deadline } from '../rulebook/packs/types.js';
import type { Period } from '../rulebook/period.js';

/** The conditions, all of which must hold for 免责. */
export const TOLERANCE_CONDITIONS = [
  'within_duty',
  'procedure_followed',
  'no_private_gain',
  'excusable_cause',
  'corrected',
] as const;
export type ToleranceCondition = (typeof TOLERANCE_CONDITIONS)[number];

export const TOLERANCE_CONDITION_LABELS: Record<ToleranceCondition, string> = {
  within_duty: '在法定职责或者岗位职责范围内履职',
  procedure_followed: '履行了规定的决策程序（集体决策、请示报告）',
  no_private_gain: '未谋取私利',
  excusable_cause: '失误因缺乏法律规定、政策要求或者职业要求，或者因客观因素、难以预见而产生',
  corrected: '及时纠正、积极挽回损失',
};

/** The negative list: any one of these bars tolerance. */
export const TOLERANCE_EXCLUSIONS = [
  'private_gain',
  'knowing_violation',
  'expressly_prohibited',
  'misconduct',
  'falsified',
  'obstructed',
  'crime_suspected',
  'tolerated_before',
] as const;
export type ToleranceExclusion = (typeof TOLERANCE_EXCLUSIONS)[number];

export const TOLERANCE_EXCLUSION_LABELS: Record<ToleranceExclusion, string> = {
  private_gain: '谋取私利',
  knowing_violation: '明知故犯',
  expressly_prohibited: '上级明令禁止后依然我行我素',
  misconduct: '玩忽职守、滥用职权、徇私舞弊',
  falsified: '弄虚作假',
  obstructed: '阻挠、干扰调查',
  crime_suspected: '涉嫌犯罪',
  tolerated_before: '同类过错在规定期间内已被容错',
};

export const TOLERANCE_OUTCOMES = ['exempt', 'mitigate', 'reject'] as const;
export type ToleranceOutcome = (typeof TOLERANCE_OUTCOMES)[number];

export const TOLERANCE_OUTCOME_LABELS: Record<ToleranceOutcome, string> = {
  exempt: '免责',
  mitigate: '从轻或者减轻',
  reject: '不予容错',
};

/** 玩忽职守、滥用职权、徇私舞弊, or none of them. */
export const MISCONDUCT_KINDS = ['none', 'dereliction', 'abuse', 'favouritism'] as const;
export type MisconductKind = (typeof MISCONDUCT_KINDS)[number];
export const MISCONDUCT_LABELS: Record<MisconductKind, string> = {
  none: '无',
  dereliction: '玩忽职守',
  abuse: '滥用职权',
  favouritism: '徇私舞弊',
};

/** Where the mistake came from. */
export const MISTAKE_CAUSES = ['no_rule', 'objective', 'unforeseeable', 'other'] as const;
export type MistakeCause = (typeof MISTAKE_CAUSES)[number];
export const MISTAKE_CAUSE_LABELS: Record<MistakeCause, string> = {
  no_rule: '缺乏法律规定、政策要求或者职业要求',
  objective: '客观因素',
  unforeseeable: '难以预见',
  other: '其他原因',
};

/** Whether, and when, the mistake was corrected or the loss recovered. */
export const CORRECTION_STATES = ['in_time', 'late', 'no'] as const;
export type CorrectionState = (typeof CORRECTION_STATES)[number];
export const CORRECTION_STATE_LABELS: Record<CorrectionState, string> = {
  in_time: '及时纠正、挽回损失',
  late: '已纠正或者挽回损失，但不及时',
  no: '未纠正',
};

/** 三个区分开来: each pair has a side that may be tolerated and one that may not. */
export const DISTINCTION_PAIRS = ['experience', 'exploration', 'development'] as const;
export type DistinctionPair = (typeof DISTINCTION_PAIRS)[number];
export const DISTINCTION_SIDES = ['tolerable', 'culpable'] as const;
export type DistinctionSide = (typeof DISTINCTION_SIDES)[number];

export const DISTINCTION_LABELS: Record<DistinctionPair, Record<DistinctionSide, string>> = {
  experience: { tolerable: '因缺乏经验、先行先试出现的失误', culpable: '明知故犯' },
  exploration: {
    tolerable: '上级尚无明确限制的探索性试验中的失误',
    culpable: '上级明令禁止后依然我行我素',
  },
  development: { tolerable: '为推动发展的无意过失', culpable: '为谋取私利的违纪违法' },
};

/** One provision of the city's policy: where it is and what it says. */
export interface PolicyClause {
  /** 《…》第四条第（一）项 */
  cite: string;
  text: string;
}

/** A city's tolerance policy (容错纠错实施办法), carried by its rule pack. */
export interface TolerancePolicy {
  /** 《A市行政执法容错纠错实施办法》 */
  title: string;
  /** True while the texts below are a summary to be replaced by the official ones. */
  summary: boolean;
  conditions: Record<ToleranceCondition, PolicyClause>;
  exclusions: Record<ToleranceExclusion, PolicyClause>;
  /** The three distinctions, recorded with written reasons. */
  distinctions: PolicyClause;
  outcomes: Record<ToleranceOutcome, PolicyClause>;
  /**
   * 从轻或者减轻 when every condition holds except timely correction, and the mistake was corrected
   * (or the loss recovered) late; false: late correction is simply unmet (不予容错).
   */
  lateCorrectionMitigates: boolean;
  /** An accepted 事前备案 of the measure shows the cause (the legal gap was identified in advance). */
  preRegistrationShowsCause: boolean;
  /** "同类过错已被容错": tolerance granted for the same kind within this period before the fault. */
  repeatWithin: Period;
  /** "同类": same catalogue item or same category. */
  sameKindBy: 'item' | 'category';
  /** 事前备案: the initial review (初审) is due within this period of the registration. */
  preRegistrationReview: Deadline;
  /** 事前备案: the provision on registering an exploratory measure and its initial review. */
  preRegistration: PolicyClause;
  /** 容错申请: may be made after the accountability decision within this period of its service. */
  applyAfterDecision: Deadline;
  /** 容错申请: decided within this period of acceptance. */
  decideWithin: Deadline;
}
