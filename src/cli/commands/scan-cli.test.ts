// End to end: `wenze generate acts` writes a file and its ground truth, `wenze scan` must find
// exactly the ground truth — in worker threads over many chunks and in one thread alike.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Act } from '../../core/acts/schema.js';
import { addDays, defaultCalendar } from '../../core/calendar/index.js';
import { discretionStandard, parseDiscretionCsv, scanActs } from '../../core/detect/index.js';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wenze-scan-'));
const acts = join(dir, 'acts.jsonl');
const truth = join(dir, 'truth.jsonl');
/** The demo duty lists the truth of outside-duty-list assumes (`generate acts --duties`). */
const duties = join(dir, 'duties.csv');

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

beforeAll(() => {
  const r = wenze([
    'generate',
    'acts',
    '--count',
    '3000',
    '--seed',
    '21',
    '--fault-rate',
    '0.2',
    '--out',
    acts,
    '--truth',
    truth,
    '--duties',
    duties,
  ]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain('已生成 3000 件执法行为');
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wenze scan', () => {
  it('finds the ground truth exactly: 100% recall, no false findings, in workers and in one thread', () => {
    const expected = lines(readFileSync(truth, 'utf8')).map((l) => key(JSON.parse(l)));
    expect(expected.length).toBeGreaterThan(400);
    const multi = wenze(
      ['scan', '--input', acts, '--as-of', '2025-12-31', '--duties', duties, '--json'],
      MANY_CHUNKS,
    );
    expect(multi.code, multi.stderr).toBe(0);
    expect(multi.stderr).toMatch(
      /扫描 3000 件执法行为，发现 \d+ 条问题线索（基准日 2025-12-31，2 个工作线程/,
    );
    const found = lines(multi.stdout).map((l) => JSON.parse(l));
    expect(found.map(key).sort()).toEqual([...expected].sort());
    expect(Object.keys(found[0])).toEqual(['act', 'rule', 'fault', 'basis', 'detail']);
    const single = wenze(['scan', '--input', acts, '--as-of', '2025-12-31', '--duties', duties, '--json'], {
      WENZE_SCAN_WORKERS: '0',
    });
    expect(single.code, single.stderr).toBe(0);
    expect(single.stdout).toBe(multi.stdout);
  }, 60_000);

  it('prints a readable table without --json', () => {
    const r = wenze(['scan', '--input', acts, '--as-of', '2025-12-31']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^行为编号\s+规则\s+过错\s+依据\s+说明/);
    expect(r.stdout).toContain('共扫描 3000 件执法行为');
    expect(r.stdout).toMatch(/licensing-overdue\s+\d+/);
  }, 30_000);

  it('a broken line: exit 2 naming its line number', () => {
    const all = readFileSync(acts, 'utf8').split('\n');
    const broken = join(dir, 'broken.jsonl');
    writeFileSync(broken, [...all.slice(0, 16), '{"id": "A-1", "kind": ', ...all.slice(17)].join('\n'));
    const r = wenze(['scan', '--input', broken, '--as-of', '2025-12-31', '--json'], MANY_CHUNKS);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 17: \(root\): JSON 格式错误/);
    expect(r.stdout).toBe('');

    const bad = JSON.parse(all[2233]);
    bad.dates.decided = '2025-02-30';
    writeFileSync(broken, [...all.slice(0, 2233), JSON.stringify(bad), ...all.slice(2234)].join('\n'));
    const r2 = wenze(['scan', '--input', broken, '--as-of', '2025-12-31', '--json'], MANY_CHUNKS);
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/line 2234: dates\.decided: 须为 YYYY-MM-DD 格式的有效日期/);
  }, 60_000);

  it('reads Chinese text raw or escaped, and blank lines', () => {
    const base = JSON.parse(readFileSync(acts, 'utf8').split('\n')[0]);
    const raw = { ...base, id: 'Z-1', agency: '市场监管局', review: 'revoked' };
    const escaped = JSON.stringify({ ...base, id: 'Z-2', review: 'changed' }).replace(
      `"agency":"${base.agency}"`,
      '"agency":"\\u5e02\\u573a\\u76d1\\u7ba1\\u5c40"',
    );
    const file = join(dir, 'chinese.jsonl');
    writeFileSync(file, `${JSON.stringify(raw)}\n\n${escaped}\r\n`);
    const r = wenze(['scan', '--input', file, '--as-of', '2025-12-31', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const details = lines(r.stdout).map((l) => JSON.parse(l));
    expect(details.map((f) => f.detail)).toEqual([
      '执法行为在行政复议或者行政诉讼中被撤销，由执法机关市场监管局承担责任',
      '执法行为在行政复议或者行政诉讼中被变更，由执法机关市场监管局承担责任',
    ]);
  }, 30_000);

  it('--discretion replaces the pack’s standard; outlying fines are found across workers and chunks', () => {
    const all = lines(readFileSync(acts, 'utf8')).map((l) => JSON.parse(l) as Act);
    const penalty = all.find((a) => a.kind === 'penalty' && a.procedure !== 'summary') as Act;
    const fined = (i: number, fine: number, decided: string): Act => ({
      ...penalty,
      id: `Q-${String(i).padStart(4, '0')}`,
      violation: 'OUT-01',
      fine,
      incidentDate: null,
      dates: { ...penalty.dates, notified: addDays(decided, -5), decided },
    });
    // Twenty fines in 2024, four in January 2025 (fences 50 and 3,850), spread through the file.
    const history = Array.from({ length: 20 }, (_, i) =>
      fined(i, 1000 + 100 * i, addDays('2024-01-10', i * 17)),
    );
    const targets = [3850, 3851, 50, 49].map((f, i) => fined(100 + i, f, '2025-01-15'));
    const mixed = [...all];
    [...history, ...targets].forEach((a, i) => {
      mixed.splice(i * 120, 0, a);
    });
    const file = join(dir, 'outliers.jsonl');
    writeFileSync(file, `${mixed.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const csv = join(dir, 'discretion.csv');
    const text = 'violation,min,max,basis\nOUT-01,1000,3000,"《某局裁量基准》第1项"\n';
    writeFileSync(csv, text);
    const r = wenze(
      ['scan', '--input', file, '--as-of', '2025-12-31', '--discretion', csv, '--json'],
      MANY_CHUNKS,
    );
    expect(r.code, r.stderr).toBe(0);
    const found = lines(r.stdout).map((l) => JSON.parse(l));
    const expected = scanActs(mixed, {
      asOf: '2025-12-31',
      calendar: defaultCalendar(),
      discretion: discretionStandard(parseDiscretionCsv(text)),
    });
    expect(found).toEqual(expected);
    expect(found.filter((f) => f.rule === 'fine-outlier').map((f) => f.act)).toEqual(['Q-0101', 'Q-0103']);
    expect(found.filter((f) => f.rule === 'fine-outside-range').map((f) => f.act)).toEqual([
      'Q-0100',
      'Q-0101',
      'Q-0102',
      'Q-0103',
    ]);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'violation,min,max,basis\nOUT-01,x,3000,b\n');
    const b = wenze(['scan', '--input', file, '--as-of', '2025-12-31', '--discretion', bad]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('line 2: min');
  }, 60_000);

  it('bad input is exit 2: a missing file, a bad date, a bad fault rate', () => {
    expect(wenze(['scan', '--input', join(dir, 'nope.jsonl'), '--as-of', '2025-12-31']).code).toBe(2);
    expect(wenze(['scan', '--input', acts, '--as-of', '2025-02-30']).code).toBe(2);
    const g = wenze(['generate', 'acts', '--count', '10', '--seed', '1', '--fault-rate', '1.5']);
    expect(g.code).toBe(2);
    expect(g.stderr).toContain('fault-rate');
  }, 60_000);
});
