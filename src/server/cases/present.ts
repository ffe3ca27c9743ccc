// What a case looks like to each reader: the full view for the supervision office and its
// investigators, a narrower one for the agency's legal office and for the officer concerned.
// The complainant's identity appears only for assigned investigators, and each such read is
// audited.
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Calendar } from '../../core/calendar/index.js';
import { determinationRequestSchema } from '../../core/determine/request.js';
import { determinationSchema } from '../../core/determine/response.js';
import type { Actor } from '../../core/policies/actor.js';
import { type CaseView, caseActorKinds, caseView, mayReadComplainant } from '../../core/policies/case.js';
import { APPEAL_OUTCOMES } from '../../core/relief/vote.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import { OUTCOMES, REFERRALS, SANCTION_FORMS } from '../../core/rulebook/types.js';
import { SANCTION_FORM_LABELS } from '../../core/rulebook/vocabulary.js';
import { APPEAL_STAGES, APPEAL_STATES } from '../../core/workflow/appeal.js';
import {
  availableActions,
  CASE_ACTIONS,
  CASE_STATES,
  type CaseAction,
  type CaseActor,
  type CaseState,
  caseActionAvailability,
  DECISION_KINDS,
  DECISION_LABELS,
  type DecisionKind,
  STATE_LABELS,
} from '../../core/workflow/case.js';
import { isSubjectDocument } from '../../core/workflow/case-documents.js';
import { currentDeadline, type DeadlineStatus, type DeadlineStep } from '../../core/workflow/deadlines.js';
import { LEAD_SOURCE_LABELS, LEAD_SOURCES, type LeadSource } from '../../core/workflow/lead.js';
import { appendAudit } from '../../store/audit.repository.js';
import type { LoadedCase } from '../../store/cases.repository.js';
import { openIdentity } from '../../store/complainant-identity.js';
import { findComplaint } from '../../store/complaints.repository.js';
import { findLead } from '../../store/leads.repository.js';
import { availabilitySchema, iso, vocabulary } from '../schemas.js';
import { caseRefOf } from './actions.js';
import {
  approvalOf,
  deadlinesOf,
  type ProposalRecord,
  procedureOf,
  proposalOf,
  reliefOf,
  snapshotOf,
  toleranceOf,
} from './snapshot.js';

export const SOURCE_LABELS = LEAD_SOURCE_LABELS;

/** Where a case (or lead) came from. */
export { LEAD_SOURCES };

const CASE_ACTOR_KINDS = vocabulary<CaseActor>({ supervisor: true, investigator: true, subject: true });
// 'none' only in the answer to an action that took the reader's own view away (a recusal).
const CASE_VIEWS = vocabulary<CaseView>({ full: true, organ: true, agency: true, subject: true, none: true });
const DEADLINE_STEPS = vocabulary<DeadlineStep>({
  accept: true,
  investigation: true,
  statement: true,
  appeal_window: true,
  appeal_answer: true,
});
const DEADLINE_STATUSES = vocabulary<DeadlineStatus>({ ok: true, near: true, overdue: true, done: true });
export const CASE_ACTION_NAMES = Object.keys(CASE_ACTIONS) as [CaseAction, ...CaseAction[]];

export const deadlineSchema = z.object({
  step: z.enum(DEADLINE_STEPS),
  label: z.string(),
  /** The day the period starts from (not counted). */
  startOn: z.string(),
  dueOn: z.string(),
  /** Where the period is set: the pack's procedure parameter, in words. */
  source: z.string(),
  param: z.string(),
  status: z.enum(DEADLINE_STATUSES),
  /** Runs into a year whose holiday schedule is not loaded: the date may still move. */
  provisional: z.boolean(),
});

export const caseSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  source: z.enum(LEAD_SOURCES),
  sourceLabel: z.string(),
  state: z.enum(CASE_STATES),
  stateLabel: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  subject: z.string(),
  registeredOn: z.string(),
  decisionKind: z.enum(DECISION_KINDS).nullable(),
  currentDeadline: deadlineSchema.nullable(),
  roles: z.array(z.enum(CASE_ACTOR_KINDS)),
  version: z.number(),
});

