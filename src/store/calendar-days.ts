// The working-day calendar as a table (`calendar_days`: day, is_working, ordinal) for the
// set-based detection rules: the core calendar's lookup (src/core/calendar/lookup.ts) written out
// row for row. A fingerprint of the lookup is kept in `calendar_state`, so that refreshing with an
// unchanged calendar (every server start) costs one query.
import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { Calendar } from '../core/calendar/index.js';

/** What determines every row of the table: its span and which days are working days. */
export function calendarFingerprint(calendar: Calendar): string {
  const { first, last, base, working } = calendar.lookup;
  return createHash('sha1')
    .update(`${first}|${last}|${base}|`)
    .update(working)
    .digest('hex');
}

/**
 * Write the calendar into `calendar_days` (only the rows that differ) unless the stored
 * fingerprint says it is there already. Returns true when the table changed.
 */
export async function refreshCalendarTable(db: Kysely<any>, calendar: Calendar): Promise<boolean> {
  const fingerprint = calendarFingerprint(calendar);
  const { rows } = await sql<{ fingerprint: string }>`
    select fingerprint from calendar_state where id = 1`.execute(db);
  if (rows[0]?.fingerprint === fingerprint) return false;
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
  const write = async (trx: Kysely<any>) => {
    await sql`
      insert into calendar_days (day, is_working, ordinal)
      select date '1970-01-01' + t.d, t.w = 1, t.o
      from unnest(${days}::integer[], ${work}::integer[], ${ords}::integer[]) as t(d, w, o)
      on conflict (day) do update set is_working = excluded.is_working, ordinal = excluded.ordinal
      where (calendar_days.is_working, calendar_days.ordinal)
            is distinct from (excluded.is_working, excluded.ordinal)`.execute(trx);
    await sql`
      delete from calendar_days
      where day < date '1970-01-01' + ${first}::integer
         or day > date '1970-01-01' + ${first + size - 1}::integer`.execute(trx);
    await sql`
      insert into calendar_state (id, fingerprint) values (1, ${fingerprint})
      on conflict (id) do update set fingerprint = excluded.fingerprint, refreshed_at = now()`.execute(trx);
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
  return true;
}
