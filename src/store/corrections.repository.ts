// Correction measures (纠错) and their re-check: the later findings on the same agency (and the same
// officer, where the measure names one) for the same detection rule or catalogue item.
import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { Scope } from '../core/policies/actor.js';
import type { MeasureState, Recurrence } from '../core/workflow/correction.js';
import type { CorrectionsTable, DB } from './schema.js';
import { type PageRequest, pageOfRows, scopeCondition } from './scope.js';

type Db = Kysely<DB> | Transaction<DB>;

function rows(db: Db) {
  return db
    .selectFrom('corrections as m')
    .innerJoin('agencies as a', 'a.id', 'm.agencyId')
    .leftJoin('officers as o', 'o.id', 'm.officerId')
    .leftJoin('toleranceApplications as t', 't.id', 'm.applicationId')
    .selectAll('m')
    .select(['a.name as agencyName', 'o.name as officerName', 't.number as applicationNumber']);
}

export async function loadCorrection(db: Db, id: string) {
  return rows(db).where('m.id', '=', id).executeTakeFirst();
}
export type LoadedCorrection = NonNullable<Awaited<ReturnType<typeof loadCorrection>>>;

export interface CorrectionFilter {
  state?: MeasureState;
  applicationId?: string;
  /** Only measures due on or before this day and not yet re-checked. */
  dueBy?: string;
}

function filtered(db: Db, scope: Scope, f: CorrectionFilter) {
  let q = rows(db).where(
    scopeCondition(scope, { region: 'm.regionCode', agency: 'm.agencyId', officer: 'm.officerId' }),
  );
  if (f.state) q = q.where('m.state', '=', f.state);
  if (f.applicationId) q = q.where('m.applicationId', '=', f.applicationId);
  if (f.dueBy) q = q.where('m.dueOn', '<=', f.dueBy).where('m.state', 'in', ['open', 'reported']);
  return q;
}

export async function listCorrections(db: Db, scope: Scope, f: CorrectionFilter, page: PageRequest) {
  return pageOfRows(db, filtered(db, scope, f), page, (q) => q.orderBy('m.dueOn').orderBy('m.id'));
}

/** The ids of the measures due by `day` and not yet re-checked, within `scope`. */
export async function dueCorrectionIds(db: Db, scope: Scope, day: string): Promise<string[]> {
  return (
    await filtered(db, scope, { dueBy: day }).clearSelect().select('m.id').orderBy('m.dueOn').execute()
  ).map((r) => r.id);
}

export async function insertCorrection(db: Db, row: Insertable<CorrectionsTable>): Promise<string> {
  return (await db.insertInto('corrections').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

/**
 * The findings after the fault that repeat it: the same agency (and officer, when named), an act
 * dated after `since`, on one of the measure's rules or for one of its catalogue items.
 */
export async function findRecurrences(db: Db, m: LoadedCorrection, until: string): Promise<Recurrence[]> {
  const rules = m.rules.length > 0 ? m.rules : [''];
  const faults = m.faults.length > 0 ? m.faults : [''];
  const { rows: found } = await sql<Recurrence>`
    select f.act_id, f.rule, f.occurred_on
    from findings f
    where f.agency_id = ${m.agencyId}
      and f.occurred_on > ${m.since} and f.occurred_on <= ${until}
      and (f.rule in (${sql.join(rules)}) or f.fault in (${sql.join(faults)}))
      and (${m.officerId}::text is null or f.officer_id = ${m.officerId})
      and f.act_id is distinct from ${m.actId}
    order by f.occurred_on, f.act_id, f.rule
    limit 100`.execute(db);
  return found;
}
