// The detection rules as set-based SQL over the imported acts: one statement per rule, each written
// from its in-memory twin's `fires` specification (src/core/detect/<rule>.ts), producing the same
// findings with the same detail text. Working days come from `calendar_days` (the core calendar's
// lookup as a table, see calendar-days.ts) through joins and the wenze_* calendar functions.
//
// A run evaluates the rules over a scope — every act, or the acts in the temp table `scan_ids`
// (an import's inserted and updated acts, widened to their duplicate-fine partners) — into the temp
// table `scan_found`, then brings `findings` in line with it (new, changed and vanished findings)
// and turns each new finding into a lead (source 'detection', finding_key act|rule, never twice).
//
// Speed: the rules' predicates that do not depend on the as-of date or the calendar are also the
// predicates of partial indexes (migration 0003), so a full scan reads only the acts that fire;
// licensing-overdue reads a covering index of the licensing acts, duplicate-fine the fine-key index.
import { toDayNumber } from '../core/calendar/index.js';
import { RULE_NAMES, type RuleName } from '../core/detect/index.js';
import { ValidationError } from '../core/validation.js';
import { syncCalendarTable } from './calendar-days.js';
import type { Database } from './db.js';
import { type SqlTx, withTransaction } from './driver.js';

/** Short Chinese names of the rules, for lead subjects and the console. */
export const RULE_LABELS: Record<RuleName, string> = {
  'criminal-not-referred': '涉嫌犯罪未移送',
  'duplicate-fine': '重复罚款',
  'fewer-than-two-officers': '执法人员不足两人',
  'hearing-not-held': '应听证未听证',
  'licensing-overdue': '行政许可超期',
  'no-prior-notice': '处罚前未告知',
  'no-receipt': '收缴罚款未出具票据',
  'onsite-collection': '违规当场收缴罚款',
  overturned: '复议诉讼中被纠正',
  'penalty-overdue': '行政处罚超期',
  'uncertified-officer': '执法人员无有效执法证',
};

const DATE = (e: string) => `to_char(${e}, 'YYYY-MM-DD')`;
const ORDINARY_PENALTY = `(a.kind = 'penalty' and a.procedure is distinct from 'summary')`;
/**
 * What a finding keeps of its act (region, agency, handler, kind, date), selected by each rule
 * alongside the finding so that bringing `findings` in line needs no second look at the acts.
 * The handler is the approval chain's, else the first officer.
 */
const ACT = (a: string) =>
  `${a}.region_code, ${a}.agency_id,
   coalesce(nullif(${a}.body -> 'chain' ->> 'handler', ''), ${a}.body -> 'officers' -> 0 ->> 'id') as officer_id,
   ${a}.kind, ${a}.act_on`;
/** A decision to fine (duplicate-fine's fineKey is set); the predicate of acts_fine_key_idx. */
const FINE_DECISION = `a.kind = 'penalty' and a.fine > 0 and a.decided is not null and a.party_id is not null
  and a.violation is not null and a.violation <> '' and a.incident_date is not null`;

/** An officer without a certificate, or one not valid on $d (a missing key counts as null). */
const UNCERTIFIED_PATH = `'$[*] ? (!exists(@.certificate) || @.certificate == null || @.certificate == ""
  || !exists(@.validUntil) || @.validUntil == null || @.validUntil < $d)'`;

/** The scope condition on `acts a`. */
type Scope = (alias: string) => string;
const ALL: Scope = () => 'true';
const IDS: Scope = (alias) => `${alias}.id in (select id from scan_ids)`;

/**
 * One SELECT per rule, of (act_id, rule, fault, basis, detail, related_act_id, then the act's
 * fields, ACT). `$1` is the as-of date ('YYYY-MM-DD'). Each comment quotes the rule's `fires`.
 */
