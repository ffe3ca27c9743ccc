// Reading the imported acts and what the detection rules found in them: the drill-down list, one
// act with its findings and leads, the supervision figures (findings by rule, agency and month;
// faults found vs faults pursued) and the early-warning counts per officer (Art. 19(2)).
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { DB } from './schema.js';
import { containsPattern, offsetOf, type Page, type PageRequest, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

export interface ActFilter {
  agencyId?: string;
  rule?: string;
  kind?: string;
  /** Act date (coalesce of the decision, filing, acceptance, application and incident dates). */
  from?: string;
  to?: string;
  /** Act id, matter or party. */
  q?: string;
  /** Only acts with at least one finding. */
  flagged?: boolean;
}

export interface FindingRow {
  actId: string;
  rule: string;
  fault: string | null;
  basis: string;
  detail: string;
  relatedActId: string | null;
  officerId: string | null;
  occurredOn: string | null;
  foundAt: Date;
}

export interface ActRow {
  id: string;
  regionCode: string;
  agencyId: string;
  agencyName: string | null;
  kind: string;
  matter: string | null;
  procedure: string | null;
  partyType: string | null;
  partyId: string | null;
  actOn: string | null;
  decided: string | null;
  fine: number | null;
  importedAt: Date;
  updatedAt: Date;
}

const actScopeSql = (scope: Scope, alias = 'acts') =>
  scopeCondition(scope, { region: `${alias}.regionCode`, agency: `${alias}.agencyId` });

function actsQuery(db: Db, scope: Scope, f: ActFilter) {
  let q = db
    .selectFrom('acts')
    .leftJoin('agencies', 'agencies.id', 'acts.agencyId')
    .where(actScopeSql(scope));
  if (f.agencyId) q = q.where('acts.agencyId', '=', f.agencyId);
  if (f.kind) q = q.where('acts.kind', '=', f.kind as never);
  if (f.from) q = q.where('acts.actOn', '>=', f.from);
  if (f.to) q = q.where('acts.actOn', '<=', f.to);
  if (f.rule) {
    const rule = f.rule;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('findings')
          .select(sql`1`.as('one'))
          .whereRef('findings.actId', '=', 'acts.id')
          .where('findings.rule', '=', rule),
      ),
    );
  } else if (f.flagged) {
    q = q.where((eb) =>
      eb.exists(
        eb.selectFrom('findings').select(sql`1`.as('one')).whereRef('findings.actId', '=', 'acts.id'),
      ),
    );
  }
  if (f.q) {
    const p = containsPattern(f.q);
    const exact = f.q;
    q = q.where((eb) =>
      eb.or([eb('acts.id', 'ilike', p), eb('acts.matter', 'ilike', p), eb('acts.partyId', '=', exact)]),
    );
  }
  return q;
}

const ACT_COLUMNS = [
  'acts.id',
  'acts.regionCode',
  'acts.agencyId',
  'agencies.name as agencyName',
  'acts.kind',
  'acts.matter',
  'acts.procedure',
  'acts.partyType',
  'acts.partyId',
  'acts.actOn',
  'acts.decided',
  'acts.fine',
  'acts.importedAt',
  'acts.updatedAt',
] as const;

async function findingsOf(db: Db, ids: string[]): Promise<Map<string, FindingRow[]>> {
  const out = new Map<string, FindingRow[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('findings')
    .select([
      'actId',
      'rule',
      'fault',
      'basis',
      'detail',
      'relatedActId',
      'officerId',
      'occurredOn',
      'foundAt',
    ])
    .where('actId', 'in', ids)
    .orderBy('actId')
    .orderBy('rule')
    .execute();
  for (const r of rows) {
    const list = out.get(r.actId) ?? [];
    list.push(r);
    out.set(r.actId, list);
  }
  return out;
}

/** Acts with their findings, newest first. */
export async function listActs(
  db: Db,
  scope: Scope,
  f: ActFilter,
  page: PageRequest,
): Promise<Page<ActRow & { findings: FindingRow[] }>> {
  const q = actsQuery(db, scope, f);
  const [{ total }] = await q.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = (await q
    .select([...ACT_COLUMNS])
    .orderBy('acts.actOn', (o) => o.desc().nullsLast())
    .orderBy('acts.id', 'desc')
    .limit(page.pageSize)
    .offset(offsetOf(page))
    .execute()) as ActRow[];
  const findings = await findingsOf(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({ ...r, findings: findings.get(r.id) ?? [] })),
    total: Number(total),
    ...page,
  };
}

