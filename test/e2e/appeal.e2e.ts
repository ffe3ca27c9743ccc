// 申诉 to the relief panel in a real browser. A case of A市 is taken through the API to a served
// decision pursuing 戴峰 (O-0001) with 书面检查. The officer appeals from their own case (the
// modal refuses grounds under 10 characters) and lands on the appeal; the province's supervision
// office (gzsfj, who took no part in the decision — sfj, who decided, is refused) accepts it from
// the register and draws the panel with a seed: five members, a chair, the seed and the draw's order
// on the page. The hearing is noticed and held through the API with the app's clock moved to its
// day; the chair votes in the browser — a change offers only forms lighter than 书面检查 — and sees
// only how many have voted; the other members vote through the API. The officer then reads the
// decision (changed to 诫勉谈话, by 2 votes to change, 2 to revoke, 1 to uphold), downloads the
// 申诉处理决定书, and the case shows the relief beside the sanction. The office's figures count it.
import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/day-number.js';
import { SANCTION_FORM_LABELS } from '../../src/core/rulebook/vocabulary.js';
import { fixedClock } from '../helpers/clock.js';
import { launchBrowser, login, newPage, RESULTS, shot, waitForOrExplain } from './browser.js';
import { apiAs as apiAsUser, type E2eServer, servedCase, startServer } from './server.js';

const SUBJECT = '重复罚款（申诉测试）';
const SEED = 'e2e-appeal-2026';

/** The app's clock: the system's until the hearing's day. */
const clock = fixedClock();
let server: E2eServer;
let browser: Browser;
let caseId: string;
/** The pool member → their panel account (RM-01 → panel, RM-02 → panel2, …). */
let usernameOf: Map<string, string>;

const apiAs = (username: string) => apiAsUser(server, username);

