// Posts (岗位, issue 13): the duty list broken down to posts and persons (责任到人). A post of an
// agency answers for some stages (环节) of its responsibility items (责任事项) — for all of the
// agency's items, or for the items of some 职权编码 only — and officers hold posts from one day to
// another. From these, who answers for a fault: the stage where the fault arose (a catalogue item or
// a detection rule mapped to a stage here, once), the posts answerable for that stage (and for the
// duty item of the act's matter, when posts are limited to codes), and the officers who held those
// posts on the act's day. Only a proposal: the investigator confirms or changes it.
//
// Sources: 中办发〔2015〕21号 (权力清单 with 责任清单, each power's 责任事项 by stage; the powers
// broken down to posts, PRACTICE.md (c)); the Measures Art. 15 (承办人、审核人、批准人) for the
// role a post's holder takes in the determination request.
import type { RuleName } from '../detect/rule.js';
import type { Role } from '../rulebook/types.js';
import { DUTY_STAGES, type DutyStage } from './columns.js';
import { dutyStage } from './item.js';

// --- where a fault arises ---------------------------------------------------------------------------

/**
 * The stage where each catalogue item's fault arises (Measures ch. 2), or null where the item names
 * no stage (the "其他…" items, or conduct of the agency as a whole rather than of one step of a
 * matter). The category says which power the item is about; the item's words say the step:
 * 受理/立案 → filing, 调查/检查 → investigation, 告知/听证/公示 → notification, 决定/期限 → decision,
 * 收费/收缴/保管/执行 → execution. Hearings are organised under the 告知 stage of the lists (告知责任:
 * "告知…陈述申辩、听证权利"; 行政处罚法第六十三、六十四条, 行政许可法第四十七条).
 */
export const CATALOGUE_STAGES: Readonly<Record<string, DutyStage | null>> = {
  // 行政许可 (行政许可法 第三章 实施程序: 申请与受理, 审查与决定, 期限, 听证).
  'licensing.01': 'filing', // 不予受理 (第三十二条)
  'licensing.02': 'notification', // 不公示、不公开 (第三十条)
  'licensing.03': 'notification', // 未履行告知义务
  'licensing.04': 'decision', // 不说明理由: the written decision states them (第三十二条、第三十八条)
  'licensing.05': 'notification', // 应听证不听证 (第四十六、四十七条)
  'licensing.06': 'decision', // 准予不符合条件者
  'licensing.07': 'decision', // 不予许可符合条件者、超期不决定 (第四十二条)
  'licensing.08': 'decision', // 未经招标、拍卖、考试作出决定 (第五十三、五十四条)
  'licensing.09': null, // 违法收费: no stage of the list
  'licensing.10': 'decision', // 不办理、延迟办理、不移交
  'licensing.11': 'filing', // 不出具书面凭证 (第三十二条: 受理或不予受理的凭证)
  'licensing.12': null, // 违法委托: the agency's, not a step of a matter
  'licensing.13': null, // 其他
  // 行政征收、征用.
  'levy.01': 'decision', // 无依据、无职权征收
  'levy.02': 'decision', // 擅自设立项目、改变范围标准
  'levy.03': null, // 未按法定程序: any step
  'levy.04': null, // 其他
  // 行政检查: the whole category is the inspection itself (检查 = 调查取证, columns.ts).
  'inspection.01': 'investigation',
  'inspection.02': 'investigation',
  'inspection.03': 'investigation',
  'inspection.04': 'investigation',
  'inspection.05': 'investigation',
  'inspection.06': 'investigation',
  'inspection.07': 'investigation',
  // 行政强制 (行政强制法 第三章 强制措施实施程序, 第四章 强制执行).
  'coercion.01': 'execution', // 无职权、越权实施
  'coercion.02': 'decision', // 无事实依据: the decision to coerce
  'coercion.03': 'execution', // 违反法定程序实施 (第十八条; 期限 第二十五条)
  'coercion.04': 'execution', // 擅自使用、丢失、损毁查封扣押财物 (保管, 第二十六条)
  'coercion.05': null, // 其他
  // 行政处罚 (行政处罚法 第五章: 立案, 调查取证, 法制审核, 告知, 听证, 决定, 送达; 第六章 执行).
  'penalty.01': 'decision', // 无依据处罚
  'penalty.02': 'investigation', // 不具备资格的人员实施 (第四十二条: 执法人员调查取证)
  'penalty.03': 'decision', // 改变种类、幅度
  'penalty.04': 'decision', // 重复罚款 (第二十九条)
  'penalty.05': 'execution', // 罚缴分离 (第六十七条)
  'penalty.06': 'execution', // 不开具罚没单据 (第七十条)
  'penalty.07': 'decision', // 应移送司法机关而不移送 (第二十七条, 第八十二条)
  'penalty.08': 'filing', // 不予制止、处罚: not opening the case (第五十四条)
  'penalty.09': 'notification', // 未履行告知义务 (第四十四条)
  'penalty.10': 'notification', // 应听证不听证 (第六十三、六十四条)
  'penalty.11': 'decision', // 显失公正
  'penalty.12': null, // 其他违反法律规定的: the rule that found it says the stage (RULE_STAGES)
  // 其他行政管理: conduct of the agency, no stage — but for the money kept back.
  'other.01': null,
  'other.02': null,
  'other.03': null,
  'other.04': null,
  'other.05': 'execution', // 截留、私分、挪用罚没款 (行政处罚法第七十一条)
  // 不履行法定职责.
  'nonperformance.01': 'filing', // 经请求拒绝履行: the request not taken up
  'nonperformance.02': 'execution', // 拒绝、拖延执行上级决定
  'nonperformance.03': 'decision', // 法定期限内不作为
  'nonperformance.04': 'decision', // 不予赔偿、救济、补偿、给付
  'nonperformance.05': null, // 不出具凭证: which 凭证 says the stage
  'nonperformance.06': null, // 其他
};

