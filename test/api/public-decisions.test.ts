// 行政执法决定公示 over the API (issue 15): imported licensing and penalty decisions are published
// masked without further steps (a minor's withheld with the rule; a revoked one withdrawn with the
// reason); the portal's list and detail and the open data (JSON, CSV, ETag/304, Cache-Control) need
// no login and never carry an ID number, a phone or a natural person's given name; an ID number is
// sealed, never in acts.body; the supervision register shows state, overdue and withheld; the sweep
// takes down what has been online for its retention. On PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgCode } from '../../src/core/acts/generate-parts.js';
import { idNumberCheck } from '../../src/core/privacy/identifiers.js';
import { openPartyIdNumber } from '../../src/store/act-identity.js';
import { sweepAudit, sweepPublications } from '../../src/store/publications.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const TODAY = '2026-11-25';
const idOf = (born: string) => {
  const body = `529900${born}123`;
  return body + idNumberCheck(body);
};
const ADULT_ID = idOf('19800101');
const MINOR_ID = idOf('20120301');
const PHONE = '13812345678';
const CODE = orgCode('529900', 7);
const officers = [
  { id: 'O-0001', certificate: '52990000001', validUntil: '2030-12-31' },
  { id: 'O-0002', certificate: '52990000002', validUntil: '2030-12-31' },
];
const penalty = (id: string, over: Record<string, unknown>) => ({
  id,
  agency: '529900-SCJ',
  kind: 'penalty',
  matter: '销售过期食品',
  procedure: 'ordinary',
  officers,
  violation: 'FOOD-27',
  incidentDate: '2026-10-01',
  dates: { filed: '2026-10-08', notified: '2026-10-20', decided: '2026-11-10', served: '2026-11-12' },
  fine: 3000,
  ...over,
});

const acts = [
  penalty('PD-ORG', {
    party: {
      type: 'org',
      id: CODE,
      name: 'A市某某食品有限公司',
      creditCode: CODE,
    },
    documentNo: 'A市市监罚〔2026〕101号',
    itemName: 'A市某某食品有限公司销售过期食品案',
    category: '罚款',
    reason: `销售超过保质期的食品，举报人电话${PHONE}`,
    basis: '《中华人民共和国食品安全法》第一百二十四条',
    publishedOn: '2026-11-12',
  }),
  penalty('PD-PERSON', {
    party: { type: 'person', id: 'P-1', name: '张三丰', idNumber: ADULT_ID },
    documentNo: 'A市市监罚〔2026〕102号',
    reason: `当事人张三丰（身份证号${ADULT_ID}）无证经营`,
    publishedOn: '2026-11-13',
  }),
  penalty('PD-MINOR', { party: { type: 'person', id: 'P-2', name: '李小明', idNumber: MINOR_ID } }),
  penalty('PD-REVOKE', {
    party: { type: 'org', id: '91529900MA6DXXXX1X', name: '另一公司' },
    documentNo: 'A市市监罚〔2026〕103号',
  }),
  {
    id: 'LD-LATE',
    agency: '529900-SCJ',
    kind: 'licensing',
    matter: '食品经营许可',
    officers,
    decision: 'granted',
    party: { type: 'org', id: '91529900MA6DXXXX1X', name: '许可公司' },
    documentNo: 'A市市监许〔2026〕9号',
    content: '食品销售经营者',
    dates: { applied: '2026-10-20', accepted: '2026-10-21', decided: '2026-11-02' },
  },
];

