// The checks of a duty list (权责清单, issue 13), as `wenze duties check` prints them and the import
// will: overlaps (one power led by more than one agency of a region at once), gaps (a power nobody
// of a region leads, or a matter of the reference catalogue nobody of the region holds) and
// incomplete items. And `supersede`, the versioning of an agency's list by a newer import.
//
// Sources: "一类事项原则上由一个部门统筹、一件事情原则上由一个部门负责"; where several agencies share
// a matter, one leads (牵头/主办) and the others assist (协办) (《中共中央关于深化党和国家机构改革的
// 决定》, 2018); every power with its basis and its responsibility and accountability (中办发〔2015〕
// 21号 《关于推行地方各级政府工作部门权力清单制度的指导意见》); PRACTICE.md (c).
//
// One pass over the items into groups by (职权编码, region); each group is then swept in date order,
// so the work is O(n log n) in the items, never pairwise.
import { isIsoDate } from '../dates.js';
import { ValidationError } from '../validation.js';
import type { CompletenessColumn } from './columns.js';
import { type DutyItem, missingOf } from './item.js';

/** The report of `wenze duties check` and `wenze duties import` (issue 13). */
export interface DutyReport {
  /** How many items were checked (every item given, whatever `on`). */
  items: number;
  /** One 职权编码 with more than one 主办 agency in the same region on the same day. */
  overlaps: DutyOverlap[];
  /** A 职权编码 only 协办 agencies hold in a region, or a reference matter nobody of the region holds. */
  gaps: DutyGap[];
  /** Items without 设定依据, 责任事项 or 追责情形, in the order given. */
  incomplete: DutyIncomplete[];
}
export interface DutyOverlap {
  code: string;
  /** The 6-digit division code; null for agencies given by a name the check could not resolve. */
  region: string | null;
  agencies: string[];
}
export interface DutyGap {
  code: string;
  region: string | null;
  reason: string;
}
export interface DutyIncomplete {
  row: number;
  code: string;
  agency: string;
  missing: CompletenessColumn[];
}

/** An agency as the register knows it: its code and region. */
export interface ResolvedAgency {
  code: string;
  region: string;
}

export interface CheckOptions {
  /** The reference catalogue (the province's list of matters): each matter must be held in each region. */
  reference?: readonly DutyItem[];
  /** Check the items in force on this day only (YYYY-MM-DD); otherwise every day of their periods. */
  on?: string;
  /**
   * The register: an agency (name or code) as its code and region. Without it, or when it answers
   * nothing, a code is taken as given (its region is its first six digits) and a name is reported
   * as written, with region null.
   */
  resolveAgency?: (agency: string) => ResolvedAgency | null | undefined;
}

export const GAP_REASONS = {
  assistOnly: '仅有协办部门，无主办部门',
  reference: '参照清单中的事项，本地区无部门承担',
} as const;

/** After every date: the end of an item still in force. */
const FOREVER = '9999-99-99';

interface Interval {
  from: string;
  until: string;
}
interface Held extends Interval {
  agency: string;
}
interface Group {
  code: string;
  region: string | null;
  leads: Held[];
  assists: Held[];
}

const interval = (item: DutyItem): Interval => ({
  from: item.effectiveFrom,
  until: item.effectiveUntil ?? FOREVER,
});

// ISO days compare as strings (Math.max would not).
const later = (a: string, b: string) => (a > b ? a : b);
const earlier = (a: string, b: string) => (a < b ? a : b);

/** The day after an ISO day. */
function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Sorted, disjoint intervals covering the same days (touching ones joined). */
function union(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const out: Interval[] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && x.from <= last.until) {
      if (x.until > last.until) last.until = x.until;
    } else out.push({ from: x.from, until: x.until });
  }
  return out;
}

/** Whether every day of `target` lies in the union (sorted, disjoint, touching ones joined). */
function covered(target: Interval, merged: readonly Interval[]): boolean {
  if (target.from >= target.until) return true;
  let lo = 0;
  let hi = merged.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid].from <= target.from) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at >= 0 && merged[at].until >= target.until;
}

/** The agencies of a group that lead it on a day another agency leads it too. */
function overlapping(leads: readonly Held[]): string[] {
  const byAgency = new Map<string, Interval[]>();
  for (const h of leads) {
    const list = byAgency.get(h.agency);
    if (list) list.push(h);
    else byAgency.set(h.agency, [h]);
  }
  if (byAgency.size < 2) return [];
  // One agency's own rows never overlap each other: join them first. Then at most one interval per
  // agency is open at any day, and the sweep's open set holds at most one per agency.
  const all: Held[] = [];
  for (const [agency, list] of byAgency) for (const x of union(list)) all.push({ ...x, agency });
  all.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  const marked = new Set<string>();
  let open: Held[] = [];
  for (const x of all) {
    open = open.filter((o) => o.until > x.from);
    if (open.length > 0) {
      marked.add(x.agency);
      for (const o of open) marked.add(o.agency);
    }
    open.push(x);
  }
  return [...marked].sort();
}

const byRegionCode = (
  a: { region: string | null; code: string },
  b: { region: string | null; code: string },
): number => {
  if (a.region !== b.region) {
    if (a.region === null) return 1;
    if (b.region === null) return -1;
    return a.region < b.region ? -1 : 1;
  }
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
};

