/**
 * 第十六条 经行政执法机关集体讨论决定作出的具体行政行为，产生行政执法过错行为的，追究行政执法机关主要负责人的行政执法过错责任。
 *
 * The principal is the person with role `principal`. The approval chain (Art. 15) is not
 * evaluated for a collective decision unless the pack says so (`attribution.art15Decisions`):
 * the collective, not the chain, decided (DECISIONS.md D5).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { AttributionRule } from './types.js';

export const ARTICLE_16 = articleText(
  16,
  '经行政执法机关集体讨论决定作出的具体行政行为，产生行政执法过错行为的，追究行政执法机关主要负责人的行政执法过错责任。',
);

export const art16Rules: readonly AttributionRule[] = [
  {
    id: 'art16',
    kind: 'attribution',
    cite: { article: 16 },
    validFrom: MEASURES_FROM,
    validTo: null,
    roles: ['principal'],
    decisions: ['collective'],
    conclusion: '经集体讨论决定作出的具体行政行为产生过错，追究行政执法机关主要负责人的行政执法过错责任',
  },
];
