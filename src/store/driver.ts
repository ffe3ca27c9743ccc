// Driver-level transactions for bulk work: plain SQL with $n parameters and COPY, the same way on
// both drivers — node-postgres streams COPY … FROM STDIN (pg-copy-streams); embedded PGlite reads
// COPY … FROM '/dev/blob' from an in-memory blob, a few megabytes at a time. Kysely stays the
// builder for everything else; the bulk paths (import, set-based detection) need COPY and temp
// tables on one connection, which this gives them.
import type { Transaction as PgliteTransaction } from '@electric-sql/pglite';
import type pg from 'pg';
import { from as copyFromStdin } from 'pg-copy-streams';
import type { Database, DriverKind } from './db.js';

export interface CopyWriter {
  /** Rows in COPY text format (tab-separated, `\N` for null, newline-terminated), as UTF-8 bytes. */
  write(data: Buffer): Promise<void>;
  /** Finish the COPY; the number of rows copied. */
  end(): Promise<number>;
  /**
   * Give the COPY up (it fails, and with it the transaction): for an error found while rows are
   * still being sent — the connection cannot run the rollback before the COPY is over.
   */
  abort(): Promise<void>;
}

export interface SqlTx {
  kind: DriverKind;
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Start `COPY <target> FROM …` (target: a table and optional column list). */
  copyIn(target: string): CopyWriter;
  /**
   * A read on another connection (PostgreSQL) while this one may be busy with a COPY: it sees
   * committed data only. On PGlite, the transaction itself (between COPY blobs).
   */
  sideQuery<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
}

/** PGlite's COPY reads a whole blob per statement: rows are gathered up to this many bytes. */
const PGLITE_COPY_BYTES = 8 * 1024 * 1024;

function pgTx(client: pg.PoolClient, side: () => Promise<pg.PoolClient>): SqlTx {
  return {
    kind: 'postgres',
    async sideQuery<R>(text: string, params?: unknown[]) {
      const r = await (await side()).query(text, params as unknown[]);
      return r.rows as R[];
    },
    async query<R>(text: string, params?: unknown[]) {
      const r = await client.query(text, params as unknown[]);
      return r.rows as R[];
    },
    copyIn(target) {
      const stream = client.query(copyFromStdin(`copy ${target} from stdin`));
      let failure: Error | null = null;
      let wake: (() => void) | null = null;
      stream.on('error', (e) => {
        failure = e;
        wake?.();
      });
      stream.on('drain', () => wake?.());
      return {
        async write(data) {
          if (failure) throw failure;
          if (!stream.write(data)) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
          }
          if (failure) throw failure;
        },
        async end() {
          if (failure) throw failure;
          await new Promise<void>((resolve, reject) => {
            stream.once('finish', resolve);
            stream.once('error', reject);
            stream.end();
          });
          return stream.rowCount;
        },
        async abort() {
          if (stream.destroyed) return;
          await new Promise<void>((resolve) => {
            stream.once('close', resolve);
            stream.destroy(new Error('COPY abandoned'));
          });
        },
      };
    },
  };
}

function pgliteTx(tx: PgliteTransaction): SqlTx {
  const query = async <R>(text: string, params?: unknown[]) => (await tx.query<R>(text, params)).rows;
  return {
    kind: 'pglite',
    query,
    sideQuery: query,
    copyIn(target) {
      let parts: Buffer[] = [];
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
        async write(data) {
          parts.push(data);
          size += data.length;
          if (size >= PGLITE_COPY_BYTES) await flush();
        },
        async end() {
          await flush();
          return rows;
        },
        async abort() {
          parts = [];
          size = 0;
        },
      };
    },
  };
}

/** Run `fn` in one transaction on one connection; rolled back when it throws. */
export async function withTransaction<T>(database: Database, fn: (tx: SqlTx) => Promise<T>): Promise<T> {
  if (database.pglite) return database.pglite.transaction((tx) => fn(pgliteTx(tx)));
  if (!database.pool) throw new Error('database has no driver');
  const pool = database.pool;
  const client = await pool.connect();
  const held: { side: Promise<pg.PoolClient> | null } = { side: null };
  const side = () => {
    held.side ??= pool.connect();
    return held.side;
  };
  try {
    await client.query('begin');
    const result = await fn(pgTx(client, side));
    await client.query('commit');
    return result;
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
    if (held.side) (await held.side).release();
  }
}
