// Audit a change made on behalf of the request's actor, inside the change's transaction.
import type { FastifyRequest } from 'fastify';
import type { Kysely, Transaction } from 'kysely';
import { type AuditEntry, appendAudit } from '../store/audit.repository.js';
import type { DB } from '../store/schema.js';
import { actorOf } from './types.js';

export function auditAs(
  req: FastifyRequest,
  trx: Transaction<DB> | Kysely<DB>,
  entry: Omit<AuditEntry, 'actorId' | 'actorName'>,
): Promise<void> {
  const a = actorOf(req);
  return appendAudit(trx, { ...entry, actorId: a.id, actorName: a.username });
}
