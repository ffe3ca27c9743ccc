// Appeals (申诉) over HTTP: filing against a served decision, each step of the procedure
// (src/core/workflow/appeal.ts) with its effect (./effects.ts) in one transaction with its audit
// entry and documents, and the appeal as a reader sees it — votes sealed until the tally, and even
// then the console shows the count and the reasons, never who voted how.
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Calendar } from '../../core/calendar/index.js';
import type { Determination } from '../../core/determine/types.js';
import type { Actor } from '../../core/policies/actor.js';
import { type AppealRef, appealActorKinds, canReadAppeal } from '../../core/policies/appeal.js';
import { MEMBER_KIND_LABELS, MEMBER_KINDS } from '../../core/relief/panel.js';
import { APPEAL_OUTCOMES, measuresLabel, type Tally, type Vote } from '../../core/relief/vote.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import {
  AGENCY_MEASURES,
  type AgencyMeasure,
  SANCTION_FORMS,
  type SanctionForm,
} from '../../core/rulebook/types.js';
import { SANCTION_FORM_LABELS } from '../../core/rulebook/vocabulary.js';
import {
  APPEAL_DOCUMENT_KINDS,
  APPEAL_DOCUMENT_TITLES,
  APPEAL_OPEN_STATES,
  APPEAL_PROCEDURE,
  APPEAL_STAGE_LABELS,
  APPEAL_STAGES,
  APPEAL_STATES,
  APPELLANT_KINDS,
  type AppealAction,
  type AppealContext,
  type AppealSnapshot,
  type AppealStage,
  type AppealState,
  agencyMeasuresOf,
  appealDeadline,
  appealEligible,
  filedLate,
  filingPeriod,
} from '../../core/workflow/appeal.js';
import { SUBJECT_DOCUMENT_KINDS } from '../../core/workflow/case-documents.js';
import { actionAvailability, checkAction, issuedDocuments } from '../../core/workflow/engine.js';
import {
  insertAppeal,
  type LoadedAppeal,
  loadAppeal,
  memberOfUser,
  nextAppealNumber,
  panelOf,
} from '../../store/appeals.repository.js';
import { loadCase } from '../../store/cases.repository.js';
import { auditAs } from '../audit.js';
import { proposalOf } from '../cases/snapshot.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { commitStep, refuseUnlessAllowed } from '../procedure.js';
import { availabilitySchema, iso, isoDate, versionField } from '../schemas.js';
import { actorOf } from '../types.js';
import {
  APPEAL_EFFECTS,
  type AppealBody,
  type AppealEffect,
  drawRules,
  type Stored,
  storedOf,
} from './effects.js';

const text = (max: number) => z.string().trim().max(max);
const version = versionField;

export const fileSchema = z.object({
  caseId: z.uuid({ message: '案件编号无效' }),
  grounds: text(10000).min(10, { message: '请写明申诉的事实和理由（至少 10 字）' }),
  /** The officer for themself (default), or the agency against its Art. 25 measures (its legal office files). */
  appellant: z.enum(APPELLANT_KINDS).default('officer'),
  /** 申诉 to the relief panel (default), or 复核 by the office that decided. */
  stage: z.enum(APPEAL_STAGES).default('appeal'),
});

