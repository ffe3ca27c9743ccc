// 纠错 in a real browser. Seeded through the API: a case of A市 taken to its findings (O-0001 of the
// market regulator), the officer's tolerance application accepted, verified and decided 免责; and an
// enforcement act of the same agency with one officer only (a `fewer-than-two-officers` finding).
// The supervision office (sfj) sees the application's history, sets a correction measure from the
// decided application and a rectification from the act's finding; the agency's legal office (scjfz)
// finds both in the register and reports one done; the office finds the re-check blocked until the
// due date, with the reason. The app's clock then moves past the due date after a later act repeats
// the finding's fault: the register shows both overdue in red, and 复查到期措施 re-checks them — the
// tolerated fault's measure passes, the finding's recurred and links to the lead it opened. The
// history of the application, of a measure and of a pre-registration show on their pages.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act as actOf } from '../../src/core/detect/testing.js';
import { CLEAN_FACTS } from '../../src/core/tolerance/fixtures.js';
import { VERIFIED_ITEMS } from '../../src/core/workflow/tolerance.js';
import { importActs } from '../../src/store/acts-import.js';
import { fixedClock } from '../helpers/clock.js';
import { launchBrowser, login, newPage, shot, waitForOrExplain } from './browser.js';
import { apiAs as apiAsUser, type E2eServer, startServer } from './server.js';

let server: E2eServer;
let browser: Browser;
let applicationId: string;
let applicationNumber: string;
let preRegistrationId: string;

/** The app's clock: the system's until the test moves it past the due date. */
const clock = fixedClock();
const SUBJECT = '重复罚款（纠错测试）';
const TOLERANCE_MEASURE = '组织执法人员学习罚款录入规程，建立罚款决定复核制度';
const FINDING_MEASURE = '普通程序处罚一律由两名以上执法人员实施，法制科逐案核查';
const ONE_OFFICER = [{ id: 'O-0001', certificate: '52990000005', validUntil: '2027-06-30' }];

/** A date `n` days from `day`. */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
const today = clock.today();
const dueOn = addDays(today, 10);

/** A step through the API as a user (cookie and CSRF token from the login). */
async function apiAs(username: string) {
  const call = await apiAsUser(server, username);
  return async (method: 'GET' | 'POST', url: string, payload?: object, expected = 200) => {
    const r = await call(method, url, payload);
    expect(r.statusCode, `${method} ${url}: ${r.body}`).toBe(expected);
    return r.json();
  };
}

/** Enforcement acts of the market regulator, with the detection rules run over them. */
async function importPenalty(id: string, decided: string) {
  await importActs(
    server.database,
    {
      batches: [
        [
          {
            line: 1,
            value: actOf('penalty', {
              id,
              officers: ONE_OFFICER,
              party: { type: 'org', id: `91529900MA6D${id.slice(-4)}X` },
              dates: { decided },
            }),
          },
        ],
      ],
    },
    { detect: true, asOf: decided > today ? decided : today },
  );
}

