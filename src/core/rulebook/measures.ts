// The Measures themselves: title, chapters, and the day from which the rules here apply.
import type { ArticleText, ClauseText } from './types.js';

export const MEASURES_TITLE = '贵州省行政执法过错责任追究办法';

/**
 * First day the rules of this rulebook apply. The seed gives no date of promulgation, so this is
 * a placeholder (DECISIONS.md D1): packs carry their own effective dates, which an admin sets.
 */
export const MEASURES_FROM = '2000-01-01';

export const CHAPTER_TITLES: Readonly<Record<number, string>> = {
  1: '总则',
  2: '行政执法过错行为',
  3: '行政执法过错责任及追究形式',
  4: '行政执法过错责任追究程序',
};

export const SEED_SOURCE = '《行政执法人员培训》课件（种子文本 004）';
export const SUMMARY_SOURCE = '摘要（种子文本未收录正式条文，管理员可在规则包中粘贴正式文本）';

/** An article's text from its intro and its clauses (numbered from 1). */
export function articleText(
  number: number,
  intro: string,
  clauses: readonly string[] = [],
  opts: { summary?: boolean; source?: string; closing?: string } = {},
): ArticleText {
  const clauseTexts: ClauseText[] = clauses.map((text, i) => ({ number: i + 1, text }));
  return Object.freeze({
    number,
    intro,
    clauses: Object.freeze(clauseTexts),
    closing: opts.closing ?? '',
    summary: opts.summary ?? false,
    source: opts.source ?? (opts.summary ? SUMMARY_SOURCE : SEED_SOURCE),
  });
}
