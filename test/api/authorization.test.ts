// Walks EVERY registered route: no session → 401; a user of another jurisdiction → 403/404
// on objects they may not see; bad bodies → 400 naming the field. A new route without a
// case here fails the test, so coverage cannot silently rot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../src/core/detect/testing.js';
import { CLEAN_FACTS } from '../../src/core/tolerance/fixtures.js';
import { appealActionSchemas } from '../../src/server/appeals/service.js';
import { actionSchemas } from '../../src/server/cases/actions.js';
import { actionSchemas as preRegistrationActions } from '../../src/server/pre-registrations/actions.js';
import { campaignActionSchemas } from '../../src/server/review/service.js';
import { toleranceActionSchemas } from '../../src/server/tolerance/service.js';
import { importActs } from '../../src/store/acts-import.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

interface RouteCase {
  /** Params naming objects outside the county supervisor's jurisdiction (529921). */
  foreign?: Record<string, string>;
  /** A body that must be rejected with 400 and these field paths (sent by an admin). */
  badBody?: { body: unknown; params?: Record<string, string>; fields: string[] };
  /** Why the route has no bad-body case. */
  noBody?: string;
  /** A well-formed body for the jurisdiction check on mutations. */
  validBody?: unknown;
  /** Roles other than admin get 403 regardless of the object. */
  adminOnly?: boolean;
}

// Filled in beforeAll once the ids are known.
let cases: Record<string, RouteCase> = {};

const PUBLIC_ROUTES = new Set(['GET /api/health', 'POST /api/v1/auth/login']);

function fill(url: string, params: Record<string, string> = {}): string {
  // '::' is a literal colon (POST /acts:bulk), not a parameter.
  return url
    .replace(/::/g, '\ue000')
    .replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? 'x'))
    .replace(/\ue000/g, ':');
}

