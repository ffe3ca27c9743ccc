// The public portal on a phone (390×844), walked end to end: the home page → 执法决定公示 (a filter,
// then one decision) → 执法监督统计 (charts and tables of aggregate counts) → 行政执法年度报告 (the web
// page, and the .docx downloaded) → 执法主体 → back. Nothing on any page is wider than the screen.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latestReportYear } from '../../src/core/disclosure/report.js';
import { launchBrowser, newPhonePage, shot } from './browser.js';
import { type E2eServer, startServer } from './server.js';

const WIDTH = 390;

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ acts: true });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function fitsTheScreen(page: Page, where: string): Promise<void> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width, `${where} is ${width}px wide`).toBeLessThanOrEqual(WIDTH + 1);
}

describe('the public portal on a phone', () => {
  it('home → decisions (filter, one) → statistics → annual report (.docx) → agencies → back', async () => {
    const page = await newPhonePage(browser, server.url);
    expect(page.viewportSize()).toEqual({ width: WIDTH, height: 844 });
    await page.goto('/public');
    await page.getByTestId('public-home').waitFor();
    await fitsTheScreen(page, 'the home page');

    // 执法决定公示: filter to penalties, open one; a natural person appears masked.
    await page.getByTestId('public-decisions').click();
    await page.getByTestId('decisions-page').waitFor();
    await page.getByTestId('decisions-list').waitFor();
    await page.getByTestId('decisions-category-penalty').click();
    await page.waitForURL(/category=penalty/);
    const entries = page.getByTestId('decisions-list').locator('[data-testid^="decision-"]');
    await expect
      .poll(async () => {
        const texts = await entries.allTextContents();
        return texts.length > 0 && texts.every((x) => x.includes('行政处罚'));
      })
      .toBe(true);
    await expect(page.getByTestId('decisions-total').textContent()).resolves.toMatch(/共 \d+ 项/);
    await fitsTheScreen(page, 'the decisions');
    await shot(page, 'portal-decisions.png');
    await entries.first().click();
    await page.getByTestId('decision-page').waitFor();
    await expect(page.getByTestId('decision-no').textContent()).resolves.toMatch(/罚〔\d{4}〕\d+号/);
    await expect(page.getByTestId('decision-party').textContent()).resolves.toMatch(/相对人.+/);
    expect(await page.locator('body').textContent()).not.toMatch(/\d{17}[\dXx]/);
    await fitsTheScreen(page, 'a decision');
    await page.goBack();
    await page.getByTestId('decisions-page').waitFor();
    await page.goBack();
    await page.getByTestId('public-home').waitFor();

    // 执法监督统计: headline figures, bars and tables.
    await page.getByTestId('public-statistics').click();
    await page.getByTestId('statistics-page').waitFor();
    await page.getByTestId('statistics-totals').waitFor();
    const found = Number(await page.getByTestId('statistics-totals-found').locator('dd').textContent());
    expect(found).toBeGreaterThan(0);
    await page.getByTestId('statistics-outcomes-pursue').waitFor();
    await expect(page.getByTestId('statistics-sanctions').textContent()).resolves.toContain('通报批评');
    await page.getByTestId('statistics-agencies').waitFor();
    await fitsTheScreen(page, 'the statistics');
    await shot(page, 'portal-statistics.png');

    // 年度报告: the latest year out, by category with 万元, and the .docx.
    await page.getByTestId('statistics-report').click();
    await page.getByTestId('report-page').waitFor();
    await page.getByTestId('report-body').waitFor();
    const year = latestReportYear(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10));
    await expect(page.locator('h1').textContent()).resolves.toContain(`${year}年度行政执法工作报告`);
    await expect(page.getByTestId('report-penalties-fine').textContent()).resolves.toMatch(
      /罚款.*\d+件 · [\d.]+万元/,
    );
    await page.getByTestId('report-licensing-granted').waitFor();
    await fitsTheScreen(page, 'the annual report');
    await shot(page, 'portal-annual-report.png');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('report-docx').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`${year}年度行政执法工作报告\\.docx$`));
    const path = await download.path();
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');

    // 执法主体, then back through the history to the report.
    await page.goto('/public');
    await page.getByTestId('public-agencies').click();
    await page.getByTestId('agencies-page').waitFor();
    await page.getByTestId('agencies-list').waitFor();
    await fitsTheScreen(page, 'the agencies');
    await page.goBack();
    await page.getByTestId('public-home').waitFor();
    await page.goBack();
    await page.getByTestId('report-page').waitFor();
    await page.close();
  });
});
