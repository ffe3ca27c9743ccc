// 岗位 over the API (issue 13): an agency's posts (the demo's and new ones), their changes under a
// version, holders assigned and relieved with dates (no overlapping holding, the officer of the
// post's agency), each write with its audit entry and nothing written on a refusal; jurisdiction
// against the stored agency and post; an officer's duties (posts held on a day → stages → the items
// of the agency's list in force); and the attribution a case's findings start from.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../src/core/detect/testing.js';
import { importActs } from '../../src/store/acts-import.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('posts over the API on %s', (driver) => {
  let t: TestApp;
  let city: Client;
  let county: Client;
  let legal: Client;
  let panel: Client;
  let officer: Client;
  let wfjs: string; // 职权编码 of 违法建设查处 in 市综合执法局's list
  let zhj: { id: string; name: string }[];
  let postId: string;
  let caseId: string;

  const audits = async (action: string) =>
    Number(
      (
        await t.database.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('action', '=', action)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const fields = (res: { json(): { error: { fields?: { path: string }[] } } }) =>
    (res.json().error.fields ?? []).map((f) => f.path);

  beforeAll(async () => {
    t = await createTestApp(driver);
    [city, county, legal, panel, officer] = await Promise.all(
      ['sfj', 'jxsfj', 'scjfz', 'pingjia', 'officer'].map((u) => t.login(u)),
    );
    const db = t.database.db;
    wfjs = (
      await db
        .selectFrom('dutyItems')
        .select('code')
        .where('agencyId', '=', '529900-ZHJ')
        .where('name', '=', '违法建设查处')
        .executeTakeFirstOrThrow()
    ).code;
    zhj = await db
      .selectFrom('officers')
      .select(['id', 'name'])
      .where('agencyId', '=', '529900-ZHJ')
      .orderBy('id')
      .execute();
  });
  afterAll(async () => t?.close());

  it('lists the demo agency’s posts with their stages, codes and who holds them on the day', async () => {
    const res = await city.get('/api/v1/posts?agencyId=529900-ZHJ&on=2026-01-01');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ agencyId: '529900-ZHJ', agencyName: 'A市综合行政执法局', on: '2026-01-01' });
    expect(body.permissions.create).toBe(true);
    const names = body.items.map((p: { name: string }) => p.name);
    expect(names).toEqual(
      expect.arrayContaining(['受理立案岗', '法制审核岗', '审批决定岗', '违法建设查处专班']),
    );
    const special = body.items.find((p: { name: string }) => p.name === '违法建设查处专班');
    expect(special).toMatchObject({ stages: ['investigation', 'service'], codes: [wfjs] });
    expect(special.holders.some((h: { current: boolean }) => h.current)).toBe(true);
    // The 审批决定岗 changed hands on 2025-01-01: one holder current, one not.
    const decide = body.items.find((p: { name: string }) => p.name === '审批决定岗');
    expect(decide.holders.map((h: { current: boolean }) => h.current).sort()).toEqual([false, true]);
  });

  it('creates a post with its audit entry; bad input is 400 naming the field, nothing written', async () => {
    const before = await audits('post.create');
    const bad = await city.post('/api/v1/posts', { agencyId: '529900-ZHJ', name: '', stages: ['serve'] });
    expect(bad.statusCode).toBe(400);
    expect(fields(bad)).toEqual(expect.arrayContaining(['name', 'stages[0]']));
    const none = await city.post('/api/v1/posts', { agencyId: '529900-ZHJ', name: '送达岗', stages: [] });
    expect(fields(none)).toContain('stages');
    const unknown = await city.post('/api/v1/posts', {
      agencyId: '529900-ZHJ',
      name: '送达岗',
      stages: ['service'],
      codes: [wfjs, 'XX-9999'],
    });
    expect(unknown.statusCode, unknown.body).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { path: 'codes[1]', message: expect.stringContaining('XX-9999') },
    ]);
    const taken = await city.post('/api/v1/posts', {
      agencyId: '529900-ZHJ',
      name: '法制审核岗',
      stages: ['review'],
    });
    expect(fields(taken)).toEqual(['name']);
    expect(await audits('post.create')).toBe(before);

    const res = await city.post('/api/v1/posts', {
      agencyId: '529900-ZHJ',
      name: '违法建设送达岗',
      stages: ['service', 'filing', 'service'],
      codes: [wfjs],
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      agencyId: '529900-ZHJ',
      regionCode: '529900',
      stages: ['filing', 'service'],
      codes: [wfjs],
      version: 1,
      holders: [],
      permissions: { update: true },
    });
    postId = res.json().id;
    expect(await audits('post.create')).toBe(before + 1);
  });

  it('checks jurisdiction against the stored agency and post', async () => {
    // Another region's agency: not even readable.
    expect((await county.get('/api/v1/posts?agencyId=529900-ZHJ')).statusCode).toBe(404);
    expect(
      (await county.post('/api/v1/posts', { agencyId: '529900-ZHJ', name: 'x', stages: ['review'] }))
        .statusCode,
    ).toBe(404);
    expect((await county.patch(`/api/v1/posts/${postId}`, { version: 1, name: 'x' })).statusCode).toBe(404);
    // Another agency's legal office: neither.
    expect((await legal.get('/api/v1/posts?agencyId=529900-ZHJ')).statusCode).toBe(404);
    expect(
      (await legal.post(`/api/v1/posts/${postId}/holders`, { officerId: zhj[0].id, from: '2026-01-01' }))
        .statusCode,
    ).toBe(404);
    // Its own agency: yes.
    const own = await legal.post('/api/v1/posts', {
      agencyId: '529900-SCJ',
      name: '投诉举报处理岗',
      stages: ['filing'],
    });
    expect(own.statusCode, own.body).toBe(201);
    // A reader of the list reads, and may not keep.
    const read = await panel.get('/api/v1/posts?agencyId=529900-ZHJ');
    expect(read.statusCode).toBe(200);
    expect(read.json().permissions.create).toBe(false);
    expect(read.json().items.every((p: { permissions: { update: boolean } }) => !p.permissions.update)).toBe(
      true,
    );
    expect(
      (await panel.post('/api/v1/posts', { agencyId: '529900-ZHJ', name: 'x', stages: ['review'] }))
        .statusCode,
    ).toBe(403);
    expect((await panel.patch(`/api/v1/posts/${postId}`, { version: 1, name: 'x' })).statusCode).toBe(403);
    expect((await officer.get('/api/v1/posts?agencyId=529900-SCJ')).statusCode).toBe(404);
  });

  it('changes a post under its version (409 when stale)', async () => {
    const res = await city.patch(`/api/v1/posts/${postId}`, { version: 1, stages: ['service'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ stages: ['service'], version: 2 });
    expect((await city.patch(`/api/v1/posts/${postId}`, { version: 1, name: '别名' })).statusCode).toBe(409);
    expect(fields(await city.patch(`/api/v1/posts/${postId}`, { name: '审批决定岗' }))).toContain('version');
    expect(await audits('post.update')).toBe(1);
  });

  it('assigns holders with dates, refuses overlaps and other agencies’ officers, relieves them', async () => {
    const before = await audits('post.assign');
    const res = await city.post(`/api/v1/posts/${postId}/holders`, {
      officerId: zhj[0].id,
      from: '2026-01-01',
    });
    expect(res.statusCode, res.body).toBe(201);
    const holder = res.json().holders[0];
    expect(holder).toMatchObject({
      officerId: zhj[0].id,
      officerName: zhj[0].name,
      from: '2026-01-01',
      to: null,
    });
    expect(res.json().version).toBe(3);
    expect(await audits('post.assign')).toBe(before + 1);

    const overlap = await city.post(`/api/v1/posts/${postId}/holders`, {
      officerId: zhj[0].id,
      from: '2025-06-01',
      to: '2026-01-01',
    });
    expect(overlap.statusCode).toBe(400);
    expect(fields(overlap)).toEqual(['from']);
    const elsewhere = await city.post(`/api/v1/posts/${postId}/holders`, {
      officerId: 'O-0001',
      from: '2026-01-01',
    });
    expect(fields(elsewhere)).toEqual(['officerId']);
    const backwards = await city.post(`/api/v1/posts/${postId}/holders`, {
      officerId: zhj[1].id,
      from: '2026-01-01',
      to: '2025-01-01',
    });
    expect(fields(backwards)).toEqual(['to']);
    expect(await audits('post.assign')).toBe(before + 1);

    // An earlier spell of the same officer that ends before the current one: fine.
    const earlier = await city.post(`/api/v1/posts/${postId}/holders`, {
      officerId: zhj[0].id,
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(earlier.statusCode, earlier.body).toBe(201);
    const earlierId = earlier.json().holders.find((h: { from: string }) => h.from === '2024-01-01').id;
    // Reopening it would overlap the current spell.
    const reopen = await city.patch(`/api/v1/posts/${postId}/holders/${earlierId}`, { to: null });
    expect(fields(reopen)).toEqual(['to']);

    const relieve = await city.patch(`/api/v1/posts/${postId}/holders/${holder.id}`, { to: '2026-03-31' });
    expect(relieve.statusCode, relieve.body).toBe(200);
    expect(await audits('post.unassign')).toBe(1);
    expect(
      fields(await city.patch(`/api/v1/posts/${postId}/holders/${holder.id}`, { to: '2025-12-31' })),
    ).toEqual(['to']);
    expect(
      (await city.patch(`/api/v1/posts/${postId}/holders/999999`, { to: '2026-03-31' })).statusCode,
    ).toBe(404);
    const onDay = async (on: string) =>
      (await city.get(`/api/v1/posts?agencyId=529900-ZHJ&on=${on}`))
        .json()
        .items.find((p: { id: string }) => p.id === postId)
        .holders.filter((h: { current: boolean }) => h.current)
        .map((h: { officerId: string }) => h.officerId);
    expect(await onDay('2026-03-31')).toEqual([zhj[0].id]);
    expect(await onDay('2026-04-01')).toEqual([]);
    expect(await onDay('2024-06-01')).toEqual([zhj[0].id]);
  });

  it('an officer’s duties: the posts held on the day, their stages, the items of the list in force', async () => {
    const res = await city.get(`/api/v1/officers/${zhj[0].id}/duties?on=2026-02-01`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.held.find((h: { postId: string }) => h.postId === postId)).toMatchObject({
      postName: '违法建设送达岗',
      current: true,
    });
    const mine = body.duties.find((d: { postId: string }) => d.postId === postId);
    expect(mine.stages).toEqual(['service']);
    expect(mine.items).toEqual([
      expect.objectContaining({
        code: wfjs,
        name: '违法建设查处',
        duties: [expect.stringMatching(/^送达责任/)],
      }),
    ]);
    const later = (await city.get(`/api/v1/officers/${zhj[0].id}/duties?on=2026-05-01`)).json();
    expect(later.duties.some((d: { postId: string }) => d.postId === postId)).toBe(false);
    expect(later.held.find((h: { postId: string }) => h.postId === postId).current).toBe(false);
    // An officer reads their own, nobody else’s.
    expect((await officer.get('/api/v1/officers/O-0001/duties')).statusCode).toBe(200);
    expect((await officer.get(`/api/v1/officers/${zhj[0].id}/duties`)).statusCode).toBe(404);
    expect((await county.get(`/api/v1/officers/${zhj[0].id}/duties`)).statusCode).toBe(404);
    expect(fields(await city.get(`/api/v1/officers/${zhj[0].id}/duties?on=2026-02-30`))).toEqual(['on']);
  });

  describe('attribution of a case', () => {
    beforeAll(async () => {
      const db = t.database.db;
      const a = act('penalty', {
        id: 'PA-2026-0000001',
        agency: '529900-ZHJ',
        matter: '违法建设查处',
        officers: [{ id: zhj[2].id, certificate: '52990000201', validUntil: '2028-12-31' }],
        chain: { handler: zhj[2].id, reviewer: null, approver: null },
        incidentDate: '2026-01-20',
        dates: { filed: '2026-01-25', decided: '2026-02-10' },
      });
      await importActs(t.database, { batches: [[{ line: 1, value: a }]] }, { detect: false });
      const lead = await db
        .insertInto('leads')
        .values({
          regionCode: '529900',
          source: 'detection',
          agencyId: '529900-ZHJ',
          officerId: zhj[2].id,
          subject: '超期作出处罚决定（PA-2026-0000001）',
          narrative: '超过法定期限作出处罚决定。',
          occurredOn: '2026-02-10',
          complaintId: null,
          findingKey: 'PA-2026-0000001|penalty-overdue',
          actId: a.id,
          rule: 'penalty-overdue',
          faultCode: 'penalty.12',
          basis: '《中华人民共和国行政处罚法》第六十条',
          detail: '超期',
          mergedInto: null,
          caseId: null,
          dismissReason: null,
          createdBy: null,
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow();
      const opened = await city.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version });
      expect(opened.statusCode, opened.body).toBe(201);
      caseId = opened.json().caseId;
    });

    it('proposes who held the post of the stage where the lead’s fault arose, on the act’s day', async () => {
      const res = await city.get(`/api/v1/cases/${caseId}/attribution`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({
        agency: { id: '529900-ZHJ', name: 'A市综合行政执法局' },
        on: '2026-02-10',
        actId: 'PA-2026-0000001',
        matter: '违法建设查处',
        item: { code: wfjs, name: '违法建设查处', role: 'lead' },
      });
      // penalty.12 has no stage of its own; penalty-overdue says the decision's.
      expect(body.faults).toHaveLength(1);
      expect(body.faults[0]).toMatchObject({
        code: 'penalty.12',
        stage: 'decision',
        source: 'rule',
        role: 'approver',
        duties: [expect.stringMatching(/^决定责任/)],
        gap: null,
      });
      expect(body.faults[0].posts.map((p: { name: string }) => p.name)).toEqual(['审批决定岗']);
      const decide = (await city.get('/api/v1/posts?agencyId=529900-ZHJ&on=2026-02-10'))
        .json()
        .items.find((p: { name: string }) => p.name === '审批决定岗');
      const holder = decide.holders.find((h: { current: boolean }) => h.current);
      expect(body.people).toEqual([
        {
          officerId: holder.officerId,
          name: holder.officerName,
          role: 'approver',
          faults: ['penalty.12'],
          posts: ['审批决定岗'],
        },
      ]);
    });

    it('takes the form’s faults, stages and day; a post of the matter’s code before the general one', async () => {
      const res = await city.get(
        `/api/v1/cases/${caseId}/attribution?faults=penalty.12:service,other.01,penalty.09&on=2026-02-10`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const [service, other, notice] = res.json().faults;
      expect(service).toMatchObject({ stage: 'service', source: 'given', role: 'handler' });
      // Both posts of 违法建设查处's code answer for its service; the general 告知送达岗 does not.
      expect(service.posts.map((p: { name: string }) => p.name).sort()).toEqual([
        '违法建设查处专班',
        '违法建设送达岗',
      ]);
      expect(service.posts.find((p: { name: string }) => p.name === '违法建设送达岗').holders).toEqual([
        { officerId: zhj[0].id, name: zhj[0].name },
      ]);
      expect(other).toMatchObject({ code: 'other.01', stage: null, gap: 'no_stage', posts: [] });
      expect(notice).toMatchObject({ stage: 'notification', source: 'catalogue' });
      expect(notice.posts.map((p: { name: string }) => p.name)).toEqual(['告知送达岗']);
      // After the holder was relieved, the 送达 post has nobody in it that day.
      const later = (
        await city.get(`/api/v1/cases/${caseId}/attribution?faults=penalty.12:service&on=2026-05-01`)
      ).json();
      expect(
        later.faults[0].posts.find((p: { name: string }) => p.name === '违法建设送达岗').holders,
      ).toEqual([]);
    });

    it('is 400 naming faults or on for bad input, 404 outside the case', async () => {
      for (const q of ['faults=penalty.12:serve', 'faults=PENALTY', 'on=2026-13-01']) {
        const res = await city.get(`/api/v1/cases/${caseId}/attribution?${q}`);
        expect(res.statusCode, q).toBe(400);
        expect(fields(res)[0]).toBe(q.split('=')[0]);
      }
      expect((await county.get(`/api/v1/cases/${caseId}/attribution`)).statusCode).toBe(404);
      expect((await legal.get(`/api/v1/cases/${caseId}/attribution`)).statusCode).toBe(404);
    });
  });
});