const RULE_SQL: Record<RuleName, (scope: Scope) => string> = {
  // criminal.suspected and not criminal.referred (any kind)
  'criminal-not-referred': (s) => `
    select a.id, 'criminal-not-referred', 'penalty.07', '行政处罚法第二十七条',
           '案卷记载涉嫌犯罪，未移送司法机关追究刑事责任', null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.criminal_suspected and not a.criminal_referred`,

  // two fine decisions for the same party, violation and incident date: among fine decisions
  // row_number() over (partition by party, violation, incident date order by decided, id) > 1,
  // naming first_value(id) of the partition
  'duplicate-fine': (s) => `
    select f.id, 'duplicate-fine', 'penalty.04', '行政处罚法第二十九条',
           '与' || f.first_id || '（' || ${DATE('f.first_decided')} || '作出）对同一当事人的同一违法行为（'
             || f.violation || '，发生于' || ${DATE('f.incident_date')} || '）重复罚款',
           f.first_id, ${ACT('d')}
    from (
      select a.id, a.violation, a.incident_date,
             first_value(a.id) over w as first_id,
             first_value(a.decided) over w as first_decided,
             row_number() over w as rn
      from acts a
      join (
        select a.party_id, a.violation, a.incident_date from acts a
        where ${FINE_DECISION}
          ${s('a') === 'true' ? '' : 'and (a.party_id, a.violation, a.incident_date) in (select party_id, violation, incident_date from scan_keys)'}
        group by a.party_id, a.violation, a.incident_date having count(*) > 1
      ) k on (a.party_id, a.violation, a.incident_date) = (k.party_id, k.violation, k.incident_date)
      where ${FINE_DECISION}
      window w as (partition by a.party_id, a.violation, a.incident_date order by a.decided, a.id)
    ) f
    join acts d on d.id = f.id
    where f.rn > 1 and ${s('f')}`,

  // (kind = 'penalty' and procedure is not 'summary' or kind in ('inspection', 'coercion')) and
  // count(distinct officers[].id) < 2
  'fewer-than-two-officers': (s) => `
    select a.id, 'fewer-than-two-officers',
           case a.kind when 'penalty' then 'penalty.12' when 'inspection' then 'inspection.04' else 'coercion.03' end,
           case a.kind when 'coercion' then '行政强制法第十八条' else '行政处罚法第四十二条' end,
           '仅有' || n.n || '名执法人员实施，法定不得少于两人', null, ${ACT('a')}
    from acts a
    cross join lateral (
      select count(distinct o.value ->> 'id')::integer as n from jsonb_array_elements(a.body -> 'officers') o
    ) n
    where ${s('a')}
      and (${ORDINARY_PENALTY} or a.kind in ('inspection', 'coercion'))
      and (jsonb_array_length(a.body -> 'officers') < 2
           or a.body -> 'officers' -> 0 -> 'id' = a.body -> 'officers' -> 1 -> 'id')
      and n.n < 2`,

  // kind in ('penalty', 'licensing') and hearing.requested and not hearing.held and decided is set
  'hearing-not-held': (s) => `
    select a.id, 'hearing-not-held',
           case a.kind when 'penalty' then 'penalty.10' else 'licensing.05' end,
           case a.kind when 'penalty' then '行政处罚法第六十三条、第六十四条' else '行政许可法第四十七条' end,
           case a.kind
             when 'penalty' then '当事人要求听证，未组织听证即于' || ${DATE('a.decided')} || '作出处罚决定'
             else '申请人、利害关系人申请听证，未举行听证即于' || ${DATE('a.decided')} || '作出许可决定' end,
           null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.kind in ('penalty', 'licensing') and a.hearing_requested and not a.hearing_held
      and a.decided is not null`,

  // kind = 'licensing' and accepted is set, limit = 30 if extended else 20 working days; with
  // decided: ceil_ordinal(decided) - ordinal(accepted) > limit; without decided:
  // ceil_ordinal(asOf) - ordinal(accepted) > limit (ceil_ordinal(d) = ordinal(d) + (d is a day off ? 1 : 0))
  'licensing-overdue': (s) => `
    select x.id, 'licensing-overdue', 'licensing.07', '行政许可法第四十二条',
           case when x.decided is not null
             then '受理后第' || (x.ceil_end - x.acc) || '个工作日作出决定，法定期限' || x.lim || '个工作日'
             else '截至' || ${DATE('$1::date')} || '仍未作出决定，已超过法定期限' || x.lim || '个工作日（期限届满日'
                  || ${DATE('wenze_working_day_with_ordinal(x.acc + x.lim)')} || '）' end,
           null, ${ACT('d')}
    from (
      select a.id, a.decided,
             case when a.extended then 30 else 20 end as lim,
             coalesce(ca.ordinal, wenze_ordinal(a.accepted)) as acc,
             coalesce(ce.ordinal, wenze_ordinal(coalesce(a.decided, $1::date)))
               + case when coalesce(ce.is_working, wenze_is_working(coalesce(a.decided, $1::date))) then 0 else 1 end
               as ceil_end
      from acts a
      left join calendar_days ca on ca.day = a.accepted
      left join calendar_days ce on ce.day = coalesce(a.decided, $1::date)
      where ${s('a')} and a.kind = 'licensing' and a.accepted is not null
    ) x
    join acts d on d.id = x.id
    where x.ceil_end - x.acc > x.lim`,

  // kind = 'penalty' and decided is set and (notified is null or notified > decided or
  // (notified = decided and procedure is not 'summary'))
  'no-prior-notice': (s) => `
    select a.id, 'no-prior-notice', 'penalty.09', '行政处罚法第四十四条',
           case
             when a.notified is null
               then ${DATE('a.decided')} || '作出处罚决定，此前未告知拟作出的处罚及陈述、申辩、听证权利（无告知日期）'
             when a.notified > a.decided
               then '告知日期' || ${DATE('a.notified')} || '晚于处罚决定日期' || ${DATE('a.decided')}
             else '告知与处罚决定同日（' || ${DATE('a.decided')} || '），未在决定前告知' end,
           null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.kind = 'penalty' and a.decided is not null
      and (a.notified is null or a.notified > a.decided
           or (a.notified = a.decided and a.procedure is distinct from 'summary'))`,

  // kind = 'penalty' and payment is set and payment.receipt = false
  'no-receipt': (s) => `
    select a.id, 'no-receipt', 'penalty.06', '行政处罚法第七十条',
           '收缴' || case when a.fine is not null then '罚款' || wenze_js_number(a.fine) || '元' else '罚没款' end
             || '未出具财政部门统一制发的专用票据',
           null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.kind = 'penalty' and a.payment_method is not null and not a.payment_receipt`,

  // kind = 'penalty' and payment.method = 'onsite' and fine > 100
  'onsite-collection': (s) => `
    select a.id, 'onsite-collection', 'penalty.05', '行政处罚法第六十七条、第六十八条',
           '当场收缴罚款' || wenze_js_number(a.fine) || '元，超过100元', null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.kind = 'penalty' and a.payment_method = 'onsite' and a.fine > 100`,

  // review in ('changed', 'revoked', 'confirmed_illegal')
  overturned: (s) => `
    select a.id, 'overturned', null, '贵州省行政执法过错责任追究办法第二十五条',
           '执法行为在行政复议或者行政诉讼中被'
             || case a.review when 'changed' then '变更' when 'revoked' then '撤销' else '确认违法' end
             || '，由执法机关' || a.agency_id || '承担责任',
           null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.review in ('changed', 'revoked', 'confirmed_illegal')`,

  // kind = 'penalty' and procedure is not 'summary' and filed and decided are set and
  // decided > next_working_day_on_or_after(filed + 90)
  'penalty-overdue': (s) => `
    select x.id, 'penalty-overdue', 'penalty.12', '行政处罚法第六十条',
           '立案后第' || (x.decided - x.filed) || '日作出处罚决定，法定期限90日'
             || case when x.deadline <> x.filed + 90
                  then '（期间最后一日为法定休假日，顺延至' || ${DATE('x.deadline')} || '）' else '' end,
           null, x.region_code, x.agency_id, x.officer_id, x.kind, x.act_on
    from (
      select a.id, a.filed, a.decided, ${ACT('a')},
             -- the first working day on or after day 90: a short range of the calendar table, or
             -- (outside the table) the calendar functions
             coalesce(
               (select min(c.day) from calendar_days c
                where c.day between a.filed + 90 and a.filed + 120 and c.is_working),
               wenze_next_working_day(a.filed + 90)) as deadline
      from acts a
      where ${s('a')} and ${ORDINARY_PENALTY} and a.decided > a.filed + 90
      offset 0
    ) x
    where x.decided > x.deadline`,

  // kind in ('penalty', 'inspection', 'coercion') and act_date = coalesce(decided, filed, accepted,
  // incidentDate) is set and some officer has certificate null or '' or validUntil null or
  // validUntil < act_date
  'uncertified-officer': (s) => `
    select a.id, 'uncertified-officer',
           case a.kind when 'penalty' then 'penalty.02' when 'inspection' then 'inspection.01' else 'coercion.01' end,
           case a.kind when 'coercion' then '行政强制法第十七条' else '行政处罚法第四十二条' end,
           p.detail, null, ${ACT('a')}
    from acts a
    cross join lateral (
      select coalesce(a.decided, a.filed, a.accepted, a.incident_date) as on_date,
             case when a.decided is not null then '作出决定之日' when a.filed is not null then '立案之日'
                  when a.accepted is not null then '受理之日' else '行为发生之日' end as label
    ) d
    cross join lateral (
      select string_agg(
               case
                 when coalesce(e.o ->> 'certificate', '') = ''
                   then '执法人员' || (e.o ->> 'id') || '未持有行政执法证件'
                 when e.o ->> 'validUntil' is null
                   then '执法人员' || (e.o ->> 'id') || '的执法证' || (e.o ->> 'certificate') || '未载明有效期'
                 else '执法人员' || (e.o ->> 'id') || '的执法证' || (e.o ->> 'certificate') || '有效期至'
                      || (e.o ->> 'validUntil') || '，' || d.label || ${DATE('d.on_date')} || '已失效' end,
               '；' order by e.i) as detail
      from jsonb_array_elements(a.body -> 'officers') with ordinality as e(o, i)
      where coalesce(e.o ->> 'certificate', '') = '' or e.o ->> 'validUntil' is null
         or (e.o ->> 'validUntil')::date < d.on_date
    ) p
    where ${s('a')} and a.kind in ('penalty', 'inspection', 'coercion')
      and coalesce(a.decided, a.filed, a.accepted, a.incident_date) is not null
      and jsonb_path_exists(a.body -> 'officers', ${UNCERTIFIED_PATH},
            ('{"d":"' || wenze_iso(coalesce(a.decided, a.filed, a.accepted, a.incident_date)) || '"}')::jsonb)
      and p.detail is not null`,
};

