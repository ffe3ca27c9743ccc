// `wenze catalog`, `wenze rules` and `wenze determine` run as a user would: separate processes,
// JSON on stdout, messages on stderr, exit 0 / 2.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { threePersonRequest } from '../../core/determine/fixtures.js';
import { determine } from '../../core/determine/index.js';

const dir = mkdtempSync(join(tmpdir(), 'wenze-rulebook-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wenze(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    input,
    env: { ...process.env, WENZE_DATA_DIR: dir },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, content: string): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

describe('wenze catalog', () => {
  it('--json prints the 52 items of the pack in force', () => {
    const r = wenze(['catalog', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ pack: 'guizhou', version: '1.0' });
    expect(out.items).toHaveLength(52);
    expect(out.items.find((i: { code: string }) => i.code === 'penalty.04')).toEqual({
      code: 'penalty.04',
      category: 'penalty',
      item: 4,
      text: '对当事人的同一违法行为重复罚款的',
      cite: { chapter: 2, category: '行政处罚', item: '（四）' },
    });
  });
  it('--pack and --on select a version; a readable table without --json', () => {
    const r = wenze(['catalog', '--json', '--pack', 'guizhou-a-city', '--on', '2026-02-01']);
    expect(JSON.parse(r.stdout)).toMatchObject({ pack: 'guizhou-a-city', version: '2.0' });
    const t = wenze(['catalog']);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain('penalty.04');
    expect(t.stdout).toContain('共 52 项');
  });
  it('a date with no version in force → exit 2 naming --on', () => {
    const r = wenze(['catalog', '--json', '--pack', 'guizhou-a-city', '--on', '2020-01-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('on:');
  });
});

describe('wenze rules', () => {
  it('--json lists packs and versions with effective dates', () => {
    const r = wenze(['rules', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const { packs } = JSON.parse(r.stdout);
    expect(packs.map((p: { name: string }) => p.name)).toEqual(['guizhou', 'guizhou-a-city']);
    expect(packs[1].versions[0]).toMatchObject({
      version: '1.0',
      validFrom: '2024-07-01',
      validTo: '2025-12-31',
    });
  });
});

describe('wenze determine', () => {
  it('a valid request from a file → exit 0 and the determination JSON', () => {
    const r = wenze(['determine', file('ok.json', JSON.stringify(threePersonRequest()))]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(determine(threePersonRequest()))));
  });
  it('reads standard input with - and honours --pack', () => {
    const r = wenze(['determine', '-', '--pack', 'guizhou-a-city'], JSON.stringify(threePersonRequest()));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).pack).toBe('guizhou-a-city');
  });
  it('invalid JSON → exit 2', () => {
    const r = wenze(['determine', file('bad.json', '{"occurredOn": ')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('JSON');
    expect(r.stdout).toBe('');
  });
  it('an unknown code → exit 2 naming the field', () => {
    const req = threePersonRequest();
    req.people[1]!.conduct = ['bribed' as never];
    const r = wenze(['determine', file('code.json', JSON.stringify(req))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('people[1].conduct[0]');
  });
  it('a missing field → exit 2 naming the field', () => {
    const { severity: _, ...req } = threePersonRequest();
    const r = wenze(['determine', file('missing.json', JSON.stringify(req))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('severity');
  });
  it('an unreadable file → exit 2', () => {
    expect(wenze(['determine', join(dir, 'nope.json')]).code).toBe(2);
  });
  it('--what-if adds the smallest changes that change each result', () => {
    const r = wenze(['determine', file('whatif.json', JSON.stringify(threePersonRequest())), '--what-if']);
    expect(r.code, r.stderr).toBe(0);
    const expected = determine(threePersonRequest(), undefined, { whatIf: true });
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(JSON.parse(r.stdout).persons[0].whatIf.length).toBeGreaterThan(0);
  });
  it('Art. 23 "trivial" with a large harm → exit 2 naming both fields', () => {
    const req = { ...threePersonRequest(), circumstances: ['trivial'] };
    const r = wenze(['determine', file('trivial.json', JSON.stringify(req))]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('circumstances[0]');
    expect(r.stderr).toContain('severity.harm');
  });
});
