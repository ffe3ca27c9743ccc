// The case lists load in batches: the number of queries behind GET /cases (newest first and
// ranked by urgency), /cases/due-soon and /home does not grow with the number of cases.
import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

/** Counts the queries the app's query builder runs. */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count += 1;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const LISTS = [
  '/api/v1/cases?pageSize=100',
  '/api/v1/cases?sort=urgent&pageSize=100',
  '/api/v1/cases?sort=urgent&pageSize=2&page=2',
  '/api/v1/cases/due-soon',
  '/api/v1/home',
];

describe.each(drivers)('case lists on %s', (driver) => {
  const counter = new QueryCounter();
  let t: TestApp;
  let sup: Client;
  let subjects = 0;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(driver, { plugins: [counter] });
    sup = await t.login('sfj');
    const users = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  });
  afterAll(async () => t?.close());

  /** `n` more cases, each from a complaint whose lead the supervisor opens. */
  async function addCases(n: number) {
    for (let i = 0; i < n; i++) {
      const subject = `批量案件${++subjects}号`;
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: {
          agency: '529900-SCJ',
          subject,
          narrative: '反映执法过程中的问题，请依法处理。',
          anonymous: true,
        },
      });
      expect(filed.statusCode, filed.body).toBe(201);
      const lead = (await sup.get(`/api/v1/leads?q=${encodeURIComponent(subject)}`)).json().items[0];
      const opened = await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version });
      expect(opened.statusCode, opened.body).toBe(201);
      // Every other case goes on, so that the cases differ in their parts and deadlines.
      if (subjects % 2 === 0) continue;
      const id = opened.json().caseId as string;
      let version = (await sup.get(`/api/v1/cases/${id}`)).json().version as number;
      for (const [action, body] of [
        ['accept', { opinion: '同意立案' }],
        ['assign_investigators', { userIds: [ids.sfj, ids.sfjdc] }],
        ['start_investigation', {}],
      ] as const) {
        const r = await sup.post(`/api/v1/cases/${id}/actions/${action}`, { version, ...body });
        expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
        version = r.json().version;
      }
    }
  }

  /** The queries of each list (a fresh session, so that none is spent touching an old one). */
  async function queriesOfLists(): Promise<Record<string, number>> {
    const client = await t.login('sfj');
    for (const url of LISTS) expect((await client.get(url)).statusCode).toBe(200); // warm the calendar
    const out: Record<string, number> = {};
    for (const url of LISTS) {
      counter.count = 0;
      const r = await client.get(url);
      expect(r.statusCode, r.body).toBe(200);
      out[url] = counter.count;
    }
    return out;
  }

  it('the same number of queries for 3 cases as for 30', async () => {
    await addCases(3);
    const few = await queriesOfLists();
    const before = (await sup.get('/api/v1/cases?pageSize=100')).json().total as number;
    await addCases(27);
    const many = await queriesOfLists();
    expect((await sup.get('/api/v1/cases?pageSize=100')).json().total).toBe(before + 27);
    expect(many).toEqual(few);
    // Each case of the lists as its own detail shows it: the batches put every part on its case.
    const listed = (await sup.get('/api/v1/cases?sort=urgent&pageSize=100')).json().items;
    expect(listed).toHaveLength(before + 27);
    expect(listed.filter((c: { state: string }) => c.state === 'investigating').length).toBe(15);
    for (const item of listed) expect((await sup.get(`/api/v1/cases/${item.id}`)).json()).toMatchObject(item);
    // A handful each, not one per case: the session, the list and its count, the cases and one
    // query per part of a case (11 today); the home page adds its other figures (31).
    for (const [url, n] of Object.entries(many))
      expect(n, url).toBeLessThanOrEqual(url.endsWith('/home') ? 40 : 12);
  }, 180_000); // some ninety requests: well over the default 30 s on a busy machine
});
