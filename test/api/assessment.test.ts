// 年度考核 over the API, on the demo city's 甲县 (529921) with acts, findings, cases and a review file
// made here: the pursued rate with the exemptions apart (agency and officer), the weights and the
// grade bands, the drill-down refs, the officer 不合格 two years running, who reads what, the report
// (.docx with charts, the same bytes twice) and the peer comparison beside early warning; and the
// review campaign's report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { act } from '../../src/core/detect/testing.js';
import { A_CITY_ASSESSMENT } from '../../src/core/rulebook/packs/a-city-assessment.js';
import { documentText, docxPart, openDocx } from '../../src/documents/docx-text.testing.js';
import { importActs } from '../../src/store/acts-import.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { fixedClock } from '../helpers/clock.js';
import { drivers } from '../helpers/db.js';

const AGENCY = '529921-ZHJ';
const REGION = '529921';

interface Point {
  indicator: string;
  applicable: boolean;
  value: number | null;
  max: number;
  points: number;
  explanation: string;
  refs: { acts?: string[]; cases?: string[]; files?: string[] };
  links: { acts: { id: string; href: string }[]; cases: { id: string; href: string }[] };
}

describe.each(drivers)('annual assessment on %s', (driver) => {
  let t: TestApp;
  let county: Client;
  let legal: Client;
  let officers: string[];
  const caseIds: Record<string, string> = {};
  let reviewCampaign: string;

  /** `n` penalty acts of the officer decided on `day` (…, numbered from `from`). */
  const actsOf = (officer: string, year: number, n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({
      ...act('penalty', {
        agency: AGENCY,
        chain: { handler: officer, reviewer: null, approver: null },
        dates: { decided: `${year}-0${3 + (i % 6)}-${String(10 + (i % 15)).padStart(2, '0')}` },
      }),
      id: `AS-${tag}-${year}-${String(i + 1).padStart(3, '0')}`,
    }));

  beforeAll(async () => {
    t = await createTestApp(driver, { clock: fixedClock('2026-11-25') });
    county = await t.login('jxsfj');
    legal = await t.login('jxzhfz');
    const db = t.database.db;
    officers = (
      await db
        .selectFrom('officers')
        .select('id')
        .where('agencyId', '=', AGENCY)
        .orderBy('id')
        .limit(5)
        .execute()
    ).map((o) => o.id);
    expect(officers).toHaveLength(5);
    const [o1, o2, o3, o4, o5] = officers as [string, string, string, string, string];
    const acts = [
      ...actsOf(o1, 2026, 40, 'O1'),
      ...actsOf(o2, 2026, 20, 'O2'),
      ...actsOf(o3, 2026, 20, 'O3'),
      ...actsOf(o4, 2026, 20, 'O4'),
      ...actsOf(o5, 2026, 20, 'O5'),
      ...actsOf(o3, 2025, 30, 'O3'),
    ];
    await importActs(
      t.database,
      { batches: [acts.map((value, i) => ({ line: i + 1, value }))] },
      { detect: false },
    );

    const finding = (actId: string, officerId: string, occurredOn: string) => ({
      actId,
      rule: 'no-receipt',
      regionCode: REGION,
      agencyId: AGENCY,
      officerId,
      kind: 'penalty',
      occurredOn,
      fault: null,
      basis: '测试依据',
      detail: '测试发现',
    });
    const dayOf = (id: string) => acts.find((a) => a.id === id)!.dates.decided!;
    const found = [
      ...['AS-O1-2026-001', 'AS-O1-2026-002', 'AS-O1-2026-003', 'AS-O1-2026-004'].map((id) =>
        finding(id, o1, dayOf(id)),
      ),
      finding('AS-O2-2026-001', o2, dayOf('AS-O2-2026-001')),
      ...Array.from({ length: 10 }, (_, i) => `AS-O3-2026-${String(i + 1).padStart(3, '0')}`).map((id) =>
        finding(id, o3, dayOf(id)),
      ),
      ...Array.from({ length: 10 }, (_, i) => `AS-O3-2025-${String(i + 1).padStart(3, '0')}`).map((id) =>
        finding(id, o3, dayOf(id)),
      ),
    ];
    await db.insertInto('findings').values(found).execute();

    const admin = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'admin')
      .executeTakeFirstOrThrow();
    const makeCase = async (
      key: string,
      o: {
        source: 'detection' | 'complaint';
        actId?: string;
        decision: 'pursue' | 'not_pursue' | 'exempt';
        registeredOn: string;
        acceptedOn: string;
        persons: { officerId: string; liable: boolean; tolerance?: boolean }[];
      },
    ) => {
      const c = await db
        .insertInto('cases')
        .values({
          number: `甲县问责〔2026〕${Object.keys(caseIds).length + 1}号`,
          regionCode: REGION,
          source: o.source,
          state: 'closed',
          agencyId: AGENCY,
          subject: `测试案件 ${key}`,
          pack: 'guizhou-a-city',
          registeredOn: o.registeredOn,
          acceptedOn: o.acceptedOn,
          investigationStartedOn: o.acceptedOn,
          findingsOn: '2026-05-06',
          decisionKind: o.decision,
          decisionOn: '2026-06-01',
          closedOn: '2026-07-01',
          createdBy: admin.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      caseIds[key] = c.id;
      await db
        .insertInto('casePersons')
        .values(
          o.persons.map((p) => ({
            caseId: c.id,
            officerId: p.officerId,
            regionCode: REGION,
            liable: p.liable,
            tolerance: p.tolerance ? JSON.stringify({ outcome: 'exempt', on: '2026-05-20' }) : null,
          })),
        )
        .execute();
      await db
        .insertInto('leads')
        .values({
          regionCode: REGION,
          source: o.source,
          status: 'opened',
          agencyId: AGENCY,
          subject: `线索 ${key}`,
          actId: o.actId ?? null,
          rule: o.actId ? 'no-receipt' : null,
          findingKey: o.actId ? `${o.actId}|no-receipt` : null,
          caseId: c.id,
        })
        .execute();
    };
    const onTime = { registeredOn: '2026-04-01', acceptedOn: '2026-04-02' };
    await makeCase('C1', {
      source: 'detection',
      actId: 'AS-O1-2026-001',
      decision: 'pursue',
      ...onTime,
      persons: [{ officerId: o1, liable: true }],
    });
    await makeCase('C2', {
      source: 'detection',
      actId: 'AS-O1-2026-002',
      decision: 'not_pursue',
      ...onTime,
      persons: [{ officerId: o1, liable: true, tolerance: true }],
    });
    await makeCase('C3', {
      source: 'detection',
      actId: 'AS-O1-2026-003',
      decision: 'exempt',
      ...onTime,
      persons: [{ officerId: o1, liable: false }],
    });
    // A complaint's case, accepted two months after it was registered: late.
    await makeCase('C4', {
      source: 'complaint',
      decision: 'pursue',
      registeredOn: '2026-02-02',
      acceptedOn: '2026-04-01',
      persons: [{ officerId: o2, liable: true }],
    });

    reviewCampaign = (
      await db
        .insertInto('reviewCampaigns')
        .values({
          regionCode: REGION,
          name: '甲县2026年行政处罚案卷评查',
          kind: 'routine',
          agencyIds: JSON.stringify([AGENCY]),
          kinds: JSON.stringify(['penalty']),
          periodFrom: '2026-01-01',
          periodTo: '2026-12-31',
          seed: '7',
          size: 1,
          pack: 'guizhou-a-city',
          packOn: '2026-06-01',
          state: 'closed',
          strata: JSON.stringify([{ agency: AGENCY, eligible: 120, drawn: 1 }]),
          createdBy: admin.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const file = (stage: 'self' | 'spot', total: number, grade: 'pass' | 'excellent') => ({
      campaignId: reviewCampaign,
      regionCode: REGION,
      actId: 'AS-O1-2026-010',
      agencyId: AGENCY,
      kind: 'penalty' as const,
      stage,
      total,
      grade,
      scoredAt: new Date('2026-09-01T10:00:00+08:00'),
    });
    await db
      .insertInto('reviewFiles')
      .values([file('self', 92, 'excellent'), file('spot', 80, 'pass')])
      .execute();
  });

  afterAll(() => t.close());

  const year = async (client: Client, y = 2026, q = '') => {
    const res = await client.get(`/api/v1/assessment/${y}${q}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('the agency: faults found and pursued, the exemptions apart, the pursued rate at the centre', async () => {
    const body = await year(county);
    expect(body.policy.weights).toEqual({ general: 30, sector: 50, external: 20 });
    const a = body.agencies.find((x: { id: string }) => x.id === AGENCY);
    // Found: 4 + 1 + 10 findings of 2026, and the complaint's case.
    expect(a.pursued).toEqual({
      found: 16,
      pursued: 2,
      toleranceExempt: 1,
      statutoryExempt: 1,
      unpursued: 12,
      rate: 12.5,
      rateExcludingExemptions: (2 / 14) * 100,
    });
    // The region's figure is its agencies' added up; only this agency has faults.
    expect(body.pursued).toEqual(a.pursued);
    // Every part's points add up to the total, and the grade follows the bands.
    const sum = a.parts.reduce((s: number, p: { points: number }) => s + p.points, 0);
    expect(a.total).toBeCloseTo(sum, 2);
    const b = A_CITY_ASSESSMENT.bands;
    const expected =
      a.total >= b.excellent
        ? 'excellent'
        : a.total >= b.pass
          ? 'pass'
          : a.total >= b.basicPass
            ? 'basic_pass'
            : 'fail';
    expect(a.grade).toBe(expected);
    // Agencies without acts have no total and no rank.
    const idle = body.agencies.filter((x: { total: number | null }) => x.total === null);
    for (const x of idle) expect(x.rank).toBeNull();
    expect(body.agencies[0].id).toBe(AGENCY);
    expect(body.agencies[0].rank).toBe(1);
  });

  it('every point explained, weighted, and drillable to the acts, cases and files behind it', async () => {
    const res = await county.get(`/api/v1/assessment/2026/subjects/${AGENCY}`);
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    const point = (i: string) => s.points.find((p: Point) => p.indicator === i) as Point;
    const pursued = point('pursued_rate');
    // Every sector indicator has data; the external part has none, so the sector weighs 62.5:
    // × 40 % = 25 points, 2 of 14 pursued.
    expect(pursued).toMatchObject({ applicable: true, max: 25, points: Math.round(2500 * (2 / 14)) / 100 });
    expect(pursued.value).toBeCloseTo((2 / 14) * 100, 6);
    expect(pursued.explanation).toContain(
      '发现过错 16 件，已追究 2 件，过错追究率 12.5%；容错免责 1 件、法定免责 1 件单列',
    );
    expect(pursued.refs.acts).toContain('AS-O1-2026-001');
    expect(pursued.refs.acts).toHaveLength(15);
    expect([...(pursued.refs.cases ?? [])].sort()).toEqual(Object.values(caseIds).sort());
    expect(pursued.links.cases).toContainEqual({ id: caseIds.C1, href: `/cases/${caseIds.C1}` });
    expect(pursued.links.acts[0]!.href).toMatch(/^\/supervision\/acts\?act=AS-/);
    const review = point('review_score');
    expect(review).toMatchObject({
      applicable: true,
      value: 80,
      max: 25,
      points: 20,
      refs: { acts: ['AS-O1-2026-010'] },
    });
    expect(review.refs.files).toHaveLength(1);
    // The complaint's case was accepted late: 3 of 4 decided cases on time.
    expect(point('case_timeliness')).toMatchObject({ applicable: true, value: 75 });
    expect(point('case_timeliness').refs.cases).toHaveLength(4);
    // No external evaluation yet: no figure invented, its 20 points go to the other parts.
    expect(point('evaluation_score')).toMatchObject({ applicable: false, value: null, points: 0 });
    expect(s.parts.map((p: { max: number }) => p.max)).toEqual([37.5, 62.5, 0]);
    expect(s.reasons[0]).toContain('外部评议无可计分的数据');
    const total = s.points.reduce((sum: number, p: Point) => sum + p.points, 0);
    expect(s.total).toBeCloseTo(total, 2);
  });

  it('officers: their own faults, exemptions and sanctions; an officer 不合格 two years running is flagged', async () => {
    const body = await year(county);
    const [o1, o2, o3] = officers as [string, string, string];
    const of = (id: string) => body.officers.find((x: { id: string }) => x.id === id);
    expect(of(o1).pursued).toMatchObject({
      found: 4,
      pursued: 1,
      toleranceExempt: 1,
      statutoryExempt: 1,
      unpursued: 1,
    });
    expect(of(o2).pursued).toMatchObject({ found: 2, pursued: 1, toleranceExempt: 0, statutoryExempt: 0 });
    // Pursued this year: cannot be 优秀 whatever the total.
    expect(of(o1).grade).not.toBe('excellent');
    // 10 faults in 20 acts, none pursued, both years: 不合格 in 2025 and 2026.
    expect(of(o3).grade).toBe('fail');
    expect(of(o3).trend).toEqual([
      expect.objectContaining({ year: 2025, grade: 'fail' }),
      expect.objectContaining({ year: 2026, grade: 'fail' }),
    ]);
    expect(of(o3).flags).toEqual([
      expect.objectContaining({ kind: 'consecutive_fail', action: '调离执法岗位或者取消执法资格' }),
    ]);
    expect(body.flagged.map((x: { id: string }) => x.id)).toEqual([o3]);
    // 2025 alone: no earlier year, no flag.
    const earlier = await year(county, 2025);
    expect(earlier.officers.find((x: { id: string }) => x.id === o3).flags).toEqual([]);
    expect(body.trends.map((x: { year: number }) => x.year)).toEqual([2025, 2026]);
    expect(body.trends[1].pursued).toEqual(body.pursued);
    // Officers ranked among themselves and within the agency.
    const ranked = body.officers.filter((x: { rank: number | null }) => x.rank !== null);
    expect(ranked.map((x: { rank: number }) => x.rank)).toEqual(
      [...ranked.map((x: { rank: number }) => x.rank)].sort((a, b) => a - b),
    );
    expect(of(o3).agencyRank).toBe(
      Math.max(
        ...ranked
          .filter((x: { agencyId: string }) => x.agencyId === AGENCY)
          .map((x: { agencyRank: number }) => x.agencyRank),
      ),
    );
  });

  it('who reads what: the office its region, a legal office its own agency, others nothing', async () => {
    const mine = await year(legal);
    expect(mine.view).toBe('agency');
    expect(mine.agencies.map((x: { id: string }) => x.id)).toEqual([AGENCY]);
    expect(mine.officers.every((x: { agencyId: string }) => x.agencyId === AGENCY)).toBe(true);
    expect(mine.trends).toEqual([]);
    const other = await legal.get('/api/v1/assessment/2026/subjects/529921-SCJ');
    expect(other.statusCode).toBe(404);
    expect((await legal.get('/api/v1/assessment/2026/report.docx')).statusCode).toBe(403);
    expect((await county.get('/api/v1/assessment/2026?regionCode=529922')).statusCode).toBe(403);
    const officer = await t.login(
      (
        await t.database.db
          .selectFrom('users')
          .select('username')
          .where('role', '=', 'officer')
          .executeTakeFirstOrThrow()
      ).username,
    );
    expect((await officer.get('/api/v1/assessment/2026')).statusCode).toBe(403);
    const bad = await county.get('/api/v1/assessment/26');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe('year');
  });

  it('the report: the figures, the charts, the same bytes twice', async () => {
    const res = await county.get('/api/v1/assessment/2026/report.docx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const docx = res.rawPayload;
    const text = await documentText(docx);
    expect(text).toContain('甲县2026年度行政执法考核结果报告');
    expect(text).toContain(
      '甲县本年度发现执法过错 16 件，已追究 2 件，过错追究率 12.5%；容错免责 1 件、法定免责 1 件单列，未追究 12 件；扣除免责后的追究率 14.3%。',
    );
    expect(text).toContain('图1　各执法部门发现与追究的过错');
    expect(text).toContain('连续 2 年不合格');
    const zip = await openDocx(docx);
    const charts = Object.keys(zip.files).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n));
    expect(charts.length).toBeGreaterThanOrEqual(4);
    const first = await docxPart(docx, 'word/charts/chart1.xml');
    expect(first).toContain('<c:v>16</c:v>');
    expect(first).toContain('<c:v>2</c:v>');
    const again = await county.get('/api/v1/assessment/2026/report.docx');
    expect(again.rawPayload.equals(docx)).toBe(true);
  });

  it('early warning: faults per 100 acts against the same agency’s officers of the same act kind', async () => {
    const res = await county.get('/api/v1/supervision/early-warning');
    expect(res.statusCode, res.body).toBe(200);
    const { peers, items } = res.json();
    const o3 = officers[2]!;
    const row = peers.find((p: { officer: string }) => p.officer === o3);
    // 10 of 20 against 4/40, 1/20, 0/20, 0/20: above 4 of 5 peers → the 90th percentile, 关注.
    expect(row).toMatchObject({
      kind: 'penalty',
      acts: 20,
      faults: 10,
      per100: 50,
      peers: 5,
      percentile: 90,
      level: 'attention',
    });
    expect(row.reason).toContain('第 90 百分位');
    expect(row.reason).toContain('列入关注');
    // Beside the Art. 19(2) thresholds: the officer's own entry carries the comparison.
    const entry = items.find((x: { officerId: string }) => x.officerId === o3);
    expect(entry.peer).toEqual([expect.objectContaining({ percentile: 90 })]);
  });

  it('the review campaign’s report: totals, per agency, per file, with charts', async () => {
    const res = await county.get(`/api/v1/review-campaigns/${reviewCampaign}/report.docx`);
    expect(res.statusCode, res.body).toBe(200);
    const text = await documentText(res.rawPayload);
    expect(text).toContain('甲县2026年行政处罚案卷评查结果报告');
    expect(text).toContain('执法部门自查评分 1 件，平均 92 分');
    expect(text).toContain('抽查评查评分 1 件，平均 80 分');
    expect(text).toContain('自查偏宽 1 件');
    expect(text).toContain('AS-O1-2026-010');
    const chart = await docxPart(res.rawPayload, 'word/charts/chart2.xml');
    expect(chart).toContain('<c:v>92</c:v>');
    expect(chart).toContain('<c:v>80</c:v>');
  });
});
