/**
 * 第二十四条（摘要，非正式文本——种子文本至第二十三条止）对行政执法人员，根据行政执法过错行为的性质、情节和危害后果，给予下列处理：
 * （一）诫勉谈话或者责令书面检查；
 * （二）通报批评；
 * （三）离岗培训；
 * （四）调离行政执法岗位、暂扣或者取消行政执法资格。
 * 年度考核不合格的，可以给予前款规定的处理。涉嫌违纪的，移送任免机关或者监察机关处理；涉嫌犯罪的，移送司法机关处理。
 *
 * The summary of DOMAIN.md, flagged `summary: true`; an admin replaces it with the official
 * text in a pack. The clause numbers (一)–(四) follow the order of the forms in the summary; (四)
 * reads "暂扣或者取消行政执法资格", so it has three forms: removal from post, suspension and
 * disqualification (DECISIONS.md D3).
 * Which form to give is not written in any article: the article lists forms "根据……性质、情节和危害
 * 后果". The engine's choice is a recommendation (D14): the pack's `sanctions` parameters give a ladder
 * of forms (a pack may reorder or shorten it); severity gives a rung, aggravation moves one rung up,
 * lightening/reduction one down; `recommended` is the form on that rung and `forms` the forms of
 * its clause, every one of which the authority may choose. Referrals follow `suspected` for liable
 * persons (D15).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { ReferralRule, SanctionClause } from './types.js';

export const ARTICLE_24 = articleText(
  24,
  '对行政执法人员，根据行政执法过错行为的性质、情节和危害后果，给予下列处理：',
  ['诫勉谈话或者责令书面检查；', '通报批评；', '离岗培训；', '调离行政执法岗位、暂扣或者取消行政执法资格。'],
  {
    summary: true,
    closing:
      '年度考核不合格的，可以给予前款规定的处理。涉嫌违纪的，移送任免机关或者监察机关处理；涉嫌犯罪的，移送司法机关处理。',
  },
);

const inForce = { validFrom: MEASURES_FROM, validTo: null } as const;

export const art24Clauses: readonly SanctionClause[] = [
  { cite: { article: 24, clause: 1 }, forms: ['admonition_talk', 'written_self_criticism'], ...inForce },
  { cite: { article: 24, clause: 2 }, forms: ['circulated_criticism'], ...inForce },
  { cite: { article: 24, clause: 3 }, forms: ['off_post_training'], ...inForce },
  {
    cite: { article: 24, clause: 4 },
    forms: ['removal_from_post', 'suspension_of_qualification', 'disqualification'],
    ...inForce,
  },
];

export const art24Referrals: readonly ReferralRule[] = [
  {
    id: 'art24.discipline',
    kind: 'referral',
    cite: { article: 24 },
    ...inForce,
    referral: 'discipline',
    suspected: 'discipline',
    conclusion: '涉嫌违纪，移送任免机关或者监察机关处理',
  },
  {
    id: 'art24.judicial',
    kind: 'referral',
    cite: { article: 24 },
    ...inForce,
    referral: 'judicial',
    suspected: 'crime',
    conclusion: '涉嫌犯罪，移送司法机关处理',
  },
];
