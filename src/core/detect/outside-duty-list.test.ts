import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Act } from '../acts/schema.js';
import { type DutyEntry, dutyLookup } from './duty-list.js';
import { outsideDutyList } from './outside-duty-list.js';
import { act, ctx, demoDuties } from './testing.js';

const withLists = (duties = demoDuties(), asOf?: string) => ({ ...ctx(asOf), duties });
const check = (a: Act, duties = demoDuties()) => outsideDutyList.check(a, withLists(duties));
const decided = (d: string) => ({ dates: { filed: d, notified: d, decided: d } });

describe('outside-duty-list (行政处罚法第十七条; 行政许可法第二十二条; 行政强制法第十七条)', () => {
  it('a matter the agency leads, by its name or its 职权编码, is in order', () => {
    expect(check(act('licensing', { matter: '食品经营许可', ...decided('2024-05-31') }))).toBeNull();
    expect(check(act('licensing', { matter: 'XK-0001', ...decided('2024-05-31') }))).toBeNull();
  });

  it('a matter not on the agency’s list', () => {
    expect(check(act('penalty', { matter: '违法建设查处', ...decided('2024-05-31') }))).toEqual({
      act: 'A-2024-0000001',
      rule: 'outside-duty-list',
      fault: 'penalty.01',
      basis: '行政处罚法第十七条',
      detail: '529900-SCJ在作出决定之日2024-05-31有效的权责清单中没有“违法建设查处”事项',
    });
  });

  it('a matter held there only as 协办: for an inspection the item on exceeding the powers', () => {
    expect(check(act('inspection', { matter: '占道经营查处', ...decided('2024-05-31') }))).toEqual({
      act: 'A-2024-0000001',
      rule: 'outside-duty-list',
      fault: 'inspection.02',
      basis: '《贵州省行政执法过错责任追究办法》第二章 行政检查（二）',
      detail: '529900-SCJ在作出决定之日2024-05-31有效的权责清单中“占道经营查处”为协办事项，不是主办',
    });
    expect(check(act('inspection', { matter: '违法建设查处', ...decided('2024-05-31') }))?.fault).toBe(
      'inspection.01',
    );
  });

  it('names the catalogue item and the basis of each kind; not acts of kind other', () => {
    const of = (kind: Act['kind']) => check(act(kind, { matter: '违法建设查处', ...decided('2024-05-31') }));
    expect(of('licensing')).toMatchObject({ fault: 'licensing.12', basis: '行政许可法第二十二条' });
    expect(of('coercion')).toMatchObject({ fault: 'coercion.01', basis: '行政强制法第十七条' });
    expect(of('levy')).toMatchObject({
      fault: 'levy.01',
      basis: '《贵州省行政执法过错责任追究办法》第二章 行政征收、征用（一）',
    });
    expect(of('other')).toBeNull();
  });

  it('finds nothing without lists, without a matter, for an agency without a list, or without a date', () => {
    const a = act('penalty', { matter: '违法建设查处', ...decided('2024-05-31') });
    expect(outsideDutyList.check(a, ctx())).toBeNull();
    expect(check({ ...a, matter: null })).toBeNull();
    expect(check({ ...a, matter: '' })).toBeNull();
    expect(check({ ...a, agency: '529900-WJW' })).toBeNull();
    expect(check(act('licensing', { matter: '违法建设查处' }))).toBeNull();
  });

  it('reads the list in force on the act’s date: none before the first, the newer one after it', () => {
    // The demo lists begin on 2021-01-01; 市市场监管局's list of 2025 adds 电子商务经营者违法行为查处.
    const a = (d: string) => act('penalty', { matter: '违法建设查处', ...decided(d) });
    expect(check(a('2020-12-31'))).toBeNull();
    expect(check(a('2021-01-01'))?.detail).toContain('2021-01-01');
    const ecommerce = (d: string) => act('penalty', { matter: '电子商务经营者违法行为查处', ...decided(d) });
    expect(check(ecommerce('2024-12-31'))?.fault).toBe('penalty.01');
    expect(check(ecommerce('2025-01-01'))).toBeNull();
  });

  it('an undecided act is measured on its filing date', () => {
    const f = check(act('penalty', { matter: '违法建设查处', dates: { filed: '2024-03-02' } }));
    expect(f?.detail).toBe('529900-SCJ在立案之日2024-03-02有效的权责清单中没有“违法建设查处”事项');
  });

  it('an item is in force from its 生效日期 up to the day before its 失效日期', () => {
    const lists = dutyLookup([
      entry({ code: 'JC-1', name: '甲检查', validFrom: '2024-01-01', validTo: '2024-06-01' }),
      entry({ code: 'JC-2', name: '乙检查', validFrom: '2024-01-01', validTo: null }),
    ]);
    const a = (d: string) => act('inspection', { matter: '甲检查', ...decided(d) });
    expect(check(a('2024-05-31'), lists)).toBeNull();
    expect(check(a('2024-06-01'), lists)?.fault).toBe('inspection.01');
    expect(check(a('2023-12-31'), lists)).toBeNull(); // no list in force yet
  });

  it('agrees with reading the items one by one (property)', () => {
    const day = fc.integer({ min: 0, max: 9 }).map((n) => `2024-01-${String(n + 10)}`);
    const item = fc.record({
      agency: fc.constantFrom('529900-A', '529900-B'),
      code: fc.constantFrom('K1', 'K2', 'K3'),
      name: fc.constantFrom('甲', '乙', 'K1'),
      role: fc.constantFrom('lead', 'assist') as fc.Arbitrary<'lead' | 'assist'>,
      validFrom: day,
      validTo: fc.option(day, { nil: null }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 8 }),
        fc.constantFrom('529900-A', '529900-B'),
        fc.constantFrom('K1', 'K2', 'K3', '甲', '乙', '丙'),
        day,
        (items, agency, matter, d) => {
          const inForce = (i: DutyEntry) =>
            i.agency === agency && i.validFrom <= d && (i.validTo === null || d < i.validTo);
          const held = items.filter((i) => inForce(i) && (i.code === matter || i.name === matter));
          const expected = !items.some(inForce)
            ? null
            : held.some((i) => i.role === 'lead')
              ? null
              : held.some((i) => i.role === 'assist')
                ? 'inspection.02'
                : 'inspection.01';
          const f = check(act('inspection', { agency, matter, ...decided(d) }), dutyLookup(items));
          expect(f?.fault ?? null).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

function entry(e: Partial<DutyEntry>): DutyEntry {
  return {
    agency: '529900-SCJ',
    code: 'X',
    name: 'X',
    role: 'lead',
    validFrom: '2021-01-01',
    validTo: null,
    ...e,
  };
}
