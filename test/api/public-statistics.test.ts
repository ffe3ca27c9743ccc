// 公开的问责统计 and 行政执法年度报告 over the API (issue 15): the figures are precomputed (refreshed after
// an import and after a write on a lead or a case) and served without login; the annual report
// counts each penalty once under the heaviest category core's mapping gives (the SQL and core agree
// on the same acts), fines in 万元, licensing by stage; before 31 January the year's report is 404
// with the day it comes out; the .docx gives the same bytes twice; the statistics and their CSV carry
// counts only, never an officer's name. On PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgCode } from '../../src/core/acts/generate-parts.js';
import {
  fen,
  PENALTY_REPORT_ORDER,
  type PenaltyCategory,
  penaltyReportCategory,
  wanYuan,
} from '../../src/core/disclosure/report.js';
import { MANUAL_LEAD_SOURCES } from '../../src/core/workflow/lead.js';
import { readZip } from '../../src/documents/chart.js';
import { figuresSettled } from '../../src/server/supervision/public-figures.js';
import { PUBLIC_TOTAL_CAP } from '../../src/store/publications.repository.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const TODAY = '2026-02-10';
const officers = [
  { id: 'O-0001', certificate: '52990000001', validUntil: '2030-12-31' },
  { id: 'O-0002', certificate: '52990000002', validUntil: '2030-12-31' },
];
const ORG = orgCode('529900', 21);

/** Penalties decided in 2025 naming categories alone and combined, by category text, result or fine. */
const PENALTIES: { category?: string; result?: string; fine?: number }[] = [
  { category: '警告' },
  { category: '通报批评' },
  { category: '罚款', fine: 2000 },
  { fine: 1234.5 },
  { category: '警告、罚款', fine: 300 },
  { result: '没收违法所得5000元，并处罚款10000元', fine: 10_000 },
  { category: '暂扣许可证件' },
  { category: '罚款、吊销许可证件', fine: 50_000 },
  { result: '限制开展生产经营活动三个月' },
  { result: '责令停产停业，罚款100000元', fine: 100_000 },
  { category: '行政拘留', result: '拘留五日，罚款500元', fine: 500 },
  { category: '其他' },
];

function acts() {
  const penalties = PENALTIES.map((p, i) => ({
    id: `ST-P-${i}`,
    agency: i % 2 === 0 ? '529900-SCJ' : '529900-ZHJ',
    kind: 'penalty',
    matter: '无照经营查处',
    procedure: 'ordinary',
    officers,
    violation: 'UNLIC-01',
    incidentDate: '2025-03-01',
    dates: { filed: '2025-03-05', notified: '2025-03-20', decided: '2025-04-01', served: '2025-04-02' },
    party: { type: 'org', id: ORG, name: `A市某某商贸有限公司${i}`, creditCode: ORG },
    documentNo: `A市罚〔2025〕${i + 1}号`,
    ...(p.fine !== undefined ? { fine: p.fine } : {}),
    ...(p.category !== undefined ? { category: p.category } : {}),
    ...(p.result !== undefined ? { result: p.result } : {}),
  }));
  const licensing = (id: string, over: Record<string, unknown>) => ({
    id,
    agency: '529900-SCJ',
    kind: 'licensing',
    matter: '食品经营许可',
    officers,
    party: { type: 'org', id: ORG, name: 'A市某某餐饮有限公司', creditCode: ORG },
    dates: { applied: '2025-06-02', accepted: '2025-06-03', decided: '2025-06-20' },
    ...over,
  });
  return [
    ...penalties,
    licensing('ST-L-1', { decision: 'granted' }),
    licensing('ST-L-2', { decision: 'refused', reason: '申请人不符合法定条件' }),
    licensing('ST-L-3', { decision: 'granted', review: 'revoked' }),
    // Applied in 2025, decided in 2026: counted as applied and accepted in 2025 only.
    licensing('ST-L-4', { dates: { applied: '2025-12-29', accepted: '2025-12-30', decided: '2026-01-20' } }),
  ];
}

