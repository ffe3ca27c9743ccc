// 事前公开 (issue 15, "before enforcement"): what the public portal shows of an agency before it acts
// — who it is, its duty list in force (主体、职责、权限、依据、程序、办结时限), its enforcement officers
// with a valid certificate, and the relief channels against its acts. 国办发〔2018〕118号
// 《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》: 事前公开
// 行政执法主体、人员、职责、权限、依据、程序、救济渠道和随机抽查事项清单 (PRACTICE.md (f)).
//
// The relief channels are data with their legal source. Numbers are as enacted at the time of writing
// (行政复议法 as revised 2023-09-01, in force 2024-01-01; 行政诉讼法 as amended 2017); check them
// against the official texts before a jurisdiction relies on them.
import { type DutyRole, POWER_TYPE_LABELS, POWER_TYPES, type PowerType } from '../duties/columns.js';
import { scrubText } from '../privacy/mask.js';

/** The kinds of enforcement bodies (the register's agencies.kind). */
export type AgencyKind = 'administrative' | 'authorized' | 'entrusted';

export const AGENCY_KIND_LABELS: Readonly<Record<AgencyKind, string>> = {
  administrative: '行政机关',
  authorized: '法律法规授权组织',
  entrusted: '受委托组织',
};

// --- the duty list's summary ----------------------------------------------------------------------

export interface DutyTypeCount {
  type: PowerType;
  label: string;
  count: number;
}

export interface DutySummary {
  total: number;
  /** Each type the list has, in the order of the power types (行政许可, 行政处罚, …). */
  byType: DutyTypeCount[];
}

/** The count of an agency's items in force by type, as the portal lists it. */
export function dutySummary(counts: readonly { type: PowerType; count: number }[]): DutySummary {
  const by = new Map<PowerType, number>();
  for (const c of counts) by.set(c.type, (by.get(c.type) ?? 0) + c.count);
  const byType = POWER_TYPES.filter((t) => (by.get(t) ?? 0) > 0).map((t) => ({
    type: t,
    label: POWER_TYPE_LABELS[t],
    count: by.get(t)!,
  }));
  return { total: byType.reduce((n, t) => n + t.count, 0), byType };
}

// --- an item of the list as published ----------------------------------------------------------------

/** An item of the duty list as the public reads it: official texts, any personal number hidden. */
export interface PublicDutyItem {
  code: string;
  /** 职责: 名称 and 类型. */
  name: string;
  type: PowerType;
  typeLabel: string;
  /** 权限: 主办 or 协办, and the unit that carries it out (承办机构). */
  role: DutyRole;
  unit: string | null;
  /** 依据. */
  basis: string | null;
  /** 程序: the 责任事项 by stage. */
  procedure: string[];
  /** 办结时限. */
  timeLimit: string | null;
  effectiveFrom: string;
}

const scrub = (s: string | null) => (s === null ? null : scrubText(s));

export function publicDutyItem(i: {
  code: string;
  name: string;
  type: PowerType;
  role: DutyRole;
  unit: string | null;
  basis: string | null;
  duties: readonly string[];
  timeLimit: string | null;
  effectiveFrom: string;
}): PublicDutyItem {
  return {
    code: i.code,
    name: scrubText(i.name),
    type: i.type,
    typeLabel: POWER_TYPE_LABELS[i.type],
    role: i.role,
    unit: scrub(i.unit),
    basis: scrub(i.basis),
    procedure: i.duties.map(scrubText),
    timeLimit: scrub(i.timeLimit),
    effectiveFrom: i.effectiveFrom,
  };
}

// --- relief channels ----------------------------------------------------------------------------------

export const RELIEF_CHANNEL_KINDS = ['reconsideration', 'litigation', 'complaint'] as const;
export type ReliefChannelKind = (typeof RELIEF_CHANNEL_KINDS)[number];

export interface LegalSource {
  /** The instrument, by its title (and number for a document). */
  law: string;
  /** The article(s), as enacted; absent when the whole instrument is meant. */
  article?: string;
}

