import { api } from '../../services/request';
import type { OfficerPage } from '../../types/officer';
import type { UserAccount, UserInput, UserPage, UserPatch, UserQuery } from './types';

const base = '/api/v1/users';

export const listUsers = (query: UserQuery, signal?: AbortSignal) =>
  api.get<UserPage>(base, { ...query }, signal);

export const createUser = (input: UserInput) => api.post<UserAccount>(base, input);

export const updateUser = (id: string, version: number, patch: UserPatch) =>
  api.patch<UserAccount>(`${base}/${encodeURIComponent(id)}`, { ...patch, version });

/** Officers of one agency, to link an officer account to its record. */
export const officersOf = (agencyId: string) =>
  api.get<OfficerPage>('/api/v1/officers', { agencyId, pageSize: 500 }).then((r) => r.items);
