// How the rules combine, declared as data (Catala's exceptions, not if/else order). The engine
// compiles these tables; changing the order here changes the law the engine applies.
import type { Outcome } from './types.js';

/**
 * The states a person can be in after attribution. `exempt`: an Art. 22 clause holds for the
 * act. `shielded`: an exception with `shields` (Art. 18) holds for the person. `no_basis`: no
 * attribution rule survived its exceptions. `trivial` / `remedied_prevented`: Art. 23 / Art. 21
 * leniency. `aggravated`: an Art. 19 clause holds.
 */
export const PERSON_STATES = [
  'exempt',
  'shielded',
  'no_basis',
  'trivial',
  'remedied_prevented',
  'aggravated',
] as const;
export type PersonState = (typeof PERSON_STATES)[number];

export interface OutcomeStep {
  /** Rule ids (or prefix) this step comes from, for the explanation and the browser. */
  source: string;
  /** The step applies when the person is in this state ('always' = the default). */
  when: PersonState | 'always';
  /** …and in none of these; `leniencyBar` = `aggravated` when the pack's parameter says so. */
  unless: readonly (PersonState | 'leniencyBar')[];
  outcome: Outcome;
}

/**
 * A person's outcome: the first step that applies decides. Strongest first:
 * Art. 22 exempts everybody whatever else holds; Art. 18 shields the objecting officer; without a
 * basis nobody is liable; Art. 23 and Art. 21 allow not pursuing (unless aggravated, if the pack
 * says so); otherwise the fault is pursued.
 */
export const PERSON_OUTCOME_PRECEDENCE: readonly OutcomeStep[] = [
  { source: 'art22', when: 'exempt', unless: [], outcome: 'not_liable' },
  { source: 'art18.shield', when: 'shielded', unless: [], outcome: 'not_liable' },
  { source: 'no-basis', when: 'no_basis', unless: [], outcome: 'not_liable' },
  { source: 'art23', when: 'trivial', unless: ['leniencyBar'], outcome: 'may_not_pursue' },
  {
    source: 'art21.prevented',
    when: 'remedied_prevented',
    unless: ['leniencyBar'],
    outcome: 'may_not_pursue',
  },
  { source: 'default', when: 'always', unless: [], outcome: 'pursue' },
];

/** An agency's outcome, same reading: Art. 22 speaks of "行政执法机关及其行政执法人员". */
export const AGENCY_OUTCOME_PRECEDENCE: readonly OutcomeStep[] = [
  { source: 'art22', when: 'exempt', unless: [], outcome: 'not_liable' },
  { source: 'no-basis', when: 'no_basis', unless: [], outcome: 'not_liable' },
  { source: 'art23', when: 'trivial', unless: [], outcome: 'may_not_pursue' },
  { source: 'default', when: 'always', unless: [], outcome: 'pursue' },
];
