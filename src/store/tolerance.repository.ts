// Tolerance applications (容错申请), loaded with what their procedure and policies read of the
// case: its number, state, agency, investigators, decision and service dates.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { ToleranceState } from '../core/workflow/tolerance.js';
import type { DB, ToleranceApplicationsTable } from './schema.js';
import { containsPattern, type PageRequest, pageOfRows, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

function applicationRows(db: Db) {
  return db
    .selectFrom('toleranceApplications as t')
    .innerJoin('cases as c', 'c.id', 't.caseId')
    .innerJoin('officers as o', 'o.id', 't.officerId')
    .innerJoin('agencies as a', 'a.id', 'c.agencyId')
    .innerJoin('regions as r', 'r.code', 't.regionCode')
    .leftJoin('users as u', 'u.id', 't.appliedBy')
    .selectAll('t')
    .select([
      'c.number as caseNumber',
      'c.subject as caseSubject',
      'c.state as caseState',
      'c.agencyId as agencyId',
      'c.decisionOn as caseDecisionOn',
      'c.servedOn as caseServedOn',
      'c.facts as caseFacts',
      'a.name as agencyName',
      'r.name as regionName',
      'o.name as officerName',
      'o.post as officerPost',
      'u.displayName as appliedByName',
    ]);
}

/** The applications within `scope` (t: the application, c: its case): region, the case's agency, or the officer's own. */
const inScope = (scope: Scope) =>
  scopeCondition(scope, { region: 't.regionCode', agency: 'c.agencyId', officer: 't.officerId' });

export async function loadApplication(db: Db, id: string) {
  const row = await applicationRows(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const investigators = await db
    .selectFrom('caseInvestigators')
    .select('userId')
    .where('caseId', '=', row.caseId)
    .where('recused', '=', false)
    .execute();
  return { ...row, investigators: investigators.map((i) => i.userId) };
}

export type LoadedApplication = NonNullable<Awaited<ReturnType<typeof loadApplication>>>;

/** The faults and their date as the case's findings recorded them. */
export function caseFaultsOf(caseFacts: unknown): { codes: string[]; occurredOn: string | null } {
  const f = (caseFacts ?? {}) as { faults?: unknown; occurredOn?: unknown };
  return {
    codes: Array.isArray(f.faults) ? f.faults.filter((x): x is string => typeof x === 'string') : [],
    occurredOn: typeof f.occurredOn === 'string' ? f.occurredOn : null,
  };
}

/** Tolerance granted to the officer before (exempt or mitigated), each fault with the decision's date. */
export async function priorTolerance(db: Db, officerId: string, exceptId: string) {
  const rows = await db
    .selectFrom('toleranceApplications as t')
    .innerJoin('cases as c', 'c.id', 't.caseId')
    .select(['t.decidedOn', 'c.facts'])
    .where('t.officerId', '=', officerId)
    .where('t.id', '!=', exceptId)
    .where('t.state', '=', 'decided')
    .where(sql<boolean>`t.decision->>'outcome' in ('exempt', 'mitigate')`)
    .execute();
  return rows.flatMap((r) =>
    r.decidedOn ? caseFaultsOf(r.facts).codes.map((fault) => ({ date: r.decidedOn!, fault })) : [],
  );
}

export interface ToleranceFilter {
  state?: ToleranceState;
  caseId?: string;
  q?: string;
}

export async function listApplications(db: Db, scope: Scope, f: ToleranceFilter, page: PageRequest) {
  let q = applicationRows(db).where(inScope(scope));
  if (f.state) q = q.where('t.state', '=', f.state);
  if (f.caseId) q = q.where('t.caseId', '=', f.caseId);
  if (f.q) {
    const p = containsPattern(f.q);
    q = q.where((eb) =>
      eb.or([
        eb('t.number', 'ilike', p),
        eb('c.number', 'ilike', p),
        eb('o.name', 'ilike', p),
        eb('a.name', 'ilike', p),
      ]),
    );
  }
  return pageOfRows(db, q, page, (q) => q.orderBy('t.createdAt', 'desc').orderBy('t.id'));
}

/** Figures of the register: applications by state and decided outcome, per agency and year. */
export async function toleranceStatistics(db: Db, scope: Scope) {
  const { rows } = await sql<{
    year: number;
    agencyId: string;
    agencyName: string;
    state: ToleranceState;
    outcome: string | null;
    n: number;
  }>`
    select extract(year from t.applied_on)::int as year, c.agency_id, a.name as agency_name, t.state,
           t.decision->>'outcome' as outcome, count(*)::int as n
    from tolerance_applications t
    join cases c on c.id = t.case_id
    join agencies a on a.id = c.agency_id
    where ${inScope(scope)}
    group by 1, 2, 3, 4, 5
    order by 1 desc, 3, 4`.execute(db);
  return rows;
}

/** Exclusions that decided rejections rested on, counted (不予容错 by reason). */
export async function rejectionReasons(db: Db, scope: Scope) {
  const { rows } = await sql<{ reason: string; n: number }>`
    select e->>'id' as reason, count(*)::int as n
    from tolerance_applications t
    join cases c on c.id = t.case_id
    cross join lateral jsonb_array_elements(
      coalesce(t.verification->'assessment'->'exclusions', '[]'::jsonb)
      || coalesce((select jsonb_agg(jsonb_build_object('id', x->>'id')) from jsonb_array_elements(t.verification->'assessment'->'conditions') x where (x->>'met')::boolean is false), '[]'::jsonb)
    ) e
    where t.decision->>'outcome' = 'reject' and ${inScope(scope)}
    group by 1
    order by 2 desc, 1`.execute(db);
  return rows;
}

export async function insertApplication(
  db: Db,
  row: Insertable<ToleranceApplicationsTable>,
): Promise<string> {
  const r = await db
    .insertInto('toleranceApplications')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Next application number in a region and year: e.g. A市容错〔2026〕3号. */
export async function nextToleranceNumber(
  db: Db,
  regionCode: string,
  regionName: string,
  year: number,
): Promise<string> {
  await sql`select pg_advisory_xact_lock(7361012, ${Number(regionCode)})`.execute(db);
  const prefix = `${regionName}容错〔${year}〕`;
  const r = await db
    .selectFrom('toleranceApplications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${Number(r.n) + 1}号`;
}
