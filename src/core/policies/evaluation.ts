// Who does what in an external evaluation (外部评议): the supervision office of the campaign's region
// sets it up, issues the codes, moderates the comments and reads every result; an evaluator of the
// city (an expert or a 行政执法监督员 with an account) answers signed in; an agency's legal office reads
// its own agency's results, with the approved comments only; the administrator reads. Nobody but the
// moderators reads a comment before it is approved. Every check is made against the stored campaign.
import type { EvaluationCampaignState } from '../evaluation/form.js';
import { type Actor, regionCovers, regionPrefix } from './actor.js';

export interface EvaluationCampaignRef {
  regionCode: string;
  agencyIds: readonly string[];
  state: EvaluationCampaignState;
}

/** The office of the campaign's region: it moderates. */
export const isEvaluationOffice = (actor: Actor, c: Pick<EvaluationCampaignRef, 'regionCode'>): boolean =>
  actor.role === 'supervisor' && regionCovers(actor.regionCode, c.regionCode);

export const canCreateEvaluation = (actor: Actor, regionCode: string): boolean =>
  actor.role === 'supervisor' && regionCovers(actor.regionCode, regionCode);

/** An evaluator of the campaign's city (or of a region above it). */
const isCityEvaluator = (actor: Actor, c: Pick<EvaluationCampaignRef, 'regionCode'>): boolean =>
  actor.role === 'evaluator' &&
  (actor.regionCode.slice(0, 4) === c.regionCode.slice(0, 4) || regionCovers(actor.regionCode, c.regionCode));

export function canReadEvaluation(actor: Actor, c: EvaluationCampaignRef): boolean {
  if (actor.role === 'admin' || isEvaluationOffice(actor, c) || isCityEvaluator(actor, c)) return true;
  return actor.role === 'agency_legal' && actor.agencyId !== null && c.agencyIds.includes(actor.agencyId);
}

/** Why the actor may not answer signed in, or null when they may. */
export function signedInAnswerRefusal(actor: Actor, c: EvaluationCampaignRef): string | null {
  if (!isCityEvaluator(actor, c)) return '只有本市的外部评议员（专家、行政执法监督员）可以登录评议';
  if (c.state !== 'open') return '评议活动已经结束';
  return null;
}

/** Whose results the actor reads: every agency's, one agency's, or none. */
export function resultsReach(actor: Actor, c: EvaluationCampaignRef): 'all' | { agencyId: string } | null {
  if (actor.role === 'admin' || isEvaluationOffice(actor, c)) return 'all';
  if (actor.role === 'agency_legal' && actor.agencyId !== null && c.agencyIds.includes(actor.agencyId))
    return { agencyId: actor.agencyId };
  return null;
}

/** Comments not yet approved (pending, rejected) are the moderators' alone. */
export const seesUnmoderated = (actor: Actor, c: Pick<EvaluationCampaignRef, 'regionCode'>): boolean =>
  isEvaluationOffice(actor, c);

/** Which campaigns an actor lists (the store turns it into a WHERE clause). */
export interface EvaluationVisibility {
  all: boolean;
  /** Campaigns of regions under this prefix (the office's; an evaluator's city). */
  regionPrefix: string | null;
  /** Campaigns that evaluate this agency. */
  agencyId: string | null;
}

export function evaluationVisibility(actor: Actor): EvaluationVisibility {
  return {
    all: actor.role === 'admin',
    regionPrefix:
      actor.role === 'supervisor'
        ? regionPrefix(actor.regionCode)
        : actor.role === 'evaluator'
          ? regionPrefix(actor.regionCode).slice(0, 4)
          : null,
    agencyId: actor.role === 'agency_legal' ? actor.agencyId : null,
  };
}
