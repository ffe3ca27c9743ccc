// The case actions as the API takes them: a zod schema per action (the body also carries the
// `version` the user saw), the workflow's guards, then the effects in one transaction.
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import { z } from 'zod';
import { todayInChina } from '../../core/dates.js';
import type { Actor } from '../../core/policies/actor.js';
import { caseActorKinds } from '../../core/policies/case.js';
import { SANCTION_FORMS } from '../../core/rulebook/types.js';
import { CASE_PROCEDURE, type CaseAction, type CaseState, DECISION_KINDS } from '../../core/workflow/case.js';
import type { CaseDocumentKind } from '../../core/workflow/case-documents.js';
import { checkAction, issuedDocuments } from '../../core/workflow/engine.js';
import { type LoadedCase, loadCase } from '../../store/cases.repository.js';
import type { DB } from '../../store/schema.js';
import { conflict, HttpError } from '../errors.js';
import { commitStep, refuseUnlessAllowed } from '../procedure.js';
import { INT32_MAX, isoDate, versionField } from '../schemas.js';
import { CASE_EFFECTS, type CaseEffect } from './effects.js';
import { procedureOf, snapshotOf } from './snapshot.js';

const text = (max: number) => z.string().trim().max(max);
const version = versionField;

export const OUTCOMES = ['pursue', 'may_not_pursue', 'not_liable'] as const;

export const actionSchemas = {
  accept: z.object({ version, opinion: text(2000) }),
  decline: z.object({ version, reason: text(2000) }),
  assign_investigators: z.object({ version, userIds: z.array(z.uuid()).max(10) }),
  recuse: z.object({ version, userId: z.uuid(), reason: text(500) }),
  start_investigation: z.object({ version }),
  extend_investigation: z.object({
    version,
    days: z.number().int().min(-INT32_MAX).max(INT32_MAX),
    reason: text(500),
    approvedBy: text(50),
  }),
  record_findings: z.object({
    version,
    facts: z.record(z.string(), z.unknown()),
    findingsText: text(10000).optional(),
    overrides: z
      .array(z.object({ personId: z.string(), outcome: z.enum(OUTCOMES), reason: text(1000) }))
      .max(20)
      .default([]),
  }),
  notify_statement: z.object({ version }),
  record_statement: z.object({
    version,
    personId: z.string(),
    text: text(10000),
    hearingRequested: z.boolean().optional(),
  }),
  waive_statement: z.object({ version, personId: z.string(), reason: text(500) }),
  hold_hearing: z.object({ version, personId: z.string(), heldOn: isoDate, summary: text(10000) }),
  propose_decision: z.object({
    version,
    kind: z.enum(DECISION_KINDS),
    reasons: text(10000),
    sanctions: z
      .array(
        z.object({
          personId: z.string().max(64),
          form: z.enum(SANCTION_FORMS),
          reason: text(1000).optional(),
        }),
      )
      .max(20)
      .default([]),
    organs: z
      .object({
        discipline: z.string().trim().max(64).optional(),
        judicial: z.string().trim().max(64).optional(),
      })
      .optional(),
  }),
  decide: z.object({
    version,
    opinion: text(2000),
    collective: z
      .object({
        meetingOn: isoDate,
        attendees: z.array(text(50)).max(50),
        votesFor: z.number().int().min(0).max(1000),
        votesAgainst: z.number().int().min(0).max(1000),
        votesAbstain: z.number().int().min(0).max(1000),
        minutes: text(10000),
      })
      .optional(),
  }),
  return_proposal: z.object({ version, reason: text(2000) }),
  serve: z.object({
    version,
    servedOn: isoDate,
    recipient: text(100),
    method: text(50),
    place: text(200).optional(),
  }),
  execute: z.object({ version, note: text(2000) }),
  close: z.object({ version, note: text(2000).optional() }),
} satisfies { [A in CaseAction]: z.ZodType };

export type ActionBody<A extends CaseAction> = z.output<(typeof actionSchemas)[A]>;

export function caseRefOf(c: LoadedCase) {
  return {
    regionCode: c.regionCode,
    agencyId: c.agencyId,
    investigators: c.investigators.filter((i) => !i.recused).map((i) => i.userId),
    persons: c.persons.map((p) => p.officerId),
    organs: c.referrals.flatMap((r) => (r.organId ? [r.organId] : [])),
  };
}

export interface ActionDeps {
  calendar: import('../../core/calendar/index.js').Calendar;
  /** Generates and stores the documents of a step (inside the transaction). */
  documents(trx: Transaction<DB>, caseId: string, kinds: DocumentKind[], actor: Actor): Promise<void>;
  today?: string;
}

export type DocumentKind = CaseDocumentKind;

/**
 * Run one action on a case: the engine's checks on the stored case, then the action's effect,
 * the new state, the documents the step issues and the audit entry, all in one transaction.
 */
export async function performCaseAction<A extends CaseAction>(
  req: FastifyRequest,
  caseId: string,
  action: A,
  body: ActionBody<A>,
  deps: ActionDeps,
): Promise<void> {
  const db = req.server.database.db;
  const actor = req.actor!;
  const today = deps.today ?? todayInChina();
  const c = await loadCase(db, caseId);
  if (!c) throw new HttpError(404, '案件不存在或无权查看');
  const kinds = caseActorKinds(actor, caseRefOf(c));
  if (kinds.length === 0) throw new HttpError(404, '案件不存在或无权查看');
  if (body.version !== c.version) throw conflict();
  const { procedure } = procedureOf(c);
  const snapshot = snapshotOf(c);
  const ctx = {
    today,
    calendar: deps.calendar,
    procedure,
    actorUserId: actor.id,
    actorOfficerId: actor.officerId,
  };
  const effect = CASE_EFFECTS[action] as CaseEffect<A>;
  const prepared = effect.prepare ? await effect.prepare(db, c, body) : {};
  if (prepared.persons) snapshot.persons = prepared.persons;

  const check = checkAction(CASE_PROCEDURE, snapshot, action, body, kinds, ctx);
  refuseUnlessAllowed(check);
  if (effect.validate) await effect.validate(db, c, body);

  const docs = issuedDocuments(CASE_PROCEDURE, action, snapshot, body) as DocumentKind[];
  await commitStep(
    req,
    {
      procedure: CASE_PROCEDURE,
      table: 'cases',
      object: { ...c, state: c.state as CaseState },
      action,
      body,
      next: check.next,
    },
    (trx) => effect.apply({ trx, c, actor, today, prepared }, body),
    async (trx) => {
      if (docs.length > 0) await deps.documents(trx, c.id, docs, actor);
    },
  );
}
