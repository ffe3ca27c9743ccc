// The detection rules in DuckDB, for the scan benchmark (issue 16): the same eighteen rules as
// `wenze scan`, written from each rule's `fires` sentence (src/core/detect/<rule>.ts) over the same
// JSON Lines file, read by DuckDB's own JSON reader. Only (act, rule) pairs: the benchmark compares
// them with the ground truth and times the whole — calendar table, reading the file, every rule.
import { DuckDBInstance } from '@duckdb/node-api';
import type { Calendar } from '../../src/core/calendar/calendar.js';
import type { DiscretionEntry } from '../../src/core/detect/discretion.js';

const COLUMNS = `{
  id: 'VARCHAR', agency: 'VARCHAR', kind: 'VARCHAR', procedure: 'VARCHAR',
  party: 'STRUCT(type VARCHAR, id VARCHAR)',
  officers: 'STRUCT(id VARCHAR, certificate VARCHAR, validUntil DATE)[]',
  violation: 'VARCHAR', incidentDate: 'DATE',
  dates: 'STRUCT(applied DATE, accepted DATE, filed DATE, notified DATE, decided DATE, served DATE,
                 extended BOOLEAN, seized DATE, released DATE)',
  fine: 'DOUBLE',
  payment: 'STRUCT(method VARCHAR, receipt BOOLEAN, collectedOn DATE, remittedOn DATE)',
  hearing: 'STRUCT(requested BOOLEAN, held BOOLEAN, noticedOn DATE, heldOn DATE)',
  criminal: 'STRUCT(suspected BOOLEAN, referred BOOLEAN)',
  review: 'VARCHAR', decision: 'VARCHAR', reason: 'VARCHAR', receiptIssued: 'BOOLEAN', measure: 'VARCHAR',
  extension: 'STRUCT(approved BOOLEAN, "on" DATE)'
}`;

/** Each rule: a SELECT of act ids (acts a, calendar c(day, working, ord), nth(ord, day), standard s). */
const RULES: Record<string, string> = {
  'criminal-not-referred': `select id from acts where criminal.suspected and not criminal.referred`,
  'duplicate-fine': `
    select id from (
      select id, row_number() over (partition by party.id, violation, incidentDate order by dates.decided, id) as rn
      from acts where kind = 'penalty' and fine > 0 and dates.decided is not null and party.id is not null
        and violation is not null and violation <> '' and incidentDate is not null)
    where rn > 1`,
  'fewer-than-two-officers': `
    select id from acts
    where ((kind = 'penalty' and procedure is distinct from 'summary') or kind in ('inspection', 'coercion'))
      and len(list_distinct(list_transform(officers, o -> o.id))) < 2`,
  'fine-not-remitted': `
    select a.id from acts a
    join cal c0 on c0.day = a.payment.collectedOn
    join cal c1 on c1.day = coalesce(a.payment.remittedOn, $asOf::date)
    where a.kind = 'penalty' and a.payment.method = 'onsite'
      and c1.ord + (case when c1.working then 0 else 1 end) - c0.ord > 2`,
  'fine-outlier': `
    with f as (
      select id, agency, violation, fine, year(dates.decided) * 12 + month(dates.decided) - 1 as m
      from acts where kind = 'penalty' and fine > 0 and dates.decided is not null and violation is not null and violation <> ''
    ), gm as (select distinct agency, violation, m from f),
    w as (
      select gm.agency, gm.violation, gm.m, quantile_cont(f.fine, 0.25) as q1, quantile_cont(f.fine, 0.75) as q3
      from gm join f on f.agency = gm.agency and f.violation = gm.violation and f.m between gm.m - 12 and gm.m - 1
      group by all having count(*) >= 20)
    select f.id from f join w using (agency, violation, m)
    where f.fine < w.q1 - 1.5 * (w.q3 - w.q1) or f.fine > w.q3 + 1.5 * (w.q3 - w.q1)`,
  'fine-outside-range': `
    select a.id from acts a join standard s on s.violation = a.violation
    where a.kind = 'penalty' and a.fine > 0 and (a.fine < s.min or a.fine > s.max)`,
  'hearing-not-held': `
    select id from acts where kind in ('penalty', 'licensing') and hearing.requested and not hearing.held
      and dates.decided is not null`,
  'hearing-notice-late': `
    select a.id from acts a join cal c0 on c0.day = a.hearing.noticedOn join cal c1 on c1.day = a.hearing.heldOn
    where a.kind = 'penalty' and a.hearing.held and c1.ord - c0.ord < 7`,
  'licensing-overdue': `
    select a.id from acts a
    join cal c0 on c0.day = a.dates.accepted
    join cal c1 on c1.day = coalesce(a.dates.decided, $asOf::date)
    where a.kind = 'licensing'
      and c1.ord + (case when c1.working then 0 else 1 end) - c0.ord > (case when a.dates.extended then 30 else 20 end)`,
  'no-application-receipt': `select id from acts where kind = 'licensing' and receiptIssued = false`,
  'no-prior-notice': `
    select id from acts where kind = 'penalty' and dates.decided is not null
      and (dates.notified is null or dates.notified > dates.decided
           or (dates.notified = dates.decided and procedure is distinct from 'summary'))`,
  'no-receipt': `select id from acts where kind = 'penalty' and payment is not null and not payment.receipt`,
  'onsite-collection': `select id from acts where kind = 'penalty' and payment.method = 'onsite' and fine > 100`,
  overturned: `select id from acts where review in ('changed', 'revoked', 'confirmed_illegal')`,
  'penalty-overdue': `
    select a.id from acts a
    join cal c on c.day = a.dates.filed + 90
    join nth n on n.ord = c.ord + (case when c.working then 0 else 1 end)
    where a.kind = 'penalty' and a.procedure is distinct from 'summary' and a.dates.decided > n.day`,
  'refusal-without-reason': `
    select id from acts where kind = 'licensing' and decision in ('refused', 'not_accepted')
      and coalesce(rtrim(reason, ' '), '') = ''`,
  'seizure-overdue': `
    select a.id from acts a
    join cal c on c.day = a.dates.seized + (case when coalesce(a.extension.approved, false) then 60 else 30 end)
    join nth n on n.ord = c.ord + (case when c.working then 0 else 1 end)
    where a.kind = 'coercion' and a.measure in ('seal', 'seize')
      and coalesce(a.dates.released, $asOf::date) > n.day`,
  'uncertified-officer': `
    select id from acts
    where kind in ('penalty', 'inspection', 'coercion')
      and coalesce(dates.decided, dates.filed, dates.accepted, incidentDate) is not null
      and len(list_filter(officers, o -> coalesce(o.certificate, '') = '' or o.validUntil is null
            or o.validUntil < coalesce(dates.decided, dates.filed, dates.accepted, incidentDate))) > 0`,
};

