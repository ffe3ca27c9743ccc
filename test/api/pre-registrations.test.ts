// 事前备案 over HTTP on the real database: an agency's legal office and an officer register
// exploratory measures (numbered per region and year), the supervision office of the region
// accepts (issuing 《报备容错受理决定书》, stored with its SHA-256) or returns them with reasons, the
// registrant amends and resubmits or withdraws; the register is scoped by jurisdiction; every write
// has its audit entry; stale versions get 409, bad input 400 naming the field, nothing half-written.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentText } from '../../src/documents/docx-text.testing.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const MEASURE = {
  title: '轻微违法首次不罚的容缺告知',
  measure: '对首次轻微违法的经营者当场告知整改要求，十日内复查，不予罚款。',
  reason: '减少对小微经营者的干扰，鼓励主动整改。',
  legalGap: '本市裁量基准未规定“首次轻微”的认定标准。',
  risks: '认定尺度不一，可能引发不公平质疑。',
  safeguards: '统一告知文书，复查结果报法制科备案。',
  plannedFrom: '2026-12-10',
};

interface Registration {
  id: string;
  number: string;
  state: string;
  version: number;
  officerId: string | null;
  submittedOn: string;
  review: { dueOn: string; status: string; source: string; startOn: string };
  documents: { id: number; kind: string; sha256: string; filename: string }[];
  availability: { action: string; available: boolean; reasons: { path: string; message: string }[] }[];
  decision: { kind: string; text: string; organName: string } | null;
  title: string;
}

const seqOf = (number: string) => Number(/〔\d{4}〕(\d+)号$/.exec(number)?.[1]);

