// The accountability case (过错责任追究案件) as a transition table. Every action names the
// states it may start from, the state it leads to (null: stays), who may take it, and its
// guards. Guards are pure: they read the case snapshot, the input, the rule pack's procedure
// parameters and the working-day calendar, and return problems naming the field. The store
// and server only persist and expose what this table allows.
//
// Process (DOMAIN.md §5, the paper's 立案 → 取证 → 审批定案 → 送达 → 执行 → 结案):
//   registered → accepted | declined
//   accepted → investigating (≥ minInvestigators, none recused)
//   investigating → findings (determination by the rulebook; overrides need a reason)
//   findings → statement (陈述申辩; the persons are told, a period runs)
//   statement → proposed (审批定案: the investigators propose the decision and each liable
//     person's sanction — every liable person heard or the period expired; hearings held)
//   proposed → decided (the office's head approves, or a collective discussion decides where the
//     pack requires it); proposed → findings (returned to the investigators)
//   decided → served → executed → closed; not pursued or exempt: served → closed
//   an appeal (申诉) within the pack's period after service goes to the relief panel (appeal.ts),
//   not to the office that decided; the case cannot close while it is open; the decision stands

import type { Calendar } from '../calendar/calendar.js';
import { addWorkingDays } from '../calendar/calendar.js';
import { addDays } from '../calendar/day-number.js';
import type { AppealOutcome } from '../relief/vote.js';
import type { Deadline, ProcedureParams } from '../rulebook/packs/types.js';
import { type Referral, SANCTION_FORMS, type SanctionForm } from '../rulebook/types.js';
import { SANCTION_FORM_LABELS } from '../rulebook/vocabulary.js';
import type { CaseDocumentKind } from './case-documents.js';
import {
  type ActionSpec,
  type Availability,
  actionAvailability,
  checkAction,
  defineProcedure,
  type Problems,
  problem,
} from './engine.js';

