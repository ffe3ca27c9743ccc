// Citations as the Measures write them (第十五条第（四）项), their anchors in the regulation
// browser (#art-15-4) and links to it. Chapter 2's catalogue has items, not articles.
import type { Locale } from '../locales';
import type { Basis } from '../types/rulebook';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals, as article numbers are written. */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

const isArticle = (b: Basis): b is { article: number; clause?: number } => 'article' in b;

export const articleAnchor = (article: number, clause?: number) =>
  clause === undefined ? `art-${article}` : `art-${article}-${clause}`;
export const chapterAnchor = (chapter: number) => `ch-${chapter}`;
export const categoryAnchor = (code: string) => `cat-${code}`;
export const itemAnchor = (code: string) => `item-${code}`;

export function anchorOf(b: Basis): string {
  return isArticle(b) ? articleAnchor(b.article, b.clause) : chapterAnchor(b.chapter);
}

export function citeLabel(b: Basis, locale: Locale = 'zh-CN'): string {
  if (locale === 'en-US') {
    return isArticle(b)
      ? `Art. ${b.article}${b.clause === undefined ? '' : `(${b.clause})`}`
      : `Ch. ${b.chapter}, item ${b.item}`;
  }
  return isArticle(b)
    ? `第${chineseNumeral(b.article)}条${b.clause === undefined ? '' : `第（${chineseNumeral(b.clause)}）项`}`
    : `第${chineseNumeral(b.chapter)}章第（${chineseNumeral(b.item)}）项`;
}

/** The browser, at an anchor, in the given pack. */
export function browserHref(anchor: string, pack?: string): string {
  return `/rulebook${pack ? `?pack=${encodeURIComponent(pack)}` : ''}#${anchor}`;
}

/** 一 … 九十九 back to a number (the inverse of chineseNumeral). */
export function fromChineseNumeral(s: string): number {
  if (!s.includes('十')) return DIGITS.indexOf(s);
  const [tens, ones] = s.split('十');
  return (tens === '' ? 1 : DIGITS.indexOf(tens)) * 10 + (ones === '' ? 0 : DIGITS.indexOf(ones));
}

/** The articles a sentence names (第十五条第（四）项, 第二十五条), in order, without repeats. */
export function citesInText(text: string): { article: number; clause?: number }[] {
  const out: { article: number; clause?: number }[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/第([一二三四五六七八九十]+)条(?:第（([一二三四五六七八九十]+)）项)?/g)) {
    const b = { article: fromChineseNumeral(m[1]), ...(m[2] ? { clause: fromChineseNumeral(m[2]) } : {}) };
    const key = `${b.article}-${b.clause ?? ''}`;
    if (!seen.has(key)) out.push(b);
    seen.add(key);
  }
  return out;
}
