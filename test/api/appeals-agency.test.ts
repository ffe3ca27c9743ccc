// 申诉 by the agency (issue 12: "the officer (or the agency, for Art. 25 measures) appeals"): the
// agency's legal office files for the agency when the served decision imposes Art. 25 measures on
// it, and only then; one appeal per case and appellant; the panel leaves out the agency's staff; a
// change must name lighter measures (never heavier); a revoked decision sets the case's
// agency_relief and the documents speak to the agency.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/day-number.js';
import { documentText } from '../../src/documents/docx-text.testing.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { duplicateFineFacts } from '../helpers/case-facts.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';
import { servedCase as served } from '../helpers/served-case.js';

const START = '2026-11-02';
const paths = (r: { json(): { error: { fields: { path: string }[] } } }) =>
  r.json().error.fields.map((f) => f.path);

/** The same facts, but the agency's decision was overturned in review (Art. 25 applies to it). */
const agencyFacts = {
  ...duplicateFineFacts,
  agencies: [{ id: '529900-SCJ', triggers: ['overturned_in_review'] }],
};

describe.each(drivers)("an agency's appeal against Art. 25 measures on %s", (driver) => {
  const clock = fixedClock(START);
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let province: Client;
  let officer: Client;
  let legal: Client;
  let ids: Record<string, string>;
  let usernameOf: Map<string, string>;

  const step = async (
    c: Client,
    id: string,
    a: { version: number },
    action: string,
    body = {},
    expected = 200,
  ) => {
    const r = await c.post(`/api/v1/appeals/${id}/actions/${action}`, { version: a.version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(expected);
    if (r.statusCode === 200) a.version = r.json().version;
    return r;
  };

  const servedCase = async (subject: string, facts: object) =>
    (await served(t, { sup, inv, ids }, subject, clock.today(), facts)).id;

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

  it('is refused, naming appellant, when the decision imposes no Art. 25 measure on the agency', async () => {
    const caseId = await servedCase('机关申诉测试：无第二十五条处理', duplicateFineFacts);
    const r = await legal.post('/api/v1/appeals', {
      caseId,
      grounds: '本机关对处理决定不服，请求撤销。',
      appellant: 'agency',
    });
    expect(r.statusCode, r.body).toBe(400);
    expect(paths(r)).toEqual(['appellant']);
    // Nor may anyone but the agency's legal office file for the agency.
    const byOfficer = await officer.post('/api/v1/appeals', {
      caseId,
      grounds: '本机关对处理决定不服，请求撤销。',
      appellant: 'agency',
    });
    expect(byOfficer.statusCode).toBe(403);
  });

  it('is filed by the legal office, heard by a panel without the agency staff, never heavier, and revoked reaches the case', async () => {
    const caseId = await servedCase('机关申诉测试：复议被撤销', agencyFacts);
    const filed = await legal.post('/api/v1/appeals', {
      caseId,
      grounds: '原行政行为被撤销系法律适用分歧所致，本机关已整改，请求撤销对本机关的处理。',
      appellant: 'agency',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const a = filed.json();
    expect(a).toMatchObject({
      state: 'filed',
      appellantKind: 'agency',
      appellantName: a.agencyName,
      officerId: null,
      originalForm: null,
      originalMeasures: expect.arrayContaining(['rectify_within_limit']),
      roles: ['appellant'],
    });
    const again = await legal.post('/api/v1/appeals', {
      caseId,
      grounds: '再次申诉，理由同前。',
      appellant: 'agency',
    });
    expect(again.statusCode).toBe(400);
    // The officer's own appeal is a different appellant's: still open to them.
    const own = await officer.post('/api/v1/appeals', { caseId, grounds: '本人亦不服处理决定，请求撤销。' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ appellantKind: 'officer', appellantName: '戴峰' });
    // The officer does not read the agency's appeal; the list shows both to the office.
    expect((await officer.get(`/api/v1/appeals/${a.id}`)).statusCode).toBe(404);
    const listed = (await province.get(`/api/v1/appeals?caseId=${caseId}`)).json().items;
    expect(listed.map((x: { appellantKind: string }) => x.appellantKind).sort()).toEqual([
      'agency',
      'officer',
    ]);

    const v = { version: a.version };
    await step(province, a.id, v, 'accept', { opinion: '符合受理条件，予以受理。' });
    const drawn = (await step(province, a.id, v, 'draw', { seed: 'agency-appeal-1' })).json();
    expect(drawn.panel.rules.appellantAgencyId).toBe('529900-SCJ');
    expect(drawn.panel.members.map((m: { id: string }) => m.id)).not.toContain('RM-05');
    const members = drawn.panel.members.map((m: { id: string }) => m.id) as string[];
    const chair = drawn.panel.members.find((m: { chair: boolean }) => m.chair).id as string;
    const hearingOn = addDays(START, 7);
    const scheduled = (
      await step(province, a.id, v, 'schedule_hearing', {
        on: hearingOn,
        place: '市司法局会议室',
        evidence: true,
      })
    ).json();
    clock.set(hearingOn);
    try {
      const login = (id: string) => t.login(usernameOf.get(id)!);
      const chairClient = await login(chair);
      await step(chairClient, a.id, v, 'record_session', {
        sessionId: scheduled.sessions[0].id,
        attendees: members,
        appellantHeard: true,
        note: '机关法制机构负责人到会陈述。',
      });
      await step(chairClient, a.id, v, 'open_vote');
      const first = await login(members[0]!);
      const heavier = await step(
        first,
        a.id,
        v,
        'vote',
        { outcome: 'changed', measures: ['award_disqualification'], reasons: '应当从重处理' },
        400,
      );
      expect(paths(heavier)).toEqual(['measures']);
      expect(heavier.json().error.message).toMatch(/不因申诉加重处理/);
      let last: { state: string; documents: { kind: string; id: number }[]; decision: unknown } | null = null;
      for (const [i, id] of members.entries()) {
        const body =
          i === 0
            ? { outcome: 'upheld', reasons: '原处理并无不当。' }
            : { outcome: 'revoked', reasons: '复议撤销系法律适用分歧，机关无过错。' };
        last = (await step(await login(id), a.id, v, 'vote', body)).json();
      }
      expect(last).toMatchObject({ state: 'decided', decision: { outcome: 'revoked', measures: null } });
      const kinds = last!.documents.map((d) => d.kind);
      expect(kinds).toEqual(expect.arrayContaining(['appeal_decision', 'restoration']));
      const text = async (kind: string) =>
        documentText(
          (
            await legal.get(
              `/api/v1/appeals/${a.id}/documents/${last!.documents.find((d) => d.kind === kind)!.id}`,
            )
          ).rawPayload,
        );
      const decision = await text('appeal_decision');
      expect(decision).toContain('你机关于');
      expect(decision).not.toContain('戴峰');
      const restoration = await text('restoration');
      expect(restoration).toContain(`为${a.agencyName}恢复名誉`);
      expect(restoration).not.toContain('同志');
    } finally {
      clock.set(START);
    }
    const row = await t.database.db
      .selectFrom('cases')
      .select('agencyRelief')
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(row.agencyRelief).toMatchObject({ appealId: a.id, outcome: 'revoked', measures: [] });
    // The officer's record is untouched by the agency's relief.
    const person = await t.database.db
      .selectFrom('casePersons')
      .select('relief')
      .where('caseId', '=', caseId)
      .where('officerId', '=', 'O-0001')
      .executeTakeFirstOrThrow();
    expect(person.relief).toBeNull();
  });
});
