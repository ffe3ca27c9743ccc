// The Measures as a tree for the regulation browser: chapters → articles → clauses, with the
// catalogue's categories and items (each item carrying its code, to link it) under Ch. 2.
import type { CatalogueItem } from './catalogue.js';
import { CATALOGUE_CATEGORIES } from './catalogue.js';
import type { ResolvedPack } from './packs/types.js';
import { rulesOfArticle } from './rules.js';
import type { ArticleText, CategoryCode, Cite } from './types.js';
import { articleLabel, zhItem, zhNumber } from './zh.js';

export interface RegulationClause {
  number: number;
  label: string;
  text: string;
  cite: Cite;
}

export interface RegulationArticle {
  number: number;
  label: string;
  intro: string;
  closing: string;
  /** The whole article: intro, then one line per clause. */
  text: string;
  clauses: RegulationClause[];
  summary: boolean;
  source: string;
  /** Ids of the rules implementing this article. */
  rules: string[];
}

export interface RegulationCategory {
  code: CategoryCode;
  title: string;
  intro: string;
  items: CatalogueItem[];
}

export interface RegulationChapter {
  number: number;
  label: string;
  title: string;
  text: string;
  summary: boolean;
  source: string;
  articles: RegulationArticle[];
  categories: RegulationCategory[];
}

export interface Regulation {
  pack: string;
  version: string;
  validFrom: string;
  validTo: string | null;
  title: string;
  chapters: RegulationChapter[];
}

/** Intro followed by "（一）…" lines. */
export function fullArticleText(a: ArticleText): string {
  const lines = [a.intro, ...a.clauses.map((c) => `${zhItem(c.number)}${c.text}`)];
  if (a.closing) lines.push(a.closing);
  return lines.join('\n');
}

/** Which chapter an article belongs to (all rule articles here are in Ch. 3). */
const chapterOfArticle = (_article: number) => 3;

export function regulationOf(pack: ResolvedPack): Regulation {
  const chapters: RegulationChapter[] = pack.chapters.map((c) => ({
    number: c.number,
    label: `第${zhNumber(c.number)}章`,
    title: c.title,
    text: c.text,
    summary: c.summary,
    source: c.source,
    articles: [],
    categories: [],
  }));
  const byNumber = new Map(chapters.map((c) => [c.number, c]));
  for (const a of pack.articles) {
    byNumber.get(chapterOfArticle(a.number))?.articles.push({
      number: a.number,
      label: articleLabel(a.number),
      intro: a.intro,
      closing: a.closing,
      text: fullArticleText(a),
      clauses: a.clauses.map((c) => ({
        number: c.number,
        label: zhItem(c.number),
        text: c.text,
        cite: { article: a.number, clause: c.number },
      })),
      summary: a.summary,
      source: a.source,
      rules: rulesOfArticle(a.number),
    });
  }
  const ch2 = byNumber.get(2);
  if (ch2) {
    for (const cat of CATALOGUE_CATEGORIES) {
      ch2.categories.push({
        code: cat.code,
        title: cat.title,
        intro: cat.intro,
        items: pack.catalogue.filter((i) => i.category === cat.code),
      });
    }
  }
  return {
    pack: pack.name,
    version: pack.version,
    validFrom: pack.validFrom,
    validTo: pack.validTo,
    title: pack.measuresTitle,
    chapters,
  };
}
