// The determination request and response (CONTRACTS.md §2, POST /api/v1/determinations), and
// the code tables the simulator builds its form from (GET /api/v1/rulebook/vocabulary).
// The codes come from the rulebook's vocabulary in core (src/core/rulebook/types.ts).
import type {
  AdjustmentKind,
  DecisionKind,
  Harm,
  Impact,
  Nature,
  Outcome,
  Role,
  Share,
} from '../../../src/core/rulebook/types';
import type { Basis } from './rulebook';

export type { Basis, Outcome, Role, Share };
export type Decision = DecisionKind;

export interface HistoryEntry {
  date: string;
  fault: string;
  sanctioned: boolean;
}

export interface PersonInput {
  id: string;
  role: Role;
  agency?: string;
  conduct: string[];
  share: Share;
  circumstances: string[];
  history: HistoryEntry[];
}

export interface AgencyInput {
  id: string;
  triggers: string[];
}

export interface Severity {
  nature: Nature;
  harm: Harm;
  impact: Impact;
}

/** The case being simulated: a determination request as the contract writes it. */
export interface CaseState {
  pack?: string;
  occurredOn: string;
  faults: string[];
  decision: Decision;
  people: PersonInput[];
  agencies: AgencyInput[];
  circumstances: string[];
  severity: Severity;
  suspected: { discipline: boolean; crime: boolean };
}

export interface Sanctions {
  article: number;
  clause: number;
  forms: string[];
  recommended: string;
}

/** One change of the request: `to` is the whole new value at `path` (`people[0].conduct`). */
export interface FactChange {
  path: string;
  from: unknown;
  to: unknown;
}

/** What would change a result: one or two facts, and the result then (`?whatIf=true`). */
export interface WhatIf {
  changes: FactChange[];
  outcome: Outcome;
  sanctions?: Sanctions;
  measures?: string[];
  cite: Basis;
}

export interface PersonResult {
  id: string;
  liable: boolean;
  outcome: Outcome;
  basis: Basis[];
  share: Share;
  adjustments: {
    kind: AdjustmentKind;
    article: number;
    clause?: number;
    /** The text says "可以" (Art. 21). */
    discretionary?: boolean;
  }[];
  sanctions?: Sanctions;
  referrals: string[];
  whatIf?: WhatIf[];
}

export interface AgencyResult {
  id: string;
  liable: boolean;
  outcome: Outcome;
  basis: Basis[];
  measures: string[];
  whatIf?: WhatIf[];
}

export interface ExplanationLine {
  subject: string | null;
  text: string;
  cites: Basis[];
}

export interface Determination {
  pack: string;
  version: string;
  faults: { code: string; text: string }[];
  persons: PersonResult[];
  agencies: AgencyResult[];
  explanation: string[];
  lines?: ExplanationLine[];
}

export interface Labelled {
  code: string;
  label: string;
}

export interface Cited extends Labelled {
  cite: { article: number; clause?: number };
}

export interface Vocabulary {
  roles: Labelled[];
  decisions: Labelled[];
  conduct: (Labelled & { roles: Role[]; cites: { article: number; clause?: number }[] })[];
  personalCircumstances: Cited[];
  actCircumstances: Cited[];
  agencyTriggers: Cited[];
  shares: Labelled[];
  severity: { nature: Labelled[]; harm: Labelled[]; impact: Labelled[] };
  outcomes: Labelled[];
  adjustments: Labelled[];
  sanctionForms: Labelled[];
  agencyMeasures: Labelled[];
  referrals: Labelled[];
}
