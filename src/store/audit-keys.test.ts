// The keyed audit chain and its anchors (issue 9): someone who can write the database but has
// neither the audit key nor the anchor file cannot re-forge the chain, drop its newest rows or
// move a timestamp without `verifyAuditLog` (what `wenze audit verify` runs) noticing.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import { archiveAnchors } from '../security/anchors.js';
import { type Keyring, loadKeyring, setActiveKeyring } from '../security/keys.js';
import {
  anchorAuditHead,
  appendAudit,
  GENESIS_HASH,
  setAsideStaleAnchors,
  verifyAuditLog,
} from './audit.repository.js';
import { truncateAll } from './demo.js';
import { canonicalJson } from './json.js';

const entry = (i: number) => ({
  regionCode: '529900',
  actorId: null,
  actorName: 'tester',
  action: 'test.write',
  objectType: 'thing',
  objectId: String(i),
  detail: { i },
});

interface Row {
  id: number;
  region_code: string;
  at: Date;
  actor_id: string | null;
  actor_name: string | null;
  action: string;
  object_type: string;
  object_id: string;
  detail: unknown;
}

/** What an attacker with database access can do: recompute every hash, without the key. */
async function reforge(t: TestDatabase, opts: { scheme?: number } = {}) {
  const { rows } = await sql<Row>`select * from audit_log order by id`.execute(t.raw);
  let prev = GENESIS_HASH;
  for (const r of rows) {
    const hash = createHash('sha256')
      .update(
        canonicalJson({
          prevHash: prev,
          regionCode: r.region_code,
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          action: r.action,
          objectType: r.object_type,
          objectId: r.object_id,
          detail: r.detail,
        }),
      )
      .digest('hex');
    await sql`update audit_log set prev_hash = ${prev}, hash = ${hash},
      scheme = coalesce(${opts.scheme ?? null}::smallint, scheme) where id = ${r.id}`.execute(t.raw);
    prev = hash;
  }
}

/** Delete a row as a database superuser would: past the six-month trigger. */
async function deleteRow(t: TestDatabase, id: number) {
  await t.raw.transaction().execute(async (trx) => {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`delete from audit_log where id = ${id}`.execute(trx);
  });
}

async function ids(t: TestDatabase): Promise<number[]> {
  const { rows } = await sql<{ id: number }>`select id from audit_log order by id`.execute(t.raw);
  return rows.map((r) => Number(r.id));
}

describe.each(drivers)('keyed and anchored audit chain on %s', (driver) => {
  let t: TestDatabase;
  let dir: string;
  let keys: Keyring;
  beforeAll(async () => {
    t = await createTestDatabase(driver);
    dir = mkdtempSync(join(tmpdir(), 'wenze-keys-'));
    keys = loadKeyring({ dir, generate: true, env: {} });
    setActiveKeyring(keys);
  });
  afterAll(async () => {
    setActiveKeyring(null);
    await t?.drop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await truncateAll(t);
    archiveAnchors(keys, 'test');
    for (let i = 0; i < 4; i++) await appendAudit(t.db, entry(i));
  });

  it('an intact log verifies against its anchor', async () => {
    const anchor = await anchorAuditHead(t.db, { force: true });
    expect(anchor?.seq).toBe((await ids(t)).at(-1));
    await appendAudit(t.db, entry(9));
    const v = await verifyAuditLog(t.db);
    expect(v).toMatchObject({ ok: true, checked: 5, anchor: { seq: anchor?.seq } });
  });

  it('detects a full re-forge: every hash recomputed without the key', async () => {
    await sql`update audit_log set detail = '{"i": 99}'::jsonb where object_id = '2'`.execute(t.raw);
    await reforge(t);
    const v = await verifyAuditLog(t.db);
    expect(v.ok).toBe(false);
    expect(v.brokenAt?.id).toBe((await ids(t))[0]);
  });

  it('detects a re-forge under the old unkeyed scheme, by the anchor', async () => {
    await anchorAuditHead(t.db, { force: true });
    await reforge(t, { scheme: 1 });
    const v = await verifyAuditLog(t.db);
    expect(v.ok).toBe(false);
    expect(v.brokenAt?.reason).toMatch(/锚点|未加密钥/);
  });

  it('detects the deletion of the newest row', async () => {
    await anchorAuditHead(t.db, { force: true });
    const all = await ids(t);
    await deleteRow(t, all.at(-1)!);
    const v = await verifyAuditLog(t.db);
    expect(v.ok).toBe(false);
    expect(v.brokenAt?.id).toBe(all.at(-1));
    expect(v.brokenAt?.reason).toContain('最新的记录被删除');
  });

  it('detects a changed timestamp, even by one microsecond, and after a re-forge', async () => {
    const [first, second] = await ids(t);
    await sql`update audit_log set at = at + interval '1 microsecond' where id = ${second}`.execute(t.raw);
    let v = await verifyAuditLog(t.db);
    expect(v).toMatchObject({ ok: false, brokenAt: { id: second } });
    await sql`update audit_log set at = at - interval '1 microsecond' where id = ${second}`.execute(t.raw);
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
    await sql`update audit_log set at = at - interval '3 days' where id = ${second}`.execute(t.raw);
    await reforge(t);
    v = await verifyAuditLog(t.db);
    expect(v).toMatchObject({ ok: false, brokenAt: { id: first } });
  });

  it('a forged anchor line fails verification', async () => {
    await anchorAuditHead(t.db, { force: true });
    appendFileSync(
      join(dir, 'audit-anchors.log'),
      `${JSON.stringify({ seq: 1, hash: 'x', at: 'now', sig: '0'.repeat(64) })}\n`,
    );
    const v = await verifyAuditLog(t.db);
    expect(v.ok).toBe(false);
    expect(v.anchorErrors?.[0]?.reason).toContain('签名不符');
  });

  it('a server starting on an emptied log sets the old anchors aside, kept', async () => {
    await anchorAuditHead(t.db, { force: true });
    expect(await setAsideStaleAnchors(t.db)).toBeNull(); // the log matches: nothing set aside
    await truncateAll(t);
    expect((await verifyAuditLog(t.db)).ok).toBe(false);
    const kept = await setAsideStaleAnchors(t.db);
    expect(kept).toContain('audit-anchors.log.empty-log-');
    expect(existsSync(kept!)).toBe(true);
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });

  it('rows of the old unkeyed scheme still verify before the keyed ones', async () => {
    // The log as migration 0005 finds it: scheme 1 (plain SHA-256) rows.
    await reforge(t, { scheme: 1 });
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
    await anchorAuditHead(t.db, { force: true }); // the first anchor: the epoch of the key
    await appendAudit(t.db, entry(10));
    await appendAudit(t.db, entry(11));
    const v = await verifyAuditLog(t.db);
    expect(v).toMatchObject({ ok: true, checked: 6 });
    // …but an unkeyed row after a keyed one is a downgrade.
    await reforge(t, { scheme: 1 });
    expect((await verifyAuditLog(t.db)).ok).toBe(false);
  });
});
