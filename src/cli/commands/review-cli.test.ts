// `wenze review sample` and `wenze review score` as a user runs them: separate processes, no database,
// a file from `wenze generate acts`, text or JSON on stdout, field errors on stderr with exit 2.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseActsJsonl } from '../../core/acts/parse.js';
import { isEligible, sampleActs } from '../../core/review/sample.js';
import { scoreFile } from '../../core/review/score.js';
import { A_CITY_REVIEW } from '../../core/rulebook/packs/a-city-review.js';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wenze-review-'));
const acts = join(dir, 'acts.jsonl');

function wenze(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  const r = wenze(['generate', 'acts', '--count', '1500', '--seed', '14', '--out', acts]);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SAMPLE = [
  'review',
  'sample',
  '--input',
  acts,
  '--size',
  '30',
  '--seed',
  '2026-专项评查',
  '--from',
  '2025-01-01',
  '--to',
  '2025-12-31',
];

/** A small sample of `input` (5 acts, seed 's'), with more options. */
const sampleOf = (input: string, ...more: string[]) =>
  wenze(['review', 'sample', '--input', input, '--size', '5', '--seed', 's', ...more]);

describe('wenze review sample', () => {
  it('--json prints the sample the core draws, reproducibly', () => {
    const r = wenze([...SAMPLE, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout);
    const all = [...parseActsJsonl(readFileSync(acts, 'utf8'))];
    expect(printed).toEqual(
      sampleActs(all, { size: 30, seed: '2026-专项评查', from: '2025-01-01', to: '2025-12-31' }),
    );
    expect(Object.keys(printed)).toEqual(['seed', 'size', 'strata', 'acts']);
    expect(printed.acts).toHaveLength(30);
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const eligible = new Set(all.filter((a) => isEligible(a, period)).map((a) => a.id));
    expect(printed.acts.every((id: string) => eligible.has(id))).toBe(true);
    expect(printed.strata.every((s: { drawn: number }) => s.drawn >= 1)).toBe(true);
    expect(wenze([...SAMPLE, '--json']).stdout).toBe(r.stdout);
  }, 60_000);

  it('prints readable Chinese by default; --kinds widens the eligible acts', () => {
    const r = wenze(SAMPLE);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('案卷抽样：随机种子 2026-专项评查，计划抽取 30 件，实际抽取 30 件');
    expect(r.stdout).toContain('范围：行政许可、行政处罚，决定日期 2025-01-01 至 2025-12-31');
    const inspection = JSON.parse(wenze([...SAMPLE, '--kinds', 'inspection', '--json']).stdout);
    const eligible = inspection.strata.reduce((n: number, s: { eligible: number }) => n + s.eligible, 0);
    expect(eligible).toBeGreaterThan(0);
  }, 60_000);

  it('bad input → exit 2 naming the option, the line or the field', () => {
    const size = wenze(['review', 'sample', '--input', acts, '--size', '0', '--seed', 's']);
    expect(size.code).toBe(2);
    expect(size.stderr).toContain('size:');
    const from = sampleOf(acts, '--from', '2025-02-30');
    expect(from.code).toBe(2);
    expect(from.stderr).toContain('from:');
    const kinds = sampleOf(acts, '--kinds', 'penalty,fine');
    expect(kinds.code).toBe(2);
    expect(kinds.stderr).toContain('kinds:');
    const missing = sampleOf(join(dir, 'none.jsonl'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('input:');
  }, 120_000);

  it('a bad line or a repeated act id → exit 2 naming the line and the field', () => {
    const broken = join(dir, 'broken.jsonl');
    copyFileSync(acts, broken);
    appendFileSync(broken, '{"id":"X-1","agency":"a","kind":"fine","officers":[],"dates":{}}\n');
    const bad = sampleOf(broken);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('line 1501: kind');
    expect(bad.stdout).toBe('');

    const twice = join(dir, 'twice.jsonl');
    copyFileSync(acts, twice);
    appendFileSync(twice, readFileSync(acts, 'utf8').split('\n')[0]);
    const dup = sampleOf(twice);
    expect(dup.code).toBe(2);
    expect(dup.stderr).toContain('line 1501: id');
    expect(dup.stderr).toContain('第 1 行重复');
  }, 60_000);
});

const MARKS = {
  act: 'A-2025-0000115',
  kind: 'penalty',
  deductions: [
    { item: 'form.filling', count: 2, note: '送达回证缺送达地点、受送达人签名' },
    { item: 'content.prior_notice', note: '事先告知书未告知听证权利' },
  ],
};

/** Score marks under the city's rubric in force on 2026-03-01. */
const SCORE = ['review', 'score', '--rubric-pack', 'guizhou-a-city', '--on', '2026-03-01'];

describe('wenze review score', () => {
  it('--json prints the score the core gives, with the pack', () => {
    const r = wenze([...SCORE, '-', '--json'], JSON.stringify(MARKS));
    expect(r.code, r.stderr).toBe(0);
    const printed = JSON.parse(r.stdout);
    expect(printed).toEqual({
      pack: 'guizhou@1.0>guizhou-a-city@2.0',
      rubric: A_CITY_REVIEW.title,
      ...scoreFile(A_CITY_REVIEW, MARKS as Parameters<typeof scoreFile>[1]),
    });
    expect(printed).toMatchObject({ total: 94, grade: 'pass' });
    expect(printed.leads.map((l: { fault: string }) => l.fault)).toEqual(['penalty.09']);
  });

  it('prints the grade, the sections, each deduction with its note and the leads as text', () => {
    const r = wenze(SCORE, JSON.stringify(MARKS));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('评查结果：94 分，合格');
    expect(r.stdout).toContain('卷面：18/20 分（扣 2 分）');
    expect(r.stdout).toContain('事先告知书未告知听证权利');
    expect(r.stdout).toContain('问题线索：penalty.09');
    const veto = wenze(
      SCORE,
      JSON.stringify({ vetoes: [{ item: 'facts_clear', note: '违法所得数额无证据' }] }),
    );
    expect(veto.stdout).toContain('评查结果：0 分，不合格');
  }, 60_000);

  it('bad marks or a pack without a rubric → exit 2 naming the field', () => {
    const bad = wenze(SCORE, JSON.stringify({ deductions: [{ item: 'form.cover' }] }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('deductions[0].note');
    const province = wenze(['review', 'score', '--rubric-pack', 'guizhou'], JSON.stringify(MARKS));
    expect(province.code).toBe(2);
    expect(province.stderr).toContain('rubric-pack:');
    const unknown = wenze(['review', 'score', '--rubric-pack', 'atlantis'], JSON.stringify(MARKS));
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('rubric-pack:');
  }, 60_000);
});