export const appealActionSchemas = {
  accept: z.object({ version, opinion: text(2000) }),
  reject: z.object({ version, reason: text(2000) }),
  // The seed is recorded (audit entry, panel): given by the office, or drawn here when it gives none.
  draw: z.object({
    version,
    seed: z
      .string()
      .trim()
      .max(64)
      .optional()
      .transform((s) => s || randomBytes(8).toString('hex')),
  }),
  declare_conflict: z.object({ version, reason: text(2000) }),
  schedule_hearing: z.object({ version, on: isoDate, place: text(200), evidence: z.boolean() }),
  record_session: z.object({
    version,
    sessionId: z.string().trim().min(1).max(40),
    attendees: z.array(z.string().trim().min(1).max(40)).max(50),
    appellantHeard: z.boolean(),
    representative: text(100).optional(),
    note: text(5000),
  }),
  open_vote: z.object({ version, note: text(2000).optional() }),
  vote: z.object({
    version,
    outcome: z.enum(APPEAL_OUTCOMES),
    form: z.enum(SANCTION_FORMS).nullable().default(null),
    /** On an agency's appeal: the lighter Art. 25 measures, when the vote is to change. */
    measures: z.array(z.enum(AGENCY_MEASURES)).max(AGENCY_MEASURES.length).nullable().default(null),
    reasons: text(5000),
    dissent: text(5000).optional(),
  }),
  extend: z.object({ version, reason: text(2000) }),
  withdraw: z.object({ version, reason: text(2000) }),
  decide_review: z.object({
    version,
    outcome: z.enum(APPEAL_OUTCOMES),
    form: z.enum(SANCTION_FORMS).nullable().default(null),
    measures: z.array(z.enum(AGENCY_MEASURES)).max(AGENCY_MEASURES.length).nullable().default(null),
    reasons: text(5000),
  }),
} satisfies { [A in AppealAction]: z.ZodType };

/** Which user accounts sit on the panel now, and which is the chair's. */
export function refOf(a: LoadedAppeal): AppealRef {
  const panel = panelOf(a);
  const userOf = new Map(a.members.map((m) => [m.id, m.userId]));
  return {
    regionCode: a.regionCode,
    agencyId: a.agencyId,
    appellantKind: a.appellantKind,
    officerId: a.officerId,
    panelUsers: (panel?.members ?? []).flatMap((id) => userOf.get(id) ?? []),
    chairUser: panel ? (userOf.get(panel.chair) ?? null) : null,
  };
}

export function snapshotOf(a: LoadedAppeal): AppealSnapshot {
  const s = storedOf(a);
  const panel = panelOf(a);
  return {
    state: a.state,
    stage: a.stage,
    reviewDecidedOn: a.reviewDecidedOn,
    filedOn: a.filedOn,
    servedOn: a.servedOn,
    acceptedOn: a.acceptedOn,
    originalForm: a.originalForm,
    originalMeasures: a.appellantKind === 'agency' ? (a.originalMeasures ?? []) : null,
    panelSize: panel?.members.length ?? paramsOf(a).relief.panelSize,
    panel: panel ? { members: panel.members, chair: panel.chair } : null,
    sessions: s.sessions.map((x) => ({
      id: x.id,
      on: x.on,
      evidence: x.evidence,
      attendees: x.attendees,
      recorded: x.recorded,
    })),
    votes: s.votes,
    extensions: s.extensions.length,
  };
}

/** The pack's parameters that govern the appeal: as the case's procedure reads them. */
export function paramsOf(a: Pick<LoadedAppeal, 'pack' | 'filedOn'>) {
  const pack = selectPack(a.pack, a.filedOn);
  return { pack, relief: pack.params.relief, appealWithin: pack.params.procedure.appealWithin };
}

/** Did the actor take part in the decision appealed against (proposed, approved or investigated)? */
function tookPart(actor: Actor, a: LoadedAppeal): boolean {
  const approval = (a.caseApproval ?? null) as { by?: string } | null;
  return (
    proposalOf({ proposal: a.caseProposal })?.by === actor.id ||
    approval?.by === actor.id ||
    a.investigators.includes(actor.id)
  );
}

export function contextOf(
  a: LoadedAppeal,
  actor: Actor,
  memberId: string | null,
  calendar: Calendar,
  today: string,
): AppealContext {
  const { relief, appealWithin } = paramsOf(a);
  return { today, calendar, relief, appealWithin, actorDecided: tookPart(actor, a), actorMemberId: memberId };
}

/**
 * File an appeal against a served decision: the officer concerned, for themself; or the agency,
 * by its legal office, against the Art. 25 measures the decision imposes on it. One appeal per
 * case and appellant (a withdrawn one aside). Late ones are filed too (and rejected).
 */
