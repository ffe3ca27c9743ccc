// One SQL, two drivers: embedded PGlite (default, data under ./data or WENZE_DATA_DIR)
// and PostgreSQL through node-postgres when a DATABASE_URL is given.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, PostgresDialect, sql } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import type { DB } from './schema.js';

export type DriverKind = 'pglite' | 'postgres';

export interface DatabaseConfig {
  /** postgres://… — use PostgreSQL. */
  url?: string;
  /** Directory of the embedded database; omitted with no url → in-memory. */
  dataDir?: string;
  /** An embedded database starts from this data-directory dump (PGlite `dumpDataDir`). */
  loadDataDir?: Blob;
}

export interface Database {
  kind: DriverKind;
  /** The application's query builder: camelCase in TypeScript, snake_case in SQL. */
  db: Kysely<DB>;
  /** A plain builder for migrations (no naming plugin, so migrations stay literal). */
  raw: Kysely<any>;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

// Dates stay 'YYYY-MM-DD' strings (local calendar dates, as the domain means them);
// counts (int8) and numerics become JavaScript numbers.
pg.types.setTypeParser(DATE_OID, (v) => v);
pg.types.setTypeParser(INT8_OID, (v) => Number(v));
pg.types.setTypeParser(NUMERIC_OID, (v) => Number(v));

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.url) {
    const pool = new pg.Pool({ connectionString: config.url, max: 10 });
    // An idle connection that the server ends (a restart, or a dropped database) is
    // reported here; without a listener the pool would rethrow it and end the process.
    // The pool has already discarded that connection and opens a new one when needed.
    pool.on('error', (err) => {
      if (!pool.ending) console.warn(`wenze: database connection lost: ${err.message}`);
    });
    const dialect = new PostgresDialect({ pool });
    const db = new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
    const raw = new Kysely<any>({ dialect: new PostgresDialect({ pool }) });
    return {
      kind: 'postgres',
      db,
      raw,
      pool,
      async close() {
        await db.destroy();
        await pool.end().catch(() => undefined);
      },
    };
  }
  if (config.dataDir) mkdirSync(config.dataDir, { recursive: true });
  // One process per data directory: a second one stops here, naming the holder.
  const unlock = config.dataDir ? lockDataDir(config.dataDir) : () => undefined;
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      dataDir: config.dataDir,
      loadDataDir: config.loadDataDir,
      parsers: {
        [DATE_OID]: (v: string) => v,
        [INT8_OID]: (v: string) => Number(v),
        [NUMERIC_OID]: (v: string) => Number(v),
      },
    });
  } catch (e) {
    unlock();
    throw e;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite), plugins: [new CamelCasePlugin()] });
  const raw = new Kysely<any>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    raw,
    pglite,
    async close() {
      try {
        if (!pglite.closed) await pglite.close();
      } finally {
        unlock();
      }
    },
  };
}

/** One round trip to the database (the health check): throws when it cannot be reached. */
export async function pingDatabase(db: Kysely<DB>): Promise<void> {
  await sql`select 1`.execute(db);
}
