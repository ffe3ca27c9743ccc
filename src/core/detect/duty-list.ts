// The duty lists (权责清单, issue 13) as the rule outside-duty-list reads them: built once per scan
// from the items (a list file's for `wenze scan --duties`, the stored ones for the database's twin),
// then one Map lookup per act. Per agency: the days on which it has a list in force at all, and per
// matter the days on which it holds the matter as 主办 (lead) or as 协办 (assist). An item is in force
// on d when validFrom <= d < validTo (validTo null: no end), as migration 0014 stores it.
//
// An act's `matter` names an item by the item's 职权编码 or by its 职权名称, exactly as written
// (`dutyKeys`): agencies' systems send one or the other, and the demo acts send the name. The SQL
// twin (src/store/detect-sql.ts) matches `matter in (code, name)`.

import { toDayNumber } from '../calendar/day-number.js';
import type { DutyRole } from '../duties/columns.js';
import type { DutyItem } from '../duties/item.js';

/** What the rule needs of an item. */
export interface DutyEntry {
  agency: string;
  /** 职权编码. */
  code: string;
  /** 职权名称. */
  name: string;
  role: DutyRole;
  /** First day in force, YYYY-MM-DD. */
  validFrom: string;
  /** First day no longer in force; null: no end. */
  validTo: string | null;
}

/** One agency's list: [from, until) pairs of day numbers (until Infinity: no end). */
export interface AgencyDuties {
  /** The days on which some item of the agency is in force (merged, in order). */
  listed: number[];
  /** By matter key (see `dutyKeys`): the days it is held as 主办, and as 协办. */
  matters: Map<string, { lead: number[]; assist: number[] }>;
}

/** The lists by agency. */
export type DutyLookup = ReadonlyMap<string, AgencyDuties>;

/** The keys by which an act's matter names an item: its 职权编码 and its 职权名称. */
export function dutyKeys(e: Pick<DutyEntry, 'code' | 'name'>): string[] {
  return e.code === e.name ? [e.code] : [e.code, e.name];
}

/** A parsed or stored item as the rule needs it. */
export function dutyEntry(item: DutyItem): DutyEntry {
  return {
    agency: item.agency,
    code: item.code,
    name: item.name,
    role: item.role,
    validFrom: item.effectiveFrom,
    validTo: item.effectiveUntil,
  };
}

/** Whether a day lies in one of the [from, until) pairs. */
export function inForce(spans: readonly number[], day: number): boolean {
  for (let i = 0; i < spans.length; i += 2) if (spans[i] <= day && day < spans[i + 1]) return true;
  return false;
}

/** Pairs sorted and merged where they touch or overlap. */
function merged(spans: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < spans.length; i += 2) pairs.push([spans[i], spans[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [from, until] of pairs) {
    const n = out.length;
    if (n > 0 && from <= out[n - 1]) out[n - 1] = Math.max(out[n - 1], until);
    else out.push(from, until);
  }
  return out;
}

/**
 * The lookup of a list's entries. `key` maps the agency codes and matter keys to the form the acts'
 * strings take in the scan (identity, or UTF-8 bytes as latin1 chars in the scan's workers).
 * Entries never in force (validTo <= validFrom) or with dates that are not real days are left out.
 */
export function dutyLookup(entries: Iterable<DutyEntry>, key: (s: string) => string = (s) => s): DutyLookup {
  const out = new Map<string, AgencyDuties>();
  for (const e of entries) {
    const from = toDayNumber(e.validFrom);
    const until = e.validTo === null ? Number.POSITIVE_INFINITY : toDayNumber(e.validTo);
    if (!(from < until)) continue;
    const agency = key(e.agency);
    let a = out.get(agency);
    if (a === undefined) {
      a = { listed: [], matters: new Map() };
      out.set(agency, a);
    }
    a.listed.push(from, until);
    for (const k of dutyKeys(e)) {
      const mk = key(k);
      let m = a.matters.get(mk);
      if (m === undefined) {
        m = { lead: [], assist: [] };
        a.matters.set(mk, m);
      }
      m[e.role].push(from, until);
    }
  }
  for (const a of out.values()) {
    a.listed = merged(a.listed);
    for (const m of a.matters.values()) {
      m.lead = merged(m.lead);
      m.assist = merged(m.assist);
    }
  }
  return out;
}
