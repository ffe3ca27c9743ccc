// The audit log: append-only, hash-chained. Each row's hash covers the previous row's
// hash and the row's own content, so altering or deleting a row breaks the chain there.
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { canonicalJson } from './json.js';
import type { DB } from './schema.js';

export interface AuditEntry {
  regionCode: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  objectType: string;
  objectId: string;
  detail?: Record<string, unknown>;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serialises appends so that the chain has exactly one successor per row.
const AUDIT_LOCK_KEY = 7_361_001;

function rowHash(prevHash: string, row: Omit<AuditEntry, 'detail'> & { at: Date; detail: unknown }): string {
  const content = canonicalJson({
    prevHash,
    regionCode: row.regionCode,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    detail: row.detail,
  });
  return createHash('sha256').update(content).digest('hex');
}

/** Append one entry. Call inside the transaction of the change it records. */
export async function appendAudit(trx: Transaction<DB> | Kysely<DB>, entry: AuditEntry): Promise<void> {
  // The lock lasts until the end of the transaction; outside one it would end with its own
  // statement and let concurrent appends read the same predecessor.
  if (!trx.isTransaction) return trx.transaction().execute((t) => appendAudit(t, entry));
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`.execute(trx);
  const last = await trx
    .selectFrom('auditLog')
    .select('hash')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date();
  const detail = entry.detail ?? {};
  const hash = rowHash(prevHash, { ...entry, at, detail });
  await trx
    .insertInto('auditLog')
    .values({
      regionCode: entry.regionCode,
      at,
      actorId: entry.actorId,
      actorName: entry.actorName,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      detail: JSON.stringify(detail),
      prevHash,
      hash,
    })
    .execute();
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match. */
  brokenAt?: { id: number; reason: string };
}

/** Recompute the whole chain in id order, streaming in pages. */
export async function verifyAuditChain(db: Kysely<DB>, pageSize = 5000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          checked,
          brokenAt: { id: row.id, reason: '与上一条记录的哈希不衔接（记录被删除或插入）' },
        };
      }
      const expected = rowHash(prevHash, { ...row, at: new Date(row.at), detail: row.detail });
      if (expected !== row.hash) {
        return { ok: false, checked, brokenAt: { id: row.id, reason: '记录内容与其哈希不符（记录被篡改）' } };
      }
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
  }
}

export async function auditTrail(db: Kysely<DB>, objectType: string, objectId: string, limit = 200) {
  return db
    .selectFrom('auditLog')
    .select(['id', 'at', 'actorName', 'action', 'detail'])
    .where('objectType', '=', objectType)
    .where('objectId', '=', objectId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
