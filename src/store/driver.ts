// Driver-level transactions for bulk work: plain SQL with $n parameters and COPY, the same way on
// both drivers — node-postgres streams COPY … FROM STDIN (pg-copy-streams); embedded PGlite reads
// COPY … FROM '/dev/blob' from an in-memory blob, a few megabytes at a time. Kysely stays the
// builder for everything else; the bulk paths (import, set-based detection) need COPY and temp
// tables on one connection, which this gives them.
import { once } from 'node:events';
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, DriverKind } from './db.js';

export interface CopyWriter {
  /** Rows in COPY text format (tab-separated, `\N` for null, newline-terminated). */
  write(text: string): Promise<void>;
  /** Finish the COPY; the number of rows copied. */
  end(): Promise<number>;
}

export interface SqlTx {
  kind: DriverKind;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Start `COPY <target> FROM …` (target: a table and optional column list). */
  copyIn(target: string): CopyWriter;
}

/** PGlite's COPY reads a whole blob per statement: rows are gathered up to this many characters. */
const PGLITE_COPY_CHARS = 8 * 1024 * 1024;

function pgTx(client: pg.PoolClient): SqlTx {
  return {
    kind: 'postgres',
    async query<R>(text: string, params?: unknown[]) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as R[];
    },
    copyIn(target) {
      const stream = client.query(copyFromStdin(`copy ${target} from stdin`));
      let failure: Error | null = null;
      stream.on('error', (e) => {
        failure = e;
      });
      return {
        async write(text) {
          if (failure) throw failure;
          if (!stream.write(text)) await Promise.race([once(stream, 'drain'), once(stream, 'error')]);
          if (failure) throw failure;
        },
        async end() {
          if (failure) throw failure;
          const done = Promise.race([once(stream, 'finish'), once(stream, 'error')]);
          stream.end();
          await done;
          if (failure) throw failure;
          return stream.rowCount;
        },
      };
    },
  };
}

function pgliteTx(tx: PgliteTransaction): SqlTx {
  return {
    kind: 'pglite',
    async query<R>(text: string, params?: unknown[]) {
      const r = await tx.query<R>(text, params);
      return r.rows;
    },
    copyIn(target) {
      let parts: string[] = [];
      let size = 0;
      let rows = 0;
      const flush = async () => {
        if (size === 0) return;
        const blob = new Blob(parts);
        parts = [];
        size = 0;
        const r = await tx.query(`copy ${target} from '/dev/blob'`, [], { blob });
        rows += r.affectedRows ?? 0;
      };
      return {
        async write(text) {
          parts.push(text);
          size += text.length;
          if (size >= PGLITE_COPY_CHARS) await flush();
        },
        async end() {
          await flush();
          return rows;
        },
      };
    },
  };
}

/** Run `fn` in one transaction on one connection; rolled back when it throws. */
export async function withTransaction<T>(database: Database, fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  if (database.pglite) return database.pglite.transaction((tx) => fn(pgliteTx(tx)));
  if (!database.pool) throw new Error('database has no driver');
  const client = await database.pool.connect();
  try {
    await client.query('begin');
    const result = await fn(pgTx(client));
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}
