// Peer-normalised early warning: beside the Art. 19(2) thresholds (counts of faults in a window), an
// officer's faults per 100 acts against the officers of the same agency doing the same kind of act —
// a licensing clerk is not compared with a market inspector. The percentile rank is the share of
// peers with a lower rate, ties counted half; the reason is given in words. Officers with too few acts
// are neither compared nor counted as peers (a rate over a handful of acts says little).
import { ACT_KIND_LABELS, type ActKind } from '../acts/codes.js';
import type { AssessmentPolicy } from './policy.js';

export const PEER_LEVELS = ['none', 'attention', 'warning', 'insufficient'] as const;
export type PeerLevel = (typeof PEER_LEVELS)[number];
export const PEER_LEVEL_LABELS: Readonly<Record<PeerLevel, string>> = {
  none: '正常',
  attention: '关注',
  warning: '预警',
  insufficient: '数据不足，不作比较',
};

export interface PeerRecord {
  officer: string;
  /** Shown in the reason; the officer's id when absent. */
  name?: string;
  agency: string;
  kind: ActKind;
  acts: number;
  faults: number;
}

export interface PeerWarning {
  officer: string;
  agency: string;
  kind: ActKind;
  acts: number;
  faults: number;
  per100: number | null;
  /** Comparable officers in the group, this one included. */
  peers: number;
  median: number | null;
  /** 0–100; null when not compared. */
  percentile: number | null;
  level: PeerLevel;
  reason: string;
}

type PeerParams = AssessmentPolicy['peer'];

const num = (n: number) => String(Math.round(n * 100) / 100);

function median(sorted: readonly number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[m]! : (sorted[m - 1]! + sorted[m]!) / 2;
}

/** Each officer's standing among the same agency's officers for the same act kind, in input order. */
export function peerWarnings(records: readonly PeerRecord[], params: PeerParams): PeerWarning[] {
  const groups = new Map<string, number[]>();
  const key = (r: PeerRecord) => `${r.agency}\u0000${r.kind}`;
  for (const r of records) {
    if (r.acts < params.minActs) continue;
    const rates = groups.get(key(r)) ?? [];
    rates.push((r.faults / r.acts) * 100);
    groups.set(key(r), rates);
  }
  for (const rates of groups.values()) rates.sort((a, b) => a - b);

  return records.map((r) => {
    const who = `${r.name ?? r.officer}在${r.agency}的${ACT_KIND_LABELS[r.kind]}中`;
    const base = { officer: r.officer, agency: r.agency, kind: r.kind, acts: r.acts, faults: r.faults };
    const per100 = r.acts === 0 ? null : (r.faults / r.acts) * 100;
    const rates = groups.get(key(r)) ?? [];
    if (r.acts < params.minActs || rates.length < params.minPeers) {
      const why =
        r.acts < params.minActs
          ? `执法 ${r.acts} 件，少于 ${params.minActs} 件`
          : `同单位同类执法人员中执法 ${params.minActs} 件以上的仅 ${rates.length} 人，少于 ${params.minPeers} 人`;
      return {
        ...base,
        per100,
        peers: r.acts < params.minActs ? 0 : rates.length,
        median: null,
        percentile: null,
        level: 'insufficient' as const,
        reason: `${who}${why}，不作同行比较`,
      };
    }
    const rate = per100!;
    const below = rates.filter((x) => x < rate).length;
    const equal = rates.filter((x) => x === rate).length;
    const percentile = ((below + 0.5 * equal) / rates.length) * 100;
    const med = median(rates);
    const above = r.faults > 0 && rate > med;
    const level: PeerLevel =
      above && percentile >= params.warningAt
        ? 'warning'
        : above && percentile >= params.attentionAt
          ? 'attention'
          : 'none';
    const facts =
      `${who}执法 ${r.acts} 件、过错 ${r.faults} 件，每百件 ${num(rate)} 件；` +
      `同单位同类执法人员 ${rates.length} 人，每百件中位数 ${num(med)} 件；` +
      `高于 ${num((below / rates.length) * 100)}% 的同行（第 ${num(percentile)} 百分位）`;
    const verdict =
      level === 'warning'
        ? `，达到预警线（第 ${num(params.warningAt)} 百分位），予以预警`
        : level === 'attention'
          ? `，达到关注线（第 ${num(params.attentionAt)} 百分位），列入关注`
          : r.faults === 0
            ? '，本年度无过错'
            : rate <= med
              ? '，不高于同行中位数'
              : `，未达到关注线（第 ${num(params.attentionAt)} 百分位）`;
    return {
      ...base,
      per100: rate,
      peers: rates.length,
      median: med,
      percentile,
      level,
      reason: `${facts}${verdict}`,
    };
  });
}
