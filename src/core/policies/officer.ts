// Who may do what to an officer's record. An officer sees only their own record;
// an agency's legal office its agency; a supervisor its region.
import { type Actor, regionCovers, regionPrefix, type Scope } from './actor.js';

export type OfficerAction = 'read' | 'create' | 'update';

interface OfficerRef {
  id: string;
  regionCode: string;
  agencyId: string;
}

export function canOfficer(actor: Actor, action: OfficerAction, officer: OfficerRef): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'supervisor':
      return regionCovers(actor.regionCode, officer.regionCode);
    case 'agency_legal':
      return actor.agencyId === officer.agencyId;
    case 'officer':
      return action === 'read' && actor.officerId === officer.id;
    default:
      return false;
  }
}

export function officerScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'supervisor':
      return { kind: 'region', prefix: regionPrefix(actor.regionCode) };
    case 'agency_legal':
      return actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : { kind: 'none' };
    case 'officer':
      return actor.officerId ? { kind: 'officer', officerId: actor.officerId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** May the actor add officers to this agency? */
export function canAddOfficerTo(actor: Actor, agency: { id: string; regionCode: string }): boolean {
  return canOfficer(actor, 'create', { id: '', regionCode: agency.regionCode, agencyId: agency.id });
}

/** May the actor add officers at all (to some agency of their scope)? The register's "新增" button. */
export function canCreateOfficers(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor' || actor.role === 'agency_legal';
}
