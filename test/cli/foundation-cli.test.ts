// The `wenze` commands of the foundation, run as a user would: separate processes, exit codes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 180_000 });

const dataDir = mkdtempSync(join(tmpdir(), 'wenze-cli-'));
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}-keys`, { recursive: true, force: true }); // the generated keys, beside it
});

function wenze(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, WENZE_DATA_DIR: dataDir, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('wenze CLI (foundation)', () => {
  it('--help on every command', () => {
    const top = wenze(['--help']);
    expect(top.code).toBe(0);
    for (const cmd of ['serve', 'migrate', 'demo', 'user']) {
      expect(top.stdout).toContain(cmd);
      const r = wenze([cmd, '--help']);
      expect(r.code, cmd).toBe(0);
    }
    expect(wenze(['user', 'add', '--help']).code).toBe(0);
  });

  it('unknown command or option → exit 2', () => {
    expect(wenze(['frobnicate']).code).toBe(2);
    expect(wenze(['migrate', '--bogus']).code).toBe(2);
  });

  it('migrate, demo and user add against the embedded database', () => {
    const m = wenze(['migrate']);
    expect(m.code, m.stderr).toBe(0);
    const d = wenze(['demo', '--yes']);
    expect(d.code, d.stderr).toBe(0);
    expect(d.stdout).toContain('admin');
    const bad = wenze([
      'user',
      'add',
      '--username',
      'X',
      '--role',
      'king',
      '--region',
      '1',
      '--password',
      'short',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('username');
    expect(bad.stderr).toContain('role');
    const ok = wenze(
      ['user', 'add', '--username', 'lisi', '--role', 'panel', '--region', '529900', '--name', '李四'],
      {
        WENZE_PASSWORD: 'Lisi2026x',
      },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ username: 'lisi', role: 'panel' });
    const again = wenze(['user', 'add', '--username', 'lisi', '--role', 'panel', '--region', '529900'], {
      WENZE_PASSWORD: 'Lisi2026x',
    });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('用户名已存在');
  });

  it('user set: the operator grants and removes administrator roles, resets and deactivates (三权分立)', () => {
    const grant = wenze(['user', 'set', 'lisi', '--role', 'audit_admin', '--password', '--reset-totp'], {
      WENZE_PASSWORD: 'Qr7#vkTm2x',
    });
    expect(grant.code, grant.stderr).toBe(0);
    expect(JSON.parse(grant.stdout)).toMatchObject({ username: 'lisi', role: 'audit_admin', active: true });
    const off = wenze(['user', 'set', 'lisi', '--role', 'panel', '--deactivate']);
    expect(off.code, off.stderr).toBe(0);
    expect(JSON.parse(off.stdout)).toMatchObject({ role: 'panel', active: false });
    const weak = wenze(['user', 'set', 'lisi', '--password', 'short']);
    expect(weak.code).toBe(2);
    expect(weak.stderr).toContain('password');
    const unknown = wenze(['user', 'set', 'nobody', '--unlock']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('用户不存在');
  });
});

describe('wenze audit verify', () => {
  it('passes on an intact log and names the first altered row', async () => {
    const ok = wenze(['audit', 'verify', '--json']);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true });
    // Alter one row behind the application's back.
    const { openDatabase } = await import('../../src/store/db.js');
    const { sql } = await import('kysely');
    const db = await openDatabase({ dataDir });
    const rows = await sql<{ id: number }>`select id from audit_log order by id`.execute(db.raw);
    expect(rows.rows.length).toBeGreaterThan(1);
    const target = rows.rows[1].id;
    await sql`update audit_log set actor_name = 'mallory' where id = ${target}`.execute(db.raw);
    await db.close();
    const broken = wenze(['audit', 'verify']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`第 ${target} 条`);
  });
});
