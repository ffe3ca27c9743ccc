/**
 * 第二十五条（摘要，非正式文本——种子文本至第二十三条止）行政执法机关产生行政执法过错行为的，责令限期整改；情节严重的，给予通报批评或者取消评比先进资格。例如，具体行政行为在行政复议或者行政诉讼中被变更、撤销或者确认违法的。
 *
 * The summary of DOMAIN.md, flagged `summary: true`; an admin replaces it with the official
 * text in a pack. The summary has no numbered clauses: the act overturned in reconsideration or
 * litigation is its example, not a clause, so the agency is cited on Art. 25 without inventing
 * "（一）" (DECISIONS.md D4, D16). An agency is liable on Art. 25 (`overturned_in_review`) or on
 * Art. 17 (joint enforcement). Every liable agency gets `rectify_within_limit`; when the severity
 * score reaches the pack's `agencies.seriousFromScore`, also `circulated_criticism` and
 * `award_disqualification` (取消评比先进资格; the authority picks).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { AgencyRule } from './types.js';

export const ARTICLE_25 = articleText(
  25,
  '行政执法机关产生行政执法过错行为的，责令限期整改；情节严重的，给予通报批评或者取消评比先进资格。例如，具体行政行为在行政复议或者行政诉讼中被变更、撤销或者确认违法的。',
  [],
  { summary: true },
);

export const art25Rules: readonly AgencyRule[] = [
  {
    id: 'art25.overturned',
    kind: 'agency',
    cite: { article: 25 },
    validFrom: MEASURES_FROM,
    validTo: null,
    trigger: 'overturned_in_review',
    conclusion: '具体行政行为在行政复议或者行政诉讼中被变更、撤销或者确认违法，追究行政执法机关的责任',
  },
];
