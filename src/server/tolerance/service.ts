// Tolerance applications over HTTP: applying for a person of a case, each step of the procedure
// (src/core/workflow/tolerance.ts) with its effect in one transaction with its audit entry and
// document, and the application as a reader sees it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction, Updateable } from 'kysely';
import { z } from 'zod';
import type { Calendar } from '../../core/calendar/index.js';
import type { Actor } from '../../core/policies/actor.js';
import { applicantKindOf, canReadTolerance, toleranceActorKinds } from '../../core/policies/tolerance.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import {
  assessTolerance,
  type ToleranceAssessment,
  toleranceAssessmentSchema,
  toleranceFactsSchema,
  tolerancePolicyOf,
} from '../../core/tolerance/assess.js';
import type { PersonTolerance } from '../../core/tolerance/effect.js';
import { TOLERANCE_OUTCOMES, type ToleranceOutcome } from '../../core/tolerance/policy.js';
import { ValidationError } from '../../core/validation.js';
import type { CaseState, CollectiveDiscussion } from '../../core/workflow/case.js';
import { actionAvailability, checkAction, issuedDocuments } from '../../core/workflow/engine.js';
import {
  applicationWindowProblems,
  TOLERANCE_PROCEDURE,
  TOLERANCE_STATES,
  type ToleranceAction,
  type ToleranceContext,
  type ToleranceDocumentKind,
  type ToleranceSnapshot,
  type ToleranceState,
  toleranceDecisionDue,
  VERIFIED_ITEMS,
} from '../../core/workflow/tolerance.js';
import { TOLERANCE_DOCUMENTS } from '../../documents/tolerance.js';
import { insertIssuedDocument, loadCase } from '../../store/cases.repository.js';
import { findPreRegistrationByNumber } from '../../store/pre-registrations.repository.js';
import type { DB, ToleranceApplicationsTable } from '../../store/schema.js';
import {
  caseFaultsOf,
  insertApplication,
  type LoadedApplication,
  loadApplication,
  nextToleranceNumber,
  priorTolerance,
} from '../../store/tolerance.repository.js';
import { auditAs } from '../audit.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { commitStep, refuseUnlessAllowed } from '../procedure.js';
import { availabilitySchema, iso, isoDate, versionField } from '../schemas.js';
import { actorOf } from '../types.js';

const text = (max: number) => z.string().trim().max(max);
const version = versionField;

export const applySchema = z.object({
  caseId: z.uuid({ message: '案件编号无效' }),
  officerId: z.string().trim().min(1).max(64),
  grounds: text(10000).min(10, { message: '请写明申请容错的事实和理由（至少 10 字）' }),
  /** The number of an accepted 事前备案 of the measure, if any. */
  preRegistered: z.string().trim().min(1).max(64).nullable().default(null),
});

const collectiveSchema = z.object({
  meetingOn: isoDate,
  attendees: z.array(text(50)).max(50),
  votesFor: z.number().int().min(0).max(1000),
  votesAgainst: z.number().int().min(0).max(1000),
  votesAbstain: z.number().int().min(0).max(1000),
  minutes: text(10000),
});

export const toleranceActionSchemas = {
  accept: z.object({ version, opinion: text(2000) }),
  decline: z.object({ version, reason: text(2000) }),
  verify: z.object({
    version,
    facts: toleranceFactsSchema,
    evidence: z.partialRecord(z.enum(VERIFIED_ITEMS), text(2000)),
    note: text(5000).optional(),
  }),
  decide: z.object({
    version,
    outcome: z.enum(TOLERANCE_OUTCOMES),
    opinion: text(5000),
    distinctionReasons: text(5000),
    collective: collectiveSchema,
  }),
  withdraw: z.object({ version, reason: text(2000) }),
} satisfies { [A in ToleranceAction]: z.ZodType };

type Body<A extends ToleranceAction> = z.output<(typeof toleranceActionSchemas)[A]>;

interface Signed {
  by: string;
  byName: string;
  on: string;
}
export type Verification = Body<'verify'> & Signed & { assessment: ToleranceAssessment };
/**
 * As stored: the evidence as a list, since the database layer turns snake_case object keys read
 * from JSON into camelCase (the ids are snake_case).
 */
