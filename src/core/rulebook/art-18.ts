/**
 * 第十八条 行政执法人员执行公务时，认为上级的决定、命令有错误的，可以向上级提出改正或者撤销该决定、命令的意见；上级不改变该决定、命令，或者要求立即执行的，执行后产生的行政执法过错行为，由上级承担相应责任；但行政执法人员执行明显违法的决定、命令的，应当依法承担相应的行政执法过错责任。
 *
 * Applies whatever the decision kind. It needs both sides: an executing officer who objected
 * (`objected_to_order`) and a superior who kept the order or demanded execution
 * (`ordered_execution`). Then the superior is liable, and the objecting officer is shielded —
 * an exception that defeats every other basis of that officer — unless the order was obviously
 * illegal, in which case officer and superior are both liable (DECISIONS.md D7).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { ActFactRule, AttributionRule, ExceptionRule } from './types.js';

export const ARTICLE_18 = articleText(
  18,
  '行政执法人员执行公务时，认为上级的决定、命令有错误的，可以向上级提出改正或者撤销该决定、命令的意见；上级不改变该决定、命令，或者要求立即执行的，执行后产生的行政执法过错行为，由上级承担相应责任；但行政执法人员执行明显违法的决定、命令的，应当依法承担相应的行政执法过错责任。',
);

const inForce = { validFrom: MEASURES_FROM, validTo: null } as const;

export const art18Facts: readonly ActFactRule[] = [
  {
    fact: 'order_objected',
    roles: ['handler', 'reviewer', 'approver', 'principal', 'officer'],
    conductAny: ['objected_to_order'],
  },
  { fact: 'order_kept', roles: ['superior', 'principal', 'approver'], conductAny: ['ordered_execution'] },
];

export const art18Rules: readonly AttributionRule[] = [
  {
    id: 'art18.superior',
    kind: 'attribution',
    cite: { article: 18 },
    ...inForce,
    roles: ['superior', 'principal', 'approver'],
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
    roles: ['handler', 'reviewer', 'approver', 'principal', 'officer'],
    decisions: ['approval', 'collective', 'joint', 'direct'],
    conductAll: ['objected_to_order', 'order_obviously_illegal'],
    actAll: ['order_kept'],
    conclusion: '执行明显违法的决定、命令，虽提出异议，仍应当依法承担相应的行政执法过错责任',
  },
];

export const art18Exceptions: readonly ExceptionRule[] = [
  {
    id: 'art18.shield',
    kind: 'exception',
    cite: { article: 18 },
    ...inForce,
    defeats: '*',
    conductAll: ['objected_to_order'],
    conductNone: ['order_obviously_illegal'],
    actAll: ['order_kept'],
    shields: true,
    conclusion:
      '已向上级提出改正或者撤销的意见，上级不改变或者要求立即执行，执行后产生的过错由上级承担，本人不承担责任',
  },
];
