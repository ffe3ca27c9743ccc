// The detection rules as set-based SQL over the imported acts: one statement per rule, each written
// from its in-memory twin's `fires` specification (src/core/detect/<rule>.ts), producing the same
// findings with the same detail text. Working days come from `calendar_days` (the core calendar's
// lookup as a table, see calendar-days.ts) through joins and the wenze_* calendar functions.
//
// A run evaluates the rules over a scope — every act, or the acts in the temp table `scan_ids`
// (an import's inserted and updated acts, widened to their duplicate-fine partners) — into the temp
// table `scan_found`, then brings `findings` in line with it (new, changed and vanished findings)
// and turns each new finding into a lead (source 'detection', finding_key act|rule, never twice).
// fine-outlier is evaluated over every act whatever the scope: one new fine moves the fences of its
// group's next twelve months.
//
// Speed: the rules' predicates that do not depend on the as-of date or the calendar are also the
// predicates of partial indexes (migrations 0003 and 0007), so a full scan reads only the acts that
// fire; licensing-overdue reads a covering index of the licensing acts, duplicate-fine the fine-key
// index, fine-outside-range and fine-outlier the fines index (index-only).
import { toDayNumber } from '../core/calendar/index.js';
import { DISCLOSURE_BASIS, DISCLOSURE_DAYS } from '../core/detect/disclosure-overdue.js';
import { type DiscretionEntry, RULE_NAMES, type RuleName } from '../core/detect/index.js';
import { OUTSIDE_DUTY_BASES, OUTSIDE_DUTY_FAULTS } from '../core/detect/outside-duty-list.js';
import { DEFAULT_DISCRETION } from '../core/rulebook/packs/discretion.js';
import { ValidationError } from '../core/validation.js';
import { syncCalendarTable } from './calendar-days.js';
import type { Database } from './db.js';
import { type SqlTx, withTransaction } from './driver.js';

/** Short Chinese names of the rules, for lead subjects and the console. */
export const RULE_LABELS: Record<RuleName, string> = {
  'criminal-not-referred': '涉嫌犯罪未移送',
  'disclosure-overdue': '执法决定未按期公示',
  'duplicate-fine': '重复罚款',
  'fewer-than-two-officers': '执法人员不足两人',
  'fine-not-remitted': '当场收缴罚款未按期上缴',
  'fine-outlier': '罚款金额异常（统计信号）',
  'fine-outside-range': '罚款超出裁量基准',
  'hearing-not-held': '应听证未听证',
  'hearing-notice-late': '听证通知不足七日',
  'licensing-overdue': '行政许可超期',
  'no-application-receipt': '未出具申请书面凭证',
  'no-prior-notice': '处罚前未告知',
  'no-receipt': '收缴罚款未出具票据',
  'onsite-collection': '违规当场收缴罚款',
  'outside-duty-list': '超出权责清单实施',
  overturned: '复议诉讼中被纠正',
  'penalty-overdue': '行政处罚超期',
  'refusal-without-reason': '不予许可或不予受理未说明理由',
  'seizure-overdue': '查封扣押超期',
  'uncertified-officer': '执法人员无有效执法证',
};

/**
 * What each rule's statement takes as parameters, in order: the as-of date, the discretion
 * standard (JSON array of { violation, min, max, basis }). Rules not listed take none.
 */
const RULE_PARAMS: Partial<Record<RuleName, readonly ('asOf' | 'discretion')[]>> = {
  'licensing-overdue': ['asOf'],
  'disclosure-overdue': ['asOf'],
  'fine-not-remitted': ['asOf'],
  'seizure-overdue': ['asOf'],
  'fine-outside-range': ['discretion'],
};

/**
 * Planner settings for one rule's statement (set before it, reset after). fine-outlier groups its
 * 370,000 or so fines by hashing: the fines index is in id order, and the planner, misjudging how
 * many fines there are, would sort them all instead (slower by 20–30 % here). outside-duty-list
 * reads every act with a matter and probes the agencies' leads, hashed: misjudging how many acts
 * pass its filters, the planner would loop over all the leads for each act instead (50× slower).
 */
