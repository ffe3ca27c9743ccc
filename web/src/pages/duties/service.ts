import { api, request } from '../../services/request';
import type {
  BoundaryPage,
  DutyDiff,
  DutyImportResult,
  DutyItemPage,
  DutyResolution,
  DutyVersions,
  DutyWorklist,
} from './types';

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

/** 职责交叉的处理: name the lead agency (the others 协办) with the ground, or refer to the establishment office. */
export type OverlapAction = 'resolve' | 'refer';

export const decideOverlap = (
  overlap: { region: string | null; code: string },
  action: OverlapAction,
  input: object,
) =>
  api.post<DutyResolution>(
    `${base}/overlaps/${encodeURIComponent(overlap.region ?? '')}/${encodeURIComponent(overlap.code)}/${action}`,
    input,
  );

export const listBoundaries = (
  query: { on?: string; kind?: 'boundary' | 'referral'; q?: string; page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<BoundaryPage>(`${base}/boundaries`, { ...query }, signal);

/** The boundary list in force on a day as CSV. */
export const boundaryExportUrl = (query: { on?: string; q?: string }) => {
  const params = new URLSearchParams(
    Object.entries(query).filter((e): e is [string, string] => Boolean(e[1])),
  );
  const qs = params.toString();
  return `${base}/boundaries/export.csv${qs ? `?${qs}` : ''}`;
};
