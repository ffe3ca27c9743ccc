// An Idempotency-Key is bound to the request it came with: the complaint keeps a keyed
// fingerprint of the request body, and a retry with the same key and another body is refused.
// Frozen once landed: later changes go into new migrations.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').addColumn('request_fingerprint', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('complaints').dropColumn('request_fingerprint').execute();
}
