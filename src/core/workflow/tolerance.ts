// 容错申请 (a tolerance application) as a procedure of the engine. The officer concerned, or the
// legal office of the agency, applies for one person of an accountability case — during the case
// (after the findings name the person, before the decision) or within the city policy's period
// after the decision is served. The supervision office accepts it (or declines it with reasons);
// the case's investigators verify each condition and each exclusion of the negative list with
// evidence, which gives the policy's assessment; a collective discussion of the office decides —
// never more lenient than the assessment — and records the distinction (三个区分开来) with written
// reasons. The decision issues 《容错免责认定书》, 《容错从轻减轻认定书》 or 《不予容错决定书》; an
// exempt or mitigated person's case follows it (tolerance/effect.ts).
import type { Calendar } from '../calendar/calendar.js';
import type { Deadline } from '../rulebook/packs/types.js';
import type { ToleranceFacts } from '../tolerance/assess.js';
import {
  TOLERANCE_CONDITIONS,
  TOLERANCE_EXCLUSIONS,
  TOLERANCE_OUTCOME_LABELS,
  type ToleranceOutcome,
} from '../tolerance/policy.js';
import { type CaseState, type CollectiveDiscussion, collectiveDiscussionProblems, dueDate } from './case.js';
import { defineProcedure, type Problems, problem } from './engine.js';

export const TOLERANCE_STATES = [
  'submitted',
  'declined',
  'verifying',
  'verified',
  'decided',
  'withdrawn',
] as const;
export type ToleranceState = (typeof TOLERANCE_STATES)[number];

export const TOLERANCE_STATE_LABELS: Record<ToleranceState, string> = {
  submitted: '待受理',
  declined: '不予受理',
  verifying: '核实中',
  verified: '已核实',
  decided: '已决定',
  withdrawn: '已撤回',
};

/** Who applied: the officer concerned, or the legal office of the agency for its officer. */
export const TOLERANCE_APPLICANT_KINDS = ['officer', 'agency'] as const;
export type ToleranceApplicantKind = (typeof TOLERANCE_APPLICANT_KINDS)[number];
export const TOLERANCE_APPLICANT_LABELS: Record<ToleranceApplicantKind, string> = {
  officer: '本人申请',
  agency: '所在机关申请',
};

/** The documents a decision issues, one per outcome. */
export const TOLERANCE_DOCUMENT_KINDS = [
  'tolerance_exempt',
  'tolerance_mitigate',
  'tolerance_reject',
] as const;
export type ToleranceDocumentKind = (typeof TOLERANCE_DOCUMENT_KINDS)[number];
export const TOLERANCE_DOCUMENT_TITLES: Record<ToleranceDocumentKind, string> = {
  tolerance_exempt: '容错免责认定书',
  tolerance_mitigate: '容错从轻减轻认定书',
  tolerance_reject: '不予容错决定书',
};
export const documentOfOutcome = (o: ToleranceOutcome): ToleranceDocumentKind => `tolerance_${o}`;

/**
 * The supervision office of the case's region accepts and decides; the case's investigators
 * verify; the applicant (the officer, or the agency's legal office) may withdraw.
 */
export type ToleranceActor = 'office' | 'investigator' | 'applicant';

/** What the investigators found for one condition or exclusion, and on what evidence. */
export type VerificationEvidence = Partial<Record<string, string>>;

export interface ToleranceSnapshot {
  state: ToleranceState;
  acceptedOn: string | null;
  /** The policy's outcome on the verified facts (null until verified). */
  assessed: ToleranceOutcome | null;
}

export interface ToleranceContext {
  today: string;
  calendar: Calendar;
  /** The city policy's period to decide, from acceptance. */
  decideWithin: Deadline;
}

export interface ToleranceInputs {
  accept: { opinion: string };
  decline: { reason: string };
  verify: { facts: ToleranceFacts; evidence: VerificationEvidence; note?: string };
  decide: {
    outcome: ToleranceOutcome;
    opinion: string;
    /** 三个区分开来: why the facts fall on this side, in writing. */
    distinctionReasons: string;
    collective: CollectiveDiscussion;
  };
  withdraw: { reason: string };
}
export type ToleranceAction = keyof ToleranceInputs;

/** Every condition and every exclusion is verified against evidence, in writing. */
export const VERIFIED_ITEMS = [...TOLERANCE_CONDITIONS, ...TOLERANCE_EXCLUSIONS] as const;

