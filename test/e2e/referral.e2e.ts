// A referral in a real browser: a case whose findings suspect a breach of discipline is taken
// through the API to the statement stage; the investigator (sfjdc) proposes the decision in the
// console, where the receiving organ is preselected from the register (A市纪委监委); the head
// (sfj) approves through the API. The organ's user (jiwei) then finds the referral under 移送 with
// the organ's name, opens the referred case file from its number — read-only, with the notice
// and no action — and finds the referral letter among its documents.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { apiAs as apiAsUser, type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
let caseId: string;
let caseNumber: string;

const SUBJECT = '审核意见错误致处罚不当（移送）';

/** A step through the API as a user (cookie and CSRF token from the login). */
const apiAs = (username: string) => apiAsUser(server, username);

type Call = Awaited<ReturnType<typeof apiAs>>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const sfj = await apiAs('sfj');
  const sfjdc = await apiAs('sfjdc');
  const officer = await apiAs('officer');
  const filed = await server.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: {
      agency: '529900-SCJ',
      subject: SUBJECT,
      narrative: '反映执法人员审核把关不严，导致处罚决定错误，请依法处理。',
      anonymous: true,
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const lead = (await sfj('GET', `/api/v1/leads?q=${encodeURIComponent(SUBJECT)}`)).json().items[0];
  const opened = await sfj('POST', `/api/v1/leads/${lead.id}/open`, { version: lead.version });
  expect(opened.statusCode, opened.body).toBe(201);
  caseId = opened.json().caseId;
  const read = (await sfj('GET', `/api/v1/cases/${caseId}`)).json();
  caseNumber = read.number;
  let version = read.version as number;
  const act = async (as: Call, action: string, body: object = {}) => {
    const r = await as('POST', `/api/v1/cases/${caseId}/actions/${action}`, { version, ...body });
    expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
    version = r.json().version;
    return r.json();
  };
  const users = await server.database.db.selectFrom('users').select(['id', 'username']).execute();
  const ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  await act(sfj, 'accept', { opinion: '同意立案调查。' });
  await act(sfj, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
  await act(sfj, 'start_investigation');
  await act(sfjdc, 'record_findings', {
    facts: {
      occurredOn: '2026-03-10',
      faults: ['penalty.09'],
      decision: 'approval',
      people: [{ id: 'O-0001', role: 'handler', agency: '529900-SCJ', conduct: ['negligent_wrong_opinion'] }],
      severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
      suspected: { discipline: true, crime: false },
    },
  });
  await act(sfjdc, 'notify_statement');
  const stated = await act(officer, 'record_statement', { personId: 'O-0001', text: '无异议。' });
  expect(stated.state).toBe('statement');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a case referred to the discipline commission', () => {
  it('names the organ in the proposal, and the organ reads the referred case file', async () => {
    // 1. The investigator proposes; the organ for the suspected breach of discipline is preselected.
    const sfjdc = await newPage(browser, server.url);
    await login(sfjdc, 'sfjdc');
    await sfjdc.getByTestId('home-page').waitFor();
    await sfjdc.goto(`/cases/${encodeURIComponent(caseId)}`);
    await waitForOrExplain(sfjdc, 'case-detail');
    await sfjdc.locator('[data-testid="case-state"][data-state="statement"]').first().waitFor();
    await sfjdc.getByTestId('action-propose_decision').click();
    const modal = sfjdc.locator('.ant-modal:visible');
    await modal.waitFor();
    const organ = modal.getByTestId('proposal-organ-discipline');
    await expect.poll(() => organ.textContent()).toContain('A市纪委监委');
    // A suspected crime was not found: no judicial organ to choose.
    expect(await modal.getByTestId('proposal-organ-judicial').count()).toBe(0);
    await shot(sfjdc, 'proposal-organ.png');
    await modal
      .getByTestId('action-field-reasons')
      .fill('事实清楚，证据确实充分。对承办人追究行政执法过错责任；其涉嫌违纪，移送A市纪委监委。');
    await modal.getByTestId('action-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await sfjdc.locator('[data-testid="case-state"][data-state="proposed"]').first().waitFor();

    // 2. The head approves (through the API): the referral goes to the organ preselected.
    const sfj = await apiAs('sfj');
    const proposed = (await sfj('GET', `/api/v1/cases/${caseId}`)).json();
    const decided = await sfj('POST', `/api/v1/cases/${caseId}/actions/decide`, {
      version: proposed.version,
      opinion: '同意。',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().referrals).toEqual([
      expect.objectContaining({ organ: 'discipline', organId: '529900-JW', organName: 'A市纪委监委' }),
    ]);
    await sfjdc.reload();
    await sfjdc.getByTestId('tab-decision').click();
    await expect.poll(() => sfjdc.getByTestId('case-referral-organ').textContent()).toBe('A市纪委监委');

    // 3. The organ's user finds the referral under 移送, with the organ's name.
    const jiwei = await newPage(browser, server.url);
    await login(jiwei, 'jiwei');
    await jiwei.getByTestId('home-page').waitFor();
    await jiwei.goto('/referrals');
    await waitForOrExplain(jiwei, 'referrals-page');
    const row = jiwei.getByTestId('referral-table').locator('tbody tr').filter({ hasText: caseNumber });
    await expect.poll(() => row.getByTestId('referral-organ').textContent()).toBe('A市纪委监委');
    await shot(jiwei, 'referrals-organ.png');

    // 4. The case number opens the referred case file: read-only, nothing to act on.
    await row.getByTestId('referral-case-link').click();
    await waitForOrExplain(jiwei, 'case-detail');
    await expect(jiwei.getByTestId('case-number').textContent()).resolves.toBe(caseNumber);
    await expect(jiwei.getByTestId('organ-notice').textContent()).resolves.toContain(
      '本案已移送本机关，以下为移送的案卷材料（只读）',
    );
    expect(new URL(jiwei.url()).pathname).toBe(`/referrals/${encodeURIComponent(caseId)}`);
    await jiwei.getByTestId('tab-findings').click();
    await jiwei.getByTestId('findings-tab').waitFor();
    await jiwei.getByTestId('tab-decision').click();
    await expect.poll(() => jiwei.getByTestId('case-referral-organ').textContent()).toBe('A市纪委监委');
    expect(await jiwei.locator('[data-testid^="action-"]').count()).toBe(0);
    await shot(jiwei, 'referral-case-organ-decision.png');
    expect(await jiwei.getByTestId('complainant').count()).toBe(0);
    await jiwei.getByTestId('tab-documents').click();
    await jiwei.getByTestId('document-referral_letter').waitFor();
    await expect(jiwei.getByTestId('document-referral_letter').textContent()).resolves.toContain('移送函');
    await shot(jiwei, 'referral-case-organ.png');
    for (const p of [sfjdc, jiwei]) await p.context().close();
  });
});
