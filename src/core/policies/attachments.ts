// Who may read a complaint's attachments (they may show the complainant, their papers, their
// voice): on a lead, the supervision office that triages it; on a case, its assigned
// investigators who have not recused and the supervisor of its region. Not the agency, not the
// officers concerned, not the administrators.
import type { Actor } from './actor.js';
import { type CaseRef, canManageLeads, caseActorKinds } from './case.js';

export function mayReadLeadAttachments(actor: Actor, leadRegionCode: string): boolean {
  return canManageLeads(actor, leadRegionCode);
}

export function mayReadCaseAttachments(actor: Actor, c: CaseRef): boolean {
  return caseActorKinds(actor, c).some((k) => k === 'supervisor' || k === 'investigator');
}
