// Full-process supervision: the enforcement acts ingested from agencies' systems (the CONTRACTS.md
// §3 exchange format, one row per act, the whole line kept in `body`), the findings the detection
// rules make of them, and the working-day calendar as a table for the set-based rules.
//
// `calendar_days` mirrors the core calendar's lookup (src/core/calendar/lookup.ts) one to one:
// every day of its table with `is_working` and the working-day `ordinal`; outside the table only
// weekends are days off, and the functions below fall back to the same formulas the core uses.
// The migration fills it (seed and admin overrides); `syncCalendarTable` (src/store/calendar-days.ts)
// rewrites what changed whenever the seed or the overrides change, before every detection run.
import { type Kysely, sql } from 'kysely';
import { syncCalendarTable } from '../calendar-days.js';

export async function up(db: Kysely<any>): Promise<void> {
  // --- acts -------------------------------------------------------------------------------------
  // Keys compare in code-unit order (COLLATE "C"), as the in-memory rules compare strings.
  await sql`
    create table acts (
      id text collate "C" not null,
      region_code char(6) not null,
      agency_id text collate "C" not null,
      kind text not null check (kind in ('licensing','levy','inspection','coercion','penalty','other')),
      matter text,
      procedure text check (procedure in ('ordinary','summary')),
      party_type text check (party_type in ('org','person')),
      party_id text collate "C",
      violation text collate "C",
      incident_date date,
      applied date,
      accepted date,
      filed date,
      notified date,
      decided date,
      served date,
      extended boolean,
      fine numeric check (fine >= 0),
      payment_method text,
      payment_receipt boolean,
      hearing_requested boolean,
      hearing_held boolean,
      criminal_suspected boolean,
      criminal_referred boolean,
      review text check (review in ('upheld','changed','revoked','confirmed_illegal')),
      body jsonb not null,
      body_hash text not null,
      act_on date generated always as (coalesce(decided, filed, accepted, applied, incident_date)) stored,
      imported_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      -- the import looks ids up with their hash: an index-only scan
      constraint acts_pkey primary key (id) include (body_hash)
    )`.execute(db);
  // Index keys follow the id wherever they can: ids grow with time, so a bulk import appends to
  // a few places of each index instead of touching pages all over it (a million-act import stays
  // fast when the indexes outgrow the buffer cache). The agency index holds 13 or so distinct
  // keys, deduplicated: also appended.
  await sql`create index acts_agency_idx on acts (agency_id)`.execute(db);
  // The rules' predicates that depend neither on the as-of date nor on the calendar, as partial
  // indexes: a full scan reads only the acts that fire (src/store/detect-sql.ts states the same
  // predicates; keep both in step). duplicate-fine: the decisions to fine with their key;
  // licensing-overdue: the accepted licensing acts; both covering what the rule reads.
  await sql`
    create index acts_fine_idx on acts (id) include (party_id, violation, incident_date, decided)
    where kind = 'penalty' and fine > 0 and decided is not null and party_id is not null
      and violation is not null and violation <> '' and incident_date is not null`.execute(db);
  await sql`
    create index acts_licensing_idx on acts (id) include (accepted, decided, extended)
    where kind = 'licensing' and accepted is not null`.execute(db);
  // A date as 'YYYY-MM-DD' from immutable parts (to_char is only stable), so that it may appear
  // in an index predicate; inlined by the planner.
  await sql`
    create function wenze_iso(d date) returns text
    language sql immutable parallel safe as $$
      select lpad(extract(year from d)::integer::text, 4, '0') || '-'
          || lpad(extract(month from d)::integer::text, 2, '0') || '-'
          || lpad(extract(day from d)::integer::text, 2, '0')
    $$`.execute(db);
  const partial: [string, string][] = [
    ['acts_criminal_idx', `criminal_suspected and not criminal_referred`],
    [
      'acts_officers_idx',
      `((kind = 'penalty' and procedure is distinct from 'summary') or kind in ('inspection', 'coercion'))
       and (jsonb_array_length(body -> 'officers') < 2
            or body -> 'officers' -> 0 -> 'id' = body -> 'officers' -> 1 -> 'id')`,
    ],
    [
      'acts_hearing_idx',
      `kind in ('penalty', 'licensing') and hearing_requested and not hearing_held and decided is not null`,
    ],
    [
      'acts_notice_idx',
      `kind = 'penalty' and decided is not null
       and (notified is null or notified > decided or (notified = decided and procedure is distinct from 'summary'))`,
    ],
    ['acts_receipt_idx', `kind = 'penalty' and payment_method is not null and not payment_receipt`],
    ['acts_onsite_idx', `kind = 'penalty' and payment_method = 'onsite' and fine > 100`],
    ['acts_overturned_idx', `review in ('changed', 'revoked', 'confirmed_illegal')`],
    [
      'acts_penalty_late_idx',
      `(kind = 'penalty' and procedure is distinct from 'summary') and decided > filed + 90`,
    ],
    [
      'acts_uncertified_idx',
      `kind in ('penalty', 'inspection', 'coercion')
       and coalesce(decided, filed, accepted, incident_date) is not null
       and jsonb_path_exists(body -> 'officers',
             '$[*] ? (!exists(@.certificate) || @.certificate == null || @.certificate == ""
               || !exists(@.validUntil) || @.validUntil == null || @.validUntil < $d)',
             ('{"d":"' || wenze_iso(coalesce(decided, filed, accepted, incident_date)) || '"}')::jsonb)`,
    ],
  ];
  for (const [name, where] of partial) {
    await sql.raw(`create index ${name} on acts (id) where ${where}`).execute(db);
  }

  // --- findings ---------------------------------------------------------------------------------
  await sql`
    create table findings (
      act_id text collate "C" not null references acts (id) on delete cascade,
      rule text collate "C" not null,
      region_code char(6) not null,
      agency_id text collate "C" not null,
      officer_id text,
      kind text not null,
      occurred_on date,
      fault text,
      basis text not null,
      detail text not null,
      -- duplicate-fine: the earlier decision this one repeats
      related_act_id text collate "C",
      found_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      primary key (act_id, rule)
    )`.execute(db);
  await sql`create index findings_region_idx on findings (region_code, occurred_on)`.execute(db);
  await sql`create index findings_agency_idx on findings (agency_id, occurred_on)`.execute(db);
  await sql`create index findings_officer_idx on findings (officer_id, occurred_on)`.execute(db);
  await sql`create index findings_rule_idx on findings (rule, occurred_on)`.execute(db);
  await sql`create index findings_related_idx on findings (related_act_id) where related_act_id is not null`.execute(
    db,
  );
  await sql`create index leads_act_idx on leads (act_id)`.execute(db);

  // --- the working-day calendar -----------------------------------------------------------------
  await sql`
    create table calendar_days (
      day date primary key,
      is_working boolean not null,
      ordinal integer not null
    )`.execute(db);
  // Not unique: a refresh shifts the ordinals of many days, one row at a time.
  await sql`create index calendar_days_ordinal_idx on calendar_days (ordinal) where is_working`.execute(db);
  await sql`
    create table calendar_state (
      id integer primary key check (id = 1),
      fingerprint text not null,
      refreshed_at timestamptz not null default now()
    )`.execute(db);

  // Working days (Mon–Fri) by formula, for days outside the table (lookup.ts: weekdayPrefix and
  // weekdayWithPrefix). n is a day number: days since 1970-01-01.
  await sql`
    create function wenze_weekday_prefix(n integer) returns integer
    language sql immutable parallel safe as $$
      select (floor((n - 3)::numeric / 7))::integer * 5
           + least((n - 3) - (floor((n - 3)::numeric / 7))::integer * 7, 5)
    $$`.execute(db);
  await sql`
    create function wenze_weekday_with_prefix(k integer) returns integer
    language sql immutable parallel safe as $$
      select (floor((k - 1)::numeric / 5))::integer * 7 + (k - (floor((k - 1)::numeric / 5))::integer * 5) + 3
    $$`.execute(db);
  // The working-day ordinal of a day (lookup.ts: ordinal).
  await sql`
    create function wenze_ordinal(d date) returns integer
    language sql stable parallel safe as $$
      select coalesce(
        (select c.ordinal from calendar_days c where c.day = d),
        case when d > (select max(day) from calendar_days)
          then (select c.ordinal from calendar_days c order by c.day desc limit 1)
               + wenze_weekday_prefix(d - date '1970-01-01')
               - wenze_weekday_prefix((select max(day) from calendar_days) - date '1970-01-01')
          else wenze_weekday_prefix(d - date '1970-01-01') end)
    $$`.execute(db);
  await sql`
    create function wenze_is_working(d date) returns boolean
    language sql stable parallel safe as $$
      select coalesce((select c.is_working from calendar_days c where c.day = d), extract(isodow from d) < 6)
    $$`.execute(db);
  // The working day whose ordinal is k (lookup.ts: workingDayWithOrdinal).
  await sql`
    create function wenze_working_day_with_ordinal(k integer) returns date
    language sql stable parallel safe as $$
      select coalesce(
        (select c.day from calendar_days c where c.ordinal = k and c.is_working),
        date '1970-01-01' + wenze_weekday_with_prefix(
          case when k > (select c.ordinal from calendar_days c order by c.day desc limit 1)
            then k - (select c.ordinal from calendar_days c order by c.day desc limit 1)
                 + wenze_weekday_prefix((select max(day) from calendar_days) - date '1970-01-01')
            else k end))
    $$`.execute(db);
  // The day itself if it is a working day, else the first working day after it.
  await sql`
    create function wenze_next_working_day(d date) returns date
    language sql stable parallel safe as $$
      select case when wenze_is_working(d) then d else wenze_working_day_with_ordinal(wenze_ordinal(d) + 1) end
    $$`.execute(db);

  // A number as JavaScript's String(number) writes it, for a numeric stored from that text (the
  // shortest round-trip digits): plain up to 21 integer digits, exponent form beyond, as the
  // in-memory rules' detail texts have it.
  await sql`
    create function wenze_js_number(v numeric) returns text
    language plpgsql immutable parallel safe as $$
    declare
      t text;
      ip text;
      fp text;
      digits text;
      n integer;
      k integer;
      e integer;
      neg boolean := v < 0;
    begin
      if v is null then return null; end if;
      if v = 0 then return '0'; end if;
      t := abs(v)::text;
      ip := split_part(t, '.', 1);
      fp := split_part(t, '.', 2);
      fp := rtrim(fp, '0');
      ip := ltrim(ip, '0');
      if ip <> '' then
        n := length(ip);
        digits := rtrim(ip || fp, '0');
      else
        n := -(length(fp) - length(ltrim(fp, '0')));
        digits := ltrim(fp, '0');
      end if;
      k := length(digits);
      if k <= n and n <= 21 then
        t := digits || repeat('0', n - k);
      elsif 0 < n and n <= 21 then
        t := substr(digits, 1, n) || '.' || substr(digits, n + 1);
      elsif -6 < n and n <= 0 then
        t := '0.' || repeat('0', -n) || digits;
      else
        e := n - 1;
        t := case when k = 1 then digits else substr(digits, 1, 1) || '.' || substr(digits, 2) end
          || 'e' || case when e < 0 then '-' else '+' end || abs(e)::text;
      end if;
      return case when neg then '-' || t else t end;
    end
    $$`.execute(db);

  await syncCalendarTable(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const f of [
    'wenze_js_number(numeric)',
    'wenze_next_working_day(date)',
    'wenze_working_day_with_ordinal(integer)',
    'wenze_is_working(date)',
    'wenze_ordinal(date)',
    'wenze_weekday_with_prefix(integer)',
    'wenze_weekday_prefix(integer)',
  ]) {
    await sql.raw(`drop function if exists ${f}`).execute(db);
  }
  await sql`drop index if exists leads_act_idx`.execute(db);
  for (const t of ['calendar_state', 'calendar_days', 'findings', 'acts']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
  await sql`drop function if exists wenze_iso(date)`.execute(db);
}