export async function fileAppeal(
  req: FastifyRequest,
  body: z.output<typeof fileSchema>,
  today: string,
): Promise<string> {
  const db = req.server.database.db;
  const actor = actorOf(req);
  const c = await loadCase(db, body.caseId);
  if (!c) throw new HttpError(400, '案件不存在', [{ path: 'caseId', message: '案件不存在或无权查看' }]);
  const agency = body.appellant === 'agency';
  let officerId: string | null = null;
  let form: SanctionForm | null = null;
  let measures: AgencyMeasure[] | null = null;
  if (agency) {
    if (actor.role !== 'agency_legal' || actor.agencyId !== c.agencyId)
      throw forbidden('只有被处理机关的法制机构可以以机关名义申诉');
    measures =
      c.decisionKind === 'pursue'
        ? agencyMeasuresOf(c.determination as Determination | null, c.agencyId)
        : [];
    if (measures.length === 0)
      throw new HttpError(400, '本案处理决定未对机关作出第二十五条规定的处理', [
        { path: 'appellant', message: '处理决定未对本机关作出限期整改、通报批评等处理，机关无从申诉' },
      ]);
  } else {
    if (actor.role !== 'officer' || !actor.officerId) throw forbidden('只有被追究责任的执法人员本人可以申诉');
    officerId = actor.officerId;
    const person = c.persons.find((p) => p.officerId === officerId);
    if (!person) throw forbidden('只有被追究责任的执法人员本人可以申诉');
    if (!person.liable || c.decisionKind !== 'pursue')
      throw new HttpError(400, '本案未对你作出追究责任的决定', [
        { path: 'caseId', message: '只能对追究你责任的处理决定提出申诉' },
      ]);
    form = proposalOf(c)?.sanctions.find((x) => x.personId === officerId)?.form ?? null;
  }
  if (!c.servedOn)
    throw new HttpError(400, '处理决定尚未送达', [{ path: 'caseId', message: '处理决定送达后方可申诉' }]);
  let earlierQuery = db
    .selectFrom('appeals')
    .select(['id', 'number', 'state', 'stage', 'decision', 'decidedOn'])
    .where('caseId', '=', c.id)
    .where('appellantKind', '=', body.appellant)
    .where('state', '!=', 'withdrawn');
  if (officerId) earlierQuery = earlierQuery.where('officerId', '=', officerId);
  const earlier = await earlierQuery.execute();
  const follows = followingReview(
    body.stage,
    earlier,
    // The way of relief is the one in force when the decision was served (as it told the person).
    selectPack(c.pack, c.servedOn).params.relief.review.required,
    agency,
  );
  if (follows?.decision.outcome === 'changed')
    if (agency) measures = follows.decision.measures ?? measures;
    else form = follows.decision.form ?? form;
  return db.transaction().execute(async (trx) => {
    const number = await nextAppealNumber(
      trx,
      c.regionCode,
      c.regionName,
      Number(today.slice(0, 4)),
      body.stage,
    );
    const id = await insertAppeal(trx, {
      number,
      regionCode: c.regionCode,
      caseId: c.id,
      appellantKind: body.appellant,
      officerId,
      filedBy: actor.id,
      filedOn: today,
      grounds: body.grounds,
      state: 'filed',
      servedOn: c.servedOn,
      originalForm: form,
      originalMeasures: measures ? JSON.stringify(measures) : null,
      pack: c.pack,
      stage: body.stage,
      reviewId: follows?.id ?? null,
      reviewDecidedOn: follows?.decidedOn ?? null,
    });
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: 'appeal.file',
      objectType: APPEAL_PROCEDURE.name,
      objectId: id,
      detail: {
        number,
        stage: body.stage,
        caseId: c.id,
        ...(agency ? { appellant: 'agency', agencyId: c.agencyId, measures } : { officerId }),
        ...(follows ? { review: follows.id } : {}),
      },
    });
    return id;
  });
}