beforeAll(async () => {
  server = await startServer({ clock });
  browser = await launchBrowser();
  const sfj = await apiAs('sfj');
  const sfjdc = await apiAs('sfjdc');
  const officer = await apiAs('officer');

  // A case taken to its findings, naming O-0001.
  const filed = await server.app.inject({
    method: 'POST',
    url: '/api/v1/public/complaints',
    payload: {
      agency: '529900-SCJ',
      subject: SUBJECT,
      narrative: '同一违法行为被两次罚款，请依法处理。',
      anonymous: true,
    },
  });
  expect(filed.statusCode, filed.body).toBe(201);
  const lead = (await sfj('GET', `/api/v1/leads?q=${encodeURIComponent(SUBJECT)}`)).items[0];
  const caseId = (await sfj('POST', `/api/v1/leads/${lead.id}/open`, { version: lead.version }, 201)).caseId;
  let version = (await sfj('GET', `/api/v1/cases/${caseId}`)).version as number;
  const caseAct = async (as: typeof sfj, action: string, body: object = {}) => {
    version = (await as('POST', `/api/v1/cases/${caseId}/actions/${action}`, { version, ...body })).version;
  };
  const users = await server.database.db.selectFrom('users').select(['id', 'username']).execute();
  const ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
  await caseAct(sfj, 'accept', { opinion: '同意立案调查。' });
  await caseAct(sfj, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
  await caseAct(sfj, 'start_investigation');
  await caseAct(sfjdc, 'record_findings', {
    facts: {
      occurredOn: addDays(today, -30),
      faults: ['penalty.04'],
      decision: 'approval',
      people: [{ id: 'O-0001', role: 'handler', agency: '529900-SCJ', conduct: ['negligent_wrong_opinion'] }],
      agencies: [{ id: '529900-SCJ', triggers: [] }],
      severity: { nature: 'ordinary', harm: 'small', impact: 'small' },
    },
    findingsText: '经查，系统重复录入致同一违法行为两次罚款。',
  });

  // The officer's application, accepted, verified and decided 免责.
  let a = await officer(
    'POST',
    '/api/v1/tolerance-applications',
    { caseId, officerId: 'O-0001', grounds: '系统重复录入致两次罚款，发现后当日撤销并退还，未造成损失。' },
    201,
  );
  applicationId = a.id;
  applicationNumber = a.number;
  const step = async (as: typeof sfj, action: string, body: object) => {
    a = await as('POST', `/api/v1/tolerance-applications/${applicationId}/actions/${action}`, {
      version: a.version,
      ...body,
    });
  };
  await step(sfj, 'accept', { opinion: '申请符合受理条件，予以受理。' });
  await step(sfjdc, 'verify', {
    facts: CLEAN_FACTS,
    evidence: Object.fromEntries(VERIFIED_ITEMS.map((i) => [i, '询问笔录及系统操作日志'])),
  });
  await step(sfj, 'decide', {
    outcome: 'exempt',
    opinion: '符合容错条件，予以免责。',
    distinctionReasons: '系统重复录入属于缺乏经验的无意过失，当事人及时纠正，并非明知故犯。',
    collective: {
      meetingOn: today,
      attendees: ['张主任', '李副主任', '王科长'],
      votesFor: 3,
      votesAgainst: 0,
      votesAbstain: 0,
      minutes: '经集体讨论，一致同意予以容错免责。',
    },
  });
  expect(a).toMatchObject({ state: 'decided', outcome: 'exempt' });

  // An act of the same agency carried out by one officer: the detection finds it.
  await importPenalty('COR-E2E-0001', addDays(today, -5));

  // A pre-registration of the agency, accepted: its page shows its history too.
  const scjfz = await apiAs('scjfz');
  const r = await scjfz(
    'POST',
    '/api/v1/pre-registrations',
    {
      title: '罚款决定双人复核试点',
      measure: '罚款决定作出前由两名法制审核人员分别复核，复核意见附卷。',
      reason: '减少重复罚款等录入差错。',
      legalGap: '现行规定未要求双人复核。',
      risks: '办案时限可能延长。',
      safeguards: '复核限一个工作日内完成。',
      plannedFrom: addDays(today, 7),
    },
    201,
  );
  preRegistrationId = r.id;
  await sfj('POST', `/api/v1/pre-registrations/${r.id}/actions/accept`, {
    version: r.version,
    opinion: '符合报备要求，予以受理。',
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Fill the measure form (the modal open) and submit it; wait for it to close. */
async function setMeasure(page: Page, measure: string) {
  const form = page.locator('.ant-modal:visible');
  await form.waitFor();
  // Nothing filled: the form says what is missing and sends nothing.
  await form.getByTestId('correction-form-submit').click();
  await form.locator('.ant-form-item-explain-error').first().waitFor();
  await form.getByTestId('correction-field-measure').fill(measure);
  await form.getByTestId('correction-field-responsible').fill('法制科科长');
  const picker = form.getByTestId('correction-field-dueOn');
  await picker.click();
  await picker.fill(dueOn);
  await picker.press('Enter');
  await form.getByTestId('correction-form-submit').click();
  await closed(form, 'the measure form');
}

async function closed(modal: Locator, what: string) {
  try {
    await modal.waitFor({ state: 'hidden' });
  } catch (e) {
    const said = await modal
      .locator('.ant-form-item-explain-error, .ant-alert-error')
      .allTextContents()
      .catch(() => []);
    throw new Error(`${what} did not close; it says ${JSON.stringify(said)}`, { cause: e });
  }
}

/** The register's row of a measure. */
const row = (page: Page, measure: string) =>
  page.getByTestId('correction-table').locator('tr', { hasText: measure });

describe('correction measures from the decided application and the finding to the re-check', () => {
  it('are set by the office, reported by the agency, re-checked when due', async () => {
    // 1. The office opens the decided application: its history, and the measure it sets.
    const sfj = await newPage(browser, server.url);
    await login(sfj, 'sfj');
    await sfj.getByTestId('home-page').waitFor();
    await sfj.goto(`/tolerance/${applicationId}`);
    await waitForOrExplain(sfj, 'tolerance-detail');
    const history = sfj.getByTestId('tolerance-history');
    await history.waitFor();
    for (const label of ['申请容错', '受理', '核实容错条件', '集体讨论决定'])
      await history.getByText(label, { exact: true }).first().waitFor();
    await sfj.getByTestId('tolerance-set-correction').click();
    await setMeasure(sfj, TOLERANCE_MEASURE);
    const listed = sfj.getByTestId('tolerance-corrections').getByTestId('tolerance-correction');
    await listed.waitFor();
    await expect(listed.getAttribute('data-state')).resolves.toBe('open');
    await expect(listed.textContent()).resolves.toContain(TOLERANCE_MEASURE);
    await shot(sfj, 'correction-application.png');

    // 2. …and a rectification on the act's finding, in the supervision drill-down.
    await sfj.goto('/supervision/acts?act=COR-E2E-0001');
    const drawer = sfj.getByTestId('act-drawer');
    await drawer.getByTestId('act-findings').waitFor();
    await drawer
      .locator('[data-testid="act-finding"][data-rule="fewer-than-two-officers"]')
      .getByTestId('act-finding-correct')
      .click();
    await setMeasure(sfj, FINDING_MEASURE);
    await drawer.getByTestId('act-correction-set').waitFor();

    // 3. The agency's legal office finds both in the register and reports the first done.
    const legal = await newPage(browser, server.url);
    await login(legal, 'scjfz');
    await legal.getByTestId('home-page').waitFor();
    await legal.goto('/tolerance');
    await waitForOrExplain(legal, 'tolerance-page');
    await legal.getByTestId('tolerance-view-corrections').click();
    await legal.getByTestId('correction-table').waitFor();
    await row(legal, FINDING_MEASURE).waitFor();
    const mine = row(legal, TOLERANCE_MEASURE);
    await expect(mine.getByTestId('correction-application-link').textContent()).resolves.toBe(
      applicationNumber,
    );
    await expect(mine.getByTestId('correction-due').textContent()).resolves.toContain(dueOn);
    await expect(mine.getByTestId('correction-due').getAttribute('data-overdue')).resolves.toBe('false');
    await mine.getByTestId('correction-link').click();
    const detail = legal.getByTestId('correction-drawer');
    await detail.getByTestId('correction-detail').waitFor();
    // The agency reports; the re-check is the office's.
    expect(await detail.getByTestId('correction-action-recheck').count()).toBe(0);
    await detail.getByTestId('correction-action-report').click();
    const report = legal.locator('.ant-modal:visible');
    await report.waitFor();
    await report.getByTestId('correction-field-note').fill('已组织全员学习录入规程，建立复核制度并执行。');
    await report.getByTestId('correction-action-submit').click();
    await closed(report, 'the report');
    await detail.locator('[data-testid="correction-detail"][data-state="reported"]').waitFor();
    await expect(detail.getByTestId('correction-report').textContent()).resolves.toContain('建立复核制度');
    await detail.getByTestId('correction-history').getByText('报告整改情况').first().waitFor();
    await shot(legal, 'correction-reported.png');
    // The agency's pre-registration shows its history: registered, then accepted.
    await legal.goto(`/pre-registrations/${preRegistrationId}`);
    const trail = legal.getByTestId('pre-registration-history');
    await trail.waitFor();
    await trail.getByText('报备', { exact: true }).waitFor();
    await trail.getByText('受理', { exact: true }).waitFor();

    // 4. The office: the re-check waits for the due date, and says so.
    await sfj.goto('/tolerance?view=corrections');
    await row(sfj, TOLERANCE_MEASURE)
      .locator('[data-testid="correction-state"][data-state="reported"]')
      .waitFor();
    await row(sfj, TOLERANCE_MEASURE).getByTestId('correction-link').click();
    const office = sfj.getByTestId('correction-drawer');
    const recheck = office.getByTestId('correction-action-recheck');
    await recheck.waitFor();
    await expect(recheck.getAttribute('data-blocked')).resolves.toBe('true');
    await expect(recheck.isDisabled()).resolves.toBe(true);
    await expect(recheck.getAttribute('aria-description')).resolves.toContain(
      `整改期限 ${dueOn} 届满后方可复查`,
    );
    await shot(sfj, 'correction-recheck-blocked.png');
    await office.locator('.ant-drawer-close').click();
    await office.waitFor({ state: 'hidden' });

    // 5. A later act repeats the finding's fault; the date passes the due date.
    await importPenalty('COR-E2E-0002', addDays(today, 3));
    clock.set(addDays(dueOn, 1));
    await sfj.reload();
    const due = row(sfj, FINDING_MEASURE).getByTestId('correction-due');
    await due.waitFor();
    await expect(due.getAttribute('data-overdue')).resolves.toBe('true');
    await expect(due.textContent()).resolves.toContain('已逾期');
    await expect(
      row(sfj, TOLERANCE_MEASURE).getByTestId('correction-due').getAttribute('data-overdue'),
    ).resolves.toBe('true');
    await shot(sfj, 'correction-overdue.png');

    // 6. 复查到期措施: the tolerated fault did not recur; the finding's did, and became a lead.
    await sfj.getByTestId('correction-recheck-due').click();
    await sfj.getByTestId('correction-recheck-due-confirm').click();
    const result = sfj.getByTestId('correction-recheck-result');
    await result.waitFor();
    await expect(result.getAttribute('data-checked')).resolves.toBe('2');
    await expect(result.getAttribute('data-recurred')).resolves.toBe('1');
    await row(sfj, TOLERANCE_MEASURE)
      .locator('[data-testid="correction-state"][data-state="cleared"]')
      .waitFor();
    const recurred = row(sfj, FINDING_MEASURE);
    await recurred.locator('[data-testid="correction-state"][data-state="recurred"]').waitFor();
    await expect(recurred.getByTestId('correction-due').getAttribute('data-overdue')).resolves.toBe('false');
    await shot(sfj, 'correction-register.png');

    // The measure shows the act that repeated the fault; its lead opens in the inbox.
    await recurred.getByTestId('correction-link').click();
    await office.getByTestId('correction-recurrences').getByText('COR-E2E-0002').waitFor();
    await office.getByTestId('correction-history').getByText('到期复查').first().waitFor();
    await shot(sfj, 'correction-recurred.png');
    await office.locator('.ant-drawer-close').click();
    await recurred.getByTestId('correction-lead').click();
    const leadDrawer = sfj.getByTestId('lead-drawer');
    await leadDrawer.waitFor();
    await leadDrawer.getByText('整改到期复查').first().waitFor();
  });
});
