// Cases and their parts, loaded together: the case service builds the workflow snapshot from it.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { DB } from './schema.js';
import { containsPattern, offsetOf, type Page, type PageRequest, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export async function loadCase(db: Db, id: string) {
  const row = await db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agencyId')
    .innerJoin('regions', 'regions.code', 'cases.regionCode')
    .leftJoin('leads', 'leads.id', 'cases.leadId')
    .selectAll('cases')
    .select([
      'agencies.name as agencyName',
      'regions.name as regionName',
      'leads.complaintId as complaintId',
      'leads.source as leadSource',
    ])
    .where('cases.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [investigators, persons, extensions, appeal, referrals, evidence, documents] = await Promise.all([
    db
      .selectFrom('caseInvestigators')
      .innerJoin('users', 'users.id', 'caseInvestigators.userId')
      .select([
        'caseInvestigators.userId',
        'users.displayName',
        'caseInvestigators.recused',
        'caseInvestigators.recusalReason',
      ])
      .where('caseId', '=', id)
      .orderBy('caseInvestigators.assignedAt')
      .execute(),
    db
      .selectFrom('casePersons')
      .innerJoin('officers', 'officers.id', 'casePersons.officerId')
      .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
      .selectAll('casePersons')
      .select(['officers.name', 'officers.post', 'agencies.name as agencyName'])
      .where('caseId', '=', id)
      .orderBy('casePersons.officerId')
      .execute(),
    db.selectFrom('caseExtensions').selectAll().where('caseId', '=', id).orderBy('id').execute(),
    db.selectFrom('caseAppeals').selectAll().where('caseId', '=', id).executeTakeFirst(),
    db.selectFrom('referrals').selectAll().where('caseId', '=', id).orderBy('id').execute(),
    db
      .selectFrom('caseEvidence')
      .select(['id', 'kind', 'filename', 'mime', 'size', 'sha256', 'description', 'createdBy', 'createdAt'])
      .where('caseId', '=', id)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('caseDocuments')
      .select(['id', 'kind', 'filename', 'mime', 'size', 'sha256', 'description', 'createdBy', 'createdAt'])
      .where('caseId', '=', id)
      .orderBy('id')
      .execute(),
  ]);
  return {
    ...row,
    investigators,
    persons,
    extensions,
    appeal: appeal ?? null,
    referrals,
    evidence,
    documents,
  };
}

export type LoadedCase = NonNullable<Awaited<ReturnType<typeof loadCase>>>;

export interface CaseFilter {
  state?: string;
  q?: string;
  agencyId?: string;
  /** Cases the user investigates. */
  investigatorId?: string;
}

export async function listCases(db: Db, scope: Scope, f: CaseFilter, page: PageRequest) {
  let q = db
    .selectFrom('cases')
    .innerJoin('agencies', 'agencies.id', 'cases.agencyId')
    .where(
      scope.kind === 'officer'
        ? sql<boolean>`exists (select 1 from case_persons p where p.case_id = cases.id and p.officer_id = ${scope.officerId})`
        : scopeCondition(scope, { region: 'cases.regionCode', agency: 'cases.agencyId' }),
    );
  if (f.state) q = q.where('cases.state', '=', f.state);
  if (f.agencyId) q = q.where('cases.agencyId', '=', f.agencyId);
  if (f.investigatorId) {
    q = q.where(
      sql<boolean>`exists (select 1 from case_investigators i where i.case_id = cases.id and i.user_id = ${f.investigatorId} and not i.recused)`,
    );
  }
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('cases.number', 'ilike', p),
        eb('cases.subject', 'ilike', p),
        eb('agencies.name', 'ilike', p),
      ]),
    );
  }
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const ids = await q
    .select('cases.id')
    .orderBy('cases.createdAt', 'desc')
    .orderBy('cases.id')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute();
  return { ids: ids.map((r) => r.id), total: Number(total), ...page } satisfies Omit<Page<never>, 'items'> & {
    ids: string[];
  };
}

/** Bump the version if it is still `version`: the first statement of every change to a case. */
export async function claimCaseVersion(db: Db, id: string, version: number): Promise<boolean> {
  const r = await db
    .updateTable('cases')
    .set({ updatedAt: new Date() })
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Next case number in a region and year: e.g. A市问责〔2026〕3号. */
export async function nextCaseNumber(
  db: Db,
  regionCode: string,
  regionName: string,
  year: number,
): Promise<string> {
  await sql`select pg_advisory_xact_lock(7361002, ${Number(regionCode)})`.execute(db);
  const prefix = `${regionName}问责〔${year}〕`;
  const r = await db
    .selectFrom('cases')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${Number(r.n) + 1}号`;
}
