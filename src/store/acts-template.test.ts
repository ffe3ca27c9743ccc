// The import template (.xlsx) and CSV/Excel rows that use the Chinese labels: the template holds
// the columns in order, an example row that imports as it is, and every allowed value; labelled
// rows read as codes; a value a column does not take is named with its line and column.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { ACT_COLUMNS, ACT_VOCABULARIES, BOOLEAN_COLUMNS } from '../core/acts/columns.js';
import { readAct } from '../core/acts/read.js';
import { actFromColumns, actsFile } from './acts-formats.js';
import type { ActRecord } from './acts-import.js';
import { actsTemplateXlsx, TEMPLATE_SHEETS } from './acts-template.js';

const dir = mkdtempSync(join(tmpdir(), 'wenze-acts-template-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function records(path: string): Promise<ActRecord[]> {
  const source = await actsFile(path);
  const out: ActRecord[] = [];
  for await (const batch of source.batches ?? []) out.push(...batch);
  return out;
}

const text = (v: ExcelJS.CellValue) => (v == null ? '' : String(v));

describe('the import template', () => {
  it('has the columns in order, one example row, the allowed values and the columns explained', async () => {
    const buf = await actsTemplateXlsx();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      TEMPLATE_SHEETS.acts,
      TEMPLATE_SHEETS.values,
      TEMPLATE_SHEETS.columns,
    ]);
    const acts = wb.worksheets[0];
    expect(acts.rowCount).toBe(2);
    const header = (acts.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
    expect(header).toEqual(ACT_COLUMNS.map((c) => c.name));
    expect(text(acts.getRow(2).getCell(3).value)).toBe('行政处罚');

    const values = wb.getWorksheet('可选值')!;
    const rows = new Set<string>();
    values.eachRow((row, n) => {
      if (n > 1)
        rows.add(`${text(row.getCell(1).value)}|${text(row.getCell(3).value)}|${text(row.getCell(4).value)}`);
    });
    for (const [column, v] of Object.entries(ACT_VOCABULARIES)) {
      for (const code of v.codes)
        expect(rows, `${column} ${code}`).toContain(`${column}|${v.labels[code]}|${code}`);
    }
    for (const column of BOOLEAN_COLUMNS) {
      expect(rows).toContain(`${column}|是|true`);
      expect(rows).toContain(`${column}|否|false`);
    }
    expect(wb.getWorksheet('填写说明')!.rowCount).toBeGreaterThan(ACT_COLUMNS.length);
  });

  it('reads back as one valid act, the labels as codes', async () => {
    const [rec, ...rest] = await records(file('template.xlsx', await actsTemplateXlsx()));
    expect(rest).toEqual([]);
    expect(rec.problems).toBeUndefined();
    const act = readAct(rec.value);
    expect(act).not.toBeNull();
    expect(act).toMatchObject({
      id: 'A-2025-000001',
      kind: 'penalty',
      procedure: 'ordinary',
      party: { type: 'org' },
      fine: 500,
      payment: { method: 'bank', receipt: true },
      hearing: { requested: false, held: false },
    });
    expect(act?.officers).toHaveLength(2);
  });
});

describe('labelled CSV and Excel rows', () => {
  it('read Chinese labels, full-width and padded, as the codes', async () => {
    const csv =
      '\ufeffid,agency,kind,procedure,party.type,party.id,decision,measure,review,payment.method,payment.receipt,dates.extended\n' +
      'L-1,529900-SCJ,行政处罚,简易程序,个人,P-1,,,维持,现场收缴,是,\n' +
      'L-2,529900-SCJ, 行政许可 ,,单位,P-2,不予受理,,,,,否\n' +
      'L-3,529900-SCJ,\u3000行政强制\u3000,,ｏｒｇ,P-3,,扣押,CONFIRMED_ILLEGAL,,,\n' +
      'L-4,529900-SCJ,ｌｅｖｙ,,,,,,,,,\n';
    const recs = await records(file('labels.csv', csv));
    expect(recs.map((r) => r.problems)).toEqual([undefined, undefined, undefined, undefined]);
    expect(recs.map((r) => r.value)).toMatchObject([
      {
        kind: 'penalty',
        procedure: 'summary',
        party: { type: 'person' },
        review: 'upheld',
        payment: { method: 'onsite', receipt: true },
      },
      { kind: 'licensing', party: { type: 'org' }, decision: 'not_accepted', dates: { extended: false } },
      { kind: 'coercion', party: { type: 'org' }, measure: 'seize', review: 'confirmed_illegal' },
      { kind: 'levy' },
    ]);
    for (const r of recs) expect(readAct(r.value), String(r.line)).not.toBeNull();
  });

  it('name the line, the column and the allowed values of a value a column does not take', async () => {
    const csv =
      'id,agency,kind,measure,hearing.held\nB-1,529900-SCJ,行政处罚,,\nB-2,529900-SCJ,处罚,封存,也许\n';
    const [ok, bad] = await records(file('unknown.csv', csv));
    expect(ok.problems).toBeUndefined();
    expect(bad.line).toBe(3);
    expect(bad.problems).toEqual([
      {
        path: 'kind',
        message: expect.stringMatching(/^取值“处罚”无效，可选：行政许可（licensing）、.*行政处罚（penalty）/),
      },
      { path: 'measure', message: expect.stringContaining('查封（seal）、扣押（seize）、其他（other）') },
      { path: 'hearing.held', message: expect.stringContaining('是（true）、否（false）') },
    ]);
  });

  it('take the labels in Excel cells too', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('acts');
    ws.addRow(['id', 'agency', 'kind', 'decision', 'receiptIssued']);
    ws.addRow(['X-1', '529900-SCJ', '行政许可', '准予许可', '否']);
    ws.addRow(['X-2', '529900-SCJ', '行政检查 ', null, true]);
    ws.addRow(['X-3', '529900-SCJ', 'penalty', '驳回', null]);
    const recs = await records(file('labels.xlsx', Buffer.from(await wb.xlsx.writeBuffer())));
    expect(recs.map((r) => r.value)).toMatchObject([
      { kind: 'licensing', decision: 'granted', receiptIssued: false },
      { kind: 'inspection', receiptIssued: true },
      { kind: 'penalty', decision: '驳回' },
    ]);
    expect(recs[2]).toMatchObject({ line: 4, problems: [{ path: 'decision' }] });
  });

  it('keeps the reader of flat columns usable without a problem list', () => {
    expect(actFromColumns(['id', 'kind'], ['A', '行政检查'])).toEqual({
      id: 'A',
      kind: 'inspection',
      officers: [],
      dates: {},
    });
    expect(actFromColumns(['id', 'kind'], ['A', '检查'])).toEqual({
      id: 'A',
      kind: '检查',
      officers: [],
      dates: {},
    });
  });
});
