// Agencies (行政机关 / 授权组织 / 受委托组织) and the region tree they sit in.
import type { Kysely, Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { Agency, AgencyUpdate, DB, NewAgency, Region } from './schema.js';
import {
  containsPattern,
  offsetOf,
  type Page,
  type PageRequest,
  scopeCondition,
  updateIfVersion,
} from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface AgencyFilter {
  q?: string;
  region?: string;
  kind?: Agency['kind'];
  active?: boolean;
}

export interface AgencyRow extends Agency {
  regionName: string;
  parentName: string | null;
  officerCount: number;
}

export async function listRegions(db: Db): Promise<Region[]> {
  return db.selectFrom('regions').selectAll().orderBy('code').execute();
}

export async function findRegion(db: Db, code: string): Promise<Region | undefined> {
  return db.selectFrom('regions').selectAll().where('code', '=', code).executeTakeFirst();
}

function agencyQuery(db: Db, scope: Scope) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.code', 'agencies.regionCode')
    .leftJoin('agencies as parent', 'parent.id', 'agencies.parentId')
    .where(scopeCondition(scope, { region: 'agencies.regionCode', agency: 'agencies.id' }));
}

export async function listAgencies(
  db: Db,
  scope: Scope,
  filter: AgencyFilter,
  page: PageRequest,
): Promise<Page<AgencyRow>> {
  let q = agencyQuery(db, scope);
  if (filter.q) {
    const p = containsPattern(filter.q);
    q = q.where((eb) =>
      eb.or([
        eb('agencies.name', 'ilike', p),
        eb('agencies.shortName', 'ilike', p),
        eb('agencies.id', 'ilike', p),
      ]),
    );
  }
  if (filter.region) q = q.where('agencies.regionCode', 'like', `${filter.region.replace(/(00)+$/, '')}%`);
  if (filter.kind) q = q.where('agencies.kind', '=', filter.kind);
  if (filter.active !== undefined) q = q.where('agencies.active', '=', filter.active);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const items = await q
    .selectAll('agencies')
    .select(['regions.name as regionName', 'parent.name as parentName'])
    .select((eb) =>
      eb
        .selectFrom('officers')
        .whereRef('officers.agencyId', '=', 'agencies.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('officerCount'),
    )
    .orderBy('agencies.regionCode')
    .orderBy('agencies.id')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return { items: items as AgencyRow[], total: Number(total), ...page };
}

export async function findAgency(db: Db, id: string): Promise<AgencyRow | undefined> {
  const row = await agencyQuery(db, { kind: 'all' })
    .selectAll('agencies')
    .select(['regions.name as regionName', 'parent.name as parentName'])
    .select((eb) =>
      eb
        .selectFrom('officers')
        .whereRef('officers.agencyId', '=', 'agencies.id')
        .select(eb.fn.countAll<number>().as('n'))
        .as('officerCount'),
    )
    .where('agencies.id', '=', id)
    .executeTakeFirst();
  return row as AgencyRow | undefined;
}

/** The agency that bears this name, if any (names are unique). */
export async function findAgencyIdByName(db: Db, name: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('agencies').select('id').where('name', '=', name).executeTakeFirst();
}

/** The regions that have at least one agency. */
export async function listAgencyRegionCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('agencies').select('regionCode').distinct().execute()).map((a) => a.regionCode);
}

/** Every agency's region, by agency id. */
export async function agencyRegionsById(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom('agencies').select(['id', 'regionCode']).execute();
  return new Map(rows.map((a) => [a.id, a.regionCode]));
}

export async function insertAgency(db: Db, agency: NewAgency): Promise<void> {
  await db.insertInto('agencies').values(agency).execute();
}

/** Optimistic update: returns false when the row's version moved on. */
export async function updateAgency(
  db: Db,
  id: string,
  version: number,
  patch: AgencyUpdate,
): Promise<boolean> {
  return updateIfVersion(db, 'agencies', id, version, patch);
}
