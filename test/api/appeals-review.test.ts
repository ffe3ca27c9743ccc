// 复核 before 申诉 (issue 12: "复核 first where the pack says so"). A市's pack from 2027 (3.0)
// requires it: an appeal straight to the panel is refused; the officer asks the office that decided
// to re-examine; someone there who took no part accepts and decides it — never heavier — with the
// 复核决定书 (and restoration when changed); the appeal that follows runs 15 days from the 复核
// decision and cannot be heavier than what the 复核 left.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/day-number.js';
import { documentText } from '../../src/documents/docx-text.testing.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';
import { servedCase as served } from '../helpers/served-case.js';

const START = '2027-01-05';
const paths = (r: { json(): { error: { fields: { path: string }[] } } }) =>
  r.json().error.fields.map((f) => f.path);

describe.each(drivers)('复核 first (复核前置) on %s', (driver) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let province: Client;
  let officer: Client;
  let ids: Record<string, string>;

  const step = async (
    c: Client,
    a: { id: string; version: number },
    action: string,
    body = {},
    expected = 200,
  ) => {
    const r = await c.post(`/api/v1/appeals/${a.id}/actions/${action}`, { version: a.version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    if (r.statusCode === 200) a.version = r.json().version;
    return r;
  };

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

  it('refuses an appeal without 复核; a 复核 is decided by the office, never heavier; the appeal then runs from it', async () => {
    const c = await served(t, { sup, inv, ids }, '复核前置测试', clock.today());
    const direct = await officer.post('/api/v1/appeals', {
      caseId: c.id,
      grounds: '处理决定认定事实不清，请求撤销。',
    });
    expect(direct.statusCode).toBe(400);
    expect(paths(direct)).toEqual(['stage']);
    expect(direct.json().error.message).toContain('复核前置');

    const filed = await officer.post('/api/v1/appeals', {
      caseId: c.id,
      stage: 'review',
      grounds: '重复罚款系系统重复录入所致，请求原处理机关复核。',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const original = filed.json().originalForm as string;
    expect(filed.json()).toMatchObject({ stage: 'review', state: 'filed', late: false });
    expect(filed.json().number).toMatch(/^A市复核〔2027〕\d+号$/);
    expect(filed.json().appealUntil).toBe(addDays(START, 30));
    const review = { id: filed.json().id as string, version: filed.json().version as number };
    // Not while the 复核 is pending; not twice.
    const early = await officer.post('/api/v1/appeals', {
      caseId: c.id,
      grounds: '复核期间提出的申诉理由。',
    });
    expect(paths(early)).toEqual(['stage']);
    const twice = await officer.post('/api/v1/appeals', {
      caseId: c.id,
      stage: 'review',
      grounds: '再次申请复核，理由同前。',
    });
    expect(paths(twice)).toEqual(['stage']);

    // Whoever decided the case stands aside; the panel's steps are not the 复核's.
    expect(paths(await step(sup, review, 'accept', { opinion: '同意受理' }, 400))).toEqual(['actor']);
    const accepted = await step(province, review, 'accept', { opinion: '符合受理条件。' });
    expect(accepted.json()).toMatchObject({ state: 'accepted', dueOn: addDays(START, 30) });
    expect(accepted.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['review_acceptance']);
    expect(paths(await step(province, review, 'draw', {}, 400))).toEqual(['stage']);
    expect(paths(await step(province, review, 'extend', { reason: '案情复杂需要延长' }, 400))).toEqual([
      'stage',
    ]);
    const heavier = await step(
      province,
      review,
      'decide_review',
      { outcome: 'changed', form: 'disqualification', reasons: '情节严重应当加重' },
      400,
    );
    expect(paths(heavier)).toEqual(['form']);

    clock.advance(10);
    try {
      const decided = await step(province, review, 'decide_review', {
        outcome: 'upheld',
        reasons: '事实清楚，处理适当，维持原处理决定。',
      });
      expect(decided.json()).toMatchObject({ state: 'decided', stage: 'review', outcome: 'upheld' });
      const doc = decided.json().documents.find((d: { kind: string }) => d.kind === 'review_decision');
      expect(doc).toMatchObject({ title: '复核决定书' });
      const text = await documentText(
        (await officer.get(`/api/v1/appeals/${review.id}/documents/${doc.id}`)).rawPayload,
      );
      expect(text).toContain('维持原处理决定');
      expect(text).toContain('15 日内');
      expect(text).toContain('救济委员会提出申诉');

      // The appeal to the panel follows it: 15 days from the 复核 decision, against what it left.
      const appeal = await officer.post('/api/v1/appeals', {
        caseId: c.id,
        grounds: '对复核决定不服，请求救济委员会撤销处理决定。',
      });
      expect(appeal.statusCode, appeal.body).toBe(201);
      expect(appeal.json()).toMatchObject({
        stage: 'appeal',
        late: false,
        originalForm: original,
        review: { id: review.id, decidedOn: addDays(START, 10) },
        appealUntil: addDays(START, 25),
      });
      expect(appeal.json().appealPeriod).toContain('复核决定作出后');
      const list = (await province.get(`/api/v1/appeals?caseId=${c.id}&stage=review`)).json();
      expect(list.items.map((i: { id: string }) => i.id)).toEqual([review.id]);
    } finally {
      clock.set(START);
    }
  });

  it('an appeal later than 15 days after the 复核 decision cannot be accepted; a changed 复核 relieves the record', async () => {
    const c = await served(t, { sup, inv, ids }, '复核变更测试', clock.today());
    const filed = await officer.post('/api/v1/appeals', {
      caseId: c.id,
      stage: 'review',
      grounds: '本人已及时报告并纠正，请求从轻处理。',
    });
    const review = { id: filed.json().id as string, version: filed.json().version as number };
    await step(province, review, 'accept', { opinion: '符合受理条件。' });
    const changed = await step(province, review, 'decide_review', {
      outcome: 'changed',
      form: 'admonition_talk',
      reasons: '本人主动报告并纠正，情节较轻。',
    });
    expect(changed.json().documents.map((d: { kind: string }) => d.kind)).toEqual([
      'review_acceptance',
      'review_decision',
      'restoration',
    ]);
    const person = await t.database.db
      .selectFrom('casePersons')
      .select('relief')
      .where('caseId', '=', c.id)
      .where('officerId', '=', 'O-0001')
      .executeTakeFirstOrThrow();
    expect(person.relief).toMatchObject({ outcome: 'changed', form: 'admonition_talk' });

    clock.advance(16);
    try {
      const late = await officer.post('/api/v1/appeals', {
        caseId: c.id,
        grounds: '对复核决定仍然不服，请求撤销。',
      });
      expect(late.statusCode, late.body).toBe(201);
      expect(late.json()).toMatchObject({ late: true, originalForm: 'admonition_talk' });
      const a = { id: late.json().id as string, version: late.json().version as number };
      const refused = await step(province, a, 'accept', { opinion: '受理' }, 400);
      expect(refused.json().error.message).toMatch(/超过申诉期限（复核决定作出后 15 日/);
    } finally {
      clock.set(START);
    }
  });
});
