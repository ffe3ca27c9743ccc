// Fuzzes EVERY route of the OpenAPI document: requests generated from each route's schemas
// (params, query, headers, body) mixed with hostile values — NUL bytes, lone surrogates,
// year 0000 and 9999 dates, numbers past 32 and 53 bits, empty and unknown ids, over-long
// strings, wrong types — sent as users whose role reaches the route. No request may get a
// 5xx, and every error is the one shape with a Chinese message and no database or library
// text. Fixed seed, a bounded number of runs per route: the same requests on every machine.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/db.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';
import {
  type FuzzRequest,
  fillUrl,
  multipart,
  type Operation,
  type Pools,
  pathPool,
  requestArb,
} from '../helpers/openapi-fuzz.js';

/** A fixed seed: the same requests on every run (WENZE_FUZZ_SEED explores others). */
const SEED = Number(process.env.WENZE_FUZZ_SEED ?? 20_261_207);
/** Runs per route (WENZE_FUZZ_RUNS overrides, for a longer hunt by hand). */
const RUNS = Number(process.env.WENZE_FUZZ_RUNS ?? 16);
/** Routes whose every request does heavy work (a scan, a spreadsheet): fewer runs. */
const HEAVY = new Set([
  'POST /api/v1/supervision/runs',
  'GET /api/v1/supervision/export.xlsx',
  'GET /api/v1/officers/import-template.xlsx',
  'PUT /api/v1/calendar/overrides/{day}',
  'DELETE /api/v1/calendar/overrides/{day}',
  // Each run ends a session, and logging in again hashes a password.
  'POST /api/v1/auth/logout',
]);
const HEAVY_RUNS = 4;

/** The fuzzer logs in as these; the demo users left out are targets of the user routes. */
const LOGINS = ['admin', 'sfj', 'scjfz', 'officer', 'panel', 'jiwei', 'pingjia'];
const TARGET_USERS = ['jxsfj'];
/**
 * Routes on the signed-in account itself (its password, second factor, session) are fuzzed as
 * this user alone: wrong current passwords count towards its lockout, which must not stop the
 * fuzzer's other users from signing in again.
 */
const OWN_ACCOUNT_ROUTES = new Set([
  'POST /api/v1/auth/password',
  'POST /api/v1/auth/logout',
  'POST /api/v1/auth/totp/setup',
  'POST /api/v1/auth/totp/confirm',
]);
const OWN_ACCOUNT_USER = 'jxzhfz';

// Texts of PostgreSQL, Kysely, zod's English fallbacks and Node that must never reach a client.
const LEAK =
  /violates|constraint|relation "|column "|syntax error|invalid input|out of range|bind message|duplicate key|Unexpected token|unsupported Unicode|null value in|stack|\bat .*\.(js|ts):\d+|Error:/;

function check(res: LightMyRequestResponse): void {
  expect(res.statusCode, res.body.slice(0, 500)).toBeLessThan(500);
  if (res.statusCode >= 400 && /json/.test(String(res.headers['content-type']))) {
    const body = res.json() as {
      error?: { message?: unknown; fields?: { path: string; message: string }[] };
    };
    expect(typeof body.error?.message, res.body.slice(0, 500)).toBe('string');
    const message = body.error!.message as string;
    expect(message, 'error messages are Chinese').toMatch(/[\u4e00-\u9fff]/);
    expect(message).not.toMatch(LEAK);
    for (const f of body.error!.fields ?? []) expect(`${f.path} ${f.message}`).not.toMatch(LEAK);
  }
}

function seedOf(key: string): number {
  let h = SEED;
  for (const ch of key) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

// The document is read once, before the tests are declared, so that every route gets a test.
// (The document needs no database: the app's routes are enough.)
const docApp = await buildApp({ database: { close: async () => {} } as unknown as Database, webRoot: null });
const doc = (await docApp.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
  paths: Record<string, Record<string, Operation>>;
};
await docApp.close();
const routes = Object.entries(doc.paths).flatMap(([url, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ url, method: method.toUpperCase(), op })),
);

