// 审批定案 (issue 8): the investigators' proposal (decision kind, reasons, each liable person's
// sanction) and its approval by the office's head or a collective discussion (meeting, attendees,
// votes, minutes). Frozen once landed: later changes go into new migrations.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('proposal', 'jsonb').addColumn('approval', 'jsonb').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('proposal').dropColumn('approval').execute();
}
