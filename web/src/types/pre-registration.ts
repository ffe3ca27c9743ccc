// 事前备案 (pre-registrations of exploratory measures) as the API serves them
// (GET /api/v1/pre-registrations): the register, one registration with its review deadline,
// its documents and the actions open to the reader.
import type {
  MeasureContent,
  PreRegistrationAction,
  PreRegistrationDocumentKind,
  PreRegistrationState,
} from '../../../src/core/workflow/pre-registration';
import type { Page } from '../services/request';
import type { ActionAvailability } from './procedure';

export { mayRegister } from '../../../src/core/policies/pre-registration';
export {
  PRE_REGISTRATION_DOCUMENT_KINDS,
  PRE_REGISTRATION_STATES,
} from '../../../src/core/workflow/pre-registration';
export type { MeasureContent, PreRegistrationAction, PreRegistrationDocumentKind, PreRegistrationState };

/** Core's states in the register's order: its tabs. */
export const PRE_REGISTRATION_TABS = [
  'submitted',
  'accepted',
  'returned',
  'withdrawn',
] as const satisfies readonly PreRegistrationState[];

export interface ReviewDeadline {
  label: string;
  startOn: string;
  dueOn: string;
  status: 'ok' | 'near' | 'overdue' | 'done';
  source: string;
  param: string;
  provisional: boolean;
}

export interface PreRegistrationSummary {
  id: string;
  number: string;
  regionCode: string;
  regionName: string | null;
  agencyId: string;
  agencyName: string;
  officerId: string | null;
  officerName: string | null;
  registrantKind: 'agency' | 'officer';
  registeredByName: string | null;
  title: string;
  measure: string;
  plannedFrom: string;
  state: PreRegistrationState;
  stateLabel: string;
  registeredOn: string;
  submittedOn: string;
  review: ReviewDeadline;
  version: number;
  createdAt: string;
}

export interface PreRegistrationDocument {
  id: number;
  kind: PreRegistrationDocumentKind;
  title: string;
  filename: string;
  size: number;
  sha256: string;
  createdAt: string;
}

export interface PreRegistration extends PreRegistrationSummary {
  reason: string;
  legalGap: string;
  risks: string;
  safeguards: string;
  decision: { kind: 'accept' | 'return'; text: string; byName: string; organName: string; on: string } | null;
  withdrawal: { reason: string | null; byName: string; on: string } | null;
  policy: { title: string; cite: string; text: string; summary: boolean };
  documents: PreRegistrationDocument[];
  availability: ActionAvailability<PreRegistrationAction>[];
}

export type PreRegistrationPage = Page<PreRegistrationSummary>;

export interface PreRegistrationFilter {
  state?: PreRegistrationState;
  agencyId?: string;
  q?: string;
}

/** What a registration says: the measure, and — for a legal office — the officer it concerns. */
export type MeasureInput = MeasureContent & { officerId?: string | null };
