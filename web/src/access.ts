// What the current user may see, derived from the role (DOMAIN.md). Routes and menu items
// name one of these keys; the server still decides on every request.
import type { CurrentUser, Role } from './services/auth';

export interface Access {
  /** The home page with figures of one's jurisdiction. */
  home: boolean;
  /** The register of agencies (read; editing follows the permissions the API returns). */
  agencies: boolean;
  /** The register of officers and their certificates. */
  officers: boolean;
  /** An officer's own record (我的档案). */
  ownRecord: boolean;
  /** User accounts and roles. */
  users: boolean;
  /** The Measures: regulation browser. */
  rulebook: boolean;
  /** The determination simulator (also a training tool). */
  simulator: boolean;
  /** The leads inbox (线索): the supervision office triages and opens cases. */
  leads: boolean;
  /** Accountability cases of one's jurisdiction or agency (the legal office reads only). */
  cases: boolean;
  /** An officer's own cases (我的案件): defence, appeal. */
  myCases: boolean;
  /** Deadlines that are near or past (待办/临期). */
  dueSoon: boolean;
  /** Referrals to discipline and judicial organs (移送). */
  referrals: boolean;
  /** The working-day calendar (administrators edit it). */
  calendar: boolean;
  /** Full-process supervision: the dashboard, enforcement acts and their findings, early warning. */
  supervision: boolean;
  /** One's own account: password and two-factor sign-in. */
  account: boolean;
  /** The audit log (the audit administrator's: 三权分立). */
  auditLog: boolean;
}

export type AccessKey = keyof Access;

const REGISTER_READERS: Role[] = ['admin', 'supervisor', 'agency_legal', 'panel', 'discipline', 'evaluator'];
const OFFICER_READERS: Role[] = ['admin', 'supervisor', 'agency_legal'];

export function accessOf(user: CurrentUser | null): Access {
  const role = user?.role;
  const is = (roles: Role[]) => role !== undefined && roles.includes(role);
  return {
    home: Boolean(role),
    agencies: is(REGISTER_READERS),
    officers: is(OFFICER_READERS),
    ownRecord: role === 'officer' && Boolean(user?.officerId),
    users: is(['admin', 'security_admin']),
    rulebook: Boolean(role),
    simulator: Boolean(role),
    leads: role === 'supervisor',
    cases: is(['supervisor', 'agency_legal', 'admin']),
    myCases: role === 'officer' && Boolean(user?.officerId),
    dueSoon: is(['supervisor', 'officer', 'admin']),
    referrals: is(['discipline', 'supervisor']),
    calendar: is(['admin', 'supervisor']),
    supervision: is(['admin', 'supervisor', 'agency_legal']),
    account: Boolean(role),
    auditLog: role === 'audit_admin',
  };
}

/** Who may change the calendar (the page is read-only for the others). */
export const canEditCalendar = (user: CurrentUser | null) => user?.role === 'admin';
