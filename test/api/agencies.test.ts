import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('agencies API on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  it('lists by jurisdiction with search, filters and pagination', async () => {
    const city = await t.login('sfj');
    const all = (await city.get('/api/v1/agencies?pageSize=100')).json();
    expect(all.total).toBe(13);
    expect(all.permissions.create).toBe(true);
    const page2 = (await city.get('/api/v1/agencies?pageSize=5&page=2')).json();
    expect(page2.items).toHaveLength(5);
    expect(page2.items[0].id).toBe(all.items[5].id);
    const search = (await city.get(`/api/v1/agencies?q=${encodeURIComponent('市场监督')}`)).json();
    expect(search.total).toBe(4);
    const county = (await city.get('/api/v1/agencies?region=529921')).json();
    expect(county.items.map((a: { id: string }) => a.id).sort()).toEqual([
      '529921-SCJ',
      '529921-ZHJ',
      '529921-ZZD',
    ]);
    const entrusted = (await city.get('/api/v1/agencies?kind=entrusted')).json();
    expect(entrusted.items[0]).toMatchObject({ id: '529921-ZZD', parentName: '甲县综合行政执法局' });
    const legal = await t.login('scjfz');
    const own = (await legal.get('/api/v1/agencies')).json();
    expect(own.items.map((a: { id: string }) => a.id)).toEqual(['529900-SCJ']);
    expect(own.items[0].permissions.update).toBe(false);
    expect(own.permissions.create).toBe(false);
  });

  it('creates and edits with validation, optimistic locking and an audit trail', async () => {
    const c = await t.login('jxsfj');
    const created = await c.post('/api/v1/agencies', {
      id: '529921-JTJ',
      regionCode: '529921',
      name: '甲县交通运输局',
      shortName: '甲县交通局',
      kind: 'administrative',
      principalName: '钱进',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ regionName: '甲县', version: 1, permissions: { update: true } });
    const dupName = await c.post('/api/v1/agencies', {
      id: '529921-JTJ2',
      regionCode: '529921',
      name: '甲县交通运输局',
      shortName: 'x',
      kind: 'administrative',
    });
    expect(dupName.statusCode).toBe(400);
    expect(dupName.json().error.fields[0].path).toBe('name');
    const outside = await c.post('/api/v1/agencies', {
      id: '529922-JTJ',
      regionCode: '529922',
      name: '乙县交通运输局',
      shortName: 'x',
      kind: 'administrative',
    });
    expect(outside.statusCode).toBe(403);
    const noParent = await c.post('/api/v1/agencies', {
      id: '529921-XZD',
      regionCode: '529921',
      name: '甲县某乡执法队',
      shortName: 'x',
      kind: 'entrusted',
    });
    expect(noParent.statusCode).toBe(400);
    expect(noParent.json().error.fields[0].path).toBe('parentId');

    const edit = await c.patch('/api/v1/agencies/529921-JTJ', { version: 1, phone: '0851-1234567' });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(edit.json()).toMatchObject({ phone: '0851-1234567', version: 2 });
    const stale = await c.patch('/api/v1/agencies/529921-JTJ', { version: 1, phone: '000' });
    expect(stale.statusCode).toBe(409);
    const after = (await c.get('/api/v1/agencies/529921-JTJ')).json();
    expect(after.phone).toBe('0851-1234567');
    const history = (await c.get('/api/v1/agencies/529921-JTJ/history')).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'agency.update',
      'agency.create',
    ]);
    expect(history.items[0].actorName).toBe('jxsfj');
  });

  it('concurrent edits of the same version: exactly one wins', async () => {
    const c = await t.login('sfj');
    const before = (await c.get('/api/v1/agencies/529900-JTJ')).json();
    const results = await Promise.all(
      ['0851-1', '0851-2', '0851-3'].map((phone) =>
        c.patch('/api/v1/agencies/529900-JTJ', { version: before.version, phone }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409, 409]);
  });

  it('returns the region tree', async () => {
    const c = await t.login('officer');
    const r = (await c.get('/api/v1/regions')).json();
    expect(r.items.find((x: { code: string }) => x.code === '529900').name).toBe('A市');
  });
});
