// The demo city's posts (岗位, issue 13): every demo agency breaks its duty list down to six posts
// along the stages of the 责任事项 (受理立案, 调查取证, 法制审核, 告知送达, 审批决定, 执行), and 市综合执法局
// has a 违法建设查处专班 answering for the investigation and service of that one matter only. Its
// officers hold the posts by the post title the register gives them (科长 decides, 法制审核员 reviews,
// 中队长 executes, 执法科员 investigate and serve), every post held by someone since the lists of
// 2021; the 审批决定岗 changed hands on 2025-01-01 where the agency has two candidates, so that who
// held it depends on the act's day. Pure data; loaded by src/store/demo-posts.ts.
import type { DutyStage } from '../core/duties/columns.js';

export interface DemoPost {
  agencyId: string;
  name: string;
  stages: DutyStage[];
  codes: string[];
  holdings: { officerId: string; from: string; to: string | null }[];
}

/** The day the demo lists came into force: the posts are held from then on. */
const LISTS_FROM = '2021-01-01';
/** The day the 审批决定岗 changed hands. */
const HANDOVER = '2025-01-01';

const POSTS: { name: string; stages: DutyStage[]; titles: string[] }[] = [
  { name: '受理立案岗', stages: ['filing'], titles: ['副科长'] },
  { name: '调查取证岗', stages: ['investigation'], titles: ['执法科员'] },
  { name: '法制审核岗', stages: ['review'], titles: ['法制审核员'] },
  { name: '告知送达岗', stages: ['notification', 'service'], titles: ['执法科员'] },
  { name: '审批决定岗', stages: ['decision'], titles: ['科长', '副科长'] },
  { name: '执行岗', stages: ['execution'], titles: ['中队长'] },
];

/** The 专班 of one matter: 市综合执法局's 违法建设查处. */
const SPECIAL = {
  agencyId: '529900-ZHJ',
  name: '违法建设查处专班',
  matter: '违法建设查处',
  stages: ['investigation', 'service'] as DutyStage[],
};

/**
 * The posts of the demo agencies and who held them. `officers` as the demo register has them (its
 * `post` is the officer's title); `items` the demo lists' items (for the 专班's 职权编码).
 */
export function demoPosts(
  agencyIds: readonly string[],
  officers: readonly { id: string; agencyId: string; post: string | null }[],
  items: readonly { agency: string; code: string; name: string }[],
): DemoPost[] {
  const out: DemoPost[] = [];
  for (const agencyId of agencyIds) {
    const staff = officers.filter((o) => o.agencyId === agencyId).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (staff.length === 0) continue;
    const used = new Map<string, number>();
    /** The officers of the titles, then the others; the least used first (Array.sort is stable). */
    const pick = (titles: readonly string[], n: number): string[] => {
      const byUse = [...staff].sort((a, b) => (used.get(a.id) ?? 0) - (used.get(b.id) ?? 0));
      const titled = byUse.filter((o) => o.post !== null && titles.includes(o.post)).map((o) => o.id);
      const rest = byUse.map((o) => o.id).filter((id) => !titled.includes(id));
      const chosen = [...titled, ...rest].slice(0, n);
      for (const id of chosen) used.set(id, (used.get(id) ?? 0) + 1);
      return chosen;
    };
    for (const p of POSTS) {
      const holdings =
        p.name === '审批决定岗'
          ? handover(pick(p.titles, 2))
          : pick(p.titles, p.titles.includes('执法科员') ? 2 : 1).map((officerId) => ({
              officerId,
              from: LISTS_FROM,
              to: null,
            }));
      out.push({ agencyId, name: p.name, stages: p.stages, codes: [], holdings });
    }
    if (agencyId === SPECIAL.agencyId) {
      const code = items.find((i) => i.agency === agencyId && i.name === SPECIAL.matter)?.code;
      if (code) {
        out.push({
          agencyId,
          name: SPECIAL.name,
          stages: SPECIAL.stages,
          codes: [code],
          holdings: pick(['执法科员'], 1).map((officerId) => ({ officerId, from: LISTS_FROM, to: null })),
        });
      }
    }
  }
  return out;
}

/** One holder until the handover and the other after it; one holder throughout when there is one. */
function handover(ids: string[]): DemoPost['holdings'] {
  if (ids.length < 2) return ids.map((officerId) => ({ officerId, from: LISTS_FROM, to: null }));
  return [
    { officerId: ids[1], from: LISTS_FROM, to: '2024-12-31' },
    { officerId: ids[0], from: HANDOVER, to: null },
  ];
}
