/**
 * 第二十二条 行政执法机关及其行政执法人员有下列情形之一的，不承担行政执法过错责任：
 * （一）因不可抗力产生的行政执法过错行为；
 * （二）因正当防卫、紧急避险等原因产生的行政执法过错行为；
 * （三）因行政管理相对人的过错造成的行政执法过错行为。
 *
 * Printed in traditional characters in the seed; stored here in simplified characters.
 * Strongest rule of the rulebook: when any clause holds, every person and every agency of the
 * act is not liable, whatever else holds (precedence.ts; property-tested; DECISIONS.md D12).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { ExemptionRule } from './types.js';

export const ARTICLE_22 = articleText(
  22,
  '行政执法机关及其行政执法人员有下列情形之一的，不承担行政执法过错责任：',
  [
    '因不可抗力产生的行政执法过错行为；',
    '因正当防卫、紧急避险等原因产生的行政执法过错行为；',
    '因行政管理相对人的过错造成的行政执法过错行为。',
  ],
);

const inForce = { validFrom: MEASURES_FROM, validTo: null } as const;

export const art22Rules: readonly ExemptionRule[] = [
  {
    id: 'art22.1',
    kind: 'exemption',
    cite: { article: 22, clause: 1 },
    ...inForce,
    circumstance: 'force_majeure',
    conclusion: '因不可抗力产生的行政执法过错行为，不承担行政执法过错责任',
  },
  {
    id: 'art22.2',
    kind: 'exemption',
    cite: { article: 22, clause: 2 },
    ...inForce,
    circumstance: 'self_defence_or_necessity',
    conclusion: '因正当防卫、紧急避险等原因产生的行政执法过错行为，不承担行政执法过错责任',
  },
  {
    id: 'art22.3',
    kind: 'exemption',
    cite: { article: 22, clause: 3 },
    ...inForce,
    circumstance: 'counterparty_fault',
    conclusion: '因行政管理相对人的过错造成的行政执法过错行为，不承担行政执法过错责任',
  },
];
