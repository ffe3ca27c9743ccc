// Every article text and rule of the rulebook, collected. The engine compiles from here; the
// browser lists, per article, the rules that implement it.
import { ARTICLE_15, art15Exceptions, art15Facts, art15Rules } from './art-15.js';
import { ARTICLE_16, art16Rules } from './art-16.js';
import { ARTICLE_17, art17AgencyRules, art17Rules } from './art-17.js';
import { ARTICLE_18, art18Exceptions, art18Facts, art18Rules } from './art-18.js';
import { ARTICLE_19, art19Rules } from './art-19.js';
import { ARTICLE_20, art20Rules } from './art-20.js';
import { ARTICLE_21, art21Leniency, art21Rules } from './art-21.js';
import { ARTICLE_22, art22Rules } from './art-22.js';
import { ARTICLE_23, art23Leniency } from './art-23.js';
import { ARTICLE_24, art24Clauses, art24Referrals } from './art-24.js';
import { ARTICLE_25, art25Rules } from './art-25.js';
import { CHAPTER_1, directActorRule } from './chapter-1.js';
import { CHAPTER_4 } from './chapter-4.js';
import { CHAPTER_TITLES, SEED_SOURCE } from './measures.js';
import type {
  ActFactRule,
  AdjustmentRule,
  AgencyRule,
  ArticleText,
  AttributionRule,
  ChapterText,
  ExceptionRule,
  ExemptionRule,
  LeniencyRule,
  ReferralRule,
  Rule,
  SanctionClause,
} from './types.js';

/** Ch. 3 articles in the built-in texts (Art. 15–23 from the seed, 24–25 summaries). */
export const ARTICLES: readonly ArticleText[] = [
  ARTICLE_15,
  ARTICLE_16,
  ARTICLE_17,
  ARTICLE_18,
  ARTICLE_19,
  ARTICLE_20,
  ARTICLE_21,
  ARTICLE_22,
  ARTICLE_23,
  ARTICLE_24,
  ARTICLE_25,
];

export const CHAPTERS: readonly ChapterText[] = [
  CHAPTER_1,
  { number: 2, title: CHAPTER_TITLES[2]!, text: '', summary: false, source: SEED_SOURCE },
  { number: 3, title: CHAPTER_TITLES[3]!, text: '', summary: false, source: SEED_SOURCE },
  CHAPTER_4,
];

export const ACT_FACT_RULES: readonly ActFactRule[] = [...art15Facts, ...art18Facts];

export const ATTRIBUTION_RULES: readonly AttributionRule[] = [
  ...art15Rules,
  ...art16Rules,
  ...art17Rules,
  ...art18Rules,
  directActorRule,
];

export const EXCEPTION_RULES: readonly ExceptionRule[] = [...art15Exceptions, ...art18Exceptions];
export const EXEMPTION_RULES: readonly ExemptionRule[] = art22Rules;
export const LENIENCY_RULES: readonly LeniencyRule[] = [...art23Leniency, ...art21Leniency];
export const ADJUSTMENT_RULES: readonly AdjustmentRule[] = [...art19Rules, ...art20Rules, ...art21Rules];
export const SANCTION_CLAUSES: readonly SanctionClause[] = art24Clauses;
export const REFERRAL_RULES: readonly ReferralRule[] = art24Referrals;
export const AGENCY_RULES: readonly AgencyRule[] = [...art17AgencyRules, ...art25Rules];

export const ALL_RULES: readonly Rule[] = [
  ...ATTRIBUTION_RULES,
  ...EXCEPTION_RULES,
  ...EXEMPTION_RULES,
  ...LENIENCY_RULES,
  ...ADJUSTMENT_RULES,
  ...REFERRAL_RULES,
  ...AGENCY_RULES,
];

/** The ids of the rules that cite an article (for the regulation browser). */
export function rulesOfArticle(article: number): string[] {
  return ALL_RULES.filter((r) => 'article' in r.cite && r.cite.article === article).map((r) => r.id);
}