const RULE_SETTINGS: Partial<Record<RuleName, Record<string, string>>> = {
  'fine-outlier': { enable_sort: 'off' },
  'outside-duty-list': { enable_nestloop: 'off' },
};
/** Rules whose settings are for a full scan only: over an import's few acts, loops are right. */
const FULL_SCAN_SETTINGS: ReadonlySet<RuleName> = new Set(['outside-duty-list']);

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

/**
 * The act's date as actDate (uncertified-officer.ts) takes it — the decision date, else the filing,
 * acceptance or incident date — and its label: a lateral `d (on_date, label)` of `acts a`.
 */
const ACT_DATE = `cross join lateral (
      select coalesce(a.decided, a.filed, a.accepted, a.incident_date) as on_date,
             case when a.decided is not null then '作出决定之日' when a.filed is not null then '立案之日'
                  when a.accepted is not null then '受理之日' else '行为发生之日' end as label
    ) d`;

/** A case over x.kind from outside-duty-list's table, its [not on the list, held only as 协办] entry. */
const byOutsideKind = (table: Readonly<Record<string, readonly [string, string]>>, i: 0 | 1) =>
  `case x.kind ${Object.entries(table)
    .map(([kind, v]) => `when '${kind}' then '${v[i]}'`)
    .join(' ')} end`;
/** A duty item `i` in force on d.on_date. */
const DUTY_IN_FORCE = (i: string) =>
  `${i}.valid_from <= d.on_date and (${i}.valid_to is null or ${i}.valid_to > d.on_date)`;

/** The scope condition on `acts a`. */
type Scope = (alias: string) => string;
const ALL: Scope = () => 'true';
const IDS: Scope = (alias) => `${alias}.id in (select id from scan_ids)`;

/**
 * One SELECT per rule, of (act_id, rule, fault, basis, detail, related_act_id, then the act's
 * fields, ACT). `$1` is the as-of date ('YYYY-MM-DD'). Each comment quotes the rule's `fires`.
 */
