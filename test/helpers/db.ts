// Test databases: embedded PGlite always; PostgreSQL too when TEST_DATABASE_URL is set
// (each test file gets a database of its own, created and dropped here).
//
// The run's global setup (global-setup.ts) migrates once and loads the demo city once; a test
// database is a copy of one of those templates: PGlite loads the template's data-directory dump,
// PostgreSQL runs `create database … template …`. Without that setup (a test run with another
// config) the database is migrated, and the demo loaded, here as before.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, type DriverKind, openDatabase } from '../../src/store/db.js';
import { loadDemo } from '../../src/store/demo.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export const drivers: DriverKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Start from the demo city (loaded for China's today when the run started) instead of empty. */
  demo?: boolean;
}

const dumps = new Map<string, Blob>();

/** An in-memory PGlite started from a data-directory dump. */
async function openPgliteDump(path: string): Promise<Database> {
  let dump = dumps.get(path);
  if (!dump) {
    dump = new Blob([readFileSync(path)]);
    dumps.set(path, dump);
  }
  return openDatabase({ loadDataDir: dump });
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(
  kind: DriverKind,
  opts: TestDatabaseOptions = {},
): Promise<TestDatabase> {
  const templates = inject('wenzeTemplates');
  const which = opts.demo ? 'demo' : 'empty';
  if (kind === 'pglite') {
    let database: Database;
    if (templates) {
      database = await openPgliteDump(templates.pglite[which]);
    } else {
      database = await openDatabase({});
      await migrateToLatest(database);
      if (opts.demo) await loadDemo(database);
    }
    return { ...database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `wenze_t_${randomBytes(6).toString('hex')}`;
  const template = templates?.postgres?.[which];
  await adminQuery(
    adminUrl,
    template ? `create database ${name} template ${template}` : `create database ${name}`,
  );
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  if (!template) {
    await migrateToLatest(database);
    if (opts.demo) await loadDemo(database);
  }
  return {
    ...database,
    async drop() {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}
