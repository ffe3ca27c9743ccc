// The checks of a duty list: both sides of each rule (overlap, 协办-only gap, reference gap,
// incomplete), the day filter, agencies by name, supersession, and properties over random lists.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation.js';
import { checkDuties, GAP_REASONS, supersede } from './check.js';
import { DUTY_ROLES, POWER_TYPES } from './columns.js';
import { dutyItem, syntheticDutyItems } from './fixtures.js';
import type { DutyItem } from './item.js';

const ZHJ = '529900-ZHJ';
const ZJJ = '529900-ZJJ';

describe('overlaps: one 职权编码 with more than one 主办 agency in a region on the same day', () => {
  it('two agencies of a region leading the same code overlap', () => {
    const r = checkDuties([dutyItem({ agency: ZHJ }), dutyItem({ agency: ZJJ, row: 3 })]);
    expect(r.overlaps).toEqual([{ code: 'CF-0014', region: '529900', agencies: [ZHJ, ZJJ] }]);
  });

  it('one agency holding the code in two rows (two units) is no overlap', () => {
    const r = checkDuties([dutyItem({ unit: '一大队' }), dutyItem({ unit: '二大队', row: 3 })]);
    expect(r.overlaps).toEqual([]);
  });

  it('the same code led in two regions is no overlap', () => {
    const r = checkDuties([dutyItem({ agency: '529900-ZHJ' }), dutyItem({ agency: '529921-ZHJ', row: 3 })]);
    expect(r.overlaps).toEqual([]);
  });

  it('periods that do not meet are no overlap; sharing one day is', () => {
    const before = dutyItem({ agency: ZHJ, effectiveFrom: '2023-01-01', effectiveUntil: '2024-01-01' });
    const after = dutyItem({ agency: ZJJ, effectiveFrom: '2024-01-01' });
    expect(checkDuties([before, after]).overlaps).toEqual([]);
    const oneDay = { ...before, effectiveUntil: '2024-01-02' };
    expect(checkDuties([oneDay, after]).overlaps).toHaveLength(1);
  });

  it('a 协办 agency beside the 主办 is no overlap', () => {
    const r = checkDuties([dutyItem({ agency: ZHJ }), dutyItem({ agency: ZJJ, role: 'assist' })]);
    expect(r.overlaps).toEqual([]);
    expect(r.gaps).toEqual([]);
  });

  it('names only the agencies that overlap, however many rows each has', () => {
    const items = [
      dutyItem({ agency: ZHJ, effectiveFrom: '2020-01-01', effectiveUntil: '2021-01-01' }),
      dutyItem({ agency: ZHJ, effectiveFrom: '2021-01-01', effectiveUntil: '2022-01-01' }),
      dutyItem({ agency: ZJJ, effectiveFrom: '2021-06-01', effectiveUntil: '2021-07-01' }),
      dutyItem({ agency: '529900-SCJ', effectiveFrom: '2022-01-01' }),
    ];
    expect(checkDuties(items).overlaps).toEqual([
      { code: 'CF-0014', region: '529900', agencies: [ZHJ, ZJJ] },
    ]);
  });

  it('with `on`, only the items in force that day count', () => {
    const items = [
      dutyItem({ agency: ZHJ, effectiveFrom: '2023-01-01', effectiveUntil: '2024-06-01' }),
      dutyItem({ agency: ZJJ, effectiveFrom: '2024-01-01' }),
    ];
    expect(checkDuties(items).overlaps).toHaveLength(1);
    expect(checkDuties(items, { on: '2024-03-01' }).overlaps).toHaveLength(1);
    expect(checkDuties(items, { on: '2024-06-01' }).overlaps).toEqual([]);
    expect(checkDuties(items, { on: '2023-06-01' }).overlaps).toEqual([]);
    expect(() => checkDuties(items, { on: '2024-02-30' })).toThrow(ValidationError);
  });

  it('agencies by name: reported as written with region null, or resolved through the register', () => {
    const items = [dutyItem({ agency: 'A市综合行政执法局' }), dutyItem({ agency: 'A市住房和城乡建设局' })];
    expect(items[0].region).toBeNull();
    expect(checkDuties(items).overlaps).toEqual([
      { code: 'CF-0014', region: null, agencies: ['A市住房和城乡建设局', 'A市综合行政执法局'] },
    ]);
    const register: Record<string, { code: string; region: string }> = {
      A市综合行政执法局: { code: ZHJ, region: '529900' },
      A市住房和城乡建设局: { code: '529921-ZJJ', region: '529921' },
    };
    expect(checkDuties(items, { resolveAgency: (a) => register[a] }).overlaps).toEqual([]);
    const sameRegion: Record<string, { code: string; region: string }> = {
      ...register,
      A市住房和城乡建设局: { code: ZJJ, region: '529900' },
    };
    expect(checkDuties(items, { resolveAgency: (a) => sameRegion[a] }).overlaps).toEqual([
      { code: 'CF-0014', region: '529900', agencies: [ZHJ, ZJJ] },
    ]);
  });
});