type Earlier = {
  id: string;
  number: string;
  state: AppealState;
  stage: AppealStage;
  decision: unknown;
  decidedOn: string | null;
};

/**
 * What a new filing may follow, given the appellant's earlier ones on the case (withdrawn aside):
 * one 复核 and one 申诉 each. A 复核 comes before any appeal; an appeal after a 复核 waits for its
 * decision (and there is nothing to appeal once it revoked the decision) and runs from it; where
 * the pack requires 复核 first (复核前置), an appeal must follow a decided one. Returns the 复核
 * the appeal follows, if any; throws 400 naming the field otherwise.
 */
function followingReview(
  stage: AppealStage,
  earlier: Earlier[],
  reviewRequired: boolean,
  agency: boolean,
): (Earlier & { decidedOn: string; decision: Tally }) | null {
  const who = agency ? '本机关' : '你';
  const refuse = (message: string, field = message) => {
    throw new HttpError(400, message, [{ path: 'stage', message: field }]);
  };
  const same = earlier.find((e) => e.stage === stage);
  if (same)
    refuse(
      `${who}已就本案提出${APPEAL_STAGE_LABELS[stage]} ${same.number}`,
      `已有${APPEAL_STAGE_LABELS[stage]} ${same.number}，同一处理决定只能${stage === 'review' ? '申请复核' : '申诉'}一次`,
    );
  const review = earlier.find((e) => e.stage === 'review');
  if (stage === 'review') {
    if (earlier.some((e) => e.stage === 'appeal')) refuse('已经提出申诉，不能再申请复核');
    return null;
  }
  if (!review) {
    if (reviewRequired)
      refuse('本地规定实行复核前置：须先向原处理机关申请复核，对复核决定不服的再提出申诉', '须先申请复核');
    return null;
  }
  if (review.state === 'rejected') {
    if (reviewRequired) refuse(`复核申请 ${review.number} 未予受理，不能以复核决定为由申诉`);
    return null;
  }
  if (review.state !== 'decided' || !review.decidedOn)
    refuse(`复核 ${review.number} 尚未作出决定，请待复核决定作出后再申诉`);
  const decision = review.decision as Tally;
  if (decision.outcome === 'revoked') refuse(`复核 ${review.number} 已撤销原处理决定，无须申诉`);
  return { ...review, decidedOn: review.decidedOn as string, decision };
}

/** The appeal, when the request's actor may read it; 404 otherwise (never saying whether it exists). */
export async function visibleAppeal(req: FastifyRequest, id: string): Promise<LoadedAppeal> {
  const a = await loadAppeal(req.server.database.db, id);
  if (!a || !canReadAppeal(actorOf(req), refOf(a))) throw notFound('申诉');
  return a;
}

/** Run one step: the engine's checks on the stored appeal, the effect, the audit, the documents. */
export async function performAppealAction<A extends AppealAction>(
  req: FastifyRequest,
  app: FastifyInstance,
  id: string,
  action: A,
  body: AppealBody<A>,
): Promise<void> {
  const db = app.database.db;
  const actor = actorOf(req);
  const today = app.clock.today();
  const calendar = await app.calendar();
  const a = await visibleAppeal(req, id);
  const kinds = appealActorKinds(actor, refOf(a));
  if (body.version !== a.version) throw conflict();
  const member = actor.role === 'panel' ? await memberOfUser(db, actor.id) : undefined;
  const ctx = contextOf(a, actor, member?.id ?? null, calendar, today);
  const snapshot = snapshotOf(a);
  const check = checkAction(APPEAL_PROCEDURE, snapshot, action, body, kinds, ctx);
  refuseUnlessAllowed(check);
  // Each action's effect, typed by its own body and what its preparation returns.
  const effect = APPEAL_EFFECTS[action] as AppealEffect<A, unknown>;
  const prepared = effect.prepare ? await effect.prepare({ db, a, ctx, body }) : undefined;
  const docs = issuedDocuments(
    APPEAL_PROCEDURE,
    action,
    snapshot,
    body,
  ) as (typeof APPEAL_DOCUMENT_KINDS)[number][];
  await commitStep(
    req,
    { procedure: APPEAL_PROCEDURE, table: 'appeals', object: a, action, body, next: check.next },
    (trx) => effect.apply({ req, app, trx, a, actor, ctx, body, prepared, docs, next: check.next }),
  );
}

