// An app on a fresh copy of the demo city (the run's template, test/helpers/db.ts), and logged-in clients.
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { KyselyPlugin } from 'kysely';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { buildApp, type RateLimits } from '../../src/server/app.js';
import type { Clock } from '../../src/server/clock.js';
import type { DriverKind } from '../../src/store/db.js';
import { createTestDatabase, type TestDatabase } from './db.js';

export const TODAY = '2026-11-25';

export interface Client {
  username: string;
  cookie: string;
  csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  login(username: string, password?: string): Promise<Client>;
  close(): Promise<void>;
}

export async function createTestApp(
  driver: DriverKind,
  opts: {
    rateLimits?: Partial<RateLimits>;
    /** The app's clock (test/helpers/clock.ts: `fixedClock()`); default the system clock. */
    clock?: Clock;
    /** Kysely plugins on the app's query builder (e.g. one that counts the queries). */
    plugins?: KyselyPlugin[];
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(driver, { demo: true });
  for (const plugin of opts.plugins ?? []) database.db = database.db.withPlugin(plugin);
  const app = await buildApp({
    database,
    webRoot: null,
    rateLimits: { login: 10_000, public: 10_000, ...opts.rateLimits },
    clock: opts.clock,
  });
  await app.ready();
  return {
    app,
    database,
    async login(username, password = DEMO_PASSWORD) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password },
      });
      if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
      const setCookie = res.cookies.find((c) => c.name === 'wenze_sid');
      const cookie = `wenze_sid=${setCookie?.value}`;
      const csrf = res.json().csrfToken as string;
      const request = (o: InjectOptions) =>
        app.inject({ ...o, headers: { cookie, 'x-csrf-token': csrf, ...(o.headers ?? {}) } });
      return {
        username,
        cookie,
        csrf,
        request,
        get: (url) => request({ method: 'GET', url }),
        post: (url, payload) =>
          request({ method: 'POST', url, payload: payload as InjectOptions['payload'] }),
        patch: (url, payload) =>
          request({ method: 'PATCH', url, payload: payload as InjectOptions['payload'] }),
      };
    },
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
