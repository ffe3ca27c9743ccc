// Leads (线索) as the API serves them (GET /api/v1/leads): public complaints, detection
// findings and referrals entered by hand.
import type { Page } from '../../services/request';

export const LEAD_STATUSES = ['new', 'opened', 'merged', 'dismissed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_SOURCES = [
  'complaint',
  'detection',
  'superior',
  'congress',
  'media',
  'case_review',
  'reconsideration',
  'litigation',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** The sources a supervisor enters by hand (complaints and detections arrive by themselves). */
export const MANUAL_SOURCES: LeadSource[] = [
  'superior',
  'congress',
  'media',
  'case_review',
  'reconsideration',
  'litigation',
  'other',
];

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
