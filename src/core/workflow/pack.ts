// Which rule pack governs a region: the most specific pack whose region covers it
// (a city's refinement over the province's Measures).
import { regionCovers } from '../policies/actor.js';
import { DEFAULT_PACK, defaultPacks, type PackRegistry } from '../rulebook/packs/registry.js';

export function packNameForRegion(regionCode: string, packs: PackRegistry = defaultPacks): string {
  let best: { name: string; depth: number } | null = null;
  for (const p of packs.list()) {
    if (!regionCovers(p.region, regionCode)) continue;
    const depth = p.region.replace(/(00)+$/, '').length;
    if (!best || depth > best.depth) best = { name: p.name, depth };
  }
  return best?.name ?? DEFAULT_PACK;
}
