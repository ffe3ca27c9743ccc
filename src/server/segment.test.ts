import { describe, expect, it } from 'vitest';
import { selectPack } from '../core/rulebook/packs/registry.js';
import { searchRegulation } from '../core/rulebook/search.js';
import { searchTerms } from './segment.js';

describe('Chinese segmentation for search', () => {
  it('splits a query into the words a reader means, without particles', () => {
    const terms = searchTerms('执法人员重复罚款的问题');
    expect(terms).toEqual(expect.arrayContaining(['执法', '人员', '重复', '罚款']));
    expect(terms).not.toContain('的');
  });

  it('finds by words what the phrase as typed does not find', () => {
    const pack = selectPack('guizhou', '2026-01-01');
    const q = '重复收取罚款';
    expect(searchRegulation(pack, q).some((h) => h.code === 'penalty.04')).toBe(false);
    const words = searchTerms(q).filter((t) => t.length >= 2);
    const found = words.flatMap((w) => searchRegulation(pack, w, 200));
    expect(found.some((h) => h.code === 'penalty.04')).toBe(true);
  });
});
