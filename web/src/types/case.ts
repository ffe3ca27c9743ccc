// Accountability cases as the API serves them (GET /api/v1/cases, /cases/:id) and the
// workflow's vocabulary (src/core/workflow/case.ts).

import type { CaseView as CoreCaseView } from '../../../src/core/policies/case';
import type { AppealOutcome } from '../../../src/core/relief/vote';
import type { SanctionForm } from '../../../src/core/rulebook/types';
import type { AppealStage, AppealState } from '../../../src/core/workflow/appeal';
import type {
  CaseAction,
  CaseActor,
  CollectiveDiscussion,
  CaseState as CoreCaseState,
  DecisionKind,
} from '../../../src/core/workflow/case';
import type { CaseDocumentKind } from '../../../src/core/workflow/case-documents';
import type { DeadlineStatus } from '../components/DeadlineTag';
import type { Page } from '../services/request';
import type { Determination, CaseState as Facts, Outcome } from './determination';
import type { ActionAvailability } from './procedure';

// The workflow's and the rulebook's code lists are core's own, not copies.
export { OUTCOMES, SANCTION_FORMS } from '../../../src/core/rulebook/types';
export {
  CASE_STATES,
  collectiveDiscussionNeeded,
  DECISION_KINDS,
} from '../../../src/core/workflow/case';
export type {
  AppealOutcome,
  CaseAction,
  CollectiveDiscussion,
  DeadlineStatus,
  DecisionKind,
  Determination,
  Facts,
  Outcome,
  SanctionForm,
};
export type CaseStateCode = CoreCaseState;
/** How much of the case the reader sees (core's CaseView; 'none' never reaches the page). */
export type CaseView = Exclude<CoreCaseView, 'none'>;
/** The reader's parts in a case: the workflow's actor kinds. */
export type CaseRole = CaseActor;

export interface Deadline {
  step: string;
  label: string;
  startOn: string;
  dueOn: string;
  status: DeadlineStatus;
  source: string;
  param?: string;
  /** Runs into a year whose holiday schedule is not loaded: the date may still move. */
  provisional: boolean;
}

export interface CaseSummary {
  id: string;
  number: string;
  regionCode: string;
  regionName: string;
  source: string;
  sourceLabel: string;
  state: CaseStateCode;
  stateLabel: string;
  agencyId: string;
  agencyName: string;
  subject: string;
  registeredOn: string;
  decisionKind: DecisionKind | null;
  currentDeadline: Pick<Deadline, 'step' | 'label' | 'dueOn' | 'status' | 'provisional'> | null;
  roles: CaseRole[];
  version: number;
}

export type CasePage = Page<CaseSummary>;

export interface CasePerson {
  officerId: string;
  name: string;
  post: string | null;
  agencyName: string;
  liable: boolean;
  statement: { on: string; text: string } | null;
  waived: boolean;
  hearingRequested: boolean;
  hearing: { heldOn: string; summary: string } | null;
  /** 容错: the tolerance decided for the person (exempt: not pursued; mitigate: lighter sanction). */
  tolerance?: PersonTolerance | null;
  /** 申诉: the relief panel changed or revoked the decision for the person. */
  relief?: PersonRelief | null;
  /** The sanction forms and the recommendation the proposal offers, after any tolerance (Art. 24). */
  sanctions?: { forms: SanctionForm[]; recommended: SanctionForm } | null;
}

/** A tolerance decided for a person of the case, as the case keeps it. */
export interface PersonTolerance {
  applicationId: string;
  number: string;
  outcome: 'exempt' | 'mitigate';
  /** The policy's rule the decision rests on. */
  cite: string;
  on: string;
}

/** What the relief panel decided on a person's appeal, when it changed or revoked the decision. */
export interface PersonRelief {
  appealId: string;
  number: string;
  outcome: 'changed' | 'revoked';
  /** The lighter form, when changed. */
  form: SanctionForm | null;
  on: string;
}

export interface Investigator {
  userId: string;
  displayName: string;
  recused: boolean;
  recusalReason: string | null;
}

