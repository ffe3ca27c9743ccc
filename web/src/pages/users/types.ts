import type { Role } from '../../services/auth';
import type { Page } from '../../services/request';

export type { Role };

export interface UserAccount {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId: string | null;
  officerId: string | null;
  locale: string;
  active: boolean;
  locked: boolean;
  passwordChangedAt: string;
  version: number;
  createdAt: string;
  /** A demo account (published password). */
  isDemo: boolean;
  totpEnabled: boolean;
}

export type UserPage = Page<UserAccount>;

export interface UserQuery {
  q?: string;
  role?: Role;
  page: number;
  pageSize: number;
}

export interface UserInput {
  username?: string;
  password?: string;
  displayName: string;
  role: Role;
  regionCode: string;
  agencyId?: string | null;
  officerId?: string | null;
}

export interface UserPatch extends Partial<UserInput> {
  active?: boolean;
  unlock?: boolean;
  /** The security administrator clears the account's second factor (a lost phone). */
  resetTotp?: boolean;
}

/** Roles the system administrator may not grant (三权分立: the security administrator does). */
export { ADMIN_ROLES } from '../../../../src/core/policies/actor';

/** Roles tied to one agency (and, for officers, to their record). */
export const AGENCY_ROLES: Role[] = ['agency_legal', 'officer'];

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
