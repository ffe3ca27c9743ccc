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
    users: role === 'admin',
    rulebook: Boolean(role),
    simulator: Boolean(role),
  };
}
