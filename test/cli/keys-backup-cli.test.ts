// Keys, audit anchors, backup and restore from the command line (issue 9), as an operator runs
// them: separate processes, exit codes, the embedded database with its generated keys beside it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });

const root = mkdtempSync(join(tmpdir(), 'wenze-keys-cli-'));
const dataDir = join(root, 'data');
const keyDir = `${dataDir}-keys`; // the default beside the data directory
afterAll(() => rmSync(root, { recursive: true, force: true }));

function wenze(args: string[], env: Record<string, string> = {}) {
  const base = { ...process.env };
  for (const k of ['DATABASE_URL', 'WENZE_KEY_DIR', 'WENZE_AUDIT_KEY', 'WENZE_PII_KEY']) delete base[k];
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...base, WENZE_DATA_DIR: dataDir, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function withDb<T>(fn: (db: import('../../src/store/db.js').Database) => Promise<T>): Promise<T> {
  const { openDatabase } = await import('../../src/store/db.js');
  const db = await openDatabase({ dataDir });
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

describe('keys, anchors, backup and restore (CLI)', () => {
  it('generates the keys beside the embedded data directory, anchors and verifies', () => {
    const d = wenze(['demo', '--yes', '--no-acts']);
    expect(d.code, d.stderr).toBe(0);
    expect(existsSync(join(keyDir, 'audit.key'))).toBe(true);
    expect(existsSync(join(keyDir, 'pii.key'))).toBe(true);
    expect(existsSync(join(dataDir, 'audit.key'))).toBe(false);
    const a = wenze(['audit', 'anchor', '--json']);
    expect(a.code, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).seq).toBeGreaterThan(0);
    const v = wenze(['audit', 'verify', '--json']);
    expect(v.code, v.stderr).toBe(0);
    expect(JSON.parse(v.stdout)).toMatchObject({ ok: true, anchor: { seq: JSON.parse(a.stdout).seq } });
  });

  it('backs up, detects a deleted newest row, and restores', async () => {
    const file = join(root, 'b.wenze.gz');
    const b = wenze(['backup', file]);
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toContain(keyDir);
    const { sql } = await import('kysely');
    const newest = await withDb(async (db) => {
      const { rows } = await sql<{ id: number }>`select max(id)::int as id from audit_log`.execute(db.raw);
      await db.raw.transaction().execute(async (trx) => {
        await sql`set local session_replication_role = replica`.execute(trx);
        await sql`delete from audit_log where id = ${rows[0].id}`.execute(trx);
      });
      return rows[0].id;
    });
    const broken = wenze(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`第 ${newest} 条`);
    expect(broken.stderr).toContain('最新的记录被删除');

    const noYes = wenze(['restore', file]);
    expect(noYes.code).toBe(2);
    expect(noYes.stderr).toContain('--yes');
    const missing = wenze(['restore', join(root, 'nope.gz'), '--yes']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('FILE');
    const r = wenze(['restore', file, '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).archivedAnchors).toContain('audit-anchors.log.restore-');
    const ok = wenze(['audit', 'verify', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).ok).toBe(true);
    const lastAction = await withDb(async (db) => {
      const { rows } = await sql<{
        action: string;
      }>`select action from audit_log order by id desc limit 1`.execute(db.raw);
      return rows[0].action;
    });
    expect(lastAction).toBe('system.restore');
  });

  it('with PostgreSQL, serve refuses to start without keys; a malformed key is bad input', () => {
    const empty = join(root, 'no-keys');
    mkdirSync(empty);
    const env = { DATABASE_URL: 'postgres://wenze@127.0.0.1:1/wenze', WENZE_KEY_DIR: empty };
    const r = wenze(['serve', '--no-demo'], env);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('WENZE_AUDIT_KEY');
    expect(r.stderr).toContain('wenze keys init');
    const bad = wenze(['serve', '--no-demo'], { ...env, WENZE_AUDIT_KEY: 'secret', WENZE_PII_KEY: 'x' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('WENZE_AUDIT_KEY');
    const init = wenze(['keys', 'init'], { WENZE_KEY_DIR: empty });
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout).created).toHaveLength(2);
    expect(readFileSync(join(empty, 'audit.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });
});