// --- presentation ------------------------------------------------------------------------

const ACTIONS = Object.keys(APPEAL_PROCEDURE.actions) as [AppealAction, ...AppealAction[]];
const formLabel = (f: SanctionForm | null) => (f ? SANCTION_FORM_LABELS[f] : null);

export const appealSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(APPEAL_STATES),
  /** 复核 by the office that decided, or 申诉 to the relief panel. */
  stage: z.enum(APPEAL_STAGES),
  caseId: z.string(),
  caseNumber: z.string(),
  caseSubject: z.string(),
  /** The officer, or (Art. 25 measures) the agency, which appeals. */
  appellantKind: z.enum(APPELLANT_KINDS),
  /** Who appeals, by name: the officer's, or the agency's. */
  appellantName: z.string(),
  officerId: z.string().nullable(),
  officerName: z.string().nullable(),
  agencyName: z.string(),
  filedOn: z.string(),
  late: z.boolean(),
  originalForm: z.enum(SANCTION_FORMS).nullable(),
  originalFormLabel: z.string().nullable(),
  /** The Art. 25 measures appealed against (an agency's appeal), lightest first. */
  originalMeasures: z.array(z.enum(AGENCY_MEASURES)).nullable(),
  originalMeasuresLabel: z.string().nullable(),
  outcome: z.enum(APPEAL_OUTCOMES).nullable(),
  dueOn: z.string().nullable(),
  overdue: z.boolean(),
});

const signed = { by: z.string(), byName: z.string(), on: z.string() };

export const appealDetailSchema = appealSummarySchema.extend({
  regionCode: z.string(),
  officerPost: z.string().nullable(),
  grounds: z.string(),
  servedOn: z.string().nullable(),
  appealUntil: z.string().nullable(),
  /** The period to file, in words (送达后 30 个工作日 / 复核决定作出后 15 日). */
  appealPeriod: z.string(),
  /** The 复核 this appeal follows, and when it was decided. */
  review: z.object({ id: z.string(), decidedOn: z.string() }).nullable(),
  caseFile: z.object({
    findings: z.string().nullable(),
    decisionOn: z.string().nullable(),
    decisionReasons: z.string().nullable(),
    documents: z.array(
      z.object({ id: z.number(), kind: z.string(), title: z.string(), filename: z.string() }),
    ),
  }),
  acceptance: z
    .object({
      opinion: z.string().optional(),
      reject: z.object({ reason: z.string(), late: z.boolean(), ...signed }).optional(),
      withdraw: z.object({ reason: z.string(), ...signed }).optional(),
      by: z.string().optional(),
      byName: z.string().optional(),
      on: z.string().optional(),
    })
    .nullable(),
  panel: z
    .object({
      seed: z.string(),
      drawnOn: z.string(),
      size: z.number(),
      members: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          kind: z.enum(MEMBER_KINDS),
          kindLabel: z.string(),
          chair: z.boolean(),
          eligible: z.boolean(),
          voted: z.boolean(),
        }),
      ),
      conflicts: z.array(
        z.object({ memberId: z.string(), name: z.string(), reason: z.string(), on: z.string() }),
      ),
      /** The eligible pool in the draw's order: with the seed, anyone can re-run the draw. */
      order: z.array(z.string()),
      /** The pool as drawn from, and the rules: `wenze relief draw` re-runs the draw from them. */
      pool: z.array(
        z.object({
          id: z.string(),
          kind: z.enum(MEMBER_KINDS),
          agencyId: z.string().nullable(),
          officeRegion: z.string().nullable(),
          enforcementOfficer: z.boolean(),
        }),
      ),
      rules: z.object({
        size: z.number(),
        appellantAgencyId: z.string().nullable(),
        decidingOfficeRegion: z.string(),
      }),
    })
    .nullable(),
  sessions: z.array(
    z.object({
      id: z.string(),
      on: z.string(),
      place: z.string(),
      evidence: z.boolean(),
      recorded: z.boolean(),
      attendees: z.array(z.string()),
      appellantHeard: z.boolean().nullable(),
      representative: z.string().nullable(),
      note: z.string().nullable(),
    }),
  ),
  /** How many have voted of how many may; never how anyone voted. */
  voting: z.object({ cast: z.number(), eligible: z.number(), mine: z.enum(APPEAL_OUTCOMES).nullable() }),
  decision: z
    .object({
      outcome: z.enum(APPEAL_OUTCOMES),
      form: z.enum(SANCTION_FORMS).nullable(),
      formLabel: z.string().nullable(),
      measures: z.array(z.enum(AGENCY_MEASURES)).nullable(),
      measuresLabel: z.string().nullable(),
      counts: z.object({ upheld: z.number(), changed: z.number(), revoked: z.number() }),
      voters: z.number(),
      dissenting: z.number(),
      reasons: z.array(z.string()),
      on: z.string(),
    })
    .nullable(),
  extensions: z.array(z.object({ reason: z.string(), ...signed })),
  documents: z.array(z.object({ id: z.number(), kind: z.enum(APPEAL_DOCUMENT_KINDS), title: z.string() })),
  roles: z.array(z.enum(['office', 'member', 'chair', 'appellant'])),
  availability: availabilitySchema(ACTIONS),
  version: z.number(),
  createdAt: z.string(),
});

