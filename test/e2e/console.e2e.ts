// The console in a real browser against the real server: a city supervisor finds officers
// whose certificates have expired; an administrator creates an account; an agency's legal
// office does not see user administration.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, login, newPage, shot } from './browser.js';
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

describe('officers register (city supervisor)', () => {
  it('filters by expired certificates and opens an officer with the certificate history', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    await expect(page.getByTestId('header-jurisdiction').textContent()).resolves.toContain('A市');
    await page.getByTestId('stat-expired').waitFor();
    await page.getByTestId('certificate-chart').locator('canvas').waitFor();
    await shot(page, 'home.png');

    await page.getByTestId('menu-officers').click();
    await page.getByTestId('officers-page').waitFor();
    await choose(page, 'filter-cert-status', '已过期');
    await page.waitForURL(/certStatus=expired/);
    // Wait for the filtered page: its total is the number of expired certificates.
    const home = await server.app.inject({
      method: 'GET',
      url: '/api/v1/home',
      cookies: await cookiesOf(page),
    });
    const expiredTotal = (home.json() as { certificates: { expired: number } }).certificates.expired;
    expect(expiredTotal).toBeGreaterThan(0);
    await page.locator('.ant-pagination-total-text', { hasText: `共 ${expiredTotal} 条` }).waitFor();

    const statuses = await page.getByTestId('officer-table').getByTestId('cert-status').allTextContents();
    expect(statuses.length).toBe(Math.min(expiredTotal, 20));
    expect(new Set(statuses)).toEqual(new Set(['已过期']));
    await shot(page, 'officers-list.png');

    const first = page.getByTestId('officer-link').first();
    const name = (await first.textContent()) ?? '';
    await first.click();
    await page.getByTestId('officer-detail').waitFor();
    await expect(page.getByTestId('officer-name').textContent()).resolves.toBe(name);
    const history = page.getByTestId('certificate-history');
    await history.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await history.getByTestId('cert-status').allTextContents()).toContain('已过期');
    await shot(page, 'officers.png');
    await page.context().close();
  });
});

describe('users and roles', () => {
  it('an administrator creates an agency legal-office account, which cannot see user administration', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'admin', 'wrong-password-1');
    await expect(page.getByTestId('login-error').textContent()).resolves.toContain('用户名或密码错误');

    await login(page, 'admin');
    await page.getByTestId('home-page').waitFor();
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-page').waitFor();
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('e2e.legal');
    await page.getByTestId('user-display-name').fill('端到端测试法制科');
    await page.getByTestId('user-password').fill('Legal2026ok');
    await choose(page, 'user-role', '执法部门法制机构');
    await choose(page, 'user-agency', 'A市市场监督管理局');
    await page.getByTestId('user-form-submit').click();
    await page.getByText('账号 e2e.legal 已创建').waitFor();
    await page.getByTestId('user-search').locator('input').fill('e2e.legal');
    await page.getByTestId('user-search').locator('input').press('Enter');
    await expect
      .poll(() => page.getByTestId('user-row-username').allTextContents(), { timeout: 10_000 })
      .toEqual(['e2e.legal']);
    await shot(page, 'users.png');

    await page.getByTestId('user-menu').hover();
    await page.getByTestId('menu-logout').click();
    await page.getByTestId('login-submit').waitFor();

    await login(page, 'e2e.legal', 'Legal2026ok');
    // The administrator chose the password: the new account changes it before anything else.
    await page.getByTestId('account-restriction').waitFor();
    await page.getByTestId('account-current-password').fill('Legal2026ok');
    await page.getByTestId('account-new-password').fill('Legal#2027own');
    await page.getByTestId('account-confirm-password').fill('Legal#2027own');
    await page.getByTestId('account-password-submit').click();
    await expect.poll(() => page.getByTestId('account-restriction').count()).toBe(0);
    await page.goto('/home');
    await page.getByTestId('home-page').waitFor();
    await page.getByTestId('menu-officers').waitFor();
    expect(await page.getByTestId('menu-users').count()).toBe(0);
    await page.goto('/users');
    await page.getByTestId('forbidden').waitFor();
    await page.context().close();
  });
});

async function cookiesOf(page: import('playwright-core').Page): Promise<Record<string, string>> {
  const cookies = await page.context().cookies();
  return Object.fromEntries(cookies.map((c) => [c.name, c.value]));
}
