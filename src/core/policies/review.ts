// Who does what in a case-file review campaign (案卷评查): the supervision office of the campaign's
// region sets it up, draws, forms the reviewer groups and moves it from stage to stage; an agency's
// legal office scores its own agency's files in the self-check (自查) and reads its agency's results;
// a reviewer (a supervisor, an evaluator — external lawyers and experts —, or another agency's legal
// office) scores the spot-check files assigned to them, never a file of their own agency; the
// administrator reads. Every check is made against the stored campaign and file.
import type { ReviewCampaignActor, ReviewCampaignState, ReviewStage } from '../workflow/review-campaign.js';
import { type Actor, regionCovers, regionPrefix } from './actor.js';

export interface CampaignRef {
  regionCode: string;
  state: ReviewCampaignState;
}

export interface FileRef {
  agencyId: string;
  stage: ReviewStage;
  reviewerIds: readonly string[];
}

/** The office of the campaign's region. */
export const isReviewOffice = (actor: Actor, c: Pick<CampaignRef, 'regionCode'>): boolean =>
  actor.role === 'supervisor' && regionCovers(actor.regionCode, c.regionCode);

export function reviewCampaignActorKinds(actor: Actor, c: CampaignRef): ReviewCampaignActor[] {
  return isReviewOffice(actor, c) ? ['office'] : [];
}

/** May the actor set up a campaign in this region? */
export const canCreateCampaign = (actor: Actor, regionCode: string): boolean =>
  actor.role === 'supervisor' && regionCovers(actor.regionCode, regionCode);

/** What the actor has to do with a campaign beyond its region: in its reviewer pool, files of its agency. */
export interface CampaignReach {
  reviewer: boolean;
  /** The actor's agency has files in the campaign. */
  ownFiles: boolean;
}

export function canReadCampaign(actor: Actor, c: CampaignRef, reach: CampaignReach): boolean {
  if (actor.role === 'admin' || isReviewOffice(actor, c) || reach.reviewer) return true;
  return actor.role === 'agency_legal' && reach.ownFiles && c.state !== 'draft';
}

/** Which campaigns an actor lists (the store turns it into a WHERE clause). */
export interface CampaignVisibility {
  all: boolean;
  /** Campaigns of regions under this prefix. */
  regionPrefix: string | null;
  /** Campaigns whose reviewer pool holds this user. */
  reviewer: string;
  /** Campaigns past the draft with files of this agency. */
  agencyId: string | null;
}

export function campaignVisibility(actor: Actor): CampaignVisibility {
  return {
    all: actor.role === 'admin',
    regionPrefix: actor.role === 'supervisor' ? regionPrefix(actor.regionCode) : null,
    reviewer: actor.id,
    agencyId: actor.role === 'agency_legal' ? actor.agencyId : null,
  };
}

/**
 * May the actor read a file of the campaign: the office and the administrator all of them, an
 * agency's legal office its agency's (both stages), a reviewer the spot-check files assigned to
 * them (not the self-check's score, which would anchor theirs).
 */
export function canReadFile(actor: Actor, c: CampaignRef, f: FileRef): boolean {
  if (actor.role === 'admin' || isReviewOffice(actor, c)) return true;
  if (actor.role === 'agency_legal' && actor.agencyId === f.agencyId && c.state !== 'draft') return true;
  return f.stage === 'spot' && f.reviewerIds.includes(actor.id);
}

/** A double-scored spot-check file: who has scored it, and whether its final score stands. */
export interface DoubleScoring {
  scorers: readonly string[];
  final: boolean;
}

/** Why the actor may not score the file now, or null when they may. */
export function scoreRefusal(
  actor: Actor,
  c: CampaignRef,
  f: FileRef,
  double: DoubleScoring | null = null,
): string | null {
  if (f.stage === 'self') {
    if (actor.role !== 'agency_legal' || actor.agencyId !== f.agencyId)
      return '自查由案卷所属执法部门的法制机构评分';
    if (c.state !== 'self_check') return '评查活动不在自查阶段，不能自查评分';
    return null;
  }
  if (!f.reviewerIds.includes(actor.id)) return '只有分配到该案卷的评查人员可以评分';
  if (actor.agencyId !== null && actor.agencyId === f.agencyId) return '评查人员不得评查本单位的案卷';
  if (c.state !== 'spot_check') return '评查活动不在抽查评查阶段，不能评分';
  if (double?.final) return '该案卷已确定最终分数';
  if (double && double.scorers.length >= 2 && !double.scorers.includes(actor.id))
    return '该案卷已由两名评查人员评分';
  return null;
}

/**
 * Why the actor may not reconcile a double-scored file (合议: the final score with a note), or null:
 * the leader of the file's group, not of its agency, at the spot-check, when the two totals differ
 * by more than the margin and no final score stands yet.
 */
export function reconcileRefusal(
  actor: Actor,
  c: CampaignRef,
  f: FileRef,
  r: { leader: boolean; needed: boolean },
): string | null {
  if (f.stage !== 'spot') return '只有抽查评查的案卷需要合议';
  if (!r.leader) return '只有该案卷所在评查组的组长可以合议确定最终分数';
  if (actor.agencyId !== null && actor.agencyId === f.agencyId) return '评查人员不得评查本单位的案卷';
  if (c.state !== 'spot_check') return '评查活动不在抽查评查阶段，不能合议';
  if (!r.needed) return '该案卷两次评分未超过允许差额或尚未评完，无需合议';
  return null;
}

/** The roles that may sit in a reviewer pool. */
export const REVIEWER_ROLES = ['supervisor', 'evaluator', 'agency_legal'] as const;

/**
 * May a user join the pool of a campaign of `campaignRegion`: a supervisor, an evaluator or an
 * agency's legal office, active, of the campaign's city (or of a region that covers it) — an
 * office draws its reviewers from across the city (交叉评查).
 */
export function reviewerRefusal(
  user: { role: string; regionCode: string; active: boolean },
  campaignRegion: string,
): string | null {
  if (!(REVIEWER_ROLES as readonly string[]).includes(user.role))
    return '评查人员须为执法监督机构、外部评议员或执法部门法制机构的账号';
  if (!user.active) return '账号已停用';
  const sameCity = user.regionCode.slice(0, 4) === campaignRegion.slice(0, 4);
  if (!sameCity && !regionCovers(user.regionCode, campaignRegion)) return '评查人员须为本市（或上级）的人员';
  return null;
}
