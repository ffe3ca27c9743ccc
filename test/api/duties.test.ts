// 权责清单 over the API (issue 13): the items in force (searchable, paged, names not codes), versions
// and differences, the overlap/gap/incomplete worklist per jurisdiction, the import (.csv/.xlsx,
// dry run, all or nothing: a bad row, an unknown agency, another jurisdiction's agency — nothing
// written), the template, and jurisdiction against the stored agency on every read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GAP_REASONS } from '../../src/core/duties/check.js';
import { dutyItem } from '../../src/core/duties/fixtures.js';
import { type DutyItem, dutyItemsCsv } from '../../src/core/duties/item.js';
import { dutiesTemplateXlsx } from '../../src/store/duties-formats.js';
import { type Client, createTestApp, type TestApp } from '../helpers/app.js';
import { drivers } from '../helpers/db.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A list file as the console uploads it (multipart/form-data, field `file`). */
function upload(filename: string, content: string | Buffer, dryRun = false) {
  const boundary = '----wenzeduties';
  return {
    method: 'POST' as const,
    url: `/api/v1/duty-lists/imports${dryRun ? '?dryRun=true' : ''}`,
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

const csv = (items: DutyItem[]) => dutyItemsCsv(items);

describe.each(drivers)('duty lists over the API on %s', (driver) => {
  let t: TestApp;
  let city: Client;
  let county: Client;
  let legal: Client;
  let officer: Client;
  let admin: Client;

  const countImports = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('dutyImports')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestApp(driver);
    [city, county, legal, officer, admin] = await Promise.all(
      ['sfj', 'jxsfj', 'scjfz', 'officer', 'admin'].map((u) => t.login(u)),
    );
  });
  afterAll(async () => t?.close());

  it('lists the items in force with names, searchable and paged; another jurisdiction’s agency is 404', async () => {
    const res = await city.get('/api/v1/duty-lists?agencyId=529900-ZHJ&on=2026-01-01&q=违法建设');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.on).toBe('2026-01-01');
    expect(body.items[0]).toMatchObject({
      code: 'CF-0014',
      name: '违法建设查处',
      type: 'penalty',
      agencyId: '529900-ZHJ',
      agencyName: 'A市综合行政执法局',
      role: 'lead',
      missing: [],
    });
    expect(body.items[0].duties.length).toBeGreaterThan(0);
    const paged = (await city.get('/api/v1/duty-lists?on=2026-01-01&pageSize=10&page=2')).json();
    expect(paged.items).toHaveLength(10);
    expect(paged.total).toBeGreaterThan(100);
    // The county sees its own, not the city's nor another county's.
    const own = (await county.get('/api/v1/duty-lists?on=2026-01-01&pageSize=500')).json();
    expect(own.items.every((i: { regionCode: string }) => i.regionCode === '529921')).toBe(true);
    for (const url of [
      '/api/v1/duty-lists?agencyId=529922-SCJ',
      '/api/v1/duty-lists/versions?agencyId=529922-SCJ',
      '/api/v1/duty-lists/diff?agencyId=529922-SCJ&from=1&to=1',
      '/api/v1/duty-lists?agencyId=NOPE-1',
    ]) {
      expect((await county.get(url)).statusCode, url).toBe(404);
    }
    // An agency's legal office reads its own agency's list only.
    expect((await legal.get('/api/v1/duty-lists?agencyId=529900-SCJ')).statusCode).toBe(200);
    expect((await legal.get('/api/v1/duty-lists?agencyId=529900-ZHJ')).statusCode).toBe(404);
    expect((await officer.get('/api/v1/duty-lists')).statusCode).toBe(403);
    expect((await city.get('/api/v1/duty-lists?on=2026-02-30')).statusCode).toBe(400);
  });

  it('versions of an agency and the difference between two', async () => {
    const v = (await city.get('/api/v1/duty-lists/versions?agencyId=529900-ZJJ&on=2026-01-01')).json();
    expect(v.agencyName).toBe('A市住房和城乡建设局');
    expect(v.items.map((x: { version: number; from: string }) => [x.version, x.from])).toEqual([
      [2, '2025-01-01'],
      [1, '2021-01-01'],
    ]);
    expect(v.items[1].inForce).toBe(0);
    const d = await city.get('/api/v1/duty-lists/diff?agencyId=529900-ZJJ&from=1&to=2');
    expect(d.statusCode, d.body).toBe(200);
    const diff = d.json();
    expect(diff.added.map((i: { name: string }) => i.name)).toEqual(['建筑节能监督检查']);
    expect(diff.removed).toHaveLength(1);
    expect(diff.changed.some((c: { columns: string[] }) => c.columns.includes('法定办结时限'))).toBe(true);
    expect((await city.get('/api/v1/duty-lists/diff?agencyId=529900-ZJJ&from=1&to=7')).statusCode).toBe(404);
    const bad = await city.get('/api/v1/duty-lists/diff?agencyId=529900-ZJJ&from=x&to=0');
    expect(bad.statusCode).toBe(400);
    const paths = bad.json().error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['from', 'to']));
  });

  it('the worklist: overlaps with the agencies, gaps with the reason, incomplete with what is missing', async () => {
    const w = (await city.get('/api/v1/duty-lists/report?on=2026-01-01')).json();
    expect(w.overlaps).toContainEqual({
      code: 'CF-0014',
      name: '违法建设查处',
      region: '529900',
      agencies: [
        { id: '529900-ZHJ', name: 'A市综合行政执法局' },
        { id: '529900-ZJJ', name: 'A市住房和城乡建设局' },
      ],
      // Not yet decided (duty-boundaries.test.ts decides overlaps).
      status: 'open',
      resolution: null,
      uncovered: [],
    });
    expect(
      w.overlaps.some(
        (o: { name: string; region: string }) => o.name === '占道经营查处' && o.region === '529921',
      ),
    ).toBe(true);
    expect(w.gaps).toContainEqual(
      expect.objectContaining({ name: '餐厨废弃物收运监督检查', reason: GAP_REASONS.assistOnly }),
    );
    expect(w.incomplete.length).toBeGreaterThan(0);
    // The county: its own region only.
    const c = (await county.get('/api/v1/duty-lists/report?on=2026-01-01')).json();
    expect(c.overlaps.map((o: { name: string; region: string }) => [o.name, o.region])).toEqual([
      ['占道经营查处', '529921'],
      ['环境卫生管理', '529921'],
    ]);
    expect(c.overlaps[0].agencies.map((a: { name: string }) => a.name)).toEqual([
      '甲县综合行政执法局',
      '甲县城关镇综合执法队',
    ]);
    // The market regulator's legal office: what concerns its agency (the 协办-only gap).
    const l = (await legal.get('/api/v1/duty-lists/report?on=2026-01-01')).json();
    expect(l.overlaps).toEqual([]);
    expect(l.gaps.map((g: { name: string }) => g.name)).toEqual(['餐厨废弃物收运监督检查']);
    expect(l.incomplete.every((i: { agencyId: string }) => i.agencyId === '529900-SCJ')).toBe(true);
    expect((await officer.get('/api/v1/duty-lists/report')).statusCode).toBe(403);
  });

  it('the template downloads for those who may import, and an .xlsx uploads (dry run)', async () => {
    const res = await legal.get('/api/v1/duty-lists/template');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain(XLSX);
    expect((await officer.get('/api/v1/duty-lists/template')).statusCode).toBe(403);
    const dry = await admin.request(upload('template.xlsx', await dutiesTemplateXlsx(), true));
    expect(dry.statusCode, dry.body).toBe(200);
    expect(dry.json()).toMatchObject({ dryRun: true, importId: null, report: { items: 1 } });
  });

  it('a bad row, an unknown agency or another jurisdiction’s agency → 400/403 naming the row, nothing written', async () => {
    const before = await countImports();
    const bad = await city.request(
      upload(
        'bad.csv',
        csv([dutyItem(), dutyItem({ row: 3, code: 'X-1' })]).replaceAll(',行政处罚,', ',行政罚款,'),
      ),
    );
    // Every row that has the bad type is named (the first data row is row 2).
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().error.fields).toContainEqual({
      path: '第 2 行 职权类型',
      message: expect.stringContaining('“行政罚款”不是职权类型'),
    });
    const unknown = await city.request(
      upload('unknown.csv', csv([dutyItem(), dutyItem({ row: 3, agency: 'A市不存在局', region: null })])),
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual([
      { path: '第 3 行 实施主体', message: expect.stringContaining('A市不存在局') },
    ]);
    const foreign = await county.request(
      upload(
        'city.csv',
        csv([dutyItem({ agency: '529921-ZHJ' }), dutyItem({ row: 3, agency: '529900-ZHJ' })]),
      ),
    );
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.fields).toEqual([{ path: '第 3 行 实施主体', message: expect.any(String) }]);
    const other = await legal.request(upload('zhj.csv', csv([dutyItem({ agency: '529900-ZHJ' })])));
    expect(other.statusCode).toBe(403);
    expect((await officer.request(upload('x.csv', csv([dutyItem()])))).statusCode).toBe(403);
    const type = await city.request(upload('list.txt', 'x'));
    expect(type.statusCode).toBe(400);
    expect(type.json().error.fields[0].path).toBe('file');
    expect(await countImports()).toBe(before);
  });

  it('a dry run reports with names and writes nothing; the import writes the next version, audited', async () => {
    const list = csv([
      dutyItem({ agency: 'A市市场监督管理局', region: null, effectiveFrom: '2027-01-01' }),
      dutyItem({
        row: 3,
        agency: '529900-SCJ',
        code: 'XK-9999',
        name: '新增许可',
        type: 'licensing',
        accountability: [],
        effectiveFrom: '2027-01-01',
      }),
    ]);
    const before = await countImports();
    const dry = await legal.request(upload('scj-2027.csv', list, true));
    expect(dry.statusCode, dry.body).toBe(200);
    const preview = dry.json();
    expect(preview).toMatchObject({ dryRun: true, importId: null, fileName: 'scj-2027.csv' });
    expect(preview.agencies).toEqual([
      expect.objectContaining({
        agencyId: '529900-SCJ',
        agencyName: 'A市市场监督管理局',
        version: 3,
        items: 2,
      }),
    ]);
    expect(preview.report.items).toBe(2);
    expect(preview.report.incomplete).toEqual([
      {
        row: 3,
        code: 'XK-9999',
        name: '新增许可',
        agencyId: '529900-SCJ',
        agencyName: 'A市市场监督管理局',
        missing: ['追责情形'],
      },
    ]);
    expect(preview.report.overlaps.some((o: { name: string }) => o.name === '违法建设查处')).toBe(true);
    expect(await countImports()).toBe(before);

    const done = await legal.request(upload('scj-2027.csv', list));
    expect(done.statusCode, done.body).toBe(200);
    const r = done.json();
    expect(r.importId).toBeGreaterThan(0);
    expect(r.report).toEqual(preview.report);
    expect(await countImports()).toBe(before + 1);
    const items = (await legal.get('/api/v1/duty-lists?agencyId=529900-SCJ&on=2027-01-01')).json();
    expect(items.items.map((i: { code: string; version: number }) => [i.code, i.version])).toEqual([
      ['CF-0014', 3],
      ['XK-9999', 3],
    ]);
    expect(items.items[1].missing).toEqual(['追责情形']);
    const versions = (await legal.get('/api/v1/duty-lists/versions?agencyId=529900-SCJ')).json();
    expect(versions.items[0]).toMatchObject({
      version: 3,
      fileName: 'scj-2027.csv',
      importedByName: 'scjfz',
    });
    const audit = await t.database.db
      .selectFrom('auditLog')
      .select(['actorName', 'detail'])
      .where('action', '=', 'duties.import')
      .where('objectId', '=', String(r.importId))
      .executeTakeFirstOrThrow();
    expect(audit.actorName).toBe('scjfz');
  });
});
