// The Content-Security-Policy every response carries must not break what the server serves: the
// console (Ant Design's CSS-in-JS), the supervision dashboard's ECharts, and Swagger UI at /api/docs.
// Any violation the browser reports fails the test.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage } from './browser.js';
import { type E2eServer, startServer } from './server.js';

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

function violations(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect)/i.test(m.text()))
      found.push(m.text());
  });
  return found;
}

describe('Content-Security-Policy', () => {
  it('lets the console, its charts and the API documentation work', async () => {
    const page = await newPage(browser, server.url);
    const seen = violations(page);
    const res = await page.goto('/login');
    expect(res?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    await page.getByTestId('menu-supervision').click();
    await page.locator('canvas').first().waitFor();
    await page.goto('/api/docs');
    await page.locator('.swagger-ui .opblock').first().waitFor();
    expect(seen).toEqual([]);
  });
});
