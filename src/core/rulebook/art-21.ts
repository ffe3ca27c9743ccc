/**
 * 第二十一条 行政执法人员发现行政执法过错行为，并积极采取补救措施，防止危害后果发生的，可以不追究其行政执法过错责任；采取的补救措施，未能防止危害后果发生的，应当承担行政执法过错责任，但可以从轻或者减轻追究。
 *
 * `remedied_harm_prevented` → may_not_pursue (liable, the authority may decline);
 * `remedied_harm_occurred` → liable, lighten_or_reduce. The two exclude each other (validation).
 * The article has one paragraph and no numbered clauses: citations carry no clause (D4). The
 * leniency is barred by an Art. 19 aggravation if the pack says so (DECISIONS.md D11). Both the
 * leniency ("可以不追究") and the lightening ("可以从轻或者减轻") are discretionary: the lightening is
 * marked `discretionary: true` and explained with "可以" (D9).
 */
import { articleText, MEASURES_FROM } from './measures.js';
import type { AdjustmentRule, LeniencyRule } from './types.js';

export const ARTICLE_21 = articleText(
  21,
  '行政执法人员发现行政执法过错行为，并积极采取补救措施，防止危害后果发生的，可以不追究其行政执法过错责任；采取的补救措施，未能防止危害后果发生的，应当承担行政执法过错责任，但可以从轻或者减轻追究。',
);

const inForce = { validFrom: MEASURES_FROM, validTo: null } as const;

export const art21Leniency: readonly LeniencyRule[] = [
  {
    id: 'art21.prevented',
    kind: 'leniency',
    cite: { article: 21 },
    ...inForce,
    personalCircumstance: 'remedied_harm_prevented',
    agencies: false,
    conclusion: '发现过错行为并积极采取补救措施，防止了危害后果发生，可以不追究其行政执法过错责任',
  },
];

export const art21Rules: readonly AdjustmentRule[] = [
  {
    id: 'art21.occurred',
    kind: 'adjustment',
    adjustment: 'lighten_or_reduce',
    cite: { article: 21 },
    ...inForce,
    personalCircumstance: 'remedied_harm_occurred',
    // "但可以从轻或者减轻追究": the authority may lighten; the output marks it discretionary.
    discretionary: true,
    conclusion: '采取的补救措施未能防止危害后果发生，应当承担责任，但可以从轻或者减轻追究',
  },
];
