// Officers in spreadsheets: the import template, parsing an uploaded .xlsx with per-row
// errors, and export of a filtered list. Headers and values are the ones offices use.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import { type FieldError, fieldsFromZod } from '../core/validation.js';
import type { OfficerRow } from '../store/officers.repository.js';
import { type XlsxColumn, xlsxStream } from './xlsx-stream.js';

export const STAFFING_LABELS = {
  administrative: '行政编制',
  civil_service_managed: '参公事业编制',
  institution: '事业编制',
} as const;
export const CERT_LABELS = { valid: '有效', suspended: '暂扣', revoked: '注销' } as const;
const EFFECTIVE_LABELS = { ...CERT_LABELS, expired: '已过期', none: '无证' } as const;

const COLUMNS = [
  { key: 'name', header: '姓名', width: 12 },
  { key: 'agencyId', header: '所属机关编码', width: 16 },
  { key: 'gender', header: '性别', width: 8 },
  { key: 'staffing', header: '编制类型', width: 14 },
  { key: 'post', header: '岗位', width: 14 },
  { key: 'phone', header: '联系电话', width: 16 },
  { key: 'certificateNumber', header: '执法证号', width: 16 },
  { key: 'issuedOn', header: '发证日期', width: 14 },
  { key: 'validUntil', header: '有效期至', width: 14 },
  { key: 'certificateStatus', header: '证件状态', width: 10 },
] as const;

type Key = (typeof COLUMNS)[number]['key'];

const invert = <T extends Record<string, string>>(m: T) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [v, k])) as Record<string, keyof T>;
const staffingByLabel = invert(STAFFING_LABELS);
const certByLabel = invert(CERT_LABELS);

const dateText = z.string().refine(isIsoDate, { message: '日期应为 YYYY-MM-DD' });

const rowSchema = z
  .object({
    name: z.string().trim().min(1, { message: '姓名必填' }).max(50),
    agencyId: z.string().trim().min(1, { message: '所属机关编码必填' }),
    gender: z.enum(['男', '女']).optional(),
    staffing: z
      .string()
      .refine((v) => v in staffingByLabel, { message: '编制类型应为 行政编制/参公事业编制/事业编制' }),
    post: z.string().trim().max(50).optional(),
    phone: z.string().trim().max(40).optional(),
    certificateNumber: z
      .string()
      .trim()
      .regex(/^\d{8,20}$/, { message: '执法证号应为 8–20 位数字' }),
    issuedOn: dateText,
    validUntil: dateText,
    certificateStatus: z
      .string()
      .refine((v) => v in certByLabel, { message: '证件状态应为 有效/暂扣/注销' })
      .optional(),
  })
  .refine((r) => r.validUntil >= r.issuedOn, { path: ['validUntil'], message: '有效期至不得早于发证日期' });

export interface ImportedOfficer {
  row: number;
  name: string;
  agencyId: string;
  gender: 'M' | 'F' | null;
  staffing: keyof typeof STAFFING_LABELS;
  post: string | null;
  phone: string | null;
  certificate: { number: string; issuedOn: string; validUntil: string; status: keyof typeof CERT_LABELS };
}

function cellText(v: ExcelJS.CellValue): string | undefined {
  if (v === null || v === undefined) return undefined;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    return undefined;
  }
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

/** Limits of an uploaded sheet: rows of officers, cells in a row, cells in all. */
export const OFFICER_SHEET_LIMITS = { rows: 10_000, columns: 64, cells: 200_000 };

type RawRow = { number: number; values: ExcelJS.CellValue[] };

/**
 * The rows of the first worksheet, streamed (the workbook is never built in memory), stopping at
 * the limits: a message when a limit is passed or the file is no workbook.
 */
async function* sheetRows(
  buffer: Buffer,
  limits: typeof OFFICER_SHEET_LIMITS,
): AsyncGenerator<RawRow, string | null> {
  // An .xlsx is a zip archive; the streaming reader never settles on an empty or non-zip buffer.
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50)
    return '无法读取文件，请上传 .xlsx 格式的表格';
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buffer]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let rows = 0;
  let cells = 0;
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const values = row.values as ExcelJS.CellValue[];
        if (values.length - 1 > limits.columns)
          return `第 ${row.number} 行超过 ${limits.columns} 列，请只保留模板中的列`;
        if (row.number > 1 && ++rows > limits.rows) return `表格超过 ${limits.rows} 行，请分成多个文件导入`;
        cells += row.cellCount;
        if (cells > limits.cells) return `表格超过 ${limits.cells} 个单元格，请分成多个文件导入`;
        yield { number: row.number, values };
      }
      return null; // the first worksheet only
    }
    return '表格中没有工作表';
  } catch {
    return '无法读取文件，请上传 .xlsx 格式的表格';
  }
}

/**
 * Parse an uploaded sheet, streamed and within OFFICER_SHEET_LIMITS. Returns rows and every problem
 * found (path `rows[7].执法证号`).
 */
