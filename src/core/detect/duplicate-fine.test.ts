import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Act } from '../acts/schema.js';
import { FineIndex, keyHash, sharedHashes } from './duplicate-fine.js';
import { FineTable } from './fine-table.js';
import { scanActs } from './scan.js';
import { act, cal } from './testing.js';

const fine = (id: string, decided: string | null, over: Partial<Act> = {}) =>
  act('penalty', { id, fine: 500, ...over, dates: { filed: '2024-03-02', notified: '2024-03-05', decided } });
const dup = (acts: Act[]) =>
  scanActs(acts, { asOf: '2025-12-31', calendar: cal }).filter((f) => f.rule === 'duplicate-fine');

describe('duplicate-fine (行政处罚法第二十九条, penalty.04)', () => {
  it('a second fine for the same party, violation and incident date names the first', () => {
    expect(dup([fine('A-1', '2024-03-10'), fine('A-2', '2024-03-20')])).toEqual([
      {
        act: 'A-2',
        rule: 'duplicate-fine',
        fault: 'penalty.04',
        basis: '行政处罚法第二十九条',
        detail: '与A-1（2024-03-10作出）对同一当事人的同一违法行为（FOOD-27，发生于2024-03-01）重复罚款',
      },
    ]);
  });

  it('the earlier decision is the lawful one whatever the order in the file; ties go by act id', () => {
    expect(dup([fine('A-9', '2024-03-20'), fine('A-1', '2024-03-10')]).map((f) => f.act)).toEqual(['A-9']);
    expect(dup([fine('A-9', '2024-03-10'), fine('A-1', '2024-03-10')]).map((f) => f.act)).toEqual(['A-9']);
    expect(
      dup([fine('A-1', '2024-03-10'), fine('A-2', '2024-04-10'), fine('A-3', '2024-05-10')]).map(
        (f) => f.act,
      ),
    ).toEqual(['A-2', 'A-3']);
  });

  it('another incident date, violation or party is another fine', () => {
    const first = fine('A-1', '2024-03-10');
    expect(dup([first, fine('A-2', '2024-03-20', { incidentDate: '2024-03-02' })])).toEqual([]);
    expect(dup([first, fine('A-2', '2024-03-20', { violation: 'FOOD-28' })])).toEqual([]);
    expect(
      dup([first, fine('A-2', '2024-03-20', { party: { type: 'org', id: '91529900MA6DXXXX2X' } })]),
    ).toEqual([]);
  });

  it('only decided fines count: no fine, a zero fine or no decision is not a fine decision', () => {
    const first = fine('A-1', '2024-03-10');
    expect(dup([first, fine('A-2', '2024-03-20', { fine: null })])).toEqual([]);
    expect(dup([first, fine('A-2', '2024-03-20', { fine: 0 })])).toEqual([]);
    expect(dup([first, fine('A-2', null)])).toEqual([]);
    expect(dup([first, { ...fine('A-2', '2024-03-20'), kind: 'coercion' }])).toEqual([]);
  });

  it('partial indexes merged in any order give the same findings as one index', () => {
    const parties = ['P1', 'P2', 'P3'];
    const arb = fc.array(
      fc.record({
        party: fc.constantFrom(...parties),
        day: fc.integer({ min: 10, max: 20 }),
        n: fc.integer({ min: 1, max: 99 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, fc.integer({ min: 0, max: 40 }), (rows, cut) => {
        const acts = rows.map((r, i) =>
          fine(`A-${String(r.n).padStart(2, '0')}-${i}`, `2024-03-${r.day}`, {
            party: { type: 'org', id: r.party },
          }),
        );
        const whole = new FineIndex();
        for (const a of acts) whole.add(a);
        const left = new FineIndex();
        const right = new FineIndex();
        for (const [i, a] of acts.entries()) (i < cut ? left : right).add(a);
        const merged = new FineIndex();
        merged.merge(right);
        merged.merge(left);
        const key = (f: { act: string; detail: string }) => `${f.act} ${f.detail}`;
        expect(merged.findings().map(key).sort()).toEqual(whole.findings().map(key).sort());
      }),
    );
  });
});

describe('splitting partial indexes by key hashes', () => {
  it('gives the findings of one whole index', () => {
    const acts = Array.from({ length: 60 }, (_, i) =>
      fine(`A-${String(i).padStart(2, '0')}`, `2024-03-${10 + (i % 7)}`, {
        party: { type: 'org', id: `P${i % 23}` },
      }),
    );
    const whole = new FineIndex();
    for (const a of acts) whole.add(a);
    const parts = [new FineIndex(), new FineIndex(), new FineIndex()];
    for (const [i, a] of acts.entries()) parts[(i * 7) % 3].add(a);
    const shared = sharedHashes(parts.map((p) => p.hashes()));
    const merged = new FineIndex();
    const findings = [];
    for (const p of parts) {
      const s = p.split(shared);
      merged.merge(s.shared);
      findings.push(...s.findings);
    }
    findings.push(...merged.findings());
    const key = (f: { act: string; detail: string }) => `${f.act} ${f.detail}`;
    expect(findings.map(key).sort()).toEqual(whole.findings().map(key).sort());
    expect(whole.findings().length).toBeGreaterThan(30);
  });

  it('hashes equal keys equally and finds the shared ones', () => {
    expect(keyHash('a\u0000b')).toBe(keyHash('a\u0000b'));
    expect(keyHash('a\u0000b')).not.toBe(keyHash('a\u0000c'));
    expect(Number.isSafeInteger(keyHash('市场'))).toBe(true);
    expect([
      ...sharedHashes([Float64Array.of(1, 2, 3), Float64Array.of(2, 5), Float64Array.of(3, 5)]),
    ]).toEqual([2, 3, 5]);
  });
});

describe('the worker table (fine-table.ts) and the index agree', () => {
  it('on the same fine decisions, whole and split', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            party: fc.constantFrom('P1', 'P2', '市场P3'),
            day: fc.integer({ min: 10, max: 14 }),
            id: fc.constantFrom('A-1', 'A-2', 'A-10', 'B-1', 'A-1x'),
            incident: fc.constantFrom('2024-03-01', '2024-03-02'),
          }),
          { maxLength: 40 },
        ),
        fc.integer({ min: 0, max: 40 }),
        (rows, cut) => {
          // Byte strings, as the scan reads them.
          const bytes = (s: string) => Buffer.from(s, 'utf8').toString('latin1');
          const acts = rows.map((r) =>
            fine(bytes(r.id), `2024-03-${r.day}`, {
              party: { type: 'org', id: bytes(r.party) },
              incidentDate: r.incident,
            }),
          );
          const index = new FineIndex();
          const table = new FineTable();
          for (const a of acts) {
            index.add(a);
            table.add(a);
          }
          const key = (f: { act: string; detail: string }) => `${f.act} ${f.detail}`;
          expect(table.findings().map(key).sort()).toEqual(index.findings().map(key).sort());
          const parts = [new FineTable(), new FineTable()];
          for (const [i, a] of acts.entries()) parts[i < cut ? 0 : 1].add(a);
          const shared = sharedHashes(parts.map((p) => p.hashes()));
          const merged = new FineIndex();
          const found = [];
          for (const p of parts) {
            const s = p.split(shared);
            merged.merge(s.shared);
            found.push(...s.findings);
          }
          found.push(...merged.findings());
          expect(found.map(key).sort()).toEqual(index.findings().map(key).sort());
        },
      ),
      { numRuns: 500 },
    );
  });

  it('grows past its first arrays and arena', () => {
    const t = new FineTable();
    const i = new FineIndex();
    for (let n = 0; n < 30_000; n++) {
      const a = fine(`A-${n}`, `2024-03-${10 + (n % 9)}`, {
        party: { type: 'org', id: `P-${'x'.repeat(30)}-${n % 20_000}` },
      });
      t.add(a);
      i.add(a);
    }
    expect(t.size).toBe(30_000);
    const key = (f: { act: string; detail: string }) => `${f.act} ${f.detail}`;
    expect(t.findings().map(key).sort()).toEqual(i.findings().map(key).sort());
    expect(t.findings()).toHaveLength(10_000);
  });

  it('hashes keys as keyHash does', () => {
    const t = new FineTable();
    const i = new FineIndex();
    for (const a of [fine('A-1', '2024-03-10'), fine('A-2', '2024-03-11', { violation: 'X-1' })]) {
      t.add(a);
      i.add(a);
    }
    expect([...t.hashes()]).toEqual([...i.hashes()]);
  });
});
