// The case documents are fit to sign and send: every kind of document of every case in the demo city
// names people and agencies by name, never by code, username or placeholder. Cases are taken through
// the API (declined and referred), then each case's model is built and every kind
// rendered; the documents the workflow stored are held to the same rule.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '../../src/core/dates.js';
import type { Actor } from '../../src/core/policies/actor.js';
import { CASE_DOCUMENT_KINDS } from '../../src/core/workflow/case-documents.js';
import { demoUsers } from '../../src/demo/city.js';
import { documentText } from '../../src/documents/docx-text.testing.js';
import { DOCUMENT_KINDS } from '../../src/documents/render.js';
import { loadDocumentNames } from '../../src/server/cases/document-names.js';
import { documentModel, storeCaseDocuments } from '../../src/server/cases/documents.js';
import { loadCase } from '../../src/store/cases.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { proposeAndDecide } from '../helpers/approval.js';
import { duplicateFineFacts } from '../helpers/case-facts.js';
import { drivers } from '../helpers/db.js';

/** What a document must never print, and why. */
const CODES: [RegExp, string][] = [
  [/\b[a-z]+\.\d{2}\b/, 'a catalogue code'],
  [/\bO-\d{4}\b/, 'an officer id'],
  [/\b\d{6}-[A-Z]+\b/, 'an agency id'],
  [/（示例）/, 'a placeholder title'],
  ...demoUsers.map((u): [RegExp, string] => [
    new RegExp(`(?<![A-Za-z])${u.username}(?![A-Za-z])`),
    `the username ${u.username}`,
  ]),
];

function codesIn(text: string): string[] {
  return CODES.flatMap(([re, what]) => {
    const m = re.exec(text);
    return m ? [`${what}: “${m[0]}” in “${text.slice(Math.max(0, m.index - 20), m.index + 20)}”`] : [];
  });
}

const facts = { ...duplicateFineFacts, suspected: { discipline: true, crime: true } };

