// Who sets, reports and re-checks correction measures (纠错): the supervision office of the region
// sets and re-checks them; the legal office of the agency concerned reports them done; the officer
// a measure names reads it.
import type { CorrectionActor } from '../workflow/correction.js';
import { type Actor, regionCovers } from './actor.js';

export interface CorrectionRef {
  regionCode: string;
  agencyId: string;
  officerId: string | null;
}

export function correctionActorKinds(actor: Actor, m: CorrectionRef): CorrectionActor[] {
  const kinds: CorrectionActor[] = [];
  if (actor.role === 'supervisor' && regionCovers(actor.regionCode, m.regionCode)) kinds.push('office');
  if (actor.role === 'agency_legal' && actor.agencyId === m.agencyId) kinds.push('agency');
  return kinds;
}

export function canReadCorrection(actor: Actor, m: CorrectionRef): boolean {
  return (
    actor.role === 'admin' ||
    correctionActorKinds(actor, m).length > 0 ||
    (actor.role === 'officer' && actor.officerId !== null && actor.officerId === m.officerId)
  );
}

/** May the actor set a measure in this region (the supervision office covering it)? */
export const canSetCorrection = (actor: Actor, regionCode: string): boolean =>
  actor.role === 'supervisor' && regionCovers(actor.regionCode, regionCode);
