// Leads (线索) as the API serves them (GET /api/v1/leads): public complaints, detection
// findings and referrals entered by hand.
import type { LeadAction, LeadSource, LeadStatus } from '../../../src/core/workflow/lead';
import type { Page } from '../services/request';
import type { ActionAvailability } from './procedure';

export type { LeadAction, LeadStatus };
/** The office's steps on a lead (the complainant's 申请复查 is taken on the public channel). */
export type TriageAction = Exclude<LeadAction, 'request_reexamination'>;

/** Core's statuses (src/core/workflow/lead.ts) in the inbox's order, its tabs. */
export const LEAD_STATUSES = [
  'new',
  'opened',
  'merged',
  'dismissed',
] as const satisfies readonly LeadStatus[];

export { LEAD_SOURCES, MANUAL_LEAD_SOURCES as MANUAL_SOURCES } from '../../../src/core/workflow/lead';
export type { LeadSource };

export interface Lead {
  id: string;
  regionCode: string;
  source: LeadSource;
  sourceLabel: string;
  status: LeadStatus;
  agencyId: string | null;
  agencyName: string | null;
  officerId: string | null;
  subject: string;
  narrative: string;
  occurredOn: string | null;
  /** Complaints: the receipt, whether anonymous, the officer the complainant named. */
  receipt: string | null;
  anonymous: boolean | null;
  officerNamed: string | null;
  /** Detection findings: the act, the rule, the catalogue item, the basis and what was found. */
  actId: string | null;
  rule: string | null;
  faultCode: string | null;
  basis: string | null;
  detail: string | null;
  mergedInto: string | null;
  caseId: string | null;
  caseNumber: string | null;
  dismissReason: string | null;
  /** 复查: the complainant asked for the dismissal to be re-examined; the lead is back in the inbox. */
  reexamination: { requestedOn: string; grounds: string; dismissReason: string | null } | null;
  version: number;
  createdAt: string;
  /** One lead (not the list): the triage steps open to the reader, or why not. */
  availability?: ActionAvailability<LeadAction>[];
}

export type LeadPage = Page<Lead>;

export interface LeadFilter {
  status?: LeadStatus;
  source?: LeadSource;
  agencyId?: string;
  q?: string;
}

export interface ManualLeadInput {
  source: LeadSource;
  agencyId: string;
  officerId?: string;
  subject: string;
  narrative: string;
  occurredOn?: string;
}

export interface OpenCaseInput {
  agencyId?: string;
  subject?: string;
  summary?: string;
}
