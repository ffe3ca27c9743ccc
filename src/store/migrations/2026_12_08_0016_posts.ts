// 岗位 (issue 13): the posts of an agency, each answerable for some stages of its duty list's
// responsibility items (责任事项) — for all of the agency's items, or the 职权编码 it names — and
// who held which post from one day to another, so that "who held the post on day D" is answerable.
// A holding covers from_date through to_date, both included; to_date null while it lasts.
// Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('posts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    // The stages it answers for: ["filing", "service", …] (DUTY_STAGES).
    .addColumn('stages', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // The 职权编码 it answers for; [] = every item of the agency's list.
    .addColumn('codes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('posts_agency_name_key', ['agency_id', 'name'])
    .execute();
  await db.schema.createIndex('posts_region_idx').on('posts').columns(['region_code', 'agency_id']).execute();

  await db.schema
    .createTable('officer_posts')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('post_id', 'uuid', (c) => c.notNull().references('posts.id'))
    .addColumn('officer_id', 'text', (c) => c.notNull().references('officers.id'))
    .addColumn('from_date', 'date', (c) => c.notNull())
    .addColumn('to_date', 'date')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('officer_posts_period_check', sql`to_date is null or to_date >= from_date`)
    .execute();
  await db.schema
    .createIndex('officer_posts_post_idx')
    .on('officer_posts')
    .columns(['post_id', 'from_date'])
    .execute();
  await db.schema
    .createIndex('officer_posts_officer_idx')
    .on('officer_posts')
    .columns(['officer_id', 'from_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('officer_posts').execute();
  await db.schema.dropTable('posts').execute();
}
