// Ch. 2: the catalogue of 52 fault behaviours, texts exactly as in the seed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, catalogueCode } from './catalogue.js';
import { selectPack } from './packs/registry.js';

// A copy of the seed text (shared/seeds/004_ff0fd7cf4fc5206d.txt), kept in the repository.
const SEED = fileURLToPath(new URL('./fixtures/seed-004.txt', import.meta.url));

describe('fault-behaviour catalogue', () => {
  it('has 52 items in 7 categories with the contract counts', () => {
    expect(CATALOGUE).toHaveLength(52);
    const counts: Record<string, number> = {};
    for (const i of CATALOGUE) counts[i.category] = (counts[i.category] ?? 0) + 1;
    expect(counts).toEqual({
      licensing: 13,
      levy: 4,
      inspection: 7,
      coercion: 5,
      penalty: 12,
      other: 5,
      nonperformance: 6,
    });
  });

  it('codes follow the seed order: licensing.01 … nonperformance.06', () => {
    expect(CATALOGUE[0]!.code).toBe('licensing.01');
    expect(CATALOGUE[12]!.code).toBe('licensing.13');
    expect(CATALOGUE[51]!.code).toBe('nonperformance.06');
    for (const i of CATALOGUE) expect(i.code).toBe(catalogueCode(i.category, i.item));
    expect(new Set(CATALOGUE.map((i) => i.code)).size).toBe(52);
  });

  it('cites chapter, category and item, never an article (contract example)', () => {
    expect(CATALOGUE.find((i) => i.code === 'penalty.04')).toEqual({
      code: 'penalty.04',
      category: 'penalty',
      item: 4,
      text: '对当事人的同一违法行为重复罚款的',
      cite: { chapter: 2, category: '行政处罚', item: '（四）' },
    });
    expect(CATALOGUE.find((i) => i.code === 'licensing.13')!.cite.item).toBe('（十三）');
  });

  it.each([
    [
      'licensing.08',
      '依法应经过招标、拍卖、考试择优作出行政许可决定而未经招标、拍卖、考试，或者不根据招标、拍卖结果、考试成绩作出准予行政许可决定的',
    ],
    ['licensing.12', '将行政许可权违法委托给公民、法人和他组织行使的'],
    ['inspection.04', '不按法定程序、时限实施行政检查的'],
    ['coercion.03', '违反法定程序实施行政强制的'],
    ['penalty.05', '违反“罚缴分离”规定，擅自收取罚款的'],
    ['penalty.12', '其他违反法律规定的'],
    ['other.04', '损害公民、法人和其他组织人身权、财产权的其他违法执法行为'],
    ['nonperformance.06', '其他法律、法规和规章规定应当作为而不作为的'],
  ])('%s reads exactly as the seed', (code, text) => {
    expect(CATALOGUE.find((i) => i.code === code)!.text).toBe(text);
  });

  it('no text keeps bold marks, page markers or final punctuation', () => {
    for (const i of CATALOGUE) {
      expect(i.text).not.toMatch(/\*|p9|[；。，\s]$/);
    }
  });

  it('every item text occurs in the seed (bold marks removed)', () => {
    const seed = readFileSync(SEED, 'utf8').replaceAll('**', '');
    for (const i of CATALOGUE) expect(seed, i.code).toContain(i.text);
  });

  it('a pack may replace an item text but not its code', () => {
    expect(selectPack('guizhou', '2025-01-01').catalogue.map((i) => i.code)).toEqual(
      CATALOGUE.map((i) => i.code),
    );
  });
});
