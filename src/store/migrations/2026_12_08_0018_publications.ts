// 行政执法决定公示 (issue 15): the publications of licensing and penalty decisions (and, later, of
// accountability decisions), masked, with their deadlines, withdrawal and take-down; and the party's
// ID number of an act, sealed, kept apart from the act's body. Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // SM4 + HMAC-SM3 under the personal-data key (src/security/crypto.ts); never in `body`.
  await db.schema.alterTable('acts').addColumn('party_id_enc', 'bytea').execute();
  await db.schema
    .createTable('publications')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('source_kind', 'text', (c) => c.notNull().check(sql`source_kind in ('act','case')`))
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('licensing','penalty','other','accountability')`),
    )
    .addColumn('party_type', 'text', (c) => c.check(sql`party_type in ('org','person')`))
    // The published fields, masked (src/core/disclosure/publish.ts); null while withheld.
    .addColumn('fields', 'jsonb')
    .addColumn('decided_on', 'date', (c) => c.notNull())
    .addColumn('published_on', 'date')
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().check(sql`state in ('published','withheld','withdrawn','taken_down')`),
    )
    .addColumn('withheld_ground', 'text')
    .addColumn('withheld_reason', 'text')
    .addColumn('withdrawn_on', 'date')
    .addColumn('withdrawn_reason', 'text')
    .addColumn('take_down_on', 'date')
    .addColumn('taken_down_on', 'date')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('publications_source_key', ['source_kind', 'source_id'])
    .execute();
  // The portal's list: what is published, newest decisions first.
  await sql`create index publications_public_idx on publications (decided_on desc, id) where state = 'published'`.execute(
    db,
  );
  await sql`create index publications_agency_idx on publications (agency_id, state, decided_on desc) where state = 'published'`.execute(
    db,
  );
  // The console's register by region, and the take-down sweep.
  await db.schema
    .createIndex('publications_region_idx')
    .on('publications')
    .columns(['region_code', 'state', 'decided_on'])
    .execute();
  await sql`create index publications_take_down_idx on publications (take_down_on) where state = 'published'`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('publications').execute();
  await db.schema.alterTable('acts').dropColumn('party_id_enc').execute();
}
