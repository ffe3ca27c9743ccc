// Accounts in a real browser: a new supervisor must enrol two-factor sign-in on the account page
// (QR code, then a code) before anything else, then signs in with the code step; the audit
// administrator filters and exports the audit log.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../src/server/totp.js';
import { hashPassword } from '../../src/store/passwords.js';
import { launchBrowser, login, newPage, shot } from './browser.js';
import { type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
const PASSWORD = 'Tq9$vLm2#pX';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  await server.database.db
    .insertInto('users')
    .values({
      username: 'e2e.sup',
      passwordHash: await hashPassword(PASSWORD),
      displayName: '端到端监督员',
      role: 'supervisor',
      regionCode: '529900',
      agencyId: null,
      officerId: null,
      passwordChangedAt: new Date(),
    })
    .execute();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('two-factor sign-in', () => {
  it('a supervisor enrols at the first sign-in, then signs in with the code', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'e2e.sup', PASSWORD);
    await page.getByTestId('account-page').waitFor();
    await page.getByTestId('account-restriction').waitFor();
    await page.getByTestId('password-policy').waitFor();
    // Everything else leads back here.
    await page.goto('/cases');
    await page.getByTestId('account-restriction').waitFor();
    await page.getByTestId('totp-start').click();
    await page.getByTestId('totp-qr').waitFor();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, 'account-totp.png');
    await page.getByTestId('totp-code').fill(await totpCode(secret));
    await page.getByTestId('totp-confirm').click();
    await page.getByText('双因素认证已启用').waitFor();
    await expect.poll(() => page.getByTestId('account-restriction').count()).toBe(0);

    await page.getByTestId('user-menu').hover();
    await page.getByTestId('menu-logout').click();
    await page.getByTestId('login-submit').waitFor();
    await login(page, 'e2e.sup', PASSWORD);
    await page.getByTestId('login-code').waitFor();
    await page.getByTestId('login-code').fill(await totpCode(secret, Math.floor(Date.now() / 1000) + 30));
    await page.getByTestId('login-submit').click();
    await page.getByTestId('home-page').waitFor();
    await page.context().close();
  });
});

describe('audit log', () => {
  it('the audit administrator filters the log; others do not see it', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'auditor');
    await page.getByTestId('home-page').waitFor();
    await page.getByTestId('menu-audit-log').click();
    await page.getByTestId('audit-log-page').waitFor();
    await page.getByTestId('audit-filter-actor').fill('e2e.sup');
    await page.getByTestId('audit-search').click();
    await expect
      .poll(async () => (await page.getByTestId('audit-table').locator('tbody').textContent()) ?? '', {
        timeout: 10_000,
      })
      .toContain('auth.totp_enabled');
    const href = await page.getByTestId('audit-export-csv').getAttribute('href');
    expect(href).toContain('actor=e2e.sup');
    await shot(page, 'audit-log.png');
    await page.context().close();

    const other = await newPage(browser, server.url);
    await login(other, 'admin');
    await other.getByTestId('home-page').waitFor();
    expect(await other.getByTestId('menu-audit-log').count()).toBe(0);
    await other.context().close();
  });
});
