import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('smoke on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  it('health', async () => {
    const r = await t.app.inject({ url: '/api/health' });
    expect(r.statusCode).toBe(200);
    expect(r.json().database.ok).toBe(true);
  });

  it('login and list', async () => {
    const c = await t.login('jxsfj');
    const r = await c.get('/api/v1/officers?certStatus=expired');
    expect(r.statusCode, r.body).toBe(200);
    const body = r.json();
    expect(body.items.every((o: { regionCode: string }) => o.regionCode === '529921')).toBe(true);
    const a = await c.get('/api/v1/agencies');
    expect(a.statusCode, a.body).toBe(200);
  });
});
