// Debian's Chromium through playwright-core, and the console's common moves.
import { mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { ROOT } from './server.js';

export const DEMO_PASSWORD = 'Wenze@2026';
export const RESULTS = `${ROOT}test-results/`;

export function launchBrowser(): Promise<Browser> {
  mkdirSync(RESULTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function newPage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    // The console honours "reduce motion": no modal zooms in while a click is on its way.
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

/** A phone-sized page (touch, mobile viewport), as a citizen on the public pages would use. */
export async function newPhonePage(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return page;
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

/** Pick an option of an antd Select by its visible label. */
export async function choose(page: Page, testId: string, label: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: label })
    .first()
    .click();
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${RESULTS}${name}`, fullPage: true });
}

/**
 * Wait for an element; if it does not come, fail with what the page says instead (an error
 * message, a form's field errors), so a failure in CI tells its cause.
 */
export async function waitForOrExplain(page: Page, testId: string): Promise<void> {
  try {
    await page.getByTestId(testId).waitFor();
  } catch (e) {
    const said = await page
      .locator('.ant-message-notice, .ant-form-item-explain-error, .ant-alert-error, .ant-result-title')
      .allTextContents()
      .catch(() => []);
    throw new Error(`${testId} did not appear at ${page.url()}; the page shows: ${JSON.stringify(said)}`, {
      cause: e,
    });
  }
}
