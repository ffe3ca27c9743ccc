// Who files, reads and acts on an appeal (申诉) before the relief panel: the officer concerned
// files and may withdraw; the supervision office of the case's region accepts, draws the panel and
// schedules hearings — but no one who took part in the decision appealed against (the engine's
// guard says so); the panel's members vote and its chair runs the sessions; the agency's legal
// office reads its officers' appeals, and files and withdraws the agency's own appeal against the
// Art. 25 measures imposed on it (issue 12). How members voted is never shown before the tally, and never
// to anyone but in the audit chain.
import type { AppealActor, AppellantKind } from '../workflow/appeal.js';
import { type Actor, regionCovers, type Scope } from './actor.js';
import { caseListScope } from './case.js';

export interface AppealRef {
  regionCode: string;
  /** The case's agency. */
  agencyId: string;
  /** Who appeals: the officer (officerId), or the case's agency. */
  appellantKind: AppellantKind;
  officerId: string | null;
  /** The user accounts of the members seated on the panel, and of its chair. */
  panelUsers: readonly string[];
  chairUser: string | null;
}

export function appealActorKinds(actor: Actor, a: AppealRef): AppealActor[] {
  const kinds: AppealActor[] = [];
  if (actor.role === 'supervisor' && regionCovers(actor.regionCode, a.regionCode)) kinds.push('office');
  if (actor.role === 'panel' && a.panelUsers.includes(actor.id)) kinds.push('member');
  if (actor.role === 'panel' && a.chairUser === actor.id) kinds.push('chair');
  if (a.appellantKind === 'officer' && actor.role === 'officer' && actor.officerId === a.officerId)
    kinds.push('appellant');
  // The agency appeals through its legal office (法制机构).
  if (a.appellantKind === 'agency' && actor.role === 'agency_legal' && actor.agencyId === a.agencyId)
    kinds.push('appellant');
  return kinds;
}

/** May the actor read the appeal (administrators read all; the agency's legal office its officers')? */
export function canReadAppeal(actor: Actor, a: AppealRef): boolean {
  if (actor.role === 'admin') return true;
  if (actor.role === 'agency_legal' && actor.agencyId === a.agencyId) return true;
  return appealActorKinds(actor, a).length > 0;
}

/** Which appeals appear in an actor's list: as their cases do; a panel member's, those they sit on. */
export const appealListScope = (actor: Actor): Scope => caseListScope(actor);
