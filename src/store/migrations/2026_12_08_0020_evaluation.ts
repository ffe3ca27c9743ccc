// 外部评议 and the case-file review's double scoring (issue 14). Evaluation campaigns (the agencies
// evaluated, the period, the form copied from the rule pack, the audiences), their invitations (one
// per one-time code: only the code's SHA-256 is kept; the agency and audience it is for, its expiry,
// when it was used) and the answers (scores per item, a comment moderated before anyone but the
// moderators reads it: pending / approved / rejected with who and why). One answer per code (unique
// invitation_id) and one per signed-in evaluator, agency and campaign (a partial unique index).
// Double scoring: a review campaign may ask two reviewers to score each spot-check file
// (review_campaigns.double_scoring); each reviewer's score is a row of review_scores; when the two
// totals differ by more than the rubric's margin the file waits for its group leader's final score
// with a note (review_files.reconciliation). Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluation_campaigns')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency_ids', 'jsonb', (c) => c.notNull())
    .addColumn('period_from', 'date', (c) => c.notNull())
    .addColumn('period_to', 'date', (c) => c.notNull())
    .addColumn('audiences', 'jsonb', (c) => c.notNull())
    // The form as it was when the campaign was set up, and the pack it came from.
    .addColumn('form', 'jsonb', (c) => c.notNull())
    .addColumn('pack', 'text', (c) => c.notNull())
    .addColumn('pack_on', 'date', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open').check(sql`state in ('open','closed')`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('evaluation_campaigns_region_idx')
    .on('evaluation_campaigns')
    .columns(['region_code', 'created_at'])
    .execute();

  await db.schema
    .createTable('evaluation_invitations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('evaluation_campaigns.id').onDelete('cascade'),
    )
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('expert','monitor','public')`))
    // SHA-256 (hex) of the normalised code; the code itself is never stored.
    .addColumn('code_hash', 'char(64)', (c) => c.notNull().unique())
    .addColumn('expires_on', 'date', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('issued_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('evaluation_invitations_campaign_idx')
    .on('evaluation_invitations')
    .columns(['campaign_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('evaluation_answers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('campaign_id', 'uuid', (c) =>
      c.notNull().references('evaluation_campaigns.id').onDelete('cascade'),
    )
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('audience', 'text', (c) => c.notNull().check(sql`audience in ('expert','monitor','public')`))
    .addColumn('invitation_id', 'uuid', (c) => c.unique().references('evaluation_invitations.id'))
    .addColumn('user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('scores', 'jsonb', (c) => c.notNull())
    .addColumn('mean', 'double precision', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('moderation', 'text', (c) =>
      c.notNull().check(sql`moderation in ('none','pending','approved','rejected')`),
    )
    .addColumn('moderated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('moderated_at', 'timestamptz')
    .addColumn('moderation_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('evaluation_answers_one_way', sql`(invitation_id is null) <> (user_id is null)`)
    .execute();
  await db.schema
    .createIndex('evaluation_answers_campaign_idx')
    .on('evaluation_answers')
    .columns(['campaign_id', 'agency_id'])
    .execute();
  await sql`create unique index evaluation_answers_user_key on evaluation_answers (campaign_id, agency_id, user_id) where user_id is not null`.execute(
    db,
  );

  // Double scoring of the case-file review.
  await db.schema
    .alterTable('review_campaigns')
    .addColumn('double_scoring', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  // { agreed, difference, margin, reason } once both scores are in; + { note, by, at } when reconciled.
  await db.schema.alterTable('review_files').addColumn('reconciliation', 'jsonb').execute();
  await db.schema
    .createTable('review_scores')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('review_files.id').onDelete('cascade'))
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('reviewer_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('marks', 'jsonb', (c) => c.notNull())
    .addColumn('score', 'jsonb', (c) => c.notNull())
    .addColumn('total', 'double precision', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull().check(sql`grade in ('excellent','pass','fail')`))
    .addColumn('scored_at', 'timestamptz', (c) => c.notNull())
    .addUniqueConstraint('review_scores_file_reviewer_key', ['file_id', 'reviewer_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('review_scores').execute();
  await db.schema.alterTable('review_files').dropColumn('reconciliation').execute();
  await db.schema.alterTable('review_campaigns').dropColumn('double_scoring').execute();
  await db.schema.dropTable('evaluation_answers').execute();
  await db.schema.dropTable('evaluation_invitations').execute();
  await db.schema.dropTable('evaluation_campaigns').execute();
}
