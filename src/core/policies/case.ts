// Who may see and act on leads, cases and referrals. A case's actor kinds (CaseActor) come
// from the user's role and jurisdiction and from the case itself: its assigned investigators
// and the officers it concerns.
import type { CaseActor } from '../workflow/case.js';
import type { LeadActor } from '../workflow/lead.js';
import { type Actor, inScope, regionCovers, regionPrefix, type Scope } from './actor.js';

export interface CaseRef {
  regionCode: string;
  agencyId: string;
  /** Assigned investigators (user ids) who have not recused. */
  investigators: readonly string[];
  /** Officer ids the case concerns. */
  persons: readonly string[];
  /** The organs (ids) the case was referred to. */
  organs?: readonly string[];
}

export function caseActorKinds(actor: Actor, c: CaseRef): CaseActor[] {
  const kinds: CaseActor[] = [];
  if (actor.role === 'supervisor' && regionCovers(actor.regionCode, c.regionCode)) kinds.push('supervisor');
  if (c.investigators.includes(actor.id)) kinds.push('investigator');
  if (actor.role === 'officer' && actor.officerId && c.persons.includes(actor.officerId))
    kinds.push('subject');
  return kinds;
}

export type CaseView = 'full' | 'organ' | 'agency' | 'subject' | 'none';

/** How much of a case the actor may read. */
export function caseView(actor: Actor, c: CaseRef): CaseView {
  if (actor.role === 'admin') return 'full';
  if (caseActorKinds(actor, c).some((k) => k === 'supervisor' || k === 'investigator')) return 'full';
  if (actor.role === 'officer' && actor.officerId && c.persons.includes(actor.officerId)) return 'subject';
  if (actor.role === 'agency_legal' && actor.agencyId === c.agencyId) return 'agency';
  // A referral organ reads the case file referred to it, and nothing else of it, read-only.
  if (actor.organId && c.organs?.includes(actor.organId)) return 'organ';
  return 'none';
}

/** May this user be assigned to investigate a case of this region (staff of a supervision office covering it)? */
export function canInvestigate(user: Pick<Actor, 'role' | 'regionCode'>, caseRegion: string): boolean {
  return user.role === 'supervisor' && regionCovers(user.regionCode, caseRegion);
}

/** Only the assigned investigators — nobody else, admins included — see a named complainant. */
export function mayReadComplainant(actor: Actor, c: CaseRef): boolean {
  return c.investigators.includes(actor.id);
}

/** Leads are the supervision office's inbox. */
export function leadScope(actor: Actor): Scope {
  if (actor.role === 'admin') return { kind: 'all' };
  if (actor.role === 'supervisor') return { kind: 'region', prefix: regionPrefix(actor.regionCode) };
  return { kind: 'none' };
}

export function canManageLeads(actor: Actor, regionCode: string): boolean {
  return actor.role === 'supervisor' && regionCovers(actor.regionCode, regionCode);
}

/** May the actor read this lead at all (the inbox of their jurisdiction; administrators read all)? */
export function canReadLead(actor: Actor, regionCode: string): boolean {
  return inScope(leadScope(actor), { regionCode });
}

/** The actor kinds of the leads procedure: the supervision office of the lead's region triages. */
export function leadActorKinds(actor: Actor, regionCode: string): LeadActor[] {
  return canManageLeads(actor, regionCode) ? ['office'] : [];
}

/** Which cases appear in an actor's list (refined per row by caseView). */
export function caseListScope(actor: Actor): Scope {
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

/** Referrals to discipline or judicial organs: the discipline role records their outcome. */
export function referralScope(actor: Actor): Scope {
  if (actor.role === 'admin') return { kind: 'all' };
  // A user of a registered organ sees the referrals made to that organ (see referralFilter).
  if (actor.role === 'discipline' || actor.role === 'supervisor') {
    return { kind: 'region', prefix: regionPrefix(actor.regionCode) };
  }
  return { kind: 'none' };
}

/** The organ whose referrals alone an actor sees, if the actor is the user of one. */
export function referralOrgan(actor: Actor): string | null {
  return actor.role === 'discipline' && actor.organId ? actor.organId : null;
}

/** The organ a referral went to records its outcome (a discipline user of no organ: by region). */
export function canRecordReferralOutcome(
  actor: Actor,
  referral: { regionCode: string; organId?: string | null },
): boolean {
  if (actor.role !== 'discipline' || !regionCovers(actor.regionCode, referral.regionCode)) return false;
  const own = referralOrgan(actor);
  return own === null || referral.organId === own;
}

/** May the actor read this referral (the discipline organ and the supervision office of its region)? */
export function canReadReferral(
  actor: Actor,
  referral: { regionCode: string; organId?: string | null },
): boolean {
  const own = referralOrgan(actor);
  if (own !== null && referral.organId !== own) return false;
  return inScope(referralScope(actor), { regionCode: referral.regionCode });
}
