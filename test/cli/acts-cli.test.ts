// `wenze import acts` and `wenze scan-db`, run as a user would: separate processes, exit codes, the
// embedded database in a temporary directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { generateActs } from '../../src/core/acts/generate.js';
import { openDatabase } from '../../src/store/db.js';
import { lastDetectionRuns } from '../../src/store/detection-runs.js';

vi.setConfig({ testTimeout: 180_000 });

const dir = mkdtempSync(join(tmpdir(), 'wenze-acts-cli-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wenze(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, WENZE_DATA_DIR: dataDir, DATABASE_URL: '' },
    timeout: 150_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('wenze import acts / scan-db', () => {
  const { acts, truth } = generateActs({ count: 400, seed: 5, faultRate: 0.2, asOf: '2025-12-31' });
  const good = join(dir, 'acts.jsonl');
  writeFileSync(good, `${acts.map((a) => JSON.stringify(a)).join('\n')}\n`);

  it('documents the CSV and Excel columns in --help', () => {
    const r = wenze(['import', 'acts', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('dates.decided');
    expect(r.stdout).toContain('O-1:52010012345:2026-12-31');
  });

  it('bad input → exit 2 naming the lines, nothing written', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      `${JSON.stringify(acts[0])}\n{"id":\n${JSON.stringify({ ...acts[1], dates: { decided: '2025-13-01' } })}\n`,
    );
    const r = wenze(['import', 'acts', bad]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('line 2: (root)');
    expect(r.stderr).toContain('line 3: dates.decided');
    expect(r.stderr).toContain('未写入任何数据');
    expect(wenze(['import', 'acts', join(dir, 'missing.jsonl')]).code).toBe(2);
    expect(wenze(['import', 'acts', good, '--as-of', '2025-02-30']).code).toBe(2);
  });

  it('imports, finds the ground truth, re-imports without change, and scans the database', async () => {
    const demo = wenze(['demo', '--yes', '--no-acts']);
    expect(demo.code, demo.stderr).toBe(0);
    const r = wenze(['import', 'acts', good, '--as-of', '2025-12-31', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ received: 400, inserted: 400, updated: 0, unchanged: 0 });
    expect(result.detection.findings).toBe(truth.length);
    expect(result.detection.leads).toBe(truth.length);
    const again = JSON.parse(wenze(['import', 'acts', good, '--json']).stdout);
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 400 });
    const scan = wenze(['scan-db', '--as-of', '2025-12-31', '--json']);
    expect(scan.code, scan.stderr).toBe(0);
    expect(JSON.parse(scan.stdout)).toMatchObject({
      acts: 400,
      findings: truth.length,
      created: 0,
      removed: 0,
      leads: 0,
    });
    expect(scan.stderr).toContain('检测 400 件执法行为');
    // The run is in the audit log, and the chain still holds.
    expect(wenze(['audit', 'verify']).code).toBe(0);
    const database = await openDatabase({ dataDir });
    try {
      const [run] = await lastDetectionRuns(database.db, 1);
      expect(run).toMatchObject({ trigger: 'cli', acts: 400, findings: truth.length, asOf: '2025-12-31' });
      // Each import is audited like an upload (the two that succeeded; the bad ones wrote nothing).
      const imports = await database.db
        .selectFrom('auditLog')
        .select(['actorName', 'detail'])
        .where('action', '=', 'acts.import')
        .where('objectId', '=', 'cli')
        .orderBy('id')
        .execute();
      expect(imports.map((x) => x.detail)).toEqual([
        expect.objectContaining({ file: 'acts.jsonl', received: 400, inserted: 400 }),
        expect.objectContaining({ file: 'acts.jsonl', received: 400, unchanged: 400 }),
      ]);
      expect(imports[0].actorName).toMatch(/^cli:/);
    } finally {
      await database.close();
    }
  });
});
