// Chinese numerals and citation labels: 第十五条第（四）项.
import type { Basis } from './types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 15 → 十五, 22 → 二十二 (1–99). */
export function zhNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** 4 → （四）, the way the Measures number their clauses and catalogue items. */
export function zhItem(n: number): string {
  return `（${zhNumber(n)}）`;
}

export function articleLabel(article: number): string {
  return `第${zhNumber(article)}条`;
}

/** 第十五条第（四）项 / 第十六条 / 总则第3项. */
export function citeLabel(cite: Basis): string {
  if ('chapter' in cite) return `第${zhNumber(cite.chapter)}章第${cite.item}项`;
  return cite.clause === undefined
    ? articleLabel(cite.article)
    : `${articleLabel(cite.article)}第${zhItem(cite.clause)}项`;
}