describe('gaps', () => {
  it('a code held only by 协办 agencies in a region is a gap; a 主办 beside them closes it', () => {
    const assist = dutyItem({ role: 'assist' });
    expect(checkDuties([assist]).gaps).toEqual([
      { code: 'CF-0014', region: '529900', reason: GAP_REASONS.assistOnly },
    ]);
    expect(checkDuties([assist, dutyItem({ agency: ZJJ })]).gaps).toEqual([]);
    // A lead in another region does not lead this one.
    expect(checkDuties([assist, dutyItem({ agency: '529921-ZHJ' })]).gaps).toHaveLength(1);
  });

  it('a lead that ends before the 协办 does leaves the rest uncovered', () => {
    const assist = dutyItem({ role: 'assist', effectiveFrom: '2023-01-01' });
    const lead = dutyItem({ agency: ZJJ, effectiveFrom: '2023-01-01', effectiveUntil: '2025-01-01' });
    expect(checkDuties([assist, lead]).gaps).toHaveLength(1);
    expect(checkDuties([assist, lead], { on: '2024-01-01' }).gaps).toEqual([]);
    expect(checkDuties([assist, lead], { on: '2025-01-01' }).gaps).toHaveLength(1);
    // Two leads one after the other cover it.
    const next = dutyItem({ agency: ZHJ, effectiveFrom: '2025-01-01' });
    expect(checkDuties([assist, lead, next]).gaps).toEqual([]);
  });

  it('a reference matter no agency of a region holds is a gap in that region; held (either role) it is not', () => {
    const reference = [dutyItem({ code: 'XK-0099', name: '城镇排水许可', agency: '贵州省人民政府' })];
    const items = [dutyItem({ agency: ZHJ }), dutyItem({ agency: '529921-ZHJ' })];
    expect(checkDuties(items, { reference }).gaps).toEqual([
      { code: 'XK-0099', region: '529900', reason: GAP_REASONS.reference },
      { code: 'XK-0099', region: '529921', reason: GAP_REASONS.reference },
    ]);
    const held = [...items, dutyItem({ agency: '529900-ZJJ', code: 'XK-0099' })];
    expect(checkDuties(held, { reference }).gaps).toEqual([
      { code: 'XK-0099', region: '529921', reason: GAP_REASONS.reference },
    ]);
    // Held only as 协办: the 协办-only gap, not the reference one.
    const assisted = [...items, dutyItem({ agency: '529921-SCJ', code: 'XK-0099', role: 'assist' })];
    expect(checkDuties(assisted, { reference }).gaps).toEqual([
      { code: 'XK-0099', region: '529900', reason: GAP_REASONS.reference },
      { code: 'XK-0099', region: '529921', reason: GAP_REASONS.assistOnly },
    ]);
  });

  it('a reference matter counts on the days the region has lists: not before, not after it ends', () => {
    const items = [dutyItem({ agency: ZHJ, effectiveFrom: '2024-01-01' })];
    const early = dutyItem({ code: 'XK-0099', effectiveFrom: '2015-01-01', effectiveUntil: '2020-01-01' });
    expect(checkDuties(items, { reference: [early] }).gaps).toEqual([]);
    const held = [...items, dutyItem({ code: 'XK-0099', effectiveFrom: '2024-01-01' })];
    const current = dutyItem({ code: 'XK-0099', effectiveFrom: '2015-01-01' });
    expect(checkDuties(held, { reference: [current] }).gaps).toEqual([]);
    const heldTooLate = [...items, dutyItem({ code: 'XK-0099', effectiveFrom: '2024-06-01' })];
    expect(checkDuties(heldTooLate, { reference: [current] }).gaps).toHaveLength(1);
    expect(checkDuties(heldTooLate, { reference: [current], on: '2024-07-01' }).gaps).toEqual([]);
  });
});

