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
import { recommendedProposal } from '../helpers/approval.js';
import { duplicateFineFacts } from '../helpers/case-facts.js';

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

/**
 * A case of A市 taken through the API to a served decision pursuing 戴峰 (O-0001) and 黄俊明
 * (O-0002) for a duplicate fine: a complaint, opened, investigated by sfj and sfjdc, both persons
 * waiving their statement, the recommended proposal decided and served on `servedOn`.
 */
export async function servedCase(server: E2eServer, subject: string, servedOn: string): Promise<string> {
  const sfj = await apiAs(server, 'sfj');
  const sfjdc = await apiAs(server, 'sfjdc');
  const filed = await server.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: {
      agency: '529900-SCJ',
      subject,
      narrative: '同一违法行为被两次罚款，请依法处理。',
      anonymous: true,
    },
  });
  if (filed.statusCode !== 201) throw new Error(`complaint: ${filed.body}`);
  const lead = (await sfj('GET', `/api/v1/leads?q=${encodeURIComponent(subject)}`)).json().items[0];
  const opened = await sfj('POST', `/api/v1/leads/${lead.id}/open`, { version: lead.version });
  if (opened.statusCode !== 201) throw new Error(`open: ${opened.body}`);
  const id = opened.json().caseId as string;
  let version = (await sfj('GET', `/api/v1/cases/${id}`)).json().version as number;
  const act = async (as: typeof sfj, action: string, body: object = {}) => {
    const r = await as('POST', `/api/v1/cases/${id}/actions/${action}`, { version, ...body });
    if (r.statusCode !== 200) throw new Error(`${action}: ${r.statusCode} ${r.body}`);
    version = r.json().version;
  };
  const users = await server.database.db.selectFrom('users').select(['id', 'username']).execute();
  const ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  await act(sfj, 'accept', { opinion: '同意立案' });
  await act(sfj, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
  await act(sfj, 'start_investigation');
  await act(sfjdc, 'record_findings', {
    facts: duplicateFineFacts,
    findingsText: '经查，同一违法行为两次罚款。',
  });
  await act(sfjdc, 'notify_statement');
  await act(sfjdc, 'waive_statement', { personId: 'O-0001', reason: '当事人书面放弃' });
  await act(sfjdc, 'waive_statement', { personId: 'O-0002', reason: '当事人书面放弃' });
  const c = (await sfj('GET', `/api/v1/cases/${id}`)).json();
  await act(sfjdc, 'propose_decision', recommendedProposal(c, 'pursue', '事实清楚，依法追究。'));
  await act(sfj, 'decide', { opinion: '同意调查组意见。' });
  await act(sfj, 'serve', { servedOn, recipient: '戴峰', method: '直接送达' });
  return id;
}
