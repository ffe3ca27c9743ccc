// 外部评议 in the browser. A citizen on a phone (390×844) mistypes the code from an evaluation card
// and is told so, opens the form with the right one (typed in lower case, with spaces), is told which
// items are not scored yet, scores each 1–5, writes a comment and submits; the same code then says it
// has been used. The supervision office, in the console, finds the comment in its moderation queue —
// the agency cannot read it yet —, approves it, and reads the agency's result: one answer, its means.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { A_CITY_EVALUATION } from '../../src/core/rulebook/packs/a-city-evaluation.js';
import { launchBrowser, login, newPage, newPhonePage, shot } from './browser.js';
import { apiAs, type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
let campaignId: string;
let codes: string[];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const sfj = await apiAs(server, 'sfj');
  const year = new Date().getFullYear();
  const created = await sfj('POST', '/api/v1/evaluation-campaigns', {
    name: 'A市行政执法社会评议（测试）',
    agencyIds: ['529900-SCJ'],
    from: `${year}-01-01`,
    to: `${year}-12-31`,
    audiences: ['public'],
  });
  expect(created.statusCode, created.body).toBe(201);
  campaignId = created.json().id;
  const issued = await sfj('POST', `/api/v1/evaluation-campaigns/${campaignId}/invitations`, {
    agencyId: '529900-SCJ',
    audience: 'public',
    count: 2,
  });
  expect(issued.statusCode, issued.body).toBe(201);
  codes = issued.json().items.map((i: { code: string }) => i.code);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const COMMENT = '执法人员检查时出示了证件，但整改期限太短。';

describe('external evaluation', () => {
  it('a citizen answers by code on a phone, once', async () => {
    const page = await newPhonePage(browser, server.url);
    await page.goto('/public');
    await page.getByTestId('public-evaluate').click();
    await page.getByTestId('evaluate-code-form').waitFor();
    // One symbol wrong: the check symbol catches it before the server is asked.
    const code = codes[0]!;
    const wrong = `${code.slice(0, -1)}${code.endsWith('2') ? '3' : '2'}`;
    await page.getByTestId('evaluate-code').fill(wrong);
    await page.getByTestId('evaluate-open').click();
    await page.getByText('评议码格式不正确').first().waitFor();
    await page.getByTestId('evaluate-code').fill(code.toLowerCase().replace(/-/g, ' '));
    await page.getByTestId('evaluate-open').click();
    await page.getByTestId('evaluate-form').waitFor();
    expect(await page.getByTestId('evaluate-agency').textContent()).toContain('A市市场监督管理局');
    expect(new URL(page.url()).searchParams.get('code')).toBe(code);

    // Nothing scored: each item says so.
    await page.getByTestId('evaluate-submit').click();
    await page.getByTestId('evaluate-error').waitFor();
    expect(await page.locator('.pp-scale .pp-error').count()).toBe(A_CITY_EVALUATION.items.length);
    for (const [i, item] of A_CITY_EVALUATION.items.entries())
      await page.getByTestId(`evaluate-${item.key}-${i % 2 === 0 ? 4 : 3}`).check({ force: true });
    expect(await page.locator('.pp-scale .pp-error').count()).toBe(0);
    await page.getByTestId('evaluate-comment').fill(COMMENT);
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(391);
    await shot(page, 'evaluate-phone.png');
    await page.getByTestId('evaluate-submit').click();
    await page.getByTestId('evaluate-done').waitFor();
    expect(await page.getByTestId('evaluate-done').textContent()).toContain('审核后公开');

    // The same code again: used.
    await page.goto(`/public/evaluate?code=${code}`);
    await page.getByTestId('evaluate-problem').waitFor();
    expect(await page.getByTestId('evaluate-problem').textContent()).toMatch(/已经使用/);
  });

  it('the office moderates the comment in the console; the agency reads it only then', async () => {
    const scjfz = await apiAs(server, 'scjfz');
    const before = await scjfz('GET', `/api/v1/evaluation-campaigns/${campaignId}/answers`);
    expect(before.json().items).toEqual([]);

    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    await page.goto('/evaluation');
    await page.getByTestId('evaluation-link').filter({ hasText: '测试' }).click();
    await page.getByTestId('evaluation-detail').waitFor();
    await page.getByRole('tab', { name: /意见审核/ }).click();
    const item = page.getByTestId('evaluation-queue-item');
    await item.waitFor();
    expect(await item.textContent()).toContain(COMMENT);
    await item.getByTestId('evaluation-approve').click();
    await page.getByText('没有待审核的评议意见').waitFor();

    await page.getByRole('tab', { name: '评议结果' }).click();
    const results = page.getByTestId('evaluation-results');
    await results.locator('tbody tr.ant-table-row').first().waitFor();
    const row = await results.locator('tbody tr.ant-table-row').first().textContent();
    expect(row).toContain('A市市场监督管理局');
    expect(row).toContain('3.5'); // items scored 4, 3, 4, 3, 4, 3
    await page.getByTestId('evaluation-comments').getByText(COMMENT).waitFor();
    await shot(page, 'evaluation-results.png');

    const after = await scjfz('GET', `/api/v1/evaluation-campaigns/${campaignId}/answers`);
    expect(after.json().items.map((a: { comment: string }) => a.comment)).toEqual([COMMENT]);
  });
});