export async function parseOfficerSheet(
  buffer: Buffer,
  limits = OFFICER_SHEET_LIMITS,
): Promise<{ rows: ImportedOfficer[]; errors: FieldError[] }> {
  const colOf = new Map<Key, number>();
  const rows: ImportedOfficer[] = [];
  const errors: FieldError[] = [];
  const seenNumbers = new Map<string, number>();
  const it = sheetRows(buffer, limits);
  let header = true;
  for (;;) {
    const next = await it.next();
    if (next.done) {
      if (next.value) return { rows: [], errors: [{ path: 'file', message: next.value }] };
      break;
    }
    const { number: r, values } = next.value;
    if (header) {
      header = false;
      values.forEach((v, col) => {
        const text = cellText(v);
        const c = COLUMNS.find((x) => x.header === text);
        if (c) colOf.set(c.key, col);
      });
      const missing = COLUMNS.filter(
        (c) =>
          c.key !== 'certificateStatus' &&
          c.key !== 'post' &&
          c.key !== 'phone' &&
          c.key !== 'gender' &&
          !colOf.has(c.key),
      );
      if (missing.length > 0) {
        return {
          rows: [],
          errors: missing.map((c) => ({ path: `header.${c.header}`, message: `缺少列“${c.header}”` })),
        };
      }
      continue;
    }
    const raw: Partial<Record<Key, string>> = {};
    for (const [key, col] of colOf) raw[key] = cellText(values[col]);
    if (Object.values(raw).every((v) => v === undefined)) continue; // blank line
    const parsed = rowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const f of fieldsFromZod(parsed.error)) {
        const header = COLUMNS.find((c) => c.key === f.path)?.header ?? f.path;
        errors.push({ path: `rows[${r}].${header}`, message: f.message });
      }
      continue;
    }
    const v = parsed.data;
    const dup = seenNumbers.get(v.certificateNumber);
    if (dup) errors.push({ path: `rows[${r}].执法证号`, message: `与第 ${dup} 行的执法证号重复` });
    seenNumbers.set(v.certificateNumber, r);
    rows.push({
      row: r,
      name: v.name,
      agencyId: v.agencyId,
      gender: v.gender === '男' ? 'M' : v.gender === '女' ? 'F' : null,
      staffing: staffingByLabel[v.staffing],
      post: v.post ?? null,
      phone: v.phone ?? null,
      certificate: {
        number: v.certificateNumber,
        issuedOn: v.issuedOn,
        validUntil: v.validUntil,
        status: v.certificateStatus ? certByLabel[v.certificateStatus] : 'valid',
      },
    });
  }
  if (header) return { rows: [], errors: [{ path: 'file', message: '表格中没有数据行' }] };
  if (rows.length === 0 && errors.length === 0) errors.push({ path: 'file', message: '表格中没有数据行' });
  return { rows, errors };
}

function sheetWithHeaders(wb: ExcelJS.Workbook, name: string) {
  const ws = wb.addWorksheet(name);
  ws.columns = COLUMNS.map((c) => ({ header: c.header, key: c.key, width: c.width }));
  ws.getRow(1).font = { bold: true };
  return ws;
}

export async function officerTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = sheetWithHeaders(wb, '执法人员');
  ws.addRow({
    name: '张三',
    agencyId: '529900-SCJ',
    gender: '男',
    staffing: '行政编制',
    post: '执法科员',
    phone: '13800000000',
    certificateNumber: '52990099001',
    issuedOn: '2025-01-01',
    validUntil: '2029-12-31',
    certificateStatus: '有效',
  });
  const notes = wb.addWorksheet('填写说明');
  notes.addRows([
    ['列', '说明'],
    ['所属机关编码', '如 529900-SCJ，须为您有权管理的机关'],
    ['编制类型', '行政编制 / 参公事业编制 / 事业编制'],
    ['日期', 'YYYY-MM-DD 格式，或 Excel 日期'],
    ['证件状态', '有效 / 暂扣 / 注销，留空为有效'],
  ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const EXPORT_COLUMNS: XlsxColumn[] = [
  { header: '编号', key: 'id', width: 10 },
  { header: '姓名', key: 'name', width: 12 },
  { header: '所属机关', key: 'agencyName', width: 24 },
  { header: '所属机关编码', key: 'agencyId', width: 16 },
  { header: '性别', key: 'gender', width: 8 },
  { header: '编制类型', key: 'staffing', width: 14 },
  { header: '岗位', key: 'post', width: 14 },
  { header: '联系电话', key: 'phone', width: 16 },
  { header: '执法证号', key: 'certificateNumber', width: 16 },
  { header: '有效期至', key: 'validUntil', width: 14 },
  { header: '证件状态', key: 'certStatus', width: 10 },
];

async function* exportRows(pages: AsyncIterable<OfficerRow[]>): AsyncGenerator<Record<string, unknown>[]> {
  for await (const page of pages) {
    yield page.map((o) => ({
      id: o.id,
      name: o.name,
      agencyName: o.agencyName,
      agencyId: o.agencyId,
      gender: o.gender === 'M' ? '男' : o.gender === 'F' ? '女' : '',
      staffing: STAFFING_LABELS[o.staffing],
      post: o.post ?? '',
      phone: o.phone ?? '',
      certificateNumber: o.certificateNumber ?? '',
      validUntil: o.certificateValidUntil ?? '',
      certStatus: EFFECTIVE_LABELS[o.certStatus],
    }));
  }
}

/** The officers as a workbook, streamed a page at a time. */
export function officersXlsxStream(pages: AsyncIterable<OfficerRow[]>): Readable {
  return xlsxStream('执法人员', EXPORT_COLUMNS, exportRows(pages));
}
