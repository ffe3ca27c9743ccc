// The relief panel (救济委员会) of one appeal, drawn at random from the pool with a recorded seed so
// that anyone can re-run the draw and get the same members. The rules (PRACTICE.md (b): 公务员申诉
// 规定 2022 — 申诉公正委员会 per case, odd number, chair, recusal; Clark County NV §2.62.070 —
// panels drawn at random, at most one serving officer):
// - no member from the appellant's agency, nor from the supervision office that decided;
// - at most one current enforcement officer;
// - at least one legal expert;
// - a member who declares a conflict is replaced by the next of the draw's order;
// - the chair is the first legal expert of the order.
// The draw is a pure function of (pool, seed, conflicts): the same inputs give the same panel.
import { createRng } from '../random.js';
import type { Problems } from '../workflow/engine.js';
import { problem } from '../workflow/engine.js';

/** What a pool member is, as the issue lists them. */
export const MEMBER_KINDS = [
  'legal_expert',
  'lawyer',
  'scholar',
  'senior_officer',
  'enforcement_supervisor',
] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];
export const MEMBER_KIND_LABELS: Record<MemberKind, string> = {
  legal_expert: '法律专家',
  lawyer: '律师',
  scholar: '专家学者',
  senior_officer: '其他机关资深执法人员',
  enforcement_supervisor: '行政执法监督员',
};
/** The kinds that count as the panel's legal expert. */
export const LEGAL_KINDS: readonly MemberKind[] = ['legal_expert', 'lawyer'];

export interface PoolMember {
  id: string;
  kind: MemberKind;
  /** The agency the member works in (senior and serving officers), if any. */
  agencyId: string | null;
  /** The region whose supervision office the member works in, if any. */
  officeRegion: string | null;
  /** A serving enforcement officer (holds a valid certificate). */
  enforcementOfficer: boolean;
}

export interface DrawRules {
  size: number;
  /** The appellant's agency: none of its staff sits. */
  appellantAgencyId: string | null;
  /** The region of the supervision office that decided: none of its staff sits. */
  decidingOfficeRegion: string;
}

export interface DrawnPanel {
  seed: string;
  /** The eligible members in the draw's order (what replacements come from). */
  order: string[];
  /** The members drawn, in order; the chair among them. */
  members: string[];
  chair: string;
  /** Members of the order passed over, and why (a conflict, the limit on serving officers). */
  passed: { id: string; reason: 'conflict' | 'officer_limit' | 'legal_seat' }[];
}

/** Why a member may not sit on this appeal at all (null: eligible). */
export function ineligibility(m: PoolMember, rules: DrawRules): string | null {
  if (rules.appellantAgencyId && m.agencyId === rules.appellantAgencyId) return '来自申诉人所在机关';
  if (m.officeRegion && m.officeRegion === rules.decidingOfficeRegion) return '来自作出原决定的执法监督机构';
  return null;
}

/** A string seed as 32 bits (FNV-1a), so that a seed written down can be typed back in. */
export function seedNumber(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The eligible members in a seeded random order (Fisher–Yates over the ids in code order). */
export function drawOrder(pool: readonly PoolMember[], rules: DrawRules, seed: string): string[] {
  const ids = pool
    .filter((m) => ineligibility(m, rules) === null)
    .map((m) => m.id)
    .sort();
  const rng = createRng(seedNumber(seed));
  for (let i = ids.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [ids[i], ids[j]] = [ids[j] as string, ids[i] as string];
  }
  return ids;
}

/** Problems with the rules themselves (an even or too small panel). */
export function drawRuleProblems(rules: DrawRules): Problems {
  if (!Number.isInteger(rules.size) || rules.size < 3 || rules.size % 2 === 0)
    return problem('size', '委员会人数须为不少于 3 的奇数');
  return [];
}

/**
 * Draw the panel: walk the order, take each member unless a conflict was declared, the panel
 * already has its one serving officer, or the last seat must go to a legal expert. Problems
 * naming `pool` when the pool cannot fill the panel under the rules.
 */
export function drawPanel(
  pool: readonly PoolMember[],
  rules: DrawRules,
  seed: string,
  conflicts: readonly string[] = [],
): { panel: DrawnPanel | null; problems: Problems } {
  const bad = drawRuleProblems(rules);
  if (bad.length > 0) return { panel: null, problems: bad };
  const byId = new Map(pool.map((m) => [m.id, m]));
  const order = drawOrder(pool, rules, seed);
  const members: string[] = [];
  const passed: DrawnPanel['passed'] = [];
  const isLegal = (id: string) => LEGAL_KINDS.includes((byId.get(id) as PoolMember).kind);
  let officers = 0;
  for (const id of order) {
    if (members.length === rules.size) break;
    const m = byId.get(id) as PoolMember;
    if (conflicts.includes(id)) {
      passed.push({ id, reason: 'conflict' });
      continue;
    }
    if (m.enforcementOfficer && officers >= 1) {
      passed.push({ id, reason: 'officer_limit' });
      continue;
    }
    if (members.length === rules.size - 1 && !isLegal(id) && !members.some(isLegal)) {
      passed.push({ id, reason: 'legal_seat' });
      continue;
    }
    members.push(id);
    if (m.enforcementOfficer) officers++;
  }
  if (members.length < rules.size || !members.some(isLegal)) {
    return {
      panel: null,
      problems: problem(
        'pool',
        `符合条件的委员不足：需要 ${rules.size} 名（至少 1 名法律专家、至多 1 名现职执法人员，且不得来自申诉人所在机关或作出原决定的机构），现仅能抽取 ${members.length} 名`,
      ),
    };
  }
  const chair = members.find(isLegal) as string;
  return { panel: { seed, order, members, chair, passed }, problems: [] };
}
