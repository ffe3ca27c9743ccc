// 复核 (issue 12): a re-examination by the office that decided, recorded in the appeals register as
// its own stage. An appeal to the panel that follows a 复核 names it and runs from its decision.
// Frozen once landed.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('appeals')
    .addColumn('stage', 'text', (c) =>
      c.notNull().defaultTo('appeal').check(sql`stage in ('review','appeal')`),
    )
    // The 复核 an appeal follows, and the day it was decided (the appeal period runs from it).
    .addColumn('review_id', 'uuid', (c) => c.references('appeals.id'))
    .addColumn('review_decided_on', 'date')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('appeals')
    .dropColumn('review_decided_on')
    .dropColumn('review_id')
    .dropColumn('stage')
    .execute();
}