/**
 * The stage a detection rule's finding points at, where it says more than its catalogue item (a
 * 超期 finding of penalty.12 arises at the decision, a 少于两人 one in the investigation). Rules not
 * named here take their catalogue item's stage.
 */
export const RULE_STAGES = {
  'licensing-overdue': 'decision', // 行政许可法第四十二条: the decision's period
  'refusal-without-reason': 'decision', // 第三十二条、第三十八条
  'no-application-receipt': 'filing', // 第三十二条
  'hearing-not-held': 'notification', // 行政处罚法第六十三、六十四条
  'hearing-notice-late': 'notification', // 第六十四条
  'no-prior-notice': 'notification', // 第四十四条
  'penalty-overdue': 'decision', // 第六十条: the decision's period
  'fewer-than-two-officers': 'investigation', // 第四十二条 / 行政强制法第十八条
  'uncertified-officer': 'investigation', // 第四十二条 / 行政强制法第十七条
  'seizure-overdue': 'execution', // 行政强制法第二十五条
  'fine-outside-range': 'decision', // 行政处罚法第三十四条
  'fine-outlier': 'decision', // 第五条
  'duplicate-fine': 'decision', // 第二十九条
  'criminal-not-referred': 'decision', // 第二十七条
  'fine-not-remitted': 'execution', // 第七十一条
  'no-receipt': 'execution', // 第七十条
  'onsite-collection': 'execution', // 第六十八条、第六十九条
  overturned: 'decision', // the act set aside: its decision
} as const satisfies Partial<Record<RuleName, DutyStage>>;

export type StageSource = 'given' | 'rule' | 'catalogue';

/** The stage of a fault, and what said so; null when neither the rule nor the catalogue item does. */
export function faultStage(
  code: string,
  rule?: string | null,
): { stage: DutyStage; source: 'rule' | 'catalogue' } | null {
  const byRule = rule ? (RULE_STAGES as Readonly<Record<string, DutyStage>>)[rule] : undefined;
  if (byRule) return { stage: byRule, source: 'rule' };
  const byItem = CATALOGUE_STAGES[code];
  return byItem ? { stage: byItem, source: 'catalogue' } : null;
}

