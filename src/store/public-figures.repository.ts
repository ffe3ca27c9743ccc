// The portal's precomputed figures (migration 0021, issue 15): the accountability statistics (leads
// found, cases registered and decided, sanctions by form, tolerance and appeals decided) and the
// annual report's counts of the acts (penalties by the category counted, with the fines; licensing
// by stage), per year and agency — aggregate counts, never a name. Refreshed whole in one
// transaction: nightly, after an import, on a case's decision (the accountability part only, which
// reads small tables). The penalty categories are core's (src/core/disclosure/report.ts): the SQL
// below is built from its keyword table and order, and the API test holds the two together.
import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import { PENALTY_CATEGORIES, PENALTY_KEYWORDS } from '../core/disclosure/report.js';
import {
  ACCOUNTABILITY_MEASURES,
  FIGURE_MEASURES,
  type FigureMeasure,
  type FigureRow,
} from '../core/disclosure/statistics.js';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The act measures (the annual report's); the rest are the accountability statistics. */
export const ACT_MEASURES = ['penalty', 'licensing'] as const satisfies readonly FigureMeasure[];

/**
 * The category a penalty act is counted under, in SQL: the heaviest category whose words its
 * category or result text names (a fine also by its amount), else 其他 — penaltyReportCategory.
 */
function penaltyCategorySql(): RawBuilder<string> {
  const text = sql`(coalesce(a.body ->> 'category', '') || ' ' || coalesce(a.body ->> 'result', ''))`;
  const heaviestFirst = [...PENALTY_CATEGORIES].reverse().filter((c) => c !== 'other');
  const whens = heaviestFirst.map((c) => {
    const words = PENALTY_KEYWORDS[c as Exclude<typeof c, 'other'>].map(
      (w) => sql`strpos(${text}, ${w}) > 0`,
    );
    if (c === 'fine') words.push(sql`coalesce(a.fine, 0) > 0`);
    return sql`when ${sql.join(words, sql` or `)} then ${c}`;
  });
  return sql<string>`case ${sql.join(whens, sql` `)} else 'other' end`;
}

const yearOf = (col: RawBuilder<unknown>) => sql`extract(year from ${col})::int`;

/** The select of every accountability figure: (region_code, measure, key, year, agency_id, n, amount_fen). */
function accountabilitySelect(): RawBuilder<unknown> {
  return sql`
    select min(l.region_code), 'fault_found', 'total', ${yearOf(sql`(l.created_at at time zone 'Asia/Shanghai')`)},
           coalesce(l.agency_id, ''), count(*), 0
    from leads l where l.status <> 'merged'
    group by 4, 5
    union all
    select min(c.region_code), 'case_registered', 'total', ${yearOf(sql`c.registered_on`)}, c.agency_id, count(*), 0
    from cases c
    group by 4, 5
    union all
    select min(c.region_code), 'case_decided', c.decision_kind, ${yearOf(sql`c.decision_on`)}, c.agency_id, count(*), 0
    from cases c where c.decision_kind is not null and c.decision_on is not null
    group by 3, 4, 5
    union all
    select min(s.region_code), 'sanction', s.form, ${yearOf(sql`s.decision_on`)}, s.agency_id, count(*), 0
    from (
      select c.region_code, c.agency_id, c.decision_on,
             case when p.relief ->> 'outcome' = 'changed' and p.relief ->> 'form' is not null
                  then p.relief ->> 'form' else x ->> 'form' end as form,
             p.relief ->> 'outcome' as relief
      from cases c
      cross join lateral jsonb_array_elements(coalesce(c.proposal -> 'sanctions', '[]'::jsonb)) x
      left join case_persons p on p.case_id = c.id and p.officer_id = x ->> 'personId'
      where c.decision_kind = 'pursue' and c.decision_on is not null
    ) s
    where s.form is not null and s.relief is distinct from 'revoked'
    group by 3, 4, 5
    union all
    select min(c.region_code), 'tolerance_decided', t.decision ->> 'outcome', ${yearOf(sql`t.decided_on`)}, c.agency_id,
           count(*), 0
    from tolerance_applications t join cases c on c.id = t.case_id
    where t.decided_on is not null and t.decision ->> 'outcome' is not null
    group by 3, 4, 5
    union all
    select min(c.region_code), 'appeal_decided', t.decision ->> 'outcome', ${yearOf(sql`t.decided_on`)}, c.agency_id,
           count(*), 0
    from appeals t join cases c on c.id = t.case_id
    where t.state = 'decided' and t.decided_on is not null and t.decision ->> 'outcome' is not null
    group by 3, 4, 5`;
}

/** The select of the acts' figures: penalties by category with fines, licensing by stage. */
function actsSelect(): RawBuilder<unknown> {
  return sql`
    select min(a.region_code), 'penalty', ${penaltyCategorySql()}, ${yearOf(sql`a.decided`)}, a.agency_id, count(*),
           coalesce(sum(round(coalesce(a.fine, 0) * 100)), 0)::bigint
    from acts a where a.kind = 'penalty' and a.decided is not null
    group by 3, 4, 5
    union all
    select min(s.region_code), 'licensing', s.stage, s.year, s.agency_id, count(*), 0
    from (
      select a.region_code, a.agency_id, st.stage, ${yearOf(sql`st.d`)} as year
      from acts a
      cross join lateral (values
        ('applied', a.applied),
        ('accepted', a.accepted),
        (case when coalesce(a.body ->> 'decision', 'granted') = 'granted' then 'granted'
              when a.body ->> 'decision' = 'refused' then 'refused' end, a.decided),
        (case when a.review = 'revoked' and coalesce(a.body ->> 'decision', 'granted') = 'granted'
              then 'revoked' end, a.decided)
      ) as st(stage, d)
      where a.kind = 'licensing' and st.stage is not null and st.d is not null
    ) s
    group by 3, 4, 5`;
}

export interface RefreshResult {
  rows: number;
  ms: number;
}

/**
 * Recompute the figures of `which` ('accountability': the small tables only; 'all': the acts too)
 * in the caller's transaction, replacing the stored ones.
 */
export async function refreshPublicFigures(
  trx: Db,
  which: 'accountability' | 'all',
  now = new Date(),
): Promise<RefreshResult> {
  const t0 = performance.now();
  // One refresh at a time: a second waits, then replaces what the first wrote.
  await sql`select pg_advisory_xact_lock(7361021)`.execute(trx);
  const measures: readonly string[] = which === 'all' ? FIGURE_MEASURES : ACCOUNTABILITY_MEASURES;
  await trx.deleteFrom('publicFigures').where('measure', 'in', measures).execute();
  const select =
    which === 'all' ? sql`${accountabilitySelect()} union all ${actsSelect()}` : accountabilitySelect();
  const r = await sql`
    insert into public_figures (region_code, measure, key, year, agency_id, n, amount_fen, refreshed_at)
    select f.*, ${now} from (${select}) as f (region_code, measure, key, year, agency_id, n, amount_fen)
    where f.year is not null`.execute(trx);
  return { rows: Number(r.numAffectedRows ?? 0), ms: Math.round(performance.now() - t0) };
}

/** Refresh every figure in a transaction of its own (the nightly run, after an import). */
export function refreshAllPublicFigures(db: Kysely<DB>, now = new Date()): Promise<RefreshResult> {
  return db.transaction().execute((trx) => refreshPublicFigures(trx, 'all', now));
}

export interface FigureFilter {
  measures: readonly FigureMeasure[];
  year?: number;
  agencyId?: string;
}

/** The stored figures of the measures (for a year, an agency), with the agency's name. */
/** Whether any figures have been computed (a database migrated from before them has none). */
export async function hasPublicFigures(db: Db): Promise<boolean> {
  const any = await db.selectFrom('publicFigures').select('measure').limit(1).executeTakeFirst();
  return any !== undefined;
}

export async function readFigures(
  db: Db,
  f: FigureFilter,
): Promise<(FigureRow & { agencyName: string | null })[]> {
  let q = db
    .selectFrom('publicFigures as f')
    .leftJoin('agencies as g', 'g.id', 'f.agencyId')
    .select(['f.measure', 'f.key', 'f.year', 'f.agencyId', 'f.n', 'f.amountFen', 'g.name as agencyName'])
    .where('f.measure', 'in', f.measures);
  if (f.year !== undefined) q = q.where('f.year', '=', f.year);
  if (f.agencyId !== undefined) q = q.where('f.agencyId', '=', f.agencyId);
  const rows = await q
    .orderBy('f.year', 'desc')
    .orderBy('f.agencyId')
    .orderBy('f.measure')
    .orderBy('f.key')
    .execute();
  return rows.map((r) => ({
    measure: r.measure as FigureMeasure,
    key: r.key,
    year: r.year,
    agencyId: r.agencyId === '' ? null : r.agencyId,
    agencyName: r.agencyName,
    n: Number(r.n),
    amountFen: Number(r.amountFen),
  }));
}

/** The years the measures have figures for, newest first, and when the figures were last refreshed. */
export async function figureYears(
  db: Db,
  measures: readonly FigureMeasure[],
): Promise<{ years: number[]; refreshedAt: Date | null }> {
  const rows = await db
    .selectFrom('publicFigures')
    .select((eb) => ['year', eb.fn.max('refreshedAt').as('refreshedAt')])
    .where('measure', 'in', measures)
    .groupBy('year')
    .orderBy('year', 'desc')
    .execute();
  const times = rows.map((r) => new Date(r.refreshedAt as unknown as string).getTime());
  return {
    years: rows.map((r) => r.year),
    refreshedAt: times.length > 0 ? new Date(Math.max(...times)) : null,
  };
}

/**
 * The name the reports go under: the one city (or province) every agency with figures belongs to,
 * else 本地区.
 */
export async function reportRegionName(db: Db): Promise<string> {
  const rows = await db
    .selectFrom('publicFigures')
    .select('regionCode')
    .distinct()
    .where('agencyId', '<>', '')
    .execute();
  const codes = rows.map((r) => r.regionCode);
  if (codes.length === 0) return '本地区';
  const same = (n: number) => codes.every((c) => c.slice(0, n) === codes[0]!.slice(0, n));
  const code = same(4) ? `${codes[0]!.slice(0, 4)}00` : same(2) ? `${codes[0]!.slice(0, 2)}0000` : null;
  if (code === null) return '本地区';
  const r = await db.selectFrom('regions').select('name').where('code', '=', code).executeTakeFirst();
  return r?.name ?? '本地区';
}
