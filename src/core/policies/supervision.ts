// Full-process supervision: who sees which enforcement acts and findings, who may import acts, and
// whose early-warning record is visible. A supervisor works on its region, an agency's legal office
// on its agency; officers see only their own early-warning record.
import { type Actor, regionCovers, regionPrefix, type Scope } from './actor.js';

/** Acts, findings and the supervision figures an actor may read. */
export function actScope(actor: Actor): Scope {
  switch (actor.role) {
    case 'admin':
      return { kind: 'all' };
    case 'supervisor':
      return { kind: 'region', prefix: regionPrefix(actor.regionCode) };
    case 'agency_legal':
      return actor.agencyId ? { kind: 'agency', agencyId: actor.agencyId } : { kind: 'none' };
    default:
      return { kind: 'none' };
  }
}

export function canReadAct(actor: Actor, act: { regionCode: string; agencyId: string }): boolean {
  switch (actor.role) {
    case 'admin':
      return true;
    case 'supervisor':
      return regionCovers(actor.regionCode, act.regionCode);
    case 'agency_legal':
      return actor.agencyId === act.agencyId;
    default:
      return false;
  }
}

/** May the actor import acts at all? */
export function canImportActs(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'supervisor' || actor.role === 'agency_legal';
}

/**
 * Why the actor may not import an act of this agency (in this region), or null when it may:
 * a supervisor acts of agencies in its region, an agency's legal office only its agency's acts.
 */
export function importDenial(actor: Actor, agencyId: string, regionCode: string): string | null {
  switch (actor.role) {
    case 'admin':
      return null;
    case 'supervisor':
      return regionCovers(actor.regionCode, regionCode) ? null : `执法机关 ${agencyId} 不在您的辖区`;
    case 'agency_legal':
      return actor.agencyId === agencyId ? null : `只能导入本机关（${actor.agencyId ?? '—'}）的执法行为`;
    default:
      return '当前角色无权导入执法行为';
  }
}

/** Whose early-warning records an actor may read (officers: by region, agency or self). */
export function earlyWarningScope(actor: Actor): Scope {
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

/** A full detection run over every act of every jurisdiction: the system administrator's. */
export function canRunFullDetection(actor: Actor): boolean {
  return actor.role === 'admin';
}
