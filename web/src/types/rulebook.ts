// The Measures as the API serves them (GET /api/v1/rulebook/*).

/** A citation: an article (and clause), or an item of the chapter 2 catalogue. */
export type Basis = { article: number; clause?: number } | { chapter: number; item: number };

export interface CatalogueCite {
  chapter: number;
  category: string;
  item: string;
}

export interface CatalogueItem {
  code: string;
  category: string;
  item: number;
  text: string;
  cite: CatalogueCite;
}

export interface Clause {
  number: number;
  label: string;
  text: string;
  cite: { article: number; clause?: number };
}

export interface Article {
  number: number;
  label: string;
  intro: string;
  closing: string;
  text: string;
  clauses: Clause[];
  /** Not the official text: a summary until an administrator pastes the text into the pack. */
  summary: boolean;
  source: string;
  /** Rules of the engine that implement this article. */
  rules: string[];
}

export interface Category {
  code: string;
  title: string;
  intro: string;
  items: CatalogueItem[];
}

export interface Chapter {
  number: number;
  label: string;
  title: string;
  text: string;
  summary: boolean;
  source: string;
  articles: Article[];
  categories: Category[];
}

export interface Regulation {
  pack: string;
  version: string;
  validFrom: string;
  validTo: string | null;
  title: string;
  chapters: Chapter[];
}

export interface PackVersion {
  version: string;
  validFrom: string;
  validTo: string | null;
  note?: string;
}

export interface Pack {
  name: string;
  title: string;
  region: string;
  parent: string | null;
  default: boolean;
  versions: PackVersion[];
}

export interface SearchHit {
  kind: 'chapter' | 'article' | 'clause' | 'catalogue';
  title: string;
  text: string;
  snippet: string;
  score: number;
  chapter: number;
  article?: number;
  clause?: number;
  code?: string;
  summary: boolean;
}

export interface SearchResult {
  pack: string;
  version: string;
  query: string;
  hits: SearchHit[];
}

export interface Catalog {
  pack: string;
  version: string;
  items: CatalogueItem[];
}

/** Which rule pack, and the date whose version applies (today when absent). */
export interface PackSelection {
  pack?: string;
  on?: string;
}
