// The register of referral organs by region (纪委监委, 任免机关, 公安机关, 人民检察院; issue 8):
// each referral names the organ it goes to, and an organ's users are linked to it so that they
// read the cases referred to it. Frozen once landed: later changes go into new migrations.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('discipline_commission','appointing_authority','public_security','procuratorate')`,
        ),
    )
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('organs_region_idx').on('organs').columns(['region_code', 'kind']).execute();
  await db.schema
    .alterTable('referrals')
    .addColumn('organ_id', 'text', (c) => c.references('organs.id'))
    .execute();
  await db.schema.createIndex('referrals_organ_idx').on('referrals').column('organ_id').execute();
  await db.schema
    .alterTable('users')
    .addColumn('organ_id', 'text', (c) => c.references('organs.id'))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('organ_id').execute();
  await db.schema.alterTable('referrals').dropColumn('organ_id').execute();
  await db.schema.dropTable('organs').execute();
}
