// `wenze import acts --template FILE` and CSV files written with the Chinese labels, run as a user
// would: separate processes, exit codes, the embedded database in a temporary directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ACT_COLUMNS } from '../../src/core/acts/columns.js';

vi.setConfig({ testTimeout: 300_000 });

const dir = mkdtempSync(join(tmpdir(), 'wenze-acts-template-cli-'));
const dataDir = join(dir, 'data');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wenze(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    env: { ...process.env, WENZE_DATA_DIR: dataDir, DATABASE_URL: '' },
    timeout: 250_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('wenze import acts --template, and labelled CSV', () => {
  const template = join(dir, 'acts-template.xlsx');

  it('documents the template and the labels in --help', () => {
    const r = wenze(['import', 'acts', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('--template <file>');
    expect(r.stdout).toContain('行政处罚（penalty）');
    expect(r.stdout).toContain('不予受理（not_accepted）');
  });

  it('writes the template: the columns in order, an example row, the allowed values', async () => {
    const r = wenze(['import', 'acts', '--template', template]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(template);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(template);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['执法行为', '可选值', '填写说明']);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(ACT_COLUMNS.map((c) => c.name));
    expect(wb.worksheets[0].rowCount).toBe(2);
    // Usage errors: exit 2.
    expect(wenze(['import', 'acts']).code).toBe(2);
    expect(wenze(['import', 'acts', '--template', join(dir, 'template.csv')]).code).toBe(2);
    expect(wenze(['import', 'acts', 'x.csv', '--template', template]).code).toBe(2);
  });

  it('imports a CSV with Chinese labels, the template itself, and names an unknown value', () => {
    const demo = wenze(['demo', '--yes', '--no-acts']);
    expect(demo.code, demo.stderr).toBe(0);
    const csv = join(dir, 'labels.csv');
    writeFileSync(
      csv,
      'id,agency,kind,procedure,party.type,party.id,officers,dates.filed,dates.notified,dates.decided,fine,payment.method,payment.receipt\n' +
        'C-1,529900-SCJ,行政处罚,普通程序,单位,P-1,O-1:52010012345:2026-12-31;O-2:52010012346:2026-12-31,2025-03-01,2025-03-10,2025-03-20,200,当场收缴,是\n' +
        'C-2,529900-SCJ,行政检查,,个人,P-2,,,,2025-03-21,,,\n',
    );
    const r = wenze(['import', 'acts', csv, '--as-of', '2025-12-31', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result).toMatchObject({ received: 2, inserted: 2 });
    // 当场收缴 became `onsite`: a fine of 200 yuan collected on site is found.
    expect(result.detection.findings).toBeGreaterThanOrEqual(1);

    const fromTemplate = wenze(['import', 'acts', template, '--json']);
    expect(fromTemplate.code, fromTemplate.stderr).toBe(0);
    expect(JSON.parse(fromTemplate.stdout)).toMatchObject({ received: 1, inserted: 1 });

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'id,agency,kind,decision\nC-3,529900-SCJ,许可,\nC-4,529900-SCJ,行政许可,同意\n');
    const b = wenze(['import', 'acts', bad]);
    expect(b.code, b.stderr).toBe(2);
    expect(b.stderr).toContain('line 2: kind: 取值“许可”无效，可选：行政许可（licensing）');
    expect(b.stderr).toContain('line 3: decision:');
    expect(b.stderr).toContain('准予许可（granted）、不予许可（refused）、不予受理（not_accepted）');
    expect(b.stderr).toContain('未写入任何数据');
  });
});
