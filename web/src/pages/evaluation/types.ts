// The external evaluation as the API serves it (src/server/evaluation/service.ts). The vocabularies
// and the form are core's.
import type {
  EvaluationAudience,
  EvaluationCampaignState,
  EvaluationForm,
  ModerationState,
} from '../../../../src/core/evaluation/form';
import type { AgencyResult } from '../../../../src/core/evaluation/results';

export type { EvaluationAudience, EvaluationCampaignState, EvaluationForm, ModerationState };

export interface EvaluationCampaign {
  id: string;
  regionCode: string;
  regionName: string;
  name: string;
  agencies: { id: string; name: string }[];
  from: string;
  to: string;
  audiences: EvaluationAudience[];
  form: EvaluationForm;
  state: EvaluationCampaignState;
  invitations: number;
  answers: number;
  pending: number;
  createdByName: string | null;
  createdAt: string;
  version: number;
  office: boolean;
  canAnswer: boolean;
}

export interface EvaluationInput {
  name: string;
  agencyIds: string[];
  from: string;
  to: string;
  audiences: EvaluationAudience[];
}

export interface IssuedCodes {
  expiresOn: string;
  items: { code: string; path: string }[];
}

export interface EvaluationAnswerRow {
  id: string;
  agencyId: string;
  agencyName: string;
  audience: EvaluationAudience;
  byCode: boolean;
  scores: Record<string, number>;
  mean: number;
  comment: string | null;
  moderation: ModerationState;
  moderatedByName: string | null;
  moderatedAt: string | null;
  moderationReason: string | null;
  createdAt: string;
  version: number;
}

export interface EvaluationResults {
  agencies: (AgencyResult & { agencyName: string })[];
  invitations: {
    agencyId: string;
    audience: EvaluationAudience;
    issued: number;
    used: number;
    expired: number;
  }[];
}
