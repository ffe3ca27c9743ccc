// 案卷评查 in a real browser, on generated acts of the demo city. The supervision office (sfj) sets up
// a campaign in the console (name, period, size, seed) and draws it: the strata table shows each
// agency's eligible and drawn files and the seed it was drawn with. The office then makes itself the
// reviewer and opens the spot-check (through the API); it opens a drawn file: the act's record beside
// the rubric. Two deductions (one of a basic element) give 96 and 合格 as one marks; one veto item
// unchecked gives 0 and 不合格; saving without the veto's note is refused until it is written; saved,
// the file's grade is 不合格, a lead is opened (source 案卷评查), and the campaign's files list the grade.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActs } from '../../src/core/acts/generate.js';
import { todayInChina } from '../../src/core/dates.js';
import { importActs } from '../../src/store/acts-import.js';
import { launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { apiAs, type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
const today = todayInChina();
const year = today.slice(0, 4);
const NAME = `A市${year}年度行政执法案卷评查（浏览器测试）`;
const SEED = 'e2e-评查种子';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const { acts } = generateActs({ count: 300, seed: 2026, asOf: today });
  await importActs(
    server.database,
    { batches: [acts.map((value, i) => ({ line: i + 1, value }))] },
    { detect: false },
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Pick a day in an antd DatePicker by typing it. */
async function pickDate(page: Page, testId: string, day: string) {
  const picker = page.getByTestId(testId);
  await picker.click();
  await picker.fill(day);
  await picker.press('Enter');
}

describe('a case-file review campaign from its setup to a scored file', () => {
  it('is set up and drawn in the console, and a drawn file is scored against the rubric', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();

    // 1. Set up the campaign.
    await page.goto('/review');
    await waitForOrExplain(page, 'review-page');
    await page.getByTestId('review-create').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    await modal.getByTestId('review-field-name').fill(NAME);
    await pickDate(page, 'review-field-from', `${Number(year) - 1}-01-01`);
    await pickDate(page, 'review-field-to', today);
    await modal.getByTestId('review-field-size').fill('12');
    await modal.getByTestId('review-field-seed').fill(SEED);
    await modal.getByTestId('review-create-submit').click();
    await waitForOrExplain(page, 'review-detail');
    await expect(page.getByTestId('review-state').getAttribute('data-state')).resolves.toBe('draft');
    await expect(page.getByTestId('review-seed').textContent()).resolves.toBe(SEED);

    // 2. Draw: the strata by agency, 12 files in all.
    await page.getByTestId('review-action-draw').click();
    await page.locator('[data-testid="review-state"][data-state="sampled"]').waitFor();
    await page.getByRole('tab', { name: '抽样分层', exact: true }).click();
    const strata = page.getByTestId('review-strata');
    await strata.waitFor();
    const summary = strata.locator('.ant-table-summary td');
    await expect(summary.nth(2).textContent()).resolves.toBe('12');
    expect(await strata.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(1);
    await shot(page, 'review-strata.png');

    // 3. The office reviews the files itself, and opens the spot-check (API).
    const campaignId = page.url().split('/review/')[1]!;
    const sfj = await apiAs(server, 'sfj');
    const me = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'sfj')
      .executeTakeFirstOrThrow();
    let c = (await sfj('GET', `/api/v1/review-campaigns/${campaignId}`)).json();
    const put = await sfj('PUT' as 'POST', `/api/v1/review-campaigns/${campaignId}/reviewers`, {
      version: c.version,
      reviewers: [{ userId: me.id, group: '第一组', leader: true }],
    });
    expect(put.statusCode, put.body).toBe(200);
    c = (await sfj('GET', `/api/v1/review-campaigns/${campaignId}`)).json();
    const assigned = await sfj('POST', `/api/v1/review-campaigns/${campaignId}/assign`, {
      version: c.version,
    });
    expect(assigned.json()).toEqual({ assigned: 12, unassignable: [] });
    c = (await sfj('GET', `/api/v1/review-campaigns/${campaignId}`)).json();
    const started = await sfj('POST', `/api/v1/review-campaigns/${campaignId}/actions/start_spot_check`, {
      version: c.version,
    });
    expect(started.statusCode, started.body).toBe(200);

    // 4. Open the first file of the spot-check: the act's record beside the rubric.
    await page.reload();
    await page.locator('[data-testid="review-state"][data-state="spot_check"]').waitFor();
    await page.getByRole('tab', { name: '案卷', exact: true }).click();
    const first = page.getByTestId('review-files').getByTestId('review-file-score').first();
    await first.waitFor();
    await first.click();
    await waitForOrExplain(page, 'review-file');
    const actId = await page.getByTestId('page-title').textContent();
    await page.getByTestId('review-act-record').waitFor();
    await expect(page.getByTestId('review-live-total').textContent()).resolves.toBe('100');

    // Two deductions: 2 gaps in the forms (1 point each) and a citation not to the article (basic).
    await page.getByTestId('review-deduction-count-form.filling').fill('2');
    await page.getByTestId('review-deduction-note-form.filling').fill('送达回证、询问笔录未填写日期');
    await page.getByTestId('review-deduction-count-content.citation').fill('1');
    await page
      .getByTestId('review-deduction-note-content.citation')
      .fill('处罚决定书引用法律依据未具体到条款');
    await page.getByTestId('review-deduction-note-content.citation').press('Tab');
    await expect(page.getByTestId('review-live-total').textContent()).resolves.toBe('96');
    await expect(page.getByTestId('review-live-grade').getAttribute('data-grade')).resolves.toBe('pass');

    // One veto item unchecked: 0 points, 不合格.
    await page.getByTestId('review-veto-subject_lawful').click();
    await expect(page.getByTestId('review-live-total').textContent()).resolves.toBe('0');
    await expect(page.getByTestId('review-live-grade').getAttribute('data-grade')).resolves.toBe('fail');
    // Its note is required.
    await page.getByTestId('review-save').click();
    await page.getByText('请为每个不符合的否决项和每个扣分项写明理由').waitFor();
    await page.getByTestId('review-veto-note-subject_lawful').fill('受委托组织以自己名义作出处罚决定');
    await shot(page, 'review-scoring.png');
    await page.getByTestId('review-save').click();

    // Saved: 不合格, and a lead in the office's inbox.
    await page.locator('[data-testid="review-file-grade"][data-grade="fail"]').waitFor();
    await page.getByTestId('review-file-leads').waitFor();
    await expect(page.getByTestId('review-live-total').textContent()).resolves.toBe('0');
    const act = actId!.replace(/^案卷\s*/, '').trim();
    const leads = (await sfj('GET', `/api/v1/leads?source=case_review&q=${encodeURIComponent(act)}`)).json();
    expect(leads.items).toHaveLength(1);
    expect(leads.items[0]).toMatchObject({ sourceLabel: '案卷评查', actId: act });

    // 5. The campaign's files list the grade.
    await page.goto(`/review/${campaignId}`);
    await page.getByRole('tab', { name: '案卷', exact: true }).click();
    const row = page.getByTestId('review-files').locator('tr', { hasText: act });
    await expect(row.getByTestId('review-file-grade').getAttribute('data-grade')).resolves.toBe('fail');
    await shot(page, 'review-campaign.png');
  });
});
