// Officers in spreadsheets: the import template, parsing an uploaded .xlsx with per-row
// errors, and export of a filtered list. Headers and values are the ones offices use.
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { isIsoDate } from '../core/dates.js';
import { type FieldError, fieldsFromZod } from '../core/validation.js';
import type { OfficerRow } from '../store/officers.repository.js';

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

/** Parse an uploaded sheet. Returns rows and every problem found (path `rows[7].执法证号`). */
export async function parseOfficerSheet(
  buffer: Buffer,
): Promise<{ rows: ImportedOfficer[]; errors: FieldError[] }> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch {
    return { rows: [], errors: [{ path: 'file', message: '无法读取文件，请上传 .xlsx 格式的表格' }] };
  }
  const ws = wb.worksheets[0];
  if (!ws) return { rows: [], errors: [{ path: 'file', message: '表格中没有工作表' }] };
  const headerRow = ws.getRow(1);
  const colOf = new Map<Key, number>();
  headerRow.eachCell((cell, col) => {
    const text = cellText(cell.value);
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
  const rows: ImportedOfficer[] = [];
  const errors: FieldError[] = [];
  const seenNumbers = new Map<string, number>();
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const raw: Partial<Record<Key, string>> = {};
    for (const [key, col] of colOf) raw[key] = cellText(row.getCell(col).value);
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

export async function officersToXlsx(rows: OfficerRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('执法人员');
  ws.columns = [
    { header: '编号', width: 10 },
    { header: '姓名', width: 12 },
    { header: '所属机关', width: 24 },
    { header: '所属机关编码', width: 16 },
    { header: '性别', width: 8 },
    { header: '编制类型', width: 14 },
    { header: '岗位', width: 14 },
    { header: '联系电话', width: 16 },
    { header: '执法证号', width: 16 },
    { header: '有效期至', width: 14 },
    { header: '证件状态', width: 10 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const o of rows) {
    ws.addRow([
      o.id,
      o.name,
      o.agencyName,
      o.agencyId,
      o.gender === 'M' ? '男' : o.gender === 'F' ? '女' : '',
      STAFFING_LABELS[o.staffing],
      o.post ?? '',
      o.phone ?? '',
      o.certificateNumber ?? '',
      o.certificateValidUntil ?? '',
      EFFECTIVE_LABELS[o.certStatus],
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
