// The other paths of a case through the API: declining, recusal, extension, hearings,
// not pursuing, referrals and their outcome, and the public channel's rate limit.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/core/dates.js';
import { documentText } from '../../src/documents/docx-text.testing.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { proposeAndDecide, recommendedProposal } from '../helpers/approval.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('case paths on %s', (driver) => {
  const clock = fixedClock();
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let officer: Client;
  let ids: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    officer = await t.login('officer');
    const users = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  });
  afterAll(async () => t?.close());

  /** A case from a fresh complaint, taken to `upTo`. Returns its id and a stepper. */
  async function newCase(subject: string, anonymous = true) {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: anonymous
        ? { agency: '529900-SCJ', subject, narrative: '反映执法过程中的问题，请依法处理。', anonymous }
        : {
            agency: '529900-SCJ',
            subject,
            narrative: '反映执法过程中的问题，请依法处理。',
            anonymous,
            contact: { name: '赵六', phone: '13700003333' },
          },
    });
    const receipt = filed.json().receipt as string;
    const lead = (await sup.get(`/api/v1/leads?q=${encodeURIComponent(subject)}`)).json().items[0];
    const opened = (await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version })).json();
    const id = opened.caseId as string;
    let version = (await sup.get(`/api/v1/cases/${id}`)).json().version as number;
    const act = async (c: Client, action: string, body: Record<string, unknown> = {}, expected = 200) => {
      const r = await c.post(`/api/v1/cases/${id}/actions/${action}`, { version, ...body });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
      if (r.statusCode === 200) version = r.json().version;
      return r;
    };
    return { id, receipt, act };
  }

  const facts = (extra: Record<string, unknown> = {}) => ({
    occurredOn: '2026-03-10',
    faults: ['penalty.09'],
    decision: 'approval',
    people: [{ id: 'O-0001', role: 'handler', agency: '529900-SCJ', conduct: ['negligent_wrong_opinion'] }],
    severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
    ...extra,
  });

  async function investigating(subject: string) {
    const c = await newCase(subject);
    await c.act(sup, 'accept', { opinion: '同意立案' });
    await c.act(sup, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
    await c.act(sup, 'start_investigation');
    return c;
  }

  it('declining tells a named complainant why; the declined case closes', async () => {
    const c = await newCase('不属于管辖的投诉', false);
    await c.act(sup, 'decline', { reason: '' }, 400);
    await c.act(sup, 'decline', { reason: '所反映事项已由上级机关处理，不予立案。' });
    const track = (await t.app.inject({ url: `/api/v1/public/complaints/${c.receipt}` })).json();
    expect(track).toMatchObject({ status: 'declined', reply: '所反映事项已由上级机关处理，不予立案。' });
    const closed = await c.act(sup, 'close');
    expect(closed.json().state).toBe('closed');
  });

  it('a recused investigator no longer counts, sees nothing more, and cannot act', async () => {
    const c = await newCase('回避测试', false);
    await c.act(sup, 'accept', { opinion: '同意立案' });
    await c.act(sup, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
    await c.act(inv, 'recuse', { userId: ids.sfjdc, reason: '' }, 400);
    await c.act(inv, 'recuse', { userId: ids.sfjdc, reason: '与被调查人系近亲属' });
    const blocked = await c.act(sup, 'start_investigation', {}, 400);
    expect(blocked.json().error.fields[0].path).toBe('investigators');
    const seen = (await inv.get(`/api/v1/cases/${c.id}`)).json();
    expect(seen.complainant?.name ?? null).toBeNull();
    const again = await c.act(sup, 'assign_investigators', { userIds: [ids.sfjdc] }, 400);
    expect(again.json().error.fields[0].path).toBe('userIds[0]');
    await c.act(sup, 'assign_investigators', { userIds: [ids.gzsfj] });
    await c.act(sup, 'start_investigation');
  });

  it('the investigation is extended once, with an approver, within the pack limit', async () => {
    const c = await investigating('延期测试');
    const before = (await sup.get(`/api/v1/cases/${c.id}`))
      .json()
      .deadlines.find((d: { step: string }) => d.step === 'investigation');
    await c.act(sup, 'extend_investigation', { days: 99, reason: '案情复杂', approvedBy: '局长' }, 400);
    await c.act(sup, 'extend_investigation', { days: 5, reason: '案情复杂', approvedBy: '' }, 400);
    await c.act(officer, 'extend_investigation', { days: 5, reason: '案情复杂', approvedBy: '局长' }, 404);
    const r = await c.act(sup, 'extend_investigation', { days: 5, reason: '案情复杂', approvedBy: '局长' });
    const after = r.json().deadlines.find((d: { step: string }) => d.step === 'investigation');
    expect(after.dueOn > before.dueOn).toBe(true);
    expect(r.json().extensions).toEqual([expect.objectContaining({ days: 5, approvedBy: '局长' })]);
    expect(r.json().actions).not.toContain('extend_investigation');
    await c.act(sup, 'extend_investigation', { days: 5, reason: '再次延期', approvedBy: '局长' }, 400);
  });

  it('a requested hearing must be held before the decision', async () => {
    const c = await investigating('听证测试');
    await c.act(inv, 'record_findings', { facts: facts() });
    await c.act(inv, 'notify_statement');
    await c.act(officer, 'record_statement', {
      personId: 'O-0001',
      text: '请求举行听证。',
      hearingRequested: true,
    });
    const early = await proposeAndDecide(c.act, c.id, inv, sup, 'pursue', '事实清楚', 400);
    expect(early.json().error.message).toMatch(/听证/);
    await c.act(inv, 'hold_hearing', { personId: 'O-0001', heldOn: '2999-01-01', summary: '听证笔录' }, 400);
    await c.act(inv, 'hold_hearing', {
      personId: 'O-0001',
      heldOn: todayInChina(),
      summary: '当事人陈述了意见，调查人员出示了证据。',
    });
    const decided = await proposeAndDecide(c.act, c.id, inv, sup, 'pursue', '听证后维持认定。');
    expect(decided.json().persons[0].hearing).toMatchObject({
      summary: '当事人陈述了意见，调查人员出示了证据。',
    });
  });

  it('审批定案: a heavy sanction is decided by a collective discussion; the head may return a proposal', async () => {
    const c = await investigating('集体讨论测试');
    await c.act(inv, 'record_findings', {
      facts: facts({ severity: { nature: 'egregious', harm: 'large', impact: 'large' } }),
    });
    await c.act(inv, 'notify_statement');
    await c.act(officer, 'record_statement', { personId: 'O-0001', text: '无异议。' });
    const read = (await sup.get(`/api/v1/cases/${c.id}`)).json();
    const forms = read.determination.persons[0].sanctions.forms as string[];
    expect(forms).toContain('removal_from_post');
    expect(read.determination.persons[0].sanctions.recommended).toBe('suspension_of_qualification');
    // Departing from the recommendation needs a reason; the head returns the proposal, it comes back.
    const other = 'removal_from_post';
    const noReason = await c.act(
      inv,
      'propose_decision',
      { kind: 'pursue', reasons: '情节恶劣。', sanctions: [{ personId: 'O-0001', form: other }] },
      400,
    );
    expect(noReason.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'sanctions[0].reason',
    ]);
    await c.act(inv, 'propose_decision', {
      kind: 'pursue',
      reasons: '情节恶劣。',
      sanctions: [
        { personId: 'O-0001', form: 'removal_from_post', reason: '当事人有悔改表现，调离执法岗位即可。' },
      ],
    });
    const returned = await c.act(sup, 'return_proposal', { reason: '请补充当事人以往过错情况。' });
    expect(returned.json()).toMatchObject({ state: 'findings', proposal: null });
    await c.act(inv, 'notify_statement');
    await c.act(inv, 'propose_decision', {
      kind: 'pursue',
      reasons: '情节恶劣，依第二十四条调离执法岗位。',
      sanctions: [
        { personId: 'O-0001', form: 'removal_from_post', reason: '当事人有悔改表现，调离执法岗位即可。' },
      ],
    });
    // 调离执法岗位 is above the pack's threshold (离岗培训): the head alone may not decide it.
    const alone = await c.act(sup, 'decide', { opinion: '同意。' }, 400);
    expect(alone.json().error.fields).toEqual([
      { path: 'collective', message: '拟给予调离执法岗位，须经集体讨论决定' },
    ]);
    const meeting = {
      meetingOn: todayInChina(),
      attendees: ['局长 张一', '副局长 李二', '科长 王三', '科长 赵四', '科长 钱五'],
      votesFor: 4,
      votesAgainst: 1,
      votesAbstain: 0,
      minutes: '经讨论，同意调查组意见。',
    };
    const split = await c.act(
      sup,
      'decide',
      { opinion: '同意。', collective: { ...meeting, votesFor: 2, votesAgainst: 3 } },
      400,
    );
    expect(split.json().error.fields[0].path).toBe('collective.votesFor');
    const decided = (await c.act(sup, 'decide', { opinion: '同意。', collective: meeting })).json();
    expect(decided.state).toBe('decided');
    expect(decided.approval.collective).toMatchObject({ votesFor: 4, attendees: meeting.attendees });
    expect(decided.decision.sanctions).toEqual([
      {
        personId: 'O-0001',
        form: 'removal_from_post',
        formLabel: '调离执法岗位',
        reason: '当事人有悔改表现，调离执法岗位即可。',
      },
    ]);
    // The decision says how it was approved and the sanction chosen.
    const doc = decided.documents.find((d: { kind: string }) => d.kind === 'decision');
    const file = await sup.get(`/api/v1/cases/${c.id}/documents/${doc.id}`);
    const text = await documentText(file.rawPayload);
    expect(text).toContain('集体讨论决定（出席5人，赞成4票，反对1票，弃权0票）');
    expect(text).toContain('调离执法岗位');
    // The officer concerned sees their own sanction, not the meeting.
    const mine = (await officer.get(`/api/v1/cases/${c.id}`)).json();
    expect(mine.decision.sanctions.map((x: { form: string }) => x.form)).toEqual(['removal_from_post']);
    expect(mine.approval).toBeNull();
  });

  it('not pursued: nothing to execute; closes once the appeal window has passed', async () => {
    const c = await investigating('不予追究测试');
    await c.act(inv, 'record_findings', { facts: facts({ circumstances: ['trivial'] }) });
    await c.act(inv, 'notify_statement');
    await c.act(inv, 'waive_statement', { personId: 'O-0001', reason: '当事人书面放弃' });
    await proposeAndDecide(c.act, c.id, inv, sup, 'not_pursue', '情节显著轻微，依第二十三条不予追究。');
    await c.act(sup, 'serve', { servedOn: todayInChina(), recipient: '戴峰', method: '直接送达' });
    await c.act(sup, 'execute', { note: 'x' }, 400);
    await c.act(sup, 'close', {}, 400);
    // Thirty working days later (ninety calendar days are more than enough).
    clock.advance(90);
    try {
      const closed = await c.act(sup, 'close');
      expect(closed.json().state).toBe('closed');
      // Not pursued: there is nothing to appeal.
      const none = await officer.post('/api/v1/appeals', { caseId: c.id, grounds: '迟来的申诉，请求复查。' });
      expect(none.statusCode).toBe(400);
      expect(none.json().error.fields[0].path).toBe('caseId');
    } finally {
      clock.reset();
    }
  });

  it('a suspected breach of discipline is referred; the discipline organ records the outcome', async () => {
    const c = await investigating('移送测试');
    await c.act(inv, 'record_findings', { facts: facts({ suspected: { discipline: true, crime: false } }) });
    await c.act(inv, 'notify_statement');
    await c.act(officer, 'record_statement', { personId: 'O-0001', text: '无异议。' });
    const decided = await proposeAndDecide(c.act, c.id, inv, sup, 'pursue', '移送纪检监察机关。');
    // The referral names its organ: the case region's discipline commission by default.
    expect(decided.json().referrals).toEqual([
      expect.objectContaining({
        organ: 'discipline',
        organId: '529900-JW',
        organName: 'A市纪委监委',
        officerId: 'O-0001',
        outcome: null,
      }),
    ]);
    const jiwei = await t.login('jiwei');
    const pending = (await jiwei.get('/api/v1/referrals?pending=true')).json().items;
    const ref = pending.find((r: { caseId: string }) => r.caseId === c.id);
    expect(ref).toBeTruthy();
    expect(
      (await sup.post(`/api/v1/referrals/${ref.id}/outcome`, { version: ref.version, outcome: '警告' }))
        .statusCode,
    ).toBe(403);
    const done = await jiwei.post(`/api/v1/referrals/${ref.id}/outcome`, {
      version: ref.version,
      outcome: '给予政务警告处分',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ outcome: '给予政务警告处分', outcomeBy: 'jiwei' });
    const stale = await jiwei.post(`/api/v1/referrals/${ref.id}/outcome`, {
      version: ref.version,
      outcome: '重复',
    });
    expect(stale.statusCode).toBe(409);
    // The organ's users open the referred case file and its documents, read-only.
    const file = await jiwei.get(`/api/v1/cases/${c.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.json()).toMatchObject({ view: 'organ', roles: [], complainant: null });
    expect(file.json().availability.filter((a: { available: boolean }) => a.available)).toEqual([]);
    expect(file.json().determination).not.toBeNull();
    const letter = file.json().documents.find((d: { kind: string }) => d.kind === 'referral_letter');
    const download = await jiwei.get(`/api/v1/cases/${c.id}/documents/${letter.id}`);
    expect(download.statusCode).toBe(200);
    expect(await documentText(download.rawPayload)).toContain('A市纪委监委');
    expect(
      (await jiwei.post(`/api/v1/cases/${c.id}/actions/close`, { version: file.json().version })).statusCode,
    ).toBe(404);
    // A user of another organ sees neither the case nor the referral.
    const db = t.database.db;
    await db.updateTable('users').set({ organId: '529900-JCY' }).where('username', '=', 'jiwei').execute();
    try {
      expect((await jiwei.get(`/api/v1/cases/${c.id}`)).statusCode).toBe(404);
      const seen = (await jiwei.get('/api/v1/referrals')).json().items;
      expect(seen.some((r: { caseId: string }) => r.caseId === c.id)).toBe(false);
    } finally {
      await db.updateTable('users').set({ organId: '529900-JW' }).where('username', '=', 'jiwei').execute();
    }
  });

  it('the proposal names the receiving organ from the register; a wrong one is refused by field', async () => {
    const organs = (await sup.get('/api/v1/organs?forRegion=529900&kind=appointing_authority')).json().items;
    expect(organs).toEqual([
      expect.objectContaining({ id: '529900-ZF', name: 'A市人民政府', kindLabel: '任免机关' }),
    ]);
    const c = await investigating('移送机关选择测试');
    await c.act(inv, 'record_findings', { facts: facts({ suspected: { discipline: true, crime: false } }) });
    await c.act(inv, 'notify_statement');
    await c.act(officer, 'record_statement', { personId: 'O-0001', text: '无异议。' });
    const read = (await sup.get(`/api/v1/cases/${c.id}`)).json();
    const proposal = recommendedProposal(read, 'pursue', '移送任免机关。');
    for (const [organ, message] of [
      ['529900-JCY', '人民检察院不受理涉嫌违纪的移送'],
      ['529921-JW', '该机关不管辖本案所在地区'],
      ['529900-XX', '该机关不在移送机关登记册中'],
    ] as const) {
      const bad = await c.act(inv, 'propose_decision', { ...proposal, organs: { discipline: organ } }, 400);
      expect(bad.json().error.fields).toEqual([{ path: 'organs.discipline', message }]);
    }
    await c.act(inv, 'propose_decision', { ...proposal, organs: { discipline: '529900-ZF' } });
    const decided = (await c.act(sup, 'decide', { opinion: '同意。' })).json();
    expect(decided.referrals).toEqual([
      expect.objectContaining({
        organId: '529900-ZF',
        organName: 'A市人民政府',
        note: expect.stringContaining('移送A市人民政府'),
      }),
    ]);
  });

  it('the public channel is rate-limited per client', async () => {
    const limited = await createTestApp(driver, { rateLimits: { public: 3 } });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 6; i++) {
        const r = await limited.app.inject({ url: '/api/v1/public/complaints/0000000000000000' });
        codes.push(r.statusCode);
      }
      expect(codes.slice(0, 3)).toEqual([404, 404, 404]);
      expect(codes).toContain(429);
    } finally {
      await limited.close();
    }
  });
});
