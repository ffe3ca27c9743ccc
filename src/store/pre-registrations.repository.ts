// 事前备案: the register of exploratory measures registered before acting, and the documents
// their initial review issued. Writes run inside the caller's transaction (with its audit entry).
import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import { type PreRegistrationState, preRegistrationNumber } from '../core/workflow/pre-registration.js';
import type { DB, PreRegistrationDocumentsTable, PreRegistrationsTable } from './schema.js';
import { containsPattern, type Page, type PageRequest, pageOfRows, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface PreRegistrationFilter {
  state?: PreRegistrationState;
  agencyId?: string;
  q?: string;
}

function registrationQuery(db: Db, scope: Scope) {
  return db
    .selectFrom('preRegistrations')
    .innerJoin('agencies', 'agencies.id', 'preRegistrations.agencyId')
    .leftJoin('officers', 'officers.id', 'preRegistrations.officerId')
    .leftJoin('regions', 'regions.code', 'preRegistrations.regionCode')
    .leftJoin('users', 'users.id', 'preRegistrations.registeredBy')
    .where(
      scopeCondition(scope, {
        region: 'preRegistrations.regionCode',
        agency: 'preRegistrations.agencyId',
        officer: 'preRegistrations.officerId',
      }),
    )
    .selectAll('preRegistrations')
    .select([
      'agencies.name as agencyName',
      'officers.name as officerName',
      'regions.name as regionName',
      'users.displayName as registeredByName',
      'users.role as registeredByRole',
    ]);
}

export type PreRegistrationRow = Awaited<
  ReturnType<ReturnType<typeof registrationQuery>['executeTakeFirstOrThrow']>
>;

export async function listPreRegistrations(
  db: Db,
  scope: Scope,
  f: PreRegistrationFilter,
  page: PageRequest,
): Promise<Page<PreRegistrationRow>> {
  let q = registrationQuery(db, scope);
  if (f.state) q = q.where('preRegistrations.state', '=', f.state);
  if (f.agencyId) q = q.where('preRegistrations.agencyId', '=', f.agencyId);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('preRegistrations.number', 'ilike', p),
        eb('preRegistrations.title', 'ilike', p),
        eb('preRegistrations.measure', 'ilike', p),
        eb('agencies.name', 'ilike', p),
      ]),
    );
  }
  return pageOfRows(db, q, page, (q) =>
    q.orderBy('preRegistrations.createdAt', 'desc').orderBy('preRegistrations.id'),
  );
}

export async function findPreRegistration(db: Db, id: string): Promise<PreRegistrationRow | undefined> {
  return registrationQuery(db, { kind: 'all' }).where('preRegistrations.id', '=', id).executeTakeFirst();
}

/**
 * A registration by its number, as a tolerance application cites it (`facts.preRegistered`):
 * the application checks that it is accepted and within its jurisdiction.
 */
export async function findPreRegistrationByNumber(
  db: Db,
  number: string,
): Promise<PreRegistrationRow | undefined> {
  return registrationQuery(db, { kind: 'all' })
    .where('preRegistrations.number', '=', number.trim())
    .executeTakeFirst();
}

/**
 * The next number in a region and year (A市报备〔2026〕3号), under a lock held to the end of the
 * transaction, so two registrations at once never get the same number.
 */
export async function nextPreRegistrationNumber(
  db: Transaction<DB>,
  regionCode: string,
  regionName: string,
  year: number,
): Promise<{ seq: number; number: string }> {
  await sql`select pg_advisory_xact_lock(7361011, ${Number(regionCode)})`.execute(db);
  const r = await db
    .selectFrom('preRegistrations')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('regionCode', '=', regionCode)
    .where('year', '=', year)
    .executeTakeFirst();
  const seq = Number(r?.seq ?? 0) + 1;
  return { seq, number: preRegistrationNumber(regionName, year, seq) };
}

export async function insertPreRegistration(
  db: Transaction<DB>,
  values: Insertable<PreRegistrationsTable>,
): Promise<string> {
  const r = await db.insertInto('preRegistrations').values(values).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export async function updatePreRegistration(
  db: Transaction<DB>,
  id: string,
  patch: Updateable<PreRegistrationsTable>,
): Promise<void> {
  await db.updateTable('preRegistrations').set(patch).where('id', '=', id).execute();
}

/** An officer on the register, with their agency (who a registration may name). */
export async function findOfficerOfRegistration(db: Db, officerId: string) {
  return db
    .selectFrom('officers')
    .select(['id', 'agencyId', 'name', 'active'])
    .where('id', '=', officerId)
    .executeTakeFirst();
}

/** A region's name and level (the reviewing office's name in the documents). */
export async function findRegionOf(db: Db, code: string) {
  return db.selectFrom('regions').select(['name', 'level']).where('code', '=', code).executeTakeFirst();
}

/** A user's display name (who signs a step). */
export async function displayNameOf(db: Db, userId: string): Promise<string | undefined> {
  const u = await db.selectFrom('users').select('displayName').where('id', '=', userId).executeTakeFirst();
  return u?.displayName;
}

/** The documents of a registration, without their bytes. */
export async function listPreRegistrationDocuments(db: Db, preRegistrationId: string) {
  return db
    .selectFrom('preRegistrationDocuments')
    .select(['id', 'kind', 'filename', 'mime', 'size', 'sha256', 'createdBy', 'createdAt'])
    .where('preRegistrationId', '=', preRegistrationId)
    .orderBy('id')
    .execute();
}

export type PreRegistrationDocumentRow = Awaited<ReturnType<typeof listPreRegistrationDocuments>>[number];

export async function findPreRegistrationDocument(db: Db, preRegistrationId: string, id: number) {
  return db
    .selectFrom('preRegistrationDocuments')
    .selectAll()
    .where('preRegistrationId', '=', preRegistrationId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertPreRegistrationDocument(
  db: Transaction<DB>,
  file: Insertable<PreRegistrationDocumentsTable>,
): Promise<number> {
  const r = await db
    .insertInto('preRegistrationDocuments')
    .values(file)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}