describe.each(drivers)('case documents on %s', (driver) => {
  let t: TestApp;
  let sup: Client;
  let inv: Client;
  let officer: Client;
  let ids: Record<string, string>;
  let supActor: Actor;

  beforeAll(async () => {
    t = await createTestApp(driver);
    sup = await t.login('sfj');
    inv = await t.login('sfjdc');
    officer = await t.login('officer');
    const users = await t.database.db
      .selectFrom('users')
      .select(['id', 'username', 'role', 'regionCode', 'agencyId', 'officerId'])
      .execute();
    ids = Object.fromEntries(users.map((u) => [u.username, u.id]));
    supActor = users.find((u) => u.username === 'sfj')! as Actor;
  });
  afterAll(async () => t?.close());

  async function newCase(subject: string, anonymous: boolean) {
    const contact = { name: '赵六', phone: '13700003333' };
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/public/complaints',
      payload: {
        agency: '529900-SCJ',
        subject,
        narrative: '反映执法过程中的问题，请依法处理。',
        anonymous,
        ...(anonymous ? {} : { contact }),
      },
    });
    const lead = (await sup.get(`/api/v1/leads?q=${encodeURIComponent(subject)}`)).json().items[0];
    const opened = (await sup.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version })).json();
    const id = opened.caseId as string;
    let version = (await sup.get(`/api/v1/cases/${id}`)).json().version as number;
    const act = async (c: Client, action: string, body: Record<string, unknown> = {}) => {
      const r = await c.post(`/api/v1/cases/${id}/actions/${action}`, { version, ...body });
      expect(r.statusCode, `${action}: ${r.body}`).toBe(200);
      version = r.json().version;
      return r;
    };
    return { id, act };
  }

  it('takes cases through declining and referral', async () => {
    const declined = await newCase('不属于管辖的投诉', false);
    await declined.act(sup, 'decline', { reason: '所反映事项已由上级机关处理，不予立案。' });

    const c = await newCase('同一违法行为被重复罚款', false);
    await c.act(sup, 'accept', { opinion: '经审查，属于本机关管辖，同意立案调查。' });
    await c.act(sup, 'assign_investigators', { userIds: [ids.sfj, ids.sfjdc] });
    await c.act(sup, 'start_investigation');
    await c.act(inv, 'record_findings', { facts, findingsText: '经查，同一违法行为两次罚款。' });
    await c.act(inv, 'notify_statement');
    await c.act(officer, 'record_statement', { personId: 'O-0001', text: '第二次罚款系系统重复录入所致。' });
    await c.act(inv, 'waive_statement', { personId: 'O-0002', reason: '本人书面表示放弃陈述申辩' });
    const decided = await proposeAndDecide(c.act, c.id, inv, sup, 'pursue', '事实清楚，证据确凿。');
    const organs = decided.json().referrals.map((r: { organ: string }) => r.organ);
    expect(new Set(organs)).toEqual(new Set(['discipline', 'judicial']));
    await c.act(sup, 'serve', { servedOn: todayInChina(), recipient: '戴峰', method: '直接送达' });
  });

  it('renders every kind of every case with names, never codes, usernames or placeholders', async () => {
    const db = t.database.db;
    const cases = await db.selectFrom('cases').select('id').execute();
    expect(cases.length).toBeGreaterThanOrEqual(2);
    const calendar = await t.app.calendar();
    const today = todayInChina();
    const problems: string[] = [];
    for (const { id } of cases) {
      const c = (await loadCase(db, id))!;
      const model = documentModel(c, supActor, calendar, today, await loadDocumentNames(db, c, supActor));
      for (const kind of CASE_DOCUMENT_KINDS) {
        const text = await documentText(await DOCUMENT_KINDS[kind].render(model));
        problems.push(...codesIn(text).map((p) => `${c.number} ${kind}: ${p}`));
      }
    }
    // And what the workflow stored at each step.
    const stored = await db.selectFrom('caseDocuments').select(['kind', 'content']).execute();
    expect(stored.length).toBeGreaterThan(0);
    for (const d of stored) {
      problems.push(...codesIn(await documentText(d.content)).map((p) => `stored ${d.kind}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  it('the documents carry the names the case stores as codes', async () => {
    const db = t.database.db;
    const row = await db
      .selectFrom('cases')
      .select('id')
      .where('subject', '=', '同一违法行为被重复罚款')
      .executeTakeFirstOrThrow();
    const c = (await loadCase(db, row.id))!;
    const names = await loadDocumentNames(db, c, supActor);
    const model = documentModel(c, supActor, await t.app.calendar(), todayInChina(), names);
    const officers = await db
      .selectFrom('officers')
      .select(['id', 'name'])
      .where('id', 'in', ['O-0001', 'O-0002'])
      .execute();
    const name = (id: string) => officers.find((o) => o.id === id)!.name;
    const cert = names.officers.get('O-0001')!.certificate!;
    expect(cert).toMatch(/^\d+$/);

    const referral = await documentText(await DOCUMENT_KINDS.referral_letter.render(model));
    expect(referral).toContain('A市纪委监委：');
    expect(referral).toContain('A市人民检察院：');
    expect(referral).toContain(`${name('O-0001')}（A市市场监督管理局`);
    expect(referral).toContain(`执法证号${cert}`);
    expect(referral).toContain('对当事人的同一违法行为重复罚款的');

    const report = await documentText(await DOCUMENT_KINDS.investigation_report.render(model));
    expect(report).toContain(`承办人${name('O-0001')}：`);
    expect(report).toContain('《贵州省行政执法过错责任追究办法》');

    const receipt = await documentText(await DOCUMENT_KINDS.service_receipt.render(model));
    expect(receipt).toContain('A市司法局执法监督科');

    // The check itself: without the names, the rulebook's own explanation says '承办人 O-0001：'.
    const bare = documentModel(c, supActor, await t.app.calendar(), todayInChina());
    const unnamed = await documentText(await DOCUMENT_KINDS.investigation_report.render(bare));
    expect(codesIn(unnamed).join('\n')).toContain('an officer id');
  });

  it('stores the new kinds through the case service', async () => {
    const db = t.database.db;
    const row = await db
      .selectFrom('cases')
      .select('id')
      .where('subject', '=', '不属于管辖的投诉')
      .executeTakeFirstOrThrow();
    await db
      .transaction()
      .execute((trx) =>
        storeCaseDocuments(trx, row.id, ['decline_notice', 'referral_letter'], supActor, t.app),
      );
    const docs = await db
      .selectFrom('caseDocuments')
      .select(['kind', 'filename', 'content'])
      .where('caseId', '=', row.id)
      .where('kind', 'in', ['decline_notice', 'referral_letter'])
      .execute();
    expect(docs.map((d) => d.kind)).toEqual(expect.arrayContaining(['decline_notice', 'referral_letter']));
    const notice = docs.find((d) => d.kind === 'decline_notice')!;
    expect(notice.filename).toMatch(/不予立案通知书\.docx$/);
    const text = await documentText(notice.content);
    expect(text).toContain('经审查，所反映事项已由上级机关处理，不予立案。');
    expect(text).toContain('抄送：A市市场监督管理局。');
  });
});