describe.each(drivers)('authorization over every route on %s', (driver) => {
  let t: TestApp;
  let county: Client;
  let admin: Client;
  let foreignOfficer: string;
  let ownOfficer: string;
  let foreignCert: string;
  let userId: string;
  let foreignCase: string;
  let foreignLead: string;
  let foreignReferral: string;
  let foreignRegistration: string;
  let foreignTolerance: string;
  let foreignCorrection: string;
  let foreignAppeal: string;
  let foreignPost: string;

  beforeAll(async () => {
    t = await createTestApp(driver);
    county = await t.login('jxsfj');
    admin = await t.login('admin');
    const db = t.database.db;
    const fo = await db
      .selectFrom('officers')
      .select('id')
      .where('regionCode', '=', '529922')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    foreignOfficer = fo.id;
    const oo = await db
      .selectFrom('officers')
      .select('id')
      .where('regionCode', '=', '529921')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    ownOfficer = oo.id;
    const fc = await db
      .selectFrom('certificates')
      .select('id')
      .where('officerId', '=', foreignOfficer)
      .executeTakeFirstOrThrow();
    foreignCert = String(fc.id);
    userId = (
      await db.selectFrom('users').select('id').where('username', '=', 'pingjia').executeTakeFirstOrThrow()
    ).id;
    // A lead and a case in 乙县 (529922), outside the county supervisor's 甲县.
    const city = await t.login('sfj');
    for (const subject of ['乙县投诉一', '乙县投诉二']) {
      const filed = await t.app.inject({
        method: 'POST',
        url: '/api/v1/public/complaints',
        payload: {
          agency: '529922-SCJ',
          subject,
          narrative: '执法人员未出示证件即实施检查。',
          anonymous: true,
        },
      });
      expect(filed.statusCode).toBe(201);
    }
    const leads = (await city.get('/api/v1/leads?agencyId=529922-SCJ')).json().items;
    expect(leads).toHaveLength(2);
    const opened = await city.post(`/api/v1/leads/${leads[0].id}/open`, { version: leads[0].version });
    foreignCase = opened.json().caseId;
    foreignLead = leads[1].id;
    const ref = await db
      .insertInto('referrals')
      .values({
        caseId: foreignCase,
        regionCode: '529922',
        organ: 'discipline',
        officerId: null,
        note: 'x',
        referredOn: '2026-01-05',
        outcome: null,
        outcomeOn: null,
        outcomeBy: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    foreignReferral = String(ref.id);
    // An enforcement act of 乙县 (529922).
    const foreignAct = { ...act('penalty', { agency: '529922-SCJ' }), id: 'AUTH-529922-1' };
    await importActs(t.database, { batches: [[{ line: 1, value: foreignAct }]] }, { detect: false });
    foreignRegistration = await insertForeignRegistration(t);
    foreignTolerance = await insertForeignTolerance(t, foreignCase, foreignOfficer);
    foreignCorrection = await insertForeignCorrection(t);
    foreignAppeal = await insertForeignAppeal(t, foreignCase, foreignOfficer);
    // A post of 乙县's market regulator (the demo's).
    foreignPost = (
      await db.selectFrom('posts').select('id').where('agencyId', '=', '529922-SCJ').executeTakeFirstOrThrow()
    ).id;
    const foreignReview = await insertForeignReview(t);
    const foreignEvaluation = await insertForeignEvaluation(t);
    cases = {
      'GET /api/v1/auth/me': {},
      'POST /api/v1/auth/logout': { noBody: 'no body' },
      'POST /api/v1/auth/password': {
        badBody: { body: { currentPassword: '' }, fields: ['currentPassword', 'newPassword'] },
      },
      'GET /api/v1/home': {},
      'GET /api/v1/regions': {},
      'GET /api/v1/agencies': {},
      'GET /api/v1/agencies/:id': { foreign: { id: '529922-SCJ' } },
      'GET /api/v1/agencies/:id/history': { foreign: { id: '529922-SCJ' } },
      'POST /api/v1/agencies': {
        badBody: {
          body: { id: 'bad id', regionCode: '52', name: 'x', kind: 'other' },
          fields: ['id', 'regionCode', 'name', 'shortName', 'kind'],
        },
      },
      'PATCH /api/v1/agencies/:id': {
        foreign: { id: '529922-SCJ' },
        validBody: { version: 1, principalName: '某某' },
        badBody: {
          params: { id: '529921-SCJ' },
          body: { name: 'x', kind: 'nope' },
          fields: ['version', 'name', 'kind'],
        },
      },
      'GET /api/v1/officers': {},
      'GET /api/v1/officers/export.xlsx': {},
      'GET /api/v1/officers/import-template.xlsx': {},
      'POST /api/v1/officers/import': { noBody: 'multipart upload; covered in officers.test.ts' },
      'GET /api/v1/officers/:id': { foreign: { id: foreignOfficer } },
      'GET /api/v1/officers/:id/history': { foreign: { id: foreignOfficer } },
      'POST /api/v1/officers': {
        badBody: {
          body: {
            agencyId: '529921-SCJ',
            name: '',
            staffing: 'temp',
            certificate: { number: 'abc', issuedOn: '2025-02-30' },
          },
          fields: [
            'name',
            'staffing',
            'certificate.number',
            'certificate.issuedOn',
            'certificate.validUntil',
          ],
        },
      },
      'PATCH /api/v1/officers/:id': {
        foreign: { id: foreignOfficer },
        validBody: { version: 1, post: '科员' },
        badBody: {
          params: { id: ownOfficer },
          body: { version: 0, staffing: 'x' },
          fields: ['version', 'staffing'],
        },
      },
      'POST /api/v1/officers/:id/certificates': {
        foreign: { id: foreignOfficer },
        validBody: { number: '52992299999', issuedOn: '2025-01-01', validUntil: '2029-12-31' },
        badBody: {
          params: { id: ownOfficer },
          body: { number: '12', issuedOn: '2025-05-01', validUntil: '2024-01-01' },
          fields: ['number', 'validUntil'],
        },
      },
      'PATCH /api/v1/officers/:id/certificates/:certificateId': {
        foreign: { id: foreignOfficer, certificateId: foreignCert },
        validBody: { status: 'revoked', reason: '测试' },
        badBody: {
          params: { id: ownOfficer, certificateId: '1' },
          body: { status: 'suspended' },
          fields: ['reason'],
        },
      },
      'GET /api/v1/auth/password-policy': {},
      'POST /api/v1/auth/totp/setup': { noBody: 'no body' },
      'POST /api/v1/auth/totp/confirm': { badBody: { body: { code: '12' }, fields: ['code'] } },
      'GET /api/v1/security/settings': { adminOnly: true },
      'PUT /api/v1/security/settings': {
        adminOnly: true,
        noBody: 'the security administrator’s; covered in accounts.test.ts',
      },
      'GET /api/v1/audit-log': { adminOnly: true },
      'GET /api/v1/audit-log/export': { adminOnly: true },
      'POST /api/v1/audit-log/verify': {
        adminOnly: true,
        noBody: 'no body; covered in audit-verify.test.ts',
      },
      'GET /api/v1/users': { adminOnly: true },
      'GET /api/v1/users/:id': { adminOnly: true, foreign: { id: userId } },
      'POST /api/v1/users': {
        adminOnly: true,
        validBody: {
          username: 'newbie',
          password: 'Nb#2026xyz',
          displayName: 'x',
          role: 'panel',
          regionCode: '529900',
        },
        badBody: {
          body: { username: 'A', password: 'short', displayName: '', role: 'king', regionCode: '1' },
          fields: ['username', 'password', 'displayName', 'role', 'regionCode'],
        },
      },
      'PATCH /api/v1/users/:id': {
        adminOnly: true,
        foreign: { id: userId },
        validBody: { version: 1, active: false },
        badBody: { params: { id: userId }, body: { role: 'king' }, fields: ['version', 'role'] },
      },
      ...rulebookCases(),
      ...preRegistrationCases(foreignRegistration),
      ...toleranceCases(foreignTolerance, foreignCase, foreignOfficer),
      ...appealCases(foreignAppeal, foreignCase),
      ...reviewCases(foreignReview.campaign, foreignReview.file),
      ...evaluationCases(foreignEvaluation.campaign, foreignEvaluation.answer),
      // 年度考核: the region's year (another region → 403: assessment.test.ts); a subject of 乙县 is not in 甲县's.
      'GET /api/v1/assessment/:year': {},
      'GET /api/v1/assessment/:year/report.docx': {},
      'GET /api/v1/assessment/:year/subjects/:id': { foreign: { year: '2026', id: foreignOfficer } },
      ...dutyCases(),
      ...postCases(foreignPost, foreignOfficer, foreignCase),
      'GET /api/v1/corrections': {},
      'POST /api/v1/corrections': {
        foreign: {},
        validBody: {
          source: 'finding',
          actId: 'AUTH-529922-1',
          rule: 'no-receipt',
          measure: '建立收据制度',
          responsible: '科长',
          dueOn: '2199-01-01',
        },
        badBody: {
          body: { source: 'finding', rule: 'nope' },
          fields: ['actId', 'rule', 'measure', 'responsible', 'dueOn'],
        },
      },
      'POST /api/v1/corrections/recheck-due': { noBody: 'no body; covered in corrections.test.ts' },
      'GET /api/v1/corrections/:id': { foreign: { id: foreignCorrection } },
      'GET /api/v1/corrections/:id/history': { foreign: { id: foreignCorrection } },
      'POST /api/v1/corrections/:id/actions/report': {
        foreign: { id: foreignCorrection },
        validBody: { version: 1, note: '已整改完毕' },
        badBody: { params: { id: foreignCorrection }, body: {}, fields: ['version', 'note'] },
      },
      'POST /api/v1/corrections/:id/actions/recheck': {
        foreign: { id: foreignCorrection },
        validBody: { version: 1 },
        badBody: { params: { id: foreignCorrection }, body: {}, fields: ['version'] },
      },
      'POST /api/v1/acts::bulk': {
        foreign: {},
        validBody: { acts: [{ ...foreignAct, id: 'AUTH-529922-2' }] },
        badBody: { body: { acts: 'x' }, fields: ['acts'] },
      },
      'POST /api/v1/acts::upload': { noBody: 'multipart upload; covered in supervision.test.ts' },
      'GET /api/v1/acts/template.xlsx': {},
      'GET /api/v1/acts': {},
      'GET /api/v1/acts/:id': { foreign: { id: foreignAct.id } },
      'GET /api/v1/supervision/rules': {},
      'GET /api/v1/supervision/summary': {},
      'GET /api/v1/supervision/early-warning': {},
      'GET /api/v1/supervision/export.xlsx': {},
      'GET /api/v1/supervision/runs': {},
      // 行政执法决定公示: lists filtered by the actor's jurisdiction (public-decisions.test.ts).
      'GET /api/v1/publications': {},
      'GET /api/v1/publications/by-agency': {},
      'POST /api/v1/supervision/runs': { adminOnly: true, noBody: 'no body' },
      'GET /api/v1/organs': {},
      'POST /api/v1/organs': {
        adminOnly: true,
        validBody: {
          id: '529900-JW2',
          regionCode: '529900',
          kind: 'discipline_commission',
          name: 'A市某机关',
        },
        badBody: {
          body: { id: 'jw', regionCode: '52', kind: 'court', name: '' },
          fields: ['id', 'regionCode', 'kind', 'name'],
        },
      },
      'GET /api/v1/calendar': {},
      'GET /api/v1/calendar/status': {},
      'PUT /api/v1/calendar/overrides/:day': {
        adminOnly: true,
        foreign: { day: '2027-01-01' },
        validBody: { kind: 'holiday' },
        badBody: { params: { day: '2027-01-01' }, body: { kind: 'party' }, fields: ['kind'] },
      },
      'DELETE /api/v1/calendar/overrides/:day': {
        adminOnly: true,
        foreign: { day: '2027-01-01' },
        noBody: 'no body',
      },
      'GET /api/v1/leads': {},
      'GET /api/v1/leads/:id': { foreign: { id: foreignLead } },
      'POST /api/v1/leads': {
        validBody: { source: 'media', agencyId: '529922-SCJ', subject: '媒体报道', narrative: '某报报道' },
        badBody: {
          body: { source: 'rumour', subject: '' },
          fields: ['source', 'agencyId', 'subject', 'narrative'],
        },
      },
      'POST /api/v1/leads/:id/dismiss': {
        foreign: { id: foreignLead },
        validBody: { version: 1, reason: '不属于受理范围' },
        badBody: { params: { id: foreignLead }, body: { reason: '' }, fields: ['version', 'reason'] },
      },
      'POST /api/v1/leads/:id/merge': {
        foreign: { id: foreignLead },
        validBody: { version: 1, into: foreignLead },
        badBody: { params: { id: foreignLead }, body: { into: 'x' }, fields: ['version', 'into'] },
      },
      'POST /api/v1/leads/:id/open': {
        foreign: { id: foreignLead },
        validBody: { version: 1 },
        badBody: { params: { id: foreignLead }, body: { subject: 'x' }, fields: ['version', 'subject'] },
      },
      'GET /api/v1/referrals': {},
      'POST /api/v1/referrals/:id/outcome': {
        foreign: { id: foreignReferral },
        validBody: { version: 1, outcome: '已给予警告处分' },
        badBody: { params: { id: foreignReferral }, body: { outcome: '' }, fields: ['version', 'outcome'] },
      },
      'GET /api/v1/cases': {},
      'GET /api/v1/cases/due-soon': {},
      'GET /api/v1/cases/:id': { foreign: { id: foreignCase } },
      'GET /api/v1/cases/:id/history': { foreign: { id: foreignCase } },
      'GET /api/v1/cases/:id/investigator-candidates': { foreign: { id: foreignCase } },
      'GET /api/v1/cases/:id/lead-facts': { foreign: { id: foreignCase } },
      'POST /api/v1/cases/:id/evidence': {
        foreign: { id: foreignCase },
        noBody: 'multipart upload; covered in cases.test.ts',
      },
      'GET /api/v1/cases/:id/evidence/:fileId': { foreign: { id: foreignCase, fileId: '1' } },
      'GET /api/v1/cases/:id/documents/:fileId': { foreign: { id: foreignCase, fileId: '1' } },
      'GET /api/v1/leads/:id/attachments': { foreign: { id: foreignLead } },
      'GET /api/v1/leads/:id/attachments/:attachmentId': { foreign: { id: foreignLead, attachmentId: '1' } },
      'GET /api/v1/cases/:id/attachments': { foreign: { id: foreignCase } },
      'GET /api/v1/cases/:id/attachments/:attachmentId': { foreign: { id: foreignCase, attachmentId: '1' } },
      ...Object.fromEntries(
        Object.keys(actionSchemas).map((action) => [
          `POST /api/v1/cases/:id/actions/${action}`,
          {
            foreign: { id: foreignCase },
            validBody: { version: 1, ...validActionBodies(userId)[action as keyof typeof actionSchemas] },
            badBody: { params: { id: foreignCase }, body: {}, fields: ['version'] },
          },
        ]),
      ),
    };
  });
  afterAll(async () => t?.close());

  const apiRoutes = () =>
    t.app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs'));
  const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

  it('only the intended routes are public', () => {
    const open = apiRoutes()
      .filter((r) => !r.authenticated)
      .map(key);
    for (const k of open) expect(PUBLIC_ROUTES.has(k) || k.includes('/public/'), `${k} is public`).toBe(true);
  });

  it('every authenticated route has a case in this test', () => {
    const missing = apiRoutes()
      .filter((r) => r.authenticated)
      .map(key)
      .filter((k) => !(k in cases));
    expect(missing).toEqual([]);
  });

  it('no session → 401 on every authenticated route', async () => {
    for (const r of apiRoutes().filter((x) => x.authenticated)) {
      const res = await t.app.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, key(r)).toBe(401);
      expect(res.json().error.message, key(r)).toBeTruthy();
    }
  });

  it('a forged or expired session → 401', async () => {
    const res = await t.app.inject({ url: '/api/v1/home', headers: { cookie: 'wenze_sid=forged' } });
    expect(res.statusCode).toBe(401);
  });

  it('mutations without the CSRF token → 403', async () => {
    for (const r of apiRoutes().filter((x) => x.authenticated && x.method !== 'GET')) {
      const res = await t.app.inject({
        method: r.method as 'POST',
        url: fill(r.url, cases[key(r)]?.badBody?.params),
        headers: { cookie: admin.cookie },
        payload: {},
      });
      expect(res.statusCode, key(r)).toBe(403);
    }
  });

  it('another jurisdiction → 403 or 404 on objects it may not see', async () => {
    for (const r of apiRoutes().filter((x) => x.authenticated)) {
      const c = cases[key(r)];
      if (!c?.foreign && !c?.adminOnly) continue;
      const res = await county.request({
        method: r.method as 'GET',
        url: fill(r.url, c.foreign),
        payload: r.method === 'GET' ? undefined : ((c.validBody ?? {}) as object),
      });
      expect([403, 404], `${key(r)} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
    }
  });

  it('bad bodies → 400 naming the fields', async () => {
    for (const r of apiRoutes().filter((x) => x.authenticated && x.method !== 'GET')) {
      const c = cases[key(r)];
      if (!c?.badBody) {
        expect(c?.noBody, `${key(r)} needs a badBody case`).toBeTruthy();
        continue;
      }
      const res = await admin.request({
        method: r.method as 'POST',
        url: fill(r.url, c.badBody.params),
        payload: c.badBody.body as object,
      });
      expect(res.statusCode, `${key(r)}: ${res.body}`).toBe(400);
      const body = res.json();
      expect(body.error.message).toBeTruthy();
      const paths = (body.error.fields ?? []).map((f: { path: string }) => f.path);
      for (const f of c.badBody.fields) expect(paths, key(r)).toContain(f);
      expect(res.body).not.toMatch(/at .*\.(ts|js):\d+/);
    }
  });

  it('malformed JSON → 400, oversized body → 413, never 500', async () => {
    const bad = await admin.request({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { 'content-type': 'application/json' },
      payload: '{"id": ',
    });
    expect(bad.statusCode).toBe(400);
    const big = await admin.request({
      method: 'POST',
      url: '/api/v1/agencies',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(1_100_000) }),
    });
    expect(big.statusCode).toBe(413);
  });
});

/** A well-formed body for every case action (checked against its schema below). */
function validActionBodies(userId: string): Record<keyof typeof actionSchemas, Record<string, unknown>> {
  const bodies = {
    accept: { opinion: '同意立案' },
    decline: { reason: '不属于受理范围' },
    assign_investigators: { userIds: [userId] },
    recuse: { userId, reason: '近亲属关系' },
    start_investigation: {},
    extend_investigation: { days: 5, reason: '案情复杂', approvedBy: '局长' },
    record_findings: { facts: {} },
    notify_statement: {},
    record_statement: { personId: 'O-0001', text: '陈述' },
    waive_statement: { personId: 'O-0001', reason: '放弃' },
    hold_hearing: { personId: 'O-0001', heldOn: '2026-01-05', summary: '听证笔录' },
    propose_decision: { kind: 'pursue', reasons: '事实清楚', sanctions: [] },
    decide: { opinion: '同意' },
    return_proposal: { reason: '事实不清' },
    serve: { servedOn: '2026-01-05', recipient: '某某', method: '直接送达' },
    execute: { note: '已执行' },
    close: {},
  };
  for (const [action, body] of Object.entries(bodies)) {
    actionSchemas[action as keyof typeof actionSchemas].parse({ version: 1, ...body });
  }
  return bodies;
}

/** Cases for the rulebook routes (mounted when the rulebook lands). */
function rulebookCases(): Record<string, RouteCase> {
  return {
    'GET /api/v1/rulebook/packs': {},
    'GET /api/v1/rulebook/catalog': {},
    'GET /api/v1/rulebook/articles': {},
    'GET /api/v1/rulebook/search': {},
    'GET /api/v1/rulebook/params': {},
    'GET /api/v1/rulebook/vocabulary': {},
    'POST /api/v1/determinations': {
      badBody: { body: { faults: ['penalty.99'], decision: 'approval', people: [] }, fields: ['faults[0]'] },
    },
    'POST /api/v1/tolerance/assessments': {
      badBody: { body: { appliedOn: '2026-13-01' }, fields: ['appliedOn', 'fault', 'facts'] },
    },
  };
}

/** A pre-registration of 乙县 (529922), outside the county supervisor's 甲县. */
async function insertForeignRegistration(t: TestApp): Promise<string> {
  const db = t.database.db;
  const by = await adminOf(t);
  const r = await db
    .insertInto('preRegistrations')
    .values({
      number: '乙县报备〔2026〕1号',
      regionCode: '529922',
      year: 2026,
      seq: 1,
      agencyId: '529922-SCJ',
      officerId: null,
      registeredBy: by.id,
      pack: 'guizhou-a-city',
      title: '乙县探索性措施',
      measure: '措施内容',
      reason: '报备理由',
      legalGap: '法律空白',
      risks: '可能风险',
      safeguards: '防范措施',
      plannedFrom: '2026-12-31',
      state: 'submitted',
      registeredOn: '2026-06-01',
      submittedOn: '2026-06-01',
      decision: null,
      withdrawal: null,
      updatedAt: new Date(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Cases for the pre-registration routes (事前备案). */
function preRegistrationCases(foreign: string): Record<string, RouteCase> {
  const measure = {
    title: '探索性措施',
    measure: '措施内容',
    reason: '报备理由',
    legalGap: '法律空白',
    risks: '可能风险',
    safeguards: '防范措施',
    plannedFrom: '2199-01-01',
  };
  const actions: Record<string, Record<string, unknown>> = {
    accept: { opinion: '同意受理' },
    return: { reasons: '防范措施不具体' },
    withdraw: {},
    resubmit: measure,
  };
  return {
    'GET /api/v1/pre-registrations': {},
    'POST /api/v1/pre-registrations': {
      foreign: {},
      validBody: { agencyId: '529922-SCJ', ...measure },
      badBody: {
        body: { title: '', plannedFrom: '2026-13-01' },
        fields: ['title', 'measure', 'reason', 'legalGap', 'risks', 'safeguards', 'plannedFrom'],
      },
    },
    'GET /api/v1/pre-registrations/:id': { foreign: { id: foreign } },
    'GET /api/v1/pre-registrations/:id/history': { foreign: { id: foreign } },
    'GET /api/v1/pre-registrations/:id/documents/:docId': { foreign: { id: foreign, docId: '1' } },
    ...actionCases('pre-registrations', foreign, actions, preRegistrationActions),
  };
}

/** A tolerance application in 乙县 (529922), outside the county supervisor's 甲县. */
async function insertForeignTolerance(t: TestApp, caseId: string, officerId: string): Promise<string> {
  const db = t.database.db;
  const by = await adminOf(t);
  const r = await db
    .insertInto('toleranceApplications')
    .values({
      number: '乙县容错〔2026〕1号',
      regionCode: '529922',
      caseId,
      officerId,
      applicantKind: 'agency',
      appliedBy: by.id,
      appliedOn: '2026-06-01',
      grounds: '申请容错的事实和理由',
      claimed: JSON.stringify({ preRegistered: null }),
      pack: 'guizhou-a-city',
      state: 'submitted',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function toleranceCases(foreign: string, caseId: string, officerId: string): Record<string, RouteCase> {
  const actions: Record<string, Record<string, unknown>> = {
    accept: { opinion: '同意受理' },
    decline: { reason: '超过申请期限' },
    verify: { facts: { ...CLEAN_FACTS }, evidence: {} },
    decide: {
      outcome: 'exempt',
      opinion: '予以免责',
      distinctionReasons: '属于探索性试验中的失误。',
      collective: {
        meetingOn: '2026-06-02',
        attendees: ['甲', '乙', '丙'],
        votesFor: 3,
        votesAgainst: 0,
        votesAbstain: 0,
        minutes: '一致同意',
      },
    },
    withdraw: { reason: '撤回' },
  };
  return {
    'GET /api/v1/tolerance-applications': {},
    'GET /api/v1/tolerance-applications/statistics': {},
    'POST /api/v1/tolerance-applications': {
      foreign: {},
      validBody: { caseId, officerId, grounds: '申请容错的事实和理由，请予审查。' },
      badBody: { body: { caseId: 'x', grounds: '' }, fields: ['caseId', 'officerId', 'grounds'] },
    },
    'GET /api/v1/tolerance-applications/:id': { foreign: { id: foreign } },
    'GET /api/v1/tolerance-applications/:id/document': { foreign: { id: foreign } },
    'GET /api/v1/tolerance-applications/:id/history': { foreign: { id: foreign } },
    ...actionCases('tolerance-applications', foreign, actions, toleranceActionSchemas),
  };
}

/** An appeal in 乙县 (529922), outside the county supervisor's 甲县. */
async function insertForeignAppeal(t: TestApp, caseId: string, officerId: string): Promise<string> {
  const r = await t.database.db
    .insertInto('appeals')
    .values({
      number: '乙县申诉〔2026〕1号',
      regionCode: '529922',
      caseId,
      officerId,
      filedOn: '2026-06-01',
      grounds: '申诉的事实和理由',
      state: 'filed',
      pack: 'guizhou-a-city',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

function appealCases(foreign: string, caseId: string): Record<string, RouteCase> {
  const actions: Record<string, Record<string, unknown>> = {
    accept: { opinion: '同意受理' },
    reject: { reason: '超过申诉期限' },
    draw: { seed: 'auth-seed' },
    declare_conflict: { reason: '近亲属关系' },
    schedule_hearing: { on: '2026-07-01', place: '会议室', evidence: true },
    record_session: { sessionId: 's1', attendees: [], appellantHeard: true, note: '记录' },
    open_vote: {},
    vote: { outcome: 'upheld', reasons: '维持原决定' },
    extend: { reason: '案情复杂' },
    withdraw: { reason: '撤回' },
    decide_review: { outcome: 'upheld', reasons: '维持原决定' },
  };
  return {
    'GET /api/v1/appeals': {},
    'GET /api/v1/appeals/statistics': {},
    'GET /api/v1/relief-members': {},
    'POST /api/v1/appeals': {
      foreign: {},
      validBody: { caseId, grounds: '不服处理决定，请求撤销原决定。' },
      badBody: { body: { caseId: 'x', grounds: '' }, fields: ['caseId', 'grounds'] },
    },
    'GET /api/v1/appeals/:id': { foreign: { id: foreign } },
    'GET /api/v1/appeals/:id/history': { foreign: { id: foreign } },
    'GET /api/v1/appeals/:id/documents/:docId': { foreign: { id: foreign, docId: '1' } },
    ...actionCases('appeals', foreign, actions, appealActionSchemas),
  };
}

/** A correction measure in 乙县 (529922). */
async function insertForeignCorrection(t: TestApp): Promise<string> {
  const db = t.database.db;
  const by = await adminOf(t);
  const r = await db
    .insertInto('corrections')
    .values({
      regionCode: '529922',
      agencyId: '529922-SCJ',
      officerId: null,
      source: 'finding',
      applicationId: null,
      actId: 'AUTH-529922-1',
      rules: JSON.stringify(['no-receipt']),
      faults: JSON.stringify([]),
      since: '2026-01-01',
      measure: '建立收据制度',
      responsible: '科长',
      dueOn: '2026-02-01',
      state: 'open',
      createdBy: by.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The demo administrator's account, who the inserted objects name as their author. */
function adminOf(t: TestApp) {
  return t.database.db
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'admin')
    .executeTakeFirstOrThrow();
}

/**
 * Each action of a procedure as a route: the valid body passes its schema (checked here, so a
 * changed schema fails this file), an empty body is 400 naming `version`.
 */
function actionCases(
  base: string,
  foreign: string,
  actions: Record<string, Record<string, unknown>>,
  schemas: Record<string, { parse(value: unknown): unknown }>,
): Record<string, RouteCase> {
  return Object.fromEntries(
    Object.entries(actions).map(([action, body]) => {
      schemas[action]!.parse({ version: 1, ...body });
      return [
        `POST /api/v1/${base}/:id/actions/${action}`,
        {
          foreign: { id: foreign },
          validBody: { version: 1, ...body },
          badBody: { params: { id: foreign }, body: {}, fields: ['version'] },
        },
      ];
    }),
  );
}

/** 权责清单 (issue 13): jurisdiction over an agency's list is checked in duties.test.ts (by query). */
function dutyCases(): Record<string, RouteCase> {
  return {
    'GET /api/v1/duty-lists': {},
    'GET /api/v1/duty-lists/versions': {},
    'GET /api/v1/duty-lists/diff': {},
    'GET /api/v1/duty-lists/report': {},
    'GET /api/v1/duty-lists/template': {},
    'POST /api/v1/duty-lists/imports': { noBody: 'multipart upload; covered in duties.test.ts' },
    // 职责边界清单: an overlap of 乙县 is outside the county supervisor's 甲县 (duty-boundaries.test.ts).
    'POST /api/v1/duty-lists/overlaps/:region/:code/resolve': {
      foreign: { region: '529922', code: 'CF-0014' },
      validBody: { lead: '529922-ZHJ', ground: '依据' },
      badBody: {
        params: { region: '529900', code: 'CF-0014' },
        body: { lead: '', ground: '' },
        fields: ['lead', 'ground'],
      },
    },
    'POST /api/v1/duty-lists/overlaps/:region/:code/refer': {
      foreign: { region: '529922', code: 'CF-0014' },
      validBody: { number: '移交函', referredOn: '2026-01-05' },
      badBody: {
        params: { region: '529900', code: 'CF-0014' },
        body: { number: '', referredOn: 'x' },
        fields: ['number', 'referredOn'],
      },
    },
    'GET /api/v1/duty-lists/boundaries': {},
    'GET /api/v1/duty-lists/boundaries/export.csv': {},
  };
}

/** 岗位 (issue 13): jurisdiction over an agency's posts by query is checked in posts.test.ts. */
function postCases(post: string, officerId: string, caseId: string): Record<string, RouteCase> {
  return {
    'GET /api/v1/posts': {},
    'POST /api/v1/posts': {
      foreign: {},
      validBody: { agencyId: '529922-SCJ', name: '乙县岗位', stages: ['review'] },
      badBody: { body: { agencyId: '', name: '', stages: [] }, fields: ['agencyId', 'name', 'stages'] },
    },
    'PATCH /api/v1/posts/:id': {
      foreign: { id: post },
      validBody: { version: 1, name: '乙县岗位' },
      badBody: { params: { id: post }, body: { name: '' }, fields: ['version', 'name'] },
    },
    'POST /api/v1/posts/:id/holders': {
      foreign: { id: post },
      validBody: { officerId, from: '2026-01-01' },
      badBody: { params: { id: post }, body: { from: '2026-13-01' }, fields: ['officerId', 'from'] },
    },
    'PATCH /api/v1/posts/:id/holders/:holderId': {
      foreign: { id: post, holderId: '1' },
      validBody: { to: '2026-01-01' },
      badBody: { params: { id: post, holderId: '1' }, body: { to: 'x' }, fields: ['to'] },
    },
    'GET /api/v1/officers/:id/duties': { foreign: { id: officerId } },
    'GET /api/v1/cases/:id/attribution': { foreign: { id: caseId } },
  };
}

/** A review campaign of 乙县 (529922) with one spot-check file of its act. */
async function insertForeignReview(t: TestApp): Promise<{ campaign: string; file: string }> {
  const db = t.database.db;
  const by = await adminOf(t);
  const c = await db
    .insertInto('reviewCampaigns')
    .values({
      regionCode: '529922',
      name: '乙县案卷评查',
      kind: 'routine',
      agencyIds: JSON.stringify([]),
      kinds: JSON.stringify(['penalty']),
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      seed: '1',
      size: 1,
      pack: 'guizhou-a-city',
      packOn: '2026-06-01',
      state: 'spot_check',
      createdBy: by.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const f = await db
    .insertInto('reviewFiles')
    .values({
      campaignId: c.id,
      regionCode: '529922',
      actId: 'AUTH-529922-1',
      agencyId: '529922-SCJ',
      kind: 'penalty',
      stage: 'spot',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { campaign: c.id, file: f.id };
}

/** Cases for the case-file review routes (案卷评查). */
function reviewCases(foreign: string, file: string): Record<string, RouteCase> {
  const steps = { draw: {}, start_self_check: {}, start_spot_check: {}, close: {} };
  return {
    'GET /api/v1/review-campaigns': {},
    'POST /api/v1/review-campaigns': {
      foreign: {},
      validBody: {
        name: '乙县评查',
        kind: 'routine',
        regionCode: '529922',
        from: '2026-01-01',
        to: '2026-06-30',
        size: 5,
      },
      badBody: {
        body: { name: '', kind: 'audit', size: 0 },
        fields: ['name', 'kind', 'from', 'to', 'size'],
      },
    },
    'GET /api/v1/review-campaigns/:id': { foreign: { id: foreign } },
    'GET /api/v1/review-campaigns/:id/history': { foreign: { id: foreign } },
    'GET /api/v1/review-campaigns/:id/reviewers': { foreign: { id: foreign } },
    'PUT /api/v1/review-campaigns/:id/reviewers': {
      foreign: { id: foreign },
      validBody: { version: 1, reviewers: [] },
      badBody: {
        params: { id: foreign },
        body: { reviewers: [{ userId: 'x' }] },
        fields: ['version', 'reviewers[0].userId', 'reviewers[0].group'],
      },
    },
    'GET /api/v1/review-campaigns/:id/reviewer-candidates': { foreign: { id: foreign } },
    'POST /api/v1/review-campaigns/:id/assign': {
      foreign: { id: foreign },
      validBody: { version: 1 },
      badBody: { params: { id: foreign }, body: {}, fields: ['version'] },
    },
    'GET /api/v1/review-campaigns/:id/files': { foreign: { id: foreign } },
    'GET /api/v1/review-campaigns/:id/results': { foreign: { id: foreign } },
    'GET /api/v1/review-campaigns/:id/report.docx': { foreign: { id: foreign } },
    'GET /api/v1/review-files/:id': { foreign: { id: file } },
    'PUT /api/v1/review-files/:id/marks': {
      foreign: { id: file },
      validBody: { version: 1, vetoes: [], deductions: [] },
      badBody: {
        params: { id: file },
        body: { vetoes: [{ item: '' }] },
        fields: ['version', 'vetoes[0].item', 'vetoes[0].note'],
      },
    },
    'POST /api/v1/review-files/:id/reconcile': {
      foreign: { id: file },
      validBody: { version: 1, vetoes: [], deductions: [], note: '合议意见' },
      badBody: { params: { id: file }, body: { note: '' }, fields: ['version', 'note'] },
    },
    'PUT /api/v1/review-files/:id/reviewers': {
      foreign: { id: file },
      validBody: { version: 1, reviewerIds: [] },
      badBody: { params: { id: file }, body: { reviewerIds: ['x'] }, fields: ['version', 'reviewerIds[0]'] },
    },
    ...actionCases('review-campaigns', foreign, steps, campaignActionSchemas),
  };
}

/** An evaluation campaign of 乙县 (529922) with one answer awaiting moderation. */
async function insertForeignEvaluation(t: TestApp): Promise<{ campaign: string; answer: string }> {
  const db = t.database.db;
  const by = await adminOf(t);
  const { A_CITY_EVALUATION } = await import('../../src/core/rulebook/packs/a-city-evaluation.js');
  const c = await db
    .insertInto('evaluationCampaigns')
    .values({
      regionCode: '529922',
      name: '乙县外部评议',
      agencyIds: JSON.stringify(['529922-SCJ']),
      periodFrom: '2026-01-01',
      periodTo: '2026-12-31',
      audiences: JSON.stringify(['public', 'expert']),
      form: JSON.stringify(A_CITY_EVALUATION),
      pack: 'guizhou-a-city',
      packOn: '2026-06-01',
      createdBy: by.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const a = await db
    .insertInto('evaluationAnswers')
    .values({
      campaignId: c.id,
      regionCode: '529922',
      agencyId: '529922-SCJ',
      audience: 'expert',
      invitationId: null,
      userId: by.id,
      scores: JSON.stringify({ lawful: 3 }),
      mean: 3,
      comment: '待审核的意见',
      moderation: 'pending',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { campaign: c.id, answer: a.id };
}

/** Cases for the external evaluation routes (外部评议) and the media lead. */
function evaluationCases(foreign: string, answer: string): Record<string, RouteCase> {
  return {
    'GET /api/v1/evaluation-campaigns': {},
    'POST /api/v1/evaluation-campaigns': {
      foreign: {},
      validBody: {
        name: '乙县评议',
        regionCode: '529922',
        agencyIds: ['529922-SCJ'],
        from: '2026-01-01',
        to: '2026-06-30',
        audiences: ['public'],
      },
      badBody: {
        body: { name: '', agencyIds: [], audiences: ['king'] },
        fields: ['name', 'agencyIds', 'from', 'to', 'audiences[0]'],
      },
    },
    'GET /api/v1/evaluation-campaigns/:id': { foreign: { id: foreign } },
    'GET /api/v1/evaluation-campaigns/:id/history': { foreign: { id: foreign } },
    'POST /api/v1/evaluation-campaigns/:id/close': {
      foreign: { id: foreign },
      validBody: { version: 1 },
      badBody: { params: { id: foreign }, body: {}, fields: ['version'] },
    },
    'POST /api/v1/evaluation-campaigns/:id/invitations': {
      foreign: { id: foreign },
      validBody: { agencyId: '529922-SCJ', audience: 'public', count: 1 },
      badBody: {
        params: { id: foreign },
        body: { audience: 'king', count: 0 },
        fields: ['agencyId', 'audience', 'count'],
      },
    },
    'GET /api/v1/evaluation-campaigns/:id/answers': { foreign: { id: foreign } },
    'POST /api/v1/evaluation-campaigns/:id/answers': {
      foreign: { id: foreign },
      validBody: { agencyId: '529922-SCJ', audience: 'expert', scores: { lawful: 5 } },
      badBody: {
        params: { id: foreign },
        body: { audience: 'public', scores: 1 },
        fields: ['agencyId', 'audience', 'scores'],
      },
    },
    'GET /api/v1/evaluation-campaigns/:id/results': { foreign: { id: foreign } },
    'POST /api/v1/evaluation-answers/:id/moderate': {
      foreign: { id: answer },
      validBody: { version: 1, decision: 'approve' },
      badBody: {
        params: { id: answer },
        body: { version: 1, decision: 'reject' },
        fields: ['reason'],
      },
    },
    'POST /api/v1/leads/media': {
      foreign: {},
      validBody: {
        agencyId: '529922-SCJ',
        outlet: '某某日报',
        publishedOn: '2026-05-01',
        title: '执法人员态度粗暴',
        summary: '报道称某执法人员在检查中态度粗暴、未出示证件。',
      },
      badBody: {
        body: { outlet: '', publishedOn: '2026-13-01', url: 'ftp://x', summary: '短' },
        fields: ['agencyId', 'outlet', 'publishedOn', 'title', 'url', 'summary'],
      },
    },
  };
}
