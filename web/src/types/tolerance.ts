// 容错纠错 (tolerance) as the API serves it: the applications (GET /api/v1/tolerance-applications,
// src/server/tolerance/service.ts), their figures, and the assessment of the city's policy
// (POST /api/v1/tolerance/assessments, src/core/tolerance/assess.ts). The vocabularies are core's.

import type {
  CorrectionState,
  MisconductKind,
  MistakeCause,
  PolicyClause,
  ToleranceCondition,
  ToleranceExclusion,
  ToleranceOutcome,
  TolerancePolicy,
} from '../../../src/core/tolerance/policy';
import type { CollectiveDiscussion } from '../../../src/core/workflow/case';
import type {
  ToleranceAction,
  ToleranceActor,
  ToleranceApplicantKind,
  ToleranceState,
} from '../../../src/core/workflow/tolerance';
import type { Page } from '../services/request';
import type { ActionAvailability } from './procedure';

export { applicantKindOf } from '../../../src/core/policies/tolerance';
export {
  CORRECTION_STATES,
  MISCONDUCT_KINDS,
  MISTAKE_CAUSES,
  TOLERANCE_CONDITIONS,
  TOLERANCE_EXCLUSIONS,
  TOLERANCE_OUTCOMES,
} from '../../../src/core/tolerance/policy';
export {
  APPLY_AFTER,
  APPLY_DURING,
  TOLERANCE_DOCUMENT_KINDS,
  TOLERANCE_PROCEDURE,
  TOLERANCE_STATES,
  VERIFIED_ITEMS,
} from '../../../src/core/workflow/tolerance';
export type {
  CollectiveDiscussion,
  CorrectionState,
  MisconductKind,
  MistakeCause,
  PolicyClause,
  ToleranceAction,
  ToleranceActor,
  ToleranceApplicantKind,
  ToleranceCondition,
  ToleranceExclusion,
  ToleranceOutcome,
  TolerancePolicy,
  ToleranceState,
};

/** A condition of the policy or an item of its negative list: what the investigators verify. */
export type VerifiedItem = ToleranceCondition | ToleranceExclusion;

/** Outcomes from the most to the least lenient: a decision may be stricter than the assessment, never more lenient. */
export const LENIENCY: readonly ToleranceOutcome[] = ['exempt', 'mitigate', 'reject'];

/** The outcomes a decision may take, those more lenient than the assessment disabled. */
export function outcomeOptions(assessed: ToleranceOutcome | null) {
  const floor = assessed === null ? 0 : LENIENCY.indexOf(assessed);
  return LENIENCY.map((o) => ({ value: o, disabled: LENIENCY.indexOf(o) < floor }));
}

/** The register's tabs: core's states in the order the work flows. */
export const TOLERANCE_TABS = [
  'submitted',
  'verifying',
  'verified',
  'decided',
  'declined',
  'withdrawn',
] as const satisfies readonly ToleranceState[];

/** The facts the investigators verify (core's ToleranceFacts, as JSON). */
export interface ToleranceFacts {
  withinDuty: boolean;
  procedureFollowed: boolean;
  privateGain: boolean;
  knowingViolation: boolean;
  expresslyProhibited: boolean;
  misconduct: MisconductKind;
  falsified: boolean;
  obstructed: boolean;
  crimeSuspected: boolean;
  cause: MistakeCause;
  corrected: CorrectionState;
  /** The number of an accepted 事前备案 of the measure, or null. */
  preRegistered: string | null;
  /** Tolerance granted before: the date and the catalogue item of the fault. */
  priorTolerance: { date: string; fault: string }[];
}

/** POST /tolerance/assessments: the policy of `pack` in force on `appliedOn`. */
export interface ToleranceRequest {
  pack?: string;
  appliedOn: string;
  fault: { occurredOn: string; codes: string[] };
  facts: ToleranceFacts;
}

interface Cited {
  label: string;
  cite: string;
  reason: string;
}

export interface ToleranceAssessment {
  pack: { name: string; version: string; key: string };
  policy: { title: string; summary: boolean };
  eligible: boolean;
  outcome: ToleranceOutcome;
  outcomeLabel: string;
  outcomeCite: string;
  distinction: {
    pair: 'experience' | 'exploration' | 'development';
    side: 'tolerable' | 'culpable';
    label: string;
    against: string;
    cite: string;
  };
  /** Every condition; `partial`: corrected, but late. */
  conditions: (Cited & { id: ToleranceCondition; met: boolean; partial: boolean })[];
  /** The exclusions of the negative list that apply. */
  exclusions: (Cited & { id: ToleranceExclusion })[];
  explanation: string[];
}

export interface ToleranceSummary {
  id: string;
  number: string;
  state: ToleranceState;
  caseId: string;
  caseNumber: string;
  caseSubject: string;
  officerId: string;
  officerName: string;
  agencyName: string;
  applicantKind: ToleranceApplicantKind;
  appliedOn: string;
  outcome: ToleranceOutcome | null;
  /** While accepted and undecided: the policy's period from acceptance. */
  decisionDue: string | null;
  overdue: boolean;
}

export type TolerancePage = Page<ToleranceSummary>;

interface Signed {
  by: string;
  byName: string;
  on: string;
}

export interface ToleranceVerification extends Signed {
  facts: ToleranceFacts;
  evidence: Partial<Record<VerifiedItem, string>>;
  note?: string;
  assessment: ToleranceAssessment;
}

export interface ToleranceDecision extends Signed {
  outcome: ToleranceOutcome;
  opinion: string;
  distinctionReasons: string;
  distinction: ToleranceAssessment['distinction'];
  collective: CollectiveDiscussion;
  /** The policy's rule of the outcome. */
  cite: string;
  ruleText: string;
}

/** The acceptance record: the office's opinion, and a decline or a withdrawal with its reason. */
export interface ToleranceAcceptance extends Partial<Signed> {
  opinion?: string;
  decline?: Signed & { reason: string };
  withdraw?: Signed & { reason: string };
}

export interface ToleranceDetail extends ToleranceSummary {
  regionCode: string;
  officerPost: string | null;
  appliedByName: string | null;
  grounds: string;
  preRegistered: string | null;
  pack: string;
  policy: { title: string; summary: boolean };
  acceptance: ToleranceAcceptance | null;
  verification: ToleranceVerification | null;
  decision: ToleranceDecision | null;
  document: { id: number; title: string; caseId: string } | null;
  roles: ToleranceActor[];
  availability: ActionAvailability<ToleranceAction>[];
  version: number;
  createdAt: string;
}

export interface ToleranceFilter {
  state?: ToleranceState;
  caseId?: string;
  q?: string;
}

export interface ToleranceStatistics {
  rows: {
    year: number;
    agencyId: string;
    agencyName: string;
    state: ToleranceState;
    outcome: string | null;
    n: number;
  }[];
  rejectedFor: { reason: string; label: string; n: number }[];
}

/** POST /tolerance-applications. */
export interface ToleranceApplyInput {
  caseId: string;
  officerId: string;
  grounds: string;
  preRegistered?: string | null;
}
