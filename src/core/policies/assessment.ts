// Who reads the annual assessment (年度考核): the supervision office of the region or above it, and
// the administrator, read every agency and officer; an agency's legal office reads its own agency and
// officers among the region's rankings (no other subject's figures). Others may not.
import { type Actor, regionCovers } from './actor.js';

export type AssessmentView = { kind: 'region' } | { kind: 'agency'; agencyId: string };

/** What of the region's assessment the actor reads; null: nothing (403). */
export function assessmentView(actor: Actor, regionCode: string): AssessmentView | null {
  if (actor.role === 'admin') return { kind: 'region' };
  if (actor.role === 'supervisor' && regionCovers(actor.regionCode, regionCode)) return { kind: 'region' };
  if (actor.role === 'agency_legal' && actor.agencyId && actor.regionCode === regionCode)
    return { kind: 'agency', agencyId: actor.agencyId };
  return null;
}

/** Does the view reach a subject (an agency, or an officer of `agencyId`)? */
export function viewReaches(view: AssessmentView, subject: { id: string; agency: string | null }): boolean {
  return view.kind === 'region' || subject.id === view.agencyId || subject.agency === view.agencyId;
}
