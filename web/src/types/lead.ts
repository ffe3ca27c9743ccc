// Leads (线索) as the API serves them (GET /api/v1/leads): public complaints, detection
// findings and referrals entered by hand.
import type { LeadAction, LeadSource, LeadStatus } from '../../../src/core/workflow/lead';
import type { Page } from '../services/request';
import type { ActionAvailability } from './procedure';

export type { LeadAction, LeadStatus };

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