/** The SQL of one rule over every act (for review and EXPLAIN). */
export function ruleSql(rule: RuleName, scope: 'all' | 'ids' = 'all'): string {
  return RULE_SQL[rule](scope === 'all' ? ALL : IDS);
}

export interface DetectionOptions {
  /** The date the time-based rules measure against ('YYYY-MM-DD'). */
  asOf: string;
  /** Only these rules (default: all); findings of other rules are left as they are. */
  rules?: readonly RuleName[];
  /** Create leads of new findings (default true). */
  leads?: boolean;
}

export interface DetectionResult {
  asOf: string;
  scope: 'all' | 'acts';
  /** Acts in scope (for an import: the changed acts and their duplicate-fine partners). */
  acts: number;
  /** Findings in scope after the run, by rule. */
  byRule: Partial<Record<RuleName, number>>;
  findings: number;
  created: number;
  updated: number;
  removed: number;
  leads: number;
  ms: number;
  /** Milliseconds: the rules (by rule), bringing `findings` in line, making leads. */
  phases: { rules: Partial<Record<RuleName, number>>; sync: number; leads: number };
}

/** The as-of date must be a real date PostgreSQL can hold. */
export function checkAsOf(asOf: string): void {
  if (Number.isNaN(toDayNumber(asOf)) || asOf < '0001-01-01') {
    throw new ValidationError('基准日期无效', [{ path: 'asOf', message: '须为 YYYY-MM-DD 格式的有效日期' }]);
  }
}

