/**
 * 第十五条 应当经过审核、审批的具体行政行为，产生行政执法过错行为的，对行政执法人员按下列情形追究行政执法过错责任：
 * （一）承办人未经审核人、批准人审核、批准而擅自作出的，追究承办人的行政执法过错责任；
 * （二）承办人弄虚作假、徇私舞弊，致使审核人、批准人未能正确履行审核、批准职责，追究承办人的行政执法过错责任；
 * （三）虽经审核人审核、批准人批准，但承办人不依照审核、批准内容实施的，追究承办人的行政执法过错责任；
 * （四）承办人因过失提出错误意见，审核人、批准人应当发现而没有发现，或者发现后未予纠正，按所起作用大小追究承办人、审核人、批准
 * （五）审核人不采纳或者改变承办人正确意见，批准人应当发现而没有发现，按照审核人意见批准的，按所起作用大小追究审核人、批准人的行政执法过错责任；
 * （六）审核人未报请批准而直接作出错误决定的，追究审核人的行政执法过错责任；
 * （七）批准人改变承办人、审核人正确意见，或者未经承办人拟办、审核人审核，批准人直接作出错误决定的，追究批准人的行政执法过错责任。
 *
 * Clause (四) is cut off in the seed after "批准"; the text is kept as printed (DECISIONS.md D2).
 * Scope: "应当经过审核、审批的" — the rules apply to the decision kinds in the pack parameter
 * `attribution.art15Decisions` (guizhou: approval only; DECISIONS.md D5).
 * (一)–(三) exclude the reviewer's and approver's liability for not detecting: the handler's own
 * act (or deception) is what they could not review. The reading is per handler (DECISIONS.md D5):
 * the "wrong opinion" of (四) is that of a handler who did not act alone, so with several handlers
 * a reviewer who let another handler's negligent opinion through is still liable under (四); the
 * approver of (五) is excused only when every handler acted alone. Declared below as an exception.
 * Art. 15 applies to joint enforcement too (pack parameter `attribution.art15Decisions`): Art. 17
 * adds the agencies and their heads, it does not relieve the officers (D5).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { ActFactRule, AttributionRule, ExceptionRule } from './types.js';

export const ARTICLE_15 = articleText(
  15,
  '应当经过审核、审批的具体行政行为，产生行政执法过错行为的，对行政执法人员按下列情形追究行政执法过错责任：',
  [
    '承办人未经审核人、批准人审核、批准而擅自作出的，追究承办人的行政执法过错责任；',
    '承办人弄虚作假、徇私舞弊，致使审核人、批准人未能正确履行审核、批准职责，追究承办人的行政执法过错责任；',
    '虽经审核人审核、批准人批准，但承办人不依照审核、批准内容实施的，追究承办人的行政执法过错责任；',
    '承办人因过失提出错误意见，审核人、批准人应当发现而没有发现，或者发现后未予纠正，按所起作用大小追究承办人、审核人、批准',
    '审核人不采纳或者改变承办人正确意见，批准人应当发现而没有发现，按照审核人意见批准的，按所起作用大小追究审核人、批准人的行政执法过错责任；',
    '审核人未报请批准而直接作出错误决定的，追究审核人的行政执法过错责任；',
    '批准人改变承办人、审核人正确意见，或者未经承办人拟办、审核人审核，批准人直接作出错误决定的，追究批准人的行政执法过错责任。',
  ],
);

/** The handler's own acts of 15(1)–(3): what the reviewer and approver could not review. */
const ACTED_ALONE = ['acted_without_approval', 'falsified', 'deviated_from_approval'] as const;

/**
 * Facts of the approval chain that other people's liability depends on. Each holds for one person:
 * `handler_negligent` is a handler whose wrong opinion went through review (negligent, and not
 * acting alone); `handler_not_alone` a handler who did none of 15(1)–(3).
 */
export const art15Facts: readonly ActFactRule[] = [
  {
    fact: 'handler_negligent',
    roles: ['handler'],
    conductAll: ['negligent_wrong_opinion'],
    conductNone: ACTED_ALONE,
  },
  { fact: 'reviewer_overrode', roles: ['reviewer'], conductAny: ['overrode_correct_opinion'] },
  { fact: 'handler_acted_alone', roles: ['handler'], conductAny: ACTED_ALONE },
  { fact: 'handler_not_alone', roles: ['handler'], conductNone: ACTED_ALONE },
];

