import type { HistoryItem } from '../components/HistoryTimeline';
import type { Agency, AgencyInput, AgencyPage, AgencyQuery } from '../types/agency';
import { api } from './request';

const base = '/api/v1/agencies';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listAgencies = (query: AgencyQuery, signal?: AbortSignal) =>
  api.get<AgencyPage>(base, { ...query }, signal);

export const getAgency = (id: string, signal?: AbortSignal) => api.get<Agency>(one(id), undefined, signal);

export const agencyHistory = (id: string, signal?: AbortSignal) =>
  api.get<{ items: HistoryItem[] }>(`${one(id)}/history`, undefined, signal).then((r) => r.items);

export const createAgency = (input: AgencyInput) => api.post<Agency>(base, input);

export const updateAgency = (id: string, version: number, patch: Partial<AgencyInput>) =>
  api.patch<Agency>(one(id), { ...patch, version });

let options: Promise<Agency[]> | null = null;

/** Every agency the user may see, for pickers (cached until an agency changes). */
export function agencyOptions(): Promise<Agency[]> {
  options ??= api.get<AgencyPage>(base, { pageSize: 500 }).then(
    (r) => r.items,
    (e) => {
      options = null;
      throw e;
    },
  );
  return options;
}

export function forgetAgencyOptions() {
  options = null;
}
