// `wenze duties import` run as a user would: separate processes on an embedded database in a
// temporary directory holding the demo city (with its lists). A bad file or an unknown agency exits 2
// naming the row and the column and writes nothing; --dry-run reports and writes nothing; the import
// writes a new version, prints the report of `duties check`, and is in the audit log.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dutyItem } from '../../src/core/duties/fixtures.js';
import { dutyItemsCsv } from '../../src/core/duties/item.js';
import { openDatabase } from '../../src/store/db.js';
import { listDutyVersions } from '../../src/store/duties.repository.js';

vi.setConfig({ testTimeout: 180_000, hookTimeout: 180_000 });

const dir = mkdtempSync(join(tmpdir(), 'wenze-duties-import-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wenze(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, WENZE_DATA_DIR: dataDir, WENZE_KEY_DIR: join(dir, 'keys'), DATABASE_URL: '' },
    timeout: 150_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function importCount(): Promise<number> {
  const database = await openDatabase({ dataDir });
  try {
    const r = await database.db
      .selectFrom('dutyImports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  } finally {
    await database.close();
  }
}

const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

const list = file(
  'zhj-2027.csv',
  dutyItemsCsv([
    dutyItem({ agency: 'A市综合行政执法局', region: null, effectiveFrom: '2027-01-01' }),
    dutyItem({
      row: 3,
      agency: '529900-ZHJ',
      code: 'ZZ-0001',
      name: '新增职权',
      basis: null,
      effectiveFrom: '2027-01-01',
    }),
  ]),
);

describe('wenze duties import', () => {
  beforeAll(() => {
    const demo = wenze(['demo', '--yes', '--no-acts']);
    expect(demo.code, demo.stderr).toBe(0);
  });

  it('--help names the columns and the options', () => {
    const r = wenze(['duties', 'import', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--dry-run');
    expect(r.stdout).toContain('--reference <file>');
    expect(r.stdout).toContain('实施主体');
  });

  it('an unknown agency or a bad cell → exit 2 naming the row and the column, nothing written', async () => {
    const before = await importCount();
    const unknown = file(
      'unknown.csv',
      dutyItemsCsv([dutyItem(), dutyItem({ row: 3, agency: 'A市不存在局', region: null })]),
    );
    const r = wenze(['duties', 'import', unknown]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('第 3 行 实施主体');
    expect(r.stderr).toContain('A市不存在局');
    const bad = file('bad.csv', dutyItemsCsv([dutyItem()]).replace('2024-01-01', '2024-02-30'));
    const b = wenze(['duties', 'import', bad, '--json']);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('第 2 行 生效日期');
    expect(wenze(['duties', 'import', join(dir, 'missing.csv')]).code).toBe(2);
    expect(await importCount()).toBe(before);
  });

  it('--dry-run prints the report and writes nothing; the import writes the next version', async () => {
    const before = await importCount();
    const dry = wenze(['duties', 'import', list, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(Object.keys(report)).toEqual(['items', 'overlaps', 'gaps', 'incomplete']);
    expect(report.items).toBe(2);
    expect(report.incomplete).toEqual([
      { row: 3, code: 'ZZ-0001', agency: '529900-ZHJ', missing: ['设定依据'] },
    ]);
    // 违法建设查处 is still led by 市住建局 as well.
    expect(report.overlaps).toContainEqual({
      code: 'CF-0014',
      region: '529900',
      agencies: ['529900-ZHJ', '529900-ZJJ'],
    });
    expect(dry.stderr).toContain('试导入（未写入）');
    expect(await importCount()).toBe(before);

    const r = wenze(['duties', 'import', list]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('权责清单检查：共 2 项');
    expect(r.stdout).toContain('CF-0014 违法建设查处（529900）：529900-ZHJ、529900-ZJJ');
    expect(r.stderr).toContain('A市综合行政执法局（529900-ZHJ）第 2 版，2 项，自 2027-01-01 起施行');
    expect(await importCount()).toBe(before + 1);
    const database = await openDatabase({ dataDir });
    try {
      const versions = await listDutyVersions(database.db, '529900-ZHJ', '2027-01-01');
      expect(versions.map((v) => [v.version, v.inForce])).toEqual([
        [2, 2],
        [1, 0],
      ]);
      const audit = await database.db
        .selectFrom('auditLog')
        .select(['actorName'])
        .where('action', '=', 'duties.import')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.actorName).toMatch(/^cli:/);
    } finally {
      await database.close();
    }
    expect(wenze(['audit', 'verify']).code).toBe(0);
  });
});