export function summaryOf(
  a: Omit<LoadedAppeal, 'members' | 'investigators'>,
  calendar: Calendar,
  today: string,
) {
  const { appealWithin, relief } = paramsOf(a);
  const open = APPEAL_OPEN_STATES.includes(a.state);
  const d =
    a.state === 'decided' ? (a.decision as { outcome: (typeof APPEAL_OUTCOMES)[number] } | null) : null;
  return {
    id: a.id,
    number: a.number,
    state: a.state as AppealState,
    stage: a.stage,
    caseId: a.caseId,
    caseNumber: a.caseNumber,
    caseSubject: a.caseSubject,
    appellantKind: a.appellantKind,
    appellantName: a.appellantKind === 'agency' ? a.agencyName : (a.officerName ?? ''),
    officerId: a.officerId,
    officerName: a.officerName,
    agencyName: a.agencyName,
    filedOn: a.filedOn,
    late: filedLate(a, { calendar, appealWithin, relief }),
    originalForm: a.originalForm,
    originalFormLabel: formLabel(a.originalForm),
    originalMeasures: a.originalMeasures ?? null,
    originalMeasuresLabel: a.originalMeasures ? measuresLabel(a.originalMeasures) : null,
    outcome: d?.outcome ?? null,
    dueOn: open ? a.dueOn : null,
    overdue: open && a.dueOn !== null && today > a.dueOn,
  };
}

