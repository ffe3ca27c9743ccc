// 容错申请 end to end over the API: the officer applies for themself and the agency's legal office for
// another person of the same case; the office accepts; the investigators verify every condition
// and exclusion with evidence; a collective discussion decides (never more lenient than the
// verified facts allow); the document is issued; the case, the officer's record and the early
// warning follow the decision.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLEAN_FACTS } from '../../src/core/tolerance/fixtures.js';
import { VERIFIED_ITEMS } from '../../src/core/workflow/tolerance.js';
import { documentText } from '../../src/documents/docx-text.testing.js';
import { officerFaults } from '../../src/store/acts.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { duplicateFineFacts } from '../helpers/case-facts.js';
import { drivers } from '../helpers/db.js';

const facts = duplicateFineFacts;

const evidence = Object.fromEntries(VERIFIED_ITEMS.map((id) => [id, '询问笔录及相关书证']));
const collective = {
  meetingOn: '2026-11-20',
  attendees: ['张主任', '李副主任', '王科长'],
  votesFor: 3,
  votesAgainst: 0,
  votesAbstain: 0,
  minutes: '经集体讨论，一致同意。',
};

const paths = (r: { json(): { error: { fields: { path: string }[] } } }) =>
  r.json().error.fields.map((f) => f.path);