export interface DuckScan {
  findings: { act: string; rule: string }[];
  ms: number;
  threads: number;
  version: string;
}

/**
 * The calendar table DuckDB joins, 1990–2040 (the benchmark's data lies within): weekends off, the
 * schedule's holidays off and make-up days on; the ordinal a running count of working days.
 */
function calendarSql(cal: Calendar): string {
  const list = (days: Iterable<string>) => [...days].map((d) => `DATE '${d}'`).join(',') || 'NULL';
  return `
    create table cal as
    select day, working, (sum(working::integer) over (order by day))::integer as ord from (
      select d::date as day,
             (dayofweek(d) not in (0, 6) and d::date not in (${list(cal.holidays)}))
               or d::date in (${list(cal.workdays)}) as working
      from range(DATE '1990-01-01', DATE '2041-01-01', INTERVAL 1 DAY) t(d))`;
}

/** Every rule over the file in DuckDB (in process, all cores), timed from an empty database. */
export async function duckdbScan(
  file: string,
  asOf: string,
  cal: Calendar,
  standard: readonly DiscretionEntry[],
): Promise<DuckScan> {
  const t0 = performance.now();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(calendarSql(cal));
  await c.run('create table nth as select ord, day from cal where working');
  await c.run(
    `create table standard as select * from (values ${standard
      .map((e) => `('${e.violation}', ${e.min}, ${e.max})`)
      .join(',')}) s(violation, min, max)`,
  );
  await c.run(
    `create table acts as select * from read_json('${file.replace(/'/g, "''")}', format = 'newline_delimited',
       columns = ${COLUMNS})`,
  );
  const union = Object.entries(RULES)
    .map(([rule, q]) => `select id as act, '${rule}' as rule from (${q.replaceAll('$asOf', `'${asOf}'`)})`)
    .join('\nunion all\n');
  const reader = await c.runAndReadAll(union);
  const findings = reader.getRowObjects() as { act: string; rule: string }[];
  const ms = performance.now() - t0;
  const threads = (await c.runAndReadAll(`select current_setting('threads') as t`)).getRowObjects()[0].t;
  const version = (await c.runAndReadAll('select version() as v')).getRowObjects()[0].v;
  c.closeSync();
  return { findings, ms, threads: Number(threads), version: String(version) };
}
