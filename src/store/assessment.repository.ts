// 年度考核: what the annual assessment reads of a region's year — agencies and officers, acts by
// agency and by handler, faults found (detection findings and the cases of other sources that found
// someone liable) with their cases' outcome, cases decided, complaints, spot-check review scores and
// the disclosure register — as rows; src/core/assessment/figures.ts decides what they mean. Also
// acts and findings by officer and act kind, for the peer comparison of early warning.
import { type Kysely, sql, type Transaction } from 'kysely';
import type { ActKind } from '../core/acts/codes.js';
import type {
  CasePersonRow,
  ComplaintRow,
  DisclosureRow,
  EvaluationRow,
  FaultRow,
  ReviewRow,
} from '../core/assessment/figures.js';
import type { DecisionKind } from '../core/workflow/case.js';
import type { DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

/** The act's handler: the approval chain's, else its first officer (as findings keep it). */
const HANDLER = sql`coalesce(nullif(a.body -> 'chain' ->> 'handler', ''), a.body -> 'officers' -> 0 ->> 'id')`;

export interface YearSpan {
  /** Region prefix (regionPrefix of the region's code). */
  prefix: string;
  from: string;
  to: string;
}

const like = (s: YearSpan) => `${s.prefix}%`;
/** China's day boundaries for timestamps. */
const startOf = (day: string) => `${day}T00:00:00+08:00`;
const nextDay = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

export async function subjectsOf(db: Db, prefix: string) {
  const agencies = await db
    .selectFrom('agencies')
    .select(['id', 'name', 'regionCode'])
    .where('regionCode', 'like', `${prefix}%`)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  const officers = await db
    .selectFrom('officers')
    .select(['id', 'name', 'agencyId', 'regionCode'])
    .where('regionCode', 'like', `${prefix}%`)
    .where('active', '=', true)
    .orderBy('id')
    .execute();
  return { agencies, officers };
}

/** Acts of the span by agency and by handler. */
export async function actCounts(db: Db, s: YearSpan) {
  const byAgency = await sql<{ agencyId: string; n: string | number }>`
    select a.agency_id, count(*) as n from acts a
    where a.region_code like ${like(s)} and a.act_on >= ${s.from} and a.act_on <= ${s.to}
    group by a.agency_id`.execute(db);
  const byOfficer = await sql<{ officerId: string | null; n: string | number }>`
    select ${HANDLER} as officer_id, count(*) as n from acts a
    where a.region_code like ${like(s)} and a.act_on >= ${s.from} and a.act_on <= ${s.to}
    group by 1`.execute(db);
  return {
    byAgency: new Map(byAgency.rows.map((r) => [r.agencyId, Number(r.n)])),
    byOfficer: new Map(
      byOfficer.rows.filter((r) => r.officerId !== null).map((r) => [r.officerId!, Number(r.n)]),
    ),
  };
}

/**
 * Faults found in the span: each detection finding of an act of the span (with the case its lead
 * became, following a merge), and each case of the span from another source that found someone liable
 * or was decided; with their cases' persons.
 */
export async function faultRows(db: Db, s: YearSpan): Promise<FaultRow[]> {
  const findings = await sql<{
    actId: string;
    agencyId: string;
    officerId: string | null;
    caseId: string | null;
    decisionKind: DecisionKind | null;
  }>`
    select f.act_id, f.agency_id, f.officer_id, c.id as case_id, c.decision_kind
    from findings f
    left join lateral (
      select coalesce(l.case_id, m.case_id) as case_id from leads l
      left join leads m on m.id = l.merged_into
      where l.act_id = f.act_id and l.rule = f.rule
      order by coalesce(l.case_id, m.case_id) nulls last limit 1
    ) lc on true
    left join cases c on c.id = lc.case_id
    where f.region_code like ${like(s)} and f.occurred_on >= ${s.from} and f.occurred_on <= ${s.to}
    order by f.act_id, f.rule`.execute(db);
  const others = await sql<{ caseId: string; agencyId: string; decisionKind: DecisionKind | null }>`
    select c.id as case_id, c.agency_id, c.decision_kind from cases c
    where c.region_code like ${like(s)} and c.registered_on >= ${s.from} and c.registered_on <= ${s.to}
      and not exists (select 1 from leads l where l.case_id = c.id and l.act_id is not null and l.rule is not null)
      and (c.decision_kind in ('pursue', 'exempt')
           or exists (select 1 from case_persons cp where cp.case_id = c.id and cp.liable))
    order by c.id`.execute(db);
  const caseIds = [
    ...new Set([...findings.rows.map((f) => f.caseId), ...others.rows.map((c) => c.caseId)]),
  ].filter((x): x is string => x !== null);
  const persons = await personsOf(db, caseIds);
  return [
    ...findings.rows.map((f) => ({
      agencyId: f.agencyId,
      actId: f.actId,
      officerId: f.officerId,
      caseId: f.caseId,
      decisionKind: f.decisionKind,
      persons: (f.caseId && persons.get(f.caseId)) || [],
    })),
    ...others.rows.map((c) => ({
      agencyId: c.agencyId,
      actId: null,
      officerId: null,
      caseId: c.caseId,
      decisionKind: c.decisionKind,
      persons: persons.get(c.caseId) ?? [],
    })),
  ];
}

async function personsOf(db: Db, caseIds: string[]): Promise<Map<string, CasePersonRow[]>> {
  const out = new Map<string, CasePersonRow[]>();
  if (caseIds.length === 0) return out;
  const rows = await db
    .selectFrom('casePersons')
    .select([
      'caseId',
      'officerId',
      'liable',
      sql<boolean>`coalesce(tolerance->>'outcome' = 'exempt', false)`.as('exempt'),
    ])
    .where('caseId', 'in', caseIds)
    .orderBy('caseId')
    .orderBy('officerId')
    .execute();
  for (const r of rows) {
    const list = out.get(r.caseId) ?? [];
    list.push({ officerId: r.officerId, liable: r.liable, toleranceExempt: r.exempt });
    out.set(r.caseId, list);
  }
  return out;
}

/** Cases decided in the span, with what their timeliness is judged by. */
export async function decidedCases(db: Db, s: YearSpan) {
  const cases = await db
    .selectFrom('cases')
    .select([
      'id',
      'agencyId',
      'pack',
      'decisionKind',
      'registeredOn',
      'acceptedOn',
      'investigationStartedOn',
      'findingsOn',
    ])
    .where('regionCode', 'like', like(s))
    .where('decisionOn', '>=', s.from)
    .where('decisionOn', '<=', s.to)
    .orderBy('id')
    .execute();
  const ids = cases.map((c) => c.id);
  const extensions =
    ids.length === 0
      ? []
      : await db
          .selectFrom('caseExtensions')
          .select(['caseId', 'days'])
          .where('caseId', 'in', ids)
          .orderBy('id')
          .execute();
  const persons = await personsOf(db, ids);
  return cases.map((c) => ({
    ...c,
    extensionDays: extensions.filter((e) => e.caseId === c.id).map((e) => e.days),
    persons: persons.get(c.id) ?? [],
  }));
}

/** Complaints received in the span, with the officer their lead names. */
export async function complaintRows(db: Db, s: YearSpan): Promise<ComplaintRow[]> {
  const r = await sql<{ agencyId: string; officerId: string | null }>`
    select c.agency_id, (select l.officer_id from leads l where l.complaint_id = c.id and l.officer_id is not null
                         order by l.id limit 1) as officer_id
    from complaints c
    where c.region_code like ${like(s)} and c.agency_id is not null
      and c.created_at >= ${startOf(s.from)}::timestamptz and c.created_at < ${startOf(nextDay(s.to))}::timestamptz
    order by c.id`.execute(db);
  return r.rows;
}

/** Files scored in the spot-checks (抽查) of the span, with the act's handler. */
export async function reviewRows(db: Db, s: YearSpan): Promise<ReviewRow[]> {
  const r = await sql<{
    fileId: string;
    actId: string;
    agencyId: string;
    officerId: string | null;
    total: string | number;
  }>`
    select f.id as file_id, f.act_id, f.agency_id, ${HANDLER} as officer_id, f.total
    from review_files f join acts a on a.id = f.act_id
    where f.region_code like ${like(s)} and f.stage = 'spot' and f.total is not null
      and f.scored_at >= ${startOf(s.from)}::timestamptz and f.scored_at < ${startOf(nextDay(s.to))}::timestamptz
    order by f.id`.execute(db);
  return r.rows.map((x) => ({ ...x, total: Number(x.total) }));
}

/** Answers of external evaluations (外部评议) given in the span, each with its mean (1–5). */
export async function evaluationRows(db: Db, s: YearSpan): Promise<EvaluationRow[]> {
  const r = await sql<{ answerId: string; agencyId: string; mean: string | number }>`
    select e.id as answer_id, e.agency_id, e.mean
    from evaluation_answers e
    where e.region_code like ${like(s)}
      and e.created_at >= ${startOf(s.from)}::timestamptz and e.created_at < ${startOf(nextDay(s.to))}::timestamptz
    order by e.id`.execute(db);
  return r.rows.map((x) => ({ ...x, mean: Number(x.mean) }));
}

/** Publications due in the span up to `asOf` (withheld ones lawfully not published are left out). */
export async function disclosureRows(db: Db, s: YearSpan, asOf: string): Promise<DisclosureRow[]> {
  const to = s.to < asOf ? s.to : asOf;
  const r = await sql<{ actId: string | null; agencyId: string; onTime: boolean }>`
    select case when p.source_kind = 'act' then p.source_id end as act_id, p.agency_id,
           coalesce(p.published_on <= p.due_on, false) as on_time
    from publications p
    where p.region_code like ${like(s)} and p.agency_id is not null and p.state <> 'withheld'
      and p.due_on >= ${s.from} and p.due_on <= ${to}
    order by p.id`.execute(db);
  return r.rows;
}

/** The first and last years with acts in the region (null when none). */
export async function yearsWithActs(db: Db, prefix: string): Promise<{ first: number; last: number } | null> {
  const r = await sql<{ first: string | null; last: string | null }>`
    select min(act_on) as first, max(act_on) as last from acts where region_code like ${`${prefix}%`}`.execute(
    db,
  );
  const row = r.rows[0];
  if (!row?.first || !row.last) return null;
  return { first: Number(String(row.first).slice(0, 4)), last: Number(String(row.last).slice(0, 4)) };
}

export interface OfficerKindRow {
  officer: string;
  name: string;
  agency: string;
  kind: ActKind;
  acts: number;
  faults: number;
}

/** Per officer of the agencies (the act's handler) and act kind: acts and acts with findings in the span. */
export async function officerActsByKind(
  db: Db,
  agencyIds: readonly string[],
  from: string,
  to: string,
): Promise<OfficerKindRow[]> {
  if (agencyIds.length === 0) return [];
  const ids = sql.join(agencyIds.map((id) => sql`${id}`));
  const r = await sql<{
    officer: string;
    name: string;
    agency: string;
    kind: ActKind;
    acts: string | number;
    faults: string | number;
  }>`
    select o.id as officer, o.name, o.agency_id as agency, x.kind, x.acts, coalesce(y.faults, 0) as faults
    from (
      select ${HANDLER} as officer_id, a.kind, count(*) as acts from acts a
      where a.agency_id in (${ids}) and a.act_on >= ${from} and a.act_on <= ${to}
      group by 1, 2
    ) x
    join officers o on o.id = x.officer_id and o.agency_id in (${ids})
    left join (
      select f.officer_id, f.kind, count(distinct f.act_id) as faults from findings f
      where f.agency_id in (${ids}) and f.occurred_on >= ${from} and f.occurred_on <= ${to}
      group by 1, 2
    ) y on y.officer_id = x.officer_id and y.kind = x.kind
    order by o.id, x.kind`.execute(db);
  return r.rows.map((x) => ({ ...x, acts: Number(x.acts), faults: Number(x.faults) }));
}
