// `wenze tolerance assess` as a user runs it: a separate process, no database, text or JSON on
// stdout, field errors on stderr with exit 2.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { assessToleranceRequest } from '../../core/tolerance/assess.js';
import { toleranceRequest } from '../../core/tolerance/fixtures.js';

function wenze(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('wenze tolerance assess', () => {
  it('--json prints the assessment the engine gives', () => {
    const req = toleranceRequest({ corrected: 'late' });
    const r = wenze(['tolerance', 'assess', '-', '--json'], JSON.stringify(req));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(assessToleranceRequest(req));
    expect(JSON.parse(r.stdout).outcome).toBe('mitigate');
  });

  it('prints the outcome, each condition and each exclusion as text by default', () => {
    const r = wenze(['tolerance', 'assess'], JSON.stringify(toleranceRequest({ falsified: true })));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('结论：不予容错');
    expect(r.stdout).toContain('✗ 弄虚作假');
    expect(r.stdout.match(/✓/g)).toHaveLength(5);
  });

  it('bad input → exit 2 naming the field; --pack of a pack without a policy → exit 2 naming pack', () => {
    const bad = wenze(
      ['tolerance', 'assess'],
      JSON.stringify({ ...toleranceRequest(), appliedOn: '2026-02-30' }),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('appliedOn');
    expect(bad.stdout).toBe('');
    const province = wenze(['tolerance', 'assess', '--pack', 'guizhou'], JSON.stringify(toleranceRequest()));
    expect(province.code).toBe(2);
    expect(province.stderr).toContain('pack:');
  });
});
