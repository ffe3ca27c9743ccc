// `wenze relief draw` as a user runs it: the panel record of an appeal in, the same draw out.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { drawPanel, type PoolMember } from '../../core/relief/panel.js';

function wenze(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const pool: PoolMember[] = [
  'legal_expert',
  'lawyer',
  'scholar',
  'scholar',
  'enforcement_supervisor',
  'senior_officer',
  'lawyer',
].map((kind, i) => ({
  id: `RM-0${i + 1}`,
  kind: kind as PoolMember['kind'],
  agencyId: kind === 'senior_officer' ? '529900-STJ' : null,
  officeRegion: null,
  enforcementOfficer: kind === 'senior_officer',
}));
const rules = { size: 5, appellantAgencyId: '529900-SCJ', decidingOfficeRegion: '529900' };

describe('wenze relief draw', () => {
  it('re-runs the recorded draw, with the conflicts declared', () => {
    const record = { seed: 'abc123', pool, rules, conflicts: [{ memberId: 'RM-02', reason: '回避' }] };
    const r = wenze(['relief', 'draw', '-', '--json'], JSON.stringify(record));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(drawPanel(pool, rules, 'abc123', ['RM-02']).panel);
    const text = wenze(['relief', 'draw'], JSON.stringify(record));
    expect(text.stdout).toContain('随机种子：abc123');
    expect(text.stdout).toContain('主任委员：');
  });

  it('a malformed record or a pool that cannot fill the panel exits 2 naming the field', () => {
    const bad = wenze(['relief', 'draw'], JSON.stringify({ seed: '', pool: 'x', rules }));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('pool');
    const short = wenze(['relief', 'draw'], JSON.stringify({ seed: 's', pool: pool.slice(0, 3), rules }));
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('不足');
  });
});
