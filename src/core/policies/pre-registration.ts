// Who may register an exploratory measure (事前备案), who reads the register, and who is which
// actor kind of the procedure (src/core/workflow/pre-registration.ts). An agency's legal office
// registers for its agency (naming one of its officers or none); an officer registers for
// themself, within their agency. The supervision office whose region covers the registration's
// reviews it; the registrant — the agency's legal office, or the officer it names — withdraws or
// amends it. Administrators read every registration and act on none.
import type { PreRegistrationActor } from '../workflow/pre-registration.js';
import { type Actor, inScope, regionCovers, regionPrefix, type Scope } from './actor.js';

/** A registration as the policies read it. */
export interface PreRegistrationRef {
  regionCode: string;
  agencyId: string;
  officerId: string | null;
}

/** Which registrations appear in an actor's register. */
export function preRegistrationScope(actor: Actor): Scope {
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

export function canReadPreRegistration(actor: Actor, r: PreRegistrationRef): boolean {
  return inScope(preRegistrationScope(actor), r);
}

/**
 * May the actor register a measure for this agency, naming this officer (null: the agency's own)?
 * The officer, when named, is one of the agency's (the caller checks the register).
 */
export function canRegister(actor: Actor, agencyId: string, officerId: string | null): boolean {
  if (actor.role === 'agency_legal') return actor.agencyId !== null && actor.agencyId === agencyId;
  if (actor.role === 'officer')
    return (
      actor.officerId !== null &&
      actor.agencyId !== null &&
      actor.agencyId === agencyId &&
      officerId === actor.officerId
    );
  return false;
}

/** Does the actor register measures at all (the console's "new registration")? */
export function mayRegister(actor: Pick<Actor, 'role' | 'agencyId' | 'officerId'>): boolean {
  if (actor.role === 'agency_legal') return actor.agencyId !== null;
  if (actor.role === 'officer') return actor.agencyId !== null && actor.officerId !== null;
  return false;
}

export function preRegistrationActorKinds(actor: Actor, r: PreRegistrationRef): PreRegistrationActor[] {
  const kinds: PreRegistrationActor[] = [];
  if (actor.role === 'supervisor' && regionCovers(actor.regionCode, r.regionCode)) kinds.push('office');
  if (
    (actor.role === 'agency_legal' && actor.agencyId !== null && actor.agencyId === r.agencyId) ||
    (actor.role === 'officer' && actor.officerId !== null && actor.officerId === r.officerId)
  )
    kinds.push('registrant');
  return kinds;
}
