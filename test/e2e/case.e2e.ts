// An accountability case end to end in a real browser: a citizen files a complaint on the
// public page from a phone and keeps the receipt; the city supervision office (sfj) opens the
// lead as a case, accepts it, assigns two investigators (sfj, sfjdc), investigates and records
// the findings with the rulebook; the officer concerned (O-0001) states a defence; sfj proposes
// to pursue with the recommended sanction, approves the proposal and serves the decision; the
// officer reads it, appeals to the relief panel from the case, and downloads the decision
// document, whose SHA-256 matches the one the case shows. The complainant then sees the case number and the decision on the tracking
// page.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, login, newPage, newPhonePage, RESULTS, shot, waitForOrExplain } from './browser.js';
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

const SUBJECT = '同一违法行为被重复罚款';

/** Wait until the case shows the given state (the page reloads the case after each step). */
async function stateIs(page: Page, state: string): Promise<void> {
  await page.locator(`[data-testid="case-state"][data-state="${state}"]`).first().waitFor();
}

/** Run one workflow step from the action bar: open its form, fill it, submit, wait for the outcome. */
async function act(page: Page, action: string, fill?: (modal: ReturnType<Page['locator']>) => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  const modal = page.locator('.ant-modal:visible');
  await modal.waitFor();
  if (fill) await fill(modal);
  await modal.getByTestId('action-submit').click();
  await modal.waitFor({ state: 'hidden' });
}