export interface Extension {
  days: number;
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

export interface Override {
  personId: string;
  outcome: Outcome;
  reason: string;
  by?: string;
  on?: string;
}

export interface Referral {
  id: number;
  /** The kind of referral: 'discipline' (涉嫌违纪) or 'judicial' (涉嫌犯罪). */
  organ: string;
  /** The registered organ it went to (移送机关登记册); null for referrals made before the register. */
  organId: string | null;
  organName: string | null;
  officerId: string | null;
  note: string;
  referredOn: string;
  outcome: string | null;
  outcomeOn: string | null;
}

export interface StoredFile {
  id: number;
  filename: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface Evidence extends StoredFile {
  description: string | null;
  createdBy: string;
}

export interface CaseDocument extends StoredFile {
  kind: CaseDocumentKind;
  title: string;
}

/** One liable person's sanction in a proposal or a decision. */
export interface CaseSanction {
  personId: string;
  form: SanctionForm;
  formLabel: string;
  /** Why the form differs from the rulebook's recommendation; empty when it does not. */
  reason: string;
}

/** 审批定案: what the investigators propose — awaiting approval, or adopted by the decision. */
export interface CaseProposal {
  kind: DecisionKind;
  kindLabel: string;
  reasons: string;
  sanctions: CaseSanction[];
  byName: string;
  on: string;
}

/** How the proposal was approved: by the office's head, or by a collective discussion. */
export interface CaseApproval {
  opinion: string;
  byName: string;
  on: string;
  collective: CollectiveDiscussion | null;
}

export interface CaseDetail extends CaseSummary {
  /** `organ`: a referral organ's user reads the case file referred to it, read-only. */
  view: CaseView;
  summary: string;
  pack: string;
  acceptedOn: string | null;
  acceptanceOpinion: string | null;
  declineReason: string | null;
  investigationStartedOn: string | null;
  investigators: Investigator[];
  extensions: Extension[];
  /** The determination request the findings were made from (full view only). */
  facts: (Partial<Facts> & { pack?: string }) | null;
  determination: Determination | null;
  overrides: Override[];
  findingsText: string | null;
  findingsOn: string | null;
  statementNoticeOn: string | null;
  persons: CasePerson[];
  /** The proposal (full view only): awaiting approval in state `proposed`, or the one decided. */
  /** The lightest sanction the case's pack has decided by a collective discussion (null: none). */
  collectiveDiscussionFrom: SanctionForm | null;
  proposal: CaseProposal | null;
  /** The approval of the decision (full view only). */
  approval: CaseApproval | null;
  decision: {
    kind: DecisionKind;
    kindLabel: string;
    on: string;
    reasons: string;
    /** Each liable person's sanction as approved (the officer concerned sees only their own). */
    sanctions: CaseSanction[];
  } | null;
  servedOn: string | null;
  service: { recipient: string; method: string; place: string | null; server?: string } | null;
  executedOn: string | null;
  executionNote: string | null;
  closedOn: string | null;
  /** The appeal before the relief panel (申诉): the open one, else the latest decided. */
  appeal: {
    id: string;
    number: string;
    state: AppealState;
    officerId: string;
    filedOn: string;
    grounds: string;
    /** The panel's result once decided; the new form when changed. */
    result: AppealOutcome | null;
    form: SanctionForm | null;
    reasons: string | null;
    reviewedOn: string | null;
    /** When the panel must decide. */
    dueOn: string | null;
    /** 复核 by the office that decided, or 申诉 to the relief panel. */
    stage: AppealStage;
  } | null;
  /** The pack in force today requires a 复核 before an appeal to the panel (复核前置). */
  reviewRequired: boolean;
  referrals: Referral[];
  evidence: Evidence[];
  documents: CaseDocument[];
  complainant: {
    anonymous: boolean;
    name: string | null;
    phone: string | null;
    idNumber?: string | null;
    receipt: string | null;
  } | null;
  deadlines: Deadline[];
  actions: CaseAction[];
  /** Every action the reader could take, with the reasons for those not open now. */
  availability: ActionAvailability<CaseAction>[];
}

export interface CaseFilter {
  state?: CaseStateCode;
  q?: string;
  agencyId?: string;
  mine?: boolean;
  /** Overdue first, then near, by due date — ranked by the server over every matching case. */
  sort?: 'urgent';
}

export interface DueSoon {
  items: CaseSummary[];
  overdue: number;
  near: number;
}

export interface InvestigatorCandidate {
  userId: string;
  displayName: string;
  username: string;
  regionCode: string;
  assigned: boolean;
  recused: boolean;
}

/** Where the list remembers its filters, for the detail page's way back. */
export const LIST_SEARCH_KEY = 'wenze.cases.search';
