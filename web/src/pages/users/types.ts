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
}

/** Roles tied to one agency (and, for officers, to their record). */
export const AGENCY_ROLES: Role[] = ['agency_legal', 'officer'];

export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;
