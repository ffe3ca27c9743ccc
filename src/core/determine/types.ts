// The determination (CONTRACTS.md §2 response), plus two optional extensions: an agency's
// `outcome` (Art. 23 applies to agencies too) and `lines`, the explanation with each line's
// subject and citations, so the console can link every line to its article.
import type {
  AdjustmentKind,
  AgencyMeasure,
  Basis,
  Outcome,
  Referral,
  SanctionForm,
  Share,
} from '../rulebook/types.js';

export interface Adjustment {
  kind: AdjustmentKind;
  article: number;
  clause?: number;
  /** The text says "可以" (Art. 21): the authority may adjust. false for "应当" (Art. 19, 20). */
  discretionary: boolean;
}

export interface Sanctions {
  article: number;
  clause: number;
  forms: readonly SanctionForm[];
  recommended: SanctionForm;
}

export interface PersonDetermination {
  id: string;
  liable: boolean;
  outcome: Outcome;
  basis: readonly Basis[];
  share: Share;
  adjustments: readonly Adjustment[];
  /** Absent when the person is not liable (and, if the pack says so, when not pursued). */
  sanctions?: Sanctions;
  referrals: readonly Referral[];
  /** With the `whatIf` option: the smallest changes of the facts that change this result. */
  whatIf?: PersonWhatIf[];
}

export interface AgencyDetermination {
  id: string;
  liable: boolean;
  outcome: Outcome;
  basis: readonly Basis[];
  measures: readonly AgencyMeasure[];
  whatIf?: AgencyWhatIf[];
}

/**
 * One change of the request: `to` is the whole new value at `path` (`people[0].conduct`,
 * `severity.harm`, `circumstances`, `people[1].history[0].sanctioned`), `from` the value there now.
 */
export interface FactChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** A change of the facts (one or two facts) and what the person's result would then be. */
export interface PersonWhatIf {
  changes: FactChange[];
  outcome: Outcome;
  /** The sanctions then (absent when there would be none). */
  sanctions?: Sanctions;
  /** The provision that makes the difference. */
  cite: Basis;
}

export interface AgencyWhatIf {
  changes: FactChange[];
  outcome: Outcome;
  measures: readonly AgencyMeasure[];
  cite: Basis;
}

export interface ExplanationLine {
  /** Person or agency id, or null for a line about the whole act. */
  subject: string | null;
  text: string;
  cites: readonly Basis[];
}

export interface Determination {
  pack: string;
  version: string;
  faults: readonly { code: string; text: string }[];
  persons: PersonDetermination[];
  agencies: AgencyDetermination[];
  /** One Chinese line per conclusion, citing its article (= lines[].text). */
  explanation: string[];
  lines: ExplanationLine[];
}