describe('incomplete: an item without 设定依据, 责任事项 or 追责情形', () => {
  it('names each missing column, and nothing for a complete item', () => {
    expect(checkDuties([dutyItem()]).incomplete).toEqual([]);
    const cases: [Partial<DutyItem>, string[]][] = [
      [{ basis: null }, ['设定依据']],
      [{ duties: [] }, ['责任事项']],
      [{ accountability: [] }, ['追责情形']],
      [{ basis: null, duties: [], accountability: [] }, ['设定依据', '责任事项', '追责情形']],
    ];
    for (const [over, missing] of cases) {
      const r = checkDuties([dutyItem({ ...over, row: 7, agency: 'A市综合行政执法局' })]);
      expect(r.incomplete).toEqual([{ row: 7, code: 'CF-0014', agency: 'A市综合行政执法局', missing }]);
    }
  });

  it('with `on`, only items in force that day; the count is of every item', () => {
    const old = dutyItem({ basis: null, effectiveFrom: '2020-01-01', effectiveUntil: '2021-01-01' });
    const r = checkDuties([old, dutyItem()], { on: '2024-05-01' });
    expect(r.incomplete).toEqual([]);
    expect(r.items).toBe(2);
    expect(checkDuties([old, dutyItem()]).incomplete).toHaveLength(1);
  });
});

describe('supersede: a newer import supersedes the agency’s items from its 生效日期 on', () => {
  it('ends what was in force, drops what had not begun, keeps other agencies, numbers the versions', () => {
    const held = [
      dutyItem({ code: 'A', effectiveFrom: '2021-01-01' }),
      dutyItem({ code: 'B', effectiveFrom: '2021-01-01', effectiveUntil: '2022-01-01' }),
      dutyItem({ code: 'C', effectiveFrom: '2026-01-01' }),
      dutyItem({ code: 'D', agency: ZJJ, effectiveFrom: '2021-01-01' }),
    ];
    const first = supersede([], held);
    expect(first.map((i) => i.version)).toEqual([1, 1, 1, 1]);
    const incoming = [dutyItem({ code: 'A', effectiveFrom: '2025-01-01', unit: '法制科' })];
    const merged = supersede(first, incoming);
    expect(merged.map((i) => [i.code, i.agency, i.effectiveFrom, i.effectiveUntil, i.version])).toEqual([
      ['A', ZHJ, '2021-01-01', '2025-01-01', 1],
      ['B', ZHJ, '2021-01-01', '2022-01-01', 1],
      ['D', ZJJ, '2021-01-01', null, 1],
      ['A', ZHJ, '2025-01-01', null, 2],
    ]);
    expect(supersede(merged, [dutyItem({ effectiveFrom: '2026-01-01' })]).at(-1)?.version).toBe(3);
    // Pure: the held items are not changed.
    expect(first[0].effectiveUntil).toBeNull();
  });

  it('the superseded list and the new one of the same agency never overlap', () => {
    const merged = supersede(
      [dutyItem({ effectiveFrom: '2021-01-01' })],
      [dutyItem({ effectiveFrom: '2025-01-01' })],
    );
    expect(checkDuties(merged).overlaps).toEqual([]);
    expect(checkDuties(merged, { on: '2024-12-31' }).items).toBe(2);
  });
});

// --- properties ---------------------------------------------------------------------------------

