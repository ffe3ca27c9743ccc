// Full detection runs (every rule over every act: nightly, on demand, `wenze scan-db`) in the
// audit log — a run writes findings and leads, so it is a write that matters — and read back
// for the dashboard's "data as of" line. Runs are system-wide: region code 000000.
import { type Kysely, sql } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import { appendAudit } from './audit.repository.js';
import type { DetectionResult } from './detect-sql.js';
import type { DB } from './schema.js';
import { scopeCondition } from './scope.js';

export const ALL_REGIONS = '000000';

export type RunTrigger = 'nightly' | 'manual' | 'cli';

export interface DetectionRun {
  at: Date;
  trigger: RunTrigger;
  actorName: string | null;
  asOf: string;
  acts: number;
  findings: number;
  created: number;
  updated: number;
  removed: number;
  leads: number;
  ms: number;
}

export function recordDetectionRun(
  db: Kysely<DB>,
  run: { trigger: RunTrigger; actorId?: string | null; actorName?: string | null; result: DetectionResult },
): Promise<void> {
  const r = run.result;
  return appendAudit(db, {
    regionCode: ALL_REGIONS,
    actorId: run.actorId ?? null,
    actorName: run.actorName ?? (run.trigger === 'nightly' ? 'system' : null),
    action: 'detection.run',
    objectType: 'detection',
    objectId: 'all',
    detail: {
      trigger: run.trigger,
      asOf: r.asOf,
      acts: r.acts,
      findings: r.findings,
      created: r.created,
      updated: r.updated,
      removed: r.removed,
      leads: r.leads,
      ms: Math.round(r.ms),
    },
  });
}

export async function lastDetectionRuns(db: Kysely<DB>, limit = 5): Promise<DetectionRun[]> {
  const rows = await db
    .selectFrom('auditLog')
    .select(['at', 'actorName', 'detail'])
    .where('objectType', '=', 'detection')
    .where('objectId', '=', 'all')
    .where('action', '=', 'detection.run')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const d = (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<
      string,
      unknown
    >;
    const n = (k: string) => (typeof d[k] === 'number' ? (d[k] as number) : 0);
    return {
      at: row.at,
      trigger: (d.trigger as RunTrigger) ?? 'nightly',
      actorName: row.actorName,
      asOf: String(d.asOf ?? ''),
      acts: n('acts'),
      findings: n('findings'),
      created: n('created'),
      updated: n('updated'),
      removed: n('removed'),
      leads: n('leads'),
      ms: n('ms'),
    };
  });
}

/** When acts in the scope last came in or changed (null: none yet). */
export async function lastActImport(db: Kysely<DB>, scope: Scope): Promise<Date | null> {
  const row = await db
    .selectFrom('acts')
    .select(sql<Date | null>`max(acts.updated_at)`.as('last'))
    .where(scopeCondition(scope, { region: 'acts.regionCode', agency: 'acts.agencyId' }))
    .executeTakeFirst();
  return row?.last ?? null;
}
