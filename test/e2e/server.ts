// The Wenze server for browser tests: a fresh in-memory PGlite with the demo city, the API
// and the built console (dist/web) on a random local port.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { buildApp } from '../../src/server/app.js';
import type { Clock } from '../../src/server/clock.js';
import { type Database, openDatabase } from '../../src/store/db.js';
import { loadDemo } from '../../src/store/demo.js';
import { loadDemoActs } from '../../src/store/demo-acts.js';
import { migrateToLatest } from '../../src/store/migrate.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_ROOT = `${ROOT}dist/web/`;

export interface E2eServer {
  url: string;
  app: FastifyInstance;
  database: Database;
  close(): Promise<void>;
}

/** Build the console and the public portal once if they are not there (CI runs `npm run build` first). */
export function ensureWebBuild(): void {
  if (existsSync(`${WEB_ROOT}index.html`) && existsSync(`${WEB_ROOT}public.html`)) return;
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'web'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('building the web console failed');
}

/**
 * The demo city; with `acts`, also its generated enforcement acts, findings and detection leads;
 * with `clock`, the app's "today" (test/helpers/clock.ts: a test moves the date past a deadline).
 */
export async function startServer(opts: { acts?: boolean; clock?: Clock } = {}): Promise<E2eServer> {
  ensureWebBuild();
  const database = await openDatabase({});
  await migrateToLatest(database);
  await loadDemo(database);
  if (opts.acts) await loadDemoActs(database);
  const app = await buildApp({ database, webRoot: WEB_ROOT, rateLimits: { login: 1000 }, clock: opts.clock });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Steps through the API as a demo user: the cookie and CSRF token of their login. */
export async function apiAs(server: E2eServer, username: string) {
  const res = await server.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  const cookie = `wenze_sid=${res.cookies.find((c) => c.name === 'wenze_sid')?.value}`;
  const csrf = res.json().csrfToken as string;
  return (method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, payload, headers: { cookie, 'x-csrf-token': csrf } });
}
