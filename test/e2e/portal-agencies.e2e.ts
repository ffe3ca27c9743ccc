// 事前公开 on a phone (390×844): a citizen opens the portal's home, goes to 执法主体, searches for an
// agency, opens it, reads its duty list (and searches it, and loads more), its officers (name,
// certificate number and validity — no phone) and its relief channels; the tab is kept in the
// address, so back returns to the list; nothing is wider than the screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhonePage, shot } from './browser.js';
import { type E2eServer, startServer } from './server.js';

const WIDTH = 390;

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

async function fitsTheScreen(page: Page, where: string): Promise<void> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width, `${where} is ${width}px wide`).toBeLessThanOrEqual(WIDTH + 1);
}

describe('the portal’s enforcement bodies on a phone', () => {
  it('home → agencies → an agency’s list, officers and relief channels', async () => {
    const page = await newPhonePage(browser, server.url);
    expect(page.viewportSize()).toEqual({ width: WIDTH, height: 844 });
    await page.goto('/public');
    await page.getByTestId('public-home').waitFor();
    await page.getByTestId('public-agencies').click();

    // The list of agencies, each with the count of its duties by type.
    await page.getByTestId('agencies-page').waitFor();
    await page.getByTestId('agencies-list').waitFor();
    const scj = page.getByTestId('agency-529900-SCJ');
    await expect(scj.textContent()).resolves.toContain('A市市场监督管理局');
    await expect(scj.textContent()).resolves.toMatch(/权责事项 \d+ 项：.*行政许可 \d+/);
    await fitsTheScreen(page, 'the agencies');
    await shot(page, 'portal-agencies.png');

    // Search by name: only matching agencies, and the search in the address.
    await page.getByTestId('agencies-search-input').fill('市场监督');
    await page.getByTestId('agencies-search-submit').click();
    await page.waitForURL(/\/public\/agencies\?q=/);
    await page.getByTestId('agency-529900-SCJ').waitFor();
    const listed = page.getByTestId('agencies-list').locator('[data-testid^="agency-5"]');
    await expect
      .poll(async () => (await listed.allTextContents()).every((x) => x.includes('市场监督')))
      .toBe(true);
    expect(await page.getByTestId('agency-529900-ZHJ').count()).toBe(0);

    // The agency: its duty list first.
    await page.getByTestId('agency-529900-SCJ').click();
    await page.getByTestId('agency-page').waitFor();
    await expect(page.getByTestId('agency-name').textContent()).resolves.toBe('A市市场监督管理局');
    const duties = page.getByTestId('agency-duties');
    await duties.getByTestId('duty-item').first().waitFor();
    expect(await duties.getByTestId('duty-item').count()).toBe(20);
    const first = await duties.getByTestId('duty-item').first().textContent();
    expect(first).toContain('职权编码');
    expect(first).toContain('依据');
    expect(first).toContain('办结时限');
    await fitsTheScreen(page, 'the duty list');
    await shot(page, 'portal-agency-duties.png');
    // More, then a search within the list.
    await duties.getByTestId('duties-more').click();
    const items = duties.getByTestId('duty-item');
    await expect.poll(() => items.count()).toBeGreaterThan(20);
    await duties.getByTestId('duties-search-input').fill('食品');
    await duties.getByTestId('duties-search-submit').click();
    await expect
      .poll(async () => {
        const texts = await items.allTextContents();
        return texts.length > 0 && texts.length <= 20 && texts.every((x) => x.includes('食品'));
      })
      .toBe(true);

    // Its officers: name, certificate number, validity.
    await page.getByTestId('agency-tab-officers').click();
    await page.waitForURL(/tab=officers/);
    const officers = page.getByTestId('agency-officers');
    await officers.getByTestId('officer-item').first().waitFor();
    const officer = await officers.getByTestId('officer-item').first().textContent();
    expect(officer).toMatch(/执法证号\s*\d+/);
    expect(officer).toMatch(/有效期至 \d{4}-\d{2}-\d{2}/);
    expect(await page.locator('body').textContent()).not.toMatch(/1[3-9]\d{9}/);
    await fitsTheScreen(page, 'the officers');
    await shot(page, 'portal-agency-officers.png');

    // The relief channels, with their legal sources, and the way to complain.
    await page.getByTestId('agency-tab-relief').click();
    await page.getByTestId('relief-reconsideration').waitFor();
    await expect(page.getByTestId('relief-reconsideration').textContent()).resolves.toContain('A市人民政府');
    await expect(page.getByTestId('relief-litigation').textContent()).resolves.toContain('行政诉讼法');
    await expect(page.getByTestId('relief-complaint').textContent()).resolves.toContain('我要投诉');
    await fitsTheScreen(page, 'the relief channels');
    await shot(page, 'portal-agency-relief.png');

    // Back to the agencies (the tabs replace the address, they do not pile up).
    await page.goBack();
    await page.getByTestId('agencies-page').waitFor();
    await page.close();
  });
});
