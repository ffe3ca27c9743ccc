// Reading duty lists from .csv and .xlsx files: the same items from either, the rows of the file,
// errors naming row and column (and the header's missing or unknown columns), and the template
// read back as its example item.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { DUTY_COLUMN_NAMES, DUTY_EXAMPLE_ROW, dutiesTemplateCsv } from '../core/duties/columns.js';
import { demoDutyImports } from '../core/duties/demo.js';
import { dutyItemCells, dutyItemsCsv } from '../core/duties/item.js';
import { ValidationError } from '../core/validation.js';
import {
  DUTY_TEMPLATE_SHEETS,
  dutiesTemplateXlsx,
  dutyRowsFromCsv,
  dutyRowsFromXlsx,
  readDutyFile,
} from './duties-formats.js';

const dir = mkdtempSync(join(tmpdir(), 'wenze-duties-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const items = demoDutyImports()[0].items.slice(0, 40);

async function xlsxOf(rows: string[][], dates = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('清单');
  for (const r of rows) ws.addRow(r);
  if (dates) ws.getCell('K2').value = new Date(Date.UTC(2024, 2, 1));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function rejection(p: Promise<unknown> | (() => unknown)): Promise<ValidationError> {
  const e = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(ValidationError);
  return e as ValidationError;
}

describe('reading duty lists', () => {
  it('a CSV file (with a BOM) and an .xlsx file of the same rows give the same items', async () => {
    const csv = join(dir, 'list.csv');
    writeFileSync(csv, `\ufeff${dutyItemsCsv(items)}`);
    const fromCsv = await readDutyFile(csv);
    expect(fromCsv).toEqual(items.map((i, k) => ({ ...i, row: k + 2 })));
    const xlsx = join(dir, 'list.xlsx');
    const cells = items.map((i) => {
      const c = dutyItemCells(i);
      return DUTY_COLUMN_NAMES.map((n) => c[n]);
    });
    writeFileSync(xlsx, await xlsxOf([[...DUTY_COLUMN_NAMES], ...cells]));
    expect(await readDutyFile(xlsx)).toEqual(fromCsv);
  });

  it('columns in another order, blank lines skipped, Excel dates taken as days', async () => {
    const order = [...DUTY_COLUMN_NAMES].reverse();
    const text = `${order.join(',')}\n\n${order.map((c) => `"${DUTY_EXAMPLE_ROW[c]}"`).join(',')}\n`;
    const rows = dutyRowsFromCsv(text);
    expect(rows).toEqual([{ row: 3, cells: { ...DUTY_EXAMPLE_ROW } }]);
    const x = await dutyRowsFromXlsx(
      await xlsxOf([[...DUTY_COLUMN_NAMES], DUTY_COLUMN_NAMES.map((c) => DUTY_EXAMPLE_ROW[c])], true),
    );
    expect(x[0].cells.生效日期).toBe('2024-03-01');
  });

  it('a bad cell → the row of the file and the column', async () => {
    const csv = join(dir, 'bad.csv');
    const lines = dutyItemsCsv(items.slice(0, 3)).split('\r\n');
    lines[2] = lines[2].replace('行政', '行正');
    writeFileSync(csv, lines.join('\r\n'));
    const e = await rejection(readDutyFile(csv));
    expect(e.fields[0].path).toBe('第 3 行 职权类型');
    expect(e.message).toContain('1 处错误');
  });

  it('a header missing a column or naming an unknown one → names them', async () => {
    const header = DUTY_COLUMN_NAMES.filter((c) => c !== '承办机构').map((c) =>
      c === '追责情形' ? '问责情形' : c,
    );
    const e = await rejection(() => dutyRowsFromCsv(`${header.join(',')}\n`));
    const text = e.fields.map((f) => `${f.path}: ${f.message}`).join('\n');
    expect(text).toContain('未知的列“问责情形”');
    expect(text).toContain('第 1 行 承办机构: 缺少列“承办机构”');
    expect(text).toContain('第 1 行 追责情形: 缺少列“追责情形”');
    const empty = await rejection(() => dutyRowsFromCsv(''));
    expect(empty.message).toContain('为空');
  });

  it('another file type, a missing file, a broken workbook → errors naming the file', async () => {
    expect((await rejection(readDutyFile(join(dir, 'list.json')))).fields[0].path).toBe('file');
    expect((await rejection(readDutyFile(join(dir, 'none.csv')))).fields[0].message).toBe('ENOENT');
    const broken = join(dir, 'broken.xlsx');
    writeFileSync(broken, 'not a workbook');
    expect((await rejection(readDutyFile(broken))).fields[0].path).toBe('file');
  });

  it('the templates read back as their example item', async () => {
    const xlsx = join(dir, 'template.xlsx');
    writeFileSync(xlsx, await dutiesTemplateXlsx());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(Object.values(DUTY_TEMPLATE_SHEETS));
    const [fromXlsx] = await readDutyFile(xlsx);
    const csv = join(dir, 'template.csv');
    writeFileSync(csv, dutiesTemplateCsv());
    const [fromCsv] = await readDutyFile(csv);
    expect(fromXlsx).toEqual(fromCsv);
    expect(fromCsv).toMatchObject({
      code: 'CF-0014',
      agency: '529900-ZHJ',
      role: 'lead',
      effectiveUntil: null,
    });
  });
});
