// Who may read and keep an agency's posts (岗位, issue 13) and who held them. Posts break the
// agency's duty list down to posts (中办发〔2015〕21号), so they are read by whoever reads the list
// (policies/duties.ts) and kept by those who keep the list: the supervision office of the agency's
// region, the system administrator, and the agency's own legal office.
import type { Actor } from './actor.js';
import { canReadDuties, dutyImportDenial } from './duties.js';

interface AgencyRef {
  id: string;
  regionCode: string;
}

/** May the actor read this agency's posts and their holders? */
export const canReadPosts = (actor: Actor, agency: AgencyRef): boolean => canReadDuties(actor, agency);

/** May the actor keep posts for some agency (the console's 新增 button)? */
export function canManagePosts(actor: Pick<Actor, 'role' | 'agencyId'>): boolean {
  return (
    actor.role === 'admin' ||
    actor.role === 'supervisor' ||
    (actor.role === 'agency_legal' && actor.agencyId !== null)
  );
}

/** Why the actor may not keep this agency's posts, or null when it may. */
export function postDenial(actor: Actor, agency: AgencyRef): string | null {
  if (!canManagePosts(actor)) return '当前角色无权维护岗位';
  if (actor.role === 'agency_legal' && actor.agencyId !== agency.id) {
    return `只能维护本机关（${actor.agencyId ?? '—'}）的岗位`;
  }
  return dutyImportDenial(actor, agency) === null ? null : `执法机关 ${agency.id} 不在您的辖区`;
}