type StoredVerification = Omit<Verification, 'evidence'> & { evidence: { id: string; text: string }[] };
export type DecisionRecord = Omit<Body<'decide'>, 'version'> &
  Signed & {
    distinction: ToleranceAssessment['distinction'];
    cite: string;
    ruleText: string;
  };

function verificationOf(a: LoadedApplication): Verification | null {
  const v = (a.verification ?? null) as StoredVerification | null;
  return v ? { ...v, evidence: Object.fromEntries(v.evidence.map((e) => [e.id, e.text])) } : null;
}
const decisionOf = (a: LoadedApplication) => (a.decision ?? null) as DecisionRecord | null;

export function refOf(a: LoadedApplication) {
  return {
    regionCode: a.regionCode,
    agencyId: a.agencyId,
    officerId: a.officerId,
    appliedBy: a.appliedBy,
    investigators: a.investigators,
  };
}

export function snapshotOf(a: LoadedApplication): ToleranceSnapshot {
  return {
    state: a.state,
    acceptedOn: a.acceptedOn,
    assessed: verificationOf(a)?.assessment.outcome ?? null,
  };
}

function policyOf(a: Pick<LoadedApplication, 'pack' | 'appliedOn'>) {
  const pack = selectPack(a.pack, a.appliedOn);
  return { pack, policy: tolerancePolicyOf(pack) };
}

function contextOf(a: LoadedApplication, calendar: Calendar, today: string): ToleranceContext {
  return { today, calendar, decideWithin: policyOf(a).policy.decideWithin };
}

async function signer(trx: Transaction<DB>, actor: Actor, today: string): Promise<Signed> {
  const u = await trx.selectFrom('users').select('displayName').where('id', '=', actor.id).executeTakeFirst();
  return { by: actor.id, byName: u?.displayName ?? actor.username, on: today };
}

/** Apply for tolerance for one person of a case: the applicant's right, the case's window, the city's policy. */
export async function applyForTolerance(
  req: FastifyRequest,
  body: z.output<typeof applySchema>,
  calendar: Calendar,
  today: string,
): Promise<string> {
  const db = req.server.database.db;
  const actor = actorOf(req);
  const c = await loadCase(db, body.caseId);
  const person = c?.persons.find((p) => p.officerId === body.officerId);
  if (!c) throw new HttpError(400, '案件不存在', [{ path: 'caseId', message: '案件不存在或无权查看' }]);
  const kind = applicantKindOf(actor, { agencyId: c.agencyId, officerId: body.officerId });
  if (kind === null) throw forbidden('只有当事人员本人或者其所在机关的法制机构可以申请容错');
  if (!person)
    throw new HttpError(400, '该人员不是本案认定的当事人员', [
      { path: 'officerId', message: '该人员不在本案认定事实所列人员中（认定事实后方可申请）' },
    ]);
  const pack = selectPack(c.pack, today);
  let policy: ReturnType<typeof tolerancePolicyOf>;
  try {
    policy = tolerancePolicyOf(pack, 'caseId');
  } catch (e) {
    if (e instanceof ValidationError) throw new HttpError(400, e.message, e.fields);
    throw e;
  }
  const window = applicationWindowProblems(
    { state: c.state as CaseState, decisionOn: c.decisionOn, servedOn: c.servedOn },
    policy.applyAfterDecision,
    calendar,
    today,
  );
  if (window.length > 0) throw new HttpError(400, window[0]!.message, window);
  if (body.preRegistered !== null) {
    // 事前备案: an accepted registration of the case's agency (A市报备〔2026〕3号).
    const reg = await findPreRegistrationByNumber(db, body.preRegistered);
    if (!reg || reg.agencyId !== c.agencyId || reg.state !== 'accepted')
      throw new HttpError(400, '事前备案编号无效', [
        { path: 'preRegistered', message: '须为本案执法机关已受理的事前备案编号（如 A市报备〔2026〕3号）' },
      ]);
  }
  const open = await db
    .selectFrom('toleranceApplications')
    .select('number')
    .where('caseId', '=', c.id)
    .where('officerId', '=', body.officerId)
    .where('state', 'not in', ['declined', 'withdrawn'])
    .executeTakeFirst();
  if (open)
    throw new HttpError(400, `该人员在本案已有容错申请 ${open.number}`, [
      { path: 'officerId', message: `已有容错申请 ${open.number}，不能重复申请` },
    ]);
  return db.transaction().execute(async (trx) => {
    const number = await nextToleranceNumber(trx, c.regionCode, c.regionName, Number(today.slice(0, 4)));
    const id = await insertApplication(trx, {
      number,
      regionCode: c.regionCode,
      caseId: c.id,
      officerId: body.officerId,
      applicantKind: kind,
      appliedBy: actor.id,
      appliedOn: today,
      grounds: body.grounds,
      claimed: JSON.stringify({ preRegistered: body.preRegistered }),
      pack: c.pack,
      state: 'submitted',
    });
    await auditAs(req, trx, {
      regionCode: c.regionCode,
      action: 'tolerance.apply',
      objectType: TOLERANCE_PROCEDURE.name,
      objectId: id,
      detail: { number, caseId: c.id, officerId: body.officerId, applicantKind: kind },
    });
    return id;
  });
}

