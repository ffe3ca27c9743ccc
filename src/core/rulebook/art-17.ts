/**
 * 第十七条 两个以上行政执法机关联合执法、集中执法活动中产生的行政执法过错行为，追究有关行政执法机关及其负责人的行政执法过错责任。
 *
 * "有关行政执法机关" = every agency of the request; "其负责人" = the people with role
 * `principal`. Individual officers in a joint operation are not attributed here unless the pack
 * applies Art. 15 to joint decisions too (DECISIONS.md D5).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { AgencyRule, AttributionRule } from './types.js';

export const ARTICLE_17 = articleText(
  17,
  '两个以上行政执法机关联合执法、集中执法活动中产生的行政执法过错行为，追究有关行政执法机关及其负责人的行政执法过错责任。',
);

export const art17Rules: readonly AttributionRule[] = [
  {
    id: 'art17.head',
    kind: 'attribution',
    cite: { article: 17 },
    validFrom: MEASURES_FROM,
    validTo: null,
    roles: ['principal'],
    decisions: ['joint'],
    conclusion: '联合执法、集中执法活动中产生过错，追究有关行政执法机关负责人的行政执法过错责任',
  },
];

export const art17AgencyRules: readonly AgencyRule[] = [
  {
    id: 'art17.agency',
    kind: 'agency',
    cite: { article: 17 },
    validFrom: MEASURES_FROM,
    validTo: null,
    decisions: ['joint'],
    conclusion: '联合执法、集中执法活动中产生过错，追究有关行政执法机关的行政执法过错责任',
  },
];