describe.each(drivers)('tolerance applications on %s', (driver) => {
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let officer: Client;
  let legal: Client;
  let caseId: string;
  let caseVersion: number;
  let own: { id: string; version: number };
  let other: { id: string; version: number };

  const step = async (
    c: Client,
    app: { id: string; version: number },
    action: string,
    body: object,
    expected = 200,
  ) => {
    const r = await c.post(`/api/v1/tolerance-applications/${app.id}/actions/${action}`, {
      version: app.version,
      ...body,
    });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    if (r.statusCode === 200) app.version = r.json().version;
    return r;
  };
  const caseAct = async (c: Client, action: string, body: object = {}, expected = 200) => {
    const r = await c.post(`/api/v1/cases/${caseId}/actions/${action}`, { version: caseVersion, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    if (r.statusCode === 200) caseVersion = r.json().version;
    return r;
  };

  beforeAll(async () => {
    t = await createTestApp(driver);
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    officer = await t.login('officer');
    legal = await t.login('scjfz');
    const ids = Object.fromEntries(
      (await t.database.db.selectFrom('users').select(['id', 'username']).execute()).map((u) => [
        u.username,
        u.id,
      ]),
    );
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject: '容错测试：重复罚款',
        narrative: '同一违法行为被两次罚款，请依法处理。',
        anonymous: true,
      },
    });
    const lead = (await sup.get(`/api/v1/leads?q=${encodeURIComponent('容错测试')}`)).json().items[0];
    caseId = (await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version })).json().caseId;
    caseVersion = (await sup.get(`/api/v1/cases/${caseId}`)).json().version;
    await caseAct(sup, 'accept', { opinion: '属于本机关管辖，同意立案。' });
    await caseAct(sup, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
    await caseAct(sup, 'start_investigation');
  });
  afterAll(async () => t?.close());

  it('no application before the findings name the person; then the officer and the agency apply', async () => {
    const early = await officer.post('/api/v1/tolerance-applications', {
      caseId,
      officerId: 'O-0001',
      grounds: '系统重复录入所致，已及时撤销第二次罚款。',
    });
    expect(early.statusCode).toBe(400);
    expect(paths(early)).toEqual(['officerId']);

    await caseAct(inv, 'record_findings', { facts, findingsText: '经查，同一违法行为两次罚款。' });

    const mine = await officer.post('/api/v1/tolerance-applications', {
      caseId,
      officerId: 'O-0001',
      grounds: '系统重复录入所致，已及时撤销第二次罚款并退还。',
    });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({
      state: 'submitted',
      applicantKind: 'officer',
      officerName: expect.any(String),
    });
    expect(mine.json().number).toMatch(/^A市容错〔\d{4}〕1号$/);
    own = { id: mine.json().id, version: mine.json().version };

    // An officer applies only for themself; the agency's legal office for its officers.
    const forOther = await officer.post('/api/v1/tolerance-applications', {
      caseId,
      officerId: 'O-0002',
      grounds: '审核人员未能发现重复罚款的情况。',
    });
    expect(forOther.statusCode).toBe(403);
    const short = await legal.post('/api/v1/tolerance-applications', {
      caseId,
      officerId: 'O-0002',
      grounds: '短',
    });
    expect(short.statusCode).toBe(400);
    expect(paths(short)).toEqual(['grounds']);
    const unknownRegistration = await legal.post('/api/v1/tolerance-applications', {
      caseId,
      officerId: 'O-0002',
      grounds: '审核人员依系统提示审核，未能发现重复罚款。',
      preRegistered: 'A市报备〔2026〕99号',
    });
    expect(unknownRegistration.statusCode).toBe(400);
    expect(paths(unknownRegistration)).toEqual(['preRegistered']);
    const byAgency = await legal.post('/api/v1/tolerance-applications', {
      caseId,
      officerId: 'O-0002',
      grounds: '审核人员依系统提示审核，未能发现重复罚款。',
    });
    expect(byAgency.statusCode, byAgency.body).toBe(201);
    expect(byAgency.json()).toMatchObject({ applicantKind: 'agency' });
    other = { id: byAgency.json().id, version: byAgency.json().version };

    const again = await officer.post('/api/v1/tolerance-applications', {
      caseId,
      officerId: 'O-0001',
      grounds: '再次申请容错，理由同前，请予审查。',
    });
    expect(again.statusCode).toBe(400);
    expect(paths(again)).toEqual(['officerId']);
  });

  it('the office accepts; only the office may', async () => {
    await step(officer, own, 'accept', { opinion: '同意受理' }, 403);
    const r = await step(sup, own, 'accept', { opinion: '申请符合受理条件，予以受理。' });
    expect(r.json()).toMatchObject({ state: 'verifying', decisionDue: expect.any(String), overdue: false });
    await step(sup, other, 'accept', { opinion: '予以受理。' });
  });

  it('the investigators verify every condition and exclusion with evidence; the policy assesses', async () => {
    const missing = await step(
      inv,
      own,
      'verify',
      { facts: CLEAN_FACTS, evidence: { within_duty: '岗位职责说明' } },
      400,
    );
    expect(paths(missing)).toEqual(
      VERIFIED_ITEMS.filter((i) => i !== 'within_duty').map((i) => `evidence.${i}`),
    );
    // The officer concerned is not an investigator.
    await step(officer, own, 'verify', { facts: CLEAN_FACTS, evidence }, 403);
    const r = await step(inv, own, 'verify', { facts: CLEAN_FACTS, evidence });
    expect(r.json().state).toBe('verified');
    expect(r.json().verification.assessment).toMatchObject({ outcome: 'exempt', eligible: true });
    const rejected = await step(inv, other, 'verify', {
      facts: { ...CLEAN_FACTS, knowingViolation: true },
      evidence,
    });
    expect(rejected.json().verification.assessment).toMatchObject({
      outcome: 'reject',
      exclusions: [expect.objectContaining({ id: 'knowing_violation' })],
    });
  });

  it('a collective discussion decides, never more lenient than the assessment; the document is issued', async () => {
    const lenient = await step(
      sup,
      other,
      'decide',
      {
        outcome: 'exempt',
        opinion: '免责',
        distinctionReasons: '属于缺乏经验的失误，并非明知故犯。',
        collective,
      },
      400,
    );
    expect(paths(lenient)).toEqual(['outcome']);
    const noMeeting = await step(
      sup,
      own,
      'decide',
      {
        outcome: 'exempt',
        opinion: '予以免责',
        distinctionReasons: '短',
        collective: { ...collective, attendees: ['张主任'] },
      },
      400,
    );
    expect(paths(noMeeting)).toEqual(['distinctionReasons', 'collective.attendees', 'collective.votesFor']);
    const r = await step(sup, own, 'decide', {
      outcome: 'exempt',
      opinion: '符合容错条件，予以免责。',
      distinctionReasons: '系统重复录入属于缺乏经验、先行先试中的失误，当事人及时纠正，并非明知故犯。',
      collective,
    });
    expect(r.json()).toMatchObject({
      state: 'decided',
      outcome: 'exempt',
      document: { title: '容错免责认定书' },
    });
    await step(sup, other, 'decide', {
      outcome: 'reject',
      opinion: '具有明知故犯情形，不予容错。',
      distinctionReasons: '当事人明知系统提示重复仍予审核通过，属于明知故犯。',
      collective,
    });

    // The applicant downloads the document; it names the number, the rule and the distinction.
    const doc = await officer.get(`/api/v1/tolerance-applications/${own.id}/document`);
    expect(doc.statusCode).toBe(200);
    const text = await documentText(doc.rawPayload);
    expect(text).toContain('容错免责认定书');
    expect(text).toMatch(/A市容错〔\d{4}〕1号/);
    expect(text).toContain('第七条');
    expect(text).toContain('上级尚无明确限制的探索性试验中的失误');
    expect(text).toContain('核实依据：询问笔录及相关书证）；履行了规定的决策程序');
    // Another officer of the city sees nothing of it.
    const stranger = await t.login('jxsfj');
    expect((await stranger.get(`/api/v1/tolerance-applications/${own.id}`)).statusCode).toBe(404);
  });

  it('the case follows: the exempt person is not pursued, the record and the early warning leave the fault out', async () => {
    const c = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    const person = c.persons.find((p: { officerId: string }) => p.officerId === 'O-0001');
    expect(person.tolerance).toMatchObject({ outcome: 'exempt', cite: expect.stringContaining('第七条') });
    expect(person.sanctions).toBeNull();
    expect(c.documents.map((d: { title: string }) => d.title)).toEqual(
      expect.arrayContaining(['容错免责认定书', '不予容错决定书']),
    );
    caseVersion = c.version;
    await caseAct(inv, 'notify_statement');
    await caseAct(inv, 'waive_statement', { personId: 'O-0001', reason: '本人书面表示放弃陈述申辩' });
    await caseAct(inv, 'waive_statement', { personId: 'O-0002', reason: '本人书面表示放弃陈述申辩' });
    const other2 = c.persons.find((p: { officerId: string }) => p.officerId === 'O-0002');
    const refused = await caseAct(
      inv,
      'propose_decision',
      {
        kind: 'pursue',
        reasons: '事实清楚。',
        sanctions: [
          { personId: 'O-0001', form: 'admonition_talk' },
          ...(other2.liable ? [{ personId: 'O-0002', form: other2.sanctions.recommended }] : []),
        ],
      },
      400,
    );
    expect(refused.json().error.fields).toContainEqual({
      path: 'sanctions[0].personId',
      message: 'O-0001 已容错免责，不予追究',
    });

    const pursued = other2.liable;
    await caseAct(inv, 'propose_decision', {
      kind: pursued ? 'pursue' : 'not_pursue',
      reasons: '事实清楚，O-0001 已容错免责。',
      sanctions: pursued ? [{ personId: 'O-0002', form: other2.sanctions.recommended }] : [],
    });
    const decided = await caseAct(sup, 'decide', { opinion: '同意。' });
    const decision = decided.json().documents.find((d: { kind: string }) => d.kind === 'decision');
    const file = await sup.get(`/api/v1/cases/${caseId}/documents/${decision.id}`);
    const decisionText = await documentText(file.rawPayload);
    expect(decisionText).toMatch(
      /对戴峰经容错认定免予追究行政执法过错责任（A市容错〔\d{4}〕1号，《A市行政执法容错纠错实施办法（示例）》第七条）/,
    );

    const faults = await officerFaults(t.database.db, { kind: 'all' }, '2026-01-01', '2026-12-31');
    expect(faults.filter((f) => f.officerId === 'O-0001' && f.caseId === caseId)).toEqual([]);
  });

  it('lists the register by jurisdiction and counts it; the audit log has every step', async () => {
    const list = (await sup.get('/api/v1/tolerance-applications')).json();
    expect(list.total).toBe(2);
    expect(
      (await officer.get('/api/v1/tolerance-applications')).json().items.map((a: { id: string }) => a.id),
    ).toEqual([own.id]);
    expect((await t.login('jxsfj').then((c) => c.get('/api/v1/tolerance-applications'))).json().total).toBe(
      0,
    );
    const stats = (await sup.get('/api/v1/tolerance-applications/statistics')).json();
    expect(stats.rows.map((r: { outcome: string | null; n: number }) => [r.outcome, r.n]).sort()).toEqual([
      ['exempt', 1],
      ['reject', 1],
    ]);
    expect(stats.rejectedFor).toEqual([{ reason: 'knowing_violation', label: '明知故犯', n: 1 }]);
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('objectId', '=', own.id)
      .orderBy('id')
      .execute();
    const history = (await officer.get(`/api/v1/tolerance-applications/${own.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toContain('tolerance.decide');
    expect(audit.map((a) => a.action)).toEqual([
      'tolerance.apply',
      'tolerance.accept',
      'tolerance.verify',
      'tolerance.decide',
    ]);
  });
});
