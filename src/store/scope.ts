// Turn a policy Scope into an SQL condition, the same way for every table that carries
// region_code (and, where it has them, agency_id / officer id). Column names are camelCase
// references ('officers.regionCode'); the CamelCasePlugin maps them to SQL.
import {
  type Kysely,
  type RawBuilder,
  type SelectQueryBuilder,
  sql,
  type Transaction,
  type Updateable,
} from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { DB } from './schema.js';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export const offsetOf = (p: PageRequest) => (p.page - 1) * p.pageSize;

/**
 * One page of a list: `q` as the list selects it, counted whole as a subquery (so the total counts
 * what the list would show, joins and all), then the page of it in `order` (which must be stable:
 * end on a unique column).
 */
export async function pageOfRows<D, TB extends keyof D, O>(
  db: Kysely<DB> | Transaction<DB>,
  q: SelectQueryBuilder<D, TB, O>,
  page: PageRequest,
  order: (q: SelectQueryBuilder<D, TB, O>) => SelectQueryBuilder<D, TB, O>,
): Promise<Page<O>> {
  const [{ total }] = await db
    .selectFrom(q.as('listed'))
    .select((eb) => eb.fn.countAll<number>().as('total'))
    .execute();
  const items = await order(q).limit(page.pageSize).offset(offsetOf(page)).execute();
  return { items: items as O[], total: Number(total), ...page };
}

/** A LIKE pattern matching `q` anywhere, with the user's wildcards escaped. */
export const containsPattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function scopeCondition(
  scope: Scope,
  cols: { region: string; agency?: string; officer?: string },
): RawBuilder<boolean> {
  switch (scope.kind) {
    case 'all':
      return sql<boolean>`true`;
    case 'none':
      return sql<boolean>`false`;
    case 'region':
      return sql<boolean>`${sql.ref(cols.region)} like ${`${scope.prefix}%`}`;
    case 'agency':
      return cols.agency ? sql<boolean>`${sql.ref(cols.agency)} = ${scope.agencyId}` : sql<boolean>`false`;
    case 'officer':
      return cols.officer ? sql<boolean>`${sql.ref(cols.officer)} = ${scope.officerId}` : sql<boolean>`false`;
  }
}

type VersionedTable = 'agencies' | 'officers' | 'leads';
type VersionedRow = { id: string; version: number; updatedAt: Date };

/**
 * Optimistic update of a record that carries `version`: writes only if the row is still at the
 * version the user read, and bumps it. False when someone else changed it first (→ 409).
 */
export async function updateIfVersion<T extends VersionedTable>(
  db: Kysely<DB> | Transaction<DB>,
  table: T,
  id: string,
  version: number,
  patch: Updateable<DB[T]>,
): Promise<boolean> {
  // One statement for every versioned table; the patch is typed by the caller's table.
  const q = db as unknown as Kysely<{ versioned: VersionedRow }>;
  const r = await q
    .updateTable(table as unknown as 'versioned')
    .set({ ...(patch as Partial<VersionedRow>), updatedAt: new Date() })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The tables of a procedure's objects: a uuid id, a version, an updated_at. */
const VERSIONED = {
  cases: 'cases',
  toleranceApplications: 'tolerance_applications',
  corrections: 'corrections',
  preRegistrations: 'pre_registrations',
  appeals: 'appeals',
} as const satisfies Partial<Record<keyof DB, string>>;

/**
 * Bump the object's version if it is still `version` (the version the user read): the first
 * statement of every step of a procedure, so that two steps at once cannot both pass (409).
 */
export async function claimVersion(
  db: Kysely<DB> | Transaction<DB>,
  table: keyof typeof VERSIONED,
  id: string,
  version: number,
): Promise<boolean> {
  const r = await sql`update ${sql.table(VERSIONED[table])} set version = version + 1, updated_at = now()
    where id = ${id} and version = ${version}`.execute(db);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Move the object to the state a step's check decided (after claimVersion, in the same transaction). */
export async function setStateOf(
  db: Kysely<DB> | Transaction<DB>,
  table: keyof typeof VERSIONED,
  id: string,
  state: string,
): Promise<void> {
  await sql`update ${sql.table(VERSIONED[table])} set state = ${state} where id = ${id}`.execute(db);
}
