// The pre-registration's actions as the API takes them: a zod schema per action (the body also
// carries the `version` the user saw), the engine's checks on the STORED registration, then the
// effect, the new state, the issued documents and the audit entry in one transaction that first
// claims the version read — of two people acting on the same version one wins, the other gets 409.

import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Calendar } from '../../core/calendar/index.js';
import { canReadPreRegistration, preRegistrationActorKinds } from '../../core/policies/pre-registration.js';
import { checkAction, issuedDocuments } from '../../core/workflow/engine.js';
import {
  MEASURE_FIELD_LABELS,
  PRE_REGISTRATION_PROCEDURE,
  type PreRegistrationAction,
  type PreRegistrationDocumentKind,
} from '../../core/workflow/pre-registration.js';
import { findPreRegistration } from '../../store/pre-registrations.repository.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { commitStep } from '../procedure.js';
import { isoDate, versionField } from '../schemas.js';
import { actorOf } from '../types.js';
import { storePreRegistrationDocuments } from './documents.js';
import { PRE_REGISTRATION_EFFECTS, type PreRegistrationEffect } from './effects.js';
import { snapshotOf } from './present.js';

const text = (max: number) => z.string().trim().max(max);

/** One part of the measure: written (at least 2 characters), within its limit. */
const part = (field: keyof typeof MEASURE_FIELD_LABELS, max: number) =>
  z
    .string()
    .trim()
    .min(2, { message: `请填写${MEASURE_FIELD_LABELS[field]}（至少 2 字）` })
    .max(max, { message: `${MEASURE_FIELD_LABELS[field]}不超过 ${max} 字` });

/** The measure as registered, and as amended on resubmission. */
export const measureFields = {
  title: part('title', 100),
  measure: part('measure', 5000),
  reason: part('reason', 5000),
  legalGap: part('legalGap', 5000),
  risks: part('risks', 5000),
  safeguards: part('safeguards', 5000),
  plannedFrom: isoDate,
};

const version = versionField;

export const actionSchemas = {
  accept: z.object({ version, opinion: text(2000) }),
  return: z.object({ version, reasons: text(2000) }),
  withdraw: z.object({ version, reason: text(500).optional() }),
  resubmit: z.object({ version, ...measureFields, note: text(1000).optional() }),
} satisfies { [A in PreRegistrationAction]: z.ZodType };

export type ActionBody<A extends PreRegistrationAction> = z.output<(typeof actionSchemas)[A]>;

export interface ActionDeps {
  calendar: Calendar;
  today: string;
  /** The moment the step's documents are dated. */
  now: Date;
}

/** The registration, when the request's actor may read it; 404 otherwise (never saying whether it exists). */
export async function visiblePreRegistration(req: FastifyRequest, id: string) {
  const r = await findPreRegistration(req.server.database.db, id);
  if (!r || !canReadPreRegistration(actorOf(req), r)) throw notFound('报备');
  return r;
}

/**
 * Run one action on a registration: 404 outside the reader's register, 403 when the reader may not
 * take it, 409 on a stale version, 400 naming the field when a check fails; then one transaction.
 */
export async function performPreRegistrationAction<A extends PreRegistrationAction>(
  req: FastifyRequest,
  id: string,
  action: A,
  body: ActionBody<A>,
  deps: ActionDeps,
): Promise<void> {
  const actor = actorOf(req);
  const r = await visiblePreRegistration(req, id);
  const kinds = preRegistrationActorKinds(actor, r);
  const snapshot = snapshotOf(r);
  const ctx = { today: deps.today };
  const check = checkAction(PRE_REGISTRATION_PROCEDURE, snapshot, action, body, kinds, ctx);
  if (check.blocked === 'actor') throw forbidden(check.problems[0]!.message);
  if (body.version !== r.version) throw conflict();
  if (!check.ok) throw new HttpError(400, check.problems.map((p) => p.message).join('；'), check.problems);

  const effect = PRE_REGISTRATION_EFFECTS[action] as PreRegistrationEffect<A>;
  const docs = issuedDocuments(
    PRE_REGISTRATION_PROCEDURE,
    action,
    snapshot,
    body,
  ) as PreRegistrationDocumentKind[];
  await commitStep(
    req,
    {
      procedure: PRE_REGISTRATION_PROCEDURE,
      table: 'preRegistrations',
      object: r,
      action,
      body,
      next: check.next,
    },
    (trx) => effect.apply({ trx, r, actor, today: deps.today }, body),
    async (trx) => {
      if (docs.length > 0) await storePreRegistrationDocuments(trx, r.id, docs, actor, deps.now);
    },
  );
}
