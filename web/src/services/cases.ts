import type { HistoryItem } from '../components/HistoryTimeline';
import type {
  CaseAction,
  CaseDetail,
  CaseFilter,
  CasePage,
  DueSoon,
  Evidence,
  InvestigatorCandidate,
} from '../types/case';
import { api, request } from './request';

const base = '/api/v1/cases';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listCases = (filter: CaseFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<CasePage>(base, { ...filter, mine: filter.mine ? 'true' : undefined }, signal);

export const dueSoon = (signal?: AbortSignal) => api.get<DueSoon>(`${base}/due-soon`, undefined, signal);

export const getCase = (id: string, signal?: AbortSignal) => api.get<CaseDetail>(one(id), undefined, signal);

export const caseHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: HistoryItem[] }>(`${one(id)}/history`, undefined, signal).then((r) => r.items);

export const investigatorCandidates = (id: string, signal?: AbortSignal) =>
  api
    .get<{ items: InvestigatorCandidate[] }>(`${one(id)}/investigator-candidates`, undefined, signal)
    .then((r) => r.items);

/** One workflow step, on the version the user saw (a stale one answers 409). */
export const performAction = (id: string, action: CaseAction, version: number, input: object) =>
  api.post<CaseDetail>(`${one(id)}/actions/${action}`, { ...input, version });

export function uploadEvidence(id: string, file: File, description?: string): Promise<Evidence> {
  const form = new FormData();
  if (description) form.append('description', description);
  form.append('file', file);
  return request<Evidence>(`${one(id)}/evidence`, { method: 'POST', body: form });
}

export const evidenceUrl = (caseId: string, fileId: number) => `${one(caseId)}/evidence/${fileId}`;
export const documentUrl = (caseId: string, fileId: number) => `${one(caseId)}/documents/${fileId}`;
