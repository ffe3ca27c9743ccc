// 行政执法案卷评查 (issue 14): review campaigns (scope, seed, size, the strata drawn, the rule pack
// whose rubric scores them), their files (one row per act drawn and stage: the agency's self-check and
// the office's spot-check, each with its reviewers, marks, score, grade and the leads it opened), and
// the reviewer pool (groups, leaders, external lawyers). Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('review_campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('routine','special','key')`))
    // Scope: agency ids (empty: every agency of the region), act kinds, the decision period.
    .addColumn('agency_ids', 'jsonb', (c) => c.notNull())
    .addColumn('kinds', 'jsonb', (c) => c.notNull())
    .addColumn('period_from', 'date')
    .addColumn('period_to', 'date')
    .addColumn('seed', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull().check(sql`size > 0`))
    // The rule pack and the day whose rubric (params.review) scores the files.
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('pack_on', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`state in ('draft','sampled','self_check','spot_check','closed')`),
    )
    // The draw: [{ agency, eligible, drawn }], and when.
    .addColumn('strata', 'jsonb')
    .addColumn('drawn_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('review_campaigns_region_idx')
    .on('review_campaigns')
    .columns(['region_code', 'created_at'])
    .execute();

  await db.schema
    .createTable('review_files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('review_campaigns.id').onDelete('cascade'),
    )
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('act_id', 'text', (c) => c.notNull().references('acts.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull().check(sql`stage in ('self','spot')`))
    .addColumn('review_group', 'text')
    .addColumn('reviewer_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('marks', 'jsonb')
    .addColumn('score', 'jsonb')
    .addColumn('total', 'double precision')
    .addColumn('grade', 'text', (c) => c.check(sql`grade in ('excellent','pass','fail')`))
    // [{ fault, item, leadId }]: the leads the file's failed items opened.
    .addColumn('leads', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('scored_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('scored_at', 'timestamptz')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('review_files_act_stage_key', ['campaign_id', 'act_id', 'stage'])
    .execute();
  await db.schema
    .createIndex('review_files_agency_idx')
    .on('review_files')
    .columns(['agency_id', 'campaign_id'])
    .execute();

  await db.schema
    .createTable('review_reviewers')
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('review_campaigns.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('review_group', 'text', (c) => c.notNull())
    .addColumn('leader', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('external_lawyer', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('review_reviewers_pkey', ['campaign_id', 'user_id'])
    .execute();
  await db.schema.createIndex('review_reviewers_user_idx').on('review_reviewers').column('user_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_reviewers').execute();
  await db.schema.dropTable('review_files').execute();
  await db.schema.dropTable('review_campaigns').execute();
}
