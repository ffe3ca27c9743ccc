// 申诉 (an officer's appeal against an accountability decision) as a procedure of the engine, heard
// by a panel drawn from the relief pool (relief/panel.ts) rather than by the office that decided.
// The appellant files in writing after service; the filing is always recorded — one filed out of
// time is rejected with a document that says why and how to go further, never silently refused.
// Someone who took no part in the original decision accepts it; the panel is drawn with a recorded
// seed; hearings are noticed to the appellant, who may be heard and bring a representative, and
// attendance is recorded per session; the vote opens once hearings are done and the eligible
// members make a quorum; votes stay sealed until the last is cast, which decides (relief/vote.ts).
// Execution is not suspended (申诉期间不停止执行, the case's decisionStandsDuringAppeal).
//
// The same register holds 复核 (`stage: 'review'`): a re-examination by the office that decided,
// requested within the pack's period after service and decided by someone there who took no part
// in the decision (params.relief.review). An appeal to the panel may follow it, within its own
// period from the 复核 decision; where the pack requires it (复核前置) the appeal must follow one.
import type { Calendar } from '../calendar/calendar.js';
import type { Determination } from '../determine/types.js';
import {
  type AppealOutcome,
  eligibleVoters,
  orderedMeasures,
  quorumProblems,
  type Session,
  tally,
  type Vote,
  voteProblems,
} from '../relief/vote.js';
import type { Deadline, ReliefParams } from '../rulebook/packs/types.js';
import type { AgencyMeasure, SanctionForm } from '../rulebook/types.js';
import { deadlineWords, dueDate } from './case.js';
import { defineProcedure, type Problems, problem } from './engine.js';

export const APPEAL_STATES = [
  'filed',
  'rejected',
  'accepted',
  'panel',
  'voting',
  'decided',
  'withdrawn',
] as const;
export type AppealState = (typeof APPEAL_STATES)[number];
export const APPEAL_STATE_LABELS: Record<AppealState, string> = {
  filed: '待受理',
  rejected: '不予受理',
  accepted: '已受理',
  panel: '审理中',
  voting: '表决中',
  decided: '已决定',
  withdrawn: '已撤回',
};
/** 复核 by the office that decided, or 申诉 to the relief panel. */
export const APPEAL_STAGES = ['review', 'appeal'] as const;
export type AppealStage = (typeof APPEAL_STAGES)[number];
export const APPEAL_STAGE_LABELS: Record<AppealStage, string> = { review: '复核', appeal: '申诉' };

/** The states in which the appeal is still open (the case cannot close; it shows in 待办). */
export const APPEAL_OPEN_STATES: readonly AppealState[] = ['filed', 'accepted', 'panel', 'voting'];

export const APPEAL_DOCUMENT_KINDS = [
  'appeal_acceptance',
  'appeal_rejection',
  'hearing_notice',
  'appeal_decision',
  'restoration',
  'review_acceptance',
  'review_rejection',
  'review_decision',
] as const;
export type AppealDocumentKind = (typeof APPEAL_DOCUMENT_KINDS)[number];
export const APPEAL_DOCUMENT_TITLES: Record<AppealDocumentKind, string> = {
  appeal_acceptance: '申诉受理通知书',
  appeal_rejection: '不予受理申诉通知书',
  hearing_notice: '听证通知书',
  appeal_decision: '申诉处理决定书',
  restoration: '恢复名誉通知书',
  review_acceptance: '复核申请受理通知书',
  review_rejection: '不予受理复核申请通知书',
  review_decision: '复核决定书',
};

/**
 * Who appeals: the officer held accountable, or — against the Art. 25 measures imposed on it
 * (问责办法 第二十五条; issue 12: "the officer (or the agency, for Art. 25 measures) appeals") —
 * the agency, through its legal office.
 */
export const APPELLANT_KINDS = ['officer', 'agency'] as const;
export type AppellantKind = (typeof APPELLANT_KINDS)[number];
export const APPELLANT_KIND_LABELS: Record<AppellantKind, string> = {
  officer: '执法人员本人',
  agency: '机关（法制机构代为申诉）',
};

/**
 * The Art. 25 measures the case's decision imposes on its agency. The decision records no measures
 * of its own for the agency: they are the determination's for that agency, as the case's documents
 * print them (处理决定书: the liable agencies' measures), lightest first. Empty: nothing to appeal.
 */