describe('accountability case from a public complaint to an appeal', () => {
  it('runs the case through to a served decision, answered and appealed by the officer', async () => {
    // 1. A citizen files a complaint from a phone.
    const phone = await newPhonePage(browser, server.url);
    await phone.goto('/login');
    await phone.getByTestId('login-public-complaint').click();
    await phone.getByTestId('complaint-page').waitFor();
    // The public portal's own bundle: a native select (no antd), as a phone shows it.
    await phone.getByTestId('complaint-agency').selectOption({ label: 'A市市场监督管理局' });
    await phone.getByTestId('complaint-officer').fill('戴峰');
    await phone.getByTestId('complaint-subject').fill(SUBJECT);
    await phone
      .getByTestId('complaint-narrative')
      .fill(
        '2026年10月我因同一占道经营行为已被罚款200元，数日后又被A市市场监督管理局就同一行为再次罚款200元。',
      );
    await phone.getByTestId('complaint-contact-name').fill('王五');
    await phone.getByTestId('complaint-contact-phone').fill('13800000000');
    await phone.getByTestId('complaint-submit').click();
    const code = phone.getByTestId('receipt-code');
    await code.waitFor();
    const receipt = ((await code.textContent()) ?? '').trim();
    expect(receipt).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/);
    await phone
      .getByTestId('receipt-panel')
      .locator('input[type=file]')
      .setInputFiles({
        name: '罚款收据.png',
        mimeType: 'image/png',
        buffer: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
          'base64',
        ),
      });
    await phone.getByTestId('receipt-attachments').getByText('罚款收据.png').waitFor();
    await shot(phone, 'public-complaint.png');
    await phone.getByTestId('receipt-track').click();
    await phone.locator('[data-testid="track-status"][data-status="received"]').waitFor();

    // 2. The supervision office opens the lead as a case and investigates.
    const sfj = await newPage(browser, server.url);
    await login(sfj, 'sfj');
    await sfj.getByTestId('home-page').waitFor();
    await sfj.getByTestId('stat-new-leads').click();
    await sfj.getByTestId('leads-page').waitFor();
    await sfj.getByTestId('lead-link').filter({ hasText: SUBJECT }).first().click();
    const drawer = sfj.getByTestId('lead-drawer');
    await drawer.getByText(receipt).waitFor();
    await drawer.getByTestId('lead-open').click();
    // The form starts from the lead: its subject is there before the case is opened.
    await expect.poll(() => sfj.locator('.ant-modal:visible input#subject').inputValue()).toBe(SUBJECT);
    await sfj.getByTestId('open-case-submit').click();
    await waitForOrExplain(sfj, 'case-detail');
    await stateIs(sfj, 'registered');
    const caseUrl = new URL(sfj.url()).pathname;
    const number = ((await sfj.getByTestId('case-number').textContent()) ?? '').trim();
    expect(number).toMatch(/问责〔\d{4}〕\d+号$/);

    await act(sfj, 'accept', (m) =>
      m.getByTestId('action-field-opinion').fill('反映的重复罚款问题属本机关管辖，同意立案调查。'),
    );
    await stateIs(sfj, 'accepted');
    await act(sfj, 'assign_investigators', async (m) => {
      await m.getByTestId('candidate-sfj').click();
      await m.getByTestId('candidate-sfjdc').click();
    });
    await sfj.getByTestId('tab-investigation').click();
    await expect.poll(() => sfj.getByTestId('investigators').locator('tbody tr').count()).toBe(2);
    await act(sfj, 'start_investigation');
    await stateIs(sfj, 'investigating');
    // As an assigned investigator sfj now sees the named complainant.
    await sfj.getByTestId('tab-overview').click();
    await expect(sfj.getByTestId('complainant').textContent()).resolves.toContain('王五');

    await sfj.getByTestId('action-record_findings').click();
    const findings = sfj.getByTestId('findings-drawer');
    await findings.getByTestId('fault-select').click();
    await sfj.keyboard.type('penalty.04');
    await sfj
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'penalty.04' })
      .first()
      .click();
    await findings.locator('.ant-card-head-title').filter({ hasText: '案情' }).click();
    await findings.getByTestId('findings-officer-0').click();
    await sfj.keyboard.type('O-0001');
    await sfj
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'O-0001' })
      .first()
      .click();
    await expect.poll(() => findings.getByTestId('findings-officer-0').textContent()).toContain('O-0001');
    await findings.getByTestId('person-0').locator('input[value="negligent_wrong_opinion"]').check();
    await findings.getByTestId('findings-preview').getByTestId('explanation-line').first().waitFor();
    // What would change the outcome (whatIf) is offered beside the findings, as in the simulator.
    await findings.getByTestId('findings-preview').getByTestId('what-if-item').first().waitFor();
    await findings
      .getByTestId('findings-text')
      .fill('经查，承办人戴峰在审核中未发现当事人已因同一违法行为受过罚款，提出了错误的处罚意见。');
    await findings.getByTestId('findings-submit').click();
    await stateIs(sfj, 'findings');
    await sfj.getByTestId('tab-findings').click();
    const determination = sfj.getByTestId('findings-tab');
    await expect(determination.getByTestId('outcome').first().getAttribute('data-outcome')).resolves.toBe(
      'pursue',
    );
    expect(await determination.getByTestId('cite-link').count()).toBeGreaterThan(0);
    await act(sfj, 'notify_statement');
    await stateIs(sfj, 'statement');

    // 3. The officer concerned states a defence from their own case.
    const officer = await newPage(browser, server.url);
    await login(officer, 'officer');
    await officer
      .getByTestId('my-deadlines')
      .getByTestId('my-deadline-case')
      .filter({ hasText: number })
      .click();
    await officer.getByTestId('case-detail').waitFor();
    await officer.getByTestId('subject-notice').waitFor();
    await act(officer, 'record_statement', (m) =>
      m
        .getByTestId('action-field-text')
        .fill('我当时未能查询到此前的处罚记录，系工作疏忽，并非故意，请求从轻处理。'),
    );
    await officer.getByTestId('tab-statement').click();
    await officer.getByTestId('statement-text').waitFor();

    // 4. After hearing the only liable person, sfj as an investigator proposes the decision with
    // the recommended sanction (书面检查, below the collective-discussion threshold); as the
    // office's head sfj approves it, and serves.
    await sfj.reload();
    await stateIs(sfj, 'statement');
    await act(sfj, 'propose_decision', async (m) => {
      const sanction = m.getByTestId('proposal-sanction-O-0001');
      await expect(sanction.textContent()).resolves.toContain('书面检查');
      await expect(sanction.textContent()).resolves.toContain('量责建议');
      // The recommendation kept: no reason asked for.
      expect(await m.getByTestId('proposal-reason-O-0001').count()).toBe(0);
      await m
        .getByTestId('action-field-reasons')
        .fill(
          '事实清楚，证据确实充分。依第十五条第（四）项，对承办人戴峰追究行政执法过错责任，责令书面检查。',
        );
    });
    await stateIs(sfj, 'proposed');
    await sfj.getByTestId('tab-decision').click();
    await expect(
      sfj.getByTestId('proposal-panel').getByTestId('sanction-O-0001').getAttribute('data-form'),
    ).resolves.toBe('written_self_criticism');
    await act(sfj, 'decide', async (m) => {
      await expect(m.getByTestId('proposal-summary').textContent()).resolves.toContain('书面检查');
      // Below off-post training the head approves alone: the collective discussion is optional.
      expect(await m.getByTestId('action-field-minutes').count()).toBe(0);
      await m.getByTestId('action-field-opinion').fill('同意调查人员提出的处理意见。');
    });
    await stateIs(sfj, 'decided');
    const sanctions = sfj.getByTestId('decision-sanctions');
    await expect(sanctions.getByTestId('sanction-O-0001').getAttribute('data-form')).resolves.toBe(
      'written_self_criticism',
    );
    await expect(sanctions.textContent()).resolves.toContain('书面检查');
    await expect(sfj.getByTestId('approval-opinion').textContent()).resolves.toContain('同意调查人员');
    await act(sfj, 'serve');
    await stateIs(sfj, 'served');
    await sfj.getByTestId('tab-findings').click();
    await sfj.getByTestId('findings-tab').waitFor();
    await expect.poll(() => sfj.locator('.ant-message-notice').count(), { timeout: 10_000 }).toBe(0);
    await shot(sfj, 'case-detail.png');

    // 5. The officer reads the served decision, appeals, and downloads the decision document.
    await officer.reload();
    await stateIs(officer, 'served');
    await officer.getByTestId('tab-decision').click();
    await expect(officer.getByTestId('decision-kind').getAttribute('data-kind')).resolves.toBe('pursue');
    await officer.getByTestId('served-on').waitFor();
    // The appeal goes to the relief panel: filed from the case's appeal tab, it opens the appeal.
    const officerCase = new URL(officer.url()).pathname;
    await officer.getByTestId('tab-appeal').click();
    await officer.getByTestId('appeal-file').click();
    const appealModal = officer.locator('.ant-modal:visible');
    await appealModal.waitFor();
    await appealModal
      .getByTestId('appeal-file-grounds')
      .fill('本人系初次过失，且已主动纠正，处理偏重，请求复核。');
    await appealModal.getByTestId('appeal-file-submit').click();
    await waitForOrExplain(officer, 'appeal-detail');
    await officer.locator('[data-testid="appeal-state"][data-state="filed"]').first().waitFor();
    const appealNumber = ((await officer.getByTestId('appeal-number').textContent()) ?? '').trim();
    expect(appealNumber).toMatch(/^A市申诉〔\d{4}〕\d+号$/);
    // The case shows it, awaiting the panel; the officer can file no second appeal.
    await officer.goto(`${officerCase}?tab=appeal`);
    await expect(officer.getByTestId('case-appeal-link').textContent()).resolves.toBe(appealNumber);
    await officer.getByTestId('appeal-pending').waitFor();
    expect(await officer.getByTestId('appeal-file').count()).toBe(0);

    await officer.getByTestId('tab-documents').click();
    const shown = await officer.getByTestId('document-sha-decision').getAttribute('data-sha');
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.getByTestId('document-decision').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/处理决定书\.docx$/);
    const path = `${RESULTS}decision.docx`;
    await download.saveAs(path);
    const bytes = readFileSync(path);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
    // Documents other than the decision and its service receipt stay with the office.
    expect(await officer.getByTestId('document-investigation_report').count()).toBe(0);

    // 6. The complainant sees the case number and the decision with the receipt.
    await phone.reload();
    await phone.locator('[data-testid="track-status"][data-status="decided"]').waitFor();
    await expect(phone.getByTestId('track-case-number').textContent()).resolves.toBe(number);

    // The officer's page (我的案件) and the supervisor's are the same case.
    expect(new URL(officer.url()).pathname.split('/').pop()).toBe(caseUrl.split('/').pop());
    for (const p of [phone, sfj, officer]) await p.context().close();
  });
});
