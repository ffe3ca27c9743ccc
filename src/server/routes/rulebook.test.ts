// The rulebook routes on the real app (PGlite, demo city): authentication, determinations with
// bad input answered 400 naming the field, and the browser's read routes.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/db.js';
import { threePersonRequest } from '../../core/determine/fixtures.js';
import { determine } from '../../core/determine/index.js';
import { DEMO_PASSWORD } from '../../demo/city.js';
import { loadDemo } from '../../store/demo.js';
import { buildApp } from '../app.js';
import rulebookRoutes from './rulebook.js';

describe('rulebook routes', () => {
  let app: FastifyInstance;
  let database: TestDatabase;
  let headers: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    await loadDemo(database);
    app = await buildApp({
      database,
      webRoot: null,
      rateLimits: { login: 10_000, public: 10_000 },
    });
    // Until the lead mounts these routes in routes/index.ts, mount them here the same way.
    if (!app.routeTable.some((r) => r.url === '/api/v1/determinations')) {
      await app.register(rulebookRoutes, { prefix: '/api/v1' });
    }
    await app.ready();
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'sfj', password: DEMO_PASSWORD },
    });
    const sid = res.cookies.find((c) => c.name === 'wenze_sid')?.value;
    headers = { cookie: `wenze_sid=${sid}`, 'x-csrf-token': res.json().csrfToken };
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  const get = (url: string) => app.inject({ method: 'GET', url, headers });
  const post = (url: string, payload: unknown) =>
    app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

  it('requires a logged-in user on every route', async () => {
    for (const url of [
      '/api/v1/rulebook/packs',
      '/api/v1/rulebook/catalog',
      '/api/v1/rulebook/articles',
      '/api/v1/rulebook/search?q=x',
    ]) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
    expect(
      (await app.inject({ method: 'POST', url: '/api/v1/determinations', payload: threePersonRequest() }))
        .statusCode,
    ).toBe(401);
  });

  it('POST /determinations answers as the engine does', async () => {
    const res = await post('/api/v1/determinations', threePersonRequest());
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(determine(threePersonRequest()))));
  });

  it('bad input → 400 naming the field', async () => {
    const noRole = { ...threePersonRequest(), people: [{ id: 'p1' }] };
    const r1 = await post('/api/v1/determinations', noRole);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.fields.map((f: { path: string }) => f.path)).toContain('people[0].role');
    const r2 = await post('/api/v1/determinations', { ...threePersonRequest(), faults: ['penalty.99'] });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.fields[0].path).toBe('faults[0]');
    const r3 = await post('/api/v1/determinations?pack=mars', threePersonRequest());
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.fields[0].path).toBe('pack');
    const dup = threePersonRequest();
    dup.people[1]!.id = 'p1';
    expect((await post('/api/v1/determinations', dup)).json().error.fields[0].path).toBe('people[1].id');
  });

  it('lists packs, the catalogue, the articles, and searches', async () => {
    expect((await get('/api/v1/rulebook/packs')).json().packs.map((p: { name: string }) => p.name)).toEqual([
      'guizhou',
      'guizhou-a-city',
    ]);
    const catalog = (await get('/api/v1/rulebook/catalog?pack=guizhou-a-city&on=2025-01-01')).json();
    expect(catalog).toMatchObject({ pack: 'guizhou-a-city', version: '1.0' });
    expect(catalog.items).toHaveLength(52);
    const articles = (await get('/api/v1/rulebook/articles')).json();
    expect(articles.chapters[2].articles[9]).toMatchObject({ label: '第二十四条', summary: true });
    const search = (await get(`/api/v1/rulebook/search?q=${encodeURIComponent('重复罚款')}`)).json();
    expect(search.hits[0].code).toBe('penalty.04');
    const params = (await get('/api/v1/rulebook/params?pack=guizhou-a-city&on=2025-01-01')).json();
    expect(params.params.procedure.acceptComplaint).toEqual({ days: 10, unit: 'working_day' });
    const vocabulary = (await get('/api/v1/rulebook/vocabulary')).json();
    expect(vocabulary.conduct).toHaveLength(11);
    expect((await get('/api/v1/rulebook/catalog?on=2025-02-30')).statusCode).toBe(400);
  });
});