/** A case as its reader may see it (GET /cases/{id} and every action's answer). */
const sanctionSchema = z.object({
  personId: z.string(),
  form: z.enum(SANCTION_FORMS),
  formLabel: z.string(),
  /** Why the form differs from the rulebook's recommendation (empty when it does not). */
  reason: z.string(),
});

export const caseDetailSchema = caseSummarySchema.extend({
  view: z.enum(CASE_VIEWS),
  summary: z.string(),
  pack: z.string(),
  acceptedOn: z.string().nullable(),
  acceptanceOpinion: z.string().nullable(),
  declineReason: z.string().nullable(),
  investigationStartedOn: z.string().nullable(),
  investigators: z.array(
    z.object({
      userId: z.string(),
      displayName: z.string(),
      recused: z.boolean(),
      recusalReason: z.string().nullable(),
    }),
  ),
  extensions: z.array(
    z.object({ days: z.number(), reason: z.string(), approvedBy: z.string(), approvedOn: z.string() }),
  ),
  /** The facts found (the determination request), for the supervision office and investigators. */
  facts: determinationRequestSchema.nullable(),
  determination: determinationSchema.nullable(),
  overrides: z.array(
    z.object({
      personId: z.string(),
      outcome: z.enum(OUTCOMES),
      reason: z.string(),
      by: z.string(),
      on: z.string(),
    }),
  ),
  findingsText: z.string().nullable(),
  findingsOn: z.string().nullable(),
  statementNoticeOn: z.string().nullable(),
  persons: z.array(
    z.object({
      officerId: z.string(),
      name: z.string(),
      post: z.string().nullable(),
      agencyName: z.string().nullable(),
      liable: z.boolean(),
      statement: z.object({ on: z.string(), text: z.string() }).nullable(),
      waived: z.boolean(),
      hearingRequested: z.boolean(),
      hearing: z.object({ heldOn: z.string(), summary: z.string() }).nullable(),
      /** 容错: the tolerance decided for the person (exempt: not pursued; mitigate: lighter sanction). */
      tolerance: z
        .object({
          applicationId: z.string(),
          number: z.string(),
          outcome: z.enum(['exempt', 'mitigate']),
          cite: z.string(),
          on: z.string(),
        })
        .nullable(),
      /** 申诉: what the relief panel decided on the person's appeal, when it changed or revoked the decision. */
      relief: z
        .object({
          appealId: z.string(),
          number: z.string(),
          outcome: z.enum(['changed', 'revoked']),
          form: z.enum(SANCTION_FORMS).nullable(),
          on: z.string(),
        })
        .nullable(),
      /** The sanction forms and recommendation the proposal offers, after any tolerance (Art. 24). */
      sanctions: z
        .object({ forms: z.array(z.enum(SANCTION_FORMS)), recommended: z.enum(SANCTION_FORMS) })
        .nullable(),
    }),
  ),
  /** 审批定案: the lightest sanction the case's pack has decided by a collective discussion. */
  collectiveDiscussionFrom: z.enum(SANCTION_FORMS).nullable(),
  /** 审批定案: what the investigators proposed (awaiting approval, or adopted by the decision). */
  proposal: z
    .object({
      kind: z.enum(DECISION_KINDS),
      kindLabel: z.string(),
      reasons: z.string(),
      sanctions: z.array(sanctionSchema),
      byName: z.string(),
      on: z.string(),
    })
    .nullable(),
  /** How the decision was approved: by the head, or by a collective discussion. */
  approval: z
    .object({
      opinion: z.string(),
      byName: z.string(),
      on: z.string(),
      collective: z
        .object({
          meetingOn: z.string(),
          attendees: z.array(z.string()),
          votesFor: z.number().int(),
          votesAgainst: z.number().int(),
          votesAbstain: z.number().int(),
          minutes: z.string(),
        })
        .nullable(),
    })
    .nullable(),
  decision: z
    .object({
      kind: z.enum(DECISION_KINDS),
      kindLabel: z.string(),
      on: z.string().nullable(),
      reasons: z.string().nullable(),
      /** Each liable person's sanction, as approved. */
      sanctions: z.array(sanctionSchema),
    })
    .nullable(),
  servedOn: z.string().nullable(),
  service: z
    .object({ recipient: z.string(), method: z.string(), place: z.string().nullable(), server: z.string() })
    .nullable(),
  executedOn: z.string().nullable(),
  executionNote: z.string().nullable(),
  closedOn: z.string().nullable(),
  appeal: z
    .object({
      officerId: z.string(),
      filedOn: z.string(),
      grounds: z.string(),
      result: z.enum(APPEAL_OUTCOMES).nullable(),
      reasons: z.string().nullable(),
      reviewedOn: z.string().nullable(),
      /** The appeal before the relief panel: its register entry, state and due date. */
      id: z.string(),
      number: z.string(),
      state: z.enum(APPEAL_STATES),
      form: z.enum(SANCTION_FORMS).nullable(),
      dueOn: z.string().nullable(),
      /** 复核 by the office that decided, or 申诉 to the relief panel. */
      stage: z.enum(APPEAL_STAGES),
    })
    .nullable(),
  /** The pack in force today requires a 复核 before an appeal to the panel (复核前置). */
  reviewRequired: z.boolean(),
  referrals: z.array(
    z.object({
      id: z.number(),
      organ: z.enum(REFERRALS),
      organId: z.string().nullable(),
      organName: z.string().nullable(),
      officerId: z.string().nullable(),
      note: z.string().nullable(),
      referredOn: z.string(),
      outcome: z.string().nullable(),
      outcomeOn: z.string().nullable(),
    }),
  ),
  evidence: z.array(
    z.object({
      id: z.number(),
      filename: z.string(),
      size: z.number(),
      sha256: z.string(),
      description: z.string().nullable(),
      createdBy: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  documents: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      title: z.string(),
      filename: z.string(),
      size: z.number(),
      sha256: z.string(),
      createdAt: z.string(),
    }),
  ),
  complainant: z
    .object({
      anonymous: z.boolean(),
      name: z.string().nullable(),
      phone: z.string().nullable(),
      idNumber: z.string().nullable(),
      receipt: z.string().nullable(),
    })
    .nullable(),
  deadlines: z.array(deadlineSchema),
  actions: z.array(z.enum(CASE_ACTION_NAMES)),
  /** Every action the reader could take in a case, with the reasons for those not open now. */
  availability: availabilitySchema(CASE_ACTION_NAMES),
  lead: z
    .object({
      id: z.string(),
      source: z.enum(LEAD_SOURCES),
      occurredOn: z.string().nullable(),
      officerNamed: z.string().nullable(),
      faultCode: z.string().nullable(),
      actId: z.string().nullable(),
      rule: z.string().nullable(),
      basis: z.string().nullable(),
      detail: z.string().nullable(),
    })
    .nullable(),
});

