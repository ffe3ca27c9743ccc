// Labels and applicability of every code of the determination request (CONTRACTS.md §2), for the
// simulator's pickers, validation ("this conduct does not fit this role") and the explanation.
import type {
  ActCircumstance,
  AdjustmentKind,
  AgencyMeasure,
  AgencyTrigger,
  Cite,
  ConductCode,
  DecisionKind,
  Harm,
  Impact,
  Nature,
  Outcome,
  PersonalCircumstance,
  Referral,
  Role,
  SanctionForm,
  Share,
} from './types.js';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  handler: '承办人',
  reviewer: '审核人',
  approver: '批准人',
  principal: '主要负责人',
  superior: '上级',
  officer: '执法人员',
};

export const DECISION_LABELS: Readonly<Record<DecisionKind, string>> = {
  approval: '经审核、审批作出',
  collective: '经集体讨论决定作出',
  joint: '联合执法、集中执法',
  direct: '执法人员直接作出',
};

/** Roles that execute a superior's decision or order (Art. 18 "行政执法人员"). */
const EXECUTORS: readonly Role[] = ['handler', 'reviewer', 'approver', 'principal', 'officer'];
/**
 * Roles that can be the "上级" of Art. 18: whoever made the decision or gave the order above the
 * officer — a reviewer only when it decided without referring it for approval (15(6); `needs`).
 */
const SUPERIORS: readonly Role[] = ['superior', 'principal', 'approver', 'reviewer'];

export interface ConductInfo {
  label: string;
  cites: readonly Cite[];
  /** Roles this conduct can be recorded for; anything else is a validation error. */
  roles: readonly Role[];
  /** For these roles the conduct needs another conduct of the same person (else bad input). */
  needs?: Partial<Record<Role, ConductCode>>;
}

export const CONDUCT: Readonly<Record<ConductCode, ConductInfo>> = {
  acted_without_approval: {
    label: '未经审核、批准擅自作出',
    cites: [{ article: 15, clause: 1 }],
    roles: ['handler'],
  },
  falsified: {
    label: '弄虚作假、徇私舞弊，致使审核人、批准人未能正确履行职责',
    cites: [{ article: 15, clause: 2 }],
    roles: ['handler'],
  },
  deviated_from_approval: {
    label: '不依照审核、批准内容实施',
    cites: [{ article: 15, clause: 3 }],
    roles: ['handler'],
  },
  negligent_wrong_opinion: {
    label: '因过失提出错误意见',
    cites: [{ article: 15, clause: 4 }],
    roles: ['handler'],
  },
  failed_to_detect: {
    label: '应当发现而没有发现，或者发现后未予纠正',
    cites: [
      { article: 15, clause: 4 },
      { article: 15, clause: 5 },
    ],
    roles: ['reviewer', 'approver'],
  },
  overrode_correct_opinion: {
    label: '不采纳或者改变正确意见',
    cites: [
      { article: 15, clause: 5 },
      { article: 15, clause: 7 },
    ],
    roles: ['reviewer', 'approver'],
  },
  decided_without_referral: {
    label: '未报请批准而直接作出错误决定',
    cites: [{ article: 15, clause: 6 }],
    roles: ['reviewer'],
  },
  decided_without_proposal: {
    label: '未经承办人拟办、审核人审核，直接作出错误决定',
    cites: [{ article: 15, clause: 7 }],
    roles: ['approver'],
  },
  objected_to_order: {
    label: '认为上级的决定、命令有错误，提出了改正或者撤销的意见',
    cites: [{ article: 18 }],
    roles: EXECUTORS,
  },
  ordered_execution: {
    label: '不改变该决定、命令，或者要求立即执行',
    cites: [{ article: 18 }],
    roles: SUPERIORS,
    needs: { reviewer: 'decided_without_referral' },
  },
  order_obviously_illegal: {
    label: '所执行的决定、命令明显违法',
    cites: [{ article: 18 }],
    roles: EXECUTORS,
  },
};

export const PERSONAL_CIRCUMSTANCE_INFO: Readonly<
  Record<PersonalCircumstance, { label: string; cite: Cite }>
> = {
  continuing_uncorrected: { label: '明知过错行为处于继续状态而不积极纠正', cite: { article: 19, clause: 1 } },
  obstructed_investigation: { label: '干扰、阻碍、抗拒调查', cite: { article: 19, clause: 3 } },
  retaliated: {
    label: '对投诉人、检举人、控告人或者责任追究承办人员打击报复',
    cite: { article: 19, clause: 4 },
  },
  remedied_harm_prevented: { label: '积极采取补救措施，防止了危害后果发生', cite: { article: 21 } },
  remedied_harm_occurred: { label: '采取了补救措施，但未能防止危害后果发生', cite: { article: 21 } },
};

export const ACT_CIRCUMSTANCE_INFO: Readonly<Record<ActCircumstance, { label: string; cite: Cite }>> = {
  force_majeure: { label: '因不可抗力产生', cite: { article: 22, clause: 1 } },
  self_defence_or_necessity: { label: '因正当防卫、紧急避险等原因产生', cite: { article: 22, clause: 2 } },
  counterparty_fault: { label: '因行政管理相对人的过错造成', cite: { article: 22, clause: 3 } },
  trivial: { label: '情节、危害后果显著轻微', cite: { article: 23 } },
};

export const AGENCY_TRIGGER_INFO: Readonly<Record<AgencyTrigger, { label: string; cite: Cite }>> = {
  overturned_in_review: {
    label: '具体行政行为在行政复议或者行政诉讼中被变更、撤销或者确认违法',
    cite: { article: 25 },
  },
};

export const SHARE_LABELS: Readonly<Record<Share, string>> = {
  main: '主要作用',
  secondary: '辅助或者次要作用',
};
export const NATURE_LABELS: Readonly<Record<Nature, string>> = {
  minor: '轻微',
  ordinary: '一般',
  egregious: '恶劣',
};
export const HARM_LABELS: Readonly<Record<Harm, string>> = { small: '较小', large: '较大' };
export const IMPACT_LABELS: Readonly<Record<Impact, string>> = { small: '较小', large: '较大' };

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  pursue: '追究',
  may_not_pursue: '可以不予追究',
  not_liable: '不承担责任',
};

export const ADJUSTMENT_LABELS: Readonly<Record<AdjustmentKind, string>> = {
  aggravate: '从重追究',
  lighten_or_reduce: '从轻或者减轻追究',
};

export const SANCTION_FORM_LABELS: Readonly<Record<SanctionForm, string>> = {
  admonition_talk: '诫勉谈话',
  written_self_criticism: '书面检查',
  circulated_criticism: '通报批评',
  off_post_training: '离岗培训',
  removal_from_post: '调离执法岗位',
  suspension_of_qualification: '暂扣行政执法资格',
  disqualification: '取消行政执法资格',
};

export const AGENCY_MEASURE_LABELS: Readonly<Record<AgencyMeasure, string>> = {
  rectify_within_limit: '责令限期整改',
  circulated_criticism: '通报批评',
  award_disqualification: '取消评比先进资格',
};

export const REFERRAL_LABELS: Readonly<Record<Referral, string>> = {
  discipline: '移送任免机关或者监察机关',
  judicial: '移送司法机关',
};
