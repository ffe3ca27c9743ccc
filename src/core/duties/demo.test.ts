// The demo city's duty lists: several hundred valid items for every demo agency, the matters of the
// act generator on each agency's list as 主办, the overlaps and the gap of the issue, a few
// incomplete items, versions by supersession; the same for the same seed.
import { describe, expect, it } from 'vitest';
import { demoAgencies } from '../../demo/city.js';
import { checkDuties, GAP_REASONS } from './check.js';
import { demoDutyImports, demoDutyItems, demoDutyReference } from './demo.js';
import { dutyItemSchema } from './item.js';

const items = demoDutyItems();
const codeOf = (name: string) => items.find((i) => i.name === name)?.code;

describe('demo duty lists', () => {
  it('several hundred valid items, a list for every demo agency, deterministic', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const i of items) expect(dutyItemSchema.safeParse(i).success, JSON.stringify(i)).toBe(true);
    for (const a of demoAgencies) expect(items.some((i) => i.agency === a.id)).toBe(true);
    expect(demoDutyItems()).toEqual(items);
    // One name, one code; one code, one name.
    const names = new Map<string, string>();
    for (const i of items) {
      expect(names.get(i.code) ?? i.name).toBe(i.name);
      names.set(i.code, i.name);
    }
    expect(new Set(names.values()).size).toBe(names.size);
  });

  it('every matter of the act generator is on its agency’s list as 主办, on every day since 2021', () => {
    for (const day of ['2021-01-01', '2024-12-31', '2025-01-01', '2030-01-01']) {
      for (const a of demoAgencies) {
        for (const m of a.matters) {
          const held = items.some(
            (i) =>
              i.agency === a.id &&
              i.name === m &&
              i.role === 'lead' &&
              i.effectiveFrom <= day &&
              (i.effectiveUntil === null || day < i.effectiveUntil),
          );
          expect(held, `${a.id} ${m} ${day}`).toBe(true);
        }
      }
    }
  });

  it('has the overlaps of the issue, the 协办-only gap and a few incomplete items', () => {
    const r = checkDuties(items, { on: '2025-06-01' });
    expect(r.overlaps).toEqual(
      expect.arrayContaining([
        { code: codeOf('违法建设查处'), region: '529900', agencies: ['529900-ZHJ', '529900-ZJJ'] },
        { code: codeOf('占道经营查处'), region: '529921', agencies: ['529921-ZHJ', '529921-ZZD'] },
      ]),
    );
    expect(r.gaps).toEqual([
      { code: codeOf('餐厨废弃物收运监督检查'), region: '529900', reason: GAP_REASONS.assistOnly },
    ]);
    const all = checkDuties(items);
    expect(all.incomplete.length).toBeGreaterThanOrEqual(3);
    expect(all.incomplete.length).toBeLessThanOrEqual(10);
    expect(new Set(all.incomplete.flatMap((i) => i.missing))).toEqual(
      new Set(['设定依据', '责任事项', '追责情形']),
    );
  });

  it('the newer lists of 2025 supersede the older ones of their agencies', () => {
    const [first, second] = demoDutyImports();
    expect(second.effectiveFrom).toBe('2025-01-01');
    const revised = new Set(second.items.map((i) => i.agency));
    expect([...revised].sort()).toEqual(['529900-SCJ', '529900-ZJJ']);
    for (const i of items) {
      if (!revised.has(i.agency)) expect(i.version).toBe(1);
      else if (i.version === 1) expect(i.effectiveUntil).toBe('2025-01-01');
      else expect(i.version).toBe(2);
    }
    expect(items.length).toBe(first.items.length + second.items.length);
  });

  it('the reference catalogue names two matters nobody holds', () => {
    const reference = demoDutyReference();
    const r = checkDuties(items, { reference, on: '2025-06-01' });
    const unheld = r.gaps.filter((g) => g.reason === GAP_REASONS.reference && g.region === '529900');
    expect(unheld.map((g) => reference.find((x) => x.code === g.code)?.name).sort()).toEqual([
      '地质灾害危险性评估监督检查',
      '城镇排水许可',
    ]);
    // The reference's held matters have the demo lists' codes.
    expect(reference.find((x) => x.name === '违法建设查处')?.code).toBe(codeOf('违法建设查处'));
  });
});
