// Rule packs: versions by effective date; a city refines the province, overriding only what it names.
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../validation.js';
import { GUIZHOU, GUIZHOU_PARAMS } from './packs/guizhou.js';
import { GUIZHOU_A_CITY } from './packs/guizhou-a-city.js';
import { createPackRegistry, deepMerge, defaultPacks, selectPack } from './packs/registry.js';
import type { PackDefinition } from './packs/types.js';

/** Paths (a.b.c) where two plain values differ. */
function diff(a: unknown, b: unknown, path = ''): string[] {
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      diff((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], path ? `${path}.${k}` : k),
    );
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

const fails = (fn: () => unknown): ValidationError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
};

describe('selectPack', () => {
  it('guizhou is in force with the DOMAIN.md procedure defaults', () => {
    const p = selectPack('guizhou', '2025-03-10');
    expect(p).toMatchObject({ name: 'guizhou', version: '1.0', region: '520000', parent: null });
    expect(p.params.procedure).toMatchObject({
      acceptComplaint: { days: 15 },
      minInvestigators: 2,
      investigation: { days: 30 },
      extension: { days: 15 },
      maxExtensions: 1,
      appealWithin: { days: 30 },
      decisionStandsDuringAppeal: true,
    });
    expect(p.params.repeat).toEqual({
      window: { count: 1, unit: 'year' },
      minFaultsInWindow: 3,
      minEarlierSanctions: 2,
      sanctionsWindow: null,
      sameKindBy: 'item',
    });
  });

  it('picks the city version in force on the date, boundaries included', () => {
    expect(selectPack('guizhou-a-city', '2024-07-01').version).toBe('1.0');
    expect(selectPack('guizhou-a-city', '2025-12-31').version).toBe('1.0');
    expect(selectPack('guizhou-a-city', '2026-01-01').version).toBe('2.0');
  });

  it('no version in force → ValidationError on the date field', () => {
    expect(fails(() => selectPack('guizhou-a-city', '2024-06-30')).fields[0]!.path).toBe('on');
  });

  it('unknown pack → ValidationError on the pack field', () => {
    expect(fails(() => selectPack('atlantis', '2025-01-01')).fields[0]!.path).toBe('pack');
  });

  it('a city overrides only what it names and inherits the rest', () => {
    const city = selectPack('guizhou-a-city', '2025-03-10');
    const province = selectPack('guizhou', '2025-03-10');
    expect(diff(province.params, city.params).sort()).toEqual(
      [
        'earlyWarning.attentionAt',
        'earlyWarning.warningAt',
        'procedure.acceptComplaint.days',
        'procedure.extension.days',
        'procedure.investigation.days',
        'repeat.minFaultsInWindow',
      ].sort(),
    );
    expect(city.lineage).toEqual([
      { name: 'guizhou', version: '1.0' },
      { name: 'guizhou-a-city', version: '1.0' },
    ]);
    expect(city.articles).toEqual(province.articles);
  });

  it('resolved packs are cached and frozen', () => {
    const a = selectPack('guizhou', '2025-03-10');
    expect(selectPack('guizhou', '2020-01-01')).toBe(a);
    expect(Object.isFrozen(a.params.repeat)).toBe(true);
  });

  it("A市 3.0 requires 复核 before an appeal (复核前置) and keeps 2.0's policies", () => {
    const v2 = selectPack('guizhou-a-city', '2026-12-31').params;
    const v3 = selectPack('guizhou-a-city', '2027-01-01').params;
    expect(v2.relief.review.required).toBe(false);
    expect(v3.relief.review.required).toBe(true);
    expect(v3.relief.review.appealAfter).toEqual({ days: 15, unit: 'calendar_day' });
    expect(v3.tolerance).toEqual(v2.tolerance);
    expect(v3.procedure).toEqual(v2.procedure);
  });

  it('lists packs and versions with effective dates', () => {
    expect(
      defaultPacks
        .list()
        .map((p) => [p.name, p.default, p.versions.map((v) => [v.version, v.validFrom, v.validTo])]),
    ).toEqual([
      ['guizhou', true, [['1.0', '2000-01-01', null]]],
      [
        'guizhou-a-city',
        false,
        [
          ['1.0', '2024-07-01', '2025-12-31'],
          ['2.0', '2026-01-01', '2026-12-31'],
          ['3.0', '2027-01-01', null],
        ],
      ],
    ]);
  });
});

describe('deepMerge', () => {
  it('merges objects key by key and replaces arrays', () => {
    expect(deepMerge({ a: { b: 1, c: 2 }, d: [1, 2] }, { a: { c: 3 }, d: [9] })).toEqual({
      a: { b: 1, c: 3 },
      d: [9],
    });
  });
});

describe('pack definitions an admin edits', () => {
  const withCity = (city: PackDefinition) => createPackRegistry([GUIZHOU, city]);

  it('the official text of Art. 24 replaces the summary', () => {
    const registry = withCity({
      ...GUIZHOU_A_CITY,
      versions: [
        {
          version: '9',
          validFrom: '2024-01-01',
          validTo: null,
          texts: { articles: { '24': { intro: '正式文本……', clauses: ['甲；', '乙。'] } } },
        },
      ],
    });
    const art24 = registry.select('guizhou-a-city', '2025-01-01').articles.find((a) => a.number === 24)!;
    expect(art24).toMatchObject({ intro: '正式文本……', summary: false, source: '规则包 guizhou-a-city' });
    expect(art24.clauses).toHaveLength(2);
  });

  it('rejects overlapping versions', () => {
    const e = fails(() =>
      withCity({
        ...GUIZHOU_A_CITY,
        versions: [
          { version: '1', validFrom: '2024-01-01', validTo: '2024-12-31' },
          { version: '2', validFrom: '2024-06-01', validTo: null },
        ],
      }),
    );
    expect(e.fields[0]!.path).toBe('packs[1].versions[1].validFrom');
  });

  it('rejects a bad parameter, naming it', () => {
    const e = fails(() =>
      withCity({
        ...GUIZHOU_A_CITY,
        versions: [
          {
            version: '1',
            validFrom: '2024-01-01',
            validTo: null,
            params: { repeat: { window: { count: 0, unit: 'year' } } },
          },
        ],
      }),
    );
    expect(e.fields[0]!.path).toBe('packs[1].versions[0].params.repeat.window.count');
  });

  it('rejects an unknown parent and an incomplete root', () => {
    expect(fails(() => withCity({ ...GUIZHOU_A_CITY, parent: 'nowhere' })).fields[0]!.path).toBe(
      'packs[1].parent',
    );
    const e = fails(() =>
      createPackRegistry([
        { ...GUIZHOU, versions: [{ ...GUIZHOU.versions[0]!, params: { repeat: GUIZHOU_PARAMS.repeat } }] },
      ]),
    );
    expect(e.fields[0]!.path).toMatch(/^packs\[0\]\.versions\[0\]\.params\./);
  });

  it('rejects a city version that starts before its parent is in force', () => {
    const e = fails(() =>
      createPackRegistry([
        { ...GUIZHOU, versions: [{ ...GUIZHOU.versions[0]!, validFrom: '2010-01-01' }] },
        { ...GUIZHOU_A_CITY, versions: [{ version: '1', validFrom: '2005-01-01', validTo: null }] },
      ]),
    );
    expect(e.fields[0]!.path).toBe('packs[1].versions[0].validFrom');
  });
});