describe.each(drivers)('public statistics and the annual report, on %s', (driver) => {
  let t: TestApp;
  let city: Client;

  beforeAll(async () => {
    t = await createTestApp(driver, { clock: fixedClock(TODAY) });
    city = await t.login('sfj');
    const imported = await city.post('/api/v1/acts:bulk', { acts: acts() });
    expect(imported.statusCode, imported.body).toBe(200);
    await figuresSettled(t.app);
  });
  afterAll(async () => t?.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });

  it('counts each penalty once, under the heaviest category core gives it, with the fines in 万元', async () => {
    const res = await get('/public/annual-report/2025');
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    const expected = new Map<PenaltyCategory, { n: number; fen: number }>();
    for (const p of PENALTIES) {
      const c = penaltyReportCategory(p);
      const e = expected.get(c) ?? { n: 0, fen: 0 };
      expected.set(c, { n: e.n + 1, fen: e.fen + fen(p.fine) });
    }
    expect(r.penalties.byCategory.map((c: { key: string }) => c.key)).toEqual(PENALTY_REPORT_ORDER);
    for (const c of r.penalties.byCategory) {
      const e = expected.get(c.key) ?? { n: 0, fen: 0 };
      expect({ key: c.key, n: c.n, amountWan: c.amountWan }).toEqual({
        key: c.key,
        n: e.n,
        amountWan: wanYuan(e.fen),
      });
    }
    // 2000 + 1234.5 + 300 + 10000 + 50000 + 100000 + 500 元 = 16.40345 万元.
    expect(r.penalties.total).toEqual({ n: PENALTIES.length, amountWan: '16.40' });
    expect(r.penalties.byCategory.find((c: { key: string }) => c.key === 'detention')).toMatchObject({
      label: '行政拘留',
      n: 1,
    });
    expect(r.penalties.byAgency.map((g: { agencyName: string }) => g.agencyName).sort()).toEqual(
      ['A市市场监督管理局', 'A市综合行政执法局'].sort(),
    );
    expect(r.regionName).toBe('A市');
    expect(r.publishedOn).toBe('2026-01-31');
  });

  it('counts licensing by stage in the year each stage happened', async () => {
    const r = (await get('/public/annual-report/2025')).json();
    const stage = Object.fromEntries(
      r.licensing.byStage.map((s: { key: string; n: number }) => [s.key, s.n]),
    );
    expect(stage).toEqual({ applied: 4, accepted: 4, granted: 2, refused: 1, revoked: 1 });
    expect(r.licensing.byStage.map((s: { label: string }) => s.label)).toEqual([
      '申请',
      '受理',
      '许可',
      '不予许可',
      '撤销',
    ]);
  });

  it('answers 404 with the day before 31 January of the year after, and 400 naming a bad year', async () => {
    const early = await get('/public/annual-report/2026');
    expect(early.statusCode).toBe(404);
    expect(early.json().error.message).toContain('2027年1月31日');
    expect((await get('/public/annual-report/2026.docx')).statusCode).toBe(404);
    const bad = await get('/public/annual-report/20x5');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('year');
  });

  it('gives the report as .docx, the same bytes twice, with its title and tables', async () => {
    const a = await get('/public/annual-report/2025.docx');
    expect(a.statusCode, a.body.slice(0, 200)).toBe(200);
    expect(a.headers['content-type']).toContain('wordprocessingml');
    expect(a.headers['content-disposition']).toContain('attachment');
    const b = await get('/public/annual-report/2025.docx');
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
    const xml = readZip(a.rawPayload)
      .find((e) => e.name === 'word/document.xml')!
      .data.toString('utf8');
    expect(xml).toContain('A市2025年度行政执法工作报告');
    expect(xml).toContain('责令停产停业、责令关闭、限制从业');
    expect(readZip(a.rawPayload).some((e) => e.name.startsWith('word/charts/'))).toBe(true);
  });

  it('serves the accountability statistics without login, refreshed after a write, with no name', async () => {
    const before = (await get('/public/statistics?year=2026')).json();
    const lead = await city.post('/api/v1/leads', {
      source: MANUAL_LEAD_SOURCES[0],
      agencyId: '529900-SCJ',
      officerId: 'O-0001',
      subject: '统计测试线索',
      narrative: '执法人员未出示证件',
      occurredOn: '2026-02-01',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    await figuresSettled(t.app);
    const res = await get('/public/statistics?year=2026');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.totals.found).toBe(before.totals.found + 1);
    expect(s.years).toContain(2026);
    expect(s.outcomes.map((o: { label: string }) => o.label)).toContain('追究责任');
    expect(s.sanctions.map((o: { label: string }) => o.label)).toContain('通报批评');
    expect(s.byAgency.find((g: { agencyId: string }) => g.agencyId === '529900-SCJ')?.found).toBeGreaterThan(
      0,
    );
    const officers = await t.database.db.selectFrom('officers').select('name').execute();
    for (const o of officers) expect(res.body).not.toContain(o.name);
  });

  it('counts decided cases by outcome and persons by sanction form (after a change on appeal)', async () => {
    const db = t.database.db;
    const insertCase = async (n: number, kind: string, sanctions: { personId: string; form: string }[]) => {
      const c = await db
        .insertInto('cases')
        .values({
          number: `A市问责〔2025〕ST${n}号`,
          regionCode: '529900',
          source: 'complaint',
          state: 'closed',
          agencyId: '529900-ZHJ',
          subject: '统计测试',
          pack: 'guizhou-a-city',
          registeredOn: '2025-03-01',
          decisionKind: kind,
          decisionOn: '2025-05-01',
          proposal: JSON.stringify({ kind, sanctions }),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return c.id;
    };
    const base = (await get('/public/statistics?year=2025')).json();
    const count = (s: typeof base, list: 'outcomes' | 'sanctions', key: string) =>
      s[list].find((o: { key: string }) => o.key === key).n as number;
    const pursued = await insertCase(1, 'pursue', [
      { personId: 'O-0001', form: 'circulated_criticism' },
      { personId: 'O-0002', form: 'off_post_training' },
    ]);
    await insertCase(2, 'not_pursue', []);
    await db
      .insertInto('casePersons')
      .values([
        { caseId: pursued, officerId: 'O-0001', regionCode: '529900' },
        {
          caseId: pursued,
          officerId: 'O-0002',
          regionCode: '529900',
          // Changed on appeal to a lighter form: counted under the changed form.
          relief: JSON.stringify({ outcome: 'changed', form: 'written_self_criticism', on: '2025-06-01' }),
        },
      ])
      .execute();
    // A write through the API refreshes the figures.
    const lead = await city.post('/api/v1/leads', {
      source: MANUAL_LEAD_SOURCES[0],
      agencyId: '529900-ZHJ',
      subject: '统计测试线索二',
      narrative: '执法程序不当',
    });
    expect(lead.statusCode, lead.body).toBe(201);
    await figuresSettled(t.app);
    const s = (await get('/public/statistics?year=2025')).json();
    expect(count(s, 'outcomes', 'pursue')).toBe(count(base, 'outcomes', 'pursue') + 1);
    expect(count(s, 'outcomes', 'not_pursue')).toBe(count(base, 'outcomes', 'not_pursue') + 1);
    expect(count(s, 'sanctions', 'circulated_criticism')).toBe(
      count(base, 'sanctions', 'circulated_criticism') + 1,
    );
    expect(count(s, 'sanctions', 'written_self_criticism')).toBe(
      count(base, 'sanctions', 'written_self_criticism') + 1,
    );
    expect(count(s, 'sanctions', 'off_post_training')).toBe(count(base, 'sanctions', 'off_post_training'));
    expect(s.totals.pursued).toBe(base.totals.pursued + 1);
  });

  it('gives the statistics as CSV with an ETag (304 when unchanged)', async () => {
    const res = await get('/public/open-data/statistics.csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body.split('\r\n')[0]).toBe('\ufeff年度,执法部门,指标,分类,数量');
    expect(res.body).toContain('发现问题线索');
    const again = await get('/public/open-data/statistics.csv', {
      'if-none-match': String(res.headers.etag),
    });
    expect(again.statusCode).toBe(304);
  });

  it('pages the open data by cursor as by page number, and caps the count of a long list', async () => {
    const byNumber: string[] = [];
    for (let page = 1; ; page++) {
      const p = (await get(`/public/open-data/decisions.json?pageSize=4&page=${page}`)).json();
      byNumber.push(...p.items.map((i: { id: string }) => i.id));
      if (p.items.length < 4) break;
    }
    const byCursor: string[] = [];
    let after: string | null = null;
    for (;;) {
      const res = await get(
        `/public/open-data/decisions.json?pageSize=4${after ? `&after=${encodeURIComponent(after)}` : ''}`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const p = res.json();
      expect(p.totalCapped).toBe(false);
      byCursor.push(...p.items.map((i: { id: string }) => i.id));
      after = p.next;
      if (!after) break;
    }
    expect(byCursor).toEqual(byNumber);
    expect(byNumber.length).toBeGreaterThan(10);
    const bad = await get('/public/open-data/decisions.json?after=x');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('after');

    // More published decisions than the count goes to: the total stops at the cap, and says so.
    const FIELDS = JSON.stringify({
      documentNo: null,
      itemName: '测试',
      category: null,
      content: null,
      reason: null,
      basis: null,
      result: null,
      party: null,
    });
    await sql`
      insert into publications (region_code, agency_id, source_kind, source_id, category, fields, decided_on,
        published_on, due_on, state)
      select '529900', '529900-SCJ', 'act', 'CAP-' || g, 'penalty', ${FIELDS}::jsonb, date '2024-01-01',
        date '2024-01-02', date '2024-01-10', 'published'
      from generate_series(1, ${PUBLIC_TOTAL_CAP + 5}) g`.execute(t.database.db);
    const capped = (await get('/public/decisions')).json();
    expect(capped).toMatchObject({ total: PUBLIC_TOTAL_CAP, totalCapped: true });
    expect(capped.items).toHaveLength(20);
    const csv = await get('/public/open-data/decisions.csv?pageSize=10');
    expect(csv.headers['x-total-capped']).toBe('true');
    expect(csv.headers['x-next-cursor']).toMatch(/^\d{4}-\d{2}-\d{2}_/);
  });
});
