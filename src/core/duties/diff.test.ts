// The difference between two versions of a list: added, removed, changed by 职权编码, the dates
// never counting as a change; and properties over random lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { supersede } from './check.js';
import { demoDutyImports } from './demo.js';
import { changedColumns, diffDutyLists } from './diff.js';
import { dutyItem } from './fixtures.js';

describe('diffDutyLists', () => {
  it('names the added, removed and changed powers, and counts the unchanged', () => {
    const before = [
      dutyItem({ code: 'A-1' }),
      dutyItem({ code: 'A-2', name: '旧名' }),
      dutyItem({ code: 'A-3' }),
    ];
    const after = [
      dutyItem({ code: 'A-1', effectiveFrom: '2025-01-01' }),
      dutyItem({ code: 'A-2', name: '新名', timeLimit: '60日' }),
      dutyItem({ code: 'A-4' }),
    ];
    const d = diffDutyLists(before, after);
    expect(d.added.map((i) => i.code)).toEqual(['A-4']);
    expect(d.removed.map((i) => i.code)).toEqual(['A-3']);
    expect(d.changed).toEqual([
      { code: 'A-2', before: before[1], after: after[1], columns: ['职权名称', '法定办结时限'] },
    ]);
    expect(d.unchanged).toBe(1);
  });

  it('dates are no change; every content column is', () => {
    const a = dutyItem();
    expect(changedColumns(a, { ...a, effectiveFrom: '2030-01-01', effectiveUntil: '2031-01-01' })).toEqual(
      [],
    );
    expect(changedColumns(a, { ...a, role: 'assist' })).toEqual(['主办或协办']);
    expect(changedColumns(a, { ...a, basis: null })).toEqual(['设定依据']);
    expect(changedColumns(a, { ...a, duties: [...a.duties].reverse() })).toEqual(['责任事项']);
    expect(changedColumns(a, { ...a, accountability: [] })).toEqual(['追责情形']);
    expect(changedColumns(a, { ...a, unit: null, type: 'inspection' })).toEqual(['职权类型', '承办机构']);
  });

  it('the demo’s second list of 市住建局 adds one power, removes one and revises penalty time limits', () => {
    const [first, second] = demoDutyImports();
    const held = supersede(supersede([], first.items), second.items);
    const v1 = held.filter((i) => i.agency === '529900-ZJJ' && i.version === 1);
    const v2 = held.filter((i) => i.agency === '529900-ZJJ' && i.version === 2);
    const d = diffDutyLists(v1, v2);
    expect(d.added.map((i) => i.name)).toEqual(['建筑节能监督检查']);
    expect(d.removed).toHaveLength(1);
    expect(d.changed.length).toBeGreaterThan(0);
    const penalties = d.changed.filter((c) => c.after.type === 'penalty');
    expect(penalties.length).toBeGreaterThan(0);
    for (const c of penalties) expect(c.columns).toContain('法定办结时限');
  });

  it('properties: a list against itself changes nothing; the parts account for every code', () => {
    const item = fc.record({
      code: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
      name: fc.constantFrom('甲', '乙'),
      timeLimit: fc.constantFrom(null, '30日'),
    });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 8 }), fc.array(item, { maxLength: 8 }), (xs, ys) => {
        const before = xs.map((x) => dutyItem(x));
        const after = ys.map((y) => dutyItem(y));
        const same = diffDutyLists(before, before);
        expect(same.added.length + same.removed.length + same.changed.length).toBe(0);
        const d = diffDutyLists(before, after);
        const codesAfter = new Set(after.map((i) => i.code));
        const codesBefore = new Set(before.map((i) => i.code));
        expect(d.added.length + d.changed.length + d.unchanged).toBe(codesAfter.size);
        expect(d.removed.length + d.changed.length + d.unchanged).toBe(codesBefore.size);
        const back = diffDutyLists(after, before);
        expect(back.added.map((i) => i.code)).toEqual(d.removed.map((i) => i.code));
        expect(back.changed.map((c) => c.code)).toEqual(d.changed.map((c) => c.code));
      }),
    );
  });
});
