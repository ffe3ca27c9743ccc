// Discretion standards (行政处罚裁量基准, 行政处罚法第三十四条) as rule-pack data: per violation code the
// lowest and highest fine. The demo city's (A市, fictional) covers the first five violation codes of
// each penalty matter of its agencies; a real deployment loads the published standards instead
// (`wenze scan --discretion FILE`, CSV `violation,min,max,basis`).
import type { DiscretionEntry } from '../../detect/discretion.js';

const TITLE = '《A市行政处罚裁量基准》';
/** Violation-code prefixes of the demo city's penalty matters (acts/generate-parts.ts). */
const MATTERS = ['PRICE', 'UNLIC', 'BUILD', 'ROAD', 'PROP', 'OVLD', 'HPF', 'LAND'] as const;
/** Fine ranges (yuan) of violations 01–05 of every matter. */
const RANGES: readonly (readonly [number, number])[] = [
  [500, 5_000],
  [2_000, 20_000],
  [5_000, 50_000],
  [10_000, 100_000],
  [20_000, 200_000],
];

export const A_CITY_DISCRETION: readonly DiscretionEntry[] = MATTERS.flatMap((m, i) =>
  RANGES.map(([min, max], j) => ({
    violation: `${m}-0${j + 1}`,
    min,
    max,
    basis: `${TITLE}第${i * RANGES.length + j + 1}项`,
  })),
);

/** The standard by pack; a pack without one inherits its parent's. */
export const DISCRETION_STANDARDS: Readonly<Record<string, readonly DiscretionEntry[]>> = {
  'guizhou-a-city': A_CITY_DISCRETION,
};

/** The standard `wenze scan` and the nightly run use unless given another: the demo city's. */
export const DEFAULT_DISCRETION: readonly DiscretionEntry[] = A_CITY_DISCRETION;
