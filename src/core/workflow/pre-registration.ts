// 事前备案 (pre-registration of an exploratory measure) as a procedure of the engine. Before
// acting, an agency's legal office or an officer registers a measure that the law or policy does
// not yet provide for: what it is, why, the legal gap, the risks and the safeguards. The
// supervision office of the registration's region makes the initial review (初审) within the
// period of the city's tolerance policy (A市: one working day; 昆明《容错报备办法（试行）》2023): it
// accepts the registration with an opinion, issuing the 《报备容错受理决定书》, or returns it with
// its reasons. A returned registration may be amended and submitted again (the period starts
// again) or withdrawn; a registration awaiting review may be withdrawn.
//
// The number (`A市报备〔2026〕3号`: the region's name, 报备, the year of registration in 〔〕, the
// sequence within the region and year) is given at registration and never changes. A tolerance
// application cites an ACCEPTED registration by it (`facts.preRegistered`).
import type { Calendar } from '../calendar/calendar.js';
import { coversSpan, workingDaysBetween } from '../calendar/calendar.js';
import type { Deadline } from '../rulebook/packs/types.js';
import type { PolicyClause } from '../tolerance/policy.js';
import { deadlineWords, dueDate } from './case.js';
import { NEAR_WORKING_DAYS } from './deadlines.js';
import { actionAvailability, checkAction, defineProcedure, type Problems, problem } from './engine.js';

export const PRE_REGISTRATION_STATES = ['submitted', 'accepted', 'returned', 'withdrawn'] as const;
export type PreRegistrationState = (typeof PRE_REGISTRATION_STATES)[number];

export const PRE_REGISTRATION_STATE_LABELS: Record<PreRegistrationState, string> = {
  submitted: '待初审',
  accepted: '已受理',
  returned: '已退回',
  withdrawn: '已撤回',
};

/** The documents the review issues. */
export const PRE_REGISTRATION_DOCUMENT_KINDS = ['acceptance_decision', 'return_notice'] as const;
export type PreRegistrationDocumentKind = (typeof PRE_REGISTRATION_DOCUMENT_KINDS)[number];

export const PRE_REGISTRATION_DOCUMENT_TITLES: Readonly<Record<PreRegistrationDocumentKind, string>> = {
  acceptance_decision: '报备容错受理决定书',
  return_notice: '报备容错退回通知书',
};

/**
 * Who acts: the supervision office of the registration's region reviews; the registrant (the
 * agency's legal office, or the officer the registration names) withdraws or amends it.
 */
export type PreRegistrationActor = 'office' | 'registrant';

/** The measure as registered (and as amended on resubmission). */
export interface MeasureContent {
  /** 拟采取的探索性措施 */
  title: string;
  /** 措施内容 */
  measure: string;
  /** 理由（为什么要做） */
  reason: string;
  /** 法律、政策空白 */
  legalGap: string;
  /** 可能的风险 */
  risks: string;
  /** 防范措施 */
  safeguards: string;
  /** 拟实施日期 */
  plannedFrom: string;
}

export const MEASURE_FIELDS = [
  'title',
  'measure',
  'reason',
  'legalGap',
  'risks',
  'safeguards',
  'plannedFrom',
] as const satisfies readonly (keyof MeasureContent)[];

export const MEASURE_FIELD_LABELS: Record<keyof MeasureContent, string> = {
  title: '措施名称',
  measure: '措施内容',
  reason: '报备理由',
  legalGap: '法律政策空白',
  risks: '可能的风险',
  safeguards: '防范措施',
  plannedFrom: '拟实施日期',
};

export interface PreRegistrationSnapshot {
  state: PreRegistrationState;
  /** The day the registration was (last) submitted: the initial review's period runs from it. */
  submittedOn: string;
}

export interface PreRegistrationContext {
  today: string;
}

export interface PreRegistrationInputs {
  accept: { opinion: string };
  return: { reasons: string };
  withdraw: { reason?: string };
  resubmit: MeasureContent & { note?: string };
}
export type PreRegistrationAction = keyof PreRegistrationInputs;

const atLeast =
  <I>(field: keyof I & string, n: number, what: string) =>
  (_s: PreRegistrationSnapshot, input: I): Problems => {
    const v = input[field];
    return typeof v === 'string' && [...v.trim()].length >= n
      ? []
      : problem(field, `请写明${what}（至少 ${n} 字）`);
  };

/**
 * The content of a registration: every part written, and the measure not yet begun — a
 * registration comes before acting (事前), so its planned start is not before the day it is made.
 */
export function checkMeasure(m: MeasureContent, today: string): Problems {
  const out: Problems = [];
  for (const f of MEASURE_FIELDS) {
    if (f === 'plannedFrom') continue;
    if ([...m[f].trim()].length < 2) out.push(...problem(f, `请填写${MEASURE_FIELD_LABELS[f]}（至少 2 字）`));
  }
  if (m.plannedFrom < today)
    out.push(...problem('plannedFrom', `事前备案应在实施前提出：拟实施日期不能早于报备日（${today}）`));
  return out;
}

