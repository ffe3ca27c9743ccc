// `wenze duties` as a user runs it: a separate process, no database; the report as JSON or text,
// bad files exit 2 naming the row and column, the template, --help listing the columns in order.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDuties } from '../../core/duties/check.js';
import { DUTY_COLUMN_NAMES } from '../../core/duties/columns.js';
import { demoDutyItems, demoDutyReference } from '../../core/duties/demo.js';
import { dutyItemsCsv } from '../../core/duties/item.js';
import { readDutyFile } from '../../store/duties-formats.js';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wenze-duties-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wenze(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const list = join(dir, 'demo.csv');
const reference = join(dir, 'reference.csv');
writeFileSync(list, dutyItemsCsv(demoDutyItems()));
writeFileSync(reference, dutyItemsCsv(demoDutyReference()));

// Each test starts several processes: generous time on a busy machine.
describe('wenze duties check', { timeout: 120_000 }, () => {
  it('--json prints the report of checkDuties over the file', async () => {
    const r = wenze(['duties', 'check', list, '--json', '--reference', reference, '--on', '2025-06-01']);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['items', 'overlaps', 'gaps', 'incomplete']);
    const items = await readDutyFile(list);
    expect(report).toEqual(
      checkDuties(items, { reference: await readDutyFile(reference), on: '2025-06-01' }),
    );
    expect(report.items).toBe(demoDutyItems().length);
    expect(report.overlaps.length).toBeGreaterThanOrEqual(2);
  });

  it('prints the report as Chinese text by default', () => {
    const r = wenze(['duties', 'check', list]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(`权责清单检查：共 ${demoDutyItems().length} 项`);
    expect(r.stdout).toMatch(/违法建设查处（529900）：529900-ZHJ、529900-ZJJ/);
    expect(r.stdout).toContain('仅有协办部门，无主办部门');
    expect(r.stdout).toMatch(/第 \d+ 行 .+：缺少(设定依据|责任事项|追责情形)/);
  });

  it('a bad file → exit 2 naming the row and the column; a bad --on → exit 2 naming on', () => {
    const bad = join(dir, 'bad.csv');
    const lines = dutyItemsCsv(demoDutyItems().slice(0, 5)).split('\r\n');
    lines[4] = lines[4].replace(/,(主办|协办),/, ',负责,');
    writeFileSync(bad, lines.join('\r\n'));
    const r = wenze(['duties', 'check', bad]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('第 5 行 主办或协办');
    const header = join(dir, 'header.csv');
    writeFileSync(header, '职权编码,职权名称\n');
    const h = wenze(['duties', 'check', header]);
    expect(h.code).toBe(2);
    expect(h.stderr).toContain('缺少列“职权类型”');
    const on = wenze(['duties', 'check', list, '--on', '2025-13-01']);
    expect(on.code).toBe(2);
    expect(on.stderr).toContain('on:');
  });
});

describe('wenze duties template and --help', { timeout: 120_000 }, () => {
  it('writes the CSV template to stdout and the .xlsx template to a file; both check clean', () => {
    const csv = wenze(['duties', 'template']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.replace(/^\ufeff/, '').split('\r\n')[0]).toBe(DUTY_COLUMN_NAMES.join(','));
    const xlsx = join(dir, 'template.xlsx');
    const w = wenze(['duties', 'template', '--xlsx', xlsx]);
    expect(w.code, w.stderr).toBe(0);
    const r = wenze(['duties', 'check', xlsx, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ items: 1, overlaps: [], gaps: [], incomplete: [] });
  });

  it('--help lists the columns in order', () => {
    const r = wenze(['duties', 'check', '--help']);
    expect(r.code).toBe(0);
    const at = DUTY_COLUMN_NAMES.map((c, i) => r.stdout.indexOf(`${i + 1}. ${c}`));
    expect(at.every((x) => x > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });
});