/** The stored facts as the rulebook reads them (defaults filled in); null if they no longer parse. */
function factsOf(facts: unknown): z.output<typeof determinationRequestSchema> | null {
  if (facts === null || facts === undefined) return null;
  const parsed = determinationRequestSchema.safeParse(facts);
  return parsed.success ? parsed.data : null;
}

export function viewOf(actor: Actor, c: LoadedCase): CaseView {
  return caseView(actor, caseRefOf(c));
}

export function summaryOf(
  c: LoadedCase,
  actor: Actor,
  calendar: Calendar,
  today: string,
): z.output<typeof caseSummarySchema> {
  const deadlines = deadlinesOf(c, calendar, today);
  const current = currentDeadline(deadlines);
  return {
    id: c.id,
    number: c.number,
    regionCode: c.regionCode,
    regionName: c.regionName,
    source: c.source as LeadSource,
    sourceLabel: SOURCE_LABELS[c.source as LeadSource] ?? c.source,
    state: c.state as CaseState,
    stateLabel: STATE_LABELS[c.state as CaseState] ?? c.state,
    agencyId: c.agencyId,
    agencyName: c.agencyName,
    subject: c.subject,
    registeredOn: c.registeredOn,
    decisionKind: c.decisionKind as DecisionKind | null,
    currentDeadline: current,
    roles: caseActorKinds(actor, caseRefOf(c)),
    version: c.version,
  };
}

