// Benchmark of duty lists in the database (issue 13): `--items N` synthetic items (default 20,000;
// one region per 500 items, 25 agencies each, registered first) imported as one file (all or
// nothing, with the regional report), imported again from a later day (every agency's next version,
// superseding the first), then the worklist of everything in force on a day and a page of the items
// in force. Embedded PGlite by default; PostgreSQL with BENCH_DATABASE_URL (a database it may fill;
// the tables are emptied first). Prints a table; `run()` returns the figures.
//
//   node --import tsx bench/duties-import.ts [--items N]
import { sql } from 'kysely';
import { syntheticDutyItems } from '../src/core/duties/fixtures.js';
import { type Database, openDatabase } from '../src/store/db.js';
import { dutyWorklist, importDuties, listDutyItems } from '../src/store/duties.repository.js';
import { migrateToLatest } from '../src/store/migrate.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, Math.round(performance.now() - t)];
}

const opts = (fileName: string) => ({
  fileName,
  sha256: '0'.repeat(64),
  importedBy: { id: null, name: 'bench' },
});

export async function run(): Promise<Record<string, unknown>> {
  const count = Number(arg('--items') ?? 20_000);
  const url = process.env.BENCH_DATABASE_URL;
  const database: Database = await openDatabase(url ? { url } : {});
  try {
    await migrateToLatest(database);
    await sql`truncate duty_items, duty_imports restart identity cascade`.execute(database.raw);
    const items = syntheticDutyItems({ count, seed: 13 });
    const regions = [...new Set(items.map((i) => i.region!))];
    const agencies = [...new Set(items.map((i) => i.agency))];
    await database.db
      .insertInto('regions')
      .values(
        regions.map((code) => ({ code, name: `县${code}`, level: 'county' as const, parentCode: null })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (let i = 0; i < agencies.length; i += 500) {
      await database.db
        .insertInto('agencies')
        .values(
          agencies.slice(i, i + 500).map((id) => ({
            id,
            regionCode: id.slice(0, 6),
            name: `机关${id}`,
            shortName: id,
            kind: 'administrative' as const,
            parentId: null,
            principalName: null,
            phone: null,
            address: null,
          })),
        )
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    const [first, importMs] = await timed(() => importDuties(database.db, items, opts('first.csv')));
    const later = items.map((i) => ({ ...i, effectiveFrom: '2026-01-01', effectiveUntil: null }));
    const [second, reimportMs] = await timed(() => importDuties(database.db, later, opts('second.csv')));
    const [dry, dryMs] = await timed(() =>
      importDuties(database.db, later.slice(0, 500), { ...opts('dry.csv'), dryRun: true }),
    );
    const [worklist, worklistMs] = await timed(() =>
      dutyWorklist(database.db, { kind: 'all' }, '2026-06-01'),
    );
    const [page, pageMs] = await timed(() =>
      listDutyItems(database.db, { kind: 'all' }, { on: '2026-06-01', q: '职权' }, { page: 3, pageSize: 20 }),
    );
    return {
      driver: database.kind,
      items: count,
      regions: regions.length,
      agencies: agencies.length,
      import_ms: importMs,
      import_items_per_s: Math.round((count / importMs) * 1000),
      reimport_ms: reimportMs,
      superseded: second.agencies.reduce((n, a) => n + a.superseded, 0),
      dry_run_500_ms: dryMs,
      dry_run_agencies: dry.agencies.length,
      worklist_ms: worklistMs,
      worklist_items: worklist.items,
      overlaps: first.report.overlaps.length,
      gaps: first.report.gaps.length,
      incomplete: first.report.incomplete.length,
      page_ms: pageMs,
      page_total: page.total,
      node: process.version,
    };
  } finally {
    await database.close();
  }
}

export function printTable(r: Record<string, unknown>): void {
  const ms = (n: unknown) => `${Number(n).toLocaleString('en-US')} ms`;
  const rows: [string, string][] = [
    ['import (one file, all agencies, report)', `${ms(r.import_ms)} (${r.import_items_per_s} items/s)`],
    ['re-import from a later day (supersede all)', `${ms(r.reimport_ms)} (${r.superseded} items ended)`],
    ['dry run of 500 items (regional report)', ms(r.dry_run_500_ms)],
    ['worklist of every item in force on a day', `${ms(r.worklist_ms)} (${r.worklist_items} items)`],
    ['a page of the items in force, searched', ms(r.page_ms)],
    ['found at import: overlaps / gaps / incomplete', `${r.overlaps} / ${r.gaps} / ${r.incomplete}`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(
    `duty lists in the database (${r.driver}), ${Number(r.items).toLocaleString('en-US')} items, ` +
      `${r.agencies} agencies in ${r.regions} regions\n`,
  );
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  printTable(r);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