export interface ActLead {
  id: string;
  rule: string | null;
  status: string;
  caseId: string | null;
  caseNumber: string | null;
  caseState: string | null;
  dismissReason: string | null;
}

/** One act's record with its agency's name (no findings, no leads): what a case's lead points at. */
export async function findActWithAgency(db: Db, id: string) {
  return db
    .selectFrom('acts')
    .leftJoin('agencies', 'agencies.id', 'acts.agencyId')
    .select(['acts.id', 'acts.agencyId', 'agencies.name as agencyName', 'acts.body'])
    .where('acts.id', '=', id)
    .executeTakeFirst();
}

/** One act: its record, findings and the leads made of them (with their cases). */
export async function findAct(db: Db, id: string) {
  const act = await db
    .selectFrom('acts')
    .leftJoin('agencies', 'agencies.id', 'acts.agencyId')
    .select([...ACT_COLUMNS, 'acts.body', 'acts.bodyHash'])
    .where('acts.id', '=', id)
    .executeTakeFirst();
  if (!act) return undefined;
  const findings = (await findingsOf(db, [id])).get(id) ?? [];
  const leads: ActLead[] = await db
    .selectFrom('leads')
    .leftJoin('cases', 'cases.id', 'leads.caseId')
    .select([
      'leads.id',
      'leads.rule',
      'leads.status',
      'leads.caseId',
      'cases.number as caseNumber',
      'cases.state as caseState',
      'leads.dismissReason',
    ])
    .where('leads.actId', '=', id)
    .orderBy('leads.createdAt')
    .execute();
  return { ...(act as ActRow & { body: Record<string, unknown>; bodyHash: string }), findings, leads };
}

export interface SummaryFilter {
  from?: string;
  to?: string;
  agencyId?: string;
}

function findingsWhere(scope: Scope, f: SummaryFilter, alias = 'f') {
  const parts = [scopeCondition(scope, { region: `${alias}.regionCode`, agency: `${alias}.agencyId` })];
  if (f.agencyId) parts.push(sql<boolean>`${sql.ref(`${alias}.agencyId`)} = ${f.agencyId}`);
  if (f.from) parts.push(sql<boolean>`${sql.ref(`${alias}.occurredOn`)} >= ${f.from}`);
  if (f.to) parts.push(sql<boolean>`${sql.ref(`${alias}.occurredOn`)} <= ${f.to}`);
  return sql.join(parts, sql` and `);
}

export interface AgencyFigures {
  agencyId: string;
  agencyName: string | null;
  regionCode: string;
  acts: number;
  findings: number;
  /** Detection leads opened as cases. */
  pursued: number;
  /** Of those, cases with a liable person. */
  sustained: number;
  dismissed: number;
}

