// The public portal on a phone (390×844), from its own small bundle (web/public.html): a citizen
// opens /public, is told what is missing from an empty complaint, files one, uploads a photo against
// the receipt, tracks it, mistypes a code; back and forward move between the pages. The scripts the
// phone fetched are the portal's only — no antd, no router, no charts —, each sent as brotli with a
// one-year immutable cache, together under the 200 KB budget; the page is never wider than the screen.
// The console's links to the portal load it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPhonePage, shot } from './browser.js';
import { apiAs, type E2eServer, startServer } from './server.js';

const WIDTH = 390;
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

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

interface Script {
  url: string;
  encoding: string | undefined;
  cache: string | undefined;
  bytes: number;
}

/** Every script the page fetches, with its encoding, cache header and size on the wire. */
function scriptsOf(page: Page): Script[] {
  const seen: Script[] = [];
  page.on('requestfinished', async (req) => {
    if (req.resourceType() !== 'script') return;
    const res = await req.response();
    const sizes = await req.sizes();
    seen.push({
      url: new URL(req.url()).pathname,
      encoding: res?.headers()['content-encoding'],
      cache: res?.headers()['cache-control'],
      bytes: sizes.responseBodySize,
    });
  });
  return seen;
}

async function fitsTheScreen(page: Page, where: string): Promise<void> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  expect(width, `${where} is ${width}px wide`).toBeLessThanOrEqual(WIDTH + 1);
}

