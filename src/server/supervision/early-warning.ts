// Early intervention on repeat faults (Measures Art. 19(2)): per officer, the findings on acts they
// handled and the faults sustained in accountability cases, counted over the rolling window that
// ends on the as-of date; thresholds from the rule pack in force for the officer's region
// (`params.earlyWarning`). Officers at or over a threshold are listed with their history.
import { type PeerWarning, peerWarnings } from '../../core/assessment/peer.js';
import { addDays } from '../../core/calendar/index.js';
import type { Scope } from '../../core/policies/actor.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import type { EarlyWarningParams } from '../../core/rulebook/packs/types.js';
import { periodLabel, periodStart } from '../../core/rulebook/period.js';
import { packNameForRegion } from '../../core/workflow/pack.js';
import { type OfficerFault, officerFaults, officersByIds } from '../../store/acts.repository.js';
import { officerActsByKind } from '../../store/assessment.repository.js';
import type { Database } from '../../store/db.js';
import { scopeCondition } from '../../store/scope.js';

export type WarningLevel = 'warning' | 'attention';

export interface EarlyWarningEntry {
  officerId: string;
  name: string;
  regionCode: string;
  agencyId: string;
  agencyName: string;
  post: string | null;
  level: WarningLevel;
  pack: string;
  thresholds: EarlyWarningParams;
  window: { from: string; to: string };
  /** Faults in the window: findings (not yet decided) plus sustained faults. */
  faults: number;
  findings: number;
  sustained: number;
  /** Sustained faults on record, all time up to the as-of date. */
  sustainedTotal: number;
  reasons: string[];
  history: OfficerFault[];
  /** Beside the thresholds: faults per 100 acts against peers of the same agency and act kind. */
  peer: PeerWarning[];
}

const MAX_WINDOW_DAYS = 3660;

export function levelOf(
  p: EarlyWarningParams,
  faults: number,
  sustainedTotal: number,
): { level: WarningLevel | null; reasons: string[] } {
  const reasons: string[] = [];
  const within = `${periodLabel(p.window)}内`;
  if (faults >= p.warningAt) reasons.push(`${within}过错${faults}次，达到预警线${p.warningAt}次`);
  if (sustainedTotal >= p.sanctionsWarningAt)
    reasons.push(`已被认定过错${sustainedTotal}次，达到预警线${p.sanctionsWarningAt}次`);
  if (reasons.length > 0) return { level: 'warning', reasons };
  if (faults >= p.attentionAt) {
    return {
      level: 'attention',
      reasons: [`${within}过错${faults}次，达到关注线${p.attentionAt}次`],
    };
  }
  return { level: null, reasons };
}

/** The officers on early warning in scope, as of a date. */
export async function earlyWarning(
  database: Database,
  scope: Scope,
  asOf: string,
  peers?: PeerComparison,
): Promise<EarlyWarningEntry[]> {
  const db = database.db;
  const faults = await officerFaults(db, scope, addDays(asOf, -MAX_WINDOW_DAYS), asOf);
  const byOfficer = new Map<string, OfficerFault[]>();
  for (const f of faults) {
    const list = byOfficer.get(f.officerId) ?? [];
    list.push(f);
    byOfficer.set(f.officerId, list);
  }
  const officers = await officersByIds(db, [...byOfficer.keys()]);
  const out: EarlyWarningEntry[] = [];
  for (const o of officers) {
    const pack = selectPack(packNameForRegion(o.regionCode), asOf);
    const p = pack.params.earlyWarning;
    // The window ending on the as-of date, by the calendar (民法典 第二百零一条、第二百零二条).
    const from = periodStart(asOf, p.window);
    const all = byOfficer.get(o.id) ?? [];
    const inWindow = all.filter((f) => f.date !== null && f.date >= from && f.date <= asOf);
    const findings = inWindow.filter((f) => f.kind === 'finding').length;
    const sustained = inWindow.length - findings;
    const sustainedTotal = all.filter((f) => f.kind === 'sustained').length;
    const { level, reasons } = levelOf(p, inWindow.length, sustainedTotal);
    if (!level) continue;
    out.push({
      officerId: o.id,
      name: o.name,
      regionCode: o.regionCode,
      agencyId: o.agencyId,
      agencyName: o.agencyName,
      post: o.post,
      level,
      pack: pack.name,
      thresholds: p,
      window: { from, to: asOf },
      faults: inWindow.length,
      findings,
      sustained,
      sustainedTotal,
      reasons,
      peer: peers?.byOfficer.get(o.id) ?? [],
      history: all
        .filter((f) => f.kind === 'sustained' || (f.date !== null && f.date >= from))
        .sort((a, b) => ((a.date ?? '') < (b.date ?? '') ? 1 : (a.date ?? '') > (b.date ?? '') ? -1 : 0)),
    });
  }
  return out.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'warning' ? -1 : 1) ||
      b.faults - a.faults ||
      b.sustainedTotal - a.sustainedTotal ||
      a.officerId.localeCompare(b.officerId),
  );
}

export interface PeerComparison {
  /** Every officer in scope with acts in the window, one row per act kind. */
  byOfficer: Map<string, PeerWarning[]>;
  /** The rows at 关注 or 预警 by the comparison, highest percentile first. */
  watch: (PeerWarning & { name: string; window: { from: string; to: string } })[];
}

/**
 * The peer comparison (src/core/assessment/peer.ts) of the officers in scope: over the early-warning
 * window of their region's pack, against every officer of the same agency with acts of the same kind
 * (peers outside the reader's scope count, but are not shown). Regions whose pack has no annual
 * assessment policy (params.assessment.peer) are not compared.
 */
export async function peerComparison(
  database: Database,
  scope: Scope,
  asOf: string,
): Promise<PeerComparison> {
  const db = database.db;
  let agencies = await db
    .selectFrom('agencies')
    .select(['id', 'regionCode'])
    .where(scopeCondition(scope, { region: 'agencies.regionCode', agency: 'agencies.id' }))
    .orderBy('id')
    .execute();
  if (scope.kind === 'officer') {
    agencies = await db
      .selectFrom('officers')
      .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
      .select(['agencies.id', 'agencies.regionCode'])
      .where('officers.id', '=', scope.officerId)
      .execute();
  }
  const byPack = new Map<string, string[]>();
  for (const a of agencies) {
    const pack = packNameForRegion(a.regionCode);
    byPack.set(pack, [...(byPack.get(pack) ?? []), a.id]);
  }
  const out: PeerComparison = { byOfficer: new Map(), watch: [] };
  for (const [name, ids] of byPack) {
    const params = selectPack(name, asOf).params;
    const peer = params.assessment?.peer;
    if (!peer) continue;
    const from = periodStart(asOf, params.earlyWarning.window);
    const rows = await officerActsByKind(db, ids, from, asOf);
    const names = new Map(rows.map((r) => [r.officer, r.name]));
    const warnings = peerWarnings(rows, peer);
    for (const w of warnings) {
      // An officer reads their own standing, not their peers'.
      if (scope.kind === 'officer' && w.officer !== scope.officerId) continue;
      out.byOfficer.set(w.officer, [...(out.byOfficer.get(w.officer) ?? []), w]);
      if (w.level === 'warning' || w.level === 'attention')
        out.watch.push({ ...w, name: names.get(w.officer) ?? w.officer, window: { from, to: asOf } });
    }
  }
  out.watch.sort(
    (a, b) =>
      (a.level === b.level ? 0 : a.level === 'warning' ? -1 : 1) ||
      (b.percentile ?? 0) - (a.percentile ?? 0) ||
      a.officer.localeCompare(b.officer),
  );
  return out;
}
