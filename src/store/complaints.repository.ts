// Public complaints (投诉) and their attachments. Every complaint becomes a lead at once.
import { randomInt, randomUUID } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { RECEIPT_ALPHABET, RECEIPT_LENGTH } from '../core/complaints/receipt.js';
import { deriveKey, hmacSm3 } from '../security/crypto.js';
import { activeKeyring } from '../security/keys.js';
import { sealIdentity } from './complainant-identity.js';
import { canonicalJson } from './json.js';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Run in the caller's transaction when given one, so that its other writes commit with these. */
function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<DB>) : db.transaction().execute(fn);
}

/**
 * The fingerprint of a request body that an Idempotency-Key is bound to: keyed (HMAC-SM3 under a
 * key derived from the blind-index key, outside the database), since the body holds the
 * complainant's name and phone, which must not be recoverable by guessing against a plain hash.
 */
export function requestFingerprint(body: unknown): string {
  return hmacSm3(deriveKey(activeKeyring().pii.index, 'idempotency-request'), canonicalJson(body)).toString(
    'hex',
  );
}

export function newReceipt(): string {
  let s = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) s += RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  return s;
}

export interface NewComplaint {
  regionCode: string;
  agencyId: string | null;
  officerName: string | null;
  subject: string;
  narrative: string;
  occurredOn: string | null;
  anonymous: boolean;
  contactName: string | null;
  contactPhone: string | null;
  /** 居民身份证号码, optional. Name, phone and ID number are stored sealed (SM4 + HMAC-SM3). */
  contactIdNumber?: string | null;
  idempotencyKey: string | null;
  /** requestFingerprint() of the body the Idempotency-Key came with. */
  requestFingerprint?: string | null;
}

/**
 * Store a complaint and its lead in one transaction (the caller's, when given one: its audit
 * entry belongs in it). Returns the receipt.
 */
export async function insertComplaint(db: Db, c: NewComplaint): Promise<{ id: string; receipt: string }> {
  return inTransaction(db, async (trx) => {
    const receipt = newReceipt();
    // The id is chosen here: the sealed identity is bound to it.
    const id = randomUUID();
    const { contactName, contactPhone, contactIdNumber, ...rest } = c;
    const identity =
      !c.anonymous && contactName && contactPhone
        ? sealIdentity(id, { name: contactName, phone: contactPhone, idNumber: contactIdNumber ?? null })
        : { contactName: null, contactPhone: null };
    const row = await trx
      .insertInto('complaints')
      .values({ ...rest, ...identity, id, receipt })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('leads')
      .values({
        regionCode: c.regionCode,
        source: 'complaint',
        agencyId: c.agencyId,
        officerId: null,
        subject: c.subject,
        narrative: c.narrative,
        occurredOn: c.occurredOn,
        complaintId: row.id,
        findingKey: null,
        actId: null,
        rule: null,
        faultCode: null,
        basis: null,
        detail: null,
        mergedInto: null,
        caseId: null,
        dismissReason: null,
        createdBy: null,
        updatedAt: new Date(),
      })
      .execute();
    return { id: row.id, receipt };
  });
}

export async function findComplaintByIdempotencyKey(db: Db, key: string) {
  return db
    .selectFrom('complaints')
    .select(['id', 'receipt', 'requestFingerprint'])
    .where('idempotencyKey', '=', key)
    .executeTakeFirst();
}

export async function findComplaintByReceipt(db: Db, receipt: string) {
  return db.selectFrom('complaints').selectAll().where('receipt', '=', receipt).executeTakeFirst();
}

export async function findComplaint(db: Db, id: string) {
  return db.selectFrom('complaints').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAttachments(db: Db, complaintId: string): Promise<number> {
  const r = await db
    .selectFrom('complaintAttachments')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('complaintId', '=', complaintId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * The complaints behind a lead: its own, and those of the leads merged into it (at any depth),
 * whose complaints are handled with it.
 */
export async function complaintIdsOfLead(db: Db, leadId: string): Promise<string[]> {
  const { rows } = await sql<{ cid: string }>`
    with recursive tree (id, complaint_id) as (
      select id, complaint_id from leads where id = ${leadId}
      union
      select l.id, l.complaint_id from leads l join tree t on l.merged_into = t.id
    )
    select complaint_id as cid from tree where complaint_id is not null`.execute(db);
  return rows.map((r) => r.cid);
}

/** The attachments of these complaints (what a list shows: no content, no identity). */
export async function listAttachmentsOf(db: Db, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return [];
  return db
    .selectFrom('complaintAttachments')
    .select(['id', 'complaintId', 'filename', 'mime', 'size', 'sha256', 'createdAt'])
    .where('complaintId', 'in', complaintIds)
    .orderBy('createdAt')
    .orderBy('id')
    .execute();
}

/** One attachment with its content, if it belongs to one of these complaints. */
export async function findAttachmentOf(db: Db, complaintIds: readonly string[], id: number) {
  if (complaintIds.length === 0) return undefined;
  return db
    .selectFrom('complaintAttachments')
    .selectAll()
    .where('complaintId', 'in', complaintIds)
    .where('id', '=', id)
    .executeTakeFirst();
}

export interface NewAttachment {
  complaintId: string;
  regionCode: string;
  filename: string;
  mime: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * Add an attachment unless the complaint already has `max`: counted and inserted under a lock
 * on the complaint's row, so that concurrent uploads cannot pass the limit together. `then`
 * runs in the same transaction (the audit entry). False when the limit is reached.
 */
export async function addAttachment(
  db: Db,
  a: NewAttachment,
  max: number,
  then: (trx: Transaction<DB>) => Promise<void>,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    await trx.selectFrom('complaints').select('id').where('id', '=', a.complaintId).forUpdate().execute();
    if ((await countAttachments(trx, a.complaintId)) >= max) return false;
    await trx.insertInto('complaintAttachments').values(a).execute();
    await then(trx);
    return true;
  });
}
