// Accounts under 三权分立 (等保2.0 level 3): three administrators, none of whom can do the
// others' work.
//  - the system administrator ('admin') keeps the registers and the accounts themselves:
//    creates accounts (of non-administrator roles), their names, jurisdiction, links, enabling;
//  - the security administrator assigns roles, unlocks, resets passwords and two-factor
//    enrolment, and sets the password policy;
//  - the audit administrator reads and exports the audit log.
// The administrators' own accounts are the operator's: created, given or relieved of an
// administrator role, reset and deactivated with `wenze user` on the server, never through the API.
import { type Actor, ADMIN_ROLES, type Role } from './actor.js';

export type UserAction =
  | 'read'
  | 'create'
  | 'update_profile'
  | 'set_role'
  | 'unlock'
  | 'reset_password'
  | 'reset_totp'
  | 'password_policy'
  | 'read_audit';

const BY_ROLE: Partial<Record<Role, readonly UserAction[]>> = {
  admin: ['read', 'create', 'update_profile'],
  security_admin: ['read', 'set_role', 'unlock', 'reset_password', 'reset_totp', 'password_policy'],
  audit_admin: ['read_audit'],
};

export function canUser(actor: Actor, action: UserAction): boolean {
  return BY_ROLE[actor.role]?.includes(action) ?? false;
}

/** The roles that may act for an action (for route guards). */
export function rolesFor(action: UserAction): Role[] {
  return (Object.keys(BY_ROLE) as Role[]).filter((r) => BY_ROLE[r]?.includes(action));
}

/**
 * Accounts the system administrator may create: not an administrator's (those are created with
 * `wenze user add` on the server).
 */
export function canCreateWithRole(actor: Actor, role: Role): boolean {
  return canUser(actor, 'create') && !isAdminRole(role);
}

/** Nobody changes their own role, and the security administrator's own locks stay with a peer. */
export function canChangeRoleOf(actor: Actor, targetUserId: string): boolean {
  return canUser(actor, 'set_role') && actor.id !== targetUserId;
}

export const isAdminRole = (role: Role) => ADMIN_ROLES.includes(role);

/** What a change through the API does to an account (the fields of `PATCH /users/:id`). */
export interface AccountChange {
  role?: Role;
  password?: boolean;
  resetTotp?: boolean;
  active?: boolean;
}

/**
 * The parts of a change that only `wenze user` on the server may make (三权分立): granting or
 * removing an administrator role, resetting an administrator's password or second factor, and
 * deactivating an administrator. Through the API no administrator can make themselves or another
 * account an administrator, take over another administrator's account, or shut one out.
 */
export function commandLineOnly(
  account: { role: Role; active: boolean },
  change: AccountChange,
): ('role' | 'password' | 'resetTotp' | 'active')[] {
  const admin = isAdminRole(account.role);
  return [
    ...(change.role !== undefined && change.role !== account.role && (admin || isAdminRole(change.role))
      ? (['role'] as const)
      : []),
    ...(change.password && admin ? (['password'] as const) : []),
    ...(change.resetTotp && admin ? (['resetTotp'] as const) : []),
    ...(change.active === false && account.active && admin ? (['active'] as const) : []),
  ];
}

/** Roles that must sign in with a second factor (TOTP) — 等保2.0 身份鉴别. */
export const TOTP_REQUIRED_ROLES: readonly Role[] = [
  'admin',
  'security_admin',
  'audit_admin',
  'supervisor',
  'panel',
];

export const totpRequired = (role: Role) => TOTP_REQUIRED_ROLES.includes(role);

/** What a session may do until the account is brought up to the policy. */
export type SessionRestriction = 'change_password' | 'enrol_totp';

export interface AccountState {
  role: Role;
  isDemo: boolean;
  totpEnabled: boolean;
  passwordChangedAt: Date;
  /** An administrator chose the password (new account or reset): its owner must change it. */
  mustChangePassword?: boolean;
}

/**
 * A signed-in session of an account whose password has expired may only change it; one of a
 * role that requires two factors and has not enrolled may only enrol. Demo accounts (with a
 * published password) are exempt from both.
 */
export function sessionRestriction(
  account: AccountState,
  passwordMaxAgeDays: number,
  now: Date,
): SessionRestriction | null {
  if (account.isDemo) return null;
  if (account.mustChangePassword) return 'change_password';
  if (passwordExpired(account.passwordChangedAt, passwordMaxAgeDays, now)) return 'change_password';
  if (totpRequired(account.role) && !account.totpEnabled) return 'enrol_totp';
  return null;
}

/** Days before a password must be changed, until the security administrator sets another. */
export const PASSWORD_MAX_AGE_DAYS_DEFAULT = 90;

export function passwordExpired(changedAt: Date, maxAgeDays: number, now: Date): boolean {
  return maxAgeDays > 0 && now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
}
