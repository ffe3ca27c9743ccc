// The session: who is logged in, login, logout, password change.

// The roles, as core defines them (src/core/policies/actor.ts).
import type { Access } from '../../../src/core/policies/access';
import type { Role } from '../../../src/core/policies/actor';
import { api, request } from './request';

export { ROLES, type Role } from '../../../src/core/policies/actor';

export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  /** The referral organ (移送机关) whose user this is, when the server says so. */
  organId?: string | null;
  locale: string;
  /** A demo account: its password is published, so it has no second factor. */
  isDemo: boolean;
  totpEnabled: boolean;
  totpRequired: boolean;
  /** What the user may open in the console, as the server's policies say. */
  access?: Access;
}

/** Until done, the session may only change the password or enrol two-factor sign-in. */
export type Restriction = 'change_password' | 'enrol_totp';

export interface SessionInfo {
  user: CurrentUser;
  csrfToken: string;
  restriction: Restriction | null;
}

export const login = (username: string, password: string, code?: string) =>
  request<SessionInfo>('/api/v1/auth/login', {
    method: 'POST',
    body: code ? { username, password, code } : { username, password },
    anonymous: true,
  });

export const currentSession = () => request<SessionInfo>('/api/v1/auth/me', { anonymous: true });

export const logout = () => request<void>('/api/v1/auth/logout', { method: 'POST', anonymous: true });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api.post<void>('/api/v1/auth/password', { currentPassword, newPassword });

export interface PasswordPolicy {
  minLength: number;
  maxLength: number;
  minClasses: number;
  /** Days before the password must be changed; 0: never. */
  maxAgeDays: number;
}

export const passwordPolicy = () => api.get<PasswordPolicy>('/api/v1/auth/password-policy');

export const totpSetup = () => api.post<{ secret: string; otpauthUri: string }>('/api/v1/auth/totp/setup');

export const totpConfirm = (code: string) => api.post<void>('/api/v1/auth/totp/confirm', { code });
