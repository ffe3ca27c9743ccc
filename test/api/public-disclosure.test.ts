// 事前公开 over the public API (issue 15), no login: the agencies with their duty lists' summary
// (searchable), an agency with its relief channels, its list in force (paged, searchable, the
// published columns only) and its officers with a valid certificate — name, certificate number and
// validity, never a phone, an ID number or anything else of theirs; rate-limited; in the OpenAPI
// document under the `public` tag.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPersonalNumbers } from '../../src/core/privacy/mask.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const SCJ = '529900-SCJ';

describe.each(drivers)('事前公开 on the public portal API on %s', (driver) => {
  let t: TestApp;
  const get = (url: string) => t.app.inject({ method: 'GET', url: `/api/v1/public${url}` });

  beforeAll(async () => {
    t = await createTestApp(driver);
  });
  afterAll(async () => t?.close());

  it('the agencies with the count of their items in force by type; searchable by name', async () => {
    const res = await get('/agencies');
    expect(res.statusCode, res.body).toBe(200);
    const { items } = res.json();
    const active = await t.database.db
      .selectFrom('agencies')
      .select('id')
      .where('active', '=', true)
      .execute();
    expect(items).toHaveLength(active.length);
    const scj = items.find((a: { id: string }) => a.id === SCJ);
    expect(scj).toMatchObject({
      name: 'A市市场监督管理局',
      regionName: 'A市',
      regionCode: '529900',
      kindLabel: '行政机关',
    });
    expect(scj.duties.total).toBeGreaterThan(10);
    expect(scj.duties.total).toBe(
      scj.duties.byType.reduce((n: number, x: { count: number }) => n + x.count, 0),
    );
    expect(scj.duties.byType.map((x: { label: string }) => x.label)).toContain('行政许可');
    // No principal, phone or address of an agency.
    expect(Object.keys(scj).sort()).toEqual([
      'duties',
      'id',
      'kind',
      'kindLabel',
      'name',
      'regionCode',
      'regionName',
    ]);
    const found = (await get(`/agencies?q=${encodeURIComponent('综合')}`)).json().items;
    expect(found.length).toBeGreaterThan(0);
    for (const a of found) expect(a.name).toContain('综合');
    expect(found.find((a: { id: string }) => a.id === '529900-ZHJ').duties.total).toBeGreaterThan(0);
    expect((await get(`/agencies?q=${'长'.repeat(51)}`)).statusCode).toBe(400);
  });

  it('an agency with its relief channels; an unknown or inactive agency is 404', async () => {
    const res = await get('/agencies/529921-ZHJ');
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json();
    expect(a).toMatchObject({ id: '529921-ZHJ', regionName: '甲县', entrustedBy: null });
    expect(a.relief.map((c: { kind: string }) => c.kind)).toEqual([
      'reconsideration',
      'litigation',
      'complaint',
    ]);
    expect(a.relief[0].where).toContain('甲县人民政府');
    for (const c of a.relief) expect(c.sources.length).toBeGreaterThan(0);
    expect((await get('/agencies/NOPE')).statusCode).toBe(404);
    await t.database.db
      .updateTable('agencies')
      .set({ active: false })
      .where('id', '=', '529922-SCJ')
      .execute();
    expect((await get('/agencies/529922-SCJ')).statusCode).toBe(404);
    expect((await get('/agencies/529922-SCJ/duties')).statusCode).toBe(404);
    expect((await get('/agencies')).json().items.map((x: { id: string }) => x.id)).not.toContain(
      '529922-SCJ',
    );
  });

  it('its list in force: the published columns, paged and searchable', async () => {
    const page = (await get('/agencies/529900-ZHJ/duties?pageSize=5&page=2')).json();
    expect(page.items).toHaveLength(5);
    expect(page.total).toBeGreaterThan(10);
    expect(page.page).toBe(2);
    const found = (await get(`/agencies/529900-ZHJ/duties?q=${encodeURIComponent('违法建设')}`)).json();
    expect(found.items[0]).toMatchObject({
      code: 'CF-0014',
      name: '违法建设查处',
      type: 'penalty',
      typeLabel: '行政处罚',
      role: 'lead',
    });
    expect(found.items[0].procedure.length).toBeGreaterThan(0);
    expect(Object.keys(found.items[0]).sort()).toEqual([
      'basis',
      'code',
      'effectiveFrom',
      'name',
      'procedure',
      'role',
      'timeLimit',
      'type',
      'typeLabel',
      'unit',
    ]);
    expect((await get('/agencies/529900-ZHJ/duties?pageSize=101')).statusCode).toBe(400);
  });

  it('its officers: only those in service with a valid certificate, and only name, number and validity', async () => {
    const db = t.database.db;
    const today = (await get('/agencies/529900-SCJ/officers')).json().on as string;
    const officers = await db
      .selectFrom('officers')
      .select(['id', 'name', 'phone'])
      .where('agencyId', '=', SCJ)
      .orderBy('id')
      .execute();
    // One leaves service; another's certificate is suspended: neither is published.
    const [gone, suspended] = officers;
    await db.updateTable('officers').set({ active: false }).where('id', '=', gone.id).execute();
    await db
      .updateTable('certificates')
      .set({ status: 'suspended' })
      .where('officerId', '=', suspended.id)
      .execute();
    // A phone number and an ID number written where an officer's record keeps text.
    await db
      .updateTable('officers')
      .set({ phone: '13912345678', post: '科员 520102199001011234' })
      .where('agencyId', '=', SCJ)
      .execute();

    const res = await get('/agencies/529900-SCJ/officers?pageSize=100');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    // What the list should be: in service, and the latest certificate valid today.
    const certs = await db
      .selectFrom('certificates')
      .innerJoin('officers', 'officers.id', 'certificates.officerId')
      .select([
        'officers.id',
        'officers.name',
        'officers.active',
        'certificates.status',
        'certificates.validUntil',
      ])
      .where('officers.agencyId', '=', SCJ)
      .orderBy('officers.id')
      .orderBy('certificates.issuedOn', 'desc')
      .orderBy('certificates.id', 'desc')
      .execute();
    const latest = new Map<string, (typeof certs)[number]>();
    for (const c of certs) if (!latest.has(c.id)) latest.set(c.id, c);
    const expected = [...latest.values()]
      .filter((c) => c.active && c.status === 'valid' && c.validUntil >= today)
      .map((c) => c.name)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(body.total).toBe(expected.length);
    const names = body.items.map((o: { name: string }) => o.name);
    expect([...names].sort()).toEqual(expected);
    for (const o of body.items) {
      expect(Object.keys(o).sort()).toEqual(['certificateNumber', 'name', 'validUntil']);
      expect(o.validUntil >= today).toBe(true);
    }
    expect(latest.get(gone.id)?.active).toBe(false);
    expect(latest.get(suspended.id)?.status).toBe('suspended');
    expect(res.body).not.toContain('13912345678');
    expect(res.body).not.toContain('520102199001011234');
    expect(hasPersonalNumbers(res.body)).toBe(false);
    for (const o of officers) if (o.phone) expect(res.body).not.toContain(o.phone);
    // Searched by name.
    const one = body.items[0];
    const searched = (await get(`/agencies/529900-SCJ/officers?q=${encodeURIComponent(one.name)}`)).json();
    expect(searched.items.map((o: { name: string }) => o.name)).toContain(one.name);
  });

  it('needs no login, answers with the public tag in the OpenAPI document', async () => {
    const doc = t.app.swagger() as {
      paths: Record<string, Record<string, { tags?: string[]; security?: unknown[] }>>;
    };
    for (const path of [
      '/api/v1/public/agencies',
      '/api/v1/public/agencies/{id}',
      '/api/v1/public/agencies/{id}/duties',
      '/api/v1/public/agencies/{id}/officers',
    ]) {
      expect(doc.paths[path]?.get?.tags, path).toEqual(['public']);
    }
  });
});

describe.each(drivers)('the portal’s agency pages are rate-limited on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(driver, { rateLimits: { public: 3 } });
  });
  afterAll(async () => t?.close());

  it('beyond the public limit per minute: 429', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 4; i++)
      codes.push(
        (await t.app.inject({ method: 'GET', url: '/api/v1/public/agencies/529900-SCJ/officers' }))
          .statusCode,
      );
    expect(codes).toEqual([200, 200, 200, 429]);
  });
});
