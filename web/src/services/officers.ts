import type { HistoryItem } from '../components/HistoryTimeline';
import type {
  CertificateInput,
  ImportProblem,
  ImportResult,
  OfficerDetail,
  OfficerFilter,
  OfficerInput,
  OfficerPage,
  StoredCertStatus,
} from '../types/officer';
import { ApiError, api, request, withQuery } from './request';

const base = '/api/v1/officers';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listOfficers = (
  filter: OfficerFilter & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<OfficerPage>(base, { ...filter }, signal);

export const getOfficer = (id: string, signal?: AbortSignal) =>
  api.get<OfficerDetail>(one(id), undefined, signal);

export const officerHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: HistoryItem[] }>(`${one(id)}/history`, undefined, signal).then((r) => r.items);

export const createOfficer = (input: OfficerInput) => api.post<OfficerDetail>(base, input);

export const updateOfficer = (id: string, version: number, patch: Partial<OfficerInput>) =>
  api.patch<OfficerDetail>(one(id), { ...patch, version });

export const addCertificate = (id: string, input: CertificateInput) =>
  api.post<OfficerDetail>(`${one(id)}/certificates`, input);

export const setCertificateStatus = (
  id: string,
  certificateId: number,
  status: StoredCertStatus,
  reason?: string,
) => api.patch<OfficerDetail>(`${one(id)}/certificates/${certificateId}`, { status, reason: reason ?? null });

export const exportUrl = (filter: OfficerFilter) => withQuery(`${base}/export.xlsx`, { ...filter });

export const TEMPLATE_URL = `${base}/import-template.xlsx`;

export function importOfficers(file: File, dryRun: boolean): Promise<ImportResult> {
  const form = new FormData();
  form.append('file', file);
  return request<ImportResult>(`${base}/import`, { method: 'POST', body: form, query: { dryRun } });
}

/** The server's per-row errors (`rows[5].执法证号`) as table rows. */
export function importProblems(err: ApiError): ImportProblem[] {
  return err.fields.map((f, i) => {
    const m = /^rows\[(\d+)\]\.?(.*)$/.exec(f.path);
    return { key: i, row: m ? Number(m[1]) : null, column: m ? m[2] : f.path, message: f.message };
  });
}

export { ApiError };