export interface ReliefChannel {
  kind: ReliefChannelKind;
  title: string;
  /** Where, or to whom, for this agency. */
  where: string;
  /** Within what time. */
  period: string;
  /** What else one needs to know. */
  notes: string[];
  sources: LegalSource[];
}

export interface ReliefAgency {
  name: string;
  kind: AgencyKind;
  /** The name of the agency's region (甲县, A市): its people's government hears reconsideration. */
  regionName: string;
  /** For an entrusted organisation: the agency that entrusted it (its parent in the register). */
  entrustedBy?: string | null;
}

const REVIEW_LAW = '《中华人民共和国行政复议法》（2023年修订）';
const LITIGATION_LAW = '《中华人民共和国行政诉讼法》';

/**
 * The relief channels against an agency's acts: administrative reconsideration (行政复议), litigation
 * (行政诉讼), and complaints about its officers' conduct (投诉举报).
 */
export function reliefChannels(agency: ReliefAgency): ReliefChannel[] {
  const government = `${agency.regionName}人民政府`;
  const entrusted = agency.kind === 'entrusted';
  const respondent = entrusted && agency.entrustedBy ? agency.entrustedBy : agency.name;
  return [
    {
      kind: 'reconsideration',
      title: '申请行政复议',
      where: `向${government}申请行政复议（被申请人为${respondent}）`,
      period: '自知道或者应当知道该行政行为之日起六十日内提出；法律规定的申请期限超过六十日的除外',
      notes: [
        '县级以上地方各级人民政府管辖对本级人民政府工作部门作出的行政行为不服的行政复议案件。',
        '对海关、金融、外汇管理等实行垂直领导的行政机关、税务和国家安全机关的行政行为不服的，向上级主管部门申请行政复议。',
        ...(entrusted ? ['行政机关委托的组织作出的行政行为，委托的行政机关是被申请人。'] : []),
      ],
      sources: [
        { law: REVIEW_LAW, article: '第十九条' },
        { law: REVIEW_LAW, article: '第二十条第一款' },
        { law: REVIEW_LAW, article: '第二十四条' },
        { law: REVIEW_LAW, article: '第二十七条' },
      ],
    },
    {
      kind: 'litigation',
      title: '提起行政诉讼',
      where: `向${respondent}所在地有管辖权的人民法院提起行政诉讼；经复议的，也可以向复议机关所在地人民法院提起`,
      period:
        '直接起诉的，自知道或者应当知道作出行政行为之日起六个月内；不服复议决定的，自收到复议决定书之日起十五日内（法律另有规定的除外）',
      notes: [
        '可以先申请行政复议，对复议决定不服的再提起诉讼；也可以直接向人民法院提起诉讼（法律、法规规定应当先申请复议的除外）。',
      ],
      sources: [
        { law: LITIGATION_LAW, article: '第十八条第一款' },
        { law: LITIGATION_LAW, article: '第四十四条' },
        { law: LITIGATION_LAW, article: '第四十五条' },
        { law: LITIGATION_LAW, article: '第四十六条第一款' },
      ],
    },
    {
      kind: 'complaint',
      title: '投诉、举报',
      where: `对${agency.name}及其执法人员的违法或者不当执法行为，可以在本门户“我要投诉”提出投诉、举报（可以匿名），也可以拨打 12345 政务服务便民热线`,
      period: '凭回执号随时查询办理进度；对不予立案的决定可以申请复查一次',
      notes: [
        '投诉、举报由行政执法监督机构受理，在规定期限内决定是否受理；不予受理的，告知具名投诉人并说明理由。',
      ],
      sources: [
        { law: '《贵州省行政执法过错责任追究办法》', article: '第四章 追究程序' },
        { law: '《国务院办公厅关于进一步优化地方政务服务便民热线的指导意见》（国办发〔2020〕53号）' },
      ],
    },
  ];
}
