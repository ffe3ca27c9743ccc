// 容错申请 (issue 11): tolerance applications for a person of an accountability case, and on the
// case's person the tolerance decided for them (exempt or mitigated), which the case's proposal,
// the officer's record and the early warning follow. The decision's document is kept in the case
// file (case_documents) and named by the application. Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tolerance_applications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
    .addColumn('applicant_kind', 'text', (c) =>
      c.notNull().check(sql`applicant_kind in ('officer','agency')`),
    )
    .addColumn('applied_by', 'uuid', (c) => c.notNull())
    .addColumn('applied_on', 'date', (c) => c.notNull())
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('claimed', 'jsonb', (c) => c.notNull())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'date')
    .addColumn('acceptance', 'jsonb')
    .addColumn('verification', 'jsonb')
    .addColumn('decision', 'jsonb')
    .addColumn('decided_on', 'date')
    .addColumn('document_id', 'integer', (c) => c.references('case_documents.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('tolerance_applications_region_idx')
    .on('tolerance_applications')
    .columns(['region_code', 'state'])
    .execute();
  await db.schema
    .createIndex('tolerance_applications_case_idx')
    .on('tolerance_applications')
    .columns(['case_id', 'officer_id'])
    .execute();
  await db.schema.alterTable('case_persons').addColumn('tolerance', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('case_persons').dropColumn('tolerance').execute();
  await db.schema.dropTable('tolerance_applications').execute();
}
