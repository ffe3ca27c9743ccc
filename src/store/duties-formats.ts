// Duty lists (权责清单, issue 13) as files: reading a .csv or .xlsx list into items (the header row
// names the columns of src/core/duties/columns.ts; each problem names its row and column), and the
// template (.xlsx, or .csv text) with the header row and one example row. Used by `wenze duties`
// and, later, the import and the console's upload and template download.
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import {
  DUTY_COLUMNS,
  DUTY_EXAMPLE_ROW,
  DUTY_ROLE_LABELS,
  DUTY_ROLES,
  DUTY_STAGE_ALIASES,
  DUTY_STAGE_LABELS,
  DUTY_STAGES,
  POWER_TYPE_ALIASES,
  POWER_TYPE_LABELS,
  POWER_TYPES,
} from '../core/duties/columns.js';
import { csvRecords } from '../core/duties/csv.js';
import {
  checkDutyHeaders,
  type DutyItem,
  type DutyRow,
  dutyRowsError,
  parseDutyRows,
} from '../core/duties/item.js';
import { ValidationError } from '../core/validation.js';

export const DUTY_TEMPLATE_SHEETS = { items: '权责清单', values: '可选值', columns: '填写说明' } as const;

type Cell = ExcelJS.CellValue;

/** A cell as text: dates as YYYY-MM-DD (Excel dates are UTC midnights), rich text joined. */
function cellText(v: Cell): string {
  if (v == null) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as Cell);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** Header row → rows of named cells; a bad header is an error naming the missing/unknown columns. */
function namedRows(source: string, table: Iterable<{ row: number; cells: string[] }>): DutyRow[] {
  let headers: string[] | null = null;
  const out: DutyRow[] = [];
  for (const { row, cells } of table) {
    if (headers === null) {
      headers = cells.map((h) => h.trim());
      const problems = checkDutyHeaders(headers);
      if (problems.length > 0) throw dutyRowsError(problems, `${source}的表头`);
      continue;
    }
    if (cells.every((c) => c.trim() === '')) continue;
    const named: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (h !== '') named[h] = cells[i] ?? '';
    });
    out.push({ row, cells: named });
  }
  if (headers === null) {
    throw new ValidationError(`${source}为空`, [{ path: '第 1 行 (表头)', message: '缺少表头行' }]);
  }
  return out;
}

/** The rows of a CSV text (UTF-8, a BOM dropped; the row of a record is the line it starts on). */
export function dutyRowsFromCsv(text: string, source = 'CSV 文件'): DutyRow[] {
  const records = csvRecords(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  return namedRows(
    source,
    records.map((r) => ({ row: r.line, cells: r.fields })),
  );
}

/** The rows of the first worksheet of an .xlsx workbook. */
export async function dutyRowsFromXlsx(data: Buffer, source = 'Excel 文件'): Promise<DutyRow[]> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    throw new ValidationError(`无法读取${source}`, [{ path: 'file', message: (e as Error).message }]);
  }
  const sheet = wb.worksheets[0];
  const table: { row: number; cells: string[] }[] = [];
  sheet?.eachRow({ includeEmpty: false }, (row, number) => {
    // Array.from: the values of a row are sparse (holes for empty cells).
    table.push({ row: number, cells: Array.from((row.values as Cell[]).slice(1), cellText) });
  });
  return namedRows(source, table);
}