export const CASE_STATES = [
  'registered',
  'accepted',
  'declined',
  'investigating',
  'findings',
  'statement',
  'proposed',
  'decided',
  'served',
  'executed',
  'closed',
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const DECISION_KINDS = ['pursue', 'not_pursue', 'exempt', 'refer'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

/** Who takes an action: the supervision office's head, an assigned investigator, or the person concerned. */
export type CaseActor = 'supervisor' | 'investigator' | 'subject';

export interface CasePerson {
  /** Officer id, as in the determination request. */
  id: string;
  liable: boolean;
  statement: { on: string } | null;
  waived: boolean;
  hearingRequested: boolean;
  hearingHeld: boolean;
  /** The rulebook found a suspected breach of discipline or a crime: the decision refers the person. */
  suspected?: boolean;
  /** The rulebook's sanction forms for the person (Art. 24) and the one it recommends. */
  sanctions?: { forms: readonly SanctionForm[]; recommended: SanctionForm } | null;
  /** A tolerance decided for the person (容错): exempt → not pursued; mitigate → `sanctions` already lightened. */
  tolerance?: 'exempt' | 'mitigate' | null;
}

/** 审批定案: what the investigators propose — the decision and each liable person's sanction. */
export interface CaseProposal {
  kind: DecisionKind;
  sanctions: readonly { personId: string; form: SanctionForm }[];
}

export interface CaseSnapshot {
  state: CaseState;
  registeredOn: string;
  acceptedOn: string | null;
  investigators: { userId: string; recused: boolean }[];
  investigationStartedOn: string | null;
  /** Working days added to the investigation by approved extensions. */
  extensions: { days: number }[];
  findingsRecorded: boolean;
  statementNoticeOn: string | null;
  persons: CasePerson[];
  /** The proposal awaiting approval (state `proposed`), or the one the decision adopted. */
  proposal: CaseProposal | null;
  decision: { kind: DecisionKind; on: string } | null;
  servedOn: string | null;
  /** The appeal (申诉) before the relief panel, as the case sees it: when its decision is due. */
  appeal: {
    filedOn: string;
    by: string;
    result: AppealOutcome | null;
    reviewedOn: string | null;
    dueOn: string | null;
  } | null;
  /** The agency's appeal against its Art. 25 measures is open before the relief panel. */
  agencyAppealOpen: boolean;
}

export interface CaseProcedure extends ProcedureParams {
  /** Period for the statement and defence after notice. */
  statementWithin?: Deadline;
}

export interface GuardContext {
  today: string;
  calendar: Calendar;
  procedure: CaseProcedure;
  /** The acting user's id, and the officer id if the actor is an officer. */
  actorUserId: string;
  actorOfficerId: string | null;
}

export type { Problems };

type ActionDef<I> = ActionSpec<CaseState, CaseSnapshot, I, CaseActor, GuardContext, CaseDocumentKind>;

// --- inputs ----------------------------------------------------------------------------

export interface CaseInputs {
  accept: { opinion: string };
  decline: { reason: string };
  assign_investigators: { userIds: string[] };
  recuse: { userId: string; reason: string };
  start_investigation: Record<string, never>;
  extend_investigation: { days: number; reason: string; approvedBy: string };
  record_findings: { overrides: { personId: string; reason: string }[] };
  notify_statement: Record<string, never>;
  record_statement: { personId: string; text: string; hearingRequested?: boolean };
  waive_statement: { personId: string; reason: string };
  hold_hearing: { personId: string; heldOn: string; summary: string };
  propose_decision: {
    kind: DecisionKind;
    reasons: string;
    /** Each liable person's sanction when pursued; a form other than the recommended one needs a reason. */
    sanctions: { personId: string; form: SanctionForm; reason?: string }[];
    /** The registered organ (id) each kind of referral goes to; default: the region's usual one. */
    organs?: Partial<Record<Referral, string>>;
  };
  decide: { opinion: string; collective?: CollectiveDiscussion };
  return_proposal: { reason: string };
  serve: { servedOn: string; recipient: string; method: string };
  execute: { note: string };
  close: { note?: string };
}
export type CaseAction = keyof CaseInputs;

/** 集体讨论: the meeting that decided a proposal (where the pack requires one). */
export interface CollectiveDiscussion {
  meetingOn: string;
  /** Names (and titles) of those present. */
  attendees: string[];
  votesFor: number;
  votesAgainst: number;
  votesAbstain: number;
  minutes: string;
}

// --- guards ----------------------------------------------------------------------------

const required =
  <I>(field: keyof I & string, label: string) =>
  (_s: CaseSnapshot, input: I): Problems =>
    typeof input[field] === 'string' && (input[field] as string).trim().length > 0
      ? []
      : problem(field, `须填写${label}`);

const activeInvestigators = (s: CaseSnapshot) => s.investigators.filter((i) => !i.recused);

/** The date a deadline falls on, counted from `start` (the start day itself not counted). */
export function dueDate(cal: Calendar, start: string, d: Deadline): string {
  return d.unit === 'working_day' ? addWorkingDays(cal, start, d.days) : addDays(start, d.days);
}

const DEFAULT_STATEMENT: Deadline = { days: 5, unit: 'working_day' };

function statementPeriodOver(s: CaseSnapshot, ctx: GuardContext): boolean {
  if (!s.statementNoticeOn) return false;
  return (
    ctx.today > dueDate(ctx.calendar, s.statementNoticeOn, ctx.procedure.statementWithin ?? DEFAULT_STATEMENT)
  );
}

/** The heaviest sanction of a proposal needs a collective discussion under the pack. */
export function collectiveDiscussionNeeded(
  proposal: { sanctions: readonly { form: SanctionForm }[] } | null,
  procedure: Pick<ProcedureParams, 'collectiveDiscussionFrom'>,
): SanctionForm | null {
  const from = procedure.collectiveDiscussionFrom;
  if (!proposal || from === null || from === undefined) return null;
  const rung = SANCTION_FORMS.indexOf(from);
  const heavy = proposal.sanctions
    .map((x) => x.form)
    .filter((f) => SANCTION_FORMS.indexOf(f) >= rung)
    .sort((a, b) => SANCTION_FORMS.indexOf(b) - SANCTION_FORMS.indexOf(a));
  return heavy[0] ?? null;
}

function proposalGuards(s: CaseSnapshot, i: CaseInputs['propose_decision']): Problems {
  const out: Problems = [];
  // A person exempted by a tolerance decision (容错免责) is not pursued.
  const liable = s.persons.filter((p) => p.liable && p.tolerance !== 'exempt');
  if (i.kind === 'pursue' && liable.length === 0)
    return problem(
      'kind',
      s.persons.some((p) => p.liable)
        ? '应追究责任的人员均已容错免责，不能作出追究决定'
        : '认定结论中无应追究责任的人员，不能作出追究决定',
    );
  i.sanctions.forEach((x, k) => {
    const p = s.persons.find((q) => q.id === x.personId);
    if (p?.liable && p.tolerance === 'exempt')
      out.push(...problem(`sanctions[${k}].personId`, `${x.personId} 已容错免责，不予追究`));
    else if (!p?.liable)
      out.push(...problem(`sanctions[${k}].personId`, `${x.personId} 不是应追究责任的人员`));
    else if (i.sanctions.findIndex((y) => y.personId === x.personId) !== k)
      out.push(...problem(`sanctions[${k}].personId`, `${x.personId} 的处理重复`));
    else if (p.sanctions && !p.sanctions.forms.includes(x.form))
      out.push(...problem(`sanctions[${k}].form`, '所选追究形式不在认定结论适用的范围内'));
    else if (p.sanctions && x.form !== p.sanctions.recommended && (x.reason ?? '').trim().length < 4)
      out.push(...problem(`sanctions[${k}].reason`, '所选追究形式与量责建议不同，须写明理由（至少 4 字）'));
  });
  if (i.kind === 'pursue')
    liable.forEach((p) => {
      if (!i.sanctions.some((x) => x.personId === p.id))
        out.push(...problem('sanctions', `须为 ${p.id} 选定追究形式`));
    });
  else if (i.sanctions.length > 0) out.push(...problem('sanctions', '只有追究责任的决定才选定追究形式'));
  return out;
}

/** A collective discussion's record: held by today, ≥ 3 present, a majority of those present for, minutes. */
export function collectiveDiscussionProblems(c: CollectiveDiscussion, today: string): Problems {
  const attendees = c.attendees.map((a) => a.trim()).filter(Boolean);
  const votes = [c.votesFor, c.votesAgainst, c.votesAbstain];
  return [
    ...(c.meetingOn > today ? problem('collective.meetingOn', '会议日期不得晚于今天') : []),
    ...(attendees.length < 3 ? problem('collective.attendees', '集体讨论出席人员不得少于 3 人') : []),
    ...(new Set(attendees).size !== attendees.length ? problem('collective.attendees', '出席人员重复') : []),
    ...(votes.some((v) => !Number.isInteger(v) || v < 0)
      ? problem('collective.votesFor', '票数须为非负整数')
      : votes.reduce((a, b) => a + b, 0) > attendees.length
        ? problem('collective.votesFor', `表决票数合计不得超过出席人数（${attendees.length} 人）`)
        : c.votesFor * 2 <= attendees.length
          ? problem('collective.votesFor', '赞成票未超过出席人数的半数，不能作出决定；可退回重拟')
          : []),
    ...(c.minutes.trim().length === 0 ? problem('collective.minutes', '须填写会议纪要') : []),
  ];
}

function appealPending(s: CaseSnapshot): boolean {
  return s.appeal !== null && s.appeal.result === null;
}

const CASE_ACTION_SPECS: { [A in CaseAction]: ActionDef<CaseInputs[A]> } = {
  accept: {
    from: ['registered'],
    to: 'accepted',
    by: ['supervisor'],
    label: '立案',
    guards: [required('opinion', '立案意见')],
    issues: ['acceptance_form'],
  },
  decline: {
    from: ['registered'],
    to: 'declined',
    by: ['supervisor'],
    label: '不予立案',
    guards: [required('reason', '不予立案理由')],
    issues: ['decline_notice'],
  },
  assign_investigators: {
    from: ['accepted', 'investigating', 'findings'],
    to: null,
    by: ['supervisor'],
    label: '指派调查人员',
    guards: [
      (_s, i) => (i.userIds.length === 0 ? problem('userIds', '至少指派一名调查人员') : []),
      (_s, i) => (new Set(i.userIds).size !== i.userIds.length ? problem('userIds', '调查人员重复') : []),
    ],
  },
  recuse: {
    from: ['accepted', 'investigating', 'findings', 'statement'],
    to: null,
    by: ['supervisor', 'investigator'],
    label: '回避',
    guards: [
      required('reason', '回避理由'),
      (s, i) =>
        s.investigators.some((x) => x.userId === i.userId && !x.recused)
          ? []
          : problem('userId', '该人员不是本案在任调查人员'),
    ],
  },
  start_investigation: {
    from: ['accepted'],
    to: 'investigating',
    by: ['supervisor'],
    label: '开始调查',
    guards: [],
    pre: [
      (s, ctx) =>
        activeInvestigators(s).length >= ctx.procedure.minInvestigators
          ? []
          : problem('investigators', `调查人员不得少于 ${ctx.procedure.minInvestigators} 人（回避者不计）`),
    ],
  },
  extend_investigation: {
    from: ['investigating'],
    to: null,
    by: ['supervisor'],
    label: '延长调查期限',
    pre: [
      (s, ctx) =>
        s.extensions.length >= ctx.procedure.maxExtensions
          ? problem('days', `调查期限最多延长 ${ctx.procedure.maxExtensions} 次`)
          : [],
    ],
    guards: [
      required('reason', '延期理由'),
      required('approvedBy', '批准人'),
      (_s, i, ctx) =>
        Number.isInteger(i.days) && i.days >= 1 && i.days <= ctx.procedure.extension.days
          ? []
          : problem('days', `每次延长不得超过 ${deadlineWords(ctx.procedure.extension)}`),
    ],
  },
  record_findings: {
    from: ['investigating', 'findings'],
    to: 'findings',
    by: ['investigator'],
    label: '认定事实与责任',
    issues: ['investigation_report'],
    guards: [
      (_s, i) =>
        i.overrides.flatMap((o, k) =>
          o.reason.trim().length < 4
            ? problem(`overrides[${k}].reason`, '改变认定结论须写明理由（至少 4 字）')
            : [],
        ),
      (s) => (s.persons.length === 0 ? problem('facts.people', '认定须至少涉及一名人员') : []),
    ],
  },
  notify_statement: {
    from: ['findings'],
    to: 'statement',
    by: ['investigator', 'supervisor'],
    label: '告知陈述申辩',
    guards: [],
    pre: [(s) => (s.findingsRecorded ? [] : problem('findings', '尚未作出认定'))],
  },
  record_statement: {
    from: ['statement'],
    to: null,
    by: ['subject', 'investigator'],
    label: '陈述申辩',
    guards: [
      required('text', '陈述申辩内容'),
      (s, i) =>
        s.persons.some((p) => p.id === i.personId) ? [] : problem('personId', '该人员不是本案当事人'),
      (_s, i, ctx) =>
        ctx.actorOfficerId !== null && ctx.actorOfficerId !== i.personId
          ? problem('personId', '只能为本人陈述申辩')
          : [],
    ],
  },
  waive_statement: {
    from: ['statement'],
    to: null,
    by: ['subject', 'investigator'],
    label: '放弃陈述申辩',
    guards: [
      required('reason', '说明'),
      (s, i) =>
        s.persons.some((p) => p.id === i.personId) ? [] : problem('personId', '该人员不是本案当事人'),
      (_s, i, ctx) =>
        ctx.actorOfficerId !== null && ctx.actorOfficerId !== i.personId
          ? problem('personId', '只能本人放弃')
          : [],
    ],
  },
  hold_hearing: {
    from: ['statement'],
    to: null,
    by: ['investigator'],
    label: '举行听证',
    guards: [
      required('summary', '听证笔录摘要'),
      (s, i) =>
        s.persons.some((p) => p.id === i.personId && p.hearingRequested)
          ? []
          : problem('personId', '该人员未申请听证'),
      (_s, i, ctx) => (i.heldOn > ctx.today ? problem('heldOn', '听证日期不得晚于今天') : []),
    ],
  },
  propose_decision: {
    from: ['statement', 'findings'],
    to: 'proposed',
    by: ['investigator'],
    label: '提出处理意见',
    pre: [
      (s, ctx) =>
        s.state === 'findings' && ctx.procedure.hearDefenceBeforeDecision
          ? problem('state', '作出决定前须听取当事人的陈述和申辩')
          : [],
      (s, ctx) => {
        if (s.state !== 'statement') return [];
        const over = statementPeriodOver(s, ctx);
        return s.persons.flatMap((p, k) =>
          p.liable && !p.statement && !p.waived && !over
            ? problem(`persons[${k}]`, `尚未听取 ${p.id} 的陈述申辩，且陈述申辩期限未满`)
            : [],
        );
      },
      (s) =>
        s.persons.flatMap((p, k) =>
          p.hearingRequested && !p.hearingHeld
            ? problem(`persons[${k}]`, `${p.id} 申请了听证，尚未举行`)
            : [],
        ),
    ],
    guards: [required('reasons', '处理意见及理由'), proposalGuards],
  },
  decide: {
    from: ['proposed'],
    to: 'decided',
    by: ['supervisor'],
    label: '审批决定',
    // A referral letter goes with the decision that refers someone (移送函).
    issues: (s) =>
      s.proposal?.kind === 'refer' || s.persons.some((p) => p.liable && p.suspected)
        ? ['decision', 'referral_letter']
        : ['decision'],
    guards: [
      required('opinion', '审批意见'),
      (s, i, ctx) => {
        const heavy = collectiveDiscussionNeeded(s.proposal, ctx.procedure);
        if (!i.collective)
          return heavy ? problem('collective', `拟给予${SANCTION_FORM_LABELS[heavy]}，须经集体讨论决定`) : [];
        return collectiveDiscussionProblems(i.collective, ctx.today);
      },
    ],
  },
  return_proposal: {
    from: ['proposed'],
    to: 'findings',
    by: ['supervisor'],
    label: '退回重拟',
    guards: [required('reason', '退回理由')],
  },
  serve: {
    from: ['decided'],
    to: 'served',
    by: ['supervisor', 'investigator'],
    label: '送达',
    issues: ['service_receipt'],
    guards: [
      required('recipient', '受送达人'),
      required('method', '送达方式'),
      (s, i, ctx) =>
        i.servedOn > ctx.today
          ? problem('servedOn', '送达日期不得晚于今天')
          : s.decision && i.servedOn < s.decision.on
            ? problem('servedOn', '送达日期不得早于决定日期')
            : [],
    ],
  },
  execute: {
    from: ['served'],
    to: 'executed',
    by: ['supervisor'],
    label: '执行',
    guards: [required('note', '执行情况')],
    pre: [
      (s) =>
        s.decision && (s.decision.kind === 'not_pursue' || s.decision.kind === 'exempt')
          ? problem('kind', '不予追究或免责的决定无须执行，可直接结案')
          : [],
      (s, ctx) =>
        appealPending(s) && !ctx.procedure.decisionStandsDuringAppeal
          ? problem('appeal', '申诉期间暂停执行')
          : [],
      (s) => (s.appeal?.result === 'revoked' ? problem('appeal', '决定已在复核中撤销') : []),
    ],
  },
  close: {
    from: ['executed', 'served', 'declined'],
    to: 'closed',
    by: ['supervisor'],
    label: '结案',
    guards: [],
    pre: [
      (s) =>
        s.state === 'served' &&
        s.decision &&
        (s.decision.kind === 'pursue' || s.decision.kind === 'refer') &&
        s.appeal?.result !== 'revoked'
          ? problem('state', '追究决定须执行后方可结案')
          : [],
      (s) =>
        appealPending(s) || s.agencyAppealOpen ? problem('appeal', '申诉尚未作出处理决定，不能结案') : [],
      (s, ctx) =>
        s.servedOn && !s.appeal && ctx.today <= dueDate(ctx.calendar, s.servedOn, ctx.procedure.appealWithin)
          ? problem('appeal', `申诉期限（送达后 ${deadlineWords(ctx.procedure.appealWithin)}）未满`)
          : [],
    ],
  },
};

export function unitLabel(d: Deadline): string {
  return d.unit === 'working_day' ? '工作日' : '日';
}

/** The counter and unit as a period is said: 个工作日, or 日 (no 个 before calendar days). */
export function unitWords(d: Pick<Deadline, 'unit'>): string {
  return d.unit === 'working_day' ? '个工作日' : '日';
}

/** A period in words: 30 个工作日, 15 日. */
export function deadlineWords(d: Deadline): string {
  return `${d.days} ${unitWords(d)}`;
}

export interface TransitionResult {
  ok: boolean;
  problems: Problems;
  next: CaseState;
}

/** Check an action: its start state, its actor kind, and every guard. Pure. */
export function checkTransition<A extends CaseAction>(
  s: CaseSnapshot,
  action: A,
  input: CaseInputs[A],
  actorKinds: readonly CaseActor[],
  ctx: GuardContext,
): TransitionResult {
  const { ok, problems, next } = checkAction(CASE_PROCEDURE, s, action, input, actorKinds, ctx);
  return { ok, problems, next };
}

/** Each action the actor kinds may take in a case, available now or not and why not. */
export function caseActionAvailability(
  s: CaseSnapshot,
  actorKinds: readonly CaseActor[],
  ctx: GuardContext,
): Availability<CaseAction>[] {
  return actionAvailability(CASE_PROCEDURE, s, actorKinds, ctx);
}

/**
 * The actions an actor could take now: start state, actor kind and, given a context, the
 * preconditions that need no input (so an action sure to fail is not offered).
 */
export function availableActions(
  s: CaseSnapshot,
  actorKinds: readonly CaseActor[],
  ctx?: GuardContext,
): CaseAction[] {
  return (Object.keys(CASE_ACTIONS) as CaseAction[]).filter((a) => {
    const def: ActionDef<never> = CASE_ACTIONS[a];
    if (!def.from.includes(s.state) || !def.by.some((b) => actorKinds.includes(b))) return false;
    return !ctx || (def.pre ?? []).every((g) => g(s, ctx).length === 0);
  });
}

export const STATE_LABELS: Record<CaseState, string> = {
  registered: '已登记',
  accepted: '已立案',
  declined: '不予立案',
  investigating: '调查中',
  findings: '已认定',
  statement: '陈述申辩',
  proposed: '待审批',
  decided: '已决定',
  served: '已送达',
  executed: '已执行',
  closed: '已结案',
};

export const DECISION_LABELS: Record<DecisionKind, string> = {
  pursue: '追究责任',
  not_pursue: '不予追究',
  exempt: '免予追究（不承担责任）',
  refer: '移送有关机关处理',
};

/** The accountability case as a procedure of the engine. */
export const CASE_PROCEDURE = defineProcedure<
  CaseState,
  CaseSnapshot,
  CaseInputs,
  CaseActor,
  GuardContext,
  CaseDocumentKind
>({
  name: 'case',
  noun: '案件',
  states: CASE_STATES,
  stateLabels: STATE_LABELS,
  actions: CASE_ACTION_SPECS,
});

export const CASE_ACTIONS = CASE_PROCEDURE.actions;
