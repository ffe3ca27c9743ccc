// Importing acts: every bad record named by line and field with nothing written, files in the three
// formats (JSON Lines as bytes, CSV, Excel), updates by id and re-imports that change nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, drivers, type TestDatabase } from '../../test/helpers/db.js';
import { generateActs } from '../core/acts/generate.js';
import type { Act } from '../core/acts/schema.js';
import { act } from '../core/detect/testing.js';
import { actFromColumns, actsFile, csvRows, jsonlFile, lineChunks } from './acts-formats.js';
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

describe('JSON Lines reading', () => {
  it('cuts a file into chunks of whole lines, a BOM dropped, whatever the chunk size', async () => {
    const text = `\ufeff{"a":"甲乙"}\r\n\n${'x'.repeat(300)}\n{"b":"€"}`;
    const path = file('chunks.jsonl', text);
    const whole = Buffer.from(text.slice(1));
    for (const size of [1, 2, 3, 5, 64, 1 << 20]) {
      const counter = { bytes: 0 };
      const chunks: Buffer[] = [];
      for await (const c of lineChunks(path, counter, size)) {
        expect(c.valid).toBe(true);
        chunks.push(Buffer.from(c.buf));
      }
      expect(Buffer.concat(chunks).equals(whole), `size ${size}`).toBe(true);
      for (const c of chunks.slice(0, -1)) expect(c[c.length - 1]).toBe(10);
      expect(counter.bytes).toBe(Buffer.byteLength(text));
    }
    const bad = file('chunks-bad.jsonl', Buffer.from([0x7b, 0x7d, 10, 0xe4, 0xb8, 10, 0x7b, 0x7d]));
    const flags = [];
    for await (const c of lineChunks(bad, { bytes: 0 }, 3)) flags.push(c.valid);
    expect(flags).toEqual([true, false, true]);
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

  it('reads each line by the fast lane or the full path, into the same rows', async () => {
    // The same acts twice: as a JSON Lines file (the byte fast lane for plain lines, JSON.parse for
    // escapes, decimals, tabs, repeated members) and as parsed values (always the full path).
    const base = good('F-0', { matter: '食品经营许可（甲）' });
    const variants: Record<string, unknown>[] = [
      { ...base },
      { ...base, agency: '529921-SCJ', fine: 150.5, payment: { method: 'onsite', receipt: false } },
      { ...base, matter: 'caf\u00e9 "quoted" \\ back\tslash', extra: { kept: [1, 2.5, null] } },
      { ...base, party: null, chain: null, hearing: null, criminal: null, review: 'changed' },
      { ...base, kind: 'licensing', procedure: null, dates: { accepted: '2025-01-02', extended: true } },
      { ...base, agency: '529923-SZD', fine: 0, violation: '' },
      { ...base, matter: '甲乙 café', party: { type: 'org', id: 'P-é' } },
    ];
    const lines = variants.map((v, i) => {
      const text = JSON.stringify({ ...v, id: `F-${i}` });
      if (i === 2) return text.replace(/,/g, ',\t');
      if (i === 3) return `{"id":"F-x",${text.slice(1)}`;
      // \u escapes: characters, whatever bytes they stand for in UTF-8
      if (i === 6) return text.replace(/甲/g, '\\u7532').replace(/é/g, '\\u00e9');
      return text;
    });
    const path = file('lanes.jsonl', `${lines.join('\n')}\n`);
    const counter = { bytes: 0 };
    const r = await importActs(t, { lines: lineChunks(path, counter, 7) }, { asOf: '2025-12-31' });
    expect(lines[6]).toContain('"\\u7532乙 caf\\u00e9"');
    expect(r).toMatchObject({ received: 7, inserted: 7 });
    const records = variants.map((v, i) => ({ line: i + 1, value: { ...v, id: `V-${i}` } }));
    expect(await importActs(t, { batches: [records] }, { asOf: '2025-12-31' })).toMatchObject({
      inserted: 7,
    });
    const rows = await t.db
      .selectFrom('acts')
      .selectAll()
      .where((eb) => eb.or([eb('id', 'like', 'F-%'), eb('id', 'like', 'V-%')]))
      .orderBy('id')
      .execute();
    const strip = (x: (typeof rows)[number]) => {
      const { id: _i, bodyHash: _h, importedAt: _a, updatedAt: _u, body, ...rest } = x;
      const { id: _bi, ...b } = body as Record<string, unknown>;
      return { ...rest, body: b };
    };
    const n = [...variants.keys()];
    expect(rows.map((x) => x.id)).toEqual([...n.map((i) => `F-${i}`), ...n.map((i) => `V-${i}`)]);
    for (let i = 0; i < n.length; i++) expect(strip(rows[i]), `F-${i}`).toEqual(strip(rows[i + n.length]));
    expect(rows[2].matter).toBe('café "quoted" \\ back\tslash');
    expect(rows[1].fine).toBe(150.5);
    expect(rows[6]).toMatchObject({ matter: '甲乙 café', partyId: 'P-é' });
    // Re-importing the file changes nothing, found by the hash.
    expect(await importActs(t, await jsonlFile(path), { asOf: '2025-12-31' })).toMatchObject({
      inserted: 0,
      updated: 0,
      unchanged: 7,
    });
  });

  it('writes nothing when a bad line comes after rows already sent to COPY', async () => {
    const many = generateActs({ count: 6000, seed: 7, faultRate: 0.2 }).acts.map((a, i) => ({
      ...a,
      id: `G-${i}`,
    }));
    const lines = many.map((a) => JSON.stringify(a));
    lines.push(JSON.stringify({ ...many[5], matter: 'again' }));
    lines.push(JSON.stringify({ ...many[6], dates: { decided: '2025-13-01' } }).replace('"G-6"', '"G-6001"'));
    const path = file('late-error.jsonl', `${lines.join('\n')}\n`);
    // More than twice the bytes gathered before a write: COPY has begun when the errors come.
    expect(Buffer.byteLength(lines.join('\n'))).toBeGreaterThan(5 << 19);
    const fields = await fieldsOf(importActs(t, await jsonlFile(path), { asOf: '2025-12-31' }));
    expect(fields).toEqual([
      'line 6001: id: 编号 G-5 与第 6 条重复',
      expect.stringMatching(/^line 6002: dates\.decided: /),
    ]);
    const g = async () =>
      (await t.db.selectFrom('acts').select('id').where('id', 'like', 'G-%').execute()).length;
    expect(await g()).toBe(0);
    const stopped = file('many-errors.jsonl', `${lines.slice(0, 10).join('\n')}\n${'{\n'.repeat(150)}`);
    try {
      await importActs(t, await jsonlFile(stopped), { maxErrors: 20 });
      throw new Error('expected the import to fail');
    } catch (e) {
      expect((e as ActImportError).fields).toHaveLength(20);
      expect((e as ActImportError).fields[0].path).toBe('line 11: (root)');
      expect((e as ActImportError).message).toContain('至少');
    }
    expect(await g()).toBe(0);
  });

  it('imports CSV with the documented columns', async () => {
    const csv = [
      'id,agency,kind,matter,officers,dates.filed,dates.notified,dates.decided,fine,payment.method,payment.receipt,party.type,party.id,violation,incidentDate,publishedOn',
      'C-1,529921-SCJ,penalty,"无照经营, 查处",O-1:52992100001:2030-01-01;O-2:52992100002:2030-01-01,2025-03-01,2025-03-02,2025-03-10,150,onsite,是,org,P-9,FOOD-1,2025-02-28,2025-03-12',
      'C-2,529921-SCJ,inspection,检查,O-1:52992100001:2030-01-01,,,2025-03-10,,,,,,,,',
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
    // The demo county bureau's duty list (in force that day) has neither matter: outside-duty-list.
    expect(found).toEqual([
      { actId: 'C-1', rule: 'onsite-collection', detail: '当场收缴罚款150元，超过100元' },
      {
        actId: 'C-1',
        rule: 'outside-duty-list',
        detail: '529921-SCJ在作出决定之日2025-03-10有效的权责清单中没有“无照经营, 查处”事项',
      },
      { actId: 'C-2', rule: 'fewer-than-two-officers', detail: '仅有1名执法人员实施，法定不得少于两人' },
      {
        actId: 'C-2',
        rule: 'outside-duty-list',
        detail: '529921-SCJ在作出决定之日2025-03-10有效的权责清单中没有“检查”事项',
      },
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
      // Not published by the agency: its publication on import (as of 2025-12-31) is too late.
      {
        rule: 'disclosure-overdue',
        detail: '2025-02-20作出行政许可决定，截至2025-12-31未公示，应于7个工作日内（2025-03-03前）公示',
      },
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