export const PRE_REGISTRATION_PROCEDURE = defineProcedure<
  PreRegistrationState,
  PreRegistrationSnapshot,
  PreRegistrationInputs,
  PreRegistrationActor,
  PreRegistrationContext,
  PreRegistrationDocumentKind
>({
  name: 'pre_registration',
  noun: '报备',
  states: PRE_REGISTRATION_STATES,
  stateLabels: PRE_REGISTRATION_STATE_LABELS,
  actions: {
    accept: {
      from: ['submitted'],
      to: 'accepted',
      by: ['office'],
      label: '受理',
      guards: [atLeast('opinion', 2, '初审意见')],
      issues: ['acceptance_decision'],
      audit: (i) => ({ opinion: i.opinion }),
    },
    return: {
      from: ['submitted'],
      to: 'returned',
      by: ['office'],
      label: '退回',
      guards: [atLeast('reasons', 4, '退回理由')],
      issues: ['return_notice'],
      audit: (i) => ({ reasons: i.reasons }),
    },
    withdraw: {
      from: ['submitted', 'returned'],
      to: 'withdrawn',
      by: ['registrant'],
      label: '撤回',
      guards: [],
      audit: (i) => (i.reason ? { reason: i.reason } : {}),
    },
    resubmit: {
      from: ['returned'],
      to: 'submitted',
      by: ['registrant'],
      label: '修改后重新报备',
      guards: [(_s, i, ctx) => checkMeasure(i, ctx.today)],
      audit: (i) => ({ title: i.title, plannedFrom: i.plannedFrom, ...(i.note ? { note: i.note } : {}) }),
    },
  },
});

export const PRE_REGISTRATION_ACTIONS = Object.keys(PRE_REGISTRATION_PROCEDURE.actions) as [
  PreRegistrationAction,
  ...PreRegistrationAction[],
];

export function preRegistrationAvailability(
  s: PreRegistrationSnapshot,
  kinds: readonly PreRegistrationActor[],
  ctx: PreRegistrationContext,
) {
  return actionAvailability(PRE_REGISTRATION_PROCEDURE, s, kinds, ctx);
}

export function checkPreRegistrationAction(
  s: PreRegistrationSnapshot,
  action: PreRegistrationAction,
  input: unknown,
  kinds: readonly PreRegistrationActor[],
  ctx: PreRegistrationContext,
) {
  return checkAction(PRE_REGISTRATION_PROCEDURE, s, action, input, kinds, ctx);
}

// --- the initial review's deadline ------------------------------------------------------

export type ReviewStatus = 'ok' | 'near' | 'overdue' | 'done';

export interface ReviewDeadline {
  label: string;
  startOn: string;
  dueOn: string;
  status: ReviewStatus;
  /** Where the period comes from: the pack, the policy's clause and the period. */
  source: string;
  param: 'tolerance.preRegistrationReview';
  /** The period runs into a year whose holiday schedule is not in the calendar. */
  provisional: boolean;
}

/** The policy's parts the review's deadline reads. */
export interface ReviewPolicy {
  preRegistrationReview: Deadline;
  preRegistration: PolicyClause;
}

/**
 * The initial review is due within the policy's period of the (last) submission, counted on the
 * working-day calendar (the day of submission not counted); done once the registration left
 * 待初审 (accepted, returned or withdrawn).
 */
export function reviewDeadline(
  s: PreRegistrationSnapshot,
  policy: ReviewPolicy,
  cal: Calendar,
  today: string,
  packLabel: string,
): ReviewDeadline {
  const period = policy.preRegistrationReview;
  const dueOn = dueDate(cal, s.submittedOn, period);
  const status: ReviewStatus =
    s.state !== 'submitted'
      ? 'done'
      : today > dueOn
        ? 'overdue'
        : workingDaysBetween(cal, today, dueOn) <= NEAR_WORKING_DAYS
          ? 'near'
          : 'ok';
  return {
    label: '初审',
    startOn: s.submittedOn,
    dueOn,
    status,
    source: `${packLabel} · ${policy.preRegistration.cite} · 初审期限：${deadlineWords(period)}`,
    param: 'tolerance.preRegistrationReview',
    provisional: !coversSpan(cal, s.submittedOn, dueOn),
  };
}

// --- the number ----------------------------------------------------------------------------

/** `A市报备〔2026〕3号`: the region's name, the year of registration, the sequence in both. */
export function preRegistrationNumber(regionName: string, year: number, seq: number): string {
  return `${regionName}报备〔${year}〕${seq}号`;
}

/** The parts of a number, or null when it is not one ('A市报备〔2026〕3号' → A市, 2026, 3). */
export function parsePreRegistrationNumber(
  number: string,
): { regionName: string; year: number; seq: number } | null {
  const m = /^(.+)报备〔(\d{4})〕([1-9]\d*)号$/.exec(number.trim());
  return m ? { regionName: m[1]!, year: Number(m[2]), seq: Number(m[3]) } : null;
}
