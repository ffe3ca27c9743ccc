import type {
  ActDetail,
  ActFilter,
  ActPage,
  DetectionRun,
  EarlyWarning,
  Freshness,
  PeerWarning,
  Rule,
  Summary,
  SummaryFilter,
} from '../types/supervision';
import { type ApiError, api, request, withQuery } from './request';

export const getSummary = (filter: SummaryFilter, signal?: AbortSignal) =>
  api.get<Summary>('/api/v1/supervision/summary', { ...filter }, signal);

export const getEarlyWarning = (asOf: string | undefined, signal?: AbortSignal, officerId?: string) =>
  api.get<{ asOf: string; items: EarlyWarning[]; peers: PeerWarning[] }>(
    '/api/v1/supervision/early-warning',
    { asOf, officerId },
    signal,
  );

export const getRules = (signal?: AbortSignal) =>
  api.get<{ items: Rule[] }>('/api/v1/supervision/rules', undefined, signal);

export const listActs = (filter: ActFilter & { page: number; pageSize: number }, signal?: AbortSignal) =>
  api.get<ActPage>('/api/v1/acts', { ...filter }, signal);

export const getAct = (id: string, signal?: AbortSignal) =>
  api.get<ActDetail>(`/api/v1/acts/${encodeURIComponent(id)}`, undefined, signal);

/** The findings behind the current figures as a spreadsheet (optionally one rule's). */
export const exportUrl = (filter: SummaryFilter & { rule?: string }) =>
  withQuery('/api/v1/supervision/export.xlsx', { ...filter });

export interface ImportResult {
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  findings: { total: number; created: number; updated: number; removed: number };
  leads: number;
  ms: number;
}

/** The import template (.xlsx): the columns, an example row, the allowed values. */
export const ACTS_TEMPLATE_URL = '/api/v1/acts/template.xlsx';

/** A .jsonl, .csv or .xlsx file of acts: imported all or nothing, then the rules run over it. */
export function uploadActs(file: File): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return request<ImportResult>('/api/v1/acts:upload', { method: 'POST', body: form });
}

/** The server's per-line errors (`line 17: dates.decided`) as table rows. */
export function importProblems(
  err: ApiError,
): { key: number; line: number | null; field: string; message: string }[] {
  return err.fields.map((f, i) => {
    const m = /^line (\d+): (.*)$/.exec(f.path);
    return { key: i, line: m ? Number(m[1]) : null, field: m ? m[2] : f.path, message: f.message };
  });
}

export const getFreshness = (signal?: AbortSignal) =>
  api.get<Freshness>('/api/v1/supervision/runs', undefined, signal);

/** Every rule over every act now (administrators), as the nightly run does. */
export const runDetection = () => api.post<DetectionRun>('/api/v1/supervision/runs');
