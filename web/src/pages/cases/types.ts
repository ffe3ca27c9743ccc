// Accountability cases as the API serves them (GET /api/v1/cases, /cases/:id) and the
// workflow's vocabulary (src/core/workflow/case.ts).
import type { DeadlineStatus } from '../../components/DeadlineTag';
import type { Page } from '../../services/request';
import type { Determination, CaseState as Facts, Outcome } from '../simulator/types';

export type { DeadlineStatus, Determination, Facts, Outcome };

export const CASE_STATES = [
  'registered',
  'accepted',
  'declined',
  'investigating',
  'findings',
  'statement',
  'decided',
  'served',
  'executed',
  'closed',
] as const;
export type CaseStateCode = (typeof CASE_STATES)[number];

export const CASE_ACTIONS = [
  'accept',
  'decline',
  'assign_investigators',
  'recuse',
  'start_investigation',
  'extend_investigation',
  'record_findings',
  'notify_statement',
  'record_statement',
  'waive_statement',
  'hold_hearing',
  'decide',
  'serve',
  'execute',
  'close',
  'appeal',
  'review_appeal',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const DECISION_KINDS = ['pursue', 'not_pursue', 'exempt', 'refer'] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];

export const APPEAL_RESULTS = ['upheld', 'changed', 'revoked'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];

export const OUTCOMES: Outcome[] = ['pursue', 'may_not_pursue', 'not_liable'];

export type CaseRole = 'supervisor' | 'investigator' | 'subject';

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
  organ: string;
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
  kind: 'acceptance_form' | 'investigation_report' | 'decision' | 'service_receipt' | string;
  title: string;
}

export interface CaseDetail extends CaseSummary {
  view: 'full' | 'agency' | 'subject';
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
  decision: { kind: DecisionKind; kindLabel: string; on: string; reasons: string } | null;
  servedOn: string | null;
  service: { recipient: string; method: string; place: string | null; server?: string } | null;
  executedOn: string | null;
  executionNote: string | null;
  closedOn: string | null;
  appeal: {
    officerId: string;
    filedOn: string;
    grounds: string;
    result: AppealResult | null;
    reasons: string | null;
    reviewedOn: string | null;
  } | null;
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
