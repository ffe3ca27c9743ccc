/**
 * 第二十条 对于共同行政执法过错行为的产生具有辅助或者次要作用的行政执法人员，应当比照对该行为的产生具有决定性作用或者主要作用的行政执法人员从轻或者减轻追究。
 *
 * A liable person whose `share` is `secondary` is lightened or reduced. "共同" needs another
 * liable person in the same determination (pack parameter
 * `commonFault.secondaryNeedsAnotherLiable`, guizhou true; DECISIONS.md D10). The text says "应当":
 * the lightening is mandatory, unlike Art. 21's "可以" (D9).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { AdjustmentRule } from './types.js';

export const ARTICLE_20 = articleText(
  20,
  '对于共同行政执法过错行为的产生具有辅助或者次要作用的行政执法人员，应当比照对该行为的产生具有决定性作用或者主要作用的行政执法人员从轻或者减轻追究。',
);

export const art20Rules: readonly AdjustmentRule[] = [
  {
    id: 'art20',
    kind: 'adjustment',
    adjustment: 'lighten_or_reduce',
    cite: { article: 20 },
    validFrom: MEASURES_FROM,
    validTo: null,
    share: 'secondary',
    // "应当比照……从轻或者减轻追究": the lightening is prescribed.
    discretionary: false,
    conclusion: '对共同过错行为的产生具有辅助或者次要作用，比照主要作用人员从轻或者减轻追究',
  },
];