/** Check a list (issue 13). */
export function checkDuties(items: readonly DutyItem[], options: CheckOptions = {}): DutyReport {
  const { on, reference, resolveAgency } = options;
  if (on !== undefined && !isIsoDate(on)) {
    throw new ValidationError('日期无效', [{ path: 'on', message: '日期应为 YYYY-MM-DD 且为有效日期' }]);
  }
  const inForce = (item: DutyItem) =>
    on === undefined ||
    (item.effectiveFrom <= on && (item.effectiveUntil === null || on < item.effectiveUntil));
  // On one day, every item in force covers exactly that day.
  const onlyDay = on === undefined ? undefined : { from: on, until: nextDay(on) };
  const periodOf = (item: DutyItem): Interval => onlyDay ?? interval(item);

  const resolved = new Map<string, { agency: string; region: string | null }>();
  const resolve = (item: DutyItem) => {
    let r = resolved.get(item.agency);
    if (r === undefined) {
      const known = resolveAgency?.(item.agency);
      r = known ? { agency: known.code, region: known.region } : { agency: item.agency, region: item.region };
      resolved.set(item.agency, r);
    }
    return r;
  };

  /** Groups by region (null: agencies by an unresolved name), then by 职权编码. */
  const groups = new Map<string | null, Map<string, Group>>();
  /** Per region, the days on which it has any item: reference matters are checked within them. */
  const spans = new Map<string, Interval>();
  const incomplete: DutyIncomplete[] = [];
  for (const item of items) {
    if (!inForce(item)) continue;
    const missing = missingOf(item);
    if (missing.length > 0) incomplete.push({ row: item.row, code: item.code, agency: item.agency, missing });
    const { agency, region } = resolve(item);
    let byCode = groups.get(region);
    if (byCode === undefined) {
      byCode = new Map();
      groups.set(region, byCode);
    }
    let g = byCode.get(item.code);
    if (g === undefined) {
      g = { code: item.code, region, leads: [], assists: [] };
      byCode.set(item.code, g);
    }
    const period = periodOf(item);
    const held: Held = { agency, from: period.from, until: period.until };
    (item.role === 'lead' ? g.leads : g.assists).push(held);
    if (region !== null) {
      const span = spans.get(region);
      if (span === undefined) spans.set(region, { from: held.from, until: held.until });
      else {
        if (held.from < span.from) span.from = held.from;
        if (held.until > span.until) span.until = held.until;
      }
    }
  }

  const overlaps: DutyOverlap[] = [];
  const gaps: DutyGap[] = [];
  for (const byCode of groups.values()) {
    for (const g of byCode.values()) {
      if (g.leads.length > 1) {
        const agencies = overlapping(g.leads);
        if (agencies.length > 1) overlaps.push({ code: g.code, region: g.region, agencies });
      }
      if (g.assists.length > 0) {
        const leads = union(g.leads);
        if (g.assists.some((a) => !covered(a, leads))) {
          gaps.push({ code: g.code, region: g.region, reason: GAP_REASONS.assistOnly });
        }
      }
    }
  }

  if (reference !== undefined && reference.length > 0) {
    // Each reference matter once, over the days the catalogue has it.
    const matters = new Map<string, Interval[]>();
    for (const ref of reference) {
      if (!inForce(ref)) continue;
      const list = matters.get(ref.code);
      if (list) list.push(periodOf(ref));
      else matters.set(ref.code, [periodOf(ref)]);
    }
    for (const [region, span] of spans) {
      const byCode = groups.get(region);
      for (const [code, periods] of matters) {
        const g = byCode?.get(code);
        const held =
          g === undefined ? [] : union(g.assists.length === 0 ? g.leads : [...g.leads, ...g.assists]);
        const unheld = union(periods).some((p) => {
          const from = later(p.from, span.from);
          const until = earlier(p.until, span.until);
          return from < until && !covered({ from, until }, held);
        });
        if (unheld) gaps.push({ code, region, reason: GAP_REASONS.reference });
      }
    }
  }

  overlaps.sort(byRegionCode);
  gaps.sort((a, b) => byRegionCode(a, b) || (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  return { items: items.length, overlaps, gaps, incomplete };
}

/**
 * A newer import of agencies' lists over the lists held (issue 13: "a new import supersedes the
 * agency's items from its 生效日期 on"). For each agency of `incoming`, from the earliest 生效日期 of
 * its incoming items D: its held items in force on D end on D (失效日期 D), those starting on or after D
 * are dropped (they never came into force), earlier ones stay. The incoming items get the agency's
 * next version (held items without a version count as version 1); other agencies' items are kept.
 * Agencies are compared as written: resolve names to codes first.
 */
export function supersede(existing: readonly DutyItem[], incoming: readonly DutyItem[]): DutyItem[] {
  const start = new Map<string, string>();
  for (const item of incoming) {
    const d = start.get(item.agency);
    if (d === undefined || item.effectiveFrom < d) start.set(item.agency, item.effectiveFrom);
  }
  const latest = new Map<string, number>();
  for (const item of existing) {
    const v = item.version ?? 1;
    if (v > (latest.get(item.agency) ?? 0)) latest.set(item.agency, v);
  }
  const out: DutyItem[] = [];
  for (const item of existing) {
    const d = start.get(item.agency);
    const version = item.version ?? 1;
    if (d === undefined) out.push(item.version === undefined ? { ...item, version } : item);
    else if (item.effectiveFrom >= d) continue;
    else if (item.effectiveUntil === null || item.effectiveUntil > d)
      out.push({ ...item, version, effectiveUntil: d });
    else out.push(item.version === undefined ? { ...item, version } : item);
  }
  for (const item of incoming) out.push({ ...item, version: (latest.get(item.agency) ?? 0) + 1 });
  return out;
}
