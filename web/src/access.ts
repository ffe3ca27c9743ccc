// What the current user may open: the access map the server sends with the session
// (src/core/policies/access.ts). Routes and menu items name one of its keys; the server still
// decides on every request.
import {
  type Access,
  type AccessKey,
  accessOf as accessOfRole,
  canEditCalendar,
} from '../../src/core/policies/access';
import type { CurrentUser } from './services/auth';

export type { Access, AccessKey };
export { canEditCalendar };

export function accessOf(user: CurrentUser | null): Access {
  return user?.access ?? accessOfRole(user);
}