const day = fc
  .integer({ min: 0, max: 3000 })
  .map((n) => new Date(Date.UTC(2018, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

const itemArb: fc.Arbitrary<DutyItem> = fc
  .record({
    code: fc.constantFrom('C1', 'C2', 'C3'),
    agency: fc.constantFrom('529900-A', '529900-B', '529921-A', '529921-C', 'A市某局'),
    role: fc.constantFrom(...DUTY_ROLES),
    type: fc.constantFrom(...POWER_TYPES),
    from: day,
    length: fc.option(fc.integer({ min: 1, max: 1500 }), { nil: undefined }),
    basis: fc.option(fc.constant('《某法》'), { nil: null }),
    duties: fc.constantFrom([], ['立案责任']),
    accountability: fc.constantFrom([], ['penalty.03']),
  })
  .map((r) => {
    const until =
      r.length === undefined
        ? null
        : new Date(Date.parse(`${r.from}T00:00:00Z`) + r.length * 86_400_000).toISOString().slice(0, 10);
    return dutyItem({
      code: r.code,
      agency: r.agency,
      region: /^\d{6}/.test(r.agency) ? r.agency.slice(0, 6) : null,
      role: r.role,
      type: r.type,
      basis: r.basis,
      duties: [...r.duties],
      accountability: [...r.accountability],
      effectiveFrom: r.from,
      effectiveUntil: until,
    });
  });
const listArb = fc.array(itemArb, { maxLength: 30 }).map((xs) => xs.map((x, i) => ({ ...x, row: i + 2 })));

/** The overlaps by brute force: every pair of 主办 items of other agencies sharing a day. */
function bruteOverlaps(items: DutyItem[], on?: string): Set<string> {
  const out = new Map<string, Set<string>>();
  const live = items.filter(
    (i) =>
      on === undefined || (i.effectiveFrom <= on && (i.effectiveUntil === null || on < i.effectiveUntil)),
  );
  for (const a of live) {
    for (const b of live) {
      if (a.role !== 'lead' || b.role !== 'lead' || a.agency === b.agency) continue;
      if (a.code !== b.code || a.region !== b.region) continue;
      const aEnd = a.effectiveUntil ?? '9999';
      const bEnd = b.effectiveUntil ?? '9999';
      if (a.effectiveFrom < bEnd && b.effectiveFrom < aEnd) {
        const key = `${a.code}|${a.region}`;
        const set = out.get(key) ?? new Set();
        set.add(a.agency).add(b.agency);
        out.set(key, set);
      }
    }
  }
  return new Set([...out].map(([k, s]) => `${k}|${[...s].sort().join(',')}`));
}

describe('properties', () => {
  it('the overlaps are those a pairwise comparison finds, with and without a day', () => {
    fc.assert(
      fc.property(listArb, fc.option(day, { nil: undefined }), (items, on) => {
        const r = checkDuties(items, { on });
        const found = new Set(r.overlaps.map((o) => `${o.code}|${o.region}|${o.agencies.join(',')}`));
        expect(found).toEqual(bruteOverlaps(items, on));
      }),
    );
  });

  it('adding a 协办 row never creates an overlap; the item count is the number of rows', () => {
    fc.assert(
      fc.property(listArb, itemArb, (items, extra) => {
        const before = checkDuties(items);
        const after = checkDuties([...items, { ...extra, role: 'assist' }]);
        expect(after.overlaps).toEqual(before.overlaps);
        expect(after.items).toBe(items.length + 1);
        expect(before.items).toBe(items.length);
      }),
    );
  });

  it('adding a 主办 row never removes an overlap nor adds a 协办-only gap', () => {
    fc.assert(
      fc.property(listArb, itemArb, (items, extra) => {
        const before = checkDuties(items);
        const after = checkDuties([...items, { ...extra, role: 'lead', row: 99 }]);
        const keys = (r: typeof before) => r.overlaps.map((o) => `${o.code}|${o.region}`);
        for (const k of keys(before)) expect(keys(after)).toContain(k);
        const assistOnly = (r: typeof before) =>
          r.gaps.filter((g) => g.reason === GAP_REASONS.assistOnly).map((g) => `${g.code}|${g.region}`);
        for (const g of assistOnly(after)) expect(assistOnly(before)).toContain(g);
      }),
    );
  });

  it('the report does not depend on the order of the items (incomplete aside, which keeps it)', () => {
    fc.assert(
      fc.property(listArb, (items) => {
        const a = checkDuties(items);
        const b = checkDuties([...items].reverse());
        expect(b.overlaps).toEqual(a.overlaps);
        expect(b.gaps).toEqual(a.gaps);
        expect([...b.incomplete].reverse()).toEqual(a.incomplete);
      }),
    );
  });

  it('after supersede, one agency’s versions never overlap each other', () => {
    fc.assert(
      fc.property(listArb, listArb, (held, incoming) => {
        const base = supersede([], held);
        const merged = supersede(base, incoming);
        // The held items first, then the incoming ones.
        const kept = merged.slice(0, merged.length - incoming.length);
        const added = merged.slice(merged.length - incoming.length);
        for (const a of new Set(incoming.map((i) => i.agency))) {
          const start = incoming
            .filter((i) => i.agency === a)
            .map((i) => i.effectiveFrom)
            .sort()[0];
          for (const i of kept.filter((x) => x.agency === a)) {
            expect(i.effectiveUntil !== null && i.effectiveUntil <= start).toBe(true);
          }
          const version = base.some((x) => x.agency === a) ? 2 : 1;
          for (const i of added.filter((x) => x.agency === a)) expect(i.version).toBe(version);
        }
      }),
    );
  });
});

describe('scale', () => {
  it('checks a large synthetic list with overlaps, gaps and incomplete items of every kind', () => {
    const items = syntheticDutyItems({ count: 5000, seed: 3 });
    const r = checkDuties(items);
    expect(r.items).toBe(5000);
    expect(r.overlaps.length).toBeGreaterThan(0);
    expect(r.gaps.length).toBeGreaterThan(0);
    expect(new Set(r.incomplete.flatMap((i) => i.missing))).toEqual(
      new Set(['设定依据', '责任事项', '追责情形']),
    );
  });
});
