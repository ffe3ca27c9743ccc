// The session: who is logged in, login, logout, password change.
import { api, request } from './request';

export type Role = 'supervisor' | 'agency_legal' | 'officer' | 'panel' | 'discipline' | 'evaluator' | 'admin';

export const ROLES: Role[] = [
  'supervisor',
  'agency_legal',
  'officer',
  'panel',
  'discipline',
  'evaluator',
  'admin',
];

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  locale: string;
}

export interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
}

export const login = (username: string, password: string) =>
  request<SessionInfo>('/api/v1/auth/login', {
    method: 'POST',
    body: { username, password },
    anonymous: true,
  });

export const currentSession = () => request<SessionInfo>('/api/v1/auth/me', { anonymous: true });

export const logout = () => request<void>('/api/v1/auth/logout', { method: 'POST', anonymous: true });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/v1/auth/password', { currentPassword, newPassword });