const inForce = { validFrom: MEASURES_FROM, validTo: null } as const;

export const art15Rules: readonly AttributionRule[] = [
  {
    id: 'art15.1',
    kind: 'attribution',
    cite: { article: 15, clause: 1 },
    ...inForce,
    roles: ['handler'],
    decisions: 'art15',
    conductAll: ['acted_without_approval'],
    conclusion: '承办人未经审核、批准而擅自作出，追究承办人的行政执法过错责任',
  },
  {
    id: 'art15.2',
    kind: 'attribution',
    cite: { article: 15, clause: 2 },
    ...inForce,
    roles: ['handler'],
    decisions: 'art15',
    conductAll: ['falsified'],
    conclusion: '承办人弄虚作假、徇私舞弊，致使审核人、批准人未能正确履行职责，追究承办人的行政执法过错责任',
  },
  {
    id: 'art15.3',
    kind: 'attribution',
    cite: { article: 15, clause: 3 },
    ...inForce,
    roles: ['handler'],
    decisions: 'art15',
    conductAll: ['deviated_from_approval'],
    conclusion: '承办人不依照审核、批准内容实施，追究承办人的行政执法过错责任',
  },
  {
    id: 'art15.4.handler',
    kind: 'attribution',
    cite: { article: 15, clause: 4 },
    ...inForce,
    roles: ['handler'],
    decisions: 'art15',
    conductAll: ['negligent_wrong_opinion'],
    conclusion: '承办人因过失提出错误意见，按所起作用大小追究行政执法过错责任',
  },
  {
    id: 'art15.4.checker',
    kind: 'attribution',
    cite: { article: 15, clause: 4 },
    ...inForce,
    roles: ['reviewer', 'approver'],
    decisions: 'art15',
    conductAll: ['failed_to_detect'],
    actAll: ['handler_negligent'],
    conclusion:
      '对承办人的错误意见应当发现而没有发现，或者发现后未予纠正，按所起作用大小追究行政执法过错责任',
  },
  {
    id: 'art15.5.reviewer',
    kind: 'attribution',
    cite: { article: 15, clause: 5 },
    ...inForce,
    roles: ['reviewer'],
    decisions: 'art15',
    conductAll: ['overrode_correct_opinion'],
    conclusion: '审核人不采纳或者改变承办人正确意见，按所起作用大小追究行政执法过错责任',
  },
  {
    id: 'art15.5.approver',
    kind: 'attribution',
    cite: { article: 15, clause: 5 },
    ...inForce,
    roles: ['approver'],
    decisions: 'art15',
    conductAll: ['failed_to_detect'],
    actAll: ['reviewer_overrode'],
    conclusion:
      '批准人应当发现而没有发现审核人改变正确意见，按照审核人意见批准，按所起作用大小追究行政执法过错责任',
  },
  {
    id: 'art15.6',
    kind: 'attribution',
    cite: { article: 15, clause: 6 },
    ...inForce,
    roles: ['reviewer'],
    decisions: 'art15',
    conductAll: ['decided_without_referral'],
    conclusion: '审核人未报请批准而直接作出错误决定，追究审核人的行政执法过错责任',
  },
  {
    id: 'art15.7',
    kind: 'attribution',
    cite: { article: 15, clause: 7 },
    ...inForce,
    roles: ['approver'],
    decisions: 'art15',
    conductAny: ['overrode_correct_opinion', 'decided_without_proposal'],
    conclusion: '批准人改变正确意见或者未经拟办、审核直接作出错误决定，追究批准人的行政执法过错责任',
  },
];

/**
 * Art. 15(1)–(3) name the handler alone: when the handlers acted without approval, deceived the
 * reviewers or deviated from what was approved, an approver's "failure to detect" the reviewer's
 * override is no basis under (5). Per handler: it holds only when every handler acted alone. (For
 * (4) the same reading is in the fact `handler_negligent`.) Their own wrong decisions under
 * (5)–(7) still count.
 */
export const art15Exceptions: readonly ExceptionRule[] = [
  {
    id: 'art15.1-3.handler-alone',
    kind: 'exception',
    cite: { article: 15 },
    ...inForce,
    defeats: ['art15.5.approver'],
    actAll: ['handler_acted_alone'],
    actNone: ['handler_not_alone'],
    conclusion: '承办人擅自作出、弄虚作假或者不依照审核批准内容实施，审核人、批准人不因未发现而承担责任',
  },
];
