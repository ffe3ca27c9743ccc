import { api, request } from '../../services/request';
import type { DutyDiff, DutyImportResult, DutyItemPage, DutyVersions, DutyWorklist } from './types';

const base = '/api/v1/duty-lists';

export const DUTY_TEMPLATE_URL = `${base}/template`;

export const listDutyItems = (
  query: { agencyId?: string; on?: string; q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<DutyItemPage>(base, { ...query }, signal);

export const dutyVersions = (agencyId: string, signal?: AbortSignal) =>
  api.get<DutyVersions>(`${base}/versions`, { agencyId }, signal);

export const dutyDiff = (agencyId: string, from: number, to: number, signal?: AbortSignal) =>
  api.get<DutyDiff>(`${base}/diff`, { agencyId, from, to }, signal);

export const dutyReport = (on: string | undefined, signal?: AbortSignal) =>
  api.get<DutyWorklist>(`${base}/report`, { on }, signal);

/** A .xlsx or .csv list: checked and reported (dry run), or imported all or nothing. */
export function importDutyList(file: File, dryRun: boolean): Promise<DutyImportResult> {
  const form = new FormData();
  form.append('file', file);
  return request<DutyImportResult>(`${base}/imports`, {
    method: 'POST',
    body: form,
    query: dryRun ? { dryRun: 'true' } : undefined,
  });
}
