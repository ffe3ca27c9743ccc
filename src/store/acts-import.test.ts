// Importing acts: every bad record named by line and field with nothing written, files in the three
// formats (JSON Lines as bytes, CSV, Excel), updates by id and re-imports that change nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import type { Act } from '../core/acts/schema.js';
import { act } from '../core/detect/testing.js';
import { actFromColumns, actsFile, csvRows, jsonlFile } from './acts-formats.js';
import { ActImportError, importActs } from './acts-import.js';
import { loadDemo } from './demo.js';

const dir = mkdtempSync(join(tmpdir(), 'wenze-acts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

const good = (id: string, over: Partial<Act> = {}) =>
  ({
    ...act('penalty', { dates: { filed: '2025-03-01', notified: '2025-03-02', decided: '2025-03-10' } }),
    ...over,
    id,
  }) as Act;

async function fieldsOf(p: Promise<unknown>): Promise<string[]> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ActImportError);
    return (e as ActImportError).fields.map((f) => `${f.path}: ${f.message}`);
  }
  throw new Error('expected the import to fail');
}

describe('CSV reading', () => {
  const text = 'id,agency,"note"\r\nA-1,"529900-SCJ","a, ""quoted""\nline"\r\n\r\nA-2,x,\rA-3,y,z';
  it('reads quoted fields, doubled quotes, embedded line ends, every line ending, and numbers records by line', async () => {
    const rows = [];
    for await (const r of csvRows([text])) rows.push(r);
    expect(rows).toEqual([
      { line: 1, fields: ['id', 'agency', 'note'] },
      { line: 2, fields: ['A-1', '529900-SCJ', 'a, "quoted"\nline'] },
      { line: 5, fields: ['A-2', 'x', ''] },
      { line: 6, fields: ['A-3', 'y', 'z'] },
    ]);
  });
  it('gives the same records however the text is cut into chunks', async () => {
    const whole = [];
    for await (const r of csvRows([text])) whole.push(r);
    for (let cut = 1; cut < text.length; cut++) {
      const rows = [];
      for await (const r of csvRows([text.slice(0, cut), text.slice(cut)])) rows.push(r);
      expect(rows, `cut at ${cut}`).toEqual(whole);
    }
  });
  it('maps flat columns onto the exchange format', () => {
    const headers = [
      'id',
      'agency',
      'kind',
      'officers',
      'dates.decided',
      'dates.extended',
      'fine',
      'party.type',
      'party.id',
      'hearing.requested',
      'hearing.held',
      'x.y',
    ];
    expect(
      actFromColumns(headers, [
        'A-1',
        '529900-SCJ',
        'penalty',
        'O-1:520001:2026-12-31; O-2::',
        '2025-03-10',
        '否',
        '150.5',
        'org',
        'P-1',
        '是',
        'false',
        'kept',
      ]),
    ).toEqual({
      id: 'A-1',
      agency: '529900-SCJ',
      kind: 'penalty',
      officers: [
        { id: 'O-1', certificate: '520001', validUntil: '2026-12-31' },
        { id: 'O-2', certificate: null, validUntil: null },
      ],
      dates: { decided: '2025-03-10', extended: false },
      fine: 150.5,
      party: { type: 'org', id: 'P-1' },
      hearing: { requested: true, held: false },
      x: { y: 'kept' },
    });
  });
});

