// Full-process supervision as the API serves it (GET /api/v1/supervision/*, /api/v1/acts).
import type { ActKind } from '../../../src/core/acts/codes';
import type { PeriodUnit } from '../../../src/core/rulebook/period';
import type { Page } from '../services/request';
import type { LeadStatus } from './lead';

export { ACT_KINDS } from '../../../src/core/acts/codes';
export type { ActKind };

export interface SummaryFilter {
  agencyId?: string;
  from?: string;
  to?: string;
}

export interface Totals {
  acts: number;
  findings: number;
  pursued: number;
  sustained: number;
  dismissed: number;
}

export interface RuleFigure {
  rule: string;
  label: string;
  fault: string | null;
  count: number;
}

export interface AgencyFigure {
  agencyId: string;
  agencyName: string | null;
  regionCode: string;
  acts: number;
  findings: number;
  pursued: number;
  sustained: number;
  dismissed: number;
  findingRate: number | null;
  pursuedRate: number | null;
}

export interface MonthFigure {
  month: string;
  acts: number;
  findings: number;
  byRule: Record<string, number>;
}

export interface Summary {
  totals: Totals;
  byRule: RuleFigure[];
  byAgency: AgencyFigure[];
  byMonth: MonthFigure[];
}

export interface Rule {
  rule: string;
  label: string;
}

export interface FaultEntry {
  officerId: string;
  date: string | null;
  kind: 'finding' | 'sustained';
  rule: string | null;
  actId: string | null;
  detail: string;
  caseId: string | null;
  caseNumber: string | null;
}

export interface EarlyWarning {
  officerId: string;
  name: string;
  regionCode: string;
  agencyId: string;
  agencyName: string;
  post: string | null;
  level: 'warning' | 'attention';
  pack: string;
  thresholds: {
    window: { count: number; unit: PeriodUnit };
    attentionAt: number;
    warningAt: number;
    sanctionsWarningAt: number;
  };
  window: { from: string; to: string };
  faults: number;
  findings: number;
  sustained: number;
  sustainedTotal: number;
  reasons: string[];
  history: FaultEntry[];
  /** Beside the thresholds: faults per 100 acts against the same agency's officers of the same act kind. */
  peer: PeerWarning[];
}

/** The peer comparison of one officer for one act kind (src/core/assessment/peer.ts). */
export interface PeerWarning {
  officer: string;
  agency: string;
  kind: string;
  acts: number;
  faults: number;
  per100: number | null;
  peers: number;
  median: number | null;
  percentile: number | null;
  level: 'none' | 'attention' | 'warning' | 'insufficient';
  reason: string;
  /** In the list of officers the comparison puts on the watch list. */
  name?: string;
}

export interface Finding {
  rule: string;
  label: string;
  fault: string | null;
  basis: string;
  detail: string;
  relatedActId: string | null;
  officerId: string | null;
  foundAt: string;
}

export interface Act {
  id: string;
  regionCode: string;
  agencyId: string;
  agencyName: string | null;
  kind: ActKind;
  matter: string | null;
  procedure: string | null;
  partyType: string | null;
  partyId: string | null;
  actOn: string | null;
  decided: string | null;
  fine: number | null;
  importedAt: string;
  updatedAt: string;
  findings: Finding[];
}

export interface ActLead {
  id: string;
  rule: string | null;
  status: LeadStatus;
  caseId: string | null;
  caseNumber: string | null;
  caseState: string | null;
  dismissReason: string | null;
}

export interface ActDetail extends Act {
  body: Record<string, unknown>;
  leads: ActLead[];
}

export interface ActFilter {
  agencyId?: string;
  rule?: string;
  kind?: ActKind;
  from?: string;
  to?: string;
  q?: string;
  flagged?: 'true' | 'false';
}

export type ActPage = Page<Act>;

export interface DetectionRun {
  at: string;
  trigger: 'nightly' | 'manual' | 'cli';
  actorName: string | null;
  asOf: string;
  acts: number;
  findings: number;
  created: number;
  updated: number;
  removed: number;
  leads: number;
  ms: number;
}

export interface Freshness {
  lastImport: string | null;
  runs: DetectionRun[];
  permissions: { run: boolean };
}
