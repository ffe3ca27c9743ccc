// Full-process supervision in a real browser: a city supervisor opens the dashboard (figures,
// charts, agencies, early warning), exports the findings as .xlsx, drills down from an agency
// to its flagged acts, opens one with its findings and the lead it became, and filters by rule.
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { choose, launchBrowser, login, newPage, shot } from './browser.js';
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

async function cookie(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

describe('supervision dashboard (city supervisor)', () => {
  it('shows the findings, exports them, and drills down to an act and its lead', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    const cookies = await cookie(page);
    const api = async <T>(url: string) =>
      (await server.app.inject({ method: 'GET', url, headers: { cookie: cookies } })).json() as T;
    const summary = await api<{ totals: { acts: number; findings: number }; byRule: { rule: string }[] }>(
      '/api/v1/supervision/summary',
    );
    expect(summary.totals.findings).toBeGreaterThan(0);

    await page.getByTestId('menu-supervision').click();
    await page.getByTestId('supervision-page').waitFor();
    const figure = (id: string) => page.getByTestId(id).locator('.ant-statistic-content').textContent();
    await expect.poll(() => figure('stat-findings')).toBe(String(summary.totals.findings));
    expect((await figure('stat-acts'))?.replace(/,/g, '')).toBe(String(summary.totals.acts));
    await page.getByTestId('chart-by-rule').locator('canvas').waitFor();
    await page.getByTestId('chart-trend').locator('canvas').waitFor();
    await expect(page.getByTestId('supervision-freshness').textContent()).resolves.toMatch(
      /最近报送：\d{4}-\d{2}-\d{2}/,
    );

    // A click on the longest bar (drawn at the top) lists the acts that rule flagged.
    const chart = page.getByTestId('chart-by-rule');
    const box = (await chart.boundingBox())!;
    const categoryHeight = (box.height - 16) / summary.byRule.length;
    await chart.click({ position: { x: box.width * 0.6, y: 8 + categoryHeight / 2 } });
    await page.waitForURL(new RegExp(`/supervision/acts\\?.*rule=${summary.byRule[0].rule}`));
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();
    await page.goBack();
    await page.getByTestId('supervision-page').waitFor();

    // Early warning: officers over the Art. 19(2) thresholds, each with their record.
    const warnings = page.getByTestId('early-warning');
    await warnings.getByTestId('warning-level').first().waitFor();
    await warnings.locator('.ant-table-row-expand-icon').first().click();
    await warnings.getByTestId('warning-history').first().locator('tbody tr').first().waitFor();
    await shot(page, 'supervision.png');

    // Export: the findings of the jurisdiction, one row each.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('supervision-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^findings-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile((await download.path()) as string);
    const sheet = book.worksheets[0];
    expect(sheet.actualRowCount - 1).toBe(summary.totals.findings);

    // The officer with the most faults: their profile shows the same standing and record.
    const officer = warnings.getByTestId('warning-officer').first();
    await officer.click();
    await page.getByTestId('officer-detail').waitFor();
    const standing = page.getByTestId('officer-warning');
    await standing.locator('.ant-tag').first().waitFor();
    await expect(standing.textContent()).resolves.toMatch(/预警|关注/);
    await standing.locator('tbody tr').first().waitFor();
    await page.goBack();
    await page.getByTestId('supervision-page').waitFor();

    // Drill down: the agency with the most findings → its flagged acts.
    const agency = page.getByTestId('agency-table').getByTestId('agency-drill').first();
    await agency.click();
    await page.getByTestId('acts-page').waitFor();
    await page.waitForURL(/\/supervision\/acts\?.*agencyId=/);
    expect(page.url()).toContain('flagged=true');
    const rows = page.locator('.ant-table-tbody tr.ant-table-row');
    await rows.first().waitFor();
    const tagged = await page.getByTestId('act-finding-tags').count();
    expect(tagged).toBe(await rows.count());

    await page.getByTestId('act-link').first().click();
    const drawer = page.getByTestId('act-drawer');
    await drawer.getByTestId('act-finding').first().waitFor();
    await expect(drawer.getByTestId('act-finding').first().textContent()).resolves.toMatch(/第.+条|《/);
    await drawer.getByTestId('act-leads').waitFor();
    await shot(page, 'supervision-act.png');
    await drawer.locator('.ant-drawer-close').click();

    // Filter by one rule: every act listed carries that rule's finding.
    const rule = summary.byRule[0].rule;
    await page.goto(`/supervision/acts?rule=${rule}`);
    await page.getByTestId('acts-page').waitFor();
    await rows.first().waitFor();
    const expected = await api<{ total: number }>(`/api/v1/acts?rule=${rule}&pageSize=1`);
    await page.locator('.ant-pagination-total-text', { hasText: `共 ${expected.total} 条` }).waitFor();
    await choose(page, 'filter-kind', '行政处罚');
    await page.waitForURL(/kind=penalty/);
    await page.context().close();
  });

  it('an agency legal office sees only its own agency, and imports a file of its acts', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'scjfz');
    await page.getByTestId('home-page').waitFor();
    await page.getByTestId('menu-supervision').click();
    await page.getByTestId('supervision-page').waitFor();
    await page.getByTestId('stat-acts').waitFor();
    // No agency table and no agency filter: one agency only.
    expect(await page.getByTestId('agency-table').count()).toBe(0);
    expect(await page.getByTestId('filter-agency').count()).toBe(0);
    await page.getByTestId('supervision-acts').click();
    await page.getByTestId('acts-page').waitFor();
    await page.locator('.ant-table-tbody tr.ant-table-row').first().waitFor();

    // Import a file of acts: a bad line is named and nothing is written; then the fixed file.
    const officers = [
      { id: 'O-0001', certificate: '52990010001', validUntil: '2030-12-31' },
      { id: 'O-0002', certificate: '52990010002', validUntil: '2030-12-31' },
    ];
    const act = (id: string, decided: string) =>
      JSON.stringify({
        id,
        agency: '529900-SCJ',
        kind: 'inspection',
        matter: '食品安全检查',
        officers,
        dates: { decided },
      });
    await page.getByTestId('acts-import').click();
    const input = page.locator('.ant-modal input[type=file]');
    const file = (text: string) => ({
      name: 'acts.jsonl',
      mimeType: 'application/x-ndjson',
      buffer: Buffer.from(text),
    });
    await input.setInputFiles(file(`${act('E2E-1', '2026-03-02')}\n${act('E2E-2', '2026-02-30')}\n`));
    await page.getByTestId('acts-import-submit').click();
    const problems = page.getByTestId('acts-import-problems');
    await problems.locator('tbody tr').first().waitFor();
    await expect(problems.textContent()).resolves.toContain('dates.decided');
    expect(
      (await server.app.inject({ url: '/api/v1/acts/E2E-1', headers: { cookie: await cookie(page) } }))
        .statusCode,
    ).toBe(404);
    await input.setInputFiles(file(`${act('E2E-1', '2026-03-02')}\n${act('E2E-2', '2026-02-27')}\n`));
    await page.getByTestId('acts-import-submit').click();
    await page.getByTestId('acts-import-done').waitFor();
    await shot(page, 'supervision-import.png');
    await page.getByTestId('acts-import-close').click();
    await page.getByTestId('act-search').locator('input').fill('E2E-');
    await page.getByTestId('act-search').locator('input').press('Enter');
    await page.locator('.ant-pagination-total-text', { hasText: '共 2 条' }).waitFor();
    await page.context().close();
  });

  it('an administrator runs the full detection now and sees it as the last run', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'admin');
    await page.getByTestId('home-page').waitFor();
    await page.goto('/supervision');
    await page.getByTestId('supervision-freshness').waitFor();
    await page.getByTestId('supervision-run').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('supervision-last-run').textContent()).toContain('手动');
    await page.context().close();
  });
});
