// What a case looks like to each reader: the full view for the supervision office and its
// investigators, a narrower one for the agency's legal office and for the officer concerned.
// The complainant's identity appears only for assigned investigators, and each such read is
// audited.
import type { FastifyRequest } from 'fastify';
import type { Calendar } from '../../core/calendar/index.js';
import type { Actor } from '../../core/policies/actor.js';
import { type CaseView, caseActorKinds, caseView, mayReadComplainant } from '../../core/policies/case.js';
import {
  availableActions,
  type CaseState,
  DECISION_LABELS,
  type DecisionKind,
  STATE_LABELS,
} from '../../core/workflow/case.js';
import { currentDeadline } from '../../core/workflow/deadlines.js';
import { appendAudit } from '../../store/audit.repository.js';
import type { LoadedCase } from '../../store/cases.repository.js';
import { openIdentity } from '../../store/complainant-identity.js';
import { findComplaint } from '../../store/complaints.repository.js';
import { findLead } from '../../store/leads.repository.js';
import { iso } from '../schemas.js';
import { caseRefOf } from './actions.js';
import { deadlinesOf, procedureOf, snapshotOf } from './snapshot.js';

export const SOURCE_LABELS: Record<string, string> = {
  complaint: '群众投诉',
  detection: '执法监督发现',
  superior: '上级交办',
  congress: '人大转办',
  media: '媒体曝光',
  case_review: '案卷评查',
  reconsideration: '行政复议纠错',
  litigation: '行政诉讼纠错',
  other: '其他',
};

export function viewOf(actor: Actor, c: LoadedCase): CaseView {
  return caseView(actor, caseRefOf(c));
}

export function summaryOf(c: LoadedCase, actor: Actor, calendar: Calendar, today: string) {
  const deadlines = deadlinesOf(c, calendar, today);
  const current = currentDeadline(deadlines);
  return {
    id: c.id,
    number: c.number,
    regionCode: c.regionCode,
    regionName: c.regionName,
    source: c.source,
    sourceLabel: SOURCE_LABELS[c.source] ?? c.source,
    state: c.state,
    stateLabel: STATE_LABELS[c.state as CaseState] ?? c.state,
    agencyId: c.agencyId,
    agencyName: c.agencyName,
    subject: c.subject,
    registeredOn: c.registeredOn,
    decisionKind: c.decisionKind,
    currentDeadline: current
      ? {
          step: current.step,
          label: current.label,
          dueOn: current.dueOn,
          status: current.status,
          provisional: current.provisional,
        }
      : null,
    roles: caseActorKinds(actor, caseRefOf(c)),
    version: c.version,
  };
}

export async function presentCase(req: FastifyRequest, c: LoadedCase, calendar: Calendar, today: string) {
  const actor = req.actor!;
  const view = viewOf(actor, c);
  const ref = caseRefOf(c);
  const kinds = caseActorKinds(actor, ref);
  const full = view === 'full';
  const ownOfficer = actor.officerId;
  let complainant: {
    anonymous: boolean;
    name: string | null;
    phone: string | null;
    idNumber: string | null;
    receipt: string | null;
  } | null = null;
  if (c.complaintId && full) {
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
  const persons = c.persons.map((p) => {
    const own = p.officerId === ownOfficer;
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
    };
  });
  const showDoc = (kind: string) =>
    full || view === 'agency' || kind === 'decision' || kind === 'service_receipt';
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
    facts: full ? (c.facts as Record<string, unknown> | null) : null,
    determination: c.determination as Record<string, unknown> | null,
    overrides: (c.overrides ?? []) as Record<string, unknown>[],
    findingsText: c.findingsText,
    findingsOn: c.findingsOn,
    statementNoticeOn: c.statementNoticeOn,
    persons,
    decision: c.decisionKind
      ? {
          kind: c.decisionKind,
          kindLabel: DECISION_LABELS[c.decisionKind as DecisionKind] ?? c.decisionKind,
          on: c.decisionOn,
          reasons: c.decisionReasons,
        }
      : null,
    servedOn: c.servedOn,
    service: c.service as Record<string, unknown> | null,
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
        }
      : null,
    referrals: full
      ? c.referrals.map((r) => ({
          id: r.id,
          organ: r.organ,
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
    actions: availableActions(snapshotOf(c), kinds, {
      today,
      calendar,
      procedure: procedureOf(c).procedure,
      actorUserId: actor.id,
      actorOfficerId: actor.officerId,
    }),
    lead:
      lead && (full || view === 'agency')
        ? {
            id: lead.id,
            source: lead.source,
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