export function agencyMeasuresOf(
  determination: Pick<Determination, 'agencies'> | null,
  agencyId: string,
): AgencyMeasure[] {
  const d = determination?.agencies.find((a) => a.id === agencyId && a.liable);
  return d ? orderedMeasures(d.measures) : [];
}

/**
 * The relief office (the supervision office's staff who took no part in the decision) accepts,
 * draws and schedules; the panel's members vote and its chair runs the sessions; the appellant
 * may withdraw.
 */
export type AppealActor = 'office' | 'member' | 'chair' | 'appellant';

export interface AppealSnapshot {
  state: AppealState;
  stage: AppealStage;
  /** On an appeal that follows a 复核: the day it was decided (the period runs from it). */
  reviewDecidedOn: string | null;
  filedOn: string;
  /** When the decision appealed against was served (the period runs from it). */
  servedOn: string | null;
  acceptedOn: string | null;
  /** The appellant's sanction under the decision (null: none was given, e.g. an agency measure). */
  originalForm: SanctionForm | null;
  /** The Art. 25 measures appealed against, on an agency's appeal (null on an officer's). */
  originalMeasures: AgencyMeasure[] | null;
  panelSize: number;
  panel: { members: string[]; chair: string } | null;
  sessions: (Session & { recorded: boolean })[];
  votes: Vote[];
  extensions: number;
}

export interface AppealContext {
  today: string;
  calendar: Calendar;
  relief: ReliefParams;
  appealWithin: Deadline;
  /** The acting user took part in the original decision (approved, decided or investigated it). */
  actorDecided: boolean;
  /** The pool member the acting user is, if any. */
  actorMemberId: string | null;
}

export interface AppealInputs {
  accept: { opinion: string };
  reject: { reason: string };
  draw: { seed?: string };
  declare_conflict: { reason: string };
  schedule_hearing: { on: string; place: string; evidence: boolean };
  record_session: {
    sessionId: string;
    attendees: string[];
    appellantHeard: boolean;
    representative?: string;
    note: string;
  };
  open_vote: { note?: string };
  vote: {
    outcome: AppealOutcome;
    form: SanctionForm | null;
    /** On an agency's appeal: the lighter measures, when the vote is to change. */
    measures?: AgencyMeasure[] | null;
    reasons: string;
    dissent?: string;
  };
  extend: { reason: string };
  withdraw: { reason: string };
  /** 复核: the office's decision, never heavier than the original. */
  decide_review: {
    outcome: AppealOutcome;
    form: SanctionForm | null;
    measures?: AgencyMeasure[] | null;
    reasons: string;
  };
}
export type AppealAction = keyof AppealInputs;

type PeriodOf = Pick<AppealSnapshot, 'servedOn' | 'stage' | 'reviewDecidedOn'>;
type PeriodContext = Pick<AppealContext, 'calendar' | 'appealWithin' | 'relief'>;

/**
 * The period to file, and the day it runs from: a 复核 from service; an appeal after a 复核 from
 * the 复核 decision; an appeal straight to the panel from service.
 */
export function filingPeriod(
  s: PeriodOf,
  ctx: Omit<PeriodContext, 'calendar'>,
): { from: string | null; within: Deadline; words: string } {
  const after = (from: string, within: Deadline) => `${from}后 ${deadlineWords(within)}`;
  if (s.stage === 'review')
    return {
      from: s.servedOn,
      within: ctx.relief.review.requestWithin,
      words: after('送达', ctx.relief.review.requestWithin),
    };
  if (s.reviewDecidedOn)
    return {
      from: s.reviewDecidedOn,
      within: ctx.relief.review.appealAfter,
      words: after('复核决定作出', ctx.relief.review.appealAfter),
    };
  return { from: s.servedOn, within: ctx.appealWithin, words: after('送达', ctx.appealWithin) };
}

/** The last day to file. */
export function appealDeadline(s: PeriodOf, ctx: PeriodContext) {
  const p = filingPeriod(s, ctx);
  return p.from ? dueDate(ctx.calendar, p.from, p.within) : null;
}

/** Was it filed after the period? */
export function filedLate(s: PeriodOf & Pick<AppealSnapshot, 'filedOn'>, ctx: PeriodContext) {
  const until = appealDeadline(s, ctx);
  return until !== null && s.filedOn > until;
}