/**
 * The assessment of the verified facts under the application's policy, for the case's faults; the
 * tolerance the officer was granted before, as the register knows it, is added to what the
 * investigators entered (the negative list's "already tolerated").
 */
async function assessVerified(
  db: Parameters<typeof priorTolerance>[0],
  a: LoadedApplication,
  facts: Body<'verify'>['facts'],
): Promise<ToleranceAssessment> {
  const { pack, policy } = policyOf(a);
  const fault = caseFaultsOf(a.caseFacts);
  const known = await priorTolerance(db, a.officerId, a.id);
  const seen = new Set(facts.priorTolerance.map((p) => `${p.date}|${p.fault}`));
  const prior = [...facts.priorTolerance, ...known.filter((p) => !seen.has(`${p.date}|${p.fault}`))];
  return assessTolerance(
    {
      pack: pack.name,
      appliedOn: a.appliedOn,
      fault: { occurredOn: fault.occurredOn ?? a.appliedOn, codes: fault.codes },
      facts: { ...facts, priorTolerance: prior },
    },
    pack,
    policy,
  );
}

/** The application, when the request's actor may read it; 404 otherwise (never saying whether it exists). */
export async function visibleApplication(req: FastifyRequest, id: string): Promise<LoadedApplication> {
  const a = await loadApplication(req.server.database.db, id);
  if (!a || !canReadTolerance(actorOf(req), refOf(a))) throw notFound('容错申请');
  return a;
}

