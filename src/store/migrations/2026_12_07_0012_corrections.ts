// 纠错 (issue 11): correction measures for a tolerated or a detected fault, with a due date and a
// responsible person; the re-check when due records what it found and the lead a recurrence
// opened. Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('corrections')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('officer_id', 'text', (c) => c.references('officers.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('tolerance','finding')`))
    .addColumn('application_id', 'uuid', (c) => c.references('tolerance_applications.id').onDelete('cascade'))
    .addColumn('act_id', 'text')
    .addColumn('rules', 'jsonb', (c) => c.notNull())
    .addColumn('faults', 'jsonb', (c) => c.notNull())
    .addColumn('since', 'date', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('responsible', 'text', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('report', 'jsonb')
    .addColumn('recheck', 'jsonb')
    .addColumn('lead_id', 'uuid', (c) => c.references('leads.id'))
    .addColumn('created_by', 'uuid', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('corrections_due_idx')
    .on('corrections')
    .columns(['region_code', 'state', 'due_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('corrections').execute();
}
