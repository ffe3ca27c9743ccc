// The case-file review campaign as the API serves it (src/server/review/service.ts). The
// vocabularies and the rubric are core's.
import type { ActKind } from '../../../../src/core/acts/codes';
import type { Agreement, ResultSummary } from '../../../../src/core/review/results';
import type { ReviewGrade, ReviewRubric } from '../../../../src/core/review/rubric';
import type { FileScore } from '../../../../src/core/review/score';
import type {
  ReviewCampaignAction,
  ReviewCampaignKind,
  ReviewCampaignState,
  ReviewStage,
} from '../../../../src/core/workflow/review-campaign';
import type { ActionAvailability } from '../../types/procedure';

export type {
  ActKind,
  Agreement,
  FileScore,
  ReviewCampaignAction,
  ReviewCampaignKind,
  ReviewCampaignState,
  ReviewGrade,
  ReviewRubric,
  ReviewStage,
};

export interface Stratum {
  agencyId: string;
  agencyName: string;
  eligible: number;
  drawn: number;
}

export interface Campaign {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  kind: ReviewCampaignKind;
  agencies: { id: string; name: string }[];
  kinds: ActKind[];
  from: string | null;
  to: string | null;
  seed: string;
  size: number;
  pack: string;
  packOn: string;
  rubricTitle: string;
  state: ReviewCampaignState;
  strata: Stratum[] | null;
  drawnAt: string | null;
  files: number;
  unassigned: number;
  unscored: number;
  selfUnscored: number;
  doubleScoring: boolean;
  understaffed: number;
  unreconciled: number;
  createdByName: string | null;
  createdAt: string;
  version: number;
  availability: ActionAvailability<ReviewCampaignAction>[];
  office: boolean;
  reviewer: boolean;
}

export interface CampaignInput {
  name: string;
  kind: ReviewCampaignKind;
  agencyIds: string[];
  kinds: ActKind[];
  from: string;
  to: string;
  size: number;
  seed?: string;
  doubleScoring?: boolean;
}

export interface ReviewFile {
  id: string;
  campaignId: string;
  actId: string;
  agencyId: string;
  agencyName: string;
  kind: ActKind;
  stage: ReviewStage;
  matter: string | null;
  decided: string | null;
  reviewGroup: string | null;
  reviewers: { id: string; name: string }[];
  total: number | null;
  grade: ReviewGrade | null;
  scoredByName: string | null;
  scoredAt: string | null;
  leads: { fault: string; item: string; leadId: string }[];
  canScore: boolean;
  scoreCount: number;
  needsReconciliation: boolean;
  version: number;
}

export interface Marks {
  vetoes: { item: string; note: string }[];
  deductions: { item: string; count: number; note: string }[];
}

export interface FileDetail {
  file: ReviewFile & { marks: Marks | null; score: FileScore | null };
  refusal: string | null;
  campaign: { id: string; name: string; state: ReviewCampaignState; regionCode: string };
  act: { id: string; kind: ActKind; agencyName: string; body: Record<string, unknown> };
  rubric: ReviewRubric;
  twin: { id: string; stage: ReviewStage; total: number | null; grade: ReviewGrade | null } | null;
  /** Double scoring: the reviewers' scores the reader may see, the comparison, and the leader's 合议. */
  scores: {
    reviewerId: string;
    reviewerName: string;
    mine: boolean;
    total: number;
    grade: ReviewGrade;
    scoredAt: string;
    marks: Marks;
    score: FileScore;
  }[];
  reconciliation: {
    agreed: boolean;
    difference: number;
    margin: number;
    reason: string;
    note: string | null;
    byName: string | null;
    at: string | null;
  } | null;
  reconcileRefusal: string | null;
  doubleScoring: boolean;
}

export interface Reviewer {
  userId: string;
  name: string;
  username: string;
  role: string;
  agencyId: string | null;
  agencyName: string | null;
  group: string;
  leader: boolean;
  externalLawyer: boolean;
}

export interface Candidate {
  userId: string;
  name: string;
  username: string;
  role: string;
  regionCode: string;
  agencyId: string | null;
  agencyName: string | null;
}

export interface StageScore {
  fileId: string;
  total: number | null;
  grade: ReviewGrade | null;
}

export interface Results {
  campaign: ResultSummary;
  agencies: (ResultSummary & {
    agencyId: string;
    agencyName: string;
    eligible: number | null;
    drawn: number | null;
  })[];
  files: {
    actId: string;
    agencyId: string;
    agencyName: string;
    self: StageScore | null;
    spot: StageScore | null;
    difference: number | null;
    agreement: Agreement | null;
  }[];
}
