// The privacy crawl (issue 15): seed the city with personal data — natural persons' names and ID
// numbers on imported decisions, phones and ID numbers written into their free text, a complainant's
// name, phone and ID number, officers' phones — then GET every public route of the OpenAPI document
// (tag `public`), following the ids each list gives to its detail routes and every page of every list,
// and fail on any unmasked ID number, phone or natural person's full name in any response. A public
// GET route the crawl cannot reach (a path parameter it has no value for) fails it too, so a new
// public route is crawled or named here. On PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgCode } from '../../src/core/acts/generate-parts.js';
import { idNumberCheck, isResidentIdNumber } from '../../src/core/privacy/identifiers.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const TODAY = '2026-11-25';
const idOf = (region: string, born: string, seq: string) => {
  const body = `${region}${born}${seq}`;
  return body + idNumberCheck(body);
};
/** The natural persons seeded: their full names and ID numbers must never be public. */
const PERSONS = [
  { name: '欧阳明轩', id: idOf('529900', '19800101', '123') },
  { name: '司马静怡', id: idOf('529922', '19761212', '456') },
  { name: '诸葛小雨', id: idOf('529901', '20120301', '789') }, // a minor
];
const COMPLAINANT = { name: '慕容秋水', phone: '13987654321', idNumber: idOf('529900', '19900909', '321') };
const PHONES = ['13812345678', '15900001111', '18688889999', COMPLAINANT.phone, '13700137000'];
const officers = [
  { id: 'O-0001', certificate: '52990000001', validUntil: '2030-12-31' },
  { id: 'O-0002', certificate: '52990000002', validUntil: '2030-12-31' },
];

function acts() {
  const base = {
    agency: '529900-SCJ',
    officers,
    incidentDate: '2026-10-01',
  };
  const penalty = (id: string, person: (typeof PERSONS)[number], phone: string) => ({
    ...base,
    id,
    kind: 'penalty',
    matter: '销售过期食品',
    procedure: 'ordinary',
    violation: 'FOOD-27',
    dates: { filed: '2026-10-08', notified: '2026-10-20', decided: '2026-11-10', served: '2026-11-12' },
    fine: 2000,
    party: { type: 'person', id: `P-${id}`, name: person.name, idNumber: person.id },
    documentNo: `A市市监罚〔2026〕${id.slice(-1)}号`,
    reason: `当事人${person.name}（身份证号${person.id}，电话${phone}）销售过期食品`,
    basis: '《中华人民共和国食品安全法》第一百二十四条',
    result: `对${person.name}罚款2000元`,
  });
  const org = orgCode('529900', 11);
  return [
    penalty('CRAWL-1', PERSONS[0]!, PHONES[0]!),
    penalty('CRAWL-2', PERSONS[1]!, PHONES[1]!),
    penalty('CRAWL-3', PERSONS[2]!, PHONES[2]!),
    {
      ...base,
      id: 'CRAWL-4',
      kind: 'licensing',
      matter: '食品经营许可',
      decision: 'granted',
      party: { type: 'org', id: org, name: 'A市某某餐饮有限公司', creditCode: org },
      documentNo: 'A市市监许〔2026〕77号',
      // An organisation's 法定代表人 is published under 双公示; its phone is not.
      content: `食品销售经营者，联系电话${PHONES[3]}`,
      dates: { applied: '2026-10-20', accepted: '2026-10-21', decided: '2026-11-02' },
    },
  ];
}

/** Every 18-character resident ID number in a text, unmasked (a masked one has asterisks). */
const idNumbersIn = (text: string) =>
  [...text.matchAll(/(?<![0-9A-Za-z])\d{17}[0-9Xx](?![0-9A-Za-z])/g)]
    .map((m) => m[0])
    .filter(isResidentIdNumber);
/** Mobile phone numbers in a text, whole. */
const phonesIn = (text: string) => [...text.matchAll(/(?<!\d)1[3-9]\d{9}(?!\d)/g)].map((m) => m[0]);

interface Operation {
  tags?: string[];
  parameters?: { name: string; in: string }[];
}