describe.each(drivers)('fuzzing every route of the OpenAPI document on %s', (driver) => {
  let t: TestApp;
  let pools: Pools;
  const clients = new Map<string, Client>();

  beforeAll(async () => {
    t = await createTestApp(driver);
    for (const u of [...LOGINS, OWN_ACCOUNT_USER]) clients.set(u, await t.login(u));
    const db = t.database.db;
    const ids = async <T>(q: Promise<{ v: T }[]>) => (await q).map((r) => r.v);
    pools = {
      agencies: await ids(db.selectFrom('agencies').select('id as v').orderBy('id').limit(6).execute()),
      officers: await ids(db.selectFrom('officers').select('id as v').orderBy('id').limit(6).execute()),
      users: await ids(db.selectFrom('users').select('id as v').orderBy('username').execute()),
      targetUsers: await ids(
        db.selectFrom('users').select('id as v').where('username', 'in', TARGET_USERS).execute(),
      ),
      leads: await ids(db.selectFrom('leads').select('id as v').orderBy('createdAt').limit(6).execute()),
      cases: await ids(db.selectFrom('cases').select('id as v').orderBy('number').limit(8).execute()),
      referrals: await ids(db.selectFrom('referrals').select('id as v').limit(4).execute()),
      certificates: await ids(
        db.selectFrom('certificates').select('id as v').orderBy('id').limit(4).execute(),
      ),
      files: [
        ...(await ids(db.selectFrom('caseDocuments').select('id as v').limit(3).execute())),
        ...(await ids(db.selectFrom('caseEvidence').select('id as v').limit(3).execute())),
      ],
      receipts: await ids(db.selectFrom('complaints').select('receipt as v').limit(3).execute()),
      acts: await ids(db.selectFrom('acts').select('id as v').orderBy('id').limit(4).execute()),
      regions: await ids(db.selectFrom('regions').select('code as v').orderBy('code').limit(6).execute()),
    };
  });

  afterAll(async () => {
    await t?.close();
  });

  /** The users whose role gets past the route's role check (any answer but 401/403). */
  async function reaching(url: string, method: string, op: Operation): Promise<string[]> {
    if (OWN_ACCOUNT_ROUTES.has(`${method} ${url}`)) return [OWN_ACCOUNT_USER];
    const path: Record<string, string> = {};
    for (const p of op.parameters ?? [])
      if (p.in === 'path') path[p.name] = String(pathPool(url, p.name, pools)[0] ?? 'x');
    const out: string[] = [];
    for (const username of LOGINS) {
      const probe = () =>
        clients.get(username)!.request({ method: method as 'GET', url: fillUrl(url, path, {}) });
      let res = await probe();
      if (res.statusCode === 401) {
        await relogin(username);
        res = await probe();
      }
      if (res.statusCode !== 401 && res.statusCode !== 403) out.push(username);
    }
    return out.length > 0 ? out : LOGINS;
  }

  /** A new session after a logout; an account that cannot sign in any more keeps its dead one. */
  async function relogin(username: string): Promise<void> {
    try {
      clients.set(username, await t.login(username));
    } catch {
      // Locked or without its password (the own-account routes): later requests get 401, not 5xx.
    }
  }

  async function send(url: string, method: string, r: FuzzRequest): Promise<LightMyRequestResponse> {
    const client = clients.get(r.username)!;
    const headers: Record<string, string> = { ...r.headers };
    let payload: string | Buffer | undefined;
    if (r.body.kind === 'json') {
      payload = JSON.stringify(r.body.value);
      headers['content-type'] = 'application/json';
    } else if (r.body.kind === 'raw') {
      payload = r.body.payload;
      headers['content-type'] = r.body.contentType;
    } else if (r.body.kind === 'multipart') {
      const m = multipart(r.body);
      payload = m.payload;
      headers['content-type'] = m.contentType;
    }
    const res = await client.request({
      method: method as 'GET',
      url: fillUrl(url, r.path, r.query),
      headers,
      ...(payload === undefined ? {} : { payload }),
    });
    // A logout or a deactivation ends the session: log in again for the next request.
    if (res.statusCode === 401 && !url.endsWith('/auth/login')) await relogin(r.username);
    return res;
  }

  for (const { url, method, op } of routes) {
    const key = `${method} ${url}`;
    it(`${key} never answers 5xx`, async () => {
      const usernames = await reaching(url, method, op);
      await fc.assert(
        fc.asyncProperty(requestArb(url, method, op, usernames, pools), async (r) => {
          // WENZE_FUZZ_TRACE=1 prints each request before it is sent (to find one that hangs).
          if (process.env.WENZE_FUZZ_TRACE) console.log(key, JSON.stringify(r).slice(0, 600));
          check(await send(url, method, r));
        }),
        { seed: seedOf(key), numRuns: HEAVY.has(key) ? HEAVY_RUNS : RUNS, endOnFailure: true },
      );
    });
  }
});
