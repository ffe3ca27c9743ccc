// The leads inbox (线索) as a procedure of the engine: a lead comes in new (a complaint, a
// detection finding, a referral entered by hand) and the supervision office of its region
// triages it once: dismisses it with a reason (told to a named complainant through the tracking
// page), merges it into another lead of the same city, or opens a case from it (立案登记). A
// complainant told 不予立案 may ask once, from the tracking page, for it to be re-examined (复查):
// the lead comes back to the inbox, and someone other than who dismissed it triages it again.
import { defineProcedure, type Problems, problem } from './engine.js';

export const LEAD_STATUSES = ['new', 'dismissed', 'merged', 'opened'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_STATUS_LABELS: Record<LeadStatus, string> = {
  new: '待处理',
  dismissed: '不予立案',
  merged: '已合并',
  opened: '已立案登记',
};

/** Where a lead (and the case opened from it) came from. */
export const LEAD_SOURCES = [
  'complaint',
  'detection',
  'superior',
  'congress',
  'media',
  'case_review',
  'reconsideration',
  'litigation',
  'other',
] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

export const LEAD_SOURCE_LABELS: Record<LeadSource, string> = {
  complaint: '群众投诉',
  detection: '执法监督发现',
  superior: '上级交办',
  congress: '人大转办',
  media: '媒体曝光',
  case_review: '案卷评查',
  reconsideration: '行政复议纠错',
  litigation: '行政诉讼纠错',
  other: '其他',
};

/** The sources a supervisor enters by hand (complaints and detections arrive by themselves). */
export const MANUAL_LEAD_SOURCES = LEAD_SOURCES.filter(
  (s): s is Exclude<LeadSource, 'complaint' | 'detection'> => s !== 'complaint' && s !== 'detection',
);

/** Who triages: the supervision office of the lead's region; the complainant asks for 复查. */
export type LeadActor = 'office' | 'complainant';

export interface LeadSnapshot {
  state: LeadStatus;
  id: string;
  /** The region's city prefix (4 digits): merges stay within one city. */
  city: string;
  /** Who dismissed it (user id), if anyone. */
  dismissedBy: string | null;
  /** The complainant asked for 复查 (once). */
  reexamination: boolean;
}

/** The snapshot of a stored lead (its status, region, who dismissed it, whether 复查 was asked). */
export const leadSnapshotOf = (l: {
  status: LeadStatus;
  id: string;
  regionCode: string;
  dismissedBy: string | null;
  reexamination: unknown;
}): LeadSnapshot => ({
  state: l.status,
  id: l.id,
  city: l.regionCode.slice(0, 4),
  dismissedBy: l.dismissedBy,
  reexamination: l.reexamination !== null && l.reexamination !== undefined,
});

export interface LeadContext {
  /** The acting user (null: the complainant on the public channel). */
  actorId: string | null;
}

/** The lead a merge goes into, as stored (null: there is none). */
export interface MergeTarget {
  id: string;
  city: string;
  status: LeadStatus;
}

export interface LeadInputs {
  dismiss: { reason: string };
  merge: { into: string; target: MergeTarget | null };
  open: { agencyId?: string; subject?: string; summary?: string };
  request_reexamination: { grounds: string };
}
export type LeadAction = keyof LeadInputs;

const mergeTarget = (s: LeadSnapshot, i: LeadInputs['merge']): Problems =>
  !i.target ||
  i.target.id === s.id ||
  i.target.city !== s.city ||
  i.target.status === 'merged' ||
  i.target.status === 'dismissed'
    ? problem('into', '须为同一辖区内未合并、未驳回的另一条线索')
    : [];

/** 复查: whoever dismissed the lead does not triage it again. */
const notWhoDismissed = (s: LeadSnapshot, ctx: LeadContext): Problems =>
  s.reexamination && s.dismissedBy !== null && s.dismissedBy === ctx.actorId
    ? problem('actor', '复查须由原作出不予立案决定以外的人员办理')
    : [];

export const LEAD_PROCEDURE = defineProcedure<LeadStatus, LeadSnapshot, LeadInputs, LeadActor, LeadContext>({
  name: 'lead',
  noun: '线索',
  states: LEAD_STATUSES,
  stateLabels: LEAD_STATUS_LABELS,
  actions: {
    dismiss: {
      from: ['new'],
      to: 'dismissed',
      by: ['office'],
      label: '不予立案',
      pre: [notWhoDismissed],
      guards: [(_s, i) => (i.reason.trim().length >= 4 ? [] : problem('reason', '请写明理由（至少 4 字）'))],
      audit: (i) => ({ reason: i.reason }),
    },
    merge: {
      from: ['new'],
      to: 'merged',
      by: ['office'],
      label: '合并',
      pre: [notWhoDismissed],
      guards: [mergeTarget],
      audit: (i) => ({ into: i.into }),
    },
    open: {
      from: ['new'],
      to: 'opened',
      by: ['office'],
      label: '立案登记',
      pre: [notWhoDismissed],
      guards: [],
    },
    request_reexamination: {
      from: ['dismissed'],
      to: 'new',
      by: ['complainant'],
      label: '申请复查',
      pre: [(s) => (s.reexamination ? problem('reexamination', '已申请过复查，复查只能申请一次') : [])],
      guards: [
        (_s, i) =>
          i.grounds.trim().length >= 10 ? [] : problem('grounds', '请写明申请复查的理由（至少 10 字）'),
      ],
      audit: (i) => ({ grounds: i.grounds }),
    },
  },
});
