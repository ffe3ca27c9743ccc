// 救济 (issue 12): the relief panel's pool, appeals heard by a panel drawn from it (the draw with its
// seed, the hearings with attendance, the sealed votes, the decision), and on the case's person the
// relief decided for them; a dismissed complaint's re-examination on the lead. The appeals the case recorded before (case_appeals, reviewed by the
// office that decided) move into the register as decided or filed appeals. Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('relief_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('legal_expert','lawyer','scholar','senior_officer','enforcement_supervisor')`),
    )
    .addColumn('expertise', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('office_region', 'char(6)')
    .addColumn('enforcement_officer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('user_id', 'uuid', (c) => c.unique().references('users.id'))
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema
    .createTable('appeals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('case_id', 'uuid', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    // The appellant: the officer concerned, or (Art. 25 measures) the agency, by its legal office.
    .addColumn('appellant_kind', 'text', (c) =>
      c.notNull().defaultTo('officer').check(sql`appellant_kind in ('officer','agency')`),
    )
    .addColumn('officer_id', 'text', (c) => c.references('officers.id'))
    .addColumn('filed_by', 'uuid')
    .addColumn('filed_on', 'date', (c) => c.notNull())
    .addColumn('grounds', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('filed','rejected','accepted','panel','voting','decided','withdrawn')`),
    )
    .addColumn('served_on', 'date')
    .addColumn('original_form', 'text')
    /** The Art. 25 measures appealed against (an agency's appeal): a list, lightest first. */
    .addColumn('original_measures', 'jsonb')
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('accepted_on', 'date')
    .addColumn('due_on', 'date')
    .addColumn('acceptance', 'jsonb')
    .addColumn('panel', 'jsonb')
    .addColumn('sessions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('votes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('extensions', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('decision', 'jsonb')
    .addColumn('documents', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('decided_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('appeals_officer_check', sql`appellant_kind = 'agency' or officer_id is not null`)
    .execute();
  await db.schema.createIndex('appeals_region_idx').on('appeals').columns(['region_code', 'state']).execute();
  await db.schema.createIndex('appeals_case_idx').on('appeals').columns(['case_id', 'officer_id']).execute();

  await db.schema.alterTable('case_persons').addColumn('relief', 'jsonb').execute();
  // The relief decided on the agency's appeal against Art. 25 measures: { appealId, number, outcome, measures, on }.
  await db.schema.alterTable('cases').addColumn('agency_relief', 'jsonb').execute();

  // 复查: a complainant may ask once for a dismissed complaint to be re-examined, by someone other
  // than who dismissed it (recorded from now on; for earlier dismissals, from the audit log).
  await db.schema
    .alterTable('leads')
    .addColumn('dismissed_by', 'uuid')
    .addColumn('reexamination', 'jsonb')
    .execute();
  await sql`
    update leads l set dismissed_by = (
      select a.actor_id from audit_log a
      where a.object_type = 'lead' and a.object_id = l.id::text and a.action = 'lead.dismiss'
      order by a.id desc limit 1)
    where l.status = 'dismissed'`.execute(db);

  // The appeals recorded on cases before: decided by the office (as it then was), or still to hear.
  await sql`
    insert into appeals (number, region_code, case_id, officer_id, filed_on, grounds, state, served_on,
                         pack, accepted_on, decision, decided_on)
    select r.name || '申诉〔' || extract(year from a.filed_on)::int || '〕' ||
             row_number() over (partition by a.region_code, extract(year from a.filed_on) order by a.filed_on, a.case_id)
             || '号',
           a.region_code, a.case_id, a.officer_id, a.filed_on, a.grounds,
           case when a.result is null then 'filed' else 'decided' end, c.served_on, c.pack,
           case when a.result is null then null else a.filed_on end,
           case when a.result is null then null
                else jsonb_build_object('outcome', a.result, 'form', null, 'reasons', jsonb_build_array(coalesce(a.reasons, '')),
                                        'legacy', true, 'by', coalesce(a.reviewed_by, ''), 'on', a.reviewed_on) end,
           a.reviewed_on
    from case_appeals a
    join cases c on c.id = a.case_id
    join regions r on r.code = a.region_code`.execute(db);
  await db.schema.dropTable('case_appeals').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
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
  await db.schema.alterTable('case_persons').dropColumn('relief').execute();
  await db.schema.alterTable('cases').dropColumn('agency_relief').execute();
  await db.schema.alterTable('leads').dropColumn('dismissed_by').dropColumn('reexamination').execute();
  await db.schema.dropTable('appeals').execute();
  await db.schema.dropTable('relief_members').execute();
}
