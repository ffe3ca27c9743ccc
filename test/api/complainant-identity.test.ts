// The complainant's name, phone and ID number are sealed at rest (SM4-CBC + HMAC-SM3, keys
// outside the database, issue 9): the raw rows hold none of them, lookups go by blind index,
// complaints filed before the change are sealed at start, and a key rotation re-seals.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeKeyring, type Keyring, setActiveKeyring } from '../../src/security/keys.js';
import {
  findComplaintIdsByContact,
  openIdentity,
  sealPendingIdentities,
} from '../../src/store/complainant-identity.js';
import { findComplaint } from '../../src/store/complaints.repository.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const NAME = '钱多多';
const PHONE = '139 0000 7777';
const ID = '11010519491231002X';

async function rawText(t: TestApp, id: string): Promise<string> {
  const { rows } = await sql<{ t: string }>`select c::text as t from complaints c where id = ${id}`.execute(
    t.database.raw,
  );
  return rows[0]?.t ?? '';
}

function expectNoPlaintext(text: string, ...values: string[]) {
  for (const v of values) {
    expect(text).not.toContain(v);
    expect(text).not.toContain(Buffer.from(v, 'utf8').toString('hex'));
  }
}

describe.each(drivers)('sealed complainant identity on %s', (driver) => {
  let t: TestApp;
  let complaintId: string;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  const file = (contact: Record<string, string>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject: '检查时索要好处',
        narrative: '执法人员在检查时暗示需要“意思意思”，否则从严处罚。',
        anonymous: false,
        contact,
      },
    });

  it('stores no plaintext name, phone or ID number', async () => {
    const r = await file({ name: NAME, phone: PHONE, idNumber: ID.toLowerCase() });
    expect(r.statusCode, r.body).toBe(201);
    const row = await t.database.db
      .selectFrom('complaints')
      .selectAll()
      .where('receipt', '=', r.json().receipt)
      .executeTakeFirstOrThrow();
    complaintId = row.id;
    expect(row).toMatchObject({ contactName: null, contactPhone: null, contactKeyVersion: 1 });
    expect(row.contactNameEnc?.length).toBeGreaterThan(48);
    expectNoPlaintext(await rawText(t, row.id), NAME, PHONE, '13900007777', ID, ID.toLowerCase());
    expect(openIdentity(row)).toEqual({ name: NAME, phone: PHONE, idNumber: ID });
  });

  it('finds complaints by phone or ID number through the blind index', async () => {
    expect(await findComplaintIdsByContact(t.database.db, { phone: '13900007777' })).toEqual([complaintId]);
    expect(await findComplaintIdsByContact(t.database.db, { idNumber: ID.toLowerCase() })).toEqual([
      complaintId,
    ]);
    expect(await findComplaintIdsByContact(t.database.db, { phone: '13900007778' })).toEqual([]);
  });

  it('refuses an invalid ID number, naming the field', async () => {
    const r = await file({ name: NAME, phone: PHONE, idNumber: '110105194912310021' });
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields.map((f: { path: string }) => f.path)).toContain('contact.idNumber');
  });

  it('a sealed value moved to another complaint or altered does not open', async () => {
    const other = await file({ name: '孙二', phone: '13600001234' });
    const otherRow = await t.database.db
      .selectFrom('complaints')
      .select('id')
      .where('receipt', '=', other.json().receipt)
      .executeTakeFirstOrThrow();
    await sql`update complaints set contact_name_enc = (select contact_name_enc from complaints where id = ${complaintId})
      where id = ${otherRow.id}`.execute(t.database.raw);
    const moved = await findComplaint(t.database.db, otherRow.id);
    expect(() => openIdentity(moved!)).toThrow(/MAC/);
  });

  it('seals the plaintext of complaints filed before, and re-seals after a key rotation', async () => {
    // A complaint as it was stored before migration 0005.
    const { rows } = await sql<{ id: string }>`
      insert into complaints (receipt, region_code, subject, narrative, anonymous, contact_name, contact_phone)
      values ('LEGACY0000000001', '529900', '旧投诉', '迁移之前提交的实名投诉。', false, '周旧', '13500009999')
      returning id`.execute(t.database.raw);
    const legacyId = rows[0].id;
    expect(await rawText(t, legacyId)).toContain('周旧');
    expect((await sealPendingIdentities(t.database.db)).sealed).toBe(1);
    expectNoPlaintext(await rawText(t, legacyId), '周旧', '13500009999');
    expect(openIdentity((await findComplaint(t.database.db, legacyId))!)).toMatchObject({
      name: '周旧',
      phone: '13500009999',
    });
    expect(await findComplaintIdsByContact(t.database.db, { phone: '135 0000 9999' })).toEqual([legacyId]);

    // Rotation: a version 2 becomes current; every sealed identity moves to it at the next start.
    const before = activeKeyring();
    const master = randomBytes(32);
    const { deriveKey } = await import('../../src/security/crypto.js');
    const rotated: Keyring = {
      ...before,
      pii: {
        ...before.pii,
        current: 2,
        versions: new Map([
          ...before.pii.versions,
          [2, { version: 2, enc: deriveKey(master, 'pii-sm4', 16), mac: deriveKey(master, 'pii-mac') }],
        ]),
      },
    };
    setActiveKeyring(rotated);
    try {
      // The complaint whose sealed name was moved in the previous test stays as it is, reported.
      const rotation = await sealPendingIdentities(t.database.db);
      expect(rotation.sealed).toBeGreaterThanOrEqual(2);
      expect(rotation.unreadable).toHaveLength(1);
      const versions = await t.database.db
        .selectFrom('complaints')
        .select('contactKeyVersion')
        .where('contactKeyVersion', 'is not', null)
        .distinct()
        .execute();
      expect(versions.map((v) => v.contactKeyVersion).sort()).toEqual([1, 2]);
      expect(openIdentity((await findComplaint(t.database.db, complaintId))!)).toMatchObject({ name: NAME });
    } finally {
      setActiveKeyring(before);
    }
  });
});
