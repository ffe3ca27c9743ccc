import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

async function sheet(rows: (string | Date | undefined)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执法人员');
  ws.addRow([
    '姓名',
    '所属机关编码',
    '性别',
    '编制类型',
    '岗位',
    '联系电话',
    '执法证号',
    '发证日期',
    '有效期至',
    '证件状态',
  ]);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function multipart(file: Buffer, filename = 'officers.xlsx') {
  const boundary = '----wenzetest';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, file, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(drivers)('officers API on %s', (driver) => {
  let t: TestApp;
  let legal: Client;
  beforeAll(async () => {
    t = await createTestApp(driver);
    legal = await t.login('scjfz');
  });
  afterAll(async () => t?.close());

  const count = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('officers')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('filters by agency, certificate status and staffing', async () => {
    const c = await t.login('sfj');
    for (const status of ['valid', 'expired', 'suspended']) {
      const r = (await c.get(`/api/v1/officers?certStatus=${status}&pageSize=200`)).json();
      expect(r.total, status).toBeGreaterThan(0);
      expect(r.items.every((o: { certStatus: string }) => o.certStatus === status)).toBe(true);
    }
    const r = (
      await c.get('/api/v1/officers?agencyId=529900-SCJ&staffing=administrative&pageSize=200')
    ).json();
    expect(
      r.items.every(
        (o: { agencyId: string; staffing: string }) =>
          o.agencyId === '529900-SCJ' && o.staffing === 'administrative',
      ),
    ).toBe(true);
    const none = (await c.get('/api/v1/officers?q=nobody-like-this')).json();
    expect(none).toMatchObject({ total: 0, items: [] });
  });

  it('an officer sees only their own record', async () => {
    const me = await t.login('officer');
    const list = (await me.get('/api/v1/officers')).json();
    expect(list.items.map((o: { id: string }) => o.id)).toEqual(['O-0001']);
    expect((await me.get('/api/v1/officers/O-0001')).statusCode).toBe(200);
    expect((await me.get('/api/v1/officers/O-0002')).statusCode).toBe(404);
    expect((await me.patch('/api/v1/officers/O-0001', { version: 1, post: 'x' })).statusCode).toBe(403);
  });

  it('creates an officer with a certificate, renews and suspends it', async () => {
    const created = await legal.post('/api/v1/officers', {
      agencyId: '529900-SCJ',
      name: '测试员',
      gender: 'F',
      staffing: 'institution',
      certificate: { number: '52990088801', issuedOn: '2020-01-01', validUntil: '2024-12-31' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const o = created.json();
    expect(o).toMatchObject({ certStatus: 'expired', regionCode: '529900', agencyName: 'A市市场监督管理局' });
    const other = await legal.post('/api/v1/officers', {
      agencyId: '529921-SCJ',
      name: '越权',
      staffing: 'institution',
    });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.fields[0].path).toBe('agencyId');
    const renewed = await legal.post(`/api/v1/officers/${o.id}/certificates`, {
      number: '52990088802',
      issuedOn: '2025-01-01',
      validUntil: '2029-12-31',
    });
    expect(renewed.statusCode, renewed.body).toBe(201);
    expect(renewed.json().certStatus).toBe('valid');
    expect(renewed.json().certificates.map((c: { effectiveStatus: string }) => c.effectiveStatus)).toEqual([
      'valid',
      'expired',
    ]);
    const dupNumber = await legal.post(`/api/v1/officers/${o.id}/certificates`, {
      number: '52990088802',
      issuedOn: '2025-01-01',
      validUntil: '2029-12-31',
    });
    expect(dupNumber.statusCode).toBe(400);
    const certId = renewed.json().certificates[0].id;
    const suspended = await legal.patch(`/api/v1/officers/${o.id}/certificates/${certId}`, {
      status: 'suspended',
      reason: '考核不合格',
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json().certStatus).toBe('suspended');
    const history = (await legal.get(`/api/v1/officers/${o.id}/history`)).json();
    expect(history.items.map((h: { action: string }) => h.action)).toEqual([
      'certificate.status',
      'certificate.add',
      'officer.create',
    ]);
  });

  it('imports a valid sheet, all rows in one transaction', async () => {
    const before = await count();
    const file = await sheet([
      ['甲', '529900-SCJ', '男', '行政编制', '科员', '', '52990077701', '2025-01-01', '2029-12-31', '有效'],
      [
        '乙',
        '529900-SCJ',
        '女',
        '事业编制',
        '',
        '',
        '52990077702',
        new Date('2025-03-01T00:00:00Z'),
        '2030-02-28',
        '',
      ],
    ]);
    const dry = await legal.request({
      method: 'POST',
      url: '/api/v1/officers/import?dryRun=true',
      ...multipart(file),
    });
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ imported: 2, dryRun: true });
    expect(await count()).toBe(before);
    const r = await legal.request({ method: 'POST', url: '/api/v1/officers/import', ...multipart(file) });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().imported).toBe(2);
    expect(await count()).toBe(before + 2);
    const imported = (await legal.get(`/api/v1/officers/${r.json().ids[1]}`)).json();
    expect(imported).toMatchObject({
      name: '乙',
      staffing: 'institution',
      certificateValidUntil: '2030-02-28',
    });
  });

  it('a sheet with any bad row writes nothing and names every problem by row', async () => {
    const before = await count();
    const file = await sheet([
      ['好', '529900-SCJ', '男', '行政编制', '', '', '52990066601', '2025-01-01', '2029-12-31', ''],
      ['', '529900-SCJ', '男', '临时工', '', '', 'ABC', '2025-13-01', '2029-12-31', ''],
      ['越权', '529921-SCJ', '男', '行政编制', '', '', '52990066603', '2025-01-01', '2029-12-31', ''],
      ['重号', '529900-SCJ', '男', '行政编制', '', '', '52990066601', '2025-01-01', '2029-12-31', ''],
    ]);
    const r = await legal.request({ method: 'POST', url: '/api/v1/officers/import', ...multipart(file) });
    expect(r.statusCode).toBe(400);
    const paths = r.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rows[3].姓名',
        'rows[3].编制类型',
        'rows[3].执法证号',
        'rows[3].发证日期',
        'rows[4].所属机关编码',
        'rows[5].执法证号',
      ]),
    );
    expect(await count()).toBe(before);
    const garbage = await legal.request({
      method: 'POST',
      url: '/api/v1/officers/import',
      ...multipart(Buffer.from('not a sheet')),
    });
    expect(garbage.statusCode).toBe(400);
    expect(garbage.json().error.fields[0].path).toBe('file');
    // An empty file and a cut-off workbook are answered (the streaming reader never settled on them).
    const template = (await legal.get('/api/v1/officers/import-template.xlsx')).rawPayload;
    for (const bad of [Buffer.alloc(0), template.subarray(0, template.length >> 1)]) {
      const r2 = await legal.request({ method: 'POST', url: '/api/v1/officers/import', ...multipart(bad) });
      expect(r2.statusCode).toBe(400);
      expect(r2.json().error.fields[0].path).toBe('file');
    }
    expect(await count()).toBe(before);
  });

  it('exports the filtered list and serves the template', async () => {
    const c = await t.login('jxsfj');
    const r = await c.get('/api/v1/officers/export.xlsx?certStatus=valid');
    expect(r.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const total = (await c.get('/api/v1/officers?certStatus=valid')).json().total;
    expect(ws.rowCount - 1).toBe(total);
    for (let i = 2; i <= ws.rowCount; i++) expect(ws.getRow(i).getCell(11).value).toBe('有效');
    const tpl = await c.get('/api/v1/officers/import-template.xlsx');
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
  });
});
