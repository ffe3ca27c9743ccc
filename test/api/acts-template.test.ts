// GET /api/v1/acts/template.xlsx and uploads that use the Chinese labels (issues #8 and #16): the
// template downloads for those who may import acts and imports as it is; a labelled CSV imports
// as codes; a value a column does not take is a 400 naming the line, the column and the allowed
// values, with nothing written.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACT_COLUMNS } from '../../src/core/acts/columns.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

/** A file as the console uploads it (multipart/form-data, field `file`). */
function upload(filename: string, content: string | Buffer) {
  const boundary = '----wenzetemplate';
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

describe.each(drivers)('acts import template and labelled uploads on %s', (driver) => {
  let t: TestApp;
  let legal: Client;

  beforeAll(async () => {
    t = await createTestApp(driver);
    legal = await t.login('scjfz');
  });
  afterAll(async () => t?.close());

  it('serves the template to those who may import acts, and it imports as it is', async () => {
    const res = await legal.get('/api/v1/acts/template.xlsx');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain('attachment');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain('可选值');
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual(ACT_COLUMNS.map((c) => c.name));

    expect((await t.app.inject({ method: 'GET', url: '/api/v1/acts/template.xlsx' })).statusCode).toBe(401);
    expect((await (await t.login('panel')).get('/api/v1/acts/template.xlsx')).statusCode).toBe(403);
    expect((await (await t.login('sfj')).get('/api/v1/acts/template.xlsx')).statusCode).toBe(200);

    const imported = await legal.request(upload('模板.xlsx', res.rawPayload));
    expect(imported.statusCode, imported.body).toBe(200);
    expect(imported.json()).toMatchObject({ received: 1, inserted: 1 });
    const act = (await legal.get('/api/v1/acts/A-2025-000001')).json();
    expect(act).toMatchObject({ kind: 'penalty', procedure: 'ordinary', partyType: 'org', fine: 500 });
    expect(act.body.payment).toMatchObject({ method: 'bank', receipt: true });
  });

  it('imports a CSV written with the Chinese labels', async () => {
    const csv =
      'id,agency,kind,matter,party.type,party.id,dates.applied,dates.accepted,dates.decided,decision,reason,receiptIssued\n' +
      'T-L1,529900-SCJ,行政许可,食品经营许可,单位,91529900MA6D00001X,2025-03-01,2025-03-03,2025-03-20,不予许可,申请人不符合法定条件,是\n' +
      'T-L2,529900-SCJ,ｐｅｎａｌｔｙ,销售过期食品,个人,P-2,,,2025-03-20,,,\n' +
      'T-L3,529900-SCJ, 行政检查 ,日常检查,,,,,2025-03-21,,,\n';
    const res = await legal.request(upload('acts.csv', csv));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ received: 3, inserted: 3 });
    const l1 = (await legal.get('/api/v1/acts/T-L1')).json();
    expect(l1).toMatchObject({ kind: 'licensing', partyType: 'org' });
    expect(l1.body).toMatchObject({ decision: 'refused', receiptIssued: true });
    expect((await legal.get('/api/v1/acts/T-L2')).json()).toMatchObject({
      kind: 'penalty',
      partyType: 'person',
    });
    expect((await legal.get('/api/v1/acts/T-L3')).json()).toMatchObject({ kind: 'inspection' });
  });

  it('names the line, the column and the allowed values of an unknown value; nothing written', async () => {
    const csv =
      'id,agency,kind,measure,dates.decided\n' +
      'T-B1,529900-SCJ,行政强制,查封,2025-03-05\n' +
      'T-B2,529900-SCJ,处罚,,2025-13-01\n' +
      'T-B3,529900-SCJ,行政强制,封存,\n';
    const res = await legal.request(upload('bad.csv', csv));
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.fields as { path: string; message: string }[];
    expect(fields.map((f) => f.path)).toEqual(['line 3: kind', 'line 3: dates.decided', 'line 4: measure']);
    expect(fields[0].message).toContain('取值“处罚”无效');
    expect(fields[0].message).toContain('行政处罚（penalty）');
    expect(fields[2].message).toContain('查封（seal）、扣押（seize）、其他（other）');
    expect((await legal.get('/api/v1/acts/T-B1')).statusCode).toBe(404);
  });
});
