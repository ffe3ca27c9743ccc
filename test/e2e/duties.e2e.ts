// 权责清单 in a real browser: the supervision office (sfj) opens the list of 市综合执法局 and sees
// its powers by name (违法建设查处, 行政处罚, 主办); the worklist shows the overlap of 违法建设查处 with
// both agencies by name and the 协办-only gap; an agency's legal office (scjfz) checks a small CSV of
// its agency's list (a dry run: the report, nothing written), imports it, and finds the new version
// with its difference from the one before.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dutyItem } from '../../src/core/duties/fixtures.js';
import { dutyItemsCsv } from '../../src/core/duties/item.js';
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

const imports = async () =>
  Number(
    (
      await server.database.db
        .selectFrom('dutyImports')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('duty lists in the console', () => {
  it('the office opens an agency’s list and the worklist with the 违法建设查处 overlap', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'sfj');
    await page.getByTestId('home-page').waitFor();
    await page.locator('.ant-menu-item', { hasText: '权责清单' }).click();
    await page.getByTestId('duties-page').waitFor();
    await choose(page, 'duty-agency', 'A市综合行政执法局');
    await page.getByTestId('duty-search').locator('input').fill('违法建设');
    await page.getByTestId('duty-search').locator('input').press('Enter');
    const row = page.getByTestId('duty-table').locator('tbody tr', { hasText: '违法建设查处' }).first();
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/行政处罚.*主办/);
    await shot(page, 'duties-list.png');

    await page.getByTestId('duties-view-worklist').click();
    const overlaps = page.getByTestId('duty-worklist-overlaps');
    const overlap = overlaps.locator('tbody tr', { hasText: '违法建设查处' }).first();
    await overlap.waitFor();
    await expect(overlap.textContent()).resolves.toMatch(/A市综合行政执法局.*A市住房和城乡建设局/);
    await expect(page.getByTestId('duty-worklist-gaps').textContent()).resolves.toContain(
      '仅有协办部门，无主办部门',
    );
    await shot(page, 'duties-worklist.png');
    await page.context().close();
  });

  it('a legal office checks a CSV (nothing written), imports it, and sees the new version’s difference', async () => {
    const page = await newPage(browser, server.url);
    await login(page, 'scjfz');
    await page.getByTestId('home-page').waitFor();
    await page.goto('/duties?view=import');
    await page.getByTestId('duty-import-check').waitFor();
    const input = page.getByTestId('duties-page').locator('input[type=file]');
    const csv = dutyItemsCsv([
      dutyItem({
        agency: 'A市市场监督管理局',
        region: null,
        code: 'XK-0001',
        name: '食品经营许可',
        type: 'licensing',
        effectiveFrom: '2030-01-01',
      }),
      dutyItem({
        row: 3,
        agency: '529900-SCJ',
        code: 'XK-9001',
        name: '新增许可事项',
        type: 'licensing',
        basis: null,
        effectiveFrom: '2030-01-01',
      }),
    ]);
    const before = await imports();
    // A bad row first: named by row and column, nothing written.
    await input.setInputFiles({
      name: '市场监管局清单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv.replace('2030-01-01', '2030-02-30')),
    });
    await page.getByTestId('duty-import-check').click();
    const problems = page.getByTestId('duty-import-problems');
    await problems.locator('tbody tr').first().waitFor();
    await expect(problems.textContent()).resolves.toContain('生效日期');
    // The good file: the dry run's report, then the import.
    await input.setInputFiles({ name: '市场监管局清单.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByTestId('duty-import-check').click();
    const preview = page.getByTestId('duty-import-preview');
    await preview.waitFor();
    await expect(preview.textContent()).resolves.toContain(
      'A市市场监督管理局 第 3 版，2 项，自 2030-01-01 起施行',
    );
    await expect(page.getByTestId('duty-import-report-incomplete').textContent()).resolves.toContain(
      '新增许可事项',
    );
    expect(await imports()).toBe(before);
    await shot(page, 'duties-import-check.png');
    await page.getByTestId('duty-import-submit').click();
    await page.getByTestId('duty-import-done').waitFor();
    expect(await imports()).toBe(before + 1);

    await page.getByTestId('duties-view-versions').click();
    await choose(page, 'duty-versions-agency', 'A市市场监督管理局');
    await page.getByTestId('duty-versions').locator('tbody tr', { hasText: '第 3 版' }).waitFor();
    await expect(page.getByTestId('duty-diff-added').textContent()).resolves.toContain('新增（1）');
    await page.getByTestId('duty-diff-added').click();
    await page
      .getByTestId('duty-diff-added-table')
      .locator('tbody tr', { hasText: '新增许可事项' })
      .waitFor();
    await shot(page, 'duties-versions.png');
    await page.context().close();
  });
});
