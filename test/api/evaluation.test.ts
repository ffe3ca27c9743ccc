// 外部评议 over the API: the office sets up a campaign (the pack's form), issues one-time codes (only
// hashes stored); the public answer by code on the portal's API — once per code, never after the
// code expires or the campaign ends, 400 naming the item left out —; an evaluator answers signed in,
// once per agency; comments stay with the moderators until approved; the results per agency count
// the responses by audience and average each item; a media report becomes a lead of source "media".
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeCode } from '../../src/core/evaluation/code.js';
import { A_CITY_EVALUATION } from '../../src/core/rulebook/packs/a-city-evaluation.js';
import { codeHash } from '../../src/store/evaluation.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock, type TestClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const KEYS = A_CITY_EVALUATION.items.map((i) => i.key);
const all = (n: number) => Object.fromEntries(KEYS.map((k) => [k, n]));

describe.each(drivers)('external evaluation on %s', (driver) => {
  let t: TestApp;
  let clock: TestClock;
  let sfj: Client;
  let county: Client;
  let scjfz: Client;
  let pingjia: Client;
  let campaign: { id: string; version: number };
  let codes: string[];

  beforeAll(async () => {
    clock = fixedClock('2026-11-25');
    t = await createTestApp(driver, { clock });
    [sfj, county, scjfz, pingjia] = await Promise.all(
      ['sfj', 'jxsfj', 'scjfz', 'pingjia'].map((u) => t.login(u)),
    );
  });
  afterAll(async () => t?.close());

  const ok = async (p: Promise<LightMyRequestResponse>, code = 200) => {
    const r = await p;
    expect(r.statusCode, r.body).toBe(code);
    return r.json();
  };
  const publicGet = (code: string) =>
    t.app.inject({ method: 'GET', url: `/api/v1/public/evaluations/${code}` });
  const publicPost = (code: string, payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/public/evaluations/${code}`, payload });

  it('sets up a campaign with the pack’s form and issues codes of which only hashes are kept', async () => {
    campaign = await ok(
      sfj.post('/api/v1/evaluation-campaigns', {
        name: 'A市2026年度行政执法社会评议',
        agencyIds: ['529900-SCJ', '529921-ZHJ'],
        from: '2026-01-01',
        to: '2026-12-31',
        audiences: ['expert', 'monitor', 'public'],
      }),
      201,
    );
    expect(campaign).toMatchObject({ state: 'open', office: true, regionCode: '529900' });
    expect(
      (campaign as unknown as { form: { items: { key: string }[] } }).form.items.map((i) => i.key),
    ).toEqual(KEYS);
    // The county office cannot set one up for the city, nor see the city's.
    expect(
      (
        await county.post('/api/v1/evaluation-campaigns', {
          name: '越权',
          regionCode: '529900',
          agencyIds: ['529900-SCJ'],
          from: '2026-01-01',
          to: '2026-12-31',
          audiences: ['public'],
        })
      ).statusCode,
    ).toBe(403);
    expect((await county.get(`/api/v1/evaluation-campaigns/${campaign.id}`)).statusCode).toBe(404);

    const issued = await ok(
      sfj.post(`/api/v1/evaluation-campaigns/${campaign.id}/invitations`, {
        agencyId: '529900-SCJ',
        audience: 'public',
        count: 5,
      }),
      201,
    );
    codes = issued.items.map((i: { code: string }) => i.code);
    expect(codes).toHaveLength(5);
    expect(new Set(codes).size).toBe(5);
    expect(issued.expiresOn).toBe('2026-12-25'); // the form's 30 days
    expect(issued.items[0].path).toBe(`/public/evaluate?code=${codes[0]}`);
    const stored = await t.database.db.selectFrom('evaluationInvitations').select('codeHash').execute();
    expect(stored.map((s) => s.codeHash).sort()).toEqual(
      codes.map((c) => codeHash(normalizeCode(c)!)).sort(),
    );
    // The audit keeps the count, not the codes.
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('detail')
      .where('action', '=', 'evaluation.invite')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(audit.detail)).not.toContain(codes[0]!.slice(0, 4) + codes[0]!.slice(5, 9));
    // Codes for an agency or audience outside the campaign are refused, naming the field.
    const wrong = await sfj.post(`/api/v1/evaluation-campaigns/${campaign.id}/invitations`, {
      agencyId: '529900-GA',
      audience: 'public',
      count: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['agencyId']);
  });

  it('shows the form behind a code and takes one answer per code, in one transaction', async () => {
    const form = await ok(publicGet(codes[0]!.toLowerCase().replace(/-/g, ' ')));
    expect(form).toMatchObject({
      agency: expect.stringContaining('市场监'),
      audience: 'public',
      expiresOn: '2026-12-25',
    });
    expect(form.items).toHaveLength(KEYS.length);
    // Every item must be scored 1–5: the field is named.
    const missing = await publicPost(codes[0]!, {
      scores: { ...all(4), [KEYS[0]!]: undefined, [KEYS[1]!]: 6 },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      `scores.${KEYS[0]}`,
      `scores.${KEYS[1]}`,
    ]);
    // A rejected answer does not spend the code.
    expect((await publicGet(codes[0]!)).statusCode).toBe(200);
    const answered = await ok(
      publicPost(codes[0]!, { scores: all(2), comment: '执法人员态度生硬，某某科长吃拿卡要。' }),
      201,
    );
    expect(answered).toEqual({ moderation: 'pending' });
    const again = await publicPost(codes[0]!, { scores: all(5) });
    expect(again.statusCode).toBe(410);
    expect(again.json().error.fields[0]).toEqual({
      path: 'code',
      message: expect.stringMatching(/已经使用/),
    });
    expect((await publicGet(codes[0]!)).statusCode).toBe(410);
    // Two at once with the same code: one answer.
    const [x, y] = await Promise.all([
      publicPost(codes[1]!, { scores: all(5) }),
      publicPost(codes[1]!, { scores: all(4) }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 410]);
    const rows = await t.database.db
      .selectFrom('evaluationAnswers')
      .select(['invitationId', 'moderation'])
      .execute();
    expect(rows).toHaveLength(2);
    // A mistyped code, an unknown one: said so.
    const typo = codes[2]!.slice(0, -1) + (codes[2]!.endsWith('2') ? '3' : '2');
    expect((await publicGet(typo)).statusCode).toBe(400);
    expect((await publicGet('ABCD')).json().error.fields[0].path).toBe('code');
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['actorName', 'regionCode'])
      .where('action', '=', 'evaluation_answer.create')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit.every((a) => a.actorName === 'public' && a.regionCode === '529900')).toBe(true);
  });

  it('refuses an expired code and every code once the campaign is closed', async () => {
    clock.set('2026-12-26');
    const expired = await publicGet(codes[2]!);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.message).toMatch(/有效期/);
    expect((await publicPost(codes[2]!, { scores: all(3) })).statusCode).toBe(410);
    clock.set('2026-11-25');
    expect((await publicGet(codes[2]!)).statusCode).toBe(200);
  });

  it('an evaluator answers signed in, once per agency', async () => {
    const body = {
      agencyId: '529921-ZHJ',
      audience: 'expert',
      scores: all(4),
      comment: '案卷规范，说理充分。',
    };
    expect(
      await ok(pingjia.post(`/api/v1/evaluation-campaigns/${campaign.id}/answers`, body), 201),
    ).toMatchObject({
      moderation: 'pending',
    });
    expect((await pingjia.post(`/api/v1/evaluation-campaigns/${campaign.id}/answers`, body)).statusCode).toBe(
      409,
    );
    // The public cannot answer signed in; a legal office is no evaluator.
    const pub = await pingjia.post(`/api/v1/evaluation-campaigns/${campaign.id}/answers`, {
      ...body,
      audience: 'public',
    });
    expect(pub.statusCode).toBe(400);
    expect(
      (
        await scjfz.post(`/api/v1/evaluation-campaigns/${campaign.id}/answers`, {
          ...body,
          agencyId: '529900-SCJ',
        })
      ).statusCode,
    ).toBe(403);
  });

  it('keeps comments from everyone but the moderators until approved', async () => {
    // The agency reads its answers: no comment yet.
    const before = await ok(scjfz.get(`/api/v1/evaluation-campaigns/${campaign.id}/answers`));
    expect(before.items).toEqual([]);
    expect(
      (await scjfz.get(`/api/v1/evaluation-campaigns/${campaign.id}/answers?moderation=pending`)).statusCode,
    ).toBe(403);
    expect((await pingjia.get(`/api/v1/evaluation-campaigns/${campaign.id}/answers`)).statusCode).toBe(403);
    const queue = await ok(sfj.get(`/api/v1/evaluation-campaigns/${campaign.id}/answers?moderation=pending`));
    expect(queue.items).toHaveLength(2);
    const scj = queue.items.find((a: { agencyId: string }) => a.agencyId === '529900-SCJ');
    const zhj = queue.items.find((a: { agencyId: string }) => a.agencyId === '529921-ZHJ');
    expect(scj.comment).toMatch(/吃拿卡要/);
    // Rejecting needs a reason; the decision is kept with who and why.
    const noReason = await sfj.post(`/api/v1/evaluation-answers/${scj.id}/moderate`, {
      version: scj.version,
      decision: 'reject',
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.fields[0].path).toBe('reason');
    const rejected = await ok(
      sfj.post(`/api/v1/evaluation-answers/${scj.id}/moderate`, {
        version: scj.version,
        decision: 'reject',
        reason: '含有指向个人的未经核实的指控，转为线索核查',
      }),
    );
    expect(rejected).toMatchObject({ moderation: 'rejected', moderatedByName: expect.any(String) });
    expect(
      (
        await sfj.post(`/api/v1/evaluation-answers/${scj.id}/moderate`, {
          version: rejected.version,
          decision: 'approve',
        })
      ).statusCode,
    ).toBe(400);
    await ok(
      sfj.post(`/api/v1/evaluation-answers/${zhj.id}/moderate`, {
        version: zhj.version,
        decision: 'approve',
      }),
    );
    // The agency sees no rejected comment; its own answers only.
    expect((await ok(scjfz.get(`/api/v1/evaluation-campaigns/${campaign.id}/answers`))).items).toEqual([]);
    const jx = await t.login('jxzhfz');
    const approved = await ok(jx.get(`/api/v1/evaluation-campaigns/${campaign.id}/answers`));
    expect(approved.items.map((a: { comment: string }) => a.comment)).toEqual(['案卷规范，说理充分。']);
    expect(approved.items[0].moderatedByName).toBeNull();
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectType', '=', 'evaluation_answer')
      .where('action', '<>', 'evaluation_answer.create')
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual([
      'evaluation_answer.approve',
      'evaluation_answer.reject',
    ]);
  });

  it('gives the results per agency with response counts and item averages', async () => {
    const r = await ok(sfj.get(`/api/v1/evaluation-campaigns/${campaign.id}/results`));
    const scj = r.agencies.find((a: { agencyId: string }) => a.agencyId === '529900-SCJ');
    const zhj = r.agencies.find((a: { agencyId: string }) => a.agencyId === '529921-ZHJ');
    expect(scj).toMatchObject({ responses: 2, comments: { approved: 0, pending: 0, rejected: 1 } });
    // One public answer of 2s and one of 5s (or 4s: the race's winner).
    const racer = (
      await t.database.db
        .selectFrom('evaluationAnswers')
        .select('mean')
        .where('mean', '>', 3)
        .executeTakeFirstOrThrow()
    ).mean;
    expect(scj.mean).toBeCloseTo((2 + racer) / 2, 2);
    expect(scj.byAudience).toEqual([
      { audience: 'expert', responses: 0, mean: null },
      { audience: 'monitor', responses: 0, mean: null },
      { audience: 'public', responses: 2, mean: expect.any(Number) },
    ]);
    expect(scj.items.every((i: { responses: number }) => i.responses === 2)).toBe(true);
    expect(zhj).toMatchObject({ responses: 1, mean: 4, score100: 75 });
    expect(zhj.items.map((i: { mean: number }) => i.mean)).toEqual(KEYS.map(() => 4));
    expect(r.invitations).toEqual([
      { agencyId: '529900-SCJ', audience: 'public', issued: 5, used: 2, expired: 0 },
    ]);
    // The legal office reads its own agency's results only.
    const own = await ok(scjfz.get(`/api/v1/evaluation-campaigns/${campaign.id}/results`));
    expect(own.agencies.map((a: { agencyId: string }) => a.agencyId)).toEqual(['529900-SCJ']);
    expect(own.agencies[0].comments).toEqual({ approved: 0, pending: 0, rejected: 0 });
  });

  it('closes, after which no code is answered', async () => {
    const c = await ok(sfj.get(`/api/v1/evaluation-campaigns/${campaign.id}`));
    await ok(sfj.post(`/api/v1/evaluation-campaigns/${campaign.id}/close`, { version: c.version }));
    const closed = await publicGet(codes[3]!);
    expect(closed.statusCode).toBe(410);
    expect(closed.json().error.message).toMatch(/结束/);
  });

  it('enters a media report as a lead of source media', async () => {
    const r = await ok(
      sfj.post('/api/v1/leads/media', {
        agencyId: '529900-SCJ',
        outlet: 'A市日报',
        publishedOn: '2026-11-20',
        title: '市场监管执法人员检查时未出示证件',
        url: 'https://news.example.cn/a/1',
        summary: '报道称市场监管局执法人员在检查某超市时未出示执法证件，且现场笔录无当事人签名。',
      }),
      201,
    );
    const lead = await ok(sfj.get(`/api/v1/leads/${r.id}`));
    expect(lead).toMatchObject({
      source: 'media',
      agencyId: '529900-SCJ',
      occurredOn: '2026-11-20',
      status: 'new',
    });
    expect(lead.detail).toContain('https://news.example.cn/a/1');
    const future = await sfj.post('/api/v1/leads/media', {
      agencyId: '529900-SCJ',
      outlet: 'A市日报',
      publishedOn: '2027-01-01',
      title: '未来的报道',
      summary: '这是一篇尚未发表的报道的概要内容。',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields[0].path).toBe('publishedOn');
    // The county office enters no report about a city agency.
    const foreign = await county.post('/api/v1/leads/media', {
      agencyId: '529900-SCJ',
      outlet: 'A市日报',
      publishedOn: '2026-11-20',
      title: '越权登记',
      summary: '县司法局登记市级机关的媒体报道线索。',
    });
    expect(foreign.statusCode).toBe(403);
  });
});
