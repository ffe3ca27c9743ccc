// The findings form of a case opened from a detection lead starts from what the lead knows: the
// catalogue item preselected, the act's officers as people, a note naming what was prefilled, and
// a warning on an officer the register puts in another agency than the act's.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act as actOf } from '../../src/core/detect/testing.js';
import { importActs } from '../../src/store/acts-import.js';
import { launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { apiAs as apiAsUser, type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
let caseId: string;
let own: { id: string; name: string };
let other: { id: string; name: string };

/** A step through the API as a user (cookie and CSRF token from the login). */
const apiAs = (username: string) => apiAsUser(server, username);

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.database.db;
  own = await db
    .selectFrom('officers')
    .select(['id', 'name'])
    .where('agencyId', '=', '529900-SCJ')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  other = await db
    .selectFrom('officers')
    .select(['id', 'name'])
    .where('agencyId', '<>', '529900-SCJ')
    .where('regionCode', '=', '529900')
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const a = actOf('penalty', {
    id: 'E2E-2026-0000001',
    agency: '529900-SCJ',
    officers: [
      { id: own.id, certificate: '52990000101', validUntil: '2028-12-31' },
      { id: other.id, certificate: '52990000102', validUntil: '2028-12-31' },
    ],
    chain: { handler: own.id, reviewer: null, approver: null },
    incidentDate: '2026-02-20',
    dates: { decided: '2026-03-10' },
  });
  await importActs(server.database, { batches: [[{ line: 1, value: a }]] }, { detect: false });
  const lead = await db
    .insertInto('leads')
    .values({
      regionCode: '529900',
      source: 'detection',
      agencyId: '529900-SCJ',
      officerId: own.id,
      subject: '重复罚款：食品经营许可（E2E-2026-0000001）',
      narrative: '同一违法行为两次罚款。',
      occurredOn: '2026-03-10',
      findingKey: 'E2E-2026-0000001|duplicate-fine',
      actId: a.id,
      rule: 'duplicate-fine',
      faultCode: 'penalty.04',
      basis: '《中华人民共和国行政处罚法》第二十九条',
      detail: '与另一决定重复',
      complaintId: null,
      mergedInto: null,
      caseId: null,
      dismissReason: null,
      createdBy: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const sfj = await apiAs('sfj');
  const opened = await sfj('POST', `/api/v1/leads/${lead.id}/open`, { version: lead.version });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = opened.json().caseId;
  const users = await db.selectFrom('users').select('id').where('username', 'in', ['sfj', 'sfjdc']).execute();
  let version = (await sfj('GET', `/api/v1/cases/${caseId}`)).json().version;
  for (const [action, body] of [
    ['accept', { opinion: '检测线索反映的问题属于本机关管辖，同意立案调查。' }],
    ['assign_investigators', { userIds: users.map((u) => u.id) }],
    ['start_investigation', {}],
  ] as const) {
    const r = await sfj('POST', `/api/v1/cases/${caseId}/actions/${action}`, { version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    version = r.json().version;
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('findings prefilled from a detection lead', () => {
  it('preselects the fault and the officers, says so, and flags the officer of another agency', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfjdc');
    await page.getByTestId('home-page').waitFor();
    await page.goto(`/cases/${caseId}`);
    await waitForOrExplain(page, 'case-detail');
    await page.getByTestId('action-record_findings').click();
    const drawer = page.getByTestId('findings-drawer');
    const note = drawer.getByTestId('findings-prefill-note');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain('已根据线索预填：违法事项 penalty.04（');
    expect(text).toContain('执法行为 E2E-2026-0000001');
    expect(text).toContain(`执法人员 ${own.name}（${own.id}）、${other.name}（${other.id}）`);
    await expect.poll(() => drawer.getByTestId('findings-officer-0').textContent()).toContain(own.name);
    await expect.poll(() => drawer.getByTestId('findings-officer-1').textContent()).toContain(other.name);
    await expect(drawer.getByTestId('findings-other-agency-0').count()).resolves.toBe(0);
    const flag = drawer.getByTestId('findings-other-agency-1');
    await flag.waitFor();
    expect(await flag.textContent()).toContain('该人员不属于执法行为的实施机关（A市市场监督管理局）');
    // The fault is chosen, so the rulebook already answers.
    await drawer.getByTestId('findings-preview').getByTestId('explanation-line').first().waitFor();
    await shot(page, 'findings-prefill.png');
  });
});
