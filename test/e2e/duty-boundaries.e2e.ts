// 职责交叉的处理 in a real browser: the city supervision office (sfj) opens the worklist, refers the
// 违法建设查处 overlap to the establishment office (it stays, marked 已移交编制部门), then records the
// boundary — 市综合执法局 leads, 市住建局 assists, with its ground — and the overlap leaves the
// worklist for the 职责边界清单 tab, which lists it and offers its CSV.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('handling an overlap in the console', () => {
  it('refer, then name the lead agency; the boundary list has it', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    await page.goto('/duties?view=worklist');
    const row = () =>
      page.getByTestId('duty-worklist-overlaps').locator('tbody tr', { hasText: '违法建设查处' }).first();
    await row().waitFor();
    await expect(row().textContent()).resolves.toContain('待处理');

    // 移交编制部门: the referral's number (the date defaults to today).
    await page.getByTestId('overlap-handle-529900-CF-0014').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '移交编制部门' }).click();
    await page.locator('.ant-modal:visible').waitFor();
    await page.getByTestId('overlap-field-number').fill('A司监函〔2026〕12号');
    await page.getByTestId('overlap-action-submit').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    await row().getByTestId('overlap-status-referred').waitFor();
    await expect(row().textContent()).resolves.toContain('A司监函〔2026〕12号');
    await shot(page, 'duties-overlap-referred.png');

    // 明确牵头单位: the ground is required (the form says so), then the overlap leaves the worklist.
    await page.getByTestId('overlap-handle-529900-CF-0014').click();
    await page.locator('.ant-dropdown-menu-item', { hasText: '明确牵头单位' }).click();
    await page.locator('.ant-modal:visible').waitFor();
    await page.getByTestId('overlap-lead-529900-ZHJ').click();
    await page.getByTestId('overlap-action-submit').click();
    await page.locator('.ant-form-item-explain-error', { hasText: '依据' }).waitFor();
    await page.getByTestId('overlap-field-ground').fill('A市委编办《关于违法建设查处职责分工的意见》');
    await page.getByTestId('overlap-action-submit').click();
    await page.locator('.ant-modal:visible').waitFor({ state: 'detached' });
    await page.getByTestId('duty-worklist-settled').waitFor();
    expect(await row().count()).toBe(0);

    // The boundary list.
    await page.getByTestId('duty-worklist-settled').click();
    await waitForOrExplain(page, 'boundary-table');
    const entry = page.getByTestId('boundary-table').locator('tbody tr', { hasText: '违法建设查处' }).first();
    await entry.waitFor();
    await expect(entry.textContent()).resolves.toMatch(
      /A市综合行政执法局.*A市住房和城乡建设局.*关于违法建设查处职责分工的意见/,
    );
    await expect(page.getByTestId('boundary-export').getAttribute('href')).resolves.toContain(
      '/api/v1/duty-lists/boundaries/export.csv',
    );
    await shot(page, 'duties-boundaries.png');
    await page.context().close();
  });
});
