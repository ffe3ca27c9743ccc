// Once per `vitest run` (globalSetup): migrate an empty database and load the demo city into
// another, then hand their templates to every test file (templates.ts), which copies one
// (db.ts) instead of migrating and loading again. PGlite: data-directory dumps in a temporary
// directory; PostgreSQL (TEST_DATABASE_URL): two template databases. Both go at the end of the run.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { todayInChina } from '../../src/core/dates.js';
import { setActiveKeyring } from '../../src/security/keys.js';
import { type Database, openDatabase } from '../../src/store/db.js';
import { loadDemo } from '../../src/store/demo.js';
import { migrateToLatest } from '../../src/store/migrate.js';
import { runKeyring, type TestTemplates } from './templates.js';

async function build(database: Database, demo: boolean, demoDate: string): Promise<void> {
  await migrateToLatest(database);
  if (demo) await loadDemo(database, demoDate);
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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const keys = { audit: randomBytes(32).toString('hex'), pii: randomBytes(32).toString('hex') };
  setActiveKeyring(runKeyring(keys));
  const demoDate = todayInChina();
  const dir = mkdtempSync(join(tmpdir(), 'wenze-test-templates-'));
  const adminUrl = process.env.TEST_DATABASE_URL;
  const created: string[] = [];
  const teardown = async () => {
    rmSync(dir, { recursive: true, force: true });
    if (adminUrl) {
      for (const name of created) await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    }
  };
  try {
    const pglite = { empty: join(dir, 'empty.tar'), demo: join(dir, 'demo.tar') };
    for (const which of ['empty', 'demo'] as const) {
      const database = await openDatabase({});
      try {
        await build(database, which === 'demo', demoDate);
        const dump = await database.pglite!.dumpDataDir('none');
        writeFileSync(pglite[which], Buffer.from(await dump.arrayBuffer()));
      } finally {
        await database.close();
      }
    }
    let postgres: TestTemplates['postgres'] = null;
    if (adminUrl) {
      const suffix = randomBytes(6).toString('hex');
      postgres = { empty: `wenze_tpl_empty_${suffix}`, demo: `wenze_tpl_demo_${suffix}` };
      for (const which of ['empty', 'demo'] as const) {
        const name = postgres[which];
        await adminQuery(adminUrl, `create database ${name}`);
        created.push(name);
        const url = new URL(adminUrl);
        url.pathname = `/${name}`;
        const database = await openDatabase({ url: url.toString() });
        try {
          await build(database, which === 'demo', demoDate);
        } finally {
          await database.close();
        }
      }
    }
    project.provide('wenzeTemplates', { keys, demoDate, pglite, postgres });
  } catch (e) {
    await teardown();
    throw e;
  } finally {
    setActiveKeyring(null);
  }
  return teardown;
}
