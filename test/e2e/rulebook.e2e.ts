// The Measures in the console: search the regulation browser, go from a catalogue item to the
// determination simulator, see a determination whose every line cites an article, preview the
// article, and reopen the same case from its link.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, shot } from './browser.js';
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

describe('regulation browser and determination simulator', () => {
  it('finds a catalogue item, simulates a case with it, and shares the case as a link', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();

    await page.getByTestId('menu-rulebook').click();
    await page.getByTestId('article-15').waitFor();
    const search = page.getByTestId('rulebook-search').locator('input');
    await search.fill('重复罚款');
    await search.press('Enter');
    const hit = page.getByTestId('search-hit').filter({ hasText: 'penalty.04' });
    await hit.waitFor();
    await shot(page, 'rulebook.png');
    await hit.click();
    await page.waitForURL(/#item-penalty\.04$/);
    const item = page.locator('[id="item-penalty.04"]');
    await expect(item.textContent()).resolves.toContain('重复罚款');

    await item.getByTestId('simulate-item').click();
    await page.getByTestId('simulator-page').waitFor();
    await expect(page.getByTestId('fault-select').textContent()).resolves.toContain('penalty.04');
    await page.getByTestId('person-0').getByTestId('person-conduct').getByText('因过失提出错误意见').click();

    const outcome = page.getByTestId('person-result').first().getByTestId('outcome');
    await expect.poll(() => outcome.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('pursue');
    const lines = page.getByTestId('explanation-line');
    expect(await lines.count()).toBeGreaterThan(0);
    for (const line of await lines.all()) {
      const hrefs = await line
        .getByTestId('cite-link')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) expect(href).toMatch(/^\/rulebook(\?pack=[^#]+)?#(art-\d+(-\d+)?|ch-\d+)$/);
    }
    const firstLine = (await lines.first().textContent()) ?? '';
    expect(firstLine).toContain('第十五条第（四）项');

    await lines.first().getByTestId('cite-link').first().click();
    const drawer = page.getByTestId('article-drawer');
    await drawer.getByTestId('article-15').waitFor();
    await expect(drawer.locator('.wz-clause-focus').textContent()).resolves.toContain('（四）');
    await page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'hidden' });
    await shot(page, 'simulator.png');

    await page.waitForURL(/[?&]case=/);
    const shared = page.url();
    const other = await page.context().newPage();
    await other.goto(shared);
    const again = other.getByTestId('person-result').first().getByTestId('outcome');
    await expect.poll(() => again.getAttribute('data-outcome'), { timeout: 15_000 }).toBe('pursue');
    await expect(other.getByTestId('explanation-line').first().textContent()).resolves.toBe(firstLine);

    // The sanction is called a recommendation; what would change the result is shown, and "试一试"
    // writes the change into the case and gives the result it stated.
    await other.getByTestId('recommendation-note').first().waitFor();
    const change = other.getByTestId('person-result').first().getByTestId('what-if-item').first();
    await change.waitFor();
    const stated = await change.getAttribute('data-outcome');
    expect(stated).not.toBe('pursue');
    await change.getByTestId('what-if-apply').click();
    await expect.poll(() => again.getAttribute('data-outcome'), { timeout: 15_000 }).toBe(stated);
    await page.context().close();
  });
});