/** Run one step: the engine's checks on the stored application, the effect, the audit, the document. */
export async function performToleranceAction<A extends ToleranceAction>(
  req: FastifyRequest,
  app: FastifyInstance,
  id: string,
  action: A,
  body: Body<A>,
): Promise<void> {
  const actor = actorOf(req);
  const today = app.clock.today();
  const calendar = await app.calendar();
  const a = await visibleApplication(req, id);
  const kinds = toleranceActorKinds(actor, refOf(a));
  if (body.version !== a.version) throw conflict();
  const snapshot = snapshotOf(a);
  const check = checkAction(
    TOLERANCE_PROCEDURE,
    snapshot,
    action,
    body,
    kinds,
    contextOf(a, calendar, today),
  );
  refuseUnlessAllowed(check);

  const step = { procedure: TOLERANCE_PROCEDURE, table: 'toleranceApplications', next: check.next } as const;
  await commitStep(req, { ...step, object: a, action, body }, async (trx) => {
    const signed = await signer(trx, actor, today);
    const set = (values: Updateable<ToleranceApplicationsTable>) =>
      trx.updateTable('toleranceApplications').set(values).where('id', '=', a.id).execute();
    if (action === 'accept') {
      const b = body as Body<'accept'>;
      await set({ acceptedOn: today, acceptance: JSON.stringify({ opinion: b.opinion, ...signed }) });
    } else if (action === 'decline' || action === 'withdraw') {
      const b = body as Body<'decline'>;
      await set({
        acceptance: JSON.stringify({
          ...(a.acceptance as object | null),
          [action]: { reason: b.reason, ...signed },
        }),
      });
    } else if (action === 'verify') {
      const b = body as Body<'verify'>;
      const { version: _v, ...rest } = b;
      const assessment = await assessVerified(trx, a, b.facts);
      const verification: StoredVerification = {
        ...rest,
        evidence: Object.entries(b.evidence).map(([id, text]) => ({ id, text: text ?? '' })),
        version: b.version,
        assessment,
        ...signed,
      };
      await set({ verification: JSON.stringify(verification) });
    } else if (action === 'decide') {
      const b = body as Body<'decide'>;
      const v = verificationOf(a)!;
      const { policy } = policyOf(a);
      const { version: _v, ...rest } = b;
      const decision: DecisionRecord = {
        ...rest,
        distinction: v.assessment.distinction,
        cite: policy.outcomes[b.outcome].cite,
        ruleText: policy.outcomes[b.outcome].text,
        ...signed,
      };
      await set({ decision: JSON.stringify(decision), decidedOn: today });
      // The case follows: an exempt or mitigated person's proposal, record and early warning.
      if (b.outcome !== 'reject') {
        const tolerance: PersonTolerance = {
          applicationId: a.id,
          number: a.number,
          outcome: b.outcome,
          cite: decision.cite,
          on: today,
        };
        await trx
          .updateTable('casePersons')
          .set({ tolerance: JSON.stringify(tolerance) })
          .where('caseId', '=', a.caseId)
          .where('officerId', '=', a.officerId)
          .execute();
      }
      const kinds = issuedDocuments(TOLERANCE_PROCEDURE, action, snapshot, body) as ToleranceDocumentKind[];
      for (const kind of kinds) {
        const docId = await storeDocument(trx, app, a, kind, decision, v);
        await set({ documentId: docId });
      }
    }
  });
}

/** The decision's document, kept in the case file (case_documents) and named by the application. */
async function storeDocument(
  trx: Transaction<DB>,
  app: FastifyInstance,
  a: LoadedApplication,
  kind: ToleranceDocumentKind,
  d: DecisionRecord,
  v: Verification,
): Promise<number> {
  const { policy } = policyOf(a);
  const spec = TOLERANCE_DOCUMENTS[kind];
  const c = d.collective as CollectiveDiscussion;
  const content = await spec.render({
    generatedAt: app.clock.now().toISOString(),
    organName: `${a.regionName}司法局`,
    caseNumber: a.number,
    accountabilityCase: { number: a.caseNumber, subject: a.caseSubject },
    person: { name: a.officerName, post: a.officerPost, agencyName: a.agencyName },
    applicantKind: a.applicantKind,
    appliedOn: a.appliedOn,
    grounds: a.grounds,
    policyTitle: policy.title,
    conditions: v.assessment.conditions.map((x) => ({ ...x, evidence: v.evidence[x.id] ?? '' })),
    exclusions: v.assessment.exclusions,
    distinction: { ...d.distinction, reasons: d.distinctionReasons },
    collective: {
      meetingOn: c.meetingOn,
      attendees: c.attendees.filter((x) => x.trim()).length,
      votesFor: c.votesFor,
      votesAgainst: c.votesAgainst,
      votesAbstain: c.votesAbstain,
    },
    opinion: d.opinion,
    outcomeRule: { cite: d.cite, text: d.ruleText },
    decidedOn: d.on,
  });
  return insertIssuedDocument(trx, {
    caseId: a.caseId,
    regionCode: a.regionCode,
    kind,
    number: a.number,
    title: spec.title,
    content,
    createdBy:
      (await trx.selectFrom('users').select('username').where('id', '=', d.by).executeTakeFirst())
        ?.username ?? null,
  });
}

// --- presentation ------------------------------------------------------------------------

const ACTIONS = Object.keys(TOLERANCE_PROCEDURE.actions) as [ToleranceAction, ...ToleranceAction[]];

const signedSchema = { by: z.string(), byName: z.string(), on: z.string() };

