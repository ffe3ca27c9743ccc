// `wenze scan --duties FILE` run as a user would (issue 13): the demo city's lists, written by
// `wenze generate acts --duties`, turn on outside-duty-list — the scan then finds the generator's
// whole truth, in worker threads over many chunks and in one thread alike; without them it finds
// the rest. Acts sent with raw or escaped Chinese give the same findings and details as the
// in-memory scan; a list as .xlsx works as the .csv does; a bad list exits 2 naming row and column.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Act } from '../../src/core/acts/schema.js';
import { defaultCalendar } from '../../src/core/calendar/index.js';
import { dutyEntry, dutyLookup, scanActs } from '../../src/core/detect/index.js';
import { DUTY_COLUMN_NAMES } from '../../src/core/duties/columns.js';
import { demoDutyItems } from '../../src/core/duties/demo.js';
import { dutyItem } from '../../src/core/duties/fixtures.js';
import { dutyItemCells, dutyItemsCsv } from '../../src/core/duties/item.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wenze-scan-duties-'));
const acts = join(dir, 'acts.jsonl');
const truth = join(dir, 'truth.jsonl');
const duties = join(dir, 'duties.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wenze(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (text: string) => text.split('\n').filter((l) => l.trim() !== '');
const key = (f: { act: string; rule: string; fault: string | null }) => `${f.act} ${f.rule} ${f.fault}`;
const MANY_CHUNKS = { WENZE_SCAN_CHUNK_BYTES: '65536', WENZE_SCAN_WORKERS: '2' };
const scan = (file: string, extra: string[], env: Record<string, string> = MANY_CHUNKS) =>
  wenze(['scan', '--input', file, '--as-of', '2025-12-31', '--json', ...extra], env);

beforeAll(() => {
  const r = wenze([
    'generate',
    'acts',
    '--count',
    '4000',
    '--seed',
    '41',
    '--fault-rate',
    '0.3',
    '--out',
    acts,
    '--truth',
    truth,
    '--duties',
    duties,
  ]);
  expect(r.code, r.stderr).toBe(0);
});

describe('wenze scan --duties', () => {
  it('with the demo lists finds the whole truth, outside-duty-list included; without them the rest', () => {
    const expected = lines(readFileSync(truth, 'utf8')).map((l) => JSON.parse(l));
    const planted = expected.filter((t) => t.rule === 'outside-duty-list');
    expect(planted.length).toBeGreaterThan(20);
    const multi = scan(acts, ['--duties', duties]);
    expect(multi.code, multi.stderr).toBe(0);
    expect(multi.stderr).toContain('outside-duty-list');
    expect(
      lines(multi.stdout)
        .map((l) => key(JSON.parse(l)))
        .sort(),
    ).toEqual(expected.map(key).sort());
    const single = scan(acts, ['--duties', duties], { WENZE_SCAN_WORKERS: '0' });
    expect(single.stdout).toBe(multi.stdout);

    const without = scan(acts, []);
    expect(without.code, without.stderr).toBe(0);
    expect(
      lines(without.stdout)
        .map((l) => key(JSON.parse(l)))
        .sort(),
    ).toEqual(
      expected
        .filter((t) => t.rule !== 'outside-duty-list')
        .map(key)
        .sort(),
    );
  });

  it('gives the in-memory findings and details for raw and escaped Chinese, and reads an .xlsx list', async () => {
    const base = lines(readFileSync(acts, 'utf8'))
      .map((l) => JSON.parse(l) as Act)
      .find((a) => a.dates.decided) as Act;
    const make = (id: string, kind: Act['kind'], matter: string): Act => ({
      ...base,
      id,
      agency: '529900-SCJ',
      kind,
      matter,
      review: 'upheld',
      criminal: { suspected: false, referred: false },
    });
    const made = [
      make('Z-1', 'penalty', '违法建设查处'), // another agency's matter
      make('Z-2', 'inspection', '占道经营查处'), // held only as 协办
      make('Z-3', 'licensing', 'XK-0001'), // its own, by 职权编码
      make('Z-4', 'penalty', '违法建设查处'), // sent escaped below
    ];
    const text = made.map((a) => JSON.stringify(a));
    text[3] = text[3].replace('"违法建设查处"', '"\\u8fdd\\u6cd5\\u5efa\\u8bbe\\u67e5\\u5904"');
    const file = join(dir, 'made.jsonl');
    writeFileSync(file, `${text.join('\n')}\n`);
    const lookup = dutyLookup(demoDutyItems().map(dutyEntry));
    const expected = scanActs(made, { asOf: '2025-12-31', calendar: defaultCalendar(), duties: lookup });
    const mine = expected.filter((f) => f.rule === 'outside-duty-list');
    expect(mine.map((f) => [f.act, f.fault])).toEqual([
      ['Z-1', 'penalty.01'],
      ['Z-2', 'inspection.02'],
      ['Z-4', 'penalty.01'],
    ]);
    expect(mine[0].detail).toMatch(
      /^529900-SCJ在作出决定之日\d{4}-\d{2}-\d{2}有效的权责清单中没有“违法建设查处”事项$/,
    );

    const csv = scan(file, ['--duties', duties], {});
    expect(csv.code, csv.stderr).toBe(0);
    expect(lines(csv.stdout).map((l) => JSON.parse(l))).toEqual(expected);

    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('权责清单');
    sheet.addRow([...DUTY_COLUMN_NAMES]);
    for (const item of demoDutyItems()) {
      const cells = dutyItemCells(item);
      sheet.addRow(DUTY_COLUMN_NAMES.map((c) => cells[c]));
    }
    const xlsx = join(dir, 'duties.xlsx');
    writeFileSync(xlsx, Buffer.from(await wb.xlsx.writeBuffer()));
    const x = scan(file, ['--duties', xlsx], {});
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toBe(csv.stdout);
  });

  it('a bad list exits 2 naming row and column; items naming their agency by name are said to be unused', () => {
    const bad = join(dir, 'bad.csv');
    const good = dutyItemsCsv([dutyItem(), dutyItem()]);
    const at = good.lastIndexOf(',主办,');
    writeFileSync(bad, `${good.slice(0, at)},旁观,${good.slice(at + 4)}`);
    const r = scan(acts, ['--duties', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('第 3 行 主办或协办');
    expect(r.stdout).toBe('');
    expect(scan(acts, ['--duties', join(dir, 'none.csv')]).code).toBe(2);

    const named = join(dir, 'named.csv');
    writeFileSync(named, dutyItemsCsv([dutyItem({ agency: '市综合行政执法局', region: null })]));
    const n = scan(acts, ['--duties', named]);
    expect(n.code, n.stderr).toBe(0);
    expect(n.stderr).toContain('有 1 项的实施主体为机关名称');
  });
});