/** When the panel must decide: the pack's period from acceptance, plus each extension. */
export function appealDecisionDue(
  s: Pick<AppealSnapshot, 'acceptedOn' | 'extensions' | 'stage'>,
  ctx: Pick<AppealContext, 'calendar' | 'relief'>,
): string | null {
  if (!s.acceptedOn) return null;
  // A 复核 is decided within its own period, without extension.
  if (s.stage === 'review') return dueDate(ctx.calendar, s.acceptedOn, ctx.relief.review.decideWithin);
  let due = dueDate(ctx.calendar, s.acceptedOn, ctx.relief.decideWithin);
  for (let i = 0; i < s.extensions; i++) due = dueDate(ctx.calendar, due, ctx.relief.extension);
  return due;
}

/** The members who may vote now (attended every session that received evidence). */
export function appealEligible(s: AppealSnapshot): string[] {
  return s.panel
    ? eligibleVoters(
        s.panel.members,
        s.sessions.filter((x) => x.recorded),
      )
    : [];
}

const text =
  <I>(field: keyof I & string, label: string, min = 1) =>
  (_s: AppealSnapshot, input: I): Problems =>
    typeof input[field] === 'string' && (input[field] as string).trim().length >= min
      ? []
      : problem(field, min > 1 ? `须写明${label}（至少 ${min} 字）` : `须填写${label}`);

const notDecider = (s: AppealSnapshot, ctx: AppealContext): Problems =>
  ctx.actorDecided
    ? problem('actor', `参与作出原决定的人员不得办理该${APPEAL_STAGE_LABELS[s.stage]}（回避）`)
    : [];
/** Steps of one stage only: the panel hears appeals; the office decides a 复核 itself. */
const onlyAt =
  (stage: AppealStage) =>
  (s: AppealSnapshot): Problems =>
    s.stage === stage ? [] : problem('stage', `${APPEAL_STAGE_LABELS[s.stage]}不适用此步骤`);

/** The last vote closes the vote: every eligible member has voted. */
const isLastVote = (s: AppealSnapshot) => s.votes.length + 1 >= appealEligible(s).length;

/** The documents the decision issues: the decision, and the restoration notice when it changed or revoked. */
export function decisionDocuments(
  outcome: AppealOutcome,
  stage: AppealStage = 'appeal',
): AppealDocumentKind[] {
  const decision = stage === 'review' ? 'review_decision' : 'appeal_decision';
  return outcome === 'upheld' ? [decision] : [decision, 'restoration'];
}

export const APPEAL_PROCEDURE = defineProcedure<
  AppealState,
  AppealSnapshot,
  AppealInputs,
  AppealActor,
  AppealContext,
  AppealDocumentKind