const RULE_SQL: Record<RuleName, (scope: Scope) => string> = {
  // (kind = 'licensing' and decision in (null, 'granted') or kind = 'penalty') and decided is set and
  // withhold is null and the publication is not withheld: pub = least(publishedOn, publication's
  // published_on) when publishedOn is set, else the publication's published_on if before asOf;
  // ceil_ordinal(coalesce(pub, asOf)) - ordinal(decided) > 7
  'disclosure-overdue': (s) => `
    select x.id, 'disclosure-overdue', case x.kind when 'licensing' then 'licensing.02' else 'penalty.12' end,
           '${DISCLOSURE_BASIS}',
           ${DATE('x.decided')} || '作出' || case x.kind when 'licensing' then '行政许可决定' else '行政处罚决定' end || '，'
             || case when x.pub is not null
                  then ${DATE('x.pub')} || '公示，为决定后第' || (x.ceil_end - x.dec) || '个工作日'
                  else '截至' || ${DATE('$1::date')} || '未公示' end
             || '，应于${DISCLOSURE_DAYS}个工作日内（' || ${DATE(`wenze_working_day_with_ordinal(x.dec + ${DISCLOSURE_DAYS})`)} || '前）公示',
           null, ${ACT('d')}
    from (
      select q.id, q.kind, q.decided, q.pub,
             coalesce(cd.ordinal, wenze_ordinal(q.decided)) as dec,
             coalesce(ce.ordinal, wenze_ordinal(q.end_day))
               + case when coalesce(ce.is_working, wenze_is_working(q.end_day)) then 0 else 1 end as ceil_end
      from (
        select a.id, a.kind, a.decided, v.pub, coalesce(v.pub, $1::date) as end_day
        from acts a
        left join publications p on p.source_kind = 'act' and p.source_id = a.id
        cross join lateral (
          select case when (a.body ->> 'publishedOn') is not null
                      then least((a.body ->> 'publishedOn')::date, p.published_on)
                      when p.published_on < $1::date then p.published_on end as pub
        ) v
        where ${s('a')} and a.decided is not null
          and (a.kind = 'penalty' or (a.kind = 'licensing' and coalesce(a.body ->> 'decision', 'granted') = 'granted'))
          and (a.body ->> 'withhold') is null and p.state is distinct from 'withheld'
        offset 0
      ) q
      left join calendar_days cd on cd.day = q.decided
      left join calendar_days ce on ce.day = q.end_day
      -- seven working days are at least seven days: most decisions are cleared before the calendar
      where q.end_day > q.decided + ${DISCLOSURE_DAYS}
    ) x
    join acts d on d.id = x.id
    where x.ceil_end - x.dec > ${DISCLOSURE_DAYS}`,

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

  // kind = 'penalty' and payment.method = 'onsite' and payment.collectedOn is set:
  // ceil_ordinal(coalesce(payment.remittedOn, asOf)) - ordinal(collectedOn) > 2
  'fine-not-remitted': (s) => `
    select x.id, 'fine-not-remitted', 'other.05', '行政处罚法第七十一条',
           x.collected || '当场收缴'
             || case when x.fine is not null then '罚款' || wenze_js_number(x.fine) || '元' else '罚款' end
             || case when x.remitted is not null
                  then '，收缴后第' || (x.ceil_end - x.col) || '个工作日（' || x.remitted || '）才上缴'
                  else '，截至' || ${DATE('$1::date')} || '未上缴' end
             || '，法定期限2个工作日（' || ${DATE('wenze_working_day_with_ordinal(x.col + 2)')} || '）',
           null, ${ACT('d')}
    from (
      select p.id, p.fine, p.collected, p.remitted,
             coalesce(c0.ordinal, wenze_ordinal(p.collected::date)) as col,
             coalesce(c1.ordinal, wenze_ordinal(p.end_day))
               + case when coalesce(c1.is_working, wenze_is_working(p.end_day)) then 0 else 1 end as ceil_end
      from (
        select a.id, a.fine, a.body -> 'payment' ->> 'collectedOn' as collected,
               a.body -> 'payment' ->> 'remittedOn' as remitted,
               coalesce((a.body -> 'payment' ->> 'remittedOn')::date, $1::date) as end_day
        from acts a
        where ${s('a')} and a.kind = 'penalty' and a.payment_method = 'onsite'
          and (a.body -> 'payment' ->> 'collectedOn') is not null
        offset 0
      ) p
      left join calendar_days c0 on c0.day = p.collected::date
      left join calendar_days c1 on c1.day = p.end_day
      -- two working days are at least two days: most acts are cleared before the calendar
      where p.end_day > p.collected::date + 2
    ) x
    join acts d on d.id = x.id
    where x.ceil_end - x.col > 2`,

  // fines (penalty, fine > 0, decided, violation) by agency and violation; for a fine decided in
  // month M, with >= 20 fines of the group decided in months M-12 … M-1: fine < Q1 - 1.5 IQR or
  // fine > Q3 + 1.5 IQR (percentile_cont). Always over every act: a new fine moves the fences of
  // the next twelve months.
  'fine-outlier': () => `
    with mon as materialized (
      -- each group's months: their fines and acts (the two arrays in the same order), hashed
      -- (see RULE_SETTINGS)
      select a.violation, a.agency_id,
             date_part('year', a.decided)::integer * 12 + date_part('month', a.decided)::integer - 1 as m,
             array_agg(a.fine::float8) as v, array_agg(a.id) as ids, count(*) as n
      from acts a
      where a.kind = 'penalty' and a.fine > 0 and a.decided is not null
        and a.violation is not null and a.violation <> ''
      group by 1, 2, 3
    ), win as (
      -- each month's window: the fines of the twelve months before it
      select mon.*, sum(n) over w as wn, wenze_array_cat_agg(v) over w as wv
      from mon
      window w as (partition by violation, agency_id order by m range between 12 preceding and 1 preceding)
    ), q as materialized (
      -- the quartiles, once per month of a group
      select win.violation, win.m, win.wn::integer as n, win.v, win.ids, p.q[1] as q1, p.q[2] as q3
      from win
      cross join lateral (
        select percentile_cont(array[0.25, 0.75]::float8[]) within group (order by x) as q from unnest(win.wv) x
      ) p
      where win.wn >= 20
    ), o as (
      select t.id, q.violation, q.m, q.n, q.q1, q.q3,
             q.q1 - 1.5::float8 * (q.q3 - q.q1) as lo, q.q3 + 1.5::float8 * (q.q3 - q.q1) as hi
      from q cross join lateral unnest(q.v, q.ids) as t(fine, id)
      where t.fine < q.q1 - 1.5::float8 * (q.q3 - q.q1) or t.fine > q.q3 + 1.5::float8 * (q.q3 - q.q1)
    )
    select o.id, 'fine-outlier', 'penalty.11', '行政处罚法第五条',
           '罚款' || wenze_js_number(d.fine) || '元，同一机关同一违法行为（' || o.violation || '）前12个月（'
             || to_char(make_date((o.m - 12) / 12, (o.m - 12) % 12 + 1, 1), 'YYYY-MM') || '至'
             || to_char(make_date((o.m - 1) / 12, (o.m - 1) % 12 + 1, 1), 'YYYY-MM') || '）' || o.n
             || '件罚款的四分位数为' || wenze_js_number(o.q1::numeric) || '元、' || wenze_js_number(o.q3::numeric)
             || '元，超出1.5倍四分位距范围（' || wenze_js_number(o.lo::numeric) || '至' || wenze_js_number(o.hi::numeric)
             || '元）；统计信号，供核查，不作为过错认定',
           null, ${ACT('d')}
    from o join acts d on d.id = o.id`,

  // kind = 'penalty' and fine > 0 and violation is in the discretion standard ($1) and
  // (fine < standard.min or fine > standard.max)
  'fine-outside-range': (s) => `
    select x.id, 'fine-outside-range', 'penalty.03', '行政处罚法第三十四条',
           '违法行为' || x.violation || '罚款' || wenze_js_number(x.fine) || '元，'
             || case when x.fine < x.min then '低于下限' || wenze_js_number(x.min) || '元'
                     else '高于上限' || wenze_js_number(x.max) || '元' end
             || '（裁量基准' || wenze_js_number(x.min) || '至' || wenze_js_number(x.max) || '元，' || x.basis || '）',
           null, ${ACT('a')}
    from (
      -- the fines of the standard's violations, from the fines index alone
      select f.id, f.violation, f.fine, d.min, d.max, d.basis
      from jsonb_to_recordset($1::jsonb) as d(violation text, min numeric, max numeric, basis text)
      join acts f on f.violation = d.violation
      where ${s('f')} and f.kind = 'penalty' and f.fine > 0 and (f.fine < d.min or f.fine > d.max)
      offset 0
    ) x
    join acts a on a.id = x.id`,

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

  // kind = 'penalty' and hearing.held and hearing.noticedOn and hearing.heldOn are set and
  // ordinal(heldOn) - ordinal(noticedOn) < 7
  'hearing-notice-late': (s) => `
    select x.id, 'hearing-notice-late', 'penalty.10', '行政处罚法第六十四条、第八十五条',
           x.noticed || '通知听证，' || x.held || '举行听证，间隔' || greatest(x.n, 0)
             || '个工作日，未在举行听证的七日前通知（最早应于'
             || ${DATE('wenze_working_day_with_ordinal(x.o + 7)')} || '举行）',
           null, ${ACT('d')}
    from (
      select h.id, h.noticed, h.held, coalesce(c0.ordinal, wenze_ordinal(h.noticed::date)) as o,
             coalesce(c1.ordinal, wenze_ordinal(h.held::date))
               - coalesce(c0.ordinal, wenze_ordinal(h.noticed::date)) as n
      from (
        select a.id, a.body -> 'hearing' ->> 'noticedOn' as noticed, a.body -> 'hearing' ->> 'heldOn' as held
        from acts a
        where ${s('a')} and a.kind = 'penalty' and a.hearing_held and (a.body -> 'hearing' ->> 'noticedOn') is not null
          and (a.body -> 'hearing' ->> 'heldOn') is not null
        offset 0
      ) h
      left join calendar_days c0 on c0.day = h.noticed::date
      left join calendar_days c1 on c1.day = h.held::date
    ) x
    join acts d on d.id = x.id
    where x.n < 7`,

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

  // kind = 'licensing' and receiptIssued = false
  'no-application-receipt': (s) => `
    select a.id, 'no-application-receipt', 'licensing.11', '行政许可法第三十二条',
           coalesce((a.body -> 'dates' ->> 'applied') || '申请，', '') || '未向申请人出具加盖专用印章和注明日期的书面凭证',
           null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.kind = 'licensing' and (a.body -> 'receiptIssued') = 'false'::jsonb`,

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

  // lists are given (the stored ones, duty_items) and kind in ('licensing', 'levy', 'inspection',
  // 'coercion', 'penalty') and matter is neither null nor empty and act_date = coalesce(decided,
  // filed, accepted, incidentDate) is set and the agency has some item in force on act_date and none
  // with role 'lead' in force on act_date whose code or name equals matter (held only as 'assist'
  // when one with role 'assist' is). The leads by (agency, key) are hashed once: every act with a
  // matter is read, one hash probe each.
  'outside-duty-list': (s) => `
    with lead as materialized (
      select agency_id, code as key, valid_from, valid_to from duty_items where role = 'lead'
      union all
      select agency_id, name, valid_from, valid_to from duty_items where role = 'lead' and name <> code
    ), listed as materialized (
      select distinct agency_id, valid_from, valid_to from duty_items
    )
    select x.id, 'outside-duty-list',
           case when x.assist then ${byOutsideKind(OUTSIDE_DUTY_FAULTS, 1)} else ${byOutsideKind(OUTSIDE_DUTY_FAULTS, 0)} end,
           case when x.assist then ${byOutsideKind(OUTSIDE_DUTY_BASES, 1)} else ${byOutsideKind(OUTSIDE_DUTY_BASES, 0)} end,
           x.agency_id || '在' || x.label || ${DATE('x.on_date')} || '有效的权责清单中'
             || case when x.assist then '“' || x.matter || '”为协办事项，不是主办' else '没有“' || x.matter || '”事项' end,
           null, x.region_code, x.agency_id, x.officer_id, x.kind, x.act_on
    from (
      -- held only as 协办: looked up once per act that fires
      select a.id, a.matter, d.on_date, d.label, ${ACT('a')},
             exists (
               select 1 from duty_items i
               where i.agency_id = a.agency_id and i.role = 'assist' and a.matter in (i.code, i.name)
                 and ${DUTY_IN_FORCE('i')}
             ) as assist
      from acts a
      ${ACT_DATE}
      where ${s('a')} and a.kind in (${Object.keys(OUTSIDE_DUTY_FAULTS)
        .map((k) => `'${k}'`)
        .join(', ')}) and a.matter <> '' and d.on_date is not null
        and exists (select 1 from listed l where l.agency_id = a.agency_id and ${DUTY_IN_FORCE('l')})
        and not exists (
          select 1 from lead k where k.agency_id = a.agency_id and k.key = a.matter and ${DUTY_IN_FORCE('k')}
        )
      offset 0
    ) x`,

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

  // kind = 'licensing' and decision in ('refused', 'not_accepted') and coalesce(trim(reason), '') = ''
  'refusal-without-reason': (s) => `
    select a.id, 'refusal-without-reason', 'licensing.04',
           case a.body ->> 'decision' when 'refused' then '行政许可法第三十八条' else '行政许可法第三十二条' end,
           case a.body ->> 'decision' when 'refused' then '作出不予行政许可决定' else '作出不予受理决定' end
             || coalesce('（' || (a.body -> 'dates' ->> 'decided') || '）', '') || '，未说明理由',
           null, ${ACT('a')}
    from acts a
    where ${s('a')} and a.kind = 'licensing' and (a.body ->> 'decision') in ('refused', 'not_accepted')
      and coalesce(rtrim(a.body ->> 'reason', ' '), '') = ''`,

  // kind = 'coercion' and measure in ('seal', 'seize') and dates.seized is set, limit = 60 if
  // extension.approved else 30 days: coalesce(dates.released, asOf) > next_working_day_on_or_after(seized + limit)
  'seizure-overdue': (s) => `
    select y.id, 'seizure-overdue', 'coercion.03', '行政强制法第二十五条',
           y.seized || case y.measure when 'seal' then '查封' else '扣押' end || '，'
             || case when y.released is not null
                  then y.released || '解除，共' || (y.end_day - y.seized::date) || '日'
                  else '截至' || ${DATE('$1::date')} || '仍未解除，已' || (y.end_day - y.seized::date) || '日' end
             || '，超过法定期限' || case when y.ext then '经批准延长后60日' else '30日' end
             || '（期限届满日' || ${DATE('y.deadline')} || '）',
           null, ${ACT('d')}
    from (
      select z.*,
             -- the first working day on or after the last day: a short range of the calendar table,
             -- or (outside the table) the calendar functions
             coalesce(
               (select min(c.day) from calendar_days c
                where c.day between z.last_day and z.last_day + 30 and c.is_working),
               wenze_next_working_day(z.last_day)) as deadline
      from (
        select a.id, a.body ->> 'measure' as measure, a.body -> 'dates' ->> 'seized' as seized,
               a.body -> 'dates' ->> 'released' as released,
               coalesce(a.body -> 'extension' -> 'approved' = 'true'::jsonb, false) as ext,
               coalesce((a.body -> 'dates' ->> 'released')::date, $1::date) as end_day,
               (a.body -> 'dates' ->> 'seized')::date
                 + case when coalesce(a.body -> 'extension' -> 'approved' = 'true'::jsonb, false) then 60 else 30 end
                 as last_day
        from acts a
        where ${s('a')} and a.kind = 'coercion' and (a.body ->> 'measure') in ('seal', 'seize')
          and (a.body -> 'dates' ->> 'seized') is not null
        offset 0
      ) z
      where z.end_day > z.last_day
    ) y
    join acts d on d.id = y.id
    where y.end_day > y.deadline`,

  // kind in ('penalty', 'inspection', 'coercion') and act_date = coalesce(decided, filed, accepted,
  // incidentDate) is set and some officer has certificate null or '' or validUntil null or
  // validUntil < act_date
  'uncertified-officer': (s) => `
    select a.id, 'uncertified-officer',
           case a.kind when 'penalty' then 'penalty.02' when 'inspection' then 'inspection.01' else 'coercion.01' end,
           case a.kind when 'coercion' then '行政强制法第十七条' else '行政处罚法第四十二条' end,
           p.detail, null, ${ACT('a')}
    from acts a
    ${ACT_DATE}
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
  /** The discretion standard for fine-outside-range (default: the rule pack's, DEFAULT_DISCRETION). */
  discretion?: readonly DiscretionEntry[];
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
    const params = (RULE_PARAMS[rule] ?? []).map((p) =>
      p === 'asOf' ? opts.asOf : JSON.stringify(opts.discretion ?? DEFAULT_DISCRETION),
    );
    const settings = Object.entries(
      (scope === 'all' || !FULL_SCAN_SETTINGS.has(rule) ? RULE_SETTINGS[rule] : undefined) ?? {},
    );
    for (const [name, value] of settings) await tx.query(`set local ${name} = ${value}`);
    await tx.query(
      `insert into scan_found (act_id, rule, fault, basis, detail, related_act_id, region_code, agency_id,
                               officer_id, kind, occurred_on) ${RULE_SQL[rule](s)}`,
      params,
    );
    for (const [name] of settings) await tx.query(`set local ${name} = default`);
    ruleMs[rule] = Math.round(performance.now() - t);
  }
  const tSync = performance.now();
  // fine-outlier is always evaluated over every act (see its statement): its findings are all in scope.
  const inScope = (alias: string) =>
    `${scope === 'all' ? 'true' : `(${alias}.rule = 'fine-outlier' or ${alias}.act_id in (select id from scan_ids))`} and ${alias}.rule = any($1::text[])`;

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

/** The temp table of acts in scope. */
export async function createScanIds(tx: SqlTx): Promise<void> {
  await tx.query('drop table if exists scan_ids');
  await tx.query('create temp table scan_ids (id text collate "C" primary key) on commit drop');
}