/** Supervision figures over the findings in scope. */
export async function supervisionSummary(db: Db, scope: Scope, f: SummaryFilter) {
  const where = findingsWhere(scope, f);
  const byRule = await sql<{ rule: string; fault: string | null; n: number }>`
    select f.rule, min(f.fault) as fault, count(*)::integer as n
    from findings f where ${where} group by f.rule order by n desc, f.rule`.execute(db);
  const byMonth = await sql<{ month: string; rule: string; n: number }>`
    select to_char(f.occurred_on, 'YYYY-MM') as month, f.rule, count(*)::integer as n
    from findings f where ${where} and f.occurred_on is not null
    group by 1, 2 order by 1, 2`.execute(db);
  // Acts per agency and month (the denominator), over the same scope and dates.
  const actParts = [scopeCondition(scope, { region: 'a.regionCode', agency: 'a.agencyId' })];
  if (f.agencyId) actParts.push(sql<boolean>`a.agency_id = ${f.agencyId}`);
  if (f.from) actParts.push(sql<boolean>`a.act_on >= ${f.from}`);
  if (f.to) actParts.push(sql<boolean>`a.act_on <= ${f.to}`);
  const actWhere = sql.join(actParts, sql` and `);
  // (Result columns come back camelCased: the builder has the CamelCasePlugin.)
  const actsByAgency = await sql<{ agencyId: string; regionCode: string; n: number }>`
    select a.agency_id, min(a.region_code) as region_code, count(*)::integer as n
    from acts a where ${actWhere} group by a.agency_id`.execute(db);
  const actsByMonth = await sql<{ month: string; n: number }>`
    select to_char(a.act_on, 'YYYY-MM') as month, count(*)::integer as n
    from acts a where ${actWhere} and a.act_on is not null group by 1 order by 1`.execute(db);
  // Faults found vs faults pursued, per agency: findings, their leads opened as cases, and the
  // cases whose persons were held liable.
  const byAgency = await sql<{
    agencyId: string;
    regionCode: string;
    findings: number;
    pursued: number;
    sustained: number;
    dismissed: number;
  }>`
    select f.agency_id, min(f.region_code) as region_code, count(*)::integer as findings,
           count(l.case_id)::integer as pursued,
           count(*) filter (where l.status = 'dismissed')::integer as dismissed,
           count(*) filter (where exists (
             select 1 from case_persons cp where cp.case_id = l.case_id and cp.liable))::integer as sustained
    from findings f
    left join leads l on l.finding_key = f.act_id || '|' || f.rule
    where ${where}
    group by f.agency_id`.execute(db);
  const names = new Map(
    (await db.selectFrom('agencies').select(['id', 'name']).execute()).map((a) => [a.id, a.name]),
  );
  const agencies = new Map<string, AgencyFigures>();
  for (const r of actsByAgency.rows) {
    agencies.set(r.agencyId, {
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? null,
      regionCode: r.regionCode,
      acts: r.n,
      findings: 0,
      pursued: 0,
      sustained: 0,
      dismissed: 0,
    });
  }
  for (const r of byAgency.rows) {
    const a = agencies.get(r.agencyId) ?? {
      agencyId: r.agencyId,
      agencyName: names.get(r.agencyId) ?? null,
      regionCode: r.regionCode,
      acts: 0,
      findings: 0,
      pursued: 0,
      sustained: 0,
      dismissed: 0,
    };
    a.findings = r.findings;
    a.pursued = r.pursued;
    a.sustained = r.sustained;
    a.dismissed = r.dismissed;
    agencies.set(r.agencyId, a);
  }
  const months = new Map<
    string,
    { month: string; acts: number; findings: number; byRule: Record<string, number> }
  >();
  const month = (m: string) => {
    let x = months.get(m);
    if (!x) {
      x = { month: m, acts: 0, findings: 0, byRule: {} };
      months.set(m, x);
    }
    return x;
  };
  for (const r of actsByMonth.rows) month(r.month).acts = r.n;
  for (const r of byMonth.rows) {
    const x = month(r.month);
    x.findings += r.n;
    x.byRule[r.rule] = r.n;
  }
  const agencyList = [...agencies.values()].sort(
    (a, b) => b.findings - a.findings || a.agencyId.localeCompare(b.agencyId),
  );
  const totals = agencyList.reduce(
    (t, a) => ({
      acts: t.acts + a.acts,
      findings: t.findings + a.findings,
      pursued: t.pursued + a.pursued,
      sustained: t.sustained + a.sustained,
      dismissed: t.dismissed + a.dismissed,
    }),
    { acts: 0, findings: 0, pursued: 0, sustained: 0, dismissed: 0 },
  );
  return {
    totals,
    byRule: byRule.rows.map((r) => ({ rule: r.rule, fault: r.fault, count: r.n })),
    byAgency: agencyList,
    byMonth: [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1)),
  };
}

export interface ExportFilter extends SummaryFilter {
  rule?: string;
}

/** Findings with their act, for the spreadsheet export (at most `limit`). */
export async function findingsForExport(db: Db, scope: Scope, f: ExportFilter, limit = 100_000, offset = 0) {
  const parts = [findingsWhere(scope, f)];
  if (f.rule) parts.push(sql<boolean>`f.rule = ${f.rule}`);
  const { rows } = await sql<{
    actId: string;
    rule: string;
    fault: string | null;
    basis: string;
    detail: string;
    agencyId: string;
    agencyName: string | null;
    regionCode: string;
    kind: string;
    matter: string | null;
    occurredOn: string | null;
    officerId: string | null;
    foundAt: Date;
    leadStatus: string | null;
    caseNumber: string | null;
  }>`
    select f.act_id, f.rule, f.fault, f.basis, f.detail, f.agency_id, ag.name as agency_name,
           f.region_code, f.kind, a.matter, f.occurred_on, f.officer_id, f.found_at,
           l.status as lead_status, c.number as case_number
    from findings f
    join acts a on a.id = f.act_id
    left join agencies ag on ag.id = f.agency_id
    left join leads l on l.finding_key = f.act_id || '|' || f.rule
    left join cases c on c.id = l.case_id
    where ${sql.join(parts, sql` and `)}
    order by f.occurred_on desc nulls last, f.act_id, f.rule
    limit ${limit} offset ${offset}`.execute(db);
  return rows;
}

