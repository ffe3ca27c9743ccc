// The portal's speed (issue 15): indexes that serve the public list of decisions in its own order
// (newest decision first, then id) for each of its filters, and the precomputed public figures —
// the accountability statistics and the annual report's counts, refreshed nightly, on import and on
// a case's decision — so that no public page counts over the acts. Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // The list orders by (decided_on desc, id desc): the 0018 indexes had id ascending, or no id.
  await sql`drop index if exists publications_public_idx`.execute(db);
  await sql`drop index if exists publications_agency_idx`.execute(db);
  await sql`create index publications_published_idx on publications (decided_on desc, id desc) where state = 'published'`.execute(
    db,
  );
  await sql`create index publications_category_idx on publications (category, decided_on desc, id desc) where state = 'published'`.execute(
    db,
  );
  await sql`create index publications_agency_idx on publications (agency_id, decided_on desc, id desc) where state = 'published'`.execute(
    db,
  );

  // Aggregate counts only (never a name): a measure's key, per year and agency, with an amount in fen.
  await db.schema
    .createTable('public_figures')
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    // '' when the figure has no agency (a lead not yet attributed).
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('n', 'bigint', (c) => c.notNull())
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('refreshed_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('public_figures_pkey', ['measure', 'year', 'agency_id', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('public_figures').execute();
  await sql`drop index if exists publications_published_idx`.execute(db);
  await sql`drop index if exists publications_category_idx`.execute(db);
  await sql`drop index if exists publications_agency_idx`.execute(db);
  await sql`create index publications_public_idx on publications (decided_on desc, id) where state = 'published'`.execute(
    db,
  );
  await sql`create index publications_agency_idx on publications (agency_id, state, decided_on desc) where state = 'published'`.execute(
    db,
  );
}