/**
 * The role a post's holder takes in the determination request for a fault of a stage (Measures
 * Art. 15): the 审核 stage's post reviews (审核人), the 决定 stage's approves (批准人); every other
 * stage is handled (承办人).
 */
export function stageRole(stage: DutyStage): Role {
  if (stage === 'review') return 'reviewer';
  if (stage === 'decision') return 'approver';
  return 'handler';
}

// --- posts and who held them ------------------------------------------------------------------------

export interface Post {
  id: string;
  agencyId: string;
  name: string;
  /** The stages it answers for (DUTY_STAGES order). */
  stages: readonly DutyStage[];
  /** The 职权编码 it answers for; empty: all of the agency's items. */
  codes: readonly string[];
}

/** An officer holding a post from `from` to `to`, both days included (`to` null: still holds it). */
export interface Holding {
  postId: string;
  officerId: string;
  from: string;
  to: string | null;
}

/** Did the holding cover the day? */
export const heldOn = (h: Pick<Holding, 'from' | 'to'>, day: string): boolean =>
  h.from <= day && (h.to === null || day <= h.to);

/** Do two holdings of the same officer and post share a day? */
export const holdingsOverlap = (a: Pick<Holding, 'from' | 'to'>, b: Pick<Holding, 'from' | 'to'>): boolean =>
  (a.to === null || b.from <= a.to) && (b.to === null || a.from <= b.to);

/** Stages in the order of DUTY_STAGES, each once. */
export function normaliseStages(stages: Iterable<DutyStage>): DutyStage[] {
  const set = new Set(stages);
  return DUTY_STAGES.filter((s) => set.has(s));
}

/**
 * The posts answerable for a stage of a matter. A post limited to codes answers only for those; when
 * the matter's item is known and some post names its code, those posts answer and the agency's
 * general posts do not (the specific assignment is the one the agency made for that matter). When
 * the item is unknown, the posts of the stage for all items answer, else any post of the stage.
 */
export function answerablePosts<P extends Post>(
  posts: readonly P[],
  stage: DutyStage,
  itemCode: string | null,
): P[] {
  const ofStage = posts.filter((p) => p.stages.includes(stage));
  if (itemCode !== null) {
    const specific = ofStage.filter((p) => p.codes.includes(itemCode));
    return specific.length > 0 ? specific : ofStage.filter((p) => p.codes.length === 0);
  }
  const general = ofStage.filter((p) => p.codes.length === 0);
  return general.length > 0 ? general : ofStage;
}

// --- the duty item of an act's matter ----------------------------------------------------------------

/** The parts of a duty item attribution and an officer's duties read. */
export interface PostDutyItem {
  code: string;
  name: string;
  role: 'lead' | 'assist';
  duties: readonly string[];
}

/**
 * The item of the agency's list (in force on the day) an act's matter names: by 职权编码, else by
 * 职权名称 (the acts carry either); the agency's 主办 item before a 协办 one.
 */
export function matterItem<I extends PostDutyItem>(items: readonly I[], matter: string | null): I | null {
  const m = matter?.trim();
  if (!m) return null;
  const hits = items.filter((i) => i.code === m).concat(items.filter((i) => i.code !== m && i.name === m));
  return hits.find((i) => i.role === 'lead') ?? hits[0] ?? null;
}

/** The item's 责任事项 of the stages given, in the list's order. */
export function dutiesOfStages(item: Pick<PostDutyItem, 'duties'>, stages: readonly DutyStage[]): string[] {
  return item.duties.filter((d) => {
    const s = dutyStage(d);
    return s !== null && stages.includes(s);
  });
}

// --- attribution -------------------------------------------------------------------------------------

