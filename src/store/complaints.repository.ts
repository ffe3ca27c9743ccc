// Public complaints (投诉) and their attachments. Every complaint becomes a lead at once.
import { randomInt } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

// Crockford base32 without I, L, O, U: unambiguous when read aloud or typed from paper.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECEIPT_LENGTH = 16; // 80 random bits

export function newReceipt(): string {
  let s = '';
  for (let i = 0; i < RECEIPT_LENGTH; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;

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
  idempotencyKey: string | null;
}

/** Store a complaint and its lead in one transaction. Returns the receipt. */
export async function insertComplaint(
  db: Kysely<DB>,
  c: NewComplaint,
): Promise<{ id: string; receipt: string }> {
  return db.transaction().execute(async (trx) => {
    const receipt = newReceipt();
    const row = await trx
      .insertInto('complaints')
      .values({ ...c, receipt })
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
    .select(['id', 'receipt'])
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

export async function listAttachments(db: Db, complaintId: string) {
  return db
    .selectFrom('complaintAttachments')
    .select(['id', 'filename', 'mime', 'size', 'sha256', 'createdAt'])
    .where('complaintId', '=', complaintId)
    .orderBy('id')
    .execute();
}
