// 问责处理结果公开 and its withdrawal (issues 15 and 12): A市 publishes 通报批评 decisions. When a
// decision giving 戴峰 (O-0001) 通报批评 is served, the result goes on the portal in masked summary
// (戴某, never the full name) in the step's transaction; a form the pack does not publish (黄俊明's
// recommended one) does not. When the office's 复核 changes the sanction, the published result is
// withdrawn at once, with the reason, and leaves the portal.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { duplicateFineFacts } from '../helpers/case-facts.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';
import { servedCase } from '../helpers/served-case.js';

const TODAY = '2026-11-16';

describe.each(drivers)('accountability results on the portal, on %s', (driver) => {
  const clock = fixedClock(TODAY);
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let province: Client;
  let officer: Client;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    province = await t.login('gzsfj');
    officer = await t.login('officer');
    const users = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  });
  afterAll(async () => t?.close());

  const publicationsOf = (caseId: string) =>
    t.database.db
      .selectFrom('publications')
      .selectAll()
      .where('sourceKind', '=', 'case')
      .where('sourceId', 'like', `${caseId}/%`)
      .execute();
  const portal = async () =>
    (await t.app.inject({ method: 'GET', url: '/api/v1/public/decisions?category=accountability' })).body;

  it('publishes a served 通报批评 masked, and withdraws it when the 复核 changes it', async () => {
    // Large harm: 通报批评 is within the determination's range for the handler.
    const facts = { ...duplicateFineFacts, severity: { nature: 'ordinary', harm: 'large', impact: 'small' } };
    const c = await servedCase(t, { sup, inv, ids }, '通报批评公开测试', TODAY, facts, {
      'O-0001': 'circulated_criticism',
    });
    const [pub, ...others] = await publicationsOf(c.id);
    expect(others).toEqual([]);
    expect(pub).toMatchObject({
      sourceId: `${c.id}/O-0001`,
      category: 'accountability',
      state: 'published',
      publishedOn: TODAY,
      partyType: 'person',
    });
    expect(pub?.fields).toMatchObject({ category: '通报批评', result: '通报批评', party: { name: '戴某' } });
    expect(JSON.stringify(pub?.fields)).not.toContain('戴峰');
    const listed = await portal();
    expect(listed).toContain('戴某');
    expect(listed).not.toContain('戴峰');

    const filed = await officer.post('/api/v1/appeals', {
      caseId: c.id,
      stage: 'review',
      grounds: '本人已及时报告并纠正，请求从轻处理。',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    let version = filed.json().version as number;
    const step = async (action: string, body: object) => {
      const r = await province.post(`/api/v1/appeals/${filed.json().id}/actions/${action}`, {
        version,
        ...body,
      });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      version = r.json().version;
    };
    await step('accept', { opinion: '符合受理条件。' });
    await step('decide_review', {
      outcome: 'changed',
      form: 'admonition_talk',
      reasons: '情节较轻，改为诫勉谈话。',
    });
    const [withdrawn] = await publicationsOf(c.id);
    expect(withdrawn).toMatchObject({ state: 'withdrawn', withdrawnOn: TODAY });
    expect(withdrawn?.withdrawnReason).toMatch(/^经复核（A市复核〔2026〕\d+号），原处理决定已变更/);
    expect(await portal()).not.toContain('戴某');
  });
});
