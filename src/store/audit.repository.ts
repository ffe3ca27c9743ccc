// The audit log: append-only, hash-chained. Each row's hash covers the previous row's
// hash and the row's own content, so altering or deleting a row breaks the chain there.
//
// Scheme 2 (since migration 0005) keys the chain: HMAC-SM3 with a key kept outside the database
// (src/security/keys.ts) over the row's id, its timestamp to the microsecond and its content, so
// that someone who can write the database cannot recompute the chain. Its head is anchored —
// signed and appended to a file in the key directory (src/security/anchors.ts) — at the server's
// start, every few minutes, after the nightly run, at shutdown and by `wenze audit anchor`; a
// chain shorter than an anchored head (newest rows deleted) or differing from it fails to verify.
// Rows of scheme 1 (plain SHA-256, before the key) still verify, but only as the chain's oldest
// part: never after a keyed row nor after the first anchor (no downgrade by re-forging as scheme 1).
import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type Anchor,
  type AuditHead,
  appendAnchor,
  archiveAnchors,
  readAnchors,
} from '../security/anchors.js';
import { hmacSm3 } from '../security/crypto.js';
import { activeKeyring, type Keyring } from '../security/keys.js';
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

/** Scheme 1: unkeyed SHA-256 (rows written before migration 0005). */
function legacyRowHash(
  prevHash: string,
  row: Omit<AuditEntry, 'detail'> & { at: Date; detail: unknown },
): string {
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

export const AUDIT_SCHEME = 2;

/** A timestamp as the keyed scheme hashes it: UTC to the microsecond, as PostgreSQL keeps it. */
export function auditTimeText(at: Date): string {
  return at.toISOString().replace('Z', '000Z');
}

/** The same text computed by the database from the stored value. */
const AT_TEXT = sql<string>`to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Scheme 2: HMAC-SM3 under the audit key, over the id, the exact time and the content. */
function keyedRowHash(
  key: Buffer,
  prevHash: string,
  row: Omit<AuditEntry, 'detail'> & { id: number; atText: string; detail: unknown },
): string {
  const content = canonicalJson({
    scheme: AUDIT_SCHEME,
    id: row.id,
    prevHash,
    regionCode: row.regionCode,
    at: row.atText,
    actorId: row.actorId,
    actorName: row.actorName,
    action: row.action,
    objectType: row.objectType,
    objectId: row.objectId,
    detail: row.detail,
  });
  return hmacSm3(key, 'wenze-audit-row-v2', content).toString('hex');
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
  // The id is part of the keyed hash, so it is taken first (under the lock: ids stay in order).
  const { rows } = await sql<{ id: number }>`
    select nextval(pg_get_serial_sequence('audit_log', 'id'))::int8 as id`.execute(trx);
  const id = Number(rows[0]?.id);
  const at = new Date();
  const detail = entry.detail ?? {};
  const hash = keyedRowHash(activeKeyring().auditChain, prevHash, {
    ...entry,
    id,
    atText: auditTimeText(at),
    detail,
  });
  await trx
    .insertInto('auditLog')
    .values({
      id,
      scheme: AUDIT_SCHEME,
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
  /** The newest anchor the chain was checked against (null: no anchor file yet). */
  anchor?: { seq: number; at: string } | null;
  /** Lines of the anchor file that are not validly signed anchors. */
  anchorErrors?: { line: number; reason: string }[];
}

export interface VerifyOptions {
  pageSize?: number;
  keys?: Keyring;
  /** Check against these anchors (default: none; `readAuditAnchors` gives the key directory's). */
  anchors?: Anchor[];
}

/**
 * What `wenze audit verify` checks: the chain, against every anchor of the key directory; an
 * anchor file with a line that is not a validly signed anchor fails too.
 */
export async function verifyAuditLog(
  db: Kysely<DB>,
  keys: Keyring = activeKeyring(),
): Promise<AuditVerification> {
  const file = readAnchors(keys);
  const result = await verifyAuditChain(db, { keys, anchors: file.anchors });
  return file.bad.length ? { ...result, ok: false, anchorErrors: file.bad } : result;
}

/** Recompute the whole chain in id order, streaming in pages, and hold it against the anchors. */
export async function verifyAuditChain(db: Kysely<DB>, opts: VerifyOptions = {}): Promise<AuditVerification> {
  const pageSize = opts.pageSize ?? 5000;
  const key = (opts.keys ?? activeKeyring()).auditChain;
  const anchors = opts.anchors ?? [];
  const anchoredHash = new Map<number, Anchor>();
  for (const a of anchors) if (a.seq > 0) anchoredHash.set(a.seq, a);
  const newest = anchors.reduce<Anchor | null>((m, a) => (!m || a.seq > m.seq ? a : m), null);
  // Rows of the unkeyed scheme are accepted only up to the head anchored first (the epoch).
  const epoch = anchors.length ? anchors[0].seq : Number.POSITIVE_INFINITY;
  const anchor = newest ? { seq: newest.seq, at: newest.at } : null;
  let prevHash = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let keyedSeen = false;
  const seen = new Set<number>();
  const broken = (id: number, reason: string): AuditVerification => ({
    ok: false,
    checked,
    brokenAt: { id, reason },
    anchor,
  });
  for (;;) {
    const rows = await db
      .selectFrom('auditLog')
      .selectAll()
      .select(AT_TEXT.as('atText'))
      .where('id', '>', lastId)
      .orderBy('id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        return broken(row.id, '与上一条记录的哈希不衔接（记录被删除或插入）');
      }
      let expected: string;
      if (row.scheme === AUDIT_SCHEME) {
        expected = keyedRowHash(key, prevHash, { ...row, id: Number(row.id), detail: row.detail });
        keyedSeen = true;
      } else if (row.scheme === 1) {
        if (keyedSeen || row.id > epoch) {
          return broken(row.id, '在启用审计密钥之后出现未加密钥的记录（整条链被按旧算法重新计算）');
        }
        expected = legacyRowHash(prevHash, { ...row, at: new Date(row.at), detail: row.detail });
      } else {
        return broken(row.id, `未知的哈希方案 ${row.scheme}`);
      }
      if (expected !== row.hash) {
        return broken(row.id, '记录内容与其哈希不符（记录被篡改）');
      }
      const a = anchoredHash.get(Number(row.id));
      if (a && a.hash !== row.hash) {
        return broken(row.id, `与 ${a.at} 签署的锚点不符（整条链被重新计算）`);
      }
      seen.add(Number(row.id));
      prevHash = row.hash;
      lastId = row.id;
      checked += 1;
    }
  }
  if (newest && lastId < newest.seq) {
    return broken(
      newest.seq,
      `审计日志止于第 ${lastId} 条，短于 ${newest.at} 签署的锚点（第 ${newest.seq} 条）：最新的记录被删除`,
    );
  }
  for (const a of anchoredHash.values()) {
    if (!seen.has(a.seq)) return broken(a.seq, `${a.at} 签署的锚点所指的记录已不存在（记录被删除）`);
  }
  return { ok: true, checked, anchor };
}

/** The newest row's id and hash. */
export async function auditHead(db: Kysely<DB>): Promise<AuditHead> {
  const last = await db
    .selectFrom('auditLog')
    .select(['id', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return last ? { seq: Number(last.id), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

/**
 * A server starting on an empty audit log while the anchor file names rows (the embedded data
 * directory was deleted to start afresh, or the log was emptied): the old anchors can never match
 * again, so they are set aside under a dated name — kept as evidence — and a new series begins.
 * Returns the name they were kept under, or null when nothing was set aside.
 */
export async function setAsideStaleAnchors(
  db: Kysely<DB>,
  keys: Keyring = activeKeyring(),
): Promise<string | null> {
  if (!keys.dir) return null;
  const { anchors } = readAnchors(keys);
  if (!anchors.some((a) => a.seq > 0)) return null;
  if ((await auditHead(db)).seq !== 0) return null;
  return archiveAnchors(keys, 'empty-log');
}

const lastAnchored = new WeakMap<Keyring, string>();

/**
 * Sign the chain's head into the anchor file of the key directory. Skipped (null) when the keys
 * have no directory (in-memory keys) or, unless `force`, when the head is the one anchored last.
 */
export async function anchorAuditHead(
  db: Kysely<DB>,
  opts: { keys?: Keyring; force?: boolean } = {},
): Promise<Anchor | null> {
  const keys = opts.keys ?? activeKeyring();
  if (!keys.dir) return null;
  const head = await auditHead(db);
  const id = `${head.seq}:${head.hash}`;
  if (!opts.force && lastAnchored.get(keys) === id) return null;
  const anchor = appendAnchor(keys, head);
  lastAnchored.set(keys, id);
  return anchor;
}

export async function auditTrail(db: Kysely<DB>, objectType: string, objectId: string, limit = 200) {
  return db
    .selectFrom('auditLog')
    .select(['id', 'at', 'actorId', 'actorName', 'action', 'detail'])
    .where('objectType', '=', objectType)
    .where('objectId', '=', objectId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
