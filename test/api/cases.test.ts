// A case end to end through the API: public complaint → lead → case → investigation →
// findings by the rulebook → statement and defence → decision → service → appeal → review →
// execution → closure; with the guards, documents, stale updates and the complainant's identity.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/core/dates.js';
import { byUrgency } from '../../src/core/workflow/deadlines.js';
import { verifyAuditChain } from '../../src/store/audit.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { recommendedProposal } from '../helpers/approval.js';
import { duplicateFineFacts } from '../helpers/case-facts.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const facts = duplicateFineFacts;

describe.each(drivers)('accountability case on %s', (driver) => {
  const clock = fixedClock();
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let officer: Client;
  let caseId: string;
  let version: number;
  let receipt: string;

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    officer = await t.login('officer');
  });
  afterAll(async () => t?.close());

  const act = async (c: Client, action: string, body: Record<string, unknown>, expected = 200) => {
    const r = await c.post(`/api/v1/cases/${caseId}/actions/${action}`, { version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    if (r.statusCode === 200) version = r.json().version;
    return r;
  };

  it('the public files a named complaint and gets a receipt', async () => {
    const body = {
      agency: '529900-SCJ',
      officer: '戴峰',
      subject: '同一违法行为被重复罚款',
      narrative: '本店因同一批次食品标签问题，三月份被市场监管局先后两次罚款。',
      occurredOn: '2026-03-10',
      anonymous: false,
      contact: { name: '王小明', phone: '13800001111' },
    };
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: body,
      headers: { 'idempotency-key': 'abc-123-xyz-789' },
    });
    expect(r.statusCode, r.body).toBe(201);
    receipt = r.json().receipt;
    expect(receipt).toMatch(/^[0-9A-Z]{16}$/);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: body,
      headers: { 'idempotency-key': 'abc-123-xyz-789' },
    });
    expect(again.json().receipt).toBe(receipt);
    const track = await t.app.inject({ url: `/api/v1/public/complaints/${receipt}` });
    expect(track.statusCode).toBe(200);
    expect(track.json()).toMatchObject({ status: 'received', subject: body.subject });
    expect(track.body).not.toContain('王小明');
    expect(track.body).not.toContain('13800001111');
    expect((await t.app.inject({ url: '/api/v1/public/complaints/0000000000000000' })).statusCode).toBe(404);
  });

  it('public input is validated, limited in size, and concurrent filings are all kept', async () => {
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: { subject: 'x', narrative: 'short', anonymous: false },
    });
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['subject', 'narrative', 'contact']));
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: { subject: '过大', narrative: 'x'.repeat(1_200_000), anonymous: true },
    });
    expect(big.statusCode).toBe(413);
    const many = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/public/complaints',
          payload: {
            subject: `并发投诉${i}`,
            narrative: '执法人员态度粗暴，未出示执法证件。',
            anonymous: true,
          },
        }),
      ),
    );
    expect(many.every((r) => r.statusCode === 201)).toBe(true);
    expect(new Set(many.map((r) => r.json().receipt)).size).toBe(12);
    const leads = (await sup.get('/api/v1/leads?q=%E5%B9%B6%E5%8F%91%E6%8A%95%E8%AF%89&pageSize=50')).json();
    expect(leads.total).toBe(12);
  });

  it('the supervisor opens a case from the lead; the case number is by region and year', async () => {
    const leads = (
      await sup.get('/api/v1/leads?source=complaint&status=new&q=%E9%87%8D%E5%A4%8D%E7%BD%9A%E6%AC%BE')
    ).json();
    expect(leads.items).toHaveLength(1);
    const lead = leads.items[0];
    expect(lead).toMatchObject({ receipt, anonymous: false, agencyId: '529900-SCJ' });
    expect(JSON.stringify(lead)).not.toContain('王小明');
    const opened = await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().caseId;
    expect(opened.json().number).toMatch(/^A市问责〔\d{4}〕1号$/);
    const c = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    expect(c).toMatchObject({
      state: 'registered',
      pack: 'guizhou-a-city',
      actions: expect.arrayContaining(['accept', 'decline']),
    });
    expect(c.deadlines[0]).toMatchObject({
      step: 'accept',
      status: expect.stringMatching(/ok|near/),
      // From when, until when, and by which parameter of the pack: the console shows all three.
      startOn: c.registeredOn,
      dueOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      source: expect.stringContaining('程序参数'),
      param: 'procedure.acceptComplaint',
    });
    version = c.version;
    const track = await t.app.inject({ url: `/api/v1/public/complaints/${receipt}` });
    expect(track.json().status).toBe('registered');
  });

  it('others cannot act; guards speak the field', async () => {
    expect(
      (await officer.post(`/api/v1/cases/${caseId}/actions/accept`, { version, opinion: 'x' })).statusCode,
    ).toBe(404);
    await act(sup, 'accept', { opinion: '' }, 400);
    await act(sup, 'accept', { opinion: '经审查，线索反映的问题属于本机关管辖，同意立案调查。' });
    const start = await act(sup, 'start_investigation', {}, 400);
    expect(start.json().error.fields[0].path).toBe('investigators');
    // The case says so before anyone tries: the action is there, blocked, with the reason.
    const c = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    expect(c.actions).not.toContain('start_investigation');
    expect(c.availability).toContainEqual({
      action: 'start_investigation',
      label: '开始调查',
      available: false,
      blocked: 'precondition',
      reasons: [{ path: 'investigators', message: '调查人员不得少于 2 人（回避者不计）' }],
    });
    expect(c.availability).toContainEqual(
      expect.objectContaining({ action: 'assign_investigators', available: true, reasons: [] }),
    );
    // What a state does not allow is not open either, and says why.
    expect(c.availability).toContainEqual(
      expect.objectContaining({ action: 'decide', available: false, blocked: 'state' }),
    );
  });

  it('two investigators; only they see the complainant, and each read is audited', async () => {
    const candidates = (await sup.get(`/api/v1/cases/${caseId}/investigator-candidates`)).json().items;
    expect(candidates.map((u: { username: string }) => u.username).sort()).toEqual(['gzsfj', 'sfj', 'sfjdc']);
    expect((await officer.get(`/api/v1/cases/${caseId}/investigator-candidates`)).statusCode).toBe(404);
    const ids = await t.database.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['sfj', 'sfjdc', 'jxsfj'])
      .execute();
    const id = (u: string) => ids.find((x) => x.username === u)!.id;
    const wrong = await act(sup, 'assign_investigators', { userIds: [id('jxsfj')] }, 400);
    expect(wrong.json().error.fields[0].path).toBe('userIds[0]');
    await act(sup, 'assign_investigators', { userIds: [id('sfj'), id('sfjdc')] });
    await act(sup, 'start_investigation', {});
    const seen = (await inv.get(`/api/v1/cases/${caseId}`)).json();
    expect(seen.complainant).toMatchObject({ anonymous: false, name: '王小明', phone: '13800001111' });
    const admin = await t.login('admin');
    const notSeen = (await admin.get(`/api/v1/cases/${caseId}`)).json();
    expect(notSeen.complainant).toMatchObject({ anonymous: false, name: null, phone: null });
    const province = await t.login('gzsfj');
    expect((await province.get(`/api/v1/cases/${caseId}`)).json().complainant.name).toBeNull();
    const reads = await t.database.db
      .selectFrom('auditLog')
      .select('actorName')
      .where('action', '=', 'complaint.identity_read')
      .execute();
    expect(reads.map((r) => r.actorName)).toContain('sfjdc');
    expect(reads.map((r) => r.actorName)).not.toContain('admin');
  });

  it('evidence is stored with its SHA-256', async () => {
    const boundary = '----ev';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n两份处罚决定书\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="decisions.txt"\r\nContent-Type: text/plain\r\n\r\n处罚决定书 甲 / 乙\r\n--${boundary}--\r\n`,
    );
    const r = await inv.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/evidence`,
      payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(r.statusCode, r.body).toBe(201);
    const { createHash } = await import('node:crypto');
    expect(r.json().sha256).toBe(createHash('sha256').update('处罚决定书 甲 / 乙').digest('hex'));
    expect(
      (
        await officer.request({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/evidence`,
          payload,
          headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        })
      ).statusCode,
    ).toBe(404);
    // A description over its limit is refused naming the field, never cut.
    const long = `--${boundary}\r\nContent-Disposition: form-data; name="description"\r\n\r\n${'证'.repeat(501)}\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nx\r\n--${boundary}--\r\n`;
    const refused = await inv.request({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/evidence`,
      payload: Buffer.from(long),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual([{ path: 'description', message: '证据说明不超过 500 字' }]);
  });

  it('findings come from the rulebook; changing a conclusion needs a reason', async () => {
    const c = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    version = c.version;
    // The head is not an investigator here... but sfj is assigned; the officer is not.
    const badFacts = await act(inv, 'record_findings', { facts: { ...facts, faults: ['penalty.99'] } }, 400);
    expect(badFacts.json().error.fields[0].path).toMatch(/^facts\.faults/);
    const noReason = await act(
      inv,
      'record_findings',
      { facts, overrides: [{ personId: 'O-0002', outcome: 'not_liable', reason: '' }] },
      400,
    );
    expect(noReason.json().error.fields[0].path).toBe('overrides[0].reason');
    const r = await act(inv, 'record_findings', { facts, findingsText: '经查，同一违法行为两次罚款。' });
    const body = r.json();
    expect(body.state).toBe('findings');
    expect(body.determination.persons.find((p: { id: string }) => p.id === 'O-0001')).toMatchObject({
      liable: true,
      basis: [{ article: 15, clause: 4 }],
    });
    expect(body.persons.map((p: { officerId: string; liable: boolean }) => [p.officerId, p.liable])).toEqual([
      ['O-0001', true],
      ['O-0002', true],
    ]);
    expect(body.documents.map((d: { kind: string }) => d.kind)).toEqual([
      'acceptance_form',
      'investigation_report',
    ]);
  });

  it('statement and defence: the officer answers only for themself; no decision before all are heard', async () => {
    await act(inv, 'notify_statement', {});
    const myCase = (await officer.get(`/api/v1/cases/${caseId}`)).json();
    expect(myCase.view).toBe('subject');
    expect(myCase.complainant).toBeNull();
    expect(myCase.actions).toEqual(expect.arrayContaining(['record_statement']));
    await act(officer, 'record_statement', { personId: 'O-0002', text: '不是我' }, 400);
    await act(officer, 'record_statement', {
      personId: 'O-0001',
      text: '第二次罚款系系统重复录入所致，本人已及时报告。',
    });
    const early = await act(inv, 'propose_decision', { kind: 'pursue', reasons: '事实清楚' }, 400);
    expect(early.json().error.fields[0].path).toBe('persons[1]');
    await act(inv, 'waive_statement', { personId: 'O-0002', reason: '本人书面表示放弃陈述申辩' });
  });

  it('审批定案: the investigators propose each sanction, the head approves', async () => {
    const c = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    const proposal = recommendedProposal(c, 'pursue', '事实清楚，证据确凿。');
    expect(proposal.sanctions.length).toBeGreaterThan(0);
    // The officer concerned does not propose; a form the determination does not allow is refused by field.
    await act(officer, 'propose_decision', proposal, 403);
    const wrong = await act(
      inv,
      'propose_decision',
      { ...proposal, sanctions: [{ ...proposal.sanctions[0], form: 'disqualification' }] },
      400,
    );
    expect(wrong.json().error.fields.map((f: { path: string }) => f.path)).toContain('sanctions[0].form');
    const proposed = (await act(inv, 'propose_decision', proposal)).json();
    expect(proposed.state).toBe('proposed');
    expect(proposed.proposal).toMatchObject({ kind: 'pursue', byName: expect.any(String) });
    expect(proposed.proposal.sanctions[0]).toMatchObject({ personId: proposal.sanctions[0].personId });
    // The officer concerned sees neither the proposal nor its approval.
    expect((await officer.get(`/api/v1/cases/${caseId}`)).json().proposal).toBeNull();
  });

  it('a stale version loses with 409 and nothing is written', async () => {
    const stale = version;
    const results = await Promise.all([
      sup.post(`/api/v1/cases/${caseId}/actions/decide`, {
        version: stale,
        opinion: '同意调查组意见。',
      }),
      sup.post(`/api/v1/cases/${caseId}/actions/decide`, {
        version: stale,
        opinion: '另一位负责人的意见。',
      }),
    ]);
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes).toEqual([200, 409]);
    const c = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    expect(c.state).toBe('decided');
    const winner = results.find((r) => r.statusCode === 200)!.json();
    expect(c.decision.reasons).toBe(winner.decision.reasons);
    expect(c.approval.opinion).toBe(winner.approval.opinion);
    expect(c.decision.sanctions.length).toBeGreaterThan(0);
    const decisions = c.documents.filter((d: { kind: string }) => d.kind === 'decision');
    expect(decisions).toHaveLength(1);
    version = c.version;
  });

  it('service; an appeal goes to the relief panel; the decision stands meanwhile; then closure', async () => {
    const c0 = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    expect(c0.decision.kind).toBe('pursue');
    const today = todayInChina();
    await act(sup, 'serve', { servedOn: '2999-01-01', recipient: '戴峰', method: '直接送达' }, 400);
    const served = await act(sup, 'serve', { servedOn: today, recipient: '戴峰', method: '直接送达' });
    expect(served.json().documents.map((d: { kind: string }) => d.kind)).toContain('service_receipt');
    const decisionDoc = served.json().documents.find((d: { kind: string }) => d.kind === 'decision');
    const dl = await officer.get(`/api/v1/cases/${caseId}/documents/${decisionDoc.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toContain('wordprocessingml');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(dl.rawPayload).digest('hex')).toBe(decisionDoc.sha256);
    // The case offers its officer no appeal of its own: the appeal is filed with the relief panel.
    expect((await officer.get(`/api/v1/cases/${caseId}`)).json().actions).toEqual([]);
    const filed = await officer.post('/api/v1/appeals', {
      caseId,
      grounds: '重复罚款系系统原因，本人无过错。',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const appealed = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    expect(appealed.appeal).toMatchObject({ officerId: 'O-0001', result: null, state: 'filed' });
    version = appealed.version;
    await act(sup, 'execute', { note: '已对戴峰进行诫勉谈话。' });
    await act(sup, 'close', {}, 400);
    // Withdrawn: nothing is pending; the case closes once the appeal window has passed.
    const w = await officer.post(`/api/v1/appeals/${filed.json().id}/actions/withdraw`, {
      version: filed.json().version,
      reason: '经沟通，本人撤回申诉。',
    });
    expect(w.statusCode, w.body).toBe(200);
    clock.advance(60);
    const closed = await act(sup, 'close', {}).finally(() => clock.reset());
    expect(closed.json().state).toBe('closed');
    const track = await t.app.inject({ url: `/api/v1/public/complaints/${receipt}` });
    expect(track.json()).toMatchObject({ status: 'closed', caseNumber: c0.number });
  });

  it('keeps the whole history in an intact hash chain', async () => {
    const h = (await sup.get(`/api/v1/cases/${caseId}/history`)).json();
    const actions = h.items.map((x: { action: string }) => x.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.register',
        'case.accept',
        'case.record_findings',
        'case.propose_decision',
        'case.decide',
        'case.serve',
      ]),
    );
    expect((await verifyAuditChain(t.database.db)).ok).toBe(true);
  });

  it('dismissing a lead needs a reason, and the complainant sees it', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        subject: '不属于执法过错',
        narrative: '希望增加公交线路，方便出行。',
        anonymous: false,
        contact: { name: '李四', phone: '13900002222' },
      },
    });
    const rc = r.json().receipt;
    const lead = (await sup.get('/api/v1/leads?q=%E5%85%AC%E4%BA%A4')).json().items[0];
    const detail = (await sup.get(`/api/v1/leads/${lead.id}`)).json();
    expect(
      detail.availability.map((a: { action: string; available: boolean }) => [a.action, a.available]),
    ).toEqual([
      ['dismiss', true],
      ['merge', true],
      ['open', true],
    ]);
    // An administrator reads the inbox but does not triage: no steps are theirs.
    expect((await (await t.login('admin')).get(`/api/v1/leads/${lead.id}`)).json().availability).toEqual([]);
    expect(
      (await sup.post(`/api/v1/leads/${lead.id}/dismiss`, { version: lead.version, reason: '' })).statusCode,
    ).toBe(400);
    const d = await sup.post(`/api/v1/leads/${lead.id}/dismiss`, {
      version: lead.version,
      reason: '所反映事项不属于行政执法过错，已转交交通部门。',
    });
    expect(d.statusCode, d.body).toBe(200);
    // The leads inbox runs on the procedure engine: once triaged, nothing more is open, and why.
    expect(d.json().availability).toEqual(
      ['dismiss', 'merge', 'open'].map((action) =>
        expect.objectContaining({ action, available: false, blocked: 'state' }),
      ),
    );
    const again = await sup.post(`/api/v1/leads/${lead.id}/open`, { version: d.json().version });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.fields).toEqual([
      { path: 'state', message: '线索处于“不予立案”，不能立案登记' },
    ]);
    const track = (await t.app.inject({ url: `/api/v1/public/complaints/${rc}` })).json();
    expect(track).toMatchObject({
      status: 'dismissed',
      reply: '所反映事项不属于行政执法过错，已转交交通部门。',
    });
  });

  it('a late step turns red in "due soon" and on the home page', async () => {
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-ZHJ',
        subject: '拆违未告知',
        narrative: '综合执法局拆除违建前未告知当事人。',
        anonymous: true,
      },
    });
    const lead = (await sup.get('/api/v1/leads?agencyId=529900-ZHJ&status=new')).json().items[0];
    // The case is registered on 2026-01-05: the clock stands there while the lead is opened.
    clock.set('2026-01-05');
    const opened = await sup
      .post(`/api/v1/leads/${lead.id}/open`, { version: lead.version })
      .then((r) => r.json())
      .finally(() => clock.reset());
    expect(opened.caseId).toBeTruthy();
    const due = (await sup.get('/api/v1/cases/due-soon')).json();
    const late = due.items.find((i: { id: string }) => i.id === opened.caseId);
    expect(late.currentDeadline).toMatchObject({ step: 'accept', status: 'overdue' });
    expect(due.overdue).toBeGreaterThanOrEqual(1);
    const home = (await sup.get('/api/v1/home')).json();
    expect(home.cases.overdue).toBeGreaterThanOrEqual(1);
    expect(home.leads.new).toBeGreaterThanOrEqual(1);
    const officerHome = (await officer.get('/api/v1/home')).json();
    expect(officerHome.cases.overdue).toBe(0);

    // The list ranks by urgency over every case, not one page: the overdue case, the newest
    // but one, comes first, and page 2 of one continues the same order.
    const recent = (await sup.get('/api/v1/cases?pageSize=100')).json();
    const urgent = (await sup.get('/api/v1/cases?sort=urgent&pageSize=100')).json();
    expect(urgent.total).toBe(recent.total);
    expect(urgent.total).toBeGreaterThanOrEqual(2);
    expect(new Set(urgent.items.map((c: { id: string }) => c.id))).toEqual(
      new Set(recent.items.map((c: { id: string }) => c.id)),
    );
    expect(urgent.items[0].id).toBe(opened.caseId);
    for (let i = 1; i < urgent.items.length; i++) {
      expect(
        byUrgency(urgent.items[i - 1].currentDeadline, urgent.items[i].currentDeadline),
      ).toBeLessThanOrEqual(0);
    }
    const first = (await sup.get('/api/v1/cases?sort=urgent&pageSize=1')).json();
    const second = (await sup.get('/api/v1/cases?sort=urgent&pageSize=1&page=2')).json();
    expect([first.items[0].id, second.items[0].id]).toEqual([urgent.items[0].id, urgent.items[1].id]);
    expect((await sup.get('/api/v1/cases?sort=soon')).statusCode).toBe(400);
  });
});
