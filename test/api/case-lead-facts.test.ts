// GET /cases/:id/lead-facts: a case opened from a detection lead starts its findings from what the
// lead and its enforcement act know — the catalogue item, the act's officers (matched to the
// register, flagged when of another agency), its date — for the case's supervisor and
// investigators only; and what it suggests is a request record_findings accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../src/core/detect/testing.js';
import { importActs } from '../../src/store/acts-import.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

describe.each(drivers)('lead facts of a case on %s', (driver) => {
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let caseId: string;
  let version: number;
  let own: { id: string; name: string }[];
  let other: { id: string; name: string; agencyName: string };

  beforeAll(async () => {
    t = await createTestApp(driver);
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    const db = t.database.db;
    own = await db
      .selectFrom('officers')
      .select(['id', 'name'])
      .where('agencyId', '=', '529900-SCJ')
      .orderBy('id')
      .limit(3)
      .execute();
    other = await db
      .selectFrom('officers')
      .innerJoin('agencies', 'agencies.id', 'officers.agencyId')
      .select(['officers.id', 'officers.name', 'agencies.name as agencyName'])
      .where('officers.agencyId', '<>', '529900-SCJ')
      .where('officers.regionCode', '=', '529900')
      .orderBy('officers.id')
      .executeTakeFirstOrThrow();
    // An act of the city's market regulator, one of whose officers the register puts elsewhere.
    const a = act('penalty', {
      id: 'LF-2026-0000001',
      agency: '529900-SCJ',
      officers: [
        { id: own[0].id, certificate: '52990000101', validUntil: '2028-12-31' },
        { id: other.id, certificate: '52990000102', validUntil: '2028-12-31' },
      ],
      chain: { handler: own[0].id, reviewer: own[1].id, approver: own[2].id },
      incidentDate: '2026-02-20',
      dates: { filed: '2026-02-25', decided: '2026-03-10' },
    });
    await importActs(t.database, { batches: [[{ line: 1, value: a }]] }, { detect: false });
    const lead = await db
      .insertInto('leads')
      .values({
        regionCode: '529900',
        source: 'detection',
        agencyId: '529900-SCJ',
        officerId: own[0].id,
        subject: '重复罚款：食品经营许可（LF-2026-0000001）',
        narrative: '同一违法行为两次罚款。',
        occurredOn: '2026-03-10',
        complaintId: null,
        findingKey: 'LF-2026-0000001|duplicate-fine',
        actId: a.id,
        rule: 'duplicate-fine',
        faultCode: 'penalty.04',
        basis: '《中华人民共和国行政处罚法》第二十九条',
        detail: '与另一决定重复',
        mergedInto: null,
        caseId: null,
        dismissReason: null,
        createdBy: null,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const opened = await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().caseId;
  });
  afterAll(async () => t?.close());

  it('suggests the fault, the act officers, its date, and flags the officer of another agency', async () => {
    const res = await sup.get(`/api/v1/cases/${caseId}/lead-facts`);
    expect(res.statusCode, res.body).toBe(200);
    const { recorded, prefill } = res.json();
    expect(recorded).toBe(false);
    expect(prefill).toMatchObject({
      actId: 'LF-2026-0000001',
      agency: { id: '529900-SCJ', name: 'A市市场监督管理局' },
      faults: ['penalty.04'],
      fault: { code: 'penalty.04', text: expect.any(String) },
      rule: 'duplicate-fine',
      ruleLabel: '重复罚款',
      occurredOn: '2026-03-10',
      decision: 'approval',
    });
    expect(prefill.fault.text.length).toBeGreaterThan(4);
    expect(prefill.people).toEqual([
      expect.objectContaining({
        id: own[0].id,
        role: 'handler',
        name: own[0].name,
        agencyId: '529900-SCJ',
        registered: true,
        otherAgency: false,
      }),
      expect.objectContaining({
        id: other.id,
        role: 'handler',
        name: other.name,
        agencyName: other.agencyName,
        otherAgency: true,
      }),
    ]);
    expect(prefill.note).toBe(
      `已根据线索预填：违法事项 penalty.04（${prefill.fault.text}）、执法行为 LF-2026-0000001、执法人员 ${own[0].name}（${own[0].id}）、${other.name}（${other.id}）`,
    );
  });

  it('only the case supervisor and investigators read it: 404 for others', async () => {
    for (const username of ['officer', 'jxsfj', 'scjfz', 'pingjia']) {
      const c = await t.login(username);
      const res = await c.get(`/api/v1/cases/${caseId}/lead-facts`);
      expect(res.statusCode, `${username}: ${res.body}`).toBe(404);
    }
    expect((await sup.get('/api/v1/cases/00000000-0000-4000-8000-000000000000/lead-facts')).statusCode).toBe(
      404,
    );
    expect((await sup.get('/api/v1/cases/nope/lead-facts')).statusCode).toBe(400);
  });

  it('a case not from a detection lead has no prefill', async () => {
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject: '预填对照投诉',
        narrative: '执法人员未出示证件。',
        anonymous: true,
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const lead = (await sup.get(`/api/v1/leads?q=${encodeURIComponent('预填对照投诉')}`)).json().items[0];
    const opened = await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version });
    const res = await sup.get(`/api/v1/cases/${opened.json().caseId}/lead-facts`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ recorded: false, prefill: null });
  });

  it('the suggestion is a request the findings accept; then the case has recorded facts', async () => {
    const step = async (action: string, body: Record<string, unknown>) => {
      const r = await sup.post(`/api/v1/cases/${caseId}/actions/${action}`, { version, ...body });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      version = r.json().version;
    };
    version = (await sup.get(`/api/v1/cases/${caseId}`)).json().version;
    const users = await t.database.db
      .selectFrom('users')
      .select(['id'])
      .where('username', 'in', ['sfj', 'sfjdc'])
      .execute();
    await step('accept', { opinion: '经审查，检测线索反映的问题属于本机关管辖，同意立案调查。' });
    await step('assign_investigators', { userIds: users.map((u) => u.id) });
    await step('start_investigation', {});
    const { prefill } = (await inv.get(`/api/v1/cases/${caseId}/lead-facts`)).json();
    expect(prefill.people).toHaveLength(2);
    await step('record_findings', {
      facts: {
        occurredOn: prefill.occurredOn,
        faults: prefill.faults,
        decision: prefill.decision,
        people: prefill.people.map((p: { id: string; role: string }) => ({
          id: p.id,
          role: p.role,
          agency: prefill.agency.id,
        })),
        agencies: [{ id: prefill.agency.id, triggers: [] }],
        severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
      },
    });
    const after = (await inv.get(`/api/v1/cases/${caseId}/lead-facts`)).json();
    expect(after.recorded).toBe(true);
    expect(after.prefill.actId).toBe('LF-2026-0000001');
  });
});
