// 复核 first (复核前置) in a real browser. The app's clock stands in 2027, when A市's pack (3.0)
// requires a 复核 by the office that decided before an appeal to the relief panel. A case is served
// through the API; the officer opens 提出申诉 on their case and is offered only 申请复核, with the
// rule said; the review lands numbered A市复核〔2027〕…; the province's office (gzsfj, no part in the
// decision) accepts it and decides it in the browser — a change offers only forms lighter than the
// original — issuing the 复核决定书 and the restoration notice, with no panel on the page. Back on the
// case, the officer may now appeal to the panel, and only that; the appeal names the 复核 it follows
// and runs 15 days from its decision.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/calendar/day-number.js';
import { fixedClock } from '../helpers/clock.js';
import { launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { type E2eServer, servedCase, startServer } from './server.js';

const TODAY = '2027-01-05';
const clock = fixedClock(TODAY);
let server: E2eServer;
let browser: Browser;
let caseId: string;

beforeAll(async () => {
  server = await startServer({ clock });
  browser = await launchBrowser();
  caseId = await servedCase(server, '重复罚款（复核测试）', TODAY);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function step(page: Page, action: string, fill: (modal: Locator) => Promise<void>) {
  await page.getByTestId(`appeal-action-${action}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  await fill(modal);
  await modal.getByTestId('appeal-action-submit').click();
  await modal.waitFor({ state: 'hidden' });
}

/** The officer opens 提出申诉 on their case and files with `grounds`; returns the page on the filing. */
async function file(officer: Page, grounds: string, only: 'review' | 'appeal') {
  await officer.goto(`/my-cases/${caseId}?tab=appeal`);
  await waitForOrExplain(officer, 'appeal-tab');
  await officer.getByTestId('appeal-file').first().click();
  const modal = officer.locator('.ant-modal:visible');
  await modal.waitFor();
  const choices = modal.getByTestId('appeal-file-stage').locator('input[type=radio]');
  await expect.poll(() => choices.count()).toBe(1);
  await expect(choices.first().getAttribute('value')).resolves.toBe(only);
  await modal.getByTestId('appeal-file-grounds').fill(grounds);
  await modal.getByTestId('appeal-file-submit').click();
  await waitForOrExplain(officer, 'appeal-detail');
  await officer.locator(`[data-testid="appeal-stage"][data-stage="${only}"]`).waitFor();
}

describe('复核 before 申诉, from the case to the panel', () => {
  it('offers only 复核 first; the office decides it, never heavier; then only the appeal', async () => {
    const officer = await newPage(browser, server.url);
    await login(officer, 'officer');
    await officer.getByTestId('home-page').waitFor();
    await file(officer, '重复罚款系系统重复录入所致，本人发现后已及时报告，请求原处理机关复核。', 'review');
    const number = ((await officer.getByTestId('appeal-number').textContent()) ?? '').trim();
    expect(number).toMatch(/^A市复核〔2027〕\d+号$/);
    expect(await officer.getByTestId('appeal-panel').count()).toBe(0);

    const office = await newPage(browser, server.url);
    await login(office, 'gzsfj');
    await office.getByTestId('home-page').waitFor();
    await office.goto('/appeals');
    await waitForOrExplain(office, 'appeals-page');
    await office.getByTestId('appeal-link').filter({ hasText: number }).click();
    await waitForOrExplain(office, 'appeal-detail');
    await step(office, 'accept', (m) =>
      m.getByTestId('appeal-field-opinion').fill('复核申请在期限内提出，予以受理。'),
    );
    await office.locator('[data-testid="appeal-state"][data-state="accepted"]').first().waitFor();
    // No draw for a 复核: the office decides it; a change offers only lighter forms than 书面检查.
    expect(await office.getByTestId('appeal-action-draw').count()).toBe(0);
    await step(office, 'decide_review', async (m) => {
      await m.getByTestId('appeal-field-outcome').getByText('变更（从轻）').click();
      await m.getByTestId('appeal-field-form').click();
      const options = office.locator('.ant-select-dropdown:visible .ant-select-item-option');
      await expect.poll(() => options.allTextContents()).toEqual(['诫勉谈话']);
      await options.first().click();
      await m.getByTestId('appeal-field-reasons').fill('本人主动报告并配合纠正，情节较轻，变更为诫勉谈话。');
    });
    await office.locator('[data-testid="appeal-decision"][data-outcome="changed"]').waitFor();
    await office.getByTestId('appeal-document-review_decision').waitFor();
    await office.getByTestId('appeal-document-restoration').waitFor();
    await shot(office, 'appeal-review-decided.png');

    // Back on the case, what remains is the appeal to the panel, 15 days from the 复核 decision.
    await file(officer, '对复核决定仍然不服，请求救济委员会撤销原处理决定。', 'appeal');
    await officer.getByTestId('appeal-review-link').waitFor();
    await expect(officer.getByTestId('appeal-card').textContent()).resolves.toContain(addDays(TODAY, 15));
  });
});
