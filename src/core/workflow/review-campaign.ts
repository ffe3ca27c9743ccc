// A case-file review campaign (行政执法案卷评查, issue 14) as a procedure of the engine. The supervision
// office of a region sets it up (常规、专项或重点评查: agencies, kinds of act, period, size, seed), draws
// the files (stratified by agency, reproducible from the recorded seed: src/core/review/sample.ts),
// lets the agencies' legal offices score their own files (自查), then its reviewers score the same
// files (抽查评查, never a reviewer of the file's own agency), and closes it; the two grades of each
// file are compared per file and per agency (src/core/review/results.ts). A campaign without a
// self-check goes from the draw straight to the spot-check. With double scoring, two reviewers score
// each spot-check file; two totals further apart than the rubric's margin wait for the group leader's
// final score (合议), and the campaign does not close before.
import { defineProcedure, type Problems, problem } from './engine.js';

export const REVIEW_CAMPAIGN_KINDS = ['routine', 'special', 'key'] as const;
export type ReviewCampaignKind = (typeof REVIEW_CAMPAIGN_KINDS)[number];
export const REVIEW_CAMPAIGN_KIND_LABELS: Readonly<Record<ReviewCampaignKind, string>> = {
  routine: '常规评查',
  special: '专项评查',
  key: '重点评查',
};

export const REVIEW_CAMPAIGN_STATES = ['draft', 'sampled', 'self_check', 'spot_check', 'closed'] as const;
export type ReviewCampaignState = (typeof REVIEW_CAMPAIGN_STATES)[number];
export const REVIEW_CAMPAIGN_STATE_LABELS: Readonly<Record<ReviewCampaignState, string>> = {
  draft: '待抽样',
  sampled: '已抽样',
  self_check: '自查阶段',
  spot_check: '抽查评查阶段',
  closed: '已结束',
};

/** Each drawn file is scored twice: by its own agency (自查) and by the office's reviewers (抽查). */
export const REVIEW_STAGES = ['self', 'spot'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];
export const REVIEW_STAGE_LABELS: Readonly<Record<ReviewStage, string>> = {
  self: '自查',
  spot: '抽查评查',
};

/** The state in which each stage's files are scored. */
export const STAGE_STATE: Readonly<Record<ReviewStage, ReviewCampaignState>> = {
  self: 'self_check',
  spot: 'spot_check',
};

/** Who moves a campaign: the supervision office of its region. */
export type ReviewCampaignActor = 'office';

export interface ReviewCampaignSnapshot {
  state: ReviewCampaignState;
  /** Acts drawn. */
  files: number;
  /** Spot-check files without a reviewer. */
  unassigned: number;
  /** Spot-check files not yet scored. */
  unscored: number;
  /** Double scoring: spot-check files with fewer than two reviewers (0 when the campaign scores once). */
  understaffed: number;
  /** Double scoring: files whose two totals differ by more than the margin, not yet reconciled by the leader. */
  unreconciled: number;
}

export interface ReviewCampaignInputs {
  draw: Record<string, never>;
  start_self_check: Record<string, never>;
  start_spot_check: Record<string, never>;
  close: Record<string, never>;
}
export type ReviewCampaignAction = keyof ReviewCampaignInputs;

const someDrawn = (s: ReviewCampaignSnapshot): Problems =>
  s.files > 0 ? [] : problem('files', '未抽取到案卷');
const allAssigned = (s: ReviewCampaignSnapshot): Problems =>
  s.unassigned === 0 ? [] : problem('reviewers', `尚有 ${s.unassigned} 件案卷未分配评查人员`);
const twoEach = (s: ReviewCampaignSnapshot): Problems =>
  s.understaffed === 0
    ? []
    : problem('reviewers', `双人评分：尚有 ${s.understaffed} 件案卷的评查人员不足两名`);
const allReconciled = (s: ReviewCampaignSnapshot): Problems =>
  s.unreconciled === 0
    ? []
    : problem('files', `尚有 ${s.unreconciled} 件案卷两次评分相差超过允许差额，待评查组组长合议确定`);
const allScored = (s: ReviewCampaignSnapshot): Problems =>
  s.unscored === 0 ? [] : problem('files', `尚有 ${s.unscored} 件案卷未完成抽查评分`);

export const REVIEW_CAMPAIGN_PROCEDURE = defineProcedure<
  ReviewCampaignState,
  ReviewCampaignSnapshot,
  ReviewCampaignInputs,
  ReviewCampaignActor,
  unknown
>({
  name: 'review_campaign',
  noun: '评查活动',
  states: REVIEW_CAMPAIGN_STATES,
  stateLabels: REVIEW_CAMPAIGN_STATE_LABELS,
  actions: {
    draw: { from: ['draft'], to: 'sampled', by: ['office'], label: '抽取案卷', guards: [] },
    start_self_check: {
      from: ['sampled'],
      to: 'self_check',
      by: ['office'],
      label: '启动自查',
      pre: [someDrawn],
      guards: [],
    },
    start_spot_check: {
      from: ['sampled', 'self_check'],
      to: 'spot_check',
      by: ['office'],
      label: '启动抽查评查',
      pre: [someDrawn, allAssigned, twoEach],
      guards: [],
    },
    close: {
      from: ['spot_check'],
      to: 'closed',
      by: ['office'],
      label: '结束评查',
      pre: [allReconciled, allScored],
      guards: [],
    },
  },
});
