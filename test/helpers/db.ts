// Test databases: embedded PGlite always; PostgreSQL too when TEST_DATABASE_URL is set
// (each test file gets a database of its own, created and dropped here).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type DriverKind, openDatabase } from '../../src/store/db.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export const drivers: DriverKind[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

export interface TestDatabase extends Database {
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DriverKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const database = await openDatabase({});
    await migrateToLatest(database);
    return { ...database, drop: () => database.close() };
  }
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `wenze_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  await migrateToLatest(database);
  return {
    ...database,
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
