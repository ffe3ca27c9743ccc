// 申诉 end to end over the API: an officer appeals a served decision; someone who took no part in
// it accepts; the panel is drawn with a recorded seed (no member of the officer's agency or of the
// deciding office, at most one serving officer, a legal expert, reproducible) and a member's
// declared conflict brings in the next of the draw; a hearing is noticed and held; only members
// present at every evidence session vote; the votes stay sealed until the last; an appeal never
// makes the sanction heavier; the revoked decision reaches the officer's record and early warning.
// An appeal filed out of time is registered and rejected with a document that says why.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/day-number.js';
import { drawPanel, type PoolMember } from '../../src/core/relief/panel.js';
import { documentText } from '../../src/documents/docx-text.testing.js';
import { officerFaults } from '../../src/store/acts.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';
import { servedCase as served } from '../helpers/served-case.js';

const START = '2026-11-02';
const paths = (r: { json(): { error: { fields: { path: string }[] } } }) =>
  r.json().error.fields.map((f) => f.path);

describe.each(drivers)('appeals to the relief panel on %s', (driver) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let province: Client;
  let officer: Client;
  let legal: Client;
  let ids: Record<string, string>;
  let usernameOf: Map<string, string>;
  const appeal = { id: '', version: 0 };
  let caseId: string;

  const step = async (c: Client, action: string, body: object = {}, expected = 200, a = appeal) => {
    const r = await c.post(`/api/v1/appeals/${a.id}/actions/${action}`, { version: a.version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    if (r.statusCode === 200) a.version = r.json().version;
    return r;
  };
  const member = (memberId: string) => t.login(usernameOf.get(memberId)!);

  /** A case whose decision to pursue 戴峰 (O-0001) was served today (test/helpers/served-case.ts). */
  const servedCase = (subject: string) => served(t, { sup, inv, ids }, subject, clock.today());

  beforeAll(async () => {
    t = await createTestApp(driver, { clock });
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    province = await t.login('gzsfj');
    officer = await t.login('officer');
    legal = await t.login('scjfz');
    const users = await t.database.db.selectFrom('users').select(['id', 'username']).execute();
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
    const members = await t.database.db.selectFrom('reliefMembers').select(['id', 'userId']).execute();
    const byId = new Map(users.map((u) => [u.id, u.username]));
    usernameOf = new Map(members.map((m) => [m.id, byId.get(m.userId!)!]));
  });
  afterAll(async () => t?.close());

  it('an appeal filed out of time is registered, cannot be accepted, and is rejected with reasons', async () => {
    const c = await servedCase('申诉逾期测试');
    clock.advance(70);
    try {
      const filed = await officer.post('/api/v1/appeals', {
        caseId: c.id,
        grounds: '处理决定认定事实不清，请求撤销。',
      });
      expect(filed.statusCode, filed.body).toBe(201);
      expect(filed.json()).toMatchObject({ state: 'filed', late: true });
      const late = { id: filed.json().id, version: filed.json().version };
      const refused = await step(province, 'accept', { opinion: '受理' }, 400, late);
      expect(paths(refused)).toEqual(['filedOn']);
      expect(refused.json().error.message).toMatch(/超过申诉期限/);
      const rejected = await step(province, 'reject', { reason: '超过申诉期限，且无正当理由。' }, 200, late);
      expect(rejected.json()).toMatchObject({ state: 'rejected', acceptance: { reject: { late: true } } });
      const doc = rejected.json().documents[0];
      expect(doc).toMatchObject({ kind: 'appeal_rejection', title: '不予受理申诉通知书' });
      const dl = await officer.get(`/api/v1/appeals/${late.id}/documents/${doc.id}`);
      expect(dl.statusCode).toBe(200);
      const text = await documentText(dl.rawPayload);
      expect(text).toContain('已超过申诉期限');
      expect(text).toContain('上一级行政执法监督机构');
    } finally {
      clock.set(START);
    }
  });

  it('the officer files; only once; nobody else files for them', async () => {
    const c = await servedCase('申诉测试：重复罚款');
    caseId = c.id;
    const bySupervisor = await sup.post('/api/v1/appeals', { caseId, grounds: '代为申诉的理由写在这里。' });
    expect(bySupervisor.statusCode).toBe(403);
    const short = await officer.post('/api/v1/appeals', { caseId, grounds: '不服' });
    expect(short.statusCode).toBe(400);
    expect(paths(short)).toEqual(['grounds']);
    const filed = await officer.post('/api/v1/appeals', {
      caseId,
      grounds: '重复罚款系系统重复录入所致，本人已及时报告，请求撤销处理决定。',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect(filed.json()).toMatchObject({ state: 'filed', late: false, originalForm: expect.any(String) });
    expect(filed.json().number).toMatch(/^A市申诉〔2026〕\d+号$/);
    appeal.id = filed.json().id;
    appeal.version = filed.json().version;
    const again = await officer.post('/api/v1/appeals', { caseId, grounds: '再次申诉，理由同前。' });
    expect(again.statusCode).toBe(400);
    // The case shows the appeal; the decision stands: it executes, but cannot close.
    const onCase = (await sup.get(`/api/v1/cases/${caseId}`)).json();
    expect(onCase.appeal).toMatchObject({ id: appeal.id, state: 'filed', result: null });
    await c.act(sup, 'execute', { note: '已对戴峰进行诫勉谈话。' });
    const close = await c.act(sup, 'close', {}, 400);
    expect(paths(close)).toEqual(['appeal']);
  });

  it('no one who took part in the decision accepts it; another does, with the deadline and its extension', async () => {
    const byDecider = await step(sup, 'accept', { opinion: '同意受理' }, 400);
    expect(paths(byDecider)).toEqual(['actor']);
    await step(officer, 'accept', { opinion: '同意受理' }, 403);
    const accepted = await step(province, 'accept', { opinion: '符合受理条件，予以受理。' });
    expect(accepted.json()).toMatchObject({ state: 'accepted', dueOn: addDays(START, 60) });
    expect(accepted.json().documents.map((d: { kind: string }) => d.kind)).toEqual(['appeal_acceptance']);
    const extended = await step(province, 'extend', { reason: '案情复杂，需补充调查。' });
    expect(extended.json().dueOn).toBe(addDays(START, 90));
    const twice = await step(province, 'extend', { reason: '再次延长审理期限。' }, 400);
    expect(paths(twice)).toEqual(['extensions']);
    // The case's 待办 shows the panel's due date; past it, the appeal is overdue.
    const deadlines = (await sup.get(`/api/v1/cases/${caseId}`)).json().deadlines;
    expect(deadlines.find((d: { step: string }) => d.step === 'appeal_answer')).toMatchObject({
      dueOn: addDays(START, 90),
    });
    clock.advance(91);
    try {
      const listed = (await province.get(`/api/v1/appeals?caseId=${caseId}`)).json().items[0];
      expect(listed).toMatchObject({ id: appeal.id, overdue: true });
      expect((await province.get('/api/v1/home')).json().appeals).toMatchObject({ open: 1, overdue: 1 });
    } finally {
      clock.set(START);
    }
  });

  it('draws the panel by the rules, reproducibly; a declared conflict brings in the next of the draw', async () => {
    const bad = await step(province, 'draw', { seed: '种子' }, 400);
    expect(paths(bad)).toEqual(['seed']);
    const drawn = (await step(province, 'draw', { seed: 'appeal-test-1' })).json();
    expect(drawn.state).toBe('panel');
    const panel = drawn.panel;
    expect(panel).toMatchObject({ seed: 'appeal-test-1', size: 5 });
    const seated = panel.members.map((m: { id: string }) => m.id);
    expect(seated).not.toContain('RM-05'); // the appellant's agency
    expect(seated).not.toContain('RM-09'); // the office that decided
    expect(seated.filter((id: string) => id === 'RM-04' || id === 'RM-10').length).toBeLessThanOrEqual(1);
    expect(
      panel.members.some((m: { kind: string }) => m.kind === 'legal_expert' || m.kind === 'lawyer'),
    ).toBe(true);
    expect(panel.members.filter((m: { chair: boolean }) => m.chair)).toHaveLength(1);
    // Anyone can re-run the draw from the pool and the seed.
    const pool: PoolMember[] = (await t.database.db.selectFrom('reliefMembers').selectAll().execute()).map(
      (m) => ({
        id: m.id,
        kind: m.kind,
        agencyId: m.agencyId,
        officeRegion: m.officeRegion,
        enforcementOfficer: m.enforcementOfficer,
      }),
    );
    const rules = { size: 5, appellantAgencyId: '529900-SCJ', decidingOfficeRegion: '529900' };
    expect(drawPanel(pool, rules, 'appeal-test-1').panel?.members).toEqual(seated);
    expect(panel.pool).toHaveLength(pool.length);
    expect(panel.rules).toEqual(rules);
    // The seed is in the audit chain with the step.
    const drawEntry = (await province.get(`/api/v1/appeals/${appeal.id}/history`))
      .json()
      .items.find((x: { action: string }) => x.action === 'appeal.draw');
    expect(drawEntry.detail.seed).toBe('appeal-test-1');

    // A seated member (not the chair) declares a conflict and is replaced by the next of the order.
    const leaving = panel.members.find((m: { chair: boolean }) => !m.chair).id as string;
    const m = await member(leaving);
    const r = await step(m, 'declare_conflict', { reason: '与申诉人系同学关系' });
    const now = r.json().panel.members.map((x: { id: string }) => x.id);
    expect(now).not.toContain(leaving);
    expect(now.filter((id: string) => seated.includes(id))).toHaveLength(4);
    expect(now).toEqual(drawPanel(pool, rules, 'appeal-test-1', [leaving]).panel?.members);
    expect(r.json().panel.conflicts).toEqual([
      expect.objectContaining({ memberId: leaving, reason: '与申诉人系同学关系' }),
    ]);
    expect((await m.get(`/api/v1/appeals/${appeal.id}`)).statusCode).toBe(404);
  });

  it('hearings with notice and attendance; only members at every evidence session vote, with a quorum', async () => {
    const soon = await step(
      province,
      'schedule_hearing',
      { on: START, place: '市司法局三楼会议室', evidence: true },
      400,
    );
    expect(paths(soon)).toEqual(['on']);
    const hearingOn = addDays(START, 7);
    const scheduled = await step(province, 'schedule_hearing', {
      on: hearingOn,
      place: '市司法局三楼会议室',
      evidence: true,
    });
    const session = scheduled.json().sessions[0];
    expect(scheduled.json().documents.map((d: { kind: string }) => d.kind)).toContain('hearing_notice');
    const notice = scheduled.json().documents.find((d: { kind: string }) => d.kind === 'hearing_notice');
    const text = await documentText(
      (await officer.get(`/api/v1/appeals/${appeal.id}/documents/${notice.id}`)).rawPayload,
    );
    expect(text).toContain('委托一至二名代理人');
    const detail = scheduled.json();
    const members = detail.panel.members.map((x: { id: string }) => x.id) as string[];
    const chair = detail.panel.members.find((x: { chair: boolean }) => x.chair).id as string;
    const absent = members.find((id) => id !== chair)!;
    const early = await step(
      province,
      'record_session',
      {
        sessionId: session.id,
        attendees: members,
        appellantHeard: true,
        note: '听取申诉人陈述。',
      },
      400,
    );
    expect(paths(early)).toEqual(['sessionId']);
    clock.set(hearingOn);
    const voteEarly = await step(province, 'open_vote', {}, 400);
    expect(paths(voteEarly)).toEqual(['sessions']);
    const chairClient = await member(chair);
    await step(
      chairClient,
      'record_session',
      {
        sessionId: session.id,
        attendees: [...members.filter((id) => id !== absent), 'RM-99'],
        appellantHeard: true,
        note: '申诉人到会陈述。',
      },
      400,
    );
    const recorded = await step(chairClient, 'record_session', {
      sessionId: session.id,
      attendees: members.filter((id) => id !== absent),
      appellantHeard: true,
      representative: '李律师',
      note: '申诉人到会陈述，代理人发表意见，接收书证两份。',
    });
    expect(recorded.json().panel.members.find((x: { id: string }) => x.id === absent).eligible).toBe(false);
    await step(chairClient, 'open_vote');

    // The absent member may not vote.
    const absentClient = await member(absent);
    const refused = await step(absentClient, 'vote', { outcome: 'revoked', reasons: '理由充分成立' }, 400);
    expect(paths(refused)).toEqual(['actor']);

    // Never heavier: the original form is the only ceiling a change may not reach.
    const voters = members.filter((id) => id !== absent);
    const first = await member(voters[0]!);
    const heavier = await step(
      first,
      'vote',
      { outcome: 'changed', form: 'disqualification', reasons: '应当从重处理' },
      400,
    );
    expect(paths(heavier)).toEqual(['form']);
    expect(heavier.json().error.message).toMatch(/不因申诉加重处理/);

    // The member's home page counts the vote still to cast, until it is cast.
    expect((await first.get('/api/v1/home')).json().appeals).toMatchObject({ open: 1, toVote: 1 });
    // Sealed: after a vote, nobody sees how anyone voted, only how many have.
    await step(first, 'vote', { outcome: 'revoked', reasons: '系统原因所致，本人无过错。' });
    expect((await first.get('/api/v1/home')).json().appeals).toMatchObject({ open: 1, toVote: 0 });
    await step(first, 'vote', { outcome: 'revoked', reasons: '再投一次' }, 400);
    const sealed = (await province.get(`/api/v1/appeals/${appeal.id}`)).json();
    expect(sealed.voting).toMatchObject({ cast: 1, eligible: 4, mine: null });
    expect(sealed.decision).toBeNull();
    expect(JSON.stringify((await province.get(`/api/v1/appeals/${appeal.id}/history`)).json())).not.toContain(
      '系统原因所致',
    );
    const mine = (await first.get(`/api/v1/appeals/${appeal.id}`)).json();
    expect(mine.voting.mine).toBe('revoked');
  });

  it('the last vote decides by majority; the revoked decision leaves the record and early warning', async () => {
    const d = (await province.get(`/api/v1/appeals/${appeal.id}`)).json();
    const rest = d.panel.members.filter((x: { eligible: boolean; voted: boolean }) => x.eligible && !x.voted);
    expect(rest).toHaveLength(3);
    const votes = [
      { outcome: 'revoked', reasons: '事实认定有误，应予撤销。' },
      { outcome: 'upheld', reasons: '原决定并无不当。', dissent: '本人认为应维持。' },
      { outcome: 'revoked', reasons: '当事人及时报告并纠正。' },
    ];
    let last: Record<string, unknown> = {};
    for (const [i, x] of rest.entries()) last = (await step(await member(x.id), 'vote', votes[i]!)).json();
    expect(last).toMatchObject({
      state: 'decided',
      outcome: 'revoked',
      decision: {
        outcome: 'revoked',
        counts: { upheld: 1, changed: 0, revoked: 3 },
        voters: 4,
        dissenting: 1,
      },
    });
    const docs = (last.documents as { kind: string; id: number }[]).map((x) => x.kind);
    expect(docs).toEqual(expect.arrayContaining(['appeal_decision', 'restoration']));
    const decisionDoc = (last.documents as { kind: string; id: number }[]).find(
      (x) => x.kind === 'appeal_decision',
    )!;
    const text = await documentText(
      (await officer.get(`/api/v1/appeals/${appeal.id}/documents/${decisionDoc.id}`)).rawPayload,
    );
    expect(text).toContain('维持原处理决定 1 票，变更 0 票，撤销 3 票');
    expect(text).toContain('撤销原处理决定');
    for (const m of d.panel.members) expect(text).not.toContain(m.name);

    // Unsealed in the audit chain, with reasons and the dissent, for the office; not for the appellant.
    const history = (await province.get(`/api/v1/appeals/${appeal.id}/history`)).json();
    const tallyEntry = history.items.find((x: { action: string }) => x.action === 'appeal.tally');
    expect(tallyEntry.detail.votes).toHaveLength(4);
    expect(JSON.stringify(tallyEntry.detail)).toContain('本人认为应维持。');
    const theirs = (await officer.get(`/api/v1/appeals/${appeal.id}/history`)).json();
    expect(theirs.items.find((x: { action: string }) => x.action === 'appeal.tally').detail).toEqual({
      outcome: 'revoked',
    });

    // The case: the person's relief, the appeal decided; it may now close.
    const got = await sup.get(`/api/v1/cases/${caseId}`);
    expect(got.statusCode, got.body).toBe(200);
    const c = got.json();
    expect(c.persons.find((p: { officerId: string }) => p.officerId === 'O-0001').relief).toMatchObject({
      outcome: 'revoked',
      appealId: appeal.id,
    });
    expect(c.appeal).toMatchObject({ result: 'revoked', state: 'decided' });
    const faults = await officerFaults(t.database.db, { kind: 'all' }, '2026-01-01', '2026-12-31');
    expect(faults.filter((f) => f.officerId === 'O-0001' && f.caseId === caseId)).toEqual([]);
    expect(faults.some((f) => f.officerId === 'O-0002' && f.caseId === caseId)).toBe(true);

    // The agency's legal office reads its officer's appeal; the relief figures count it.
    expect((await legal.get(`/api/v1/appeals/${appeal.id}`)).statusCode).toBe(200);
    const stats = (await province.get('/api/v1/appeals/statistics')).json().rows;
    expect(stats).toEqual(
      expect.arrayContaining([expect.objectContaining({ state: 'decided', outcome: 'revoked', n: 1 })]),
    );
  });
});