describe('the public portal on a phone', () => {
  it('files a complaint, uploads a photo and tracks it, from a bundle of its own', async () => {
    const page = await newPhonePage(browser, server.url);
    const scripts = scriptsOf(page);
    await page.goto('/public');
    await page.getByTestId('public-home').waitFor();
    await fitsTheScreen(page, 'the landing page');
    await shot(page, 'public-home.png');

    await page.getByTestId('public-file').click();
    await page.getByTestId('complaint-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/public/complaint');
    // An empty complaint: the form says what is missing, field by field, and sends nothing.
    await page.getByTestId('complaint-submit').click();
    const errors = page.locator('.pp-error');
    await errors.first().waitFor();
    expect(await errors.allTextContents()).toEqual(
      expect.arrayContaining(['请填写投诉事项', '请填写具体情况', '请填写您的姓名', '请填写联系电话']),
    );
    expect(await page.getByTestId('complaint-subject').getAttribute('aria-invalid')).toBe('true');

    await page.getByTestId('complaint-agency').selectOption({ label: 'A市市场监督管理局' });
    await page.getByTestId('complaint-subject').fill('执法人员未出示执法证件');
    await page
      .getByTestId('complaint-narrative')
      .fill('2026年11月，两名执法人员到我店检查，未出示执法证件即要求停业整顿。');
    await page.getByTestId('complaint-contact-name').fill('李四');
    await page.getByTestId('complaint-contact-phone').fill('13900000000');
    await page.getByTestId('complaint-contact-id').fill('11010519491231002x');
    expect(await errors.count()).toBe(0);
    await fitsTheScreen(page, 'the complaint form');
    await shot(page, 'public-complaint-form.png');
    await page.getByTestId('complaint-submit').click();

    const code = page.getByTestId('receipt-code');
    await code.waitFor();
    const receipt = ((await code.textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    await page
      .getByTestId('receipt-panel')
      .locator('input[type=file]')
      .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: PNG });
    await page.getByTestId('receipt-attachments').getByText('现场照片.png').waitFor();
    await fitsTheScreen(page, 'the receipt');
    await shot(page, 'public-receipt.png');

    await page.getByTestId('receipt-track').click();
    await page.locator('[data-testid="track-status"][data-status="received"]').waitFor();
    expect(new URL(page.url()).search).toBe(`?receipt=${receipt}`);
    await expect(page.getByTestId('track-result').textContent()).resolves.toContain('1 个');
    await fitsTheScreen(page, 'the tracking page');
    await shot(page, 'public-track.png');

    // A mistyped code (one symbol off): not found, and the address keeps what was asked.
    const wrong = receipt.slice(0, 15) + (receipt[15] === '0' ? '1' : '0');
    await page.getByTestId('track-receipt').fill(wrong.toLowerCase());
    await page.getByTestId('track-submit').click();
    await page.getByTestId('track-not-found').waitFor();
    expect(new URL(page.url()).search).toBe(`?receipt=${wrong}`);
    // Something that cannot be a code is refused before asking.
    await page.getByTestId('track-receipt').fill('ABC');
    await page.getByTestId('track-submit').click();
    await page.getByText('回执号为 16 位字母和数字，请核对').waitFor();

    // Back to the form and forward again, without loading anything anew.
    const loaded = scripts.length;
    await page.goBack();
    await page.getByTestId('complaint-page').waitFor();
    await page.goForward();
    await page.getByTestId('track-page').waitFor();
    await page.getByTestId('track-not-found').waitFor();
    expect(scripts.length).toBe(loaded);

    await page.waitForLoadState('networkidle');
    const names = scripts.map((s) => s.url);
    expect(names.every((u) => u.startsWith('/assets/'))).toBe(true);
    expect(names.filter((u) => /antd|router|echarts|intl|session/.test(u))).toEqual([]);
    for (const s of scripts) {
      expect(s.encoding, s.url).toBe('br');
      expect(s.cache, s.url).toBe('public, max-age=31536000, immutable');
    }
    const total = scripts.reduce((n, s) => n + s.bytes, 0);
    expect(total).toBeGreaterThan(0);
    expect(total, names.join(', ')).toBeLessThan(200 * 1024);
    await page.context().close();
  });

  it('is reached from the console’s sign-in page, and answers an unknown page', async () => {
    const page = await newPhonePage(browser, server.url);
    await page.goto('/login');
    await page.getByTestId('login-public-track').click();
    await page.getByTestId('track-page').waitFor();
    expect(await page.locator('.ant-layout, .ant-form').count()).toBe(0);
    await page.goto('/public/no-such-page');
    await page.getByTestId('public-not-found').waitFor();
    await page.getByTestId('public-staff-login').click();
    await page.getByTestId('login-username').waitFor();
    await page.context().close();
  });

  it('a complainant told 不予立案 asks for a re-examination, once, from the tracking page', async () => {
    const filed = await server.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject: '复查：未出示证件',
        narrative: '执法人员检查时未出示执法证件。',
        anonymous: false,
        contact: { name: '王五', phone: '13700004444' },
      },
    });
    const receipt = filed.json().receipt as string;
    const sfj = await apiAs(server, 'sfj');
    const lead = (await sfj('GET', `/api/v1/leads?q=${encodeURIComponent('复查：未出示证件')}`)).json()
      .items[0];
    const dismissed = await sfj('POST', `/api/v1/leads/${lead.id}/dismiss`, {
      version: lead.version,
      reason: '证据不足，不予立案。',
    });
    expect(dismissed.statusCode).toBe(200);

    const page = await newPhonePage(browser, server.url);
    await page.goto(`/public/track?receipt=${receipt}`);
    await page.getByTestId('reexamine-open').click();
    await page.getByTestId('reexamine-grounds').fill('有视频');
    await page.getByTestId('reexamine-submit').click();
    await page.locator('.pp-field-invalid').waitFor();
    await page.getByTestId('reexamine-grounds').fill('现场有视频可以证明执法人员未出示证件，请复查。');
    await page.getByTestId('reexamine-submit').click();
    await page.getByTestId('reexamine-requested').waitFor();
    expect(await page.getByTestId('track-status').getAttribute('data-status')).toBe('reexamining');
    expect(await page.getByTestId('reexamine-open').count()).toBe(0);
    await fitsTheScreen(page, 'the re-examination');
    await page.context().close();
  });
});
