// The working-day calendar as a table (`calendar_days`: day, is_working, ordinal) for the
// set-based detection rules: the core calendar's lookup (src/core/calendar/lookup.ts) written out
// row for row. A fingerprint of the lookup is kept in `calendar_state`, so that refreshing with an
// unchanged calendar — before every detection run, on every server start — costs one query.
import { createHash } from 'node:crypto';
import { CompiledQuery, type Kysely, type Selectable, type Transaction } from 'kysely';
import { type Calendar, createCalendar } from '../core/calendar/index.js';
import type { SqlTx } from './driver.js';
import type { CalendarOverridesTable, DB } from './schema.js';

type Db = Kysely<DB> | Transaction<DB>;

type Exec = <R>(text: string, params?: unknown[]) => Promise<R[]>;

function execOf(db: Kysely<unknown> | SqlTx): Exec {
  if ('copyIn' in db) return (text, params) => db.query(text, params);
  return async <R>(text: string, params?: unknown[]) =>
    (await db.executeQuery<R>(CompiledQuery.raw(text, params ?? []))).rows;
}

/** What determines every row of the table: its span and which days are working days. */
export function calendarFingerprint(calendar: Calendar): string {
  const { first, last, base, working } = calendar.lookup;
  return createHash('sha1').update(`${first}|${last}|${base}|`).update(working).digest('hex');
}

/** The calendar in force: the seeded schedule and the admin's overrides (`calendar_overrides`). */
export async function calendarInForce(db: Kysely<unknown> | SqlTx): Promise<Calendar> {
  const rows = await execOf(db)<{ day: string; kind: string }>(
    `select to_char(day, 'YYYY-MM-DD') as day, kind from calendar_overrides`,
  );
  return createCalendar({
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
    workdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day),
  });
}

async function write(exec: Exec, calendar: Calendar, fingerprint: string): Promise<void> {
  const { first, working, ordinal } = calendar.lookup;
  const size = working.length;
  const days = new Array<number>(size);
  const work = new Array<number>(size);
  const ords = new Array<number>(size);
  for (let i = 0; i < size; i++) {
    days[i] = first + i;
    work[i] = working[i];
    ords[i] = ordinal[i];
  }
  await exec(
    `insert into calendar_days (day, is_working, ordinal)
     select date '1970-01-01' + t.d, t.w = 1, t.o
     from unnest($1::integer[], $2::integer[], $3::integer[]) as t(d, w, o)
     on conflict (day) do update set is_working = excluded.is_working, ordinal = excluded.ordinal
     where (calendar_days.is_working, calendar_days.ordinal)
           is distinct from (excluded.is_working, excluded.ordinal)`,
    [days, work, ords],
  );
  await exec(
    `delete from calendar_days
     where day < date '1970-01-01' + $1::integer or day > date '1970-01-01' + $2::integer`,
    [first, first + size - 1],
  );
  await exec(
    `insert into calendar_state (id, fingerprint) values (1, $1)
     on conflict (id) do update set fingerprint = excluded.fingerprint, refreshed_at = now()`,
    [fingerprint],
  );
}

/**
 * Write the calendar into `calendar_days` (only the rows that differ) unless the stored
 * fingerprint says it is there already. Returns true when the table changed.
 */
export async function refreshCalendarTable(
  db: Kysely<unknown> | SqlTx,
  calendar: Calendar,
): Promise<boolean> {
  const fingerprint = calendarFingerprint(calendar);
  const exec = execOf(db);
  const rows = await exec<{ fingerprint: string }>('select fingerprint from calendar_state where id = 1');
  if (rows[0]?.fingerprint === fingerprint) return false;
  if ('copyIn' in db || db.isTransaction) await write(exec, calendar, fingerprint);
  else await db.transaction().execute((trx) => write(execOf(trx), calendar, fingerprint));
  return true;
}

/** Bring `calendar_days` in line with the calendar in force (seed and overrides). */
export async function syncCalendarTable(db: Kysely<unknown> | SqlTx): Promise<boolean> {
  return refreshCalendarTable(db, await calendarInForce(db));
}

/** The administrator's overrides (`calendar_overrides`) dated in `year`. */
export async function listCalendarOverrides(
  db: Db,
  year: number,
): Promise<Selectable<CalendarOverridesTable>[]> {
  return db
    .selectFrom('calendarOverrides')
    .selectAll()
    .where('day', '>=', `${year}-01-01`)
    .where('day', '<=', `${year}-12-31`)
    .execute();
}

/** Set a day's override: a new row, or the kind and note of the day's existing one. */
export async function upsertCalendarOverride(
  db: Db,
  o: { day: string; kind: CalendarOverridesTable['kind']; note: string | null; createdBy: string },
): Promise<void> {
  await db
    .insertInto('calendarOverrides')
    .values(o)
    .onConflict((oc) => oc.column('day').doUpdateSet({ kind: o.kind, note: o.note }))
    .execute();
}

/** Remove a day's override. False when the day had none. */
export async function deleteCalendarOverride(db: Db, day: string): Promise<boolean> {
  const r = await db.deleteFrom('calendarOverrides').where('day', '=', day).executeTakeFirst();
  return Number(r.numDeletedRows) !== 0;
}
