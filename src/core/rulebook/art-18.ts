/**
 * 第十八条 行政执法人员执行公务时，认为上级的决定、命令有错误的，可以向上级提出改正或者撤销该决定、命令的意见；上级不改变该决定、命令，或者要求立即执行的，执行后产生的行政执法过错行为，由上级承担相应责任；但行政执法人员执行明显违法的决定、命令的，应当依法承担相应的行政执法过错责任。
 *
 * Applies whatever the decision kind (DECISIONS.md D7):
 * - The superior answers when an executing officer objected (`objected_to_order`) and the superior
 *   kept the order or demanded execution (`ordered_execution`). "上级" is whoever made the decision or
 *   gave the order above the officer: a superior, a principal, an approver, and a reviewer who
 *   decided without referring it for approval (15(6)).
 * - The objecting officer is then relieved of "执行后产生的行政执法过错行为" only: the shield defeats
 *   every basis of that officer except their own acts of 15(1)–(3) (acting without approval,
 *   falsifying, deviating from what was approved), which were not the execution of the order.
 * - The proviso "但行政执法人员执行明显违法的决定、命令的，应当依法承担相应的行政执法过错责任" holds for
 *   every officer who executes an obviously illegal order, objection or not, insisted or not: if
 *   objecting does not save them, not objecting does not either.
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { ActFactRule, AttributionRule, ExceptionRule } from './types.js';

export const ARTICLE_18 = articleText(
  18,
  '行政执法人员执行公务时，认为上级的决定、命令有错误的，可以向上级提出改正或者撤销该决定、命令的意见；上级不改变该决定、命令，或者要求立即执行的，执行后产生的行政执法过错行为，由上级承担相应责任；但行政执法人员执行明显违法的决定、命令的，应当依法承担相应的行政执法过错责任。',
);

const inForce = { validFrom: MEASURES_FROM, validTo: null } as const;

/** "行政执法人员" who execute an order, and the "上级" who give it (validation ties a reviewer to 15(6)). */
const EXECUTORS = ['handler', 'reviewer', 'approver', 'principal', 'officer'] as const;
const SUPERIORS = ['superior', 'principal', 'approver', 'reviewer'] as const;

export const art18Facts: readonly ActFactRule[] = [
  { fact: 'order_objected', roles: EXECUTORS, conductAny: ['objected_to_order'] },
  { fact: 'order_kept', roles: SUPERIORS, conductAny: ['ordered_execution'] },
];

export const art18Rules: readonly AttributionRule[] = [
  {
    id: 'art18.superior',
    kind: 'attribution',
    cite: { article: 18 },
    ...inForce,
    roles: SUPERIORS,
    decisions: ['approval', 'collective', 'joint', 'direct'],
    conductAll: ['ordered_execution'],
    actAll: ['order_objected'],
    conclusion: '执行人员提出异议后，上级不改变该决定、命令或者要求立即执行，由上级承担相应责任',
  },
  {
    id: 'art18.officer',
    kind: 'attribution',
    cite: { article: 18 },
    ...inForce,
    roles: EXECUTORS,
    decisions: ['approval', 'collective', 'joint', 'direct'],
    conductAll: ['order_obviously_illegal'],
    conclusion: '执行明显违法的决定、命令，应当依法承担相应的行政执法过错责任',
  },
];

export const art18Exceptions: readonly ExceptionRule[] = [
  {
    id: 'art18.shield',
    kind: 'exception',
    cite: { article: 18 },
    ...inForce,
    defeats: '*',
    spares: ['art15.1', 'art15.2', 'art15.3'],
    conductAll: ['objected_to_order'],
    conductNone: ['order_obviously_illegal'],
    actAll: ['order_kept'],
    shields: true,
    conclusion:
      '已向上级提出改正或者撤销的意见，上级不改变或者要求立即执行，执行后产生的过错由上级承担，本人不承担责任',
  },
];

/** The explanation when the shield holds but the officer's own 15(1)–(3) act remains. */
export const ART18_OWN_ACT_REMAINS =
  '第十八条仅免除执行上级决定、命令后产生的过错；本人未经审核批准擅自作出、弄虚作假或者不依照审核批准内容实施，不属于执行上级的决定、命令，仍应承担';
