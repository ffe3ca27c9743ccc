// 事前公开 (issue 15) from the database: the agencies in service with the count of their duty-list
// items in force by type, one agency as the public sees it (no principal, phone or address), and the
// pages of its list and officers come from the duty-list and officer repositories with its scope.
import type { Kysely, Transaction } from 'kysely';
import { type AgencyKind, type DutySummary, dutySummary } from '../core/disclosure/before-enforcement.js';
import type { PowerType } from '../core/duties/columns.js';
import type { DB } from './schema.js';
import { containsPattern } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface PublicAgency {
  id: string;
  name: string;
  regionCode: string;
  regionName: string;
  kind: AgencyKind;
  /** The agency that entrusted an entrusted organisation (its parent in the register). */
  parentName: string | null;
}

function agencyQuery(db: Db) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.code', 'agencies.regionCode')
    .leftJoin('agencies as parent', 'parent.id', 'agencies.parentId')
    .select([
      'agencies.id',
      'agencies.name',
      'agencies.regionCode',
      'regions.name as regionName',
      'agencies.kind',
      'parent.name as parentName',
    ])
    .where('agencies.active', '=', true);
}

/** The count of the items in force on `on` by agency and type (of the agencies given, or all). */
async function dutyCounts(db: Db, on: string, ids?: readonly string[]): Promise<Map<string, DutySummary>> {
  if (ids !== undefined && ids.length === 0) return new Map();
  let q = db
    .selectFrom('dutyItems')
    .select(['agencyId', 'type'])
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('validFrom', '<=', on)
    .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', on)]))
    .groupBy(['agencyId', 'type']);
  if (ids !== undefined) q = q.where('agencyId', 'in', ids);
  const rows = await q.execute();
  const by = new Map<string, { type: PowerType; count: number }[]>();
  for (const r of rows) {
    const list = by.get(r.agencyId) ?? [];
    list.push({ type: r.type, count: Number(r.count) });
    by.set(r.agencyId, list);
  }
  return new Map([...by].map(([id, counts]) => [id, dutySummary(counts)]));
}

/** The agencies in service (by region, then code), with their lists' summary on `on`; `q` searches the name. */
export async function listPublicAgencies(
  db: Db,
  f: { on: string; q?: string },
): Promise<(PublicAgency & { duties: DutySummary })[]> {
  let q = agencyQuery(db);
  if (f.q) q = q.where('agencies.name', 'ilike', containsPattern(f.q));
  const agencies = await q.orderBy('agencies.regionCode').orderBy('agencies.id').execute();
  const counts = await dutyCounts(db, f.on, f.q ? agencies.map((a) => a.id) : undefined);
  const none = dutySummary([]);
  return agencies.map((a) => ({ ...a, duties: counts.get(a.id) ?? none }));
}

/** One agency in service as the public sees it, with its list's summary on `on`. */
export async function findPublicAgency(
  db: Db,
  id: string,
  on: string,
): Promise<(PublicAgency & { duties: DutySummary }) | undefined> {
  const a = await agencyQuery(db).where('agencies.id', '=', id).executeTakeFirst();
  if (!a) return undefined;
  const counts = await dutyCounts(db, on, [a.id]);
  return { ...a, duties: counts.get(a.id) ?? dutySummary([]) };
}
