// Who may do what to an agency. One line per rule; jurisdiction in every rule.
import { type Actor, regionCovers, regionPrefix, type Scope } from './actor.js';

export type AgencyAction = 'read' | 'create' | 'update';

interface AgencyRef {
  id: string;
  regionCode: string;
}

export function canAgency(actor: Actor, action: AgencyAction, agency: AgencyRef): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'supervisor':
      return regionCovers(actor.regionCode, agency.regionCode);
    case 'agency_legal':
    case 'officer':
      return action === 'read' && actor.agencyId === agency.id;
    case 'panel':
    case 'discipline':
    case 'evaluator':
      return action === 'read' && regionCovers(actor.regionCode, agency.regionCode);
    case 'security_admin':
    case 'audit_admin':
      return false;
  }
}

export function agencyScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'agency_legal':
    case 'officer':
      return actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : { kind: 'none' };
    case 'security_admin':
    case 'audit_admin':
      return { kind: 'none' };
    default:
      return { kind: 'region', prefix: regionPrefix(actor.regionCode) };
  }
}

/** May the actor create agencies at all (in some region)? */
export function canCreateAgencies(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor';
}