describe.each(drivers)('importing acts on %s', (driver) => {
  let t: TestDatabase;
  const count = async () =>
    Number(
      (
        await t.db
          .selectFrom('acts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await createTestDatabase(driver);
    await loadDemo(t, '2025-12-31');
  });
  afterAll(async () => t?.drop());

  it('names every bad line and field, and writes nothing', async () => {
    const lines = [
      JSON.stringify(good('A-1')),
      '{"id": "A-2", ',
      JSON.stringify(good('A-3')),
      JSON.stringify({ ...good('A-4'), dates: { decided: '2025-02-30' } }),
      JSON.stringify({ ...good('A-5'), kind: 'fine' }),
      JSON.stringify(good('A-1')),
      JSON.stringify(good('A-7', { agency: 'SCJ' })),
      JSON.stringify(good('A-8', { matter: 'a\u0000b' })),
      JSON.stringify(good('A-9', { matter: 'x\ud800y' })),
      JSON.stringify(good('A-10', { incidentDate: '0000-01-01' })),
      '',
      JSON.stringify(good('A-12')),
    ];
    const path = file('bad.jsonl', `${lines.join('\n')}\n`);
    const fields = await fieldsOf(importActs(t, await jsonlFile(path), { asOf: '2025-12-31' }));
    expect(fields.map((f) => f.split(': ').slice(0, 2).join(': '))).toEqual([
      'line 2: (root)',
      'line 4: dates.decided',
      'line 5: kind',
      'line 6: id',
      'line 7: agency',
      'line 8: matter',
      'line 9: matter',
      'line 10: incidentDate',
    ]);
    expect(fields[3]).toContain('与第 1 条重复');
    expect(await count()).toBe(0);
  });

  it('rejects bytes that are not UTF-8, naming the line', async () => {
    const ok = Buffer.from(`${JSON.stringify(good('U-1'))}\n`);
    const bad = Buffer.concat([
      Buffer.from('{"id":"U-2","agency":"529900-SCJ","kind":"other","matter":"'),
      Buffer.from([0xe4, 0xb8]),
      Buffer.from('","officers":[],"dates":{}}\n'),
    ]);
    const fields = await fieldsOf(
      importActs(t, await jsonlFile(file('bytes.jsonl', Buffer.concat([ok, bad]))), {}),
    );
    expect(fields).toEqual(['line 2: (root): 不是有效的 UTF-8 文本']);
  });

  it('imports JSON Lines (BOM, CRLF, blank lines), then updates by id and leaves unchanged acts alone', async () => {
    const a = good('J-1', { matter: '食品经营许可（甲）' });
    const b = good('J-2', { review: 'revoked', extra: { kept: [1, 2] } } as Partial<Act>);
    const path = file('good.jsonl', `\ufeff${JSON.stringify(a)}\r\n\r\n${JSON.stringify(b)}\r\n`);
    const r = await importActs(t, await jsonlFile(path), { asOf: '2025-12-31' });
    expect(r).toMatchObject({ received: 2, inserted: 2, updated: 0, unchanged: 0 });
    expect(r.detection?.byRule.overturned).toBe(1);
    const row = await t.db.selectFrom('acts').selectAll().where('id', '=', 'J-2').executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      regionCode: '529900',
      agencyId: '529900-SCJ',
      kind: 'penalty',
      review: 'revoked',
      actOn: '2025-03-10',
    });
    expect(row.body).toMatchObject({ extra: { kept: [1, 2] } });
    expect(
      (await t.db.selectFrom('acts').select('matter').where('id', '=', 'J-1').executeTakeFirstOrThrow())
        .matter,
    ).toBe('食品经营许可（甲）');
    const again = await importActs(t, await jsonlFile(path), { asOf: '2025-12-31' });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, detection: null });
    const changed = file(
      'changed.jsonl',
      `${JSON.stringify(a)}\n${JSON.stringify({ ...b, review: 'upheld' })}\n`,
    );
    const third = await importActs(t, await jsonlFile(changed), { asOf: '2025-12-31' });
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    expect(third.detection).toMatchObject({ removed: 1 });
  });

  it('imports CSV with the documented columns', async () => {
    const csv = [
      'id,agency,kind,matter,officers,dates.filed,dates.notified,dates.decided,fine,payment.method,payment.receipt,party.type,party.id,violation,incidentDate',
      'C-1,529921-SCJ,penalty,"无照经营, 查处",O-1:52992100001:2030-01-01;O-2:52992100002:2030-01-01,2025-03-01,2025-03-02,2025-03-10,150,onsite,是,org,P-9,FOOD-1,2025-02-28',
      'C-2,529921-SCJ,inspection,检查,O-1:52992100001:2030-01-01,,,2025-03-10,,,,,,,',
    ].join('\r\n');
    const r = await importActs(t, await actsFile(file('acts.csv', csv)), { asOf: '2025-12-31' });
    expect(r).toMatchObject({ inserted: 2 });
    const found = await t.db
      .selectFrom('findings')
      .select(['actId', 'rule', 'detail'])
      .where('actId', 'like', 'C-%')
      .orderBy('actId')
      .orderBy('rule')
      .execute();
    expect(found).toEqual([
      { actId: 'C-1', rule: 'onsite-collection', detail: '当场收缴罚款150元，超过100元' },
      { actId: 'C-2', rule: 'fewer-than-two-officers', detail: '仅有1名执法人员实施，法定不得少于两人' },
    ]);
    const bad = `id,agency,kind,dates.decided\nC-3,529921-SCJ,penalty,2025-13-01\n"C-4\n",529921-SCJ,licensing,2025-01-01\nC-5,529921-SCJ,nope,\n`;
    const fields = await fieldsOf(importActs(t, await actsFile(file('bad.csv', bad)), {}));
    expect(fields.map((f) => f.split(': ').slice(0, 2).join(': '))).toEqual([
      'line 2: dates.decided',
      'line 5: kind',
    ]);
  });

  it('imports the first sheet of an Excel workbook, rows numbered as in Excel', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('acts');
    ws.addRow([
      'id',
      'agency',
      'kind',
      'officers',
      'dates.accepted',
      'dates.decided',
      'dates.extended',
      'hearing.requested',
      'hearing.held',
    ]);
    ws.addRow([
      'X-1',
      '529922-ZRJ',
      'licensing',
      'O-1:1:2030-01-01;O-2:2:2030-01-01',
      new Date(Date.UTC(2025, 0, 2)),
      new Date(Date.UTC(2025, 1, 20)),
      false,
      true,
      false,
    ]);
    ws.addRow([]);
    ws.addRow(['X-2', '529922-ZRJ', 'licensing', '', '2025-01-02', 'soon', '否', '', '']);
    const path = join(dir, 'acts.xlsx');
    await wb.xlsx.writeFile(path);
    const fields = await fieldsOf(importActs(t, await actsFile(path), {}));
    expect(fields.map((f) => f.split(': ').slice(0, 2).join(': '))).toEqual(['line 4: dates.decided']);
    ws.spliceRows(4, 1);
    await wb.xlsx.writeFile(path);
    const r = await importActs(t, await actsFile(path), { asOf: '2025-12-31' });
    expect(r).toMatchObject({ inserted: 1 });
    const found = await t.db
      .selectFrom('findings')
      .select(['rule', 'detail'])
      .where('actId', '=', 'X-1')
      .orderBy('rule')
      .execute();
    expect(found).toEqual([
      {
        rule: 'hearing-not-held',
        detail: '申请人、利害关系人申请听证，未举行听证即于2025-02-20作出许可决定',
      },
      { rule: 'licensing-overdue', detail: '受理后第31个工作日作出决定，法定期限20个工作日' },
    ]);
  });

  it('refuses files of other types', async () => {
    await expect(actsFile(file('acts.txt', 'x'))).rejects.toThrow('不支持的文件类型');
    await expect(actsFile(join(dir, 'missing.jsonl'))).rejects.toThrow('无法读取输入文件');
  });
});
