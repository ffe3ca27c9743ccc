// 容错纠错 in a real browser: a case of A市 (whose pack carries the city's tolerance policy) is taken
// through the API to its findings, naming the officer O-0001. The officer applies for tolerance from
// their own case; the supervision office (sfj) accepts it from the register; an assigned
// investigator (sfjdc) fills the checklist — every condition and every item of the negative list
// with its fact and evidence — and the policy's assessment (免责) shows each condition ✓; sfj decides
// by a collective discussion, the outcome preselected to the assessment's and nothing more lenient
// offered; the 《容错免责认定书》 link appears and downloads a .docx. The case then shows the person
// as 容错免责 with the application's number, and the proposal form says they are not pursued. The
// assessment tool answers from the facts alone.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { apiAs as apiAsUser, type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
let caseId: string;
let caseNumber: string;
let caseVersion: number;

const SUBJECT = '重复罚款（容错测试）';

/** A step through the API as a user (cookie and CSRF token from the login). */
const apiAs = (username: string) => apiAsUser(server, username);
type Call = Awaited<ReturnType<typeof apiAs>>;

async function caseAct(as: Call, action: string, body: object = {}) {
  const r = await as('POST', `/api/v1/cases/${caseId}/actions/${action}`, { version: caseVersion, ...body });
  expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
  caseVersion = r.json().version;
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const sfj = await apiAs('sfj');
  const sfjdc = await apiAs('sfjdc');
  const filed = await server.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: {
      agency: '529900-SCJ',
      subject: SUBJECT,
      narrative: '同一违法行为被两次罚款，请依法处理。',
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
  caseVersion = read.version;
  const users = await server.database.db.selectFrom('users').select(['id', 'username']).execute();
  const ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  await caseAct(sfj, 'accept', { opinion: '同意立案调查。' });
  await caseAct(sfj, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
  await caseAct(sfj, 'start_investigation');
  await caseAct(sfjdc, 'record_findings', {
    facts: {
      occurredOn: '2026-03-10',
      faults: ['penalty.04'],
      decision: 'approval',
      people: [{ id: 'O-0001', role: 'handler', agency: '529900-SCJ', conduct: ['negligent_wrong_opinion'] }],
      agencies: [{ id: '529900-SCJ', triggers: [] }],
      severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
    },
    findingsText: '经查，系统重复录入致同一违法行为两次罚款。',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a step of the application, fill its form, submit, wait for the modal to close. */
async function act(page: Page, action: string, fill: (modal: Locator) => Promise<void>) {
  await page.getByTestId(`tolerance-action-${action}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  await fill(modal);
  await modal.getByTestId('tolerance-action-submit').click();
  try {
    await modal.waitFor({ state: 'hidden' });
  } catch (e) {
    const said = await modal
      .locator('.ant-form-item-explain-error, .ant-alert-error')
      .allTextContents()
      .catch(() => []);
    throw new Error(`${action} did not close; the form says ${JSON.stringify(said)}`, { cause: e });
  }
}

const stateIs = (page: Page, state: string) =>
  page.locator(`[data-testid="tolerance-state"][data-state="${state}"]`).first().waitFor();

/** Answer a yes/no fact of the checklist. */
const answer = (modal: Locator, fact: string, yes: boolean) =>
  modal
    .getByTestId(`fact-${fact}`)
    .locator('label')
    .filter({ hasText: yes ? '是' : '否' })
    .click();

describe('a tolerance application from the case to the decision', () => {
  it('is applied for by the officer, accepted, verified and decided; the case follows', async () => {
    // 1. The officer applies from their own case.
    const officer = await newPage(browser, server.url);
    await login(officer, 'officer');
    await officer.getByTestId('home-page').waitFor();
    await officer.goto(`/my-cases/${caseId}`);
    await waitForOrExplain(officer, 'tolerance-panel');
    await officer.getByTestId('tolerance-apply-O-0001').click();
    const apply = officer.locator('.ant-modal:visible');
    await apply.waitFor();
    await apply
      .getByTestId('tolerance-apply-grounds')
      .fill('系统重复录入致两次罚款，发现后当日撤销第二次罚款并退还，未造成损失。');
    await apply.getByTestId('tolerance-apply-submit').click();
    await waitForOrExplain(officer, 'tolerance-detail');
    await stateIs(officer, 'submitted');
    const number = ((await officer.getByTestId('tolerance-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^A市容错〔\d{4}〕\d+号$/);
    expect(await officer.getByTestId('tolerance-case-link').textContent()).toBe(caseNumber);
    await expect(officer.getByTestId('tolerance-policy').textContent()).resolves.toContain('示例');
    // The applicant may withdraw, not accept.
    await officer.getByTestId('tolerance-action-withdraw').waitFor();
    expect(await officer.getByTestId('tolerance-action-accept').count()).toBe(0);

    // 2. The supervision office finds it awaiting acceptance and accepts it.
    const sfj = await newPage(browser, server.url);
    await login(sfj, 'sfj');
    await sfj.getByTestId('home-page').waitFor();
    await sfj.goto('/tolerance');
    await waitForOrExplain(sfj, 'tolerance-page');
    await sfj.getByTestId('tolerance-link').filter({ hasText: number }).click();
    await waitForOrExplain(sfj, 'tolerance-detail');
    await act(sfj, 'accept', (m) =>
      m.getByTestId('tolerance-field-opinion').fill('申请符合受理条件，予以受理。'),
    );
    await stateIs(sfj, 'verifying');
    await sfj.getByTestId('tolerance-due').waitFor();
    // Deciding waits for the verification.
    expect(await sfj.getByTestId('tolerance-action-decide').count()).toBe(0);

    // 3. An assigned investigator verifies every item of the checklist with its evidence.
    const inv = await newPage(browser, server.url);
    await login(inv, 'sfjdc');
    await inv.getByTestId('home-page').waitFor();
    await inv.goto(new URL(sfj.url()).pathname);
    await waitForOrExplain(inv, 'tolerance-detail');
    await stateIs(inv, 'verifying');
    await act(inv, 'verify', async (m) => {
      await m.getByTestId('tolerance-checklist').waitFor();
      await answer(m, 'withinDuty', true);
      await answer(m, 'procedureFollowed', true);
      await answer(m, 'privateGain', false);
      await choose(inv, 'fact-cause', '难以预见');
      await choose(inv, 'fact-corrected', '及时纠正、挽回损失');
      await answer(m, 'knowingViolation', false);
      await answer(m, 'expresslyProhibited', false);
      await choose(inv, 'fact-misconduct', '无');
      await answer(m, 'falsified', false);
      await answer(m, 'obstructed', false);
      await answer(m, 'crimeSuspected', false);
      for (const item of await m.locator('[data-testid^="evidence-"]').all())
        await item.fill('询问笔录、岗位职责说明及系统操作日志');
      await shot(inv, 'tolerance-checklist.png');
    });
    await stateIs(inv, 'verified');
    const assessment = inv.getByTestId('assessment');
    await expect(assessment.getAttribute('data-outcome')).resolves.toBe('exempt');
    for (const c of ['within_duty', 'procedure_followed', 'no_private_gain', 'excusable_cause', 'corrected'])
      await expect(
        assessment.getByTestId(`assessment-condition-${c}`).getAttribute('data-status'),
      ).resolves.toBe('met');
    await assessment.getByTestId('assessment-no-exclusion').waitFor();
    await shot(inv, 'tolerance-verified.png');

    // 4. The office decides by a collective discussion; nothing more lenient than the assessment.
    await sfj.reload();
    await stateIs(sfj, 'verified');
    await act(sfj, 'decide', async (m) => {
      const outcome = m.getByTestId('tolerance-field-outcome');
      await expect(outcome.locator('input[value="exempt"]').isChecked()).resolves.toBe(true);
      await m.getByTestId('tolerance-field-opinion').fill('经集体讨论，戴峰的失误符合容错条件，予以免责。');
      await m
        .getByTestId('tolerance-field-distinctionReasons')
        .fill('系统重复录入难以预见，属于为推动发展的无意过失，当事人未谋取私利并及时纠正。');
      const attendees = m.getByTestId('action-field-attendees');
      await attendees.click();
      for (const name of ['张主任', '李副主任', '王科长']) {
        await sfj.keyboard.type(name);
        await sfj.keyboard.press('Enter');
      }
      await m.getByTestId('action-field-votesFor').fill('3');
      await m.getByTestId('action-field-votesAgainst').fill('0');
      await m.getByTestId('action-field-votesAbstain').fill('0');
      await m.getByTestId('action-field-minutes').fill('经集体讨论，与会人员一致同意予以容错免责。');
    });
    await stateIs(sfj, 'decided');
    await expect(sfj.getByTestId('tolerance-decision').getAttribute('data-outcome')).resolves.toBe('exempt');
    await sfj.getByTestId('tolerance-collective').waitFor();
    const doc = sfj.getByTestId('tolerance-document');
    await doc.waitFor();
    expect(await doc.textContent()).toContain('容错免责认定书');
    const res = await sfj.request.get((await doc.getAttribute('href')) ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    await shot(sfj, 'tolerance-decided.png');

    // 5. The case shows the person exempt, the number linking to the application.
    await officer.goto(`/my-cases/${caseId}`);
    const tag = officer.getByTestId('tolerance-panel').getByTestId('person-tolerance');
    await tag.waitFor();
    await expect(tag.getAttribute('data-outcome')).resolves.toBe('exempt');
    await expect(tag.textContent()).resolves.toContain('免责');
    await expect(tag.textContent()).resolves.toContain(number);
    await shot(officer, 'tolerance-case.png');

    // The register lists it as decided, exempt; the figures count it as granted.
    await sfj.goto('/tolerance?state=decided');
    await sfj.getByTestId('tolerance-link').filter({ hasText: number }).waitFor();
    await sfj.getByTestId('tolerance-view-statistics').click();
    await expect
      .poll(async () => (await sfj.getByTestId('tolerance-stat-granted').textContent()) ?? '')
      .toMatch(/1/);

    // 6. The proposal pursues nobody exempted: the form says so instead of a sanction.
    const sfjdc = await apiAs('sfjdc');
    const me = await apiAs('officer');
    await caseAct(sfjdc, 'notify_statement');
    await caseAct(me, 'waive_statement', { personId: 'O-0001', reason: '已获容错免责，放弃陈述申辩。' });
    await inv.goto(`/cases/${caseId}`);
    await inv.getByTestId('case-detail').waitFor();
    await inv.getByTestId('action-propose_decision').click();
    const proposal = inv.locator('.ant-modal:visible');
    await proposal.waitFor();
    await expect(proposal.getByTestId('proposal-exempt-O-0001').textContent()).resolves.toContain(
      '已容错免责',
    );
    expect(await proposal.getByTestId('proposal-sanction-O-0001').count()).toBe(0);

    // 7. The assessment tool: the facts of a clean case give 免责; a knowing violation bars it.
    await sfj.goto('/tolerance?view=assess');
    const tool = sfj.getByTestId('tolerance-assess');
    await tool.getByTestId('assessment').waitFor();
    await expect(tool.getByTestId('assessment').getAttribute('data-outcome')).resolves.toBe('exempt');
    await answer(tool, 'knowingViolation', true);
    await tool.locator('[data-testid="assessment"][data-outcome="reject"]').waitFor();
    await tool.getByTestId('assessment-exclusion-knowing_violation').waitFor();
    await expect(tool.getByTestId('assessment-distinction').getAttribute('data-side')).resolves.toBe(
      'culpable',
    );
    await shot(sfj, 'tolerance-assess.png');
  });
});