describe.each(drivers)('行政执法决定公示 on %s', (driver) => {
  let t: TestApp;
  let city: Client;
  let officer: Client;
  const clock = fixedClock(TODAY);
  const anonymous = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url, headers });
  /** Every public response body seen, checked at the end for personal data. */
  const seen: string[] = [];
  const publicGet = async (url: string, headers: Record<string, string> = {}) => {
    const res = await anonymous(url, headers);
    seen.push(res.body);
    return res;
  };
  const pubOf = (actId: string) =>
    t.database.db
      .selectFrom('publications')
      .selectAll()
      .where('sourceKind', '=', 'act')
      .where('sourceId', '=', actId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    city = await t.login('sfj');
    officer = await t.login('officer');
    const res = await city.post('/api/v1/acts:bulk', { acts });
    expect(res.statusCode, res.body).toBe(200);
  });
  afterAll(async () => t?.close());

  it('publishes a penalty masked in the import’s transaction; the ID number is sealed, never in the body', async () => {
    const person = await pubOf('PD-PERSON');
    // First public on the agency's own publication day (11-13), in time (due 11-19).
    expect(person).toMatchObject({ state: 'published', publishedOn: '2026-11-13', dueOn: '2026-11-19' });
    expect(person.fields?.party).toEqual({ type: 'person', name: '张某某', creditCode: null });
    expect(person.fields?.reason).not.toContain(ADULT_ID);
    // Free text: the person's own name masked, an ID number as scrubText masks it (six and four shown).
    expect(person.fields?.reason).toBe(`当事人张某某（身份证号529900********${ADULT_ID.slice(-4)}）无证经营`);
    expect(person.takeDownOn).toBe('2028-11-14');
    const org = await pubOf('PD-ORG');
    expect(org.fields?.party).toEqual({
      type: 'org',
      name: 'A市某某食品有限公司',
      creditCode: CODE,
    });
    expect(org.takeDownOn).toBe('2031-11-13');
    const row = await t.database.db
      .selectFrom('acts')
      .select(['body', 'partyIdEnc'])
      .where('id', '=', 'PD-PERSON')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row.body)).not.toContain(ADULT_ID);
    expect((row.body as { party: Record<string, unknown> }).party).not.toHaveProperty('idNumber');
    expect(openPartyIdNumber('PD-PERSON', row.partyIdEnc as Uint8Array)).toBe(ADULT_ID);
    const { rows } = await sql<{ n: number }>`
      select count(*)::integer as n from acts where body::text like ${`%${ADULT_ID.slice(0, 14)}%`}
        or body::text like ${`%${MINOR_ID.slice(0, 14)}%`}`.execute(t.database.db);
    expect(rows[0].n).toBe(0);
  });

  it('withholds a minor’s decision with the rule; it never reaches the portal', async () => {
    const minor = await pubOf('PD-MINOR');
    expect(minor).toMatchObject({
      state: 'withheld',
      withheldGround: 'minor',
      fields: null,
      publishedOn: null,
    });
    expect(minor.withheldReason).toContain('未成年人保护法');
    const res = await publicGet('/api/v1/public/decisions?pageSize=100');
    expect(res.body).not.toContain('李');
  });

  it('lists and shows the published decisions without login, filtered and paged', async () => {
    const res = await publicGet('/api/v1/public/decisions?pageSize=500');
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json();
    const ours = page.items.filter((d: { fields: { documentNo: string | null } }) =>
      d.fields.documentNo?.startsWith('A市市监'),
    );
    expect(ours.map((d: { fields: { documentNo: string } }) => d.fields.documentNo).sort()).toEqual([
      'A市市监罚〔2026〕101号',
      'A市市监罚〔2026〕102号',
      'A市市监罚〔2026〕103号',
      'A市市监许〔2026〕9号',
    ]);
    const org = ours.find((d: { fields: { documentNo: string } }) => d.fields.documentNo.endsWith('101号'));
    expect(org).toMatchObject({
      category: 'penalty',
      categoryLabel: '行政处罚',
      agency: { id: '529900-SCJ', name: expect.any(String) },
      decidedOn: '2026-11-10',
      fields: { result: '罚款3000元', basis: '《中华人民共和国食品安全法》第一百二十四条' },
    });
    expect(org.fields.reason).toBe('销售超过保质期的食品，举报人电话138****5678');
    const one = await publicGet(`/api/v1/public/decisions/${org.id}`);
    expect(one.json()).toEqual(org);
    const lic = await publicGet('/api/v1/public/decisions?category=licensing&q=许〔2026〕9号');
    expect(lic.json().items).toHaveLength(1);
    expect(lic.json().items[0].fields).toMatchObject({ content: '食品销售经营者', itemName: '食品经营许可' });
    const year = await publicGet('/api/v1/public/decisions?year=2026&agency=529900-SCJ&q=市监罚〔2026〕10');
    expect(year.json().total).toBe(3);
    expect((await publicGet('/api/v1/public/decisions?year=1989')).statusCode).toBe(400);
    expect((await publicGet('/api/v1/public/decisions/not-a-uuid')).json().error.fields[0].path).toBe('id');
    expect(
      (await publicGet('/api/v1/public/decisions/00000000-0000-4000-8000-000000000000')).statusCode,
    ).toBe(404);
  });

  it('open data: JSON and CSV pages with an ETag of the content (304 on a match) and Cache-Control', async () => {
    const url = '/api/v1/public/open-data/decisions.json?pageSize=2&q=A市市监';
    const res = await publicGet(url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
    const etag = String(res.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(res.json()).toMatchObject({ total: 4, page: 1, pageSize: 2 });
    expect(res.json().items).toHaveLength(2);
    const again = await publicGet(url, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const next = await publicGet(url.replace('pageSize=2', 'pageSize=2&page=2'));
    expect(next.headers.etag).not.toBe(etag);
    const csv = await publicGet('/api/v1/public/open-data/decisions.csv?q=A市市监');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['x-total-count']).toBe('4');
    const lines = csv.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '编号,类别,决定书文号,项目名称/处罚名称,审批类别/处罚类别,许可内容,处罚事由,处罚依据,处罚结果,相对人名称,统一社会信用代码,决定机关,决定日期,公示日期',
    );
    expect(lines).toHaveLength(5);
    expect(csv.body).toContain('张某某');
    expect(
      (
        await publicGet(`/api/v1/public/open-data/decisions.csv?q=A市市监`, {
          'if-none-match': String(csv.headers.etag),
        })
      ).statusCode,
    ).toBe(304);
    expect((await publicGet('/api/v1/public/open-data/decisions.json?pageSize=1001')).statusCode).toBe(400);
  });

  it('a decision revoked on review is withdrawn with the reason on import, and leaves the portal', async () => {
    const revoked = { ...acts[3], review: 'revoked' };
    const res = await city.post('/api/v1/acts:bulk', { acts: [revoked] });
    expect(res.statusCode, res.body).toBe(200);
    const pub = await pubOf('PD-REVOKE');
    expect(pub).toMatchObject({ state: 'withdrawn', withdrawnOn: TODAY });
    expect(pub.withdrawnReason).toContain('撤销');
    const list = await publicGet('/api/v1/public/decisions?q=103号');
    expect(list.json().total).toBe(0);
    expect((await publicGet(`/api/v1/public/decisions/${pub.id}`)).statusCode).toBe(404);
  });

  it('the supervision register: state, overdue and withheld per agency; others are refused', async () => {
    const late = await city.get('/api/v1/publications?overdue=true&agency=529900-SCJ&pageSize=500');
    expect(late.statusCode, late.body).toBe(200);
    const ids = late.json().items.map((p: { sourceId: string }) => p.sourceId);
    expect(ids).toContain('LD-LATE'); // decided 2026-11-02, first published on import (11-25)
    expect(ids).toContain('PD-REVOKE');
    expect(ids).not.toContain('PD-ORG'); // published by the agency on 11-12, in time
    const withheld = await city.get('/api/v1/publications?state=withheld&agency=529900-SCJ');
    expect(withheld.json().items).toEqual([
      expect.objectContaining({ sourceId: 'PD-MINOR', withheldGround: 'minor', fields: null }),
    ]);
    const byAgency = await city.get('/api/v1/publications/by-agency');
    const scj = byAgency.json().items.find((a: { agencyId: string }) => a.agencyId === '529900-SCJ');
    expect(scj).toMatchObject({ withheld: 1, withdrawn: 1 });
    expect(scj.overdue).toBeGreaterThanOrEqual(2);
    expect((await officer.get('/api/v1/publications')).statusCode).toBe(403);
    expect((await anonymous('/api/v1/publications')).statusCode).toBe(401);
    // The late licence is also a finding of disclosure-overdue.
    const f = await t.database.db
      .selectFrom('findings')
      .select(['rule', 'detail'])
      .where('actId', '=', 'LD-LATE')
      .where('rule', '=', 'disclosure-overdue')
      .executeTakeFirst();
    expect(f?.detail).toBe(
      '2026-11-02作出行政许可决定，截至2026-11-25未公示，应于7个工作日内（2026-11-11前）公示',
    );
  });

  it('the sweep takes down a natural person’s decision after two years, an organisation’s after five', async () => {
    const by = sweepAudit({ actorName: 'test' }, '2028-11-14');
    expect(await sweepPublications(t.database, '2028-11-13', by)).toMatchObject({ takenDown: 0 });
    const r = await sweepPublications(t.database, '2028-11-14', by);
    expect(r.takenDown).toBeGreaterThanOrEqual(1);
    expect(await pubOf('PD-PERSON')).toMatchObject({ state: 'taken_down', takenDownOn: '2028-11-14' });
    expect((await pubOf('PD-ORG')).state).toBe('published');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('detail')
      .where('action', '=', 'disclosure.sweep')
      .execute();
    expect(audit).toHaveLength(1);
    const list = await publicGet('/api/v1/public/decisions?q=102号');
    expect(list.json().total).toBe(0);
  });

  it('is in the OpenAPI document under “public”', async () => {
    const doc = (await anonymous('/api/docs/json')).json();
    for (const p of [
      '/api/v1/public/decisions',
      '/api/v1/public/decisions/{id}',
      '/api/v1/public/open-data/decisions.json',
      '/api/v1/public/open-data/decisions.csv',
    ])
      expect(doc.paths[p]?.get?.tags, p).toEqual(['public']);
  });

  it('no public response carried an ID number, a phone or a natural person’s name', () => {
    expect(seen.length).toBeGreaterThan(10);
    for (const body of seen) {
      for (const secret of [ADULT_ID, MINOR_ID, PHONE, '张三丰', '李小明', 'P-1', 'P-2'])
        expect(body).not.toContain(secret);
    }
  });
});
