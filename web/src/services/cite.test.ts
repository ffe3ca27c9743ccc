// Citations as the Measures write them, their anchors in the regulation browser, and the
// articles a sentence names.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Basis } from '../types/rulebook';
import {
  anchorOf,
  articleAnchor,
  browserHref,
  categoryAnchor,
  chapterAnchor,
  chineseNumeral,
  citeLabel,
  citesInText,
  fromChineseNumeral,
  itemAnchor,
} from './cite';

const number = fc.integer({ min: 1, max: 99 });
const articleCite = fc.record(
  { article: number, clause: fc.option(number, { nil: undefined }) },
  {
    requiredKeys: ['article'],
  },
);

describe('chineseNumeral', () => {
  it('writes 1–99 as article numbers are written', () => {
    expect(chineseNumeral(1)).toBe('一');
    expect(chineseNumeral(9)).toBe('九');
    expect(chineseNumeral(10)).toBe('十');
    expect(chineseNumeral(11)).toBe('十一');
    expect(chineseNumeral(15)).toBe('十五');
    expect(chineseNumeral(20)).toBe('二十');
    expect(chineseNumeral(25)).toBe('二十五');
    expect(chineseNumeral(99)).toBe('九十九');
    expect(chineseNumeral(0)).toBe('零');
  });

  it('is undone by fromChineseNumeral', () => {
    fc.assert(
      fc.property(number, (n) => {
        expect(fromChineseNumeral(chineseNumeral(n))).toBe(n);
      }),
    );
  });

  it('gives a different numeral to every number', () => {
    const all = Array.from({ length: 99 }, (_, i) => chineseNumeral(i + 1));
    expect(new Set(all).size).toBe(99);
  });
});

describe('fromChineseNumeral', () => {
  it('reads tens with and without a leading one', () => {
    expect(fromChineseNumeral('十')).toBe(10);
    expect(fromChineseNumeral('一十')).toBe(10);
    expect(fromChineseNumeral('三十')).toBe(30);
    expect(fromChineseNumeral('三十七')).toBe(37);
    expect(fromChineseNumeral('七')).toBe(7);
  });
});

describe('anchors and links', () => {
  it('names the browser anchors', () => {
    expect(articleAnchor(15)).toBe('art-15');
    expect(articleAnchor(15, 4)).toBe('art-15-4');
    expect(chapterAnchor(2)).toBe('ch-2');
    expect(categoryAnchor('penalty')).toBe('cat-penalty');
    expect(itemAnchor('penalty.04')).toBe('item-penalty.04');
  });

  it('anchors an article, a clause, or the chapter of a catalogue item', () => {
    expect(anchorOf({ article: 25 })).toBe('art-25');
    expect(anchorOf({ article: 15, clause: 4 })).toBe('art-15-4');
    expect(anchorOf({ chapter: 2, item: 3 })).toBe('ch-2');
  });

  it('links to the browser, in a pack when one is named', () => {
    expect(browserHref('art-15-4')).toBe('/rulebook#art-15-4');
    expect(browserHref('art-15-4', '')).toBe('/rulebook#art-15-4');
    expect(browserHref('item-penalty.04', 'guizhou')).toBe('/rulebook?pack=guizhou#item-penalty.04');
    expect(browserHref('ch-2', 'a city/&#')).toBe('/rulebook?pack=a%20city%2F%26%23#ch-2');
  });
});

describe('citeLabel', () => {
  it('writes an article, a clause and a catalogue item as the Measures do', () => {
    expect(citeLabel({ article: 25 })).toBe('第二十五条');
    expect(citeLabel({ article: 15, clause: 4 })).toBe('第十五条第（四）项');
    expect(citeLabel({ article: 10, clause: 10 })).toBe('第十条第（十）项');
    expect(citeLabel({ chapter: 2, item: 3 })).toBe('第二章第（三）项');
  });

  it('writes them in English', () => {
    expect(citeLabel({ article: 25 }, 'en-US')).toBe('Art. 25');
    expect(citeLabel({ article: 15, clause: 4 }, 'en-US')).toBe('Art. 15(4)');
    expect(citeLabel({ chapter: 2, item: 3 }, 'en-US')).toBe('Ch. 2, item 3');
  });

  it('is Chinese by default', () => {
    const b: Basis = { article: 19, clause: 2 };
    expect(citeLabel(b)).toBe(citeLabel(b, 'zh-CN'));
  });
});

describe('citesInText', () => {
  it('finds the articles a sentence names, in order, without repeats', () => {
    expect(
      citesInText(
        '依据第十五条第（四）项和第二十五条，参照第十五条第（四）项、第十五条及第二十一条第（一）项。',
      ),
    ).toEqual([{ article: 15, clause: 4 }, { article: 25 }, { article: 15 }, { article: 21, clause: 1 }]);
  });

  it('finds nothing in a sentence without an article', () => {
    expect(citesInText('')).toEqual([]);
    expect(citesInText('不予追究责任。')).toEqual([]);
    // A catalogue item is a chapter's, not an article's.
    expect(citesInText('第二章第（三）项')).toEqual([]);
  });

  it('reads back every label citeLabel writes', () => {
    fc.assert(
      fc.property(articleCite, (b) => {
        expect(citesInText(`根据${citeLabel(b)}的规定`)).toEqual([b]);
      }),
    );
  });

  it('reads a list of labels back as the distinct cites, first occurrence first', () => {
    fc.assert(
      fc.property(fc.array(articleCite, { maxLength: 8 }), (cites) => {
        const text = cites.map((b) => citeLabel(b)).join('、');
        const seen = new Set<string>();
        const expected = cites.filter((b) => {
          const key = `${b.article}-${b.clause ?? ''}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        expect(citesInText(text)).toEqual(expected);
      }),
    );
  });
});