describe.each(drivers)('事前备案 on %s', (driver) => {
  let t: TestApp;
  const clock = fixedClock('2026-12-04'); // a Friday
  let legal: Client;
  let officer: Client;
  let city: Client;
  let county: Client;

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    legal = await t.login('scjfz');
    officer = await t.login('officer');
    city = await t.login('sfj');
    county = await t.login('jxsfj');
  });
  afterAll(async () => t?.close());

  const register = async (c: Client, body: object = {}) => {
    const res = await c.post('/api/v1/pre-registrations', { ...MEASURE, ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as Registration;
  };
  const act = (c: Client, r: Pick<Registration, 'id' | 'version'>, action: string, body: object = {}) =>
    c.post(`/api/v1/pre-registrations/${r.id}/actions/${action}`, { version: r.version, ...body });

  it('the legal office registers: numbered, awaiting review, due the next working day under the policy', async () => {
    clock.set('2026-12-04');
    const r = await register(legal);
    expect(r.number).toMatch(/^A市报备〔2026〕\d+号$/);
    expect(r).toMatchObject({ state: 'submitted', officerId: null, submittedOn: '2026-12-04' });
    // Friday → Monday: one working day (A市 policy, 第十条).
    expect(r.review).toMatchObject({ startOn: '2026-12-04', dueOn: '2026-12-07', status: 'near' });
    expect(r.review.source).toContain('《A市行政执法容错纠错实施办法（示例）》第十条');
    expect(r.review.source).toContain('1 个工作日');
    // The registrant may withdraw; the office's actions are not theirs.
    expect(r.availability.map((a) => a.action)).toEqual(['withdraw', 'resubmit']);
    const next = await register(legal, { title: '第二项探索性措施' });
    expect(seqOf(next.number)).toBe(seqOf(r.number) + 1);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'actorName', 'detail'])
      .where('objectId', '=', r.id)
      .execute();
    expect(audit).toMatchObject([
      { action: 'pre_registration.create', actorName: 'scjfz', detail: { number: r.number } },
    ]);
  });

  it('a registration of a county agency is numbered in the county', async () => {
    clock.set('2026-12-04');
    const r = await register(await t.login('jxzhfz'));
    expect(r.number).toMatch(/^甲县报备〔2026〕\d+号$/);
  });

  it('refuses bad input with 400 naming the fields, and writes nothing', async () => {
    clock.set('2026-12-04');
    const before = await t.database.db.selectFrom('preRegistrations').select('id').execute();
    const missing = await legal.post('/api/v1/pre-registrations', { title: '', plannedFrom: '2026-02-30' });
    expect(missing.statusCode).toBe(400);
    const paths = missing.json().error.fields.map((f: { path: string }) => f.path);
    for (const p of ['title', 'measure', 'reason', 'legalGap', 'risks', 'safeguards', 'plannedFrom'])
      expect(paths).toContain(p);
    // 事前: the measure may not have begun before the registration.
    const late = await legal.post('/api/v1/pre-registrations', { ...MEASURE, plannedFrom: '2026-12-03' });
    expect(late.statusCode).toBe(400);
    expect(late.json().error.fields).toEqual([
      { path: 'plannedFrom', message: expect.stringContaining('不能早于报备日') },
    ]);
    const foreignOfficer = await legal.post('/api/v1/pre-registrations', { ...MEASURE, officerId: 'O-9999' });
    expect(foreignOfficer.statusCode).toBe(400);
    expect(foreignOfficer.json().error.fields[0].path).toBe('officerId');
    expect(await t.database.db.selectFrom('preRegistrations').select('id').execute()).toHaveLength(
      before.length,
    );
  });

  it('before the city’s policy came into force there is nothing to register against (400 naming agencyId)', async () => {
    clock.set('2025-06-02');
    const res = await legal.post('/api/v1/pre-registrations', { ...MEASURE, plannedFrom: '2025-06-10' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.fields.map((f: { path: string }) => f.path)).toEqual(['agencyId']);
    clock.set('2026-12-04');
  });

  it('only the legal office (for its agency) and officers (for themselves) register', async () => {
    clock.set('2026-12-04');
    expect((await city.post('/api/v1/pre-registrations', MEASURE)).statusCode).toBe(403);
    expect((await (await t.login('admin')).post('/api/v1/pre-registrations', MEASURE)).statusCode).toBe(403);
    const other = await legal.post('/api/v1/pre-registrations', { ...MEASURE, agencyId: '529921-ZHJ' });
    expect(other.statusCode).toBe(403);
    const own = await register(officer);
    expect(own.officerId).toBe('O-0001');
    const forOther = await officer.post('/api/v1/pre-registrations', { ...MEASURE, officerId: 'O-0002' });
    expect(forOther.statusCode).toBe(400);
    expect(forOther.json().error.fields[0].path).toBe('officerId');
  });

  it('scopes the register: the region’s office, the agency, the officer’s own; others see nothing', async () => {
    clock.set('2026-12-04');
    const mine = await register(officer, { title: '执法人员本人的报备' });
    const byAgency = await register(legal, { title: '单位报备' });
    const list = async (c: Client, q = '') => {
      const res = await c.get(`/api/v1/pre-registrations?pageSize=500${q}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { items: Registration[]; total: number };
    };
    const cityIds = (await list(city)).items.map((x) => x.id);
    expect(cityIds).toEqual(expect.arrayContaining([mine.id, byAgency.id]));
    const officerItems = (await list(officer)).items;
    expect(officerItems.map((x) => x.id)).toContain(mine.id);
    expect(officerItems.map((x) => x.id)).not.toContain(byAgency.id);
    expect(officerItems.every((x) => x.officerId === 'O-0001')).toBe(true);
    expect((await list(legal)).items.map((x) => x.id)).toEqual(
      expect.arrayContaining([mine.id, byAgency.id]),
    );
    expect((await list(county)).items.map((x) => x.id)).not.toContain(byAgency.id);
    expect((await county.get(`/api/v1/pre-registrations/${byAgency.id}`)).statusCode).toBe(404);
    expect((await (await t.login('panel')).get('/api/v1/pre-registrations')).statusCode).toBe(403);
    // Filters: state, agency, search by number or title; paging.
    const found = await list(city, `&q=${encodeURIComponent(byAgency.number)}`);
    expect(found.items.map((x) => x.id)).toEqual([byAgency.id]);
    const paged = await city.get(
      '/api/v1/pre-registrations?pageSize=1&page=2&state=submitted&agencyId=529900-SCJ',
    );
    expect(paged.json()).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.json().items).toHaveLength(1);
    expect(paged.json().total).toBeGreaterThanOrEqual(2);
  });

  it('the office accepts with an opinion: 受理决定书 issued with its SHA-256; stale versions get 409', async () => {
    clock.set('2026-12-04');
    const r = await register(legal, { title: '受理测试措施' });
    const read = (await city.get(`/api/v1/pre-registrations/${r.id}`)).json() as Registration;
    expect(read.availability.map((a) => [a.action, a.available])).toEqual([
      ['accept', true],
      ['return', true],
    ]);
    // The registrant may not accept; the office may not withdraw.
    expect((await act(legal, r, 'accept', { opinion: '同意' })).statusCode).toBe(403);
    expect((await act(city, r, 'withdraw')).statusCode).toBe(403);
    const short = await act(city, r, 'accept', { opinion: '好' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields).toEqual([{ path: 'opinion', message: '请写明初审意见（至少 2 字）' }]);
    clock.set('2026-12-07');
    const opinion = '措施具体，风险防范措施可行，同意受理。';
    const accepted = await act(city, r, 'accept', { opinion });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const a = accepted.json() as Registration;
    expect(a).toMatchObject({
      state: 'accepted',
      version: r.version + 1,
      decision: { kind: 'accept', text: opinion, organName: 'A市司法局' },
    });
    expect(a.review.status).toBe('done');
    expect(a.documents.map((d) => d.kind)).toEqual(['acceptance_decision']);
    // The same version again: someone else changed it first.
    expect((await act(city, r, 'return', { reasons: '理由不充分' })).statusCode).toBe(409);
    // Accepted: nothing more to do, and the reasons say why.
    expect(a.availability).toEqual([
      expect.objectContaining({ action: 'accept', available: false, blocked: 'state' }),
      expect.objectContaining({ action: 'return', available: false, blocked: 'state' }),
    ]);

    const doc = a.documents[0];
    const dl = await legal.get(`/api/v1/pre-registrations/${r.id}/documents/${doc.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('wordprocessingml');
    expect(dl.headers['content-disposition']).toContain('attachment');
    const bytes = dl.rawPayload;
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(doc.sha256);
    expect(dl.headers['x-content-sha256']).toBe(doc.sha256);
    const text = await documentText(bytes);
    expect(text).toContain('报备容错受理决定书');
    expect(text).toContain(r.number);
    expect(text).toContain(MEASURE.measure);
    expect(text).toContain(opinion);
    expect(text).toContain('2026年12月7日');
    // Outside the jurisdiction the document does not exist.
    expect((await county.get(`/api/v1/pre-registrations/${r.id}/documents/${doc.id}`)).statusCode).toBe(404);
    expect((await legal.get(`/api/v1/pre-registrations/${r.id}/documents/999999`)).statusCode).toBe(404);

    const history = (await city.get(`/api/v1/pre-registrations/${r.id}/history`)).json().items;
    expect(history.map((h: { action: string }) => h.action)).toEqual([
      'pre_registration.accept',
      'pre_registration.create',
    ]);
    expect(history[0].detail).toEqual({ opinion, from: 'submitted', to: 'accepted' });
  });

  it('returned with reasons, amended and resubmitted (the period starts again), then withdrawn', async () => {
    clock.set('2026-12-04');
    const r = await register(officer, { title: '退回测试措施' });
    const tooShort = await act(city, r, 'return', { reasons: '不行' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.fields[0].path).toBe('reasons');
    const returned = await act(city, r, 'return', { reasons: '防范措施不具体，请补充复查办法。' });
    expect(returned.statusCode, returned.body).toBe(200);
    const ret = returned.json() as Registration;
    expect(ret).toMatchObject({ state: 'returned', decision: { kind: 'return' } });
    expect(ret.documents.map((d) => d.kind)).toEqual(['return_notice']);
    const notice = await documentText(
      (await officer.get(`/api/v1/pre-registrations/${r.id}/documents/${ret.documents[0].id}`)).rawPayload,
    );
    expect(notice).toContain('防范措施不具体，请补充复查办法。');
    expect(notice).toContain('同志：');

    // The officer amends it on Tuesday: a new review period from then.
    clock.set('2026-12-08');
    const bad = await act(officer, ret, 'resubmit', { ...MEASURE, plannedFrom: '2026-12-07' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('plannedFrom');
    const again = await act(officer, ret, 'resubmit', {
      ...MEASURE,
      title: '退回测试措施（修改）',
      safeguards: '十日内复查，复查结果报法制科，不合格的依法处罚。',
      note: '补充了复查办法',
    });
    expect(again.statusCode, again.body).toBe(200);
    const sub = again.json() as Registration;
    expect(sub).toMatchObject({
      state: 'submitted',
      number: r.number,
      submittedOn: '2026-12-08',
      title: '退回测试措施（修改）',
      decision: null,
    });
    expect(sub.review).toMatchObject({ startOn: '2026-12-08', dueOn: '2026-12-09' });
    // Overdue once the due date has passed without a review.
    clock.set('2026-12-10');
    const late = (await city.get(`/api/v1/pre-registrations/${r.id}`)).json() as Registration;
    expect(late.review.status).toBe('overdue');

    const withdrawn = await act(officer, sub, 'withdraw', { reason: '方案另行研究' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json().state).toBe('withdrawn');
    const after = withdrawn.json() as Registration;
    const refused = await act(city, after, 'accept', { opinion: '同意受理' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields[0]).toEqual({ path: 'state', message: '报备处于“已撤回”，不能受理' });
  });

  it('the demo city has an accepted registration with its number and document, and one awaiting review', async () => {
    const list = (await city.get('/api/v1/pre-registrations?pageSize=500')).json().items as Registration[];
    const demo = list.filter((x) => !x.title.includes('测试') && x.title !== MEASURE.title);
    const accepted = demo.find((x) => x.state === 'accepted');
    expect(accepted?.number).toMatch(/^A市报备〔\d{4}〕1号$/);
    const detail = (await city.get(`/api/v1/pre-registrations/${accepted!.id}`)).json() as Registration;
    expect(detail.documents.map((d) => d.kind)).toEqual(['acceptance_decision']);
    expect(demo.some((x) => x.state === 'submitted')).toBe(true);
  });
});
