import { api } from '../../services/request';
import type {
  MeasureInput,
  PreRegistration,
  PreRegistrationAction,
  PreRegistrationFilter,
  PreRegistrationPage,
} from '../../types/pre-registration';

const base = '/api/v1/pre-registrations';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const listPreRegistrations = (
  filter: PreRegistrationFilter & { page: number; pageSize: number },
  signal?: AbortSignal,
) => api.get<PreRegistrationPage>(base, { ...filter }, signal);

export const getPreRegistration = (id: string, signal?: AbortSignal) =>
  api.get<PreRegistration>(one(id), undefined, signal);

export const createPreRegistration = (input: MeasureInput) => api.post<PreRegistration>(base, input);

export const preRegistrationAction = (
  r: Pick<PreRegistration, 'id' | 'version'>,
  action: PreRegistrationAction,
  input: object,
) => api.post<PreRegistration>(`${one(r.id)}/actions/${action}`, { ...input, version: r.version });

export const preRegistrationHistory = (id: string, signal?: AbortSignal) =>
  api.get<{
    items: {
      id: number;
      at: string;
      actorName: string | null;
      action: string;
      detail: Record<string, unknown>;
    }[];
  }>(`${one(id)}/history`, undefined, signal);

export const documentUrl = (id: string, docId: number) => `${one(id)}/documents/${docId}`;