export async function presentCase(
  req: FastifyRequest,
  c: LoadedCase,
  calendar: Calendar,
  today: string,
): Promise<z.output<typeof caseDetailSchema>> {
  const actor = req.actor!;
  const view = viewOf(actor, c);
  const ref = caseRefOf(c);
  const kinds = caseActorKinds(actor, ref);
  const guardContext = {
    today,
    calendar,
    procedure: procedureOf(c).procedure,
    actorUserId: actor.id,
    actorOfficerId: actor.officerId,
  };
  // A referral organ reads the referred case file whole (read-only: it is no actor of the case).
  const full = view === 'full' || view === 'organ';
  const ownOfficer = actor.officerId;
  const proposal = proposalOf(c);
  const approval = approvalOf(c);
  // The officer concerned sees their own sanction; the others see everyone's.
  const sanctionsOf = (p: ProposalRecord) =>
    p.sanctions
      .filter((x) => view !== 'subject' || x.personId === ownOfficer)
      .map((x) => ({
        personId: x.personId,
        form: x.form,
        formLabel: SANCTION_FORM_LABELS[x.form],
        reason: x.reason ?? '',
      }));
  let complainant: {
    anonymous: boolean;
    name: string | null;
    phone: string | null;
    idNumber: string | null;
    receipt: string | null;
  } | null = null;
  // The complaint channel is the office's: a referral organ reads the case, not who complained.
  if (c.complaintId && view === 'full') {
    const complaint = await findComplaint(req.server.database.db, c.complaintId);
    if (complaint) {
      const identity = !complaint.anonymous && mayReadComplainant(actor, ref);
      // Decrypted here only, for those allowed to see it (and the read is audited below).
      const opened = identity ? openIdentity(complaint) : null;
      complainant = {
        anonymous: complaint.anonymous,
        name: opened?.name ?? null,
        phone: opened?.phone ?? null,
        idNumber: opened?.idNumber ?? null,
        receipt: complaint.receipt,
      };
      if (identity) {
        await appendAudit(req.server.database.db, {
          regionCode: c.regionCode,
          actorId: actor.id,
          actorName: actor.username,
          action: 'complaint.identity_read',
          objectType: 'case',
          objectId: c.id,
          detail: { complaint: complaint.id },
        });
      }
    }
  }
  const lead = c.leadId ? await findLead(req.server.database.db, c.leadId) : undefined;
  const snapshotPersons = new Map(snapshotOf(c).persons.map((p) => [p.id, p]));
  const persons = c.persons.map((p) => {
    const own = p.officerId === ownOfficer;
    const sanctions = snapshotPersons.get(p.officerId)?.sanctions ?? null;
    const showStatement = full || view === 'agency' || own;
    return {
      officerId: p.officerId,
      name: p.name,
      post: p.post,
      agencyName: p.agencyName,
      liable: p.liable,
      statement: showStatement && p.statementOn ? { on: p.statementOn, text: p.statementText ?? '' } : null,
      waived: p.waived,
      hearingRequested: p.hearingRequested,
      hearing:
        showStatement && p.hearingHeldOn
          ? { heldOn: p.hearingHeldOn, summary: p.hearingSummary ?? '' }
          : null,
      tolerance: showStatement ? toleranceOf(p) : null,
      relief: showStatement ? reliefOf(p) : null,
      sanctions:
        showStatement && sanctions
          ? { forms: [...sanctions.forms], recommended: sanctions.recommended }
          : null,
    };
  });
  const showDoc = (kind: string) => full || view === 'agency' || isSubjectDocument(kind);
  return {
    ...summaryOf(c, actor, calendar, today),
    view,
    summary: c.summary,
    pack: c.pack,
    acceptedOn: c.acceptedOn,
    acceptanceOpinion: full || view === 'agency' ? c.acceptanceOpinion : null,
    declineReason: c.declineReason,
    investigationStartedOn: c.investigationStartedOn,
    investigators: full
      ? c.investigators.map((i) => ({
          userId: i.userId,
          displayName: i.displayName,
          recused: i.recused,
          recusalReason: i.recusalReason,
        }))
      : [],
    extensions: c.extensions.map((e) => ({
      days: e.days,
      reason: e.reason,
      approvedBy: e.approvedBy,
      approvedOn: e.approvedOn,
    })),
    facts: full ? factsOf(c.facts) : null,
    determination: c.determination as z.output<typeof determinationSchema> | null,
    overrides: (c.overrides ?? []) as z.output<typeof caseDetailSchema>['overrides'],
    findingsText: c.findingsText,
    findingsOn: c.findingsOn,
    statementNoticeOn: c.statementNoticeOn,
    persons,
    collectiveDiscussionFrom: guardContext.procedure.collectiveDiscussionFrom,
    proposal:
      full && proposal
        ? {
            kind: proposal.kind,
            kindLabel: DECISION_LABELS[proposal.kind],
            reasons: proposal.reasons,
            sanctions: sanctionsOf(proposal),
            byName: proposal.byName,
            on: proposal.on,
          }
        : null,
    approval: full && approval ? { ...approval, collective: approval.collective ?? null } : null,
    decision: c.decisionKind
      ? {
          kind: c.decisionKind as DecisionKind,
          kindLabel: DECISION_LABELS[c.decisionKind as DecisionKind] ?? c.decisionKind,
          on: c.decisionOn,
          reasons: c.decisionReasons,
          sanctions: proposal ? sanctionsOf(proposal) : [],
        }
      : null,
    servedOn: c.servedOn,
    service: c.service as z.output<typeof caseDetailSchema>['service'],
    executedOn: c.executedOn,
    executionNote: c.executionNote,
    closedOn: c.closedOn,
    appeal: c.appeal
      ? {
          officerId: c.appeal.officerId,
          filedOn: c.appeal.filedOn,
          grounds: full || c.appeal.officerId === ownOfficer ? c.appeal.grounds : '',
          result: c.appeal.result,
          reasons: c.appeal.reasons,
          reviewedOn: c.appeal.reviewedOn,
          id: c.appeal.id,
          number: c.appeal.number,
          state: c.appeal.state,
          form: c.appeal.form,
          dueOn: c.appeal.dueOn,
          stage: c.appeal.stage,
        }
      : null,
    // As in force when the decision was served (the way of relief it told the person), else today.
    reviewRequired: selectPack(c.pack, c.servedOn ?? today).params.relief.review.required,
    referrals: full
      ? c.referrals.map((r) => ({
          id: r.id,
          organ: r.organ,
          organId: r.organId,
          organName: r.organName,
          officerId: r.officerId,
          note: r.note,
          referredOn: r.referredOn,
          outcome: r.outcome,
          outcomeOn: r.outcomeOn,
        }))
      : [],
    evidence:
      full || view === 'agency'
        ? c.evidence.map((e) => ({
            id: e.id,
            filename: e.filename,
            size: e.size,
            sha256: e.sha256,
            description: e.description,
            createdBy: e.createdBy,
            createdAt: iso(e.createdAt)!,
          }))
        : [],
    documents: c.documents
      .filter((d) => showDoc(d.kind))
      .map((d) => ({
        id: d.id,
        kind: d.kind,
        title: d.description ?? d.kind,
        filename: d.filename,
        size: d.size,
        sha256: d.sha256,
        createdAt: iso(d.createdAt)!,
      })),
    complainant,
    deadlines: deadlinesOf(c, calendar, today),
    actions: availableActions(snapshotOf(c), kinds, guardContext),
    availability: caseActionAvailability(snapshotOf(c), kinds, guardContext),
    lead:
      lead && (full || view === 'agency')
        ? {
            id: lead.id,
            source: lead.source as LeadSource,
            occurredOn: lead.occurredOn,
            officerNamed: lead.complaintOfficerName,
            faultCode: lead.faultCode,
            actId: lead.actId,
            rule: lead.rule,
            basis: lead.basis,
            detail: lead.detail,
          }
        : null,
  };
}
