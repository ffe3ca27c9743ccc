// The complainant's identity (name, phone, ID number) sealed at rest: SM4-CBC with a random IV,
// then HMAC-SM3 bound to the complaint and the column (src/security/crypto.ts), under versioned
// keys kept outside the database (src/security/keys.ts). Phone and ID number also get a keyed
// blind index, so that the complaints of one person can be found without decrypting anything.
// Decryption happens only where the identity is shown: to the case's assigned investigators
// (src/server/cases/present.ts, which also audits each read).
import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import { blindIndex, open, seal } from '../security/crypto.js';
import { activeKeyring, type Keyring } from '../security/keys.js';
import type { DB } from './schema.js';

export interface ComplainantIdentity {
  name: string;
  phone: string;
  idNumber: string | null;
}

export interface SealedIdentity {
  contactName: null;
  contactPhone: null;
  contactNameEnc: Buffer;
  contactPhoneEnc: Buffer;
  contactIdEnc: Buffer | null;
  contactKeyVersion: number;
  contactPhoneBidx: string;
  contactIdBidx: string | null;
}

type Db = Kysely<DB> | Transaction<DB>;

export function normalisePhone(phone: string): string {
  return phone.replace(/[\s\-()]/g, '');
}

export function normaliseIdNumber(id: string): string {
  return id.trim().toUpperCase();
}

export function phoneIndex(phone: string, keys: Keyring = activeKeyring()): string {
  return blindIndex(keys.pii.index, 'phone', normalisePhone(phone));
}

export function idNumberIndex(id: string, keys: Keyring = activeKeyring()): string {
  return blindIndex(keys.pii.index, 'id_number', normaliseIdNumber(id));
}

const context = (complaintId: string, column: string) => `complaints.${complaintId}.${column}`;

/** The sealed columns of a complaint's identity (the plaintext columns set to null). */
export function sealIdentity(
  complaintId: string,
  identity: ComplainantIdentity,
  keys: Keyring = activeKeyring(),
): SealedIdentity {
  const k = keys.pii.versions.get(keys.pii.current);
  if (!k) throw new Error(`no complainant-data key of version ${keys.pii.current}`);
  return {
    contactName: null,
    contactPhone: null,
    contactNameEnc: seal(k, identity.name, context(complaintId, 'contact_name')),
    contactPhoneEnc: seal(k, identity.phone, context(complaintId, 'contact_phone')),
    contactIdEnc: identity.idNumber ? seal(k, identity.idNumber, context(complaintId, 'contact_id')) : null,
    contactKeyVersion: k.version,
    contactPhoneBidx: phoneIndex(identity.phone, keys),
    contactIdBidx: identity.idNumber ? idNumberIndex(identity.idNumber, keys) : null,
  };
}

export interface IdentityColumns {
  id: string;
  contactName: string | null;
  contactPhone: string | null;
  contactNameEnc: Buffer | null;
  contactPhoneEnc: Buffer | null;
  contactIdEnc: Buffer | null;
}

/**
 * Decrypt a complaint's identity (null for an anonymous one). Throws when a sealed value fails
 * its MAC: altered, moved from another row, or sealed under keys this server does not have.
 * Call only where the identity is shown to someone allowed to see it.
 */
export function openIdentity(
  row: IdentityColumns,
  keys: Keyring = activeKeyring(),
): ComplainantIdentity | null {
  const keysFor = (v: number) => keys.pii.versions.get(v);
  if (row.contactNameEnc && row.contactPhoneEnc) {
    return {
      name: open(keysFor, Buffer.from(row.contactNameEnc), context(row.id, 'contact_name')),
      phone: open(keysFor, Buffer.from(row.contactPhoneEnc), context(row.id, 'contact_phone')),
      idNumber: row.contactIdEnc
        ? open(keysFor, Buffer.from(row.contactIdEnc), context(row.id, 'contact_id'))
        : null,
    };
  }
  // Not sealed yet (the server seals plaintext rows at start).
  if (row.contactName && row.contactPhone)
    return { name: row.contactName, phone: row.contactPhone, idNumber: null };
  return null;
}

/** Ids of the complaints filed with this phone number or ID number (by blind index). */
export async function findComplaintIdsByContact(
  db: Db,
  by: { phone?: string; idNumber?: string },
  keys: Keyring = activeKeyring(),
): Promise<string[]> {
  if (!by.phone && !by.idNumber) return [];
  let q = db.selectFrom('complaints').select('id');
  if (by.phone) q = q.where('contactPhoneBidx', '=', phoneIndex(by.phone, keys));
  if (by.idNumber) q = q.where('contactIdBidx', '=', idNumberIndex(by.idNumber, keys));
  return (await q.orderBy('createdAt').execute()).map((r) => r.id);
}

/**
 * The start-up step after migrations: seal every identity still in plaintext (complaints filed
 * before migration 0005) and re-seal those under an older key version (after a rotation), in
 * batches; then rewrite the table so that no old row version keeps the plaintext on disk. A sealed
 * value that fails its MAC (altered in the database) is left as it is and reported, not fatal.
 */
export async function sealPendingIdentities(
  db: Kysely<DB>,
  keys: Keyring = activeKeyring(),
  batch = 500,
): Promise<{ sealed: number; unreadable: string[] }> {
  let sealed = 0;
  const unreadable: string[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const n = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('complaints')
        .select(['id', 'contactName', 'contactPhone', 'contactNameEnc', 'contactPhoneEnc', 'contactIdEnc'])
        .where('id', '>', after)
        .where((eb) =>
          eb.or([
            eb('contactName', 'is not', null),
            eb('contactPhone', 'is not', null),
            eb.and([
              eb('contactKeyVersion', 'is not', null),
              eb('contactKeyVersion', '!=', keys.pii.current),
            ]),
          ]),
        )
        .orderBy('id')
        .limit(batch)
        .forUpdate()
        .execute();
      for (const row of rows) {
        after = row.id;
        let identity: ComplainantIdentity | null;
        try {
          identity = openIdentity(row, keys);
        } catch {
          unreadable.push(row.id);
          continue;
        }
        const values = identity
          ? sealIdentity(row.id, identity, keys)
          : { contactName: null, contactPhone: null, contactKeyVersion: null };
        await trx.updateTable('complaints').set(values).where('id', '=', row.id).execute();
        sealed += 1;
      }
      return rows.length;
    });
    if (n < batch) break;
  }
  // An UPDATE leaves the old row version (with the plaintext) in the table file until vacuumed;
  // VACUUM FULL rewrites the table without it (剩余信息保护).
  if (sealed > 0) await sql`vacuum full complaints`.execute(db);
  return { sealed, unreadable };
}
