/**
 * 第一章 总则（种子文本为培训课件的归纳，未标条文序号）
 *
 * 本省各级行政执法机关及其行政执法人员的行政执法过错责任追究相关人员适用本办法
 * 1、本办法所指行政执法机关，是指具有行政执法职能的各级行政机关，法律、法规授权的具有管理公共事务职能的组织，以及依法受行政执法机关委托从事行政执法活动的组织。
 * 2、本办法所指行政执法人员，是指各级行政执法机关从事行政执法活动的工作人员。
 * 3、本办法所指行政执法过错责任，是指行政执法机关及其行政执法人员在行政执法活动中，因故意或者过失，作出违法或者明显不当的具体行政行为，以及不履行法定职责的不作为行为。
 * 坚持的基本原则：权力与责任相平衡原则；责任与惩戒相适应原则；教育与惩戒相适应原则；教育与惩戒相结合原则
 */
import { CHAPTER_TITLES, MEASURES_FROM, SEED_SOURCE } from './measures.js';
import type { AttributionRule, ChapterText } from './types.js';

export const CHAPTER_1_ITEMS: readonly string[] = Object.freeze([
  '本办法所指行政执法机关，是指具有行政执法职能的各级行政机关，法律、法规授权的具有管理公共事务职能的组织，以及依法受行政执法机关委托从事行政执法活动的组织。',
  '本办法所指行政执法人员，是指各级行政执法机关从事行政执法活动的工作人员。',
  '本办法所指行政执法过错责任，是指行政执法机关及其行政执法人员在行政执法活动中，因故意或者过失，作出违法或者明显不当的具体行政行为，以及不履行法定职责的不作为行为。',
]);

export const CHAPTER_1: ChapterText = Object.freeze({
  number: 1,
  title: CHAPTER_TITLES[1]!,
  text: [
    '本省各级行政执法机关及其行政执法人员的行政执法过错责任追究相关人员适用本办法',
    ...CHAPTER_1_ITEMS.map((t, i) => `${i + 1}、${t}`),
    '坚持的基本原则：权力与责任相平衡原则；责任与惩戒相适应原则；教育与惩戒相适应原则；教育与惩戒相结合原则',
  ].join('\n'),
  // The deck paraphrases Ch. 1 without article numbers: shown, but flagged as not the official text.
  summary: true,
  source: SEED_SOURCE,
});

/**
 * An act that needs no review or approval (decision `direct`): the officer who made it is
 * liable on the definition of fault liability itself (Ch. 1, item 3). Art. 15 covers only acts
 * that "应当经过审核、审批". Decision D6 in DECISIONS.md.
 */
export const directActorRule: AttributionRule = {
  id: 'ch1.3.direct',
  kind: 'attribution',
  cite: { chapter: 1, item: 3 },
  validFrom: MEASURES_FROM,
  validTo: null,
  roles: ['handler', 'officer'],
  decisions: ['direct'],
  conclusion:
    '直接作出该具体行政行为，因故意或者过失作出违法或者明显不当的具体行政行为，承担行政执法过错责任',
};