export interface AttributionFault {
  /** Catalogue code. */
  code: string;
  /** The detection rule that found it, if any (its stage comes before the catalogue item's). */
  rule?: string | null;
  /** The stage the investigator gave (comes before both). */
  stage?: DutyStage | null;
}

export interface AttributionInput {
  faults: readonly AttributionFault[];
  /** The act's day: who held the posts then. */
  on: string;
  posts: readonly Post[];
  holdings: readonly Holding[];
  /** The duty item of the act's matter (matterItem), when known. */
  item: PostDutyItem | null;
}

/** Why a fault has no proposed officer. */
export type AttributionGap = 'no_stage' | 'no_post' | 'no_holder';

export interface FaultAttribution {
  code: string;
  stage: DutyStage | null;
  source: StageSource | null;
  /** The role its officers take in the determination request (stageRole). */
  role: Role | null;
  /** The matter's 责任事项 of the stage, when the item is known. */
  duties: string[];
  posts: { postId: string; officerIds: string[] }[];
  gap: AttributionGap | null;
}

export interface ProposedPerson {
  officerId: string;
  role: Role;
  /** The faults and posts that make them answerable. */
  faults: string[];
  postIds: string[];
}

export interface Attribution {
  faults: FaultAttribution[];
  /** Each officer once, in the order of the faults; the role of the first fault that names them. */
  people: ProposedPerson[];
}

/** Who answers for each fault: the stage, its posts, their holders on the day; and the people once. */
export function proposeAttribution(input: AttributionInput): Attribution {
  const people = new Map<string, ProposedPerson>();
  const seen = new Set<string>();
  const faults: FaultAttribution[] = [];
  for (const f of input.faults) {
    if (seen.has(f.code)) continue;
    seen.add(f.code);
    const found = f.stage ? { stage: f.stage, source: 'given' as const } : faultStage(f.code, f.rule);
    if (!found) {
      faults.push({
        code: f.code,
        stage: null,
        source: null,
        role: null,
        duties: [],
        posts: [],
        gap: 'no_stage',
      });
      continue;
    }
    const { stage, source } = found;
    const role = stageRole(stage);
    const posts = answerablePosts(input.posts, stage, input.item?.code ?? null).map((p) => ({
      postId: p.id,
      officerIds: [
        ...new Set(
          input.holdings.filter((h) => h.postId === p.id && heldOn(h, input.on)).map((h) => h.officerId),
        ),
      ].sort(),
    }));
    for (const p of posts) {
      for (const officerId of p.officerIds) {
        const known = people.get(officerId);
        if (known) {
          if (!known.faults.includes(f.code)) known.faults.push(f.code);
          if (!known.postIds.includes(p.postId)) known.postIds.push(p.postId);
        } else people.set(officerId, { officerId, role, faults: [f.code], postIds: [p.postId] });
      }
    }
    const gap: AttributionGap | null =
      posts.length === 0 ? 'no_post' : posts.every((p) => p.officerIds.length === 0) ? 'no_holder' : null;
    const duties = input.item ? dutiesOfStages(input.item, [stage]) : [];
    faults.push({ code: f.code, stage, source, role, duties, posts, gap });
  }
  return { faults, people: [...people.values()] };
}

// --- an officer's duties -----------------------------------------------------------------------------

export interface PostDuties<I extends PostDutyItem> {
  post: Post;
  /** The items of the agency's list the post answers for, each with its 责任事项 of the post's stages. */
  items: { item: I; duties: string[] }[];
}

/**
 * What the posts an officer holds make them answer for: per post, the agency's items in force it
 * covers (its codes, or all) with their 责任事项 of the post's stages; items with none are left out.
 */
export function officerDuties<I extends PostDutyItem>(
  posts: readonly Post[],
  items: readonly I[],
): PostDuties<I>[] {
  return posts.map((post) => ({
    post,
    items: items
      .filter((i) => post.codes.length === 0 || post.codes.includes(i.code))
      .map((item) => ({ item, duties: dutiesOfStages(item, post.stages) }))
      .filter((x) => x.duties.length > 0),
  }));
}
