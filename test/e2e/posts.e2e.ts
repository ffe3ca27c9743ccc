// 岗位 in a real browser: the supervision office (sfj) opens 权责清单 → 岗位 for 市综合执法局, creates
// a post answering for the 送达 of 违法建设查处 only, appoints one of the agency's officers to it, and
// finds the post and its duty on the officer's profile; then, in the findings form of a case opened
// from a detection lead on an act of that matter, the attribution by post proposes the holder of
// the 审批决定岗 for an overdue decision and the request is prefilled with them; the fault's stage
// changed to 送达, the new post's holder is proposed and adopted.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act as actOf } from '../../src/core/detect/testing.js';
import { importActs } from '../../src/store/acts-import.js';
import { choose, launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { apiAs, type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
let officer: { id: string; name: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  officer = await server.database.db
    .selectFrom('officers')
    .select(['id', 'name'])
    .where('agencyId', '=', '529900-ZHJ')
    .orderBy('id')
    .executeTakeFirstOrThrow();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('posts in the console', () => {
  it('creates a post, appoints an officer, and shows it on the officer’s profile', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    await page.goto('/duties?view=posts');
    await page.getByTestId('duties-view-posts').waitFor();
    await choose(page, 'posts-agency', 'A市综合行政执法局');
    // The demo's posts are there, the 审批决定岗 among them.
    await page.getByTestId('posts-table').locator('tbody tr', { hasText: '审批决定岗' }).first().waitFor();

    await page.getByTestId('post-new').click();
    await page.getByTestId('post-field-name').fill('违法建设送达岗');
    await page.getByTestId('post-stage-service').click();
    await choose(page, 'post-field-codes', '违法建设查处');
    await page.getByTestId('post-field-name').click();
    await page.getByTestId('post-action-submit').click();
    const row = page.getByTestId('posts-table').locator('tbody tr', { hasText: '违法建设送达岗' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/送达.*违法建设查处.*空缺/);

    await page.getByTestId('post-assign-违法建设送达岗').click();
    await choose(page, 'post-field-officer', officer.name);
    const from = page.getByTestId('post-field-from');
    await from.click();
    await from.fill('2026-01-01');
    await from.press('Enter');
    await page.getByTestId('post-action-submit').click();
    await expect.poll(() => page.getByTestId('post-current-违法建设送达岗').textContent()).toBe(officer.name);
    await shot(page, 'posts-tab.png');

    await page.goto(`/officers/${officer.id}`);
    const card = page.getByTestId('officer-posts');
    await card.locator('tr', { hasText: '违法建设送达岗' }).waitFor();
    await expect(card.locator('tr', { hasText: '违法建设送达岗' }).textContent()).resolves.toMatch(
      /在岗.*送达/,
    );
    await card.getByTestId('officer-duties').getByText('违法建设送达岗：1 项职责').click();
    await expect
      .poll(() => card.getByTestId('officer-duties').textContent())
      .toMatch(/违法建设查处.*送达责任/);
    await shot(page, 'officer-posts.png');
    await page.context().close();
  });

  it('the findings form proposes the holder of the post of the fault’s stage and is prefilled from it', async () => {
    const db = server.database.db;
    const handler = (
      await db
        .selectFrom('officers')
        .select(['id', 'name'])
        .where('agencyId', '=', '529900-ZHJ')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow()
    ).id;
    const a = actOf('penalty', {
      id: 'E2E-POST-0000001',
      agency: '529900-ZHJ',
      matter: '违法建设查处',
      officers: [{ id: handler, certificate: '52990000301', validUntil: '2028-12-31' }],
      chain: { handler, reviewer: null, approver: null },
      incidentDate: '2026-01-20',
      dates: { filed: '2026-01-25', decided: '2026-05-10' },
    });
    await importActs(server.database, { batches: [[{ line: 1, value: a }]] }, { detect: false });
    const lead = await db
      .insertInto('leads')
      .values({
        regionCode: '529900',
        source: 'detection',
        agencyId: '529900-ZHJ',
        officerId: handler,
        subject: '超期作出处罚决定（E2E-POST-0000001）',
        narrative: '超过法定期限作出处罚决定。',
        occurredOn: '2026-05-10',
        findingKey: 'E2E-POST-0000001|penalty-overdue',
        actId: a.id,
        rule: 'penalty-overdue',
        faultCode: 'penalty.12',
        basis: '《中华人民共和国行政处罚法》第六十条',
        detail: '超期',
        complaintId: null,
        mergedInto: null,
        caseId: null,
        dismissReason: null,
        createdBy: null,
      })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    const sfj = await apiAs(server, 'sfj');
    const opened = await sfj('POST', `/api/v1/leads/${lead.id}/open`, { version: lead.version });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId = opened.json().caseId;
    const users = await db
      .selectFrom('users')
      .select('id')
      .where('username', 'in', ['sfj', 'sfjdc'])
      .execute();
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
    const proposal = (await sfj('GET', `/api/v1/cases/${caseId}/attribution`)).json();
    const approver = proposal.people[0] as { officerId: string; name: string };
    expect(proposal.faults[0]).toMatchObject({ stage: 'decision', posts: [{ name: '审批决定岗' }] });

    const page = await newPage(browser, server.url);
    await login(page, 'sfjdc');
    await page.getByTestId('home-page').waitFor();
    await page.goto(`/cases/${caseId}`);
    await waitForOrExplain(page, 'case-detail');
    await page.getByTestId('action-record_findings').click();
    const drawer = page.getByTestId('findings-drawer');
    const card = drawer.getByTestId('findings-attribution');
    await card.getByTestId('attribution-people').waitFor();
    const fault = card.getByTestId('attribution-fault-penalty.12');
    await expect(fault.textContent()).resolves.toMatch(/依检测规则.*审批决定岗.*/);
    await expect(fault.textContent()).resolves.toContain(`${approver.name}（${approver.officerId}）`);
    // The act's handler came from the lead; the request was also prefilled with the approver.
    await card.getByTestId('attribution-prefilled').waitFor();
    await expect.poll(() => drawer.getByTestId('findings-officer-0').textContent()).toContain(handler);
    await expect.poll(() => drawer.getByTestId('findings-officer-1').textContent()).toContain(approver.name);
    await expect(card.getByTestId('attribution-adopt').isDisabled()).resolves.toBe(true);
    // The stage can be changed: as a 送达 fault of 违法建设查处, the new post's holder answers;
    // adopting the proposal adds them to the request.
    await choose(page, 'attribution-stage-penalty.12', '送达');
    await expect.poll(() => fault.textContent()).toContain('违法建设送达岗');
    await expect.poll(() => fault.textContent()).toContain(officer.name);
    await card.getByTestId('attribution-adopt').click();
    await expect
      .poll(() => drawer.getByTestId('findings-people').textContent())
      .toContain(`${officer.name}（${officer.id}）`);
    await expect(card.getByTestId('attribution-adopt').isDisabled()).resolves.toBe(true);
    await shot(page, 'findings-attribution.png');
    await page.context().close();
  });
});