export async function presentAppeal(
  app: FastifyInstance,
  actor: Actor,
  a: LoadedAppeal,
  calendar: Calendar,
  today: string,
) {
  const db = app.database.db;
  const kinds = appealActorKinds(actor, refOf(a));
  const member = actor.role === 'panel' ? await memberOfUser(db, actor.id) : undefined;
  const ctx = contextOf(a, actor, member?.id ?? null, calendar, today);
  const s = storedOf(a);
  const snapshot = snapshotOf(a);
  const panel = panelOf(a);
  const nameOf = new Map(a.members.map((m) => [m.id, m]));
  const eligible = appealEligible(snapshot);
  const docs = await db
    .selectFrom('caseDocuments')
    .select(['id', 'kind', 'filename', 'description'])
    .where('caseId', '=', a.caseId)
    .orderBy('id')
    .execute();
  const ownDocs = new Set(s.documents);
  const decision = a.state === 'decided' ? (a.decision as Stored['decision']) : null;
  // The panel reads the case file (read-only); the appellant the documents addressed to them.
  const caseFileKinds = kinds.some((k) => k !== 'appellant')
    ? new Set<string>(['acceptance_form', 'investigation_report', ...SUBJECT_DOCUMENT_KINDS])
    : new Set<string>(SUBJECT_DOCUMENT_KINDS);
  return {
    ...summaryOf(a, calendar, today),
    regionCode: a.regionCode,
    officerPost: a.officerPost,
    grounds: a.grounds,
    servedOn: a.servedOn,
    appealUntil: appealDeadline(a, ctx),
    appealPeriod: filingPeriod(a, ctx).words,
    review: a.reviewId && a.reviewDecidedOn ? { id: a.reviewId, decidedOn: a.reviewDecidedOn } : null,
    caseFile: {
      findings: a.caseFindings,
      decisionOn: a.caseDecisionOn,
      decisionReasons: a.caseDecisionReasons,
      documents: docs
        .filter((d) => caseFileKinds.has(d.kind))
        .map((d) => ({ id: d.id, kind: d.kind, title: d.description ?? d.filename, filename: d.filename })),
    },
    acceptance: (a.acceptance ?? null) as z.output<typeof appealDetailSchema>['acceptance'],
    panel: panel
      ? {
          seed: panel.seed,
          drawnOn: panel.drawnOn,
          size: panel.members.length,
          members: panel.members.map((id) => {
            const m = nameOf.get(id);
            const kind = m?.kind ?? 'legal_expert';
            return {
              id,
              name: m?.name ?? id,
              kind,
              kindLabel: MEMBER_KIND_LABELS[kind],
              chair: id === panel.chair,
              eligible: eligible.includes(id),
              voted: s.votes.some((v) => v.memberId === id),
            };
          }),
          conflicts: panel.conflicts.map((c) => ({ ...c, name: nameOf.get(c.memberId)?.name ?? c.memberId })),
          order: panel.order,
          pool: panel.pool,
          rules: drawRules(a, panel.members.length),
        }
      : null,
    sessions: s.sessions.map((x) => ({
      id: x.id,
      on: x.on,
      place: x.place,
      evidence: x.evidence,
      recorded: x.recorded,
      attendees: x.attendees,
      appellantHeard: x.appellantHeard ?? null,
      representative: x.representative ?? null,
      note: x.note ?? null,
    })),
    voting: {
      cast: s.votes.length,
      eligible: a.state === 'voting' || a.state === 'decided' ? eligible.length : 0,
      mine: (s.votes.find((v: Vote) => member && v.memberId === member.id)?.outcome ?? null) as
        | Vote['outcome']
        | null,
    },
    decision: decision
      ? {
          outcome: decision.outcome,
          form: decision.form,
          formLabel: formLabel(decision.form),
          measures: decision.measures ?? null,
          measuresLabel: decision.measures ? measuresLabel(decision.measures) : null,
          counts: decision.counts,
          voters: decision.voters,
          dissenting: decision.dissenting,
          reasons: decision.reasons,
          on: decision.on,
        }
      : null,
    extensions: s.extensions,
    documents: docs
      .filter((d) => ownDocs.has(d.id))
      .map((d) => ({
        id: d.id,
        kind: d.kind as (typeof APPEAL_DOCUMENT_KINDS)[number],
        title: APPEAL_DOCUMENT_TITLES[d.kind as (typeof APPEAL_DOCUMENT_KINDS)[number]],
      })),
    roles: kinds,
    availability: actionAvailability(APPEAL_PROCEDURE, snapshot, kinds, ctx),
    version: a.version,
    createdAt: iso(a.createdAt)!,
  };
}
