// Search over the Measures' text: article, clause, chapter and catalogue texts. A substring match
// ranks first, then character-bigram overlap (good enough for Chinese without a segmenter; the
// server may add jieba). Codes ("penalty.04") and labels ("第十五条") are matched too.
import type { CatalogueCite } from './catalogue.js';
import type { ResolvedPack } from './packs/types.js';
import { fullArticleText } from './structure.js';
import type { Basis } from './types.js';
import { articleLabel, citeLabel, zhItem, zhNumber } from './zh.js';

export interface SearchHit {
  kind: 'chapter' | 'article' | 'clause' | 'catalogue';
  /** "第十五条第（四）项", "行政处罚（四）", "第四章 …". */
  title: string;
  text: string;
  /** Part of the text around the match. */
  snippet: string;
  score: number;
  chapter: number;
  article?: number;
  clause?: number;
  /** Catalogue code, for catalogue hits. */
  code?: string;
  cite?: Basis | CatalogueCite;
  summary: boolean;
}

interface Doc {
  hit: Omit<SearchHit, 'snippet' | 'score'>;
  /** Normalised text + title + code for matching. */
  haystack: string;
  bigrams: Set<string>;
}

const SKIP = /[\s，。、；：“”‘’（）()《》！？,.;:!?\-—…]/gu;
const normalise = (s: string) => s.toLowerCase().replace(SKIP, '');

function bigramsOf(s: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  return out;
}

function buildDocs(pack: ResolvedPack): Doc[] {
  const docs: Doc[] = [];
  const add = (hit: Doc['hit'], extra = '') => {
    const haystack = normalise(`${hit.title}${hit.code ?? ''}${extra}${hit.text}`);
    docs.push({ hit, haystack, bigrams: bigramsOf(haystack) });
  };
  for (const c of pack.chapters) {
    if (c.text) {
      add({
        kind: 'chapter',
        title: `第${zhNumber(c.number)}章 ${c.title}`,
        text: c.text,
        chapter: c.number,
        summary: c.summary,
      });
    }
  }
  for (const a of pack.articles) {
    const cite = { article: a.number };
    add(
      {
        kind: 'article',
        title: articleLabel(a.number),
        text: fullArticleText(a),
        chapter: 3,
        article: a.number,
        cite,
        summary: a.summary,
      },
      String(a.number),
    );
    for (const cl of a.clauses) {
      const clauseCite = { article: a.number, clause: cl.number };
      add(
        {
          kind: 'clause',
          title: citeLabel(clauseCite),
          text: cl.text,
          chapter: 3,
          article: a.number,
          clause: cl.number,
          cite: clauseCite,
          summary: a.summary,
        },
        `${a.number}(${cl.number})`,
      );
    }
  }
  for (const i of pack.catalogue) {
    add({
      kind: 'catalogue',
      title: `${i.cite.category}${zhItem(i.item)}`,
      text: i.text,
      chapter: 2,
      code: i.code,
      cite: i.cite,
      summary: false,
    });
  }
  return docs;
}

const indexes = new WeakMap<ResolvedPack, Doc[]>();

function snippetOf(text: string, token: string): string {
  const at = token ? text.indexOf(token) : -1;
  if (at < 0) return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const from = Math.max(0, at - 20);
  const to = Math.min(text.length, at + token.length + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

/** Hits for the query in the pack's texts, best first (ties in the order of the Measures). */
export function searchRegulation(pack: ResolvedPack, query: string, limit = 20): SearchHit[] {
  const tokens = query
    .split(/\s+/u)
    .map(normalise)
    .filter((t) => t.length > 0);
  if (tokens.length === 0) return [];
  let docs = indexes.get(pack);
  if (!docs) {
    docs = buildDocs(pack);
    indexes.set(pack, docs);
  }
  const scored: { doc: Doc; score: number; order: number }[] = [];
  docs.forEach((doc, order) => {
    let score = 0;
    for (const t of tokens) {
      if (doc.hit.code === t) score += 100;
      // A substring match; among those, the more of the text it covers, the better (clause over article).
      else if (doc.haystack.includes(t)) score += 10 + t.length + t.length / doc.haystack.length;
      else {
        const grams = bigramsOf(t);
        if (grams.size === 0) return;
        let found = 0;
        for (const g of grams) if (doc.bigrams.has(g)) found++;
        const ratio = found / grams.size;
        if (ratio < 0.5) return;
        score += 5 * ratio;
      }
    }
    scored.push({ doc, score, order });
  });
  scored.sort((a, b) => b.score - a.score || a.order - b.order);
  const raw = query.trim().split(/\s+/u)[0] ?? '';
  return scored.slice(0, limit).map(({ doc, score }) => ({
    ...doc.hit,
    snippet: snippetOf(doc.hit.text, raw),
    score: Math.round(score * 100) / 100,
  }));
}
