// 职责边界清单 (issue 13): the supervision office's decisions on overlaps of the duty lists (one
// 职权编码 led by several agencies of a region). A 'boundary' names the lead agency (牵头/主办), the
// others 协办, and its legal ground (依据); a 'referral' records that the dispute went to the
// establishment office (机构编制部门) with the referral's number and date. The decisions on one power
// in one region form a history: a later one (higher id) overrides the earlier from its valid_from on;
// superseded_at/superseded_by mark each one the next replaced (at most one current per power).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_boundaries')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    // The power's name when decided, for the list and its export.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('boundary','referral')`))
    // The agencies leading the power when decided: ["529900-ZHJ", …].
    .addColumn('parties', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('lead_agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('assisting', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('ground', 'text')
    .addColumn('referral_no', 'text')
    .addColumn('referred_to', 'text')
    .addColumn('referred_on', 'date')
    .addColumn('note', 'text')
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('decided_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('decided_by_name', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('superseded_by', 'integer', (c) => c.references('duty_boundaries.id'))
    .addColumn('superseded_at', 'timestamptz')
    .addCheckConstraint(
      'duty_boundaries_kind_fields_check',
      sql`(kind = 'boundary' and lead_agency_id is not null and ground is not null)
        or (kind = 'referral' and referral_no is not null and referred_on is not null)`,
    )
    .execute();
  await db.schema
    .createIndex('duty_boundaries_power_idx')
    .on('duty_boundaries')
    .columns(['region_code', 'code', 'id'])
    .execute();
  // One current decision per power and region (superseded_at is set before the next is inserted).
  await db.schema
    .createIndex('duty_boundaries_current_idx')
    .on('duty_boundaries')
    .columns(['region_code', 'code'])
    .unique()
    .where(sql.ref('superseded_at'), 'is', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duty_boundaries').execute();
}
