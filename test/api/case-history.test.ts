// A case's history hides what its detail hides: the agency's legal office and the officer
// concerned read neither the facts as recorded, nor the investigators, nor the reads of the
// complainant's identity, nor other people's usernames — in the detail or in the history.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { duplicateFineFacts } from '../helpers/case-facts.js';
import { drivers } from '../helpers/db.js';

const facts = duplicateFineFacts;

describe.each(drivers)('case history under the view rules on %s', (driver) => {
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let caseId: string;
  let investigatorIds: string[];

  beforeAll(async () => {
    t = await createTestApp(driver);
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject: '历史记录可见性测试投诉',
        narrative: '同一违法行为被市场监管局先后两次罚款，请求调查处理。',
        anonymous: false,
        contact: { name: '赵可见', phone: '13900002222' },
      },
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const lead = (await sup.get(`/api/v1/leads?q=${encodeURIComponent('历史记录可见性测试投诉')}`)).json()
      .items[0];
    const opened = await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version });
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().caseId;
    const users = await t.database.db
      .selectFrom('users')
      .select(['id', 'username'])
      .where('username', 'in', ['sfj', 'sfjdc'])
      .execute();
    investigatorIds = users.map((u) => u.id);
    let version = (await sup.get(`/api/v1/cases/${caseId}`)).json().version as number;
    const act = async (c: Client, action: string, body: Record<string, unknown>) => {
      const r = await c.post(`/api/v1/cases/${caseId}/actions/${action}`, { version, ...body });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      version = r.json().version;
    };
    await act(sup, 'accept', { opinion: '属于本机关管辖，同意立案调查。' });
    await act(sup, 'assign_investigators', { userIds: investigatorIds });
    await act(sup, 'start_investigation', {});
    // The investigator reads the complainant's identity (audited on the case).
    expect((await inv.get(`/api/v1/cases/${caseId}`)).json().complainant.name).toBe('赵可见');
    await act(inv, 'record_findings', { facts, findingsText: '经查，同一违法行为两次罚款。' });
  });
  afterAll(async () => t?.close());

  const history = async (c: Client) => {
    const r = await c.get(`/api/v1/cases/${caseId}/history`);
    expect(r.statusCode, r.body).toBe(200);
    return r.json() as {
      items: { action: string; actorName: string | null; detail: Record<string, unknown> }[];
    };
  };

  it('the full view (supervision office) reads the whole trail', async () => {
    const h = await history(sup);
    const actions = h.items.map((i) => i.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'case.assign_investigators',
        'complaint.identity_read',
        'case.record_findings',
      ]),
    );
    expect(JSON.stringify(h)).toContain('negligent_wrong_opinion');
    expect(h.items.map((i) => i.actorName)).toContain('sfjdc');
  });

  for (const [username, view] of [
    ['scjfz', 'agency'],
    ['officer', 'subject'],
  ] as const) {
    it(`${username} (${view} view): the history shows no more than the detail`, async () => {
      const reader = await t.login(username);
      const detail = (await reader.get(`/api/v1/cases/${caseId}`)).json();
      expect(detail.view).toBe(view);
      expect(detail.facts).toBeNull();
      expect(detail.investigators).toEqual([]);

      const h = await history(reader);
      const text = JSON.stringify(h);
      // Facts as recorded (the conduct of each person) are hidden …
      expect(text).not.toContain('negligent_wrong_opinion');
      expect(text).not.toContain('failed_to_detect');
      // … so are the investigators, by id or by username, and the reads of the identity.
      for (const id of investigatorIds) expect(text).not.toContain(id);
      expect(text).not.toContain('sfjdc');
      expect(h.items.map((i) => i.action)).not.toContain('complaint.identity_read');
      expect(h.items.every((i) => i.actorName === null || i.actorName === username)).toBe(true);
      // What the detail shows, the history shows: the steps and the findings text.
      const findings = h.items.find((i) => i.action === 'case.record_findings');
      expect(findings?.detail).toMatchObject({
        findingsText: '经查，同一违法行为两次罚款。',
        to: 'findings',
      });
    });
  }

  it('a reader outside the case gets no history at all', async () => {
    const other = await t.login('jxzhfz');
    expect((await other.get(`/api/v1/cases/${caseId}/history`)).statusCode).toBe(404);
  });
});
