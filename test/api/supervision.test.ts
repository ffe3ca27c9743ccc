// The supervision API: acts in bulk (JSON and NDJSON) with jurisdiction, the drill-down to acts and
// their findings, the supervision figures, early warning, and the export.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateActs } from '../../src/core/acts/generate.js';
import type { Act } from '../../src/core/acts/schema.js';
import { todayInChina } from '../../src/core/dates.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const today = todayInChina();

/** A file as the console uploads it (multipart/form-data, field `file`). */
function upload(filename: string, content: string | Buffer) {
  const boundary = '----wenzeacts';
  return {
    method: 'POST' as const,
    url: '/api/v1/acts:upload',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}

describe.each(drivers)('supervision API on %s', (driver) => {
  let t: TestApp;
  let city: Client;
  let county: Client;
  let legal: Client;
  const { acts, truth } = generateActs({ count: 600, seed: 3, faultRate: 0.25, asOf: today });
  const mine = (prefix: string) => acts.filter((a) => a.agency.startsWith(prefix));

  beforeAll(async () => {
    t = await createTestApp(driver);
    city = await t.login('sfj');
    county = await t.login('jxsfj');
    legal = await t.login('scjfz');
  });
  afterAll(async () => t?.close());

  it('imports acts in bulk, finds the injected faults and opens them as leads', async () => {
    const res = await city.post('/api/v1/acts:bulk', { acts });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ received: 600, inserted: 600, updated: 0, unchanged: 0 });
    expect(body.findings.total).toBe(truth.length);
    expect(body.leads).toBe(truth.length);
    const again = (await city.post('/api/v1/acts:bulk', { acts })).json();
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 600, leads: 0 });
    const leads = (await city.get('/api/v1/leads?source=detection&pageSize=1')).json();
    expect(leads.total).toBe(truth.length);
    expect(leads.items[0]).toMatchObject({ source: 'detection', sourceLabel: expect.any(String) });
    expect(leads.items[0].actId).toBeTruthy();
  });

  it('takes NDJSON, and names the line and field of a bad record (nothing written)', async () => {
    const a = { ...acts[0], id: 'N-1' };
    const b = { ...acts[1], id: 'N-2', dates: { decided: '2025-02-30' } };
    const bad = await city.request({
      method: 'POST',
      url: '/api/v1/acts:bulk',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify(a)}\n\n${JSON.stringify(b)}\n{oops\n`,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'line 3: dates.decided',
      'line 4: (root)',
    ]);
    const json = await city.post('/api/v1/acts:bulk', { acts: [a, { ...b, kind: 'x' }] });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      'acts[1].kind',
      'acts[1].dates.decided',
    ]);
    const ok = await city.request({
      method: 'POST',
      url: '/api/v1/acts:bulk',
      headers: { 'content-type': 'application/x-ndjson' },
      payload: `${JSON.stringify(a)}\r\n`,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ received: 1, inserted: 1 });
    expect((await city.get('/api/v1/acts/N-2')).statusCode).toBe(404);
  });

  it('keeps imports within jurisdiction', async () => {
    const other: Act = { ...mine('529922')[0], id: 'J-1' };
    const res = await county.post('/api/v1/acts:bulk', {
      acts: [{ ...mine('529921')[0], id: 'J-0' }, other],
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.fields).toEqual([
      { path: 'acts[1].agency', message: expect.stringContaining('不在您的辖区') },
    ]);
    const own = { ...acts.find((a) => a.agency === '529900-SCJ')!, id: 'J-2' };
    const foreign = { ...acts.find((a) => a.agency === '529900-ZHJ')!, id: 'J-3' };
    expect((await legal.post('/api/v1/acts:bulk', { acts: [foreign] })).statusCode).toBe(403);
    expect((await legal.post('/api/v1/acts:bulk', { acts: [own] })).statusCode).toBe(200);
    const officer = await t.login('officer');
    expect((await officer.post('/api/v1/acts:bulk', { acts: [own] })).statusCode).toBe(403);
    expect((await officer.get('/api/v1/acts')).statusCode).toBe(403);
  });

  it('drills down to acts and their findings, within jurisdiction', async () => {
    const rule = truth[0].rule;
    const list = (await city.get(`/api/v1/acts?rule=${rule}&pageSize=500`)).json();
    expect(list.total).toBe(truth.filter((x) => x.rule === rule).length);
    expect(list.items[0].findings.some((f: { rule: string }) => f.rule === rule)).toBe(true);
    const flagged = (await city.get('/api/v1/acts?flagged=true&pageSize=1')).json();
    expect(flagged.total).toBeGreaterThanOrEqual(new Set(truth.map((x) => x.act)).size);
    const countyList = (await county.get('/api/v1/acts?pageSize=500')).json();
    expect(countyList.total).toBeGreaterThan(0);
    expect(countyList.items.every((a: { regionCode: string }) => a.regionCode === '529921')).toBe(true);
    const legalList = (await legal.get('/api/v1/acts?pageSize=500')).json();
    expect(legalList.items.every((a: { agencyId: string }) => a.agencyId === '529900-SCJ')).toBe(true);
    const bad = await city.get('/api/v1/acts?from=2025-02-30&kind=fine');
    expect(bad.statusCode).toBe(400);

    const id = truth[0].act;
    const detail = (await city.get(`/api/v1/acts/${encodeURIComponent(id)}`)).json();
    expect(detail.body.id).toBe(id);
    expect(detail.findings.length).toBeGreaterThan(0);
    expect(detail.leads.length).toBe(detail.findings.length);
    const foreignId = mine('529922')[0].id;
    expect((await county.get(`/api/v1/acts/${encodeURIComponent(foreignId)}`)).statusCode).toBe(404);
  });

  it('summarises findings by rule, agency and month, found vs pursued', async () => {
    const res = await city.get('/api/v1/supervision/summary');
    expect(res.statusCode, res.body).toBe(200);
    const s = res.json();
    expect(s.totals.findings).toBeGreaterThanOrEqual(truth.length);
    expect(s.totals.acts).toBeGreaterThanOrEqual(600);
    expect(s.byRule.reduce((n: number, r: { count: number }) => n + r.count, 0)).toBe(s.totals.findings);
    expect(s.byAgency.reduce((n: number, a: { findings: number }) => n + a.findings, 0)).toBe(
      s.totals.findings,
    );
    expect(s.byMonth.reduce((n: number, m: { findings: number }) => n + m.findings, 0)).toBe(
      s.totals.findings,
    );
    expect(s.byRule[0]).toMatchObject({ rule: expect.any(String), label: expect.any(String) });
    // Open one detection lead as a case: it counts as pursued.
    const lead = (await city.get('/api/v1/leads?source=detection&agencyId=529900-SCJ&pageSize=1')).json()
      .items[0];
    const opened = await city.post(`/api/v1/leads/${lead.id}/open`, { version: lead.version });
    expect(opened.statusCode, opened.body).toBeLessThan(300);
    const after = (await city.get('/api/v1/supervision/summary?agencyId=529900-SCJ')).json();
    expect(after.byAgency).toHaveLength(1);
    expect(after.byAgency[0]).toMatchObject({ agencyId: '529900-SCJ', pursued: 1 });
    const c = (await county.get('/api/v1/supervision/summary')).json();
    expect(c.byAgency.every((a: { regionCode: string }) => a.regionCode === '529921')).toBe(true);
  });

  it('lists officers on early warning with their history', async () => {
    const res = await city.get(`/api/v1/supervision/early-warning?asOf=${today}`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items;
    expect(items.length).toBeGreaterThan(0);
    const top = items[0];
    expect(['warning', 'attention']).toContain(top.level);
    expect(top.faults).toBeGreaterThanOrEqual(top.thresholds.attentionAt);
    expect(top.history.length).toBeGreaterThanOrEqual(top.faults);
    const one = (await city.get(`/api/v1/supervision/early-warning?officerId=${top.officerId}`)).json();
    expect(one.items.map((x: { officerId: string }) => x.officerId)).toEqual([top.officerId]);
    // An officer sees only their own record.
    const officer = await t.login('officer');
    const own = (await officer.get('/api/v1/supervision/early-warning')).json().items;
    expect(own.every((x: { officerId: string }) => x.officerId === 'O-0001')).toBe(true);
    expect((await (await t.login('panel')).get('/api/v1/supervision/early-warning')).statusCode).toBe(403);
  });

  it('exports the findings as a spreadsheet', async () => {
    const res = await county.get('/api/v1/supervision/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const countyFindings = (await county.get('/api/v1/supervision/summary')).json().totals.findings;
    expect(ws.rowCount - 1).toBe(countyFindings);
    expect(ws.getRow(1).getCell(1).value).toBe('执法行为编号');
  });

  it('takes an uploaded file (.jsonl, .csv), all or nothing, within jurisdiction', async () => {
    const own = acts.filter((a) => a.agency === '529900-SCJ').slice(0, 3);
    const lines = own.map((a, i) => JSON.stringify({ ...a, id: `U-${i}` }));
    const ok = await legal.request(upload('acts.jsonl', `${lines.join('\n')}\n`));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ received: 3, inserted: 3, updated: 0, unchanged: 0 });
    const again = await legal.request(upload('acts.jsonl', `${lines.join('\n')}\n`));
    expect(again.json()).toMatchObject({ received: 3, inserted: 0, unchanged: 3 });

    // One bad line, one act of another agency: both named, nothing written.
    const foreign = { ...acts.find((a) => a.agency === '529900-ZHJ')!, id: 'U-F' };
    const mixed = [JSON.stringify({ ...own[0], id: 'U-9' }), '{oops', JSON.stringify(foreign)].join('\n');
    const bad = await legal.request(upload('acts.jsonl', mixed));
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(['line 2: (root)', 'line 3: agency']);
    expect((await city.get('/api/v1/acts/U-9')).statusCode).toBe(404);

    const csv = 'id,agency,kind,matter,dates.decided\nU-C1,529900-SCJ,inspection,食品安全检查,2025-03-03\n';
    const fromCsv = await legal.request(upload('acts.csv', csv));
    expect(fromCsv.statusCode, fromCsv.body).toBe(200);
    expect(fromCsv.json()).toMatchObject({ received: 1, inserted: 1 });
    expect((await legal.get('/api/v1/acts/U-C1')).json()).toMatchObject({ matter: '食品安全检查' });

    const wrongType = await legal.request(upload('acts.txt', 'x'));
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().error.fields).toEqual([{ path: 'file', message: expect.any(String) }]);
    const notMultipart = await legal.post('/api/v1/acts:upload', { acts: [] });
    expect(notMultipart.statusCode).toBe(400);
    expect((await (await t.login('panel')).request(upload('acts.jsonl', lines[0]))).statusCode).toBe(403);
    const history = await t.database.db
      .selectFrom('auditLog')
      .select(['action', 'objectId'])
      .where('action', '=', 'acts.import')
      .where('objectId', '=', 'upload')
      .execute();
    expect(history.length).toBe(3);
  });

  it('runs the full detection on demand (admin), recorded in the audit log, and says how fresh the data is', async () => {
    const admin = await t.login('admin');
    expect((await city.post('/api/v1/supervision/runs')).statusCode).toBe(403);
    const before = (await city.get('/api/v1/supervision/runs')).json();
    expect(before.permissions.run).toBe(false);
    expect(before.lastImport).toEqual(expect.any(String));
    const res = await admin.post('/api/v1/supervision/runs');
    expect(res.statusCode, res.body).toBe(200);
    const run = res.json();
    expect(run).toMatchObject({ trigger: 'manual', actorName: 'admin', asOf: today });
    const acts = (await admin.get('/api/v1/acts?pageSize=1')).json().total;
    expect(run.acts).toBe(acts);
    // Nothing changed since the imports ran the rules: the full run finds the same findings.
    expect(run).toMatchObject({ created: 0, removed: 0, leads: 0 });
    const after = (await city.get('/api/v1/supervision/runs')).json();
    expect(after.runs[0]).toMatchObject({ trigger: 'manual', findings: run.findings });
    expect((await admin.get('/api/v1/supervision/runs')).json().permissions.run).toBe(true);
    // A legal office sees when its own agency's acts last came in.
    const own = (await legal.get('/api/v1/supervision/runs')).json();
    expect(own.lastImport).toEqual(expect.any(String));
    expect((await (await t.login('panel')).get('/api/v1/supervision/runs')).statusCode).toBe(403);
    const chain = await t.database.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'detection.run')
      .execute();
    expect(chain).toHaveLength(1);
  });
});