export interface OfficerFault {
  officerId: string;
  date: string | null;
  kind: 'finding' | 'sustained';
  rule: string | null;
  actId: string | null;
  detail: string;
  caseId: string | null;
  caseNumber: string | null;
}

/**
 * The faults on officers' records since `since`: findings on acts they handled (by act date), and
 * liable findings of accountability cases (by the date of the fault, else the decision). A
 * sustained case made from a finding replaces that finding (counted once).
 */
export async function officerFaults(
  db: Db,
  scope: Scope,
  since: string,
  until: string,
): Promise<OfficerFault[]> {
  const officerWhere = scopeCondition(scope, {
    region: 'o.regionCode',
    agency: 'o.agencyId',
    officer: 'o.id',
  });
  const findings = await sql<{
    officerId: string;
    occurredOn: string | null;
    rule: string;
    actId: string;
    detail: string;
    caseId: string | null;
    caseNumber: string | null;
    liable: boolean;
    exempt: boolean;
  }>`
    select f.officer_id, f.occurred_on, f.rule, f.act_id, f.detail, c.id as case_id, c.number as case_number,
           coalesce(cp.liable, false) as liable,
           coalesce(cp.tolerance->>'outcome' = 'exempt' or cp.relief->>'outcome' = 'revoked', false) as exempt
    from findings f
    join officers o on o.id = f.officer_id
    left join leads l on l.finding_key = f.act_id || '|' || f.rule
    left join cases c on c.id = l.case_id
    left join case_persons cp on cp.case_id = c.id and cp.officer_id = f.officer_id
    where ${officerWhere} and f.occurred_on >= ${since} and f.occurred_on <= ${until}`.execute(db);
  const sustained = await sql<{
    officerId: string;
    date: string | null;
    rule: string | null;
    actId: string | null;
    subject: string;
    caseId: string;
    caseNumber: string;
    findingKey: string | null;
  }>`
    select cp.officer_id, coalesce(l.occurred_on, c.decision_on, c.registered_on) as date, l.rule, l.act_id,
           c.subject, c.id as case_id, c.number as case_number, l.finding_key
    from case_persons cp
    join officers o on o.id = cp.officer_id
    join cases c on c.id = cp.case_id
    left join leads l on l.case_id = c.id
    where ${officerWhere} and cp.liable
      -- A fault exempted by a tolerance decision (容错免责) does not count towards Art. 19(2).
      and coalesce(cp.tolerance->>'outcome', '') <> 'exempt'
      -- Nor one whose decision the relief panel revoked on appeal (申诉撤销).
      and coalesce(cp.relief->>'outcome', '') <> 'revoked'
      and coalesce(l.occurred_on, c.decision_on, c.registered_on) <= ${until}`.execute(db);
  const out: OfficerFault[] = [];
  const sustainedKeys = new Set<string>();
  for (const s of sustained.rows) {
    if (s.findingKey) sustainedKeys.add(`${s.officerId}|${s.findingKey}`);
    out.push({
      officerId: s.officerId,
      date: s.date,
      kind: 'sustained',
      rule: s.rule,
      actId: s.actId,
      detail: s.subject,
      caseId: s.caseId,
      caseNumber: s.caseNumber,
    });
  }
  for (const f of findings.rows) {
    if (f.exempt || sustainedKeys.has(`${f.officerId}|${f.actId}|${f.rule}`)) continue;
    out.push({
      officerId: f.officerId,
      date: f.occurredOn,
      kind: 'finding',
      rule: f.rule,
      actId: f.actId,
      detail: f.detail,
      caseId: f.caseId,
      caseNumber: f.caseNumber,
    });
  }
  return out;
}

/** Officers by id, with their agency (for the early-warning list). */
export async function officersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('officers')
    .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
    .select([
      'officers.id',
      'officers.name',
      'officers.regionCode',
      'officers.agencyId',
      'agencies.name as agencyName',
      'officers.post',
    ])
    .where('officers.id', 'in', ids)
    .execute();
}