>({
  name: 'appeal',
  noun: '申诉',
  states: APPEAL_STATES,
  stateLabels: APPEAL_STATE_LABELS,
  actions: {
    accept: {
      from: ['filed'],
      to: 'accepted',
      by: ['office'],
      label: '受理',
      issues: (s) => [s.stage === 'review' ? 'review_acceptance' : 'appeal_acceptance'],
      pre: [
        notDecider,
        (s, ctx) => {
          if (!filedLate(s, ctx)) return [];
          const noun = s.stage === 'review' ? '复核申请' : '申诉';
          return problem(
            'filedOn',
            `${noun}于 ${s.filedOn} 提出，已超过${noun}期限（${filingPeriod(s, ctx).words}，至 ${appealDeadline(s, ctx)}），应当不予受理`,
          );
        },
      ],
      guards: [text('opinion', '受理意见')],
    },
    reject: {
      from: ['filed'],
      to: 'rejected',
      by: ['office'],
      label: '不予受理',
      issues: (s) => [s.stage === 'review' ? 'review_rejection' : 'appeal_rejection'],
      pre: [notDecider],
      guards: [text('reason', '不予受理的理由', 4)],
    },
    draw: {
      from: ['accepted'],
      to: 'panel',
      by: ['office'],
      label: '随机抽取委员会',
      applies: onlyAt('appeal'),
      pre: [notDecider],
      guards: [
        (_s, i) =>
          i.seed === undefined || /^[0-9A-Za-z-]{4,64}$/.test(i.seed)
            ? []
            : problem('seed', '随机种子须为 4–64 位字母、数字或连字符'),
      ],
      audit: (i) => ({ seed: i.seed ?? null }),
    },
    declare_conflict: {
      from: ['panel'],
      to: null,
      by: ['member', 'chair'],
      label: '声明利益冲突（回避）',
      guards: [text('reason', '回避理由', 4)],
    },
    schedule_hearing: {
      from: ['panel'],
      to: null,
      by: ['office', 'chair'],
      label: '安排听证',
      issues: ['hearing_notice'],
      guards: [
        text('place', '听证地点'),
        (_s, i, ctx) => {
          const earliest = dueDate(ctx.calendar, ctx.today, ctx.relief.hearingNotice);
          return /^\d{4}-\d{2}-\d{2}$/.test(i.on) && i.on >= earliest
            ? []
            : problem(
                'on',
                `听证日期须在通知送达申诉人 ${deadlineWords(ctx.relief.hearingNotice)}之后（不早于 ${earliest}）`,
              );
        },
      ],
    },
    record_session: {
      from: ['panel'],
      to: null,
      by: ['office', 'chair'],
      label: '记录听证出席',
      guards: [
        text('note', '会议记录摘要'),
        (s, i, ctx) => {
          const session = s.sessions.find((x) => x.id === i.sessionId);
          if (!session) return problem('sessionId', '没有这次听证');
          if (session.recorded) return problem('sessionId', '这次听证的出席情况已经记录');
          if (session.on > ctx.today) return problem('sessionId', `听证定于 ${session.on}，尚未举行`);
          return [];
        },
        (s, i) =>
          i.attendees.flatMap((m, k) =>
            s.panel?.members.includes(m) ? [] : problem(`attendees[${k}]`, `${m} 不是本委员会的委员`),
          ),
      ],
    },
    open_vote: {
      from: ['panel'],
      to: 'voting',
      by: ['office', 'chair'],
      label: '开始表决',
      pre: [
        (s) =>
          !s.sessions.some((x) => x.recorded)
            ? problem('sessions', '尚未举行听证，不能表决')
            : s.sessions.some((x) => !x.recorded)
              ? problem('sessions', '还有已安排的听证未记录出席情况')
              : [],
        (s) => quorumProblems(s.panelSize, appealEligible(s).length),
      ],
      guards: [],
    },
    vote: {
      from: ['voting'],
      to: (s) => (isLastVote(s) ? 'decided' : 'voting'),
      by: ['member', 'chair'],
      label: '表决',
      pre: [
        (s, ctx) =>
          ctx.actorMemberId && appealEligible(s).includes(ctx.actorMemberId)
            ? []
            : problem('actor', '只有出席了全部举证听证的委员可以表决'),
        (s, ctx) =>
          s.votes.some((v) => v.memberId === ctx.actorMemberId) ? problem('actor', '您已表决') : [],
      ],
      guards: [(s, i) => voteProblems(i, s.originalForm, s.originalMeasures)],
      issues: (s, i) =>
        isLastVote(s) ? decisionDocuments(tally([...s.votes, { memberId: '', ...i }]).outcome) : [],
      // The vote itself is sealed: the audit records that a member voted, not how, until the tally.
      audit: () => ({ voted: true }),
    },
    extend: {
      from: ['accepted', 'panel', 'voting'],
      to: null,
      by: ['office'],
      label: '延长审理期限',
      applies: onlyAt('appeal'),
      pre: [
        (s, ctx) =>
          s.extensions >= ctx.relief.maxExtensions
            ? problem('extensions', `审理期限只能延长 ${ctx.relief.maxExtensions} 次`)
            : [],
      ],
      guards: [text('reason', '延长理由', 4)],
    },
    withdraw: {
      from: ['filed', 'accepted', 'panel'],
      to: 'withdrawn',
      by: ['appellant'],
      label: '撤回',
      guards: [text('reason', '撤回理由')],
    },
    decide_review: {
      from: ['accepted'],
      to: 'decided',
      by: ['office'],
      label: '作出复核决定',
      applies: onlyAt('review'),
      pre: [notDecider],
      // 不因申诉加重处理 holds for 复核 as for the panel: the same check as a vote.
      guards: [(s, i) => voteProblems(i, s.originalForm, s.originalMeasures)],
      issues: (s, i) => decisionDocuments(i.outcome, s.stage),
      audit: (i) => ({ outcome: i.outcome, form: i.form, measures: i.measures ?? null }),
    },
  },
});