describe.each(drivers)('the public routes never show personal data, on %s', (driver) => {
  let t: TestApp;
  let city: Client;
  const clock = fixedClock(TODAY);
  let receipt = '';
  let codes: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    city = await t.login('sfj');
    const imported = await city.post('/api/v1/acts:bulk', { acts: acts() });
    expect(imported.statusCode, imported.body).toBe(200);
    const complaint = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        officer: '戴峰',
        subject: '执法人员态度恶劣',
        narrative: `本人${COMPLAINANT.name}，电话${COMPLAINANT.phone}，身份证${COMPLAINANT.idNumber}，被重复罚款。`,
        anonymous: false,
        contact: { name: COMPLAINANT.name, phone: COMPLAINANT.phone, idNumber: COMPLAINANT.idNumber },
      },
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    receipt = complaint.json().receipt;
    // An evaluation campaign with one-time codes: one code answered with personal data in its comment.
    const campaign = await city.post('/api/v1/evaluation-campaigns', {
      name: 'A市行政执法社会评议（隐私巡检）',
      agencyIds: ['529900-SCJ'],
      from: '2026-01-01',
      to: '2026-12-31',
      audiences: ['public'],
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const issued = await city.post(`/api/v1/evaluation-campaigns/${campaign.json().id}/invitations`, {
      agencyId: '529900-SCJ',
      audience: 'public',
      count: 2,
    });
    expect(issued.statusCode, issued.body).toBe(201);
    codes = issued.json().items.map((i: { code: string }) => i.code);
    // Officers' phones, and an ID number where an officer's record keeps free text.
    await t.database.db.updateTable('officers').set({ phone: PHONES[4]! }).execute();
  });
  afterAll(async () => t?.close());

  it('crawls every public GET route and finds no ID number, phone or full name', async () => {
    const doc = t.app.swagger() as unknown as { paths: Record<string, Record<string, Operation>> };
    const routes = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method, op]) => method === 'get' && op.tags?.includes('public'))
        .map(([, op]) => ({ path, op })),
    );
    expect(routes.length).toBeGreaterThan(5);
    /** Values for path parameters: the ids each list path gave, and the seeded receipt. */
    const idsUnder = new Map<string, Set<string>>();
    // year: the annual report of the year before TODAY's (out since 31 January).
    const fixed: Record<string, string[]> = { receipt: [receipt], code: codes, year: ['2025'] };
    const bodies: { url: string; body: string }[] = [];
    const collectIds = (prefix: string, value: unknown) => {
      if (Array.isArray(value)) for (const v of value) collectIds(prefix, v);
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        if (typeof o.id === 'string' || typeof o.id === 'number') {
          const set = idsUnder.get(prefix) ?? new Set<string>();
          set.add(String(o.id));
          idsUnder.set(prefix, set);
        }
        for (const v of Object.values(o)) collectIds(prefix, v);
      }
    };
    const get = async (url: string) => {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      bodies.push({ url, body: res.body });
      return res;
    };
    /** A list's every page (page/pageSize as the API pages). */
    const getAll = async (url: string) => {
      const first = await get(url);
      if (!first.headers['content-type']?.toString().includes('json') || first.statusCode !== 200)
        return first;
      const page = first.json() as { total?: number; pageSize?: number };
      collectIds(url.split('?')[0]!, first.json());
      if (typeof page.total === 'number' && typeof page.pageSize === 'number' && page.pageSize > 0) {
        const pages = Math.ceil(page.total / page.pageSize);
        for (let p = 2; p <= pages; p++) {
          const sep = url.includes('?') ? '&' : '?';
          collectIds(url.split('?')[0]!, (await get(`${url}${sep}page=${p}`)).json());
        }
      }
      return first;
    };
    // Paths without parameters first (the lists), then those that take an id from their parent list.
    const unreachable: string[] = [];
    const ordered = [...routes].sort((a, b) => a.path.split('{').length - b.path.split('{').length);
    for (const { path } of ordered) {
      const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
      if (params.length === 0) {
        await getAll(`/api/v1${path}`.replace('/api/v1/api/v1', '/api/v1'));
        continue;
      }
      // Each parameter's values: a fixed one, or the ids listed under the path before it.
      const head = path.slice(0, path.indexOf('{')).replace(/\/$/, '');
      const listed = idsUnder.get(`/api/v1${head}`) ?? idsUnder.get(head);
      const values = params.map(
        (p) => fixed[p] ?? (p === 'id' || p.endsWith('Id') ? [...(listed ?? [])] : []),
      );
      if (values.some((v) => v.length === 0)) {
        unreachable.push(path);
        continue;
      }
      // Every listed id for a one-parameter path (the lists are small here).
      const first = values[0]!;
      for (const v of first) {
        let url = path.replace(`{${params[0]}}`, encodeURIComponent(v));
        for (let i = 1; i < params.length; i++)
          url = url.replace(`{${params[i]}}`, encodeURIComponent(values[i]![0]!));
        await getAll(url.startsWith('/api/v1') ? url : `/api/v1${url}`);
      }
    }
    expect(unreachable, 'public routes the crawl could not reach: seed them above').toEqual([]);

    // The seeded data reached the portal (else the crawl proves nothing).
    const all = bodies.map((b) => b.body).join('\n');
    expect(all).toContain('欧阳某某');
    expect(all).toContain('A市某某餐饮有限公司');
    expect(bodies.length).toBeGreaterThan(routes.length);

    const leaks: string[] = [];
    for (const { url, body } of bodies) {
      for (const id of idNumbersIn(body)) leaks.push(`${url}: ID number ${id}`);
      for (const phone of phonesIn(body)) leaks.push(`${url}: phone ${phone}`);
      for (const name of [...PERSONS.map((p) => p.name), COMPLAINANT.name])
        if (body.includes(name)) leaks.push(`${url}: name ${name}`);
      // A minor is never published, not even masked.
      if (body.includes('诸葛某某')) leaks.push(`${url}: the minor 诸葛小雨`);
    }
    expect(leaks).toEqual([]);
  });
});