export const toleranceSummarySchema = z.object({
  id: z.string(),
  number: z.string(),
  state: z.enum(TOLERANCE_STATES),
  caseId: z.string(),
  caseNumber: z.string(),
  caseSubject: z.string(),
  officerId: z.string(),
  officerName: z.string(),
  agencyName: z.string(),
  applicantKind: z.enum(['officer', 'agency']),
  appliedOn: z.string(),
  outcome: z.enum(TOLERANCE_OUTCOMES).nullable(),
  decisionDue: z.string().nullable(),
  overdue: z.boolean(),
});

export const toleranceDetailSchema = toleranceSummarySchema.extend({
  regionCode: z.string(),
  officerPost: z.string().nullable(),
  appliedByName: z.string().nullable(),
  grounds: z.string(),
  preRegistered: z.string().nullable(),
  pack: z.string(),
  policy: z.object({ title: z.string(), summary: z.boolean() }),
  acceptance: z
    .object({
      opinion: z.string().optional(),
      by: z.string().optional(),
      byName: z.string().optional(),
      on: z.string().optional(),
      decline: z.object({ reason: z.string(), ...signedSchema }).optional(),
      withdraw: z.object({ reason: z.string(), ...signedSchema }).optional(),
    })
    .nullable(),
  verification: z
    .object({
      facts: toleranceFactsSchema,
      evidence: z.record(z.string(), z.string()),
      note: z.string().optional(),
      assessment: toleranceAssessmentSchema,
      ...signedSchema,
    })
    .nullable(),
  decision: z
    .object({
      outcome: z.enum(TOLERANCE_OUTCOMES),
      opinion: z.string(),
      distinctionReasons: z.string(),
      distinction: toleranceAssessmentSchema.shape.distinction,
      collective: collectiveSchema,
      cite: z.string(),
      ruleText: z.string(),
      ...signedSchema,
    })
    .nullable(),
  document: z.object({ id: z.number(), title: z.string(), caseId: z.string() }).nullable(),
  roles: z.array(z.enum(['office', 'investigator', 'applicant'])),
  availability: availabilitySchema(ACTIONS),
  version: z.number(),
  createdAt: z.string(),
});

export function summaryOf(a: LoadedApplication, calendar: Calendar, today: string) {
  const due =
    a.state === 'verifying' || a.state === 'verified'
      ? toleranceDecisionDue(snapshotOf(a), contextOf(a, calendar, today))
      : null;
  return {
    id: a.id,
    number: a.number,
    state: a.state as ToleranceState,
    caseId: a.caseId,
    caseNumber: a.caseNumber,
    caseSubject: a.caseSubject,
    officerId: a.officerId,
    officerName: a.officerName,
    agencyName: a.agencyName,
    applicantKind: a.applicantKind,
    appliedOn: a.appliedOn,
    outcome: (decisionOf(a)?.outcome ?? null) as ToleranceOutcome | null,
    decisionDue: due,
    overdue: due !== null && today > due,
  };
}

export function presentApplication(actor: Actor, a: LoadedApplication, calendar: Calendar, today: string) {
  const kinds = toleranceActorKinds(actor, refOf(a));
  const { policy } = policyOf(a);
  const d = decisionOf(a);
  return {
    ...summaryOf(a, calendar, today),
    regionCode: a.regionCode,
    officerPost: a.officerPost,
    appliedByName: a.appliedByName,
    grounds: a.grounds,
    preRegistered: (a.claimed as { preRegistered: string | null }).preRegistered,
    pack: a.pack,
    policy: { title: policy.title, summary: policy.summary },
    acceptance: (a.acceptance ?? null) as z.output<typeof toleranceDetailSchema>['acceptance'],
    verification: verificationOf(a) as z.output<typeof toleranceDetailSchema>['verification'],
    decision: d as z.output<typeof toleranceDetailSchema>['decision'],
    document:
      a.documentId && d
        ? { id: a.documentId, title: TOLERANCE_DOCUMENTS[`tolerance_${d.outcome}`].title, caseId: a.caseId }
        : null,
    roles: kinds,
    availability: actionAvailability(
      TOLERANCE_PROCEDURE,
      snapshotOf(a),
      kinds,
      contextOf(a, calendar, today),
    ),
    version: a.version,
    createdAt: iso(a.createdAt)!,
  };
}
