// 事前备案 in a real browser: the market regulator's legal office (scjfz) registers an exploratory
// measure in the console — numbered at once, awaiting the initial review with its due date; the
// city's supervision office (sfj) finds it in the register under 待初审, accepts it with an opinion,
// and the 《报备容错受理决定书》 is listed to download, for the office and for the registrant.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;

const TITLE = '涉企轻微违法“首违不罚”告知承诺试点';

/** A date some days after today in China (the planned start must not be before the registration). */
function daysFromToday(n: number): string {
  return new Date(Date.now() + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('a pre-registration from the agency to the decision of acceptance', () => {
  it('is registered by the legal office, accepted by the supervision office, its document listed', async () => {
    // 1. The legal office registers the measure.
    const legal = await newPage(browser, server.url);
    await login(legal, 'scjfz');
    await legal.getByTestId('home-page').waitFor();
    await legal.goto('/pre-registrations');
    await waitForOrExplain(legal, 'pre-registrations-page');
    await legal.getByTestId('pre-registration-create').click();
    const form = legal.locator('.ant-modal:visible');
    await form.waitFor();
    await form.getByTestId('measure-title').fill(TITLE);
    const picker = form.getByTestId('measure-plannedFrom');
    await picker.click();
    await picker.fill(daysFromToday(7));
    await picker.press('Enter');
    await form
      .getByTestId('measure-measure')
      .fill('对首次轻微违法且及时改正的企业，签署告知承诺书后不予处罚，三十日内回访。');
    await form.getByTestId('measure-reason').fill('优化营商环境，引导企业主动合规。');
    await form.getByTestId('measure-legalGap').fill('本市裁量基准对“首次”“轻微”的认定未作规定。');
    await form.getByTestId('measure-risks').fill('认定尺度不一，可能被质疑选择性执法。');
    await form
      .getByTestId('measure-safeguards')
      .fill('统一适用清单和告知承诺文书；回访发现未改正的依法处罚。');
    await shot(legal, 'pre-registration-form.png');
    await form.getByTestId('measure-submit').click();
    await waitForOrExplain(legal, 'pre-registration-detail');
    await legal.locator('[data-testid="pre-registration-state"][data-state="submitted"]').waitFor();
    const number = (await legal.getByTestId('pre-registration-number').textContent())?.trim() ?? '';
    expect(number).toMatch(/^A市报备〔\d{4}〕\d+号$/);
    // The initial review's due date is shown, and the registrant may only withdraw.
    await legal.getByTestId('pre-registration-review').getByTestId('deadline-tag').waitFor();
    expect(await legal.getByTestId('pre-registration-action-accept').count()).toBe(0);
    await legal.getByTestId('pre-registration-action-withdraw').waitFor();

    // 2. The supervision office finds it awaiting review and accepts it.
    const office = await newPage(browser, server.url);
    await login(office, 'sfj');
    await office.getByTestId('home-page').waitFor();
    await office.goto('/pre-registrations');
    await waitForOrExplain(office, 'pre-registrations-page');
    await office.getByTestId('pre-registration-search').locator('input').fill(number);
    await office.getByTestId('pre-registration-search').locator('input').press('Enter');
    const link = office.getByTestId('pre-registration-link').filter({ hasText: number });
    await link.waitFor();
    await link.click();
    await waitForOrExplain(office, 'pre-registration-detail');
    await office.getByTestId('pre-registration-action-accept').click();
    const modal = office.locator('.ant-modal:visible');
    await modal.waitFor();
    await modal
      .getByTestId('review-opinion')
      .fill('属于法律政策尚无明确规定的探索性措施，防范措施可行，同意受理。');
    await modal.getByTestId('review-submit').click();
    await modal.waitFor({ state: 'hidden' });
    await office.locator('[data-testid="pre-registration-state"][data-state="accepted"]').waitFor();
    const doc = office.getByTestId('pre-registration-document-acceptance_decision');
    await doc.waitFor();
    expect(await doc.textContent()).toContain('报备容错受理决定书');
    await shot(office, 'pre-registration-accepted.png');
    // The link downloads the issued .docx.
    const href = (await doc.getAttribute('href')) ?? '';
    const res = await office.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('wordprocessingml');
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');

    // 3. The registrant sees the decision and its document too.
    await legal.reload();
    await legal.locator('[data-testid="pre-registration-state"][data-state="accepted"]').waitFor();
    await legal.getByTestId('pre-registration-decision').waitFor();
    await legal.getByTestId('pre-registration-document-acceptance_decision').waitFor();
  });
});
