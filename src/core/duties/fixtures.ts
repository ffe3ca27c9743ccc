// Duty-list items for tests and the benchmark: one complete item that tests change a field at a
// time, and a large synthetic set of lists (many regions and agencies, with overlaps, 协办 items,
// incomplete items and ended versions) generated from a seed.
import { createRng } from '../random.js';
import { POWER_TYPES } from './columns.js';
import type { DutyItem } from './item.js';

/** A complete 主办 item of 市综合执法局 in force from 2024-01-01; `over` replaces fields. */
export function dutyItem(over: Partial<DutyItem> = {}): DutyItem {
  const agency = over.agency ?? '529900-ZHJ';
  const code = /^(\d{6})/.exec(agency);
  return {
    row: 2,
    code: 'CF-0014',
    name: '违法建设查处',
    type: 'penalty',
    agency,
    region: code ? code[1] : null,
    unit: '执法一大队',
    role: 'lead',
    basis: '《中华人民共和国城乡规划法》第六十四条',
    duties: ['立案责任：审查线索，决定是否立案', '送达责任：依法送达处罚决定书'],
    accountability: ['penalty.03', 'penalty.12'],
    timeLimit: '90日',
    effectiveFrom: '2024-01-01',
    effectiveUntil: null,
    ...over,
  };
}

export interface SyntheticOptions {
  count: number;
  seed?: number;
  /** How many regions (default: one per 500 items). */
  regions?: number;
}

/**
 * `count` items over many regions (counties 52xx01…), each with ~25 agencies of ~20 powers drawn
 * from a catalogue of 2,000 base codes: about 1 % of items duplicate another agency's lead (an
 * overlap), 5 % are 协办, 3 % lack a column, 10 % are older versions that have ended.
 */
export function syntheticDutyItems(options: SyntheticOptions): DutyItem[] {
  const { count } = options;
  const rng = createRng(options.seed ?? 7);
  const regionCount = options.regions ?? Math.max(1, Math.round(count / 500));
  const out: DutyItem[] = [];
  const agenciesPerRegion = 25;
  const catalogue = 2000;
  for (let i = 0; i < count; i++) {
    const r = i % regionCount;
    const region = `52${String(Math.floor(r / 99) + 10).padStart(2, '0')}${String((r % 99) + 1).padStart(2, '0')}`;
    const a = rng.int(0, agenciesPerRegion - 1);
    const agency = `${region}-A${String(a).padStart(2, '0')}`;
    // Each agency has its own band of the catalogue; a rare draw from the neighbour's band is an overlap.
    const band = rng.chance(0.01) ? (a + 1) % agenciesPerRegion : a;
    const k = band * (catalogue / agenciesPerRegion) + rng.int(0, catalogue / agenciesPerRegion - 1);
    const type = POWER_TYPES[k % POWER_TYPES.length];
    const ended = rng.chance(0.1);
    const gap = rng.chance(0.03) ? rng.int(0, 2) : -1;
    out.push({
      row: i + 2,
      code: `S-${String(k).padStart(5, '0')}`,
      name: `职权事项${k}`,
      type,
      agency,
      region,
      unit: `第${rng.int(1, 5)}科`,
      role: rng.chance(0.05) ? 'assist' : 'lead',
      basis: gap === 0 ? null : `《某条例》第${rng.int(1, 80)}条`,
      duties: gap === 1 ? [] : ['立案责任：审查决定是否立案', '决定责任：依法作出决定', '送达责任：依法送达'],
      accountability: gap === 2 ? [] : ['penalty.03'],
      timeLimit: '90日',
      effectiveFrom: ended ? '2019-01-01' : `202${rng.int(0, 4)}-0${rng.int(1, 9)}-01`,
      effectiveUntil: ended ? '2020-01-01' : null,
    });
  }
  return out;
}
