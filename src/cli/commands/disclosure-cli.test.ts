// `wenze disclosure sweep` as an operator runs it: a separate process on an embedded database with
// the demo city (whose imported decisions were published on import); a sweep years later takes down
// every publication past its retention, audited, and a second sweep finds nothing more; a bad date
// exits 2 naming the option.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'wenze-disclosure-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function wenze(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, WENZE_DATA_DIR: join(dir, 'data'), DATABASE_URL: '', VITEST: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('wenze disclosure sweep', { timeout: 400_000 }, () => {
  it('takes down what is past its retention, once; a bad --on exits 2', () => {
    const demo = wenze(['demo', '--yes']);
    expect(demo.code, demo.stderr).toBe(0);
    const first = wenze(['disclosure', 'sweep', '--on', '2033-01-01', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const r = JSON.parse(first.stdout);
    expect(r.takenDown).toBeGreaterThan(100);
    expect(r).toMatchObject({ published: 0, withheld: 0, withdrawn: 0 });
    expect(first.stderr).toContain(`期满撤下 ${r.takenDown} 项`);
    const second = wenze(['disclosure', 'sweep', '--on', '2033-01-01', '--json']);
    expect(JSON.parse(second.stdout)).toMatchObject({ takenDown: 0 });
    const bad = wenze(['disclosure', 'sweep', '--on', '2033-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('on');
  });
});