beforeAll(async () => {
  server = await startServer({ clock });
  browser = await launchBrowser();
  caseId = await servedCase(server, SUBJECT, clock.today());
  const members = await server.database.db
    .selectFrom('reliefMembers as m')
    .innerJoin('users as u', 'u.id', 'm.userId')
    .select(['m.id', 'u.username'])
    .execute();
  usernameOf = new Map(members.map((m) => [m.id, m.username]));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Open a step of the appeal, fill its form, submit, wait for the modal to close. */
async function act(page: Page, action: string, fill: (modal: Locator) => Promise<void>) {
  await page.getByTestId(`appeal-action-${action}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  await fill(modal);
  await modal.getByTestId('appeal-action-submit').click();
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
  page.locator(`[data-testid="appeal-state"][data-state="${state}"]`).first().waitFor();

describe('an appeal to the relief panel, from the case to the decision', () => {
  it('is filed by the officer, accepted and drawn by the office, voted by the panel; the case follows', async () => {
    // 1. The officer appeals from their own case.
    const officer = await newPage(browser, server.url);
    await login(officer, 'officer');
    await officer.getByTestId('home-page').waitFor();
    await officer.goto(`/my-cases/${caseId}?tab=appeal`);
    await waitForOrExplain(officer, 'appeal-tab');
    await officer.getByTestId('appeal-file').click();
    const file = officer.locator('.ant-modal:visible');
    await file.waitFor();
    await file.getByTestId('appeal-file-grounds').fill('处理偏重');
    await file.getByTestId('appeal-file-submit').click();
    await file.locator('.ant-form-item-explain-error').filter({ hasText: '10' }).waitFor();
    await file
      .getByTestId('appeal-file-grounds')
      .fill('重复罚款系系统重复录入所致，本人发现后已及时报告并纠正，请求撤销或从轻变更处理决定。');
    await file.getByTestId('appeal-file-submit').click();
    await waitForOrExplain(officer, 'appeal-detail');
    await stateIs(officer, 'filed');
    const number = ((await officer.getByTestId('appeal-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^A市申诉〔\d{4}〕\d+号$/);
    await expect(officer.getByTestId('appeal-original-form').getAttribute('data-form')).resolves.toBe(
      'written_self_criticism',
    );
    const appealPath = new URL(officer.url()).pathname;
    const appealId = appealPath.split('/').pop()!;
    // The appellant may withdraw, not accept.
    await officer.getByTestId('appeal-action-withdraw').waitFor();
    expect(await officer.getByTestId('appeal-action-accept').count()).toBe(0);

    // Whoever took part in the decision may not accept it (回避): the step is blocked for sfj.
    const sfj = await apiAs('sfj');
    const forSfj = (await sfj('GET', `/api/v1/appeals/${appealId}`)).json();
    expect(forSfj.availability.find((x: { action: string }) => x.action === 'accept')).toMatchObject({
      available: false,
      reasons: [expect.objectContaining({ path: 'actor' })],
    });

    // 2. The province's office finds it in the register, accepts it and draws the panel.
    const office = await newPage(browser, server.url);
    await login(office, 'gzsfj');
    await office.getByTestId('home-page').waitFor();
    await office.goto('/appeals');
    await waitForOrExplain(office, 'appeals-page');
    await office.getByTestId('appeal-link').filter({ hasText: number }).click();
    await waitForOrExplain(office, 'appeal-detail');
    await stateIs(office, 'filed');
    await act(office, 'accept', (m) =>
      m.getByTestId('appeal-field-opinion').fill('申诉在期限内以书面形式提出，符合受理条件，予以受理。'),
    );
    await stateIs(office, 'accepted');
    await office.getByTestId('appeal-due').waitFor();
    await act(office, 'draw', async (m) => {
      await m.getByTestId('appeal-field-seed').fill('种子');
      await m.getByTestId('appeal-action-submit').click();
      await m.locator('.ant-form-item-explain-error').first().waitFor();
      await m.getByTestId('appeal-field-seed').fill(SEED);
    });
    await stateIs(office, 'panel');
    const panel = office.getByTestId('appeal-panel');
    await expect(panel.getByTestId('appeal-seed').textContent()).resolves.toContain(SEED);
    await expect.poll(() => panel.locator('[data-testid^="panel-member-"]').count()).toBe(5);
    await expect(panel.getByTestId('panel-chair').count()).resolves.toBe(1);
    expect(await panel.getByTestId('appeal-draw-order').locator('.ant-tag').count()).toBeGreaterThanOrEqual(
      5,
    );
    await office.getByTestId('appeal-document-appeal_acceptance').waitFor();
    await shot(office, 'appeal-panel.png');

    // 3. The hearing, through the API: noticed three working days ahead, held on its day.
    const province = await apiAs('gzsfj');
    const drawn = (await province('GET', `/api/v1/appeals/${appealId}`)).json();
    const members = drawn.panel.members as { id: string; chair: boolean }[];
    const chair = members.find((m) => m.chair)!.id;
    const hearingOn = addDays(clock.today(), 21);
    const scheduled = await province('POST', `/api/v1/appeals/${appealId}/actions/schedule_hearing`, {
      version: drawn.version,
      on: hearingOn,
      place: '市司法局三楼会议室',
      evidence: true,
    });
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    clock.set(hearingOn);
    const chairApi = await apiAs(usernameOf.get(chair)!);
    const recorded = await chairApi('POST', `/api/v1/appeals/${appealId}/actions/record_session`, {
      version: scheduled.json().version,
      sessionId: scheduled.json().sessions[0].id,
      attendees: members.map((m) => m.id),
      appellantHeard: true,
      representative: '李律师',
      note: '申诉人到会陈述，代理人发表意见，接收书证两份。',
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    const opened = await chairApi('POST', `/api/v1/appeals/${appealId}/actions/open_vote`, {
      version: recorded.json().version,
    });
    expect(opened.statusCode, opened.body).toBe(200);

    // 4. The chair finds the appeal in their inbox and votes: a change offers only lighter forms.
    const chairPage = await newPage(browser, server.url);
    await login(chairPage, usernameOf.get(chair)!);
    await chairPage.getByTestId('home-page').waitFor();
    await chairPage.goto('/appeals');
    await waitForOrExplain(chairPage, 'appeals-page');
    await chairPage.getByTestId('appeal-link').filter({ hasText: number }).click();
    await waitForOrExplain(chairPage, 'appeal-detail');
    await stateIs(chairPage, 'voting');
    await chairPage.getByTestId(`appeal-session-${scheduled.json().sessions[0].id}`).waitFor();
    await act(chairPage, 'vote', async (m) => {
      await m.getByTestId('appeal-field-outcome').locator('label').filter({ hasText: '变更' }).click();
      await m.getByTestId('appeal-field-form').click();
      const options = chairPage.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await options.first().waitFor();
      expect(await options.allTextContents()).toEqual([SANCTION_FORM_LABELS.admonition_talk]);
      await options.filter({ hasText: SANCTION_FORM_LABELS.admonition_talk }).click();
      await m
        .getByTestId('appeal-field-reasons')
        .fill('系统原因所致且及时纠正，情节轻微，宜从轻改为诫勉谈话。');
    });
    const progress = chairPage.getByTestId('appeal-vote-progress');
    await progress.waitFor();
    await expect.poll(async () => (await progress.textContent()) ?? '').toContain('1 / 5');
    await chairPage.getByTestId('appeal-my-vote').waitFor();
    await chairPage.locator(`[data-testid="panel-voted-${chair}"][data-voted="true"]`).waitFor();
    await shot(chairPage, 'appeal-voting.png');

    // The other members vote through the API: 2 revoke, 1 change, 1 uphold.
    const votes = [
      { outcome: 'revoked', form: null, reasons: '事实认定有误，应予撤销。' },
      { outcome: 'revoked', form: null, reasons: '当事人及时报告并纠正，不应追究。' },
      { outcome: 'changed', form: 'admonition_talk', reasons: '情节轻微，改为诫勉谈话。' },
      { outcome: 'upheld', form: null, reasons: '原决定并无不当。', dissent: '本人认为应维持。' },
    ];
    for (const [i, m] of members.filter((x) => x.id !== chair).entries()) {
      const as = await apiAs(usernameOf.get(m.id)!);
      const now = (await as('GET', `/api/v1/appeals/${appealId}`)).json();
      const r = await as('POST', `/api/v1/appeals/${appealId}/actions/vote`, {
        version: now.version,
        ...votes[i],
      });
      expect(r.statusCode, r.body).toBe(200);
    }

    // 5. The officer reads the decision and downloads it; the case shows the relief.
    await officer.goto(appealPath);
    await waitForOrExplain(officer, 'appeal-detail');
    await stateIs(officer, 'decided');
    const decision = officer.getByTestId('appeal-decision');
    await expect(decision.getAttribute('data-outcome')).resolves.toBe('changed');
    await expect(decision.textContent()).resolves.toContain('诫勉谈话');
    await expect(officer.getByTestId('appeal-vote-counts').textContent()).resolves.toBe(
      '维持 1 票，变更 2 票，撤销 2 票',
    );
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByTestId('appeal-document-appeal_decision').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/申诉处理决定书\.docx$/);
    const path = `${RESULTS}appeal-decision.docx`;
    await download.saveAs(path);
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    await officer.getByTestId('appeal-document-restoration').waitFor();
    await shot(officer, 'appeal-decided.png');

    await officer.goto(`/my-cases/${caseId}?tab=decision`);
    const relief = officer.getByTestId('decision-sanctions').getByTestId('person-relief');
    await relief.waitFor();
    await expect(relief.getAttribute('data-outcome')).resolves.toBe('changed');
    await expect(relief.textContent()).resolves.toContain(number);
    await officer.goto(`/my-cases/${caseId}?tab=appeal`);
    await expect(officer.getByTestId('case-appeal-result').getAttribute('data-outcome')).resolves.toBe(
      'changed',
    );

    // The office's relief figures count it as changed.
    await office.goto('/appeals?view=statistics');
    await office.getByTestId('appeals-statistics').waitFor();
    await expect
      .poll(async () => (await office.getByTestId('appeals-stat-changed').textContent()) ?? '')
      .toMatch(/1/);
    await office.getByTestId('appeals-chart').locator('canvas').waitFor();
    await office.getByTestId('appeals-view-members').click();
    await expect.poll(() => office.getByTestId('relief-member-name').count()).toBe(usernameOf.size);
    for (const p of [officer, office, chairPage]) await p.context().close();
  });
});
