// A Kysely builder over a driver-level transaction (driver.ts): for the repositories that take a
// Kysely (the audit log) inside a bulk transaction that runs on plain SQL and COPY. Its
// "transactions" are the enclosing one (begin and commit do nothing here).
import {
  CamelCasePlugin,
  type CompiledQuery,
  type DatabaseConnection,
  type Driver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
} from 'kysely';
import type { SqlTx } from './driver.js';
import type { DB } from './schema.js';

export function kyselyOnTx(tx: SqlTx): Kysely<DB> {
  const connection: DatabaseConnection = {
    async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
      return { rows: await tx.query<R>(query.sql, [...query.parameters]) };
    },
    // biome-ignore lint/correctness/useYield: streaming is not offered on a driver transaction
    async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
      throw new Error('streaming is not supported inside a bulk transaction');
    },
  };
  const nothing = async () => undefined;
  const driver: Driver = {
    init: nothing,
    acquireConnection: async () => connection,
    beginTransaction: nothing,
    commitTransaction: nothing,
    rollbackTransaction: nothing,
    releaseConnection: nothing,
    destroy: nothing,
  };
  return new Kysely<DB>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
    plugins: [new CamelCasePlugin()],
  });
}
