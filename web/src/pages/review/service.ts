// The case-file review API (/api/v1/review-campaigns, /api/v1/review-files).
import { api, type Page } from '../../services/request';
import type {
  Campaign,
  CampaignInput,
  Candidate,
  FileDetail,
  Marks,
  Results,
  ReviewCampaignAction,
  ReviewCampaignState,
  Reviewer,
  ReviewFile,
  ReviewStage,
} from './types';

const base = '/api/v1/review-campaigns';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;
const file = (id: string) => `/api/v1/review-files/${encodeURIComponent(id)}`;

export const listCampaigns = (
  q: { state?: ReviewCampaignState; q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<Page<Campaign>>(base, q, signal);

export const createCampaign = (input: CampaignInput) => api.post<Campaign>(base, input);

export const getCampaign = (id: string, signal?: AbortSignal) =>
  api.get<Campaign>(one(id), undefined, signal);

export const campaignAction = (c: Pick<Campaign, 'id' | 'version'>, action: ReviewCampaignAction) =>
  api.post<Campaign>(`${one(c.id)}/actions/${action}`, { version: c.version });

export const campaignFiles = (
  id: string,
  q: { stage?: ReviewStage; agencyId?: string; mine?: boolean },
  signal?: AbortSignal,
) =>
  api.get<{ items: ReviewFile[] }>(`${one(id)}/files`, { ...q, mine: q.mine ? 'true' : undefined }, signal);

export const campaignResults = (id: string, signal?: AbortSignal) =>
  api.get<Results>(`${one(id)}/results`, undefined, signal);

export const campaignReviewers = (id: string, signal?: AbortSignal) =>
  api.get<{ items: Reviewer[] }>(`${one(id)}/reviewers`, undefined, signal);

export const reviewerCandidates = (id: string, signal?: AbortSignal) =>
  api.get<{ items: Candidate[] }>(`${one(id)}/reviewer-candidates`, undefined, signal);

export const setReviewers = (
  c: Pick<Campaign, 'id' | 'version'>,
  reviewers: { userId: string; group: string; leader: boolean; externalLawyer: boolean }[],
) => api.put<{ items: Reviewer[] }>(`${one(c.id)}/reviewers`, { version: c.version, reviewers });

export const assignFiles = (c: Pick<Campaign, 'id' | 'version'>) =>
  api.post<{ assigned: number; unassignable: string[] }>(`${one(c.id)}/assign`, { version: c.version });

export const campaignHistory = (id: string, signal?: AbortSignal) =>
  api.get<{
    items: {
      id: number;
      at: string;
      actorName: string | null;
      action: string;
      detail: Record<string, unknown>;
    }[];
  }>(`${one(id)}/history`, undefined, signal);

export const getFile = (id: string, signal?: AbortSignal) => api.get<FileDetail>(file(id), undefined, signal);

export const saveMarks = (f: Pick<ReviewFile, 'id' | 'version'>, marks: Marks) =>
  api.put<FileDetail>(`${file(f.id)}/marks`, { version: f.version, ...marks });

/** 合议: the group leader's final score of a double-scored file, with a note. */
export const reconcileFile = (f: Pick<ReviewFile, 'id' | 'version'>, marks: Marks, note: string) =>
  api.post<FileDetail>(`${file(f.id)}/reconcile`, { version: f.version, ...marks, note });

/** The console's pages of a campaign and of a file. */
export const campaignHref = (id: string) => `/review/${encodeURIComponent(id)}`;
export const fileHref = (id: string) => `/review/files/${encodeURIComponent(id)}`;