const text =
  <I>(field: keyof I & string, label: string, min = 1) =>
  (_s: ToleranceSnapshot, input: I): Problems =>
    typeof input[field] === 'string' && (input[field] as string).trim().length >= min
      ? []
      : problem(field, min > 1 ? `须写明${label}（至少 ${min} 字）` : `须填写${label}`);

/** Outcomes from most to least lenient: a decision may be stricter than the assessment, never more lenient. */
const LENIENCY: readonly ToleranceOutcome[] = ['exempt', 'mitigate', 'reject'];

export const TOLERANCE_PROCEDURE = defineProcedure<
  ToleranceState,
  ToleranceSnapshot,
  ToleranceInputs,
  ToleranceActor,
  ToleranceContext,
  ToleranceDocumentKind
>({
  name: 'tolerance',
  noun: '容错申请',
  states: TOLERANCE_STATES,
  stateLabels: TOLERANCE_STATE_LABELS,
  actions: {
    accept: {
      from: ['submitted'],
      to: 'verifying',
      by: ['office'],
      label: '受理',
      guards: [text('opinion', '受理意见')],
    },
    decline: {
      from: ['submitted'],
      to: 'declined',
      by: ['office'],
      label: '不予受理',
      guards: [text('reason', '不予受理的理由', 4)],
    },
    verify: {
      from: ['verifying', 'verified'],
      to: 'verified',
      by: ['investigator'],
      label: '核实容错条件',
      guards: [
        (_s, i) =>
          VERIFIED_ITEMS.flatMap((id) =>
            (i.evidence[id] ?? '').trim().length >= 2
              ? []
              : problem(`evidence.${id}`, '须写明核实所依据的证据'),
          ),
      ],
      audit: (i) => ({ facts: i.facts }),
    },
    decide: {
      from: ['verified'],
      to: 'decided',
      by: ['office'],
      label: '集体讨论决定',
      issues: (_s, i) => [documentOfOutcome(i.outcome)],
      guards: [
        text('opinion', '决定意见'),
        text('distinctionReasons', '三个区分开来的认定理由', 10),
        (s, i) =>
          s.assessed !== null && LENIENCY.indexOf(i.outcome) < LENIENCY.indexOf(s.assessed)
            ? problem(
                'outcome',
                `核实的事实只支持“${TOLERANCE_OUTCOME_LABELS[s.assessed]}”，不能作出更宽的“${TOLERANCE_OUTCOME_LABELS[i.outcome]}”决定`,
              )
            : [],
        (_s, i, ctx) => collectiveDiscussionProblems(i.collective, ctx.today),
      ],
      audit: (i) => ({ outcome: i.outcome, opinion: i.opinion }),
    },
    withdraw: {
      from: ['submitted', 'verifying', 'verified'],
      to: 'withdrawn',
      by: ['applicant'],
      label: '撤回申请',
      guards: [text('reason', '撤回理由')],
    },
  },
});

/** When the decision is due: the policy's period from acceptance (null before acceptance). */
export function toleranceDecisionDue(s: ToleranceSnapshot, ctx: ToleranceContext): string | null {
  return s.acceptedOn ? dueDate(ctx.calendar, s.acceptedOn, ctx.decideWithin) : null;
}

/** The case states in which a person may apply during the case: findings recorded, no decision yet. */
export const APPLY_DURING: readonly CaseState[] = ['findings', 'statement', 'proposed'];
/** After the decision: within the policy's period of service (or of the decision, if not yet served). */
export const APPLY_AFTER: readonly CaseState[] = ['decided', 'served', 'executed', 'closed'];

/** May one apply now for a person of this case? Problems naming `caseId` when not. */
export function applicationWindowProblems(
  c: { state: CaseState; decisionOn: string | null; servedOn: string | null },
  within: Deadline,
  calendar: Calendar,
  today: string,
): Problems {
  if (APPLY_DURING.includes(c.state)) return [];
  if (APPLY_AFTER.includes(c.state)) {
    const from = c.servedOn ?? c.decisionOn;
    if (!from) return [];
    const until = dueDate(calendar, from, within);
    return today > until
      ? problem('caseId', `处理决定${c.servedOn ? '送达' : '作出'}后的容错申请期限已于 ${until} 届满`)
      : [];
  }
  return problem('caseId', '案件尚未认定事实，认定事实后（作出处理决定前）方可申请容错');
}
