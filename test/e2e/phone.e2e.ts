// The staff console on a phone (390×844): the city supervision office (sfj) signs in, opens the
// menu from the header's button, reads the leads inbox as cards, opens a new lead in a drawer as
// wide as the screen and opens it as a case (the demo city has none yet), finds the case in the
// cases list (cards) and reads every tab, then reads the supervision dashboard (agencies and
// early warnings as cards) and drills down to an agency's findings — nowhere wider than the screen.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPhonePage, shot, waitForOrExplain } from './browser.js';
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

/** The page is no wider than the screen; if it is, name the elements that stick out. */
async function noOverflow(page: Page, where: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Run in the page as source text: the test's TypeScript has no DOM types.
  const { scrollWidth, wide } = await page.evaluate<{ scrollWidth: number; wide: string[] }>(`(() => {
    const width = ${WIDTH};
    const scrollWidth = document.documentElement.scrollWidth;
    const wide = [];
    const clipped = (el) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement)
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      return false;
    };
    if (scrollWidth > width + 1)
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.width > 0 && r.right > width + 1 && !clipped(el))
          wide.push(el.tagName.toLowerCase() + '.' + String(el.className).slice(0, 60) + ' → ' + Math.round(r.right));
      }
    return { scrollWidth, wide: wide.slice(0, 10) };
  })()`);
  expect(scrollWidth, `${where} is ${scrollWidth}px wide: ${wide.join('; ')}`).toBeLessThanOrEqual(WIDTH + 1);
}

/** Open the menu drawer from the header and go to a page. */
async function menuTo(page: Page, item: string): Promise<void> {
  await page.getByTestId('menu-button').click();
  const drawer = page.getByTestId('menu-drawer');
  await drawer.getByTestId(`menu-${item}`).click();
  await drawer.waitFor({ state: 'hidden' });
}

describe('the staff console on a phone', () => {
  it('leads, a case and the supervision dashboard fit a 390 px screen', async () => {
    const page = await newPhonePage(browser, server.url);
    expect(page.viewportSize()).toEqual({ width: WIDTH, height: 844 });
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    // No side menu on a phone: the header's button opens it in a drawer.
    expect(await page.locator('.wz-sider').count()).toBe(0);
    await noOverflow(page, 'the home page');
    await page.getByTestId('menu-button').click();
    await page.getByTestId('menu-drawer').getByTestId('side-menu').waitFor();
    await shot(page, 'phone-menu.png');

    // The leads inbox: every row a card with its fields, the pagination below.
    await page.getByTestId('menu-drawer').getByTestId('menu-leads').click();
    await page.getByTestId('leads-page').waitFor();
    const leads = page.getByTestId('lead-table');
    await leads.getByTestId('list-card').first().waitFor();
    expect(await leads.locator('table').count()).toBe(0);
    expect(await leads.getByTestId('list-card').count()).toBe(await leads.getByTestId('lead-link').count());
    await expect(leads.getByTestId('list-card').first().locator('dt').count()).resolves.toBeGreaterThan(2);
    await page.locator('.wz-card-list-pagination').waitFor();
    await noOverflow(page, 'the leads list');
    await shot(page, 'phone-leads.png');

    // A new lead opens in a drawer the width of the screen.
    await leads.getByTestId('lead-link').first().click();
    await page.getByTestId('lead-drawer').locator('.ant-descriptions').waitFor();
    const box = (await page.getByTestId('lead-drawer').boundingBox())!;
    expect(Math.round(box.width)).toBe(WIDTH);
    await noOverflow(page, 'the lead drawer');
    await shot(page, 'phone-lead.png');

    // The demo city has no cases yet: the lead is opened as one, from the phone.
    await page.getByTestId('lead-drawer').getByTestId('lead-open').click();
    const modal = page.locator('.ant-modal:visible');
    await modal.waitFor();
    const modalBox = (await modal.boundingBox())!;
    expect(modalBox.x + modalBox.width).toBeLessThanOrEqual(WIDTH);
    await page.getByTestId('open-case-submit').click();
    await waitForOrExplain(page, 'case-detail');
    const number = ((await page.getByTestId('case-number').textContent()) ?? '').trim();

    // The cases list as cards, and the case from there: no part of it wider than the screen.
    await menuTo(page, 'cases');
    await page.getByTestId('cases-page').waitFor();
    const cases = page.getByTestId('case-table');
    await cases.getByTestId('list-card').first().waitFor();
    expect(await cases.locator('table').count()).toBe(0);
    await noOverflow(page, 'the cases list');
    await shot(page, 'phone-cases.png');
    await cases.getByTestId('case-link').filter({ hasText: number }).click();
    await page.getByTestId('case-detail').waitFor();
    await page.getByTestId('case-steps').waitFor();
    const casePath = new URL(page.url()).pathname;
    await noOverflow(page, 'a case');
    await shot(page, 'phone-case.png');
    for (const tab of [
      'investigation',
      'findings',
      'statement',
      'decision',
      'appeal',
      'documents',
      'history',
    ]) {
      // A phone shows the first tabs; the others are behind the tab bar's "more" menu.
      await page.goto(`${casePath}?tab=${tab}`);
      await page.locator(`.ant-tabs-tab-active [data-testid="tab-${tab}"]`).waitFor({ state: 'attached' });
      await noOverflow(page, `the case's ${tab} tab`);
    }

    // The supervision dashboard: figures, charts sized to the screen, agencies and warnings as cards.
    await menuTo(page, 'supervision');
    await page.getByTestId('supervision-page').waitFor();
    await page.getByTestId('chart-by-rule').locator('canvas').waitFor();
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    const chart = (await page.getByTestId('chart-trend').boundingBox())!;
    expect(chart.x + chart.width).toBeLessThanOrEqual(WIDTH);
    const agencies = page.getByTestId('agency-table');
    await agencies.getByTestId('list-card').first().waitFor();
    expect(await agencies.locator('table').count()).toBe(0);
    const warnings = page.getByTestId('early-warning');
    await warnings.getByTestId('warning-level').first().waitFor();
    expect(await warnings.getByTestId('list-card').count()).toBeGreaterThan(0);
    await warnings.locator('.wz-list-card-more .ant-collapse-header').first().click();
    await warnings.getByTestId('warning-history').first().waitFor();
    await noOverflow(page, 'the supervision dashboard');
    await shot(page, 'phone-supervision.png');

    // The findings behind an agency's figures: the flagged acts, each a card with its findings.
    await agencies.getByTestId('agency-drill').first().click();
    await page.getByTestId('acts-page').waitFor();
    await page.waitForURL(/flagged=true/);
    const findings = page.getByTestId('list-card');
    await findings.first().getByTestId('act-finding-tags').waitFor();
    expect(await page.locator('.ant-table-tbody').count()).toBe(0);
    expect(await page.getByTestId('act-finding-tags').count()).toBe(await findings.count());
    await noOverflow(page, 'the findings list');
    await shot(page, 'phone-findings.png');
    await page.context().close();
  });
});
