// The regulation browser's data: the structure of the Measures and search over its text.
import { describe, expect, it } from 'vitest';
import { selectPack } from './packs/registry.js';
import { searchRegulation } from './search.js';
import { regulationOf } from './structure.js';

const pack = selectPack('guizhou', '2025-03-10');

describe('regulationOf', () => {
  const reg = regulationOf(pack);
  it('has four chapters; Ch. 3 holds Art. 15–25; Ch. 2 the 52 catalogue items by category', () => {
    expect(reg.chapters.map((c) => [c.label, c.title])).toEqual([
      ['第一章', '总则'],
      ['第二章', '行政执法过错行为'],
      ['第三章', '行政执法过错责任及追究形式'],
      ['第四章', '行政执法过错责任追究程序'],
    ]);
    expect(reg.chapters[2]!.articles.map((a) => a.number)).toEqual([
      15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
    ]);
    expect(reg.chapters[1]!.categories.map((c) => c.items.length)).toEqual([13, 4, 7, 5, 12, 5, 6]);
  });
  it('flags summaries and links each article to its rules', () => {
    const arts = reg.chapters[2]!.articles;
    expect(arts.filter((a) => a.summary).map((a) => a.label)).toEqual(['第二十四条', '第二十五条']);
    expect(reg.chapters[3]!.summary).toBe(true);
    const art15 = arts[0]!;
    expect(art15.clauses[3]).toMatchObject({ label: '（四）', cite: { article: 15, clause: 4 } });
    expect(art15.rules).toContain('art15.4.checker');
  });
});

describe('searchRegulation', () => {
  it('finds a catalogue item by its words', () => {
    expect(searchRegulation(pack, '重复罚款')[0]).toMatchObject({ kind: 'catalogue', code: 'penalty.04' });
  });
  it('finds a catalogue item by its code', () => {
    expect(searchRegulation(pack, 'penalty.04')[0]!.code).toBe('penalty.04');
  });
  it('finds an article by its label', () => {
    expect(searchRegulation(pack, '第十八条')[0]).toMatchObject({ kind: 'article', article: 18 });
  });
  it('finds a clause by words, with a snippet around them', () => {
    const hit = searchRegulation(pack, '不可抗力')[0]!;
    expect(hit).toMatchObject({ kind: 'clause', article: 22, clause: 1, title: '第二十二条第（一）项' });
    expect(hit.snippet).toContain('不可抗力');
  });
  it('matches by bigrams when the words are not contiguous', () => {
    const hits = searchRegulation(pack, '听证不举行');
    expect(hits.map((h) => h.code)).toContain('licensing.05');
  });
  it('an empty query finds nothing', () => {
    expect(searchRegulation(pack, '  ')).toEqual([]);
  });
});
