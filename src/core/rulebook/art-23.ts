/**
 * 第二十三条 行政执法过错行为情节、危害后果显著轻微的，可以不予追究行政执法过错责任。
 *
 * Printed in traditional characters in the seed; stored here in simplified characters.
 * `trivial` (an act circumstance) → every liable person, and every liable agency, becomes
 * may_not_pursue: still liable (the fault is established), the authority may decline. The
 * sanction forms that would apply if it does pursue are still given (pack parameter
 * `leniency.sanctionsIfMayNotPursue`, guizhou true) and aggravation under Art. 19 bars the
 * leniency (`leniency.aggravationBarsMayNotPursue`, guizhou true). DECISIONS.md D11.
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { LeniencyRule } from './types.js';

export const ARTICLE_23 = articleText(
  23,
  '行政执法过错行为情节、危害后果显著轻微的，可以不予追究行政执法过错责任。',
);

export const art23Leniency: readonly LeniencyRule[] = [
  {
    id: 'art23',
    kind: 'leniency',
    cite: { article: 23 },
    validFrom: MEASURES_FROM,
    validTo: null,
    actCircumstance: 'trivial',
    agencies: true,
    conclusion: '过错行为情节、危害后果显著轻微，可以不予追究行政执法过错责任',
  },
];
