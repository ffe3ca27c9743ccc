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
}

export interface AgencyDetermination {
  id: string;
  liable: boolean;
  outcome: Outcome;
  basis: readonly Basis[];
  measures: readonly AgencyMeasure[];
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
