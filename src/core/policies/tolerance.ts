// Who may apply for tolerance, and who reads and acts on a tolerance application (容错申请): the
// officer concerned for themself, or the legal office of the case's agency for its officer; the
// supervision office of the case's region accepts and decides; the case's investigators verify.
import type { ToleranceActor, ToleranceApplicantKind } from '../workflow/tolerance.js';
import { type Actor, regionCovers, type Scope } from './actor.js';
import { caseListScope } from './case.js';

export interface ToleranceRef {
  regionCode: string;
  /** The case's agency. */
  agencyId: string;
  officerId: string;
  appliedBy: string;
  /** The case's investigators (user ids) who have not recused. */
  investigators: readonly string[];
}

export function toleranceActorKinds(actor: Actor, t: ToleranceRef): ToleranceActor[] {
  const kinds: ToleranceActor[] = [];
  if (actor.role === 'supervisor' && regionCovers(actor.regionCode, t.regionCode)) kinds.push('office');
  if (t.investigators.includes(actor.id)) kinds.push('investigator');
  if (applicantKindOf(actor, t) !== null || actor.id === t.appliedBy) kinds.push('applicant');
  return kinds;
}

/** As whom the actor may apply for this person of this case, or null: may not. */
export function applicantKindOf(
  actor: Actor,
  t: Pick<ToleranceRef, 'agencyId' | 'officerId'>,
): ToleranceApplicantKind | null {
  if (actor.role === 'officer' && actor.officerId === t.officerId) return 'officer';
  if (actor.role === 'agency_legal' && actor.agencyId === t.agencyId) return 'agency';
  return null;
}

/** May the actor read the application (administrators read all, for oversight)? */
export function canReadTolerance(actor: Actor, t: ToleranceRef): boolean {
  return actor.role === 'admin' || toleranceActorKinds(actor, t).length > 0;
}

/** Which applications appear in an actor's list: as their cases do (region, agency, own). */
export const toleranceListScope = (actor: Actor): Scope => caseListScope(actor);
