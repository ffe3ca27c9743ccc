// 权责清单 (issue 13): the agencies' duty lists and their imports. An import writes one row of
// duty_imports (who, when, which file, its SHA-256, the report it gave) and the items of every
// agency it names, each agency's items as that agency's next version. A newer import ends the
// agency's earlier items on its 生效日期 (valid_to); an earlier item that had not yet come into force
// keeps its row for its version's history with valid_to = valid_from (never in force). An item is in
// force on d when valid_from <= d < valid_to (valid_to null: no end).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('duty_imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('imported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('imported_by_name', 'text', (c) => c.notNull())
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('sha256', 'char(64)', (c) => c.notNull())
    .addColumn('item_count', 'integer', (c) => c.notNull())
    // [{ agencyId, version, from, items, superseded }]
    .addColumn('agencies', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    // { items, overlaps, gaps, incomplete } as `wenze duties import` prints it.
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('duty_imports_region_idx')
    .on('duty_imports')
    .columns(['region_code', 'imported_at'])
    .execute();

  await db.schema
    .createTable('duty_items')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('region_code', 'char(6)', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('import_id', 'integer', (c) => c.notNull().references('duty_imports.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('row', 'integer', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`type in ('licensing','penalty','coercion','levy','benefit','inspection','confirmation','reward','adjudication','other')`,
        ),
    )
    .addColumn('unit', 'text')
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead','assist')`))
    .addColumn('basis', 'text')
    .addColumn('duties', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('pursuits', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('time_limit', 'text')
    .addColumn('valid_from', 'date', (c) => c.notNull())
    .addColumn('valid_to', 'date')
    .addColumn('imported_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('duty_items_period_check', sql`valid_to is null or valid_to >= valid_from`)
    .execute();
  await db.schema
    .createIndex('duty_items_agency_from_idx')
    .on('duty_items')
    .columns(['agency_id', 'valid_from'])
    .execute();
  await db.schema
    .createIndex('duty_items_region_code_idx')
    .on('duty_items')
    .columns(['region_code', 'code'])
    .execute();
  await db.schema
    .createIndex('duty_items_agency_version_idx')
    .on('duty_items')
    .columns(['agency_id', 'version'])
    .execute();
  await db.schema.createIndex('duty_items_import_idx').on('duty_items').column('import_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('duty_items').execute();
  await db.schema.dropTable('duty_imports').execute();
}