function checkOptions(o: DetectionOptions): RuleName[] {
  checkAsOf(o.asOf);
  const rules = [...(o.rules ?? RULE_NAMES)];
  for (const r of rules) {
    if (!RULE_NAMES.includes(r))
      throw new ValidationError('未知的规则', [{ path: 'rules', message: String(r) }]);
  }
  return rules;
}

/**
 * Run the rules inside a transaction. With `scope: 'ids'` the temp table `scan_ids (id)` holds
 * the acts to re-examine (created by the caller, e.g. the import); it is widened here to the acts
 * whose duplicate-fine status may have changed with them.
 */
export async function detectInTx(
  tx: SqlTx,
  scope: 'all' | 'ids',
  opts: DetectionOptions,
): Promise<DetectionResult> {
  const t0 = performance.now();
  const rules = checkOptions(opts);
  const s = scope === 'all' ? ALL : IDS;
  // One detection run at a time (an import's and the nightly one touch the same findings and leads).
  await tx.query('select pg_advisory_xact_lock(7361005)');
  // Plans over a million rows: no JIT compilation (it costs more than it saves here), room to hash.
  await tx.query('set local jit = off');
  await tx.query(`set local work_mem = '64MB'`);
  await syncCalendarTable(tx);
  await tx.query('drop table if exists scan_found');
  await tx.query(`
    create temp table scan_found (
      act_id text collate "C" not null, rule text collate "C" not null, fault text, basis text not null,
      detail text not null, related_act_id text collate "C", region_code char(6) not null,
      agency_id text collate "C" not null, officer_id text, kind text not null, occurred_on date
    ) on commit drop`);
  if (scope === 'ids') {
    // Duplicate-fine partners. First the acts whose finding named an act in scope as the earlier
    // decision (that act's key may have changed), then every fine decision sharing a key with an
    // act in scope: the groups whose order may have changed are re-ranked whole.
    await tx.query(`
      insert into scan_ids (id)
      select distinct f.act_id from findings f
      where f.rule = 'duplicate-fine' and f.related_act_id in (select id from scan_ids)
      on conflict do nothing`);
    await tx.query('drop table if exists scan_keys');
    await tx.query(`
      create temp table scan_keys on commit drop as
      select distinct a.party_id, a.violation, a.incident_date
      from acts a join scan_ids i on i.id = a.id
      where ${FINE_DECISION}`);
    await tx.query('analyze scan_keys');
    await tx.query(`
      insert into scan_ids (id)
      select a.id from acts a
      join scan_keys k on (a.party_id, a.violation, a.incident_date) = (k.party_id, k.violation, k.incident_date)
      where ${FINE_DECISION}
      on conflict do nothing`);
    await tx.query('analyze scan_ids');
  }
  const ruleMs: Partial<Record<RuleName, number>> = {};
  for (const rule of rules) {
    const t = performance.now();
    await tx.query(
      `insert into scan_found (act_id, rule, fault, basis, detail, related_act_id, region_code, agency_id,
                               officer_id, kind, occurred_on) ${RULE_SQL[rule](s)}`,
      rule === 'licensing-overdue' ? [opts.asOf] : [],
    );
    ruleMs[rule] = Math.round(performance.now() - t);
  }
  const tSync = performance.now();
  const inScope = (alias: string) =>
    `${scope === 'all' ? 'true' : `${alias}.act_id in (select id from scan_ids)`} and ${alias}.rule = any($1::text[])`;

  // New and changed findings.
  await tx.query('drop table if exists scan_new');
  await tx.query(
    'create temp table scan_new (act_id text collate "C", rule text collate "C") on commit drop',
  );
  // Only what is new or different is written (an unchanged finding is not even locked).
  const [upsert] = await tx.query<{ created: number; updated: number }>(`
    with d as (
      select c.* from scan_found c left join findings f on f.act_id = c.act_id and f.rule = c.rule
      where f.act_id is null
         or (f.region_code, f.agency_id, f.officer_id, f.kind, f.occurred_on, f.fault, f.basis, f.detail,
             f.related_act_id)
            is distinct from
            (c.region_code, c.agency_id, c.officer_id, c.kind, c.occurred_on, c.fault, c.basis, c.detail,
             c.related_act_id)
    ), u as (
      insert into findings as f (act_id, rule, region_code, agency_id, officer_id, kind, occurred_on,
                                 fault, basis, detail, related_act_id)
      select act_id, rule, region_code, agency_id, officer_id, kind, occurred_on, fault, basis, detail,
             related_act_id
      from d
      on conflict (act_id, rule) do update set
        region_code = excluded.region_code, agency_id = excluded.agency_id, officer_id = excluded.officer_id,
        kind = excluded.kind, occurred_on = excluded.occurred_on, fault = excluded.fault,
        basis = excluded.basis, detail = excluded.detail, related_act_id = excluded.related_act_id,
        updated_at = now()
      returning f.act_id, f.rule, (xmax = 0) as created
    ), n as (
      insert into scan_new (act_id, rule) select act_id, rule from u where created returning 1
    )
    select (select count(*) from u where created)::integer as created,
           (select count(*) from u where not created)::integer as updated`);
  // Findings that no longer hold.
  const removed = await tx.query<{ n: number }>(
    `with d as (
       delete from findings f
       where ${inScope('f')}
         and not exists (select 1 from scan_found n where n.act_id = f.act_id and n.rule = f.rule)
       returning 1)
     select count(*)::integer as n from d`,
    [rules],
  );
  const tLeads = performance.now();
  let leads = 0;
  if (opts.leads !== false) {
    const [r] = await tx.query<{ n: number }>(`
      with l as (
        insert into leads (region_code, source, agency_id, officer_id, subject, narrative, occurred_on,
                           finding_key, act_id, rule, fault_code, basis, detail)
        select f.region_code, 'detection', ag.id, o.id,
               ${ruleLabelSql('f.rule')} || '：' || coalesce(nullif(a.matter, ''), f.kind) || '（' || f.act_id || '）',
               f.detail || '。依据：' || f.basis || '。',
               f.occurred_on, f.act_id || '|' || f.rule, f.act_id, f.rule, f.fault, f.basis, f.detail
        from scan_new s
        join findings f on f.act_id = s.act_id and f.rule = s.rule
        join acts a on a.id = f.act_id
        left join agencies ag on ag.id = f.agency_id
        left join officers o on o.id = f.officer_id
        on conflict (finding_key) do nothing
        returning 1)
      select count(*)::integer as n from l`);
    leads = r.n;
  }
  const tEnd = performance.now();
  const counts = await tx.query<{ rule: RuleName; n: number }>(
    `select f.rule, count(*)::integer as n from findings f where ${inScope('f')} group by f.rule`,
    [rules],
  );
  const [size] = await tx.query<{ n: number }>(
    scope === 'all'
      ? 'select count(*)::integer as n from acts'
      : 'select count(*)::integer as n from scan_ids',
  );
  const byRule: Partial<Record<RuleName, number>> = {};
  for (const r of rules) byRule[r] = 0;
  for (const c of counts) byRule[c.rule] = c.n;
  return {
    asOf: opts.asOf,
    scope: scope === 'all' ? 'all' : 'acts',
    acts: size.n,
    byRule,
    findings: counts.reduce((n, c) => n + c.n, 0),
    created: upsert.created,
    updated: upsert.updated,
    removed: removed[0].n,
    leads,
    ms: Math.round(performance.now() - t0),
    phases: { rules: ruleMs, sync: Math.round(tLeads - tSync), leads: Math.round(tEnd - tLeads) },
  };
}

function ruleLabelSql(col: string): string {
  return `case ${col} ${Object.entries(RULE_LABELS)
    .map(([k, v]) => `when '${k}' then '${v}'`)
    .join(' ')} else ${col} end`;
}

/** Every rule over every act, in one transaction. */
export function detectAll(database: Database, opts: DetectionOptions): Promise<DetectionResult> {
  return withTransaction(database, (tx) => detectInTx(tx, 'all', opts));
}

/** The rules over the given acts (and their duplicate-fine partners). */
export function detectActs(database: Database, ids: readonly string[], opts: DetectionOptions) {
  return withTransaction(database, async (tx) => {
    await createScanIds(tx);
    await tx.query('insert into scan_ids (id) select distinct unnest($1::text[]) on conflict do nothing', [
      [...ids],
    ]);
    return detectInTx(tx, 'ids', opts);
  });
}

/** The temp table of acts in scope. */
export async function createScanIds(tx: SqlTx): Promise<void> {
  await tx.query('drop table if exists scan_ids');
  await tx.query('create temp table scan_ids (id text collate "C" primary key) on commit drop');
}
