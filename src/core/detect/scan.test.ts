import { describe, expect, it } from 'vitest';
import { Scanner, scanActs } from './scan.js';
import { act, cal } from './testing.js';

describe('scanActs', () => {
  const acts = [
    act('penalty', { id: 'A-3', review: 'revoked', criminal: { suspected: true, referred: false } }),
    act('inspection', { id: 'A-1', officers: [] }),
    act('penalty', { id: 'A-2' }),
  ];

  it('returns findings by act id, then rule name', () => {
    const found = scanActs(acts, { asOf: '2025-12-31', calendar: cal }).map((f) => `${f.act} ${f.rule}`);
    expect(found).toEqual(['A-1 fewer-than-two-officers', 'A-3 criminal-not-referred', 'A-3 overturned']);
  });

  it('a scan split in parts and merged finds the same', () => {
    const a = new Scanner({ asOf: '2025-12-31', calendar: cal });
    const b = new Scanner({ asOf: '2025-12-31', calendar: cal });
    a.add(acts[0]);
    b.add(acts[1]);
    b.add(acts[2]);
    a.merge(b.partial());
    expect(a.count).toBe(3);
    expect(a.finish()).toEqual(scanActs(acts, { asOf: '2025-12-31', calendar: cal }));
  });

  it('rejects a bad as-of date', () => {
    expect(() => scanActs([], { asOf: '2025-02-30', calendar: cal })).toThrow('基准日期无效');
  });
});
