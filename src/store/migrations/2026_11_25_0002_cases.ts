// Accountability cases: public complaints and their attachments, leads, cases with their
// investigators, extensions, persons (statement and defence), evidence, documents, appeals
// and referrals; and the admin's extension of the holiday calendar.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('calendar_overrides')
    .addColumn('day', 'date', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('holiday','workday')`))
    .addColumn('note', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('complaints')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('receipt', 'text', (c) => c.notNull().unique())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('officer_name', 'text')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'date')
    .addColumn('anonymous', 'boolean', (c) => c.notNull())
    .addColumn('contact_name', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.unique())
    .addColumn('public_status', 'text', (c) => c.notNull().defaultTo('received'))
    .addColumn('public_reply', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'complaints_contact_ck',
      sql`anonymous or (contact_name is not null and contact_phone is not null)`,
    )
    .execute();
  await db.schema.createIndex('complaints_region_idx').on('complaints').column('region_code').execute();

  await db.schema
    .createTable('complaint_attachments')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('complaint_id', 'uuid', (c) => c.notNull().references('complaints.id').onDelete('cascade'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('leads')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('source', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`source in ('complaint','detection','superior','congress','media','case_review','reconsideration','litigation','other')`,
        ),
    )
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('new').check(sql`status in ('new','dismissed','merged','opened')`),
    )
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('officer_id', 'text', (c) => c.references('officers.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('occurred_on', 'date')
    .addColumn('complaint_id', 'uuid', (c) => c.unique().references('complaints.id'))
    // Detection findings: one lead per (act, rule), so re-scans never duplicate.
    .addColumn('finding_key', 'text', (c) => c.unique())
    .addColumn('act_id', 'text')
    .addColumn('rule', 'text')
    .addColumn('fault_code', 'text')
    .addColumn('basis', 'text')
    .addColumn('detail', 'text')
    .addColumn('merged_into', 'uuid', (c) => c.references('leads.id'))
    .addColumn('case_id', 'uuid')
    .addColumn('dismiss_reason', 'text')
    .addColumn('created_by', 'uuid')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('leads_region_status_idx')
    .on('leads')
    .columns(['region_code', 'status', 'created_at'])
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('lead_id', 'uuid', (c) => c.references('leads.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'date', (c) => c.notNull())
    .addColumn('accepted_on', 'date')
    .addColumn('acceptance_opinion', 'text')
    .addColumn('decline_reason', 'text')
    .addColumn('investigation_started_on', 'date')
    .addColumn('facts', 'jsonb')
    .addColumn('determination', 'jsonb')
    .addColumn('overrides', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('findings_text', 'text')
    .addColumn('findings_on', 'date')
    .addColumn('statement_notice_on', 'date')
    .addColumn('decision_kind', 'text')
    .addColumn('decision_on', 'date')
    .addColumn('decision_reasons', 'text')
    .addColumn('served_on', 'date')
    .addColumn('service', 'jsonb')
    .addColumn('executed_on', 'date')
    .addColumn('execution_note', 'text')
    .addColumn('closed_on', 'date')
    .addColumn('created_by', 'uuid')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('cases_region_state_idx')
    .on('cases')
    .columns(['region_code', 'state'])
    .execute();

  await db.schema
    .createTable('case_investigators')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('recused', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('recusal_reason', 'text')
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('case_investigators_pk', ['case_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('case_extensions')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('approved_by', 'text', (c) => c.notNull())
    .addColumn('approved_on', 'date', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_persons')
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('liable', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('statement_text', 'text')
    .addColumn('statement_on', 'date')
    .addColumn('waived', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('waive_reason', 'text')
    .addColumn('hearing_requested', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('hearing_held_on', 'date')
    .addColumn('hearing_summary', 'text')
    .addPrimaryKeyConstraint('case_persons_pk', ['case_id', 'officer_id'])
    .execute();
  await db.schema.createIndex('case_persons_officer_idx').on('case_persons').column('officer_id').execute();

  for (const table of ['case_evidence', 'case_documents']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn('region_code', 'char(6)', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('filename', 'text', (c) => c.notNull())
      .addColumn('mime', 'text', (c) => c.notNull())
      .addColumn('size', 'integer', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('content', 'bytea', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
  }

  await db.schema
    .createTable('case_appeals')
    .addColumn('case_id', 'uuid', (c) => c.primaryKey().references('cases.id').onDelete('cascade'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
    .addColumn('filed_on', 'date', (c) => c.notNull())
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.check(sql`result in ('upheld','changed','revoked')`))
    .addColumn('reasons', 'text')
    .addColumn('reviewed_on', 'date')
    .addColumn('reviewed_by', 'text')
    .execute();

  await db.schema
    .createTable('referrals')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('organ', 'text', (c) => c.notNull().check(sql`organ in ('discipline','judicial')`))
    .addColumn('officer_id', 'text', (c) => c.references('officers.id'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('referred_on', 'date', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'date')
    .addColumn('outcome_by', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'referrals',
    'case_appeals',
    'case_documents',
    'case_evidence',
    'case_persons',
    'case_extensions',
    'case_investigators',
    'cases',
    'leads',
    'complaint_attachments',
    'complaints',
    'calendar_overrides',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
