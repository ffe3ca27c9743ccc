// Appeals (申诉) and the relief panel's pool, loaded with what the procedure and its policies read of
// the case: its number, agency, decision, the persons who took part in deciding it, and the pool
// members seated on the panel with their user accounts.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { PoolMember } from '../core/relief/panel.js';
import { APPEAL_STAGE_LABELS, type AppealStage, type AppealState } from '../core/workflow/appeal.js';
import type { AppealsTable, DB } from './schema.js';
import { containsPattern, type PageRequest, pageOfRows, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

function appealRows(db: Db) {
  return (
    db
      .selectFrom('appeals as t')
      .innerJoin('cases as c', 'c.id', 't.caseId')
      // An agency's appeal has no officer.
      .leftJoin('officers as o', 'o.id', 't.officerId')
      .innerJoin('agencies as a', 'a.id', 'c.agencyId')
      .innerJoin('regions as r', 'r.code', 't.regionCode')
      .selectAll('t')
      .select([
        'c.number as caseNumber',
        'c.subject as caseSubject',
        'c.state as caseState',
        'c.agencyId as agencyId',
        'c.decisionOn as caseDecisionOn',
        'c.decisionKind as caseDecisionKind',
        'c.decisionReasons as caseDecisionReasons',
        'c.findingsText as caseFindings',
        'c.proposal as caseProposal',
        'c.approval as caseApproval',
        'a.name as agencyName',
        'r.name as regionName',
        'o.name as officerName',
        'o.post as officerPost',
        'o.agencyId as officerAgencyId',
      ])
  );
}

/** The panel as stored: the draw (seed, order, members, chair, passed), its pool and the conflicts declared. */
export interface StoredPanel {
  seed: string;
  order: string[];
  members: string[];
  chair: string;
  passed: { id: string; reason: 'conflict' | 'officer_limit' | 'legal_seat' }[];
  pool: PoolMember[];
  conflicts: { memberId: string; reason: string; on: string }[];
  drawnOn: string;
}

export const panelOf = (a: { panel: unknown }) => (a.panel ?? null) as StoredPanel | null;

/** The appeals within `scope` (t: the appeal, c: its case). */
const inScope = (scope: Scope) =>
  scopeCondition(scope, { region: 't.regionCode', agency: 'c.agencyId', officer: 't.officerId' });

/** Members of the pool by id, with their user accounts and names. */
export async function poolMembers(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('reliefMembers').selectAll().where('id', 'in', ids).execute();
}

export async function loadAppeal(db: Db, id: string) {
  const row = await appealRows(db).where('t.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const panel = panelOf(row);
  const [members, deciders] = await Promise.all([
    poolMembers(db, panel?.order ?? []),
    db.selectFrom('caseInvestigators').select('userId').where('caseId', '=', row.caseId).execute(),
  ]);
  return { ...row, members, investigators: deciders.map((d) => d.userId) };
}

export type LoadedAppeal = NonNullable<Awaited<ReturnType<typeof loadAppeal>>>;

export interface AppealFilter {
  state?: AppealState;
  stage?: AppealStage;
  caseId?: string;
  q?: string;
  /** A panel member's inbox: the appeals whose panel seats this pool member. */
  memberId?: string;
}

export async function listAppeals(db: Db, scope: Scope | null, f: AppealFilter, page: PageRequest) {
  let q = appealRows(db);
  if (scope) q = q.where(inScope(scope));
  if (f.memberId) q = q.where(sql<boolean>`t.panel->'members' @> ${JSON.stringify([f.memberId])}::jsonb`);
  if (f.state) q = q.where('t.state', '=', f.state);
  if (f.stage) q = q.where('t.stage', '=', f.stage);
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

/** The pool member a user account is (a panel member's account), if any. */
export async function memberOfUser(db: Db, userId: string) {
  return db.selectFrom('reliefMembers').selectAll().where('userId', '=', userId).executeTakeFirst();
}

/** The active pool of a region and the regions above and below it (the province's experts sit in its cities). */
export async function activePool(db: Db, regionCode: string) {
  return db
    .selectFrom('reliefMembers')
    .selectAll()
    .where('active', '=', true)
    .where(sql<boolean>`left(region_code, 2) = ${regionCode.slice(0, 2)}`)
    .orderBy('id')
    .execute();
}

/** The pool of the province a region is in, with each member's agency by name (the console's 委员库). */
export async function listPool(db: Db, regionCode: string) {
  return db
    .selectFrom('reliefMembers as m')
    .leftJoin('agencies as a', 'a.id', 'm.agencyId')
    .selectAll('m')
    .select('a.name as agencyName')
    .where('m.regionCode', 'like', `${regionCode.slice(0, 2)}%`)
    .orderBy('m.id')
    .execute();
}

/** Figures of the register: appeals by year, agency, state and outcome. */
export async function appealStatistics(db: Db, scope: Scope) {
  const { rows } = await sql<{
    year: number;
    agencyId: string;
    agencyName: string;
    stage: AppealStage;
    state: AppealState;
    outcome: string | null;
    n: number;
  }>`
    select extract(year from t.filed_on)::int as year, c.agency_id, a.name as agency_name, t.stage, t.state,
           case when t.state = 'decided' then t.decision->>'outcome' end as outcome, count(*)::int as n
    from appeals t
    join cases c on c.id = t.case_id
    join agencies a on a.id = c.agency_id
    where ${inScope(scope)}
    group by 1, 2, 3, 4, 5, 6
    order by 1 desc, 3, 4, 5`.execute(db);
  return rows;
}

export async function insertAppeal(db: Db, row: Insertable<AppealsTable>): Promise<string> {
  const r = await db.insertInto('appeals').values(row).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** Next appeal number in a region and year: e.g. A市申诉〔2026〕3号. */
export async function nextAppealNumber(
  db: Db,
  regionCode: string,
  regionName: string,
  year: number,
  stage: AppealStage = 'appeal',
): Promise<string> {
  await sql`select pg_advisory_xact_lock(7361013, ${Number(regionCode)})`.execute(db);
  // 复核 and 申诉 are numbered apart: A市复核〔2027〕1号, A市申诉〔2027〕1号.
  const prefix = `${regionName}${APPEAL_STAGE_LABELS[stage]}〔${year}〕`;
  const r = await db
    .selectFrom('appeals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('number', 'like', `${prefix}%`)
    .executeTakeFirstOrThrow();
  return `${prefix}${Number(r.n) + 1}号`;
}

/**
 * The home page's figures: open appeals in scope (or on the member's panels) and those past the
 * panel's due date; for a member, the votes still theirs to cast.
 */
export async function appealCounts(db: Db, scope: Scope | null, memberId: string | null, today: string) {
  let q = db
    .selectFrom('appeals as t')
    .innerJoin('cases as c', 'c.id', 't.caseId')
    .where('t.state', 'in', ['filed', 'accepted', 'panel', 'voting']);
  if (scope) q = q.where(inScope(scope));
  if (memberId) q = q.where(sql<boolean>`t.panel->'members' @> ${JSON.stringify([memberId])}::jsonb`);
  const r = await q
    .select([
      sql<number>`count(*)::int`.as('open'),
      sql<number>`count(*) filter (where t.due_on < ${today})::int`.as('overdue'),
      sql<number>`count(*) filter (where t.state = 'voting' and not t.votes @> ${JSON.stringify([{ memberId }])}::jsonb)::int`.as(
        'toVote',
      ),
    ])
    .executeTakeFirstOrThrow();
  return { open: r.open, overdue: r.overdue, toVote: memberId ? r.toVote : 0 };
}
