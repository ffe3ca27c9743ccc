// Who may read and import duty lists (权责清单, issue 13). Reading follows the register of agencies
// (the roles that read it, within their jurisdiction; an agency's legal office its own agency);
// importing is for the supervision office of the agency's region, the system administrator, and an
// agency's legal office for its own agency's list (中办发〔2015〕21号: each department draws up its
// list, the government's office — here the supervision office — checks and publishes them).
import { type Actor, regionCovers, regionPrefix, type Scope } from './actor.js';

interface AgencyRef {
  id: string;
  regionCode: string;
}

/** The agencies whose lists an actor may read. */
export function dutyScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'supervisor':
    case 'panel':
    case 'discipline':
    case 'evaluator':
      return { kind: 'region', prefix: regionPrefix(actor.regionCode) };
    case 'agency_legal':
      return actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

/** May the actor read this agency's list (its items, versions and their differences)? */
export function canReadDuties(actor: Actor, agency: AgencyRef): boolean {
  const scope = dutyScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'region':
      return agency.regionCode.startsWith(scope.prefix);
    case 'agency':
      return agency.id === scope.agencyId;
    default:
      return false;
  }
}

/** May the actor import lists at all (for some agency)? */
export function canImportDuties(actor: Actor): boolean {
  return (
    actor.role === 'admin' ||
    actor.role === 'supervisor' ||
    (actor.role === 'agency_legal' && actor.agencyId !== null)
  );
}

/** Why the actor may not import this agency's list, or null when it may. */
export function dutyImportDenial(actor: Actor, agency: AgencyRef): string | null {
  switch (actor.role) {
    case 'admin':
      return null;
    case 'supervisor':
      return regionCovers(actor.regionCode, agency.regionCode) ? null : `执法机关 ${agency.id} 不在您的辖区`;
    case 'agency_legal':
      return actor.agencyId === agency.id ? null : `只能导入本机关（${actor.agencyId ?? '—'}）的权责清单`;
    default:
      return '当前角色无权导入权责清单';
  }
}

/**
 * The regions whose overlap/gap worklist an actor sees: those whose lists it reads (a supervisor's
 * region, everything for the administrator), but for an agency's legal office its agency's whole
 * region (filtered to what concerns it).
 */
export function dutyReportScope(actor: Actor, agencyRegion: string | null): Scope {
  if (actor.role !== 'agency_legal') return dutyScope(actor);
  return agencyRegion === null ? { kind: 'none' } : { kind: 'region', prefix: agencyRegion };
}