/** The rows of a list file, by its extension (.csv or .xlsx). Unreadable or other → exit 2 naming the file. */
export async function readDutyRows(path: string): Promise<DutyRow[]> {
  const ext = path.toLowerCase().match(/\.(csv|xlsx)$/)?.[1];
  if (ext === undefined) {
    throw new ValidationError(`不支持的文件类型：${path}`, [
      { path: 'file', message: '权责清单应为 .csv 或 .xlsx 文件' },
    ]);
  }
  let data: Buffer;
  try {
    if (!(await stat(path)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    data = await readFile(path);
  } catch (e) {
    throw new ValidationError(`无法读取输入文件：${path}`, [
      { path: 'file', message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
  if (ext === 'xlsx') return dutyRowsFromXlsx(data, `Excel 文件 ${path} `);
  return dutyRowsFromCsv(data.toString('utf8'), `CSV 文件 ${path} `);
}

/** The items of a list file; any bad cell → a ValidationError naming each row and column. */
export async function readDutyFile(path: string): Promise<DutyItem[]> {
  const { items, errors } = parseDutyRows(await readDutyRows(path));
  if (errors.length > 0) throw dutyRowsError(errors, `权责清单 ${path} `);
  return items;
}

const bold = { bold: true } as const;
const requiredFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };

/** The template workbook: the header row and one example row, the values, what each column holds. */
export async function dutiesTemplateXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Wenze 问责';
  const items = wb.addWorksheet(DUTY_TEMPLATE_SHEETS.items, { views: [{ state: 'frozen', ySplit: 1 }] });
  items.columns = DUTY_COLUMNS.map((c) => ({
    header: c.name,
    key: c.name,
    width: Math.max(12, Math.min(40, c.example.length + 4)),
    // Text format: Excel leaves dates and codes as typed.
    style: { numFmt: '@' },
  }));
  const header = items.getRow(1);
  header.font = bold;
  DUTY_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.note = `${c.meaning}${c.required ? '（必填）' : ''}${c.example ? `\n示例：${c.example}` : ''}`;
    if (c.required) cell.fill = requiredFill;
  });
  items.addRow(DUTY_EXAMPLE_ROW);

  const values = wb.addWorksheet(DUTY_TEMPLATE_SHEETS.values, { views: [{ state: 'frozen', ySplit: 1 }] });
  values.columns = [
    { header: '列名', key: 'column', width: 14 },
    { header: '可填写', key: 'label', width: 14 },
    { header: '代码', key: 'code', width: 16 },
    { header: '也可填写', key: 'aliases', width: 36 },
  ];
  values.getRow(1).font = bold;
  const aliasesOf = (aliases: Readonly<Record<string, string>>, code: string) =>
    Object.entries(aliases)
      .filter(([, c]) => c === code)
      .map(([a]) => a)
      .join('、');
  for (const t of POWER_TYPES) {
    values.addRow({
      column: '职权类型',
      label: POWER_TYPE_LABELS[t],
      code: t,
      aliases: aliasesOf(POWER_TYPE_ALIASES, t),
    });
  }
  for (const r of DUTY_ROLES) values.addRow({ column: '主办或协办', label: DUTY_ROLE_LABELS[r], code: r });
  for (const s of DUTY_STAGES) {
    values.addRow({
      column: '责任事项（环节）',
      label: DUTY_STAGE_LABELS[s],
      code: s,
      aliases: aliasesOf(DUTY_STAGE_ALIASES, s),
    });
  }

  const columns = wb.addWorksheet(DUTY_TEMPLATE_SHEETS.columns, { views: [{ state: 'frozen', ySplit: 1 }] });
  columns.columns = [
    { header: '列名', key: 'name', width: 14 },
    { header: '必填', key: 'required', width: 6 },
    { header: '含义', key: 'meaning', width: 60 },
    { header: '示例', key: 'example', width: 40 },
  ];
  columns.getRow(1).font = bold;
  for (const c of DUTY_COLUMNS) {
    columns.addRow({
      name: c.name,
      required: c.required ? '是' : '否',
      meaning: c.meaning,
      example: c.example,
    });
  }
  columns.addRow({});
  columns.addRow({
    name: '说明',
    meaning:
      '第一个工作表的首行为列名（须为以上各列，顺序不限）。每行一项职权；同一职权各部门使用同一职权编码。责任事项、追责情形以“；”分隔。新导入的清单自其生效日期起取代该部门此前的清单。',
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
