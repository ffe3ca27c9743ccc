// `wenze backup` / `wenze restore` round trip (issue 9), on each driver and — with PostgreSQL —
// across them: every table comes back identical, sequences continue, the audit chain verifies
// and sealed identities open; damaged files and other keys are refused.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import { activeKeyring } from '../security/keys.js';
import { appendAudit, verifyAuditChain } from './audit.repository.js';
import { BackupError, restoreBackup, writeBackup } from './backup.js';
import { openIdentity } from './complainant-identity.js';
import { findComplaint, insertComplaint } from './complaints.repository.js';
import { loadDemo } from './demo.js';

async function tableDigests(t: TestDatabase): Promise<Record<string, string>> {
  const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely%' order by tablename`.execute(t.raw);
  const out: Record<string, string> = {};
  for (const { tablename } of rows) {
    const r = await sql<{ n: number; d: string | null }>`
      select count(*)::int as n, md5(string_agg(x::text, '|' order by x::text)) as d
      from ${sql.table(tablename)} x`.execute(t.raw);
    out[tablename] = `${r.rows[0].n}:${r.rows[0].d}`;
  }
  return out;
}

const pairs: [string, string][] = drivers.flatMap((from) =>
  drivers.map((to) => [from, to] as [string, string]),
);

describe.each(pairs)('backup on %s, restore on %s', (fromDriver, toDriver) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let dir: string;
  let file: string;
  let complaintId: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'wenze-backup-'));
    file = join(dir, 'b.wenze.gz');
    source = await createTestDatabase(fromDriver as 'pglite');
    target = await createTestDatabase(toDriver as 'pglite');
    await loadDemo(source, '2026-11-25');
    const c = await insertComplaint(source.db, {
      regionCode: '529900',
      agencyId: '529900-SCJ',
      officerName: null,
      subject: '备份中的投诉',
      narrative: '用于检验备份与恢复的投诉内容。',
      occurredOn: '2026-11-01',
      anonymous: false,
      contactName: '吴备份',
      contactPhone: '13711112222',
      contactIdNumber: '11010519491231002X',
      idempotencyKey: null,
    });
    complaintId = c.id;
    for (let i = 0; i < 3; i++) {
      await appendAudit(source.db, {
        regionCode: '529900',
        actorId: null,
        actorName: 'backup-test',
        action: 'test.write',
        objectType: 'thing',
        objectId: String(i),
        detail: { i, text: 'tab\there, newline\nthere, backslash \\' },
      });
    }
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('restores every table exactly, and the database goes on from there', async () => {
    const written = await writeBackup(source, file, activeKeyring().fingerprint);
    expect(written.rows).toBeGreaterThan(100);
    // The target has data of its own, which the restore replaces.
    await loadDemo(target, '2026-11-20');
    const restored = await restoreBackup(target, file, { keyFingerprint: activeKeyring().fingerprint });
    expect(restored.rows).toBe(written.rows);
    expect(await tableDigests(target)).toEqual(await tableDigests(source));
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    // Sequences continue after the restored ids; the chain goes on.
    await appendAudit(target.db, {
      regionCode: '529900',
      actorId: null,
      actorName: 'after',
      action: 'test.after',
      objectType: 'thing',
      objectId: 'x',
    });
    expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    expect(openIdentity((await findComplaint(target.db, complaintId))!)).toMatchObject({ name: '吴备份' });
  });

  it('refuses a damaged file and a backup made under other keys', async () => {
    const plain = gunzipSync(readFileSync(file));
    const damaged = Buffer.from(plain);
    damaged[damaged.length - 200] ^= 1; // one flipped bit inside the data
    const bad = join(dir, 'damaged.wenze.gz');
    writeFileSync(bad, gzipSync(damaged));
    await expect(restoreBackup(target, bad, { keyFingerprint: activeKeyring().fingerprint })).rejects.toThrow(
      BackupError,
    );
    const truncated = join(dir, 'truncated.wenze.gz');
    writeFileSync(truncated, gzipSync(plain.subarray(0, plain.length - 500)));
    await expect(
      restoreBackup(target, truncated, { keyFingerprint: activeKeyring().fingerprint }),
    ).rejects.toThrow(BackupError);
    await expect(restoreBackup(target, file, { keyFingerprint: 'other' })).rejects.toThrow(/另一套密钥/);
    // A failed restore is run again and succeeds.
    await restoreBackup(target, file, { keyFingerprint: activeKeyring().fingerprint });
    expect(await tableDigests(target)).toEqual(await tableDigests(source));
  });
});
