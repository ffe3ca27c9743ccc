// 事前备案 (issue 11): the register of exploratory measures registered before acting, and the
// documents their initial review issued (《报备容错受理决定书》, the return notice). The number
// (`A市报备〔2026〕3号`) is unique per region and year (region_code, year, seq). The review's due date
// is computed from submitted_on on the working-day calendar, not stored. Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pre_registrations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('officer_id', 'text', (c) => c.references('officers.id'))
    .addColumn('registered_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('legal_gap', 'text', (c) => c.notNull())
    .addColumn('risks', 'text', (c) => c.notNull())
    .addColumn('safeguards', 'text', (c) => c.notNull())
    .addColumn('planned_from', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('submitted','accepted','returned','withdrawn')`),
    )
    .addColumn('registered_on', 'date', (c) => c.notNull())
    .addColumn('submitted_on', 'date', (c) => c.notNull())
    .addColumn('decision', 'jsonb')
    .addColumn('withdrawal', 'jsonb')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('pre_registrations_number_key', ['region_code', 'year', 'seq'])
    .execute();
  await db.schema
    .createIndex('pre_registrations_region_idx')
    .on('pre_registrations')
    .columns(['region_code', 'state'])
    .execute();
  await db.schema
    .createIndex('pre_registrations_agency_idx')
    .on('pre_registrations')
    .column('agency_id')
    .execute();
  await db.schema
    .createIndex('pre_registrations_officer_idx')
    .on('pre_registrations')
    .column('officer_id')
    .execute();
  await db.schema
    .createIndex('pre_registrations_number_idx')
    .on('pre_registrations')
    .column('number')
    .execute();

  await db.schema
    .createTable('pre_registration_documents')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('pre_registration_id', 'uuid', (c) =>
      c.notNull().references('pre_registrations.id').onDelete('cascade'),
    )
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('pre_registration_documents_owner_idx')
    .on('pre_registration_documents')
    .column('pre_registration_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pre_registration_documents').execute();
  await db.schema.dropTable('pre_registrations').execute();
}
