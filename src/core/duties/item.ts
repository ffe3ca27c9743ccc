// One item of a duty list (权责清单, issue 13) as the checks and the import use it, its zod schema,
// and the parsing of a row of cells named by the Chinese column names (columns.ts) into an item.
// A row's problems come back as `{ row, column, message }`, the column by its Chinese name, so that
// a bad file can be answered with "第 5 行「职权类型」…". Pure: the readers of .csv/.xlsx files live
// outside core (src/store/duties-formats.ts).
import { z } from 'zod';
import { CATALOGUE_CODES } from '../rulebook/catalogue.js';
import { isSafeText, UNSAFE_TEXT_MESSAGE, ValidationError } from '../validation.js';
import {
  COMPLETENESS_COLUMNS,
  type CompletenessColumn,
  csvLine,
  DUTY_COLUMN_NAMES,
  DUTY_ROLE_ALIASES,
  DUTY_ROLE_LABELS,
  DUTY_ROLES,
  DUTY_SEPARATOR,
  DUTY_STAGE_ALIASES,
  DUTY_STAGE_LABELS,
  DUTY_STAGES,
  type DutyColumnName,
  type DutyRole,
  type DutyStage,
  POWER_TYPE_ALIASES,
  POWER_TYPE_LABELS,
  POWER_TYPES,
  type PowerType,
} from './columns.js';

/** A base code of a power (职权编码): letters, digits, "-", "." and "_", starting with a letter or digit. */
export const DUTY_CODE = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;
/**
 * An agency code: the 6-digit administrative division code (GB/T 2260) that begins it, then the
 * agency's own part — `529900-SCJ`, or a 22-digit body code (PRACTICE.md (c)).
 */
export const AGENCY_CODE = /^(\d{6})[0-9A-Za-z_-]{1,58}$/;
const ASCII_CODE_LIKE = /^[\x21-\x7e]+$/;

/** A parsed item. Dates are ISO days; the item is in force on `effectiveFrom` ≤ d < `effectiveUntil`. */
export interface DutyItem {
  /** The row of the file it came from (the header is row 1), or its position in a generated list. */
  row: number;
  /** 职权编码. */
  code: string;
  /** 职权名称. */
  name: string;
  /** 职权类型. */
  type: PowerType;
  /** 实施主体: an agency code (`529900-SCJ`) or a full name as written. */
  agency: string;
  /** The 6-digit division code that begins the agency's code; null for an agency given by name. */
  region: string | null;
  /** 承办机构. */
  unit: string | null;
  /** 主办或协办. */
  role: DutyRole;
  /** 设定依据. */
  basis: string | null;
  /** 责任事项, one entry per "；"-separated part (see `dutyStage`). */
  duties: string[];
  /** 追责情形: catalogue codes (`penalty.03`) or texts. */
  accountability: string[];
  /** 法定办结时限. */
  timeLimit: string | null;
  /** 生效日期. */
  effectiveFrom: string;
  /** 失效日期: the first day no longer in force; null while in force. */
  effectiveUntil: string | null;
  /** The import that brought it (1, 2, …) per agency, set by `supersede`. */
  version?: number;
}

/** A problem of one cell: the row of the file and the column by its Chinese name. */
export interface RowError {
  row: number;
  column: DutyColumnName | '(表头)';
  message: string;
}

/** A row as read from a file: its number and its cells by column name (missing = empty). */
export interface DutyRow {
  row: number;
  cells: Readonly<Partial<Record<string, string | null | undefined>>>;
}

// --- vocabulary lookups ---------------------------------------------------------------------------

const byLabel = <C extends string>(
  codes: readonly C[],
  labels: Readonly<Record<C, string>>,
  aliases: Readonly<Record<string, C>>,
): Map<string, C> => {
  const m = new Map<string, C>();
  for (const c of codes) {
    m.set(c, c);
    m.set(labels[c], c);
  }
  for (const [k, c] of Object.entries(aliases)) m.set(k, c);
  return m;
};
const POWER_TYPE_OF = byLabel(POWER_TYPES, POWER_TYPE_LABELS, POWER_TYPE_ALIASES);
const ROLE_OF = byLabel(DUTY_ROLES, DUTY_ROLE_LABELS, DUTY_ROLE_ALIASES);

/** The power type a cell names (code, label or alias), or undefined. */
export function powerTypeOf(s: string): PowerType | undefined {
  return POWER_TYPE_OF.get(s.trim());
}

/** The role a cell names (主办/协办, lead/assist, 牵头/配合), or undefined. */
export function dutyRoleOf(s: string): DutyRole | undefined {
  return ROLE_OF.get(s.trim());
}

const STAGE_NAMES: [string, DutyStage][] = [
  ...DUTY_STAGES.map((s) => [DUTY_STAGE_LABELS[s], s] as [string, DutyStage]),
  ...Object.entries(DUTY_STAGE_ALIASES),
].sort((a, b) => b[0].length - a[0].length);

/**
 * The stage a responsibility item is for, by the name it begins with ("立案责任：…", "送达：…",
 * "受理环节…"), or null (事后监管责任, 其他责任, …).
 */
export function dutyStage(text: string): DutyStage | null {
  const t = text.trim();
  for (const [name, stage] of STAGE_NAMES) if (t.startsWith(name)) return stage;
  return null;
}

/** The agency and its region a 实施主体 cell names, or the problem with it. */
export function parseAgency(s: string): { agency: string; region: string | null } | { error: string } {
  const agency = s.trim();
  const code = AGENCY_CODE.exec(agency);
  if (code) return { agency, region: code[1] };
  if (ASCII_CODE_LIKE.test(agency)) {
    return { error: '机构编码应以 6 位行政区划代码开头，如 529900-SCJ；或填写机关全称' };
  }
  return { agency, region: null };
}

/** A "；"- or ";"-separated cell as its non-empty parts. */
export function splitList(s: string | null | undefined): string[] {
  if (s == null) return [];
  return s
    .split(DUTY_SEPARATOR)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}

const CATALOGUE_CODE_LIKE = /^[a-z]+\.\d{2}$/;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** A real calendar day in YYYY-MM-DD form, without a Date (a list has 100,000 rows of two each). */
export function isIsoDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (m === null) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (mo === 2 && leap ? 29 : MONTH_DAYS[mo - 1]);
}

/** Any surrogate: with a NUL, only then the exact check runs (it costs more). */
const SURROGATE = /[\ud800-\udfff]/;
const safeText = (s: string) => (!s.includes('\u0000') && !SURROGATE.test(s)) || isSafeText(s);

// --- the item schema ---------------------------------------------------------------------------------

const safe = (max: number) =>
  z
    .string()
    .min(1, { message: '不能为空' })
    .max(max, { message: `不能超过 ${max} 个字符` })
    .refine(isSafeText, { message: UNSAFE_TEXT_MESSAGE });
const isoDate = z.string().refine(isIsoDay, { message: '日期应为 YYYY-MM-DD 且为有效日期' });
const accountabilityEntry = safe(500).refine((s) => !CATALOGUE_CODE_LIKE.test(s) || CATALOGUE_CODES.has(s), {
  message: '未知的过错行为目录编号（见 wenze catalog）',
});

/** One parsed item (what `parseDutyRows` returns and the import stores). */
export const dutyItemSchema = z
  .object({
    row: z.number().int().min(1),
    code: safe(64).regex(DUTY_CODE, { message: '职权编码只能含字母、数字、“-”“.”“_”' }),
    name: safe(200),
    type: z.enum(POWER_TYPES),
    agency: safe(100),
    region: z
      .string()
      .regex(/^\d{6}$/, { message: '应为 6 位行政区划代码' })
      .nullable(),
    unit: safe(100).nullable(),
    role: z.enum(DUTY_ROLES),
    basis: safe(2000).nullable(),
    duties: z.array(safe(1000)),
    accountability: z.array(accountabilityEntry),
    timeLimit: safe(50).nullable(),
    effectiveFrom: isoDate,
    effectiveUntil: isoDate.nullable(),
    version: z.number().int().min(1).optional(),
  })
  .superRefine((item, ctx) => {
    if (item.effectiveUntil !== null && item.effectiveUntil <= item.effectiveFrom) {
      ctx.addIssue({ code: 'custom', path: ['effectiveUntil'], message: '失效日期须晚于生效日期' });
    }
    const parsed = parseAgency(item.agency);
    if ('error' in parsed) ctx.addIssue({ code: 'custom', path: ['agency'], message: parsed.error });
    else if (parsed.region !== null && item.region !== parsed.region) {
      ctx.addIssue({ code: 'custom', path: ['region'], message: '应为机构编码开头的 6 位行政区划代码' });
    }
  });

// --- rows -----------------------------------------------------------------------------------------------

/** Which completeness columns an item lacks (empty when complete). */
export function missingOf(item: DutyItem): CompletenessColumn[] {
  if (item.basis !== null && item.duties.length > 0 && item.accountability.length > 0) return [];
  const missing: CompletenessColumn[] = [];
  for (const c of COMPLETENESS_COLUMNS) {
    if (
      c === '设定依据'
        ? item.basis === null
        : (c === '责任事项' ? item.duties : item.accountability).length === 0
    )
      missing.push(c);
  }
  return missing;
}

const LIMITS: Partial<Record<DutyColumnName, number>> = {
  职权编码: 64,
  职权名称: 200,
  实施主体: 100,
  承办机构: 100,
  设定依据: 2000,
  法定办结时限: 50,
};
const PART_LIMITS: Partial<Record<DutyColumnName, number>> = { 责任事项: 1000, 追责情形: 500 };
const REQUIRED = new Set<DutyColumnName>([
  '职权编码',
  '职权名称',
  '职权类型',
  '实施主体',
  '主办或协办',
  '生效日期',
]);

/** One row as an item, or its problems (every one, each naming its column). */
export function parseDutyRow(input: DutyRow): { item: DutyItem } | { errors: RowError[] } {
  const { row } = input;
  const errors: RowError[] = [];
  const fail = (column: DutyColumnName, message: string) => errors.push({ row, column, message });
  const cell = (column: DutyColumnName): string | null => {
    const v = input.cells[column];
    if (v == null) return null;
    const s = String(v).trim();
    if (s === '') return null;
    if (!safeText(s)) {
      fail(column, UNSAFE_TEXT_MESSAGE);
      return null;
    }
    const max = LIMITS[column];
    if (max !== undefined && s.length > max) {
      fail(column, `不能超过 ${max} 个字符`);
      return null;
    }
    return s;
  };
  const values = {} as Record<DutyColumnName, string | null>;
  for (const c of DUTY_COLUMN_NAMES) {
    values[c] = cell(c);
    if (values[c] === null && REQUIRED.has(c) && !errors.some((e) => e.column === c)) fail(c, '必填');
  }

  const code = values.职权编码;
  if (code !== null && !DUTY_CODE.test(code)) fail('职权编码', '职权编码只能含字母、数字、“-”“.”“_”');
  const typeCell = values.职权类型;
  const type = typeCell === null ? undefined : powerTypeOf(typeCell);
  if (typeCell !== null && type === undefined) {
    fail(
      '职权类型',
      `“${typeCell}”不是职权类型；可选：${POWER_TYPES.map((t) => POWER_TYPE_LABELS[t]).join('、')}`,
    );
  }
  const roleCell = values.主办或协办;
  const role = roleCell === null ? undefined : dutyRoleOf(roleCell);
  if (roleCell !== null && role === undefined) fail('主办或协办', `“${roleCell}”应为 主办 或 协办`);
  let agency: { agency: string; region: string | null } | undefined;
  if (values.实施主体 !== null) {
    const a = parseAgency(values.实施主体);
    if ('error' in a) fail('实施主体', a.error);
    else agency = a;
  }
  const lists = {} as Record<'责任事项' | '追责情形', string[]>;
  for (const c of ['责任事项', '追责情形'] as const) {
    const parts = splitList(values[c]);
    const max = PART_LIMITS[c] ?? 1000;
    const long = parts.find((p) => p.length > max);
    if (long !== undefined) fail(c, `每项不能超过 ${max} 个字符`);
    lists[c] = parts;
  }
  const unknown = lists.追责情形.find((p) => CATALOGUE_CODE_LIKE.test(p) && !CATALOGUE_CODES.has(p));
  if (unknown !== undefined) fail('追责情形', `未知的过错行为目录编号 ${unknown}（见 wenze catalog）`);
  for (const c of ['生效日期', '失效日期'] as const) {
    const d = values[c];
    if (d !== null && !isIsoDay(d)) fail(c, `“${d}”不是有效日期，应为 YYYY-MM-DD`);
  }
  const from = values.生效日期;
  const until = values.失效日期;
  if (from !== null && until !== null && isIsoDay(from) && isIsoDay(until) && until <= from) {
    fail('失效日期', '失效日期须晚于生效日期');
  }
  if (errors.length > 0) return { errors };
  return {
    item: {
      row,
      code: code!,
      name: values.职权名称!,
      type: type!,
      agency: agency!.agency,
      region: agency!.region,
      unit: values.承办机构,
      role: role!,
      basis: values.设定依据,
      duties: lists.责任事项,
      accountability: lists.追责情形,
      timeLimit: values.法定办结时限,
      effectiveFrom: from!,
      effectiveUntil: until,
    },
  };
}

/** Every row as an item; every problem of every row. */
export function parseDutyRows(rows: Iterable<DutyRow>): { items: DutyItem[]; errors: RowError[] } {
  const items: DutyItem[] = [];
  const errors: RowError[] = [];
  for (const r of rows) {
    const out = parseDutyRow(r);
    if ('item' in out) items.push(out.item);
    else errors.push(...out.errors);
  }
  return { items, errors };
}

/**
 * The problems of a header row: each column of the list missing, each header the list does not
 * have, each header given twice. Order does not matter; the template keeps the issue's order.
 */
export function checkDutyHeaders(headers: readonly string[]): RowError[] {
  const errors: RowError[] = [];
  const known = new Set<string>(DUTY_COLUMN_NAMES);
  const seen = new Set<string>();
  for (const h of headers) {
    if (h === '') continue;
    if (!known.has(h)) {
      errors.push({
        row: 1,
        column: '(表头)',
        message: `未知的列“${h}”；列应为：${DUTY_COLUMN_NAMES.join('、')}`,
      });
    } else if (seen.has(h)) {
      errors.push({ row: 1, column: h as DutyColumnName, message: `列“${h}”重复` });
    }
    seen.add(h);
  }
  for (const c of DUTY_COLUMN_NAMES) {
    if (!seen.has(c)) errors.push({ row: 1, column: c, message: `缺少列“${c}”` });
  }
  return errors;
}

/** An item as the cells of a row, by column name (for templates, exports and tests). */
export function dutyItemCells(item: DutyItem): Record<DutyColumnName, string> {
  return {
    职权编码: item.code,
    职权名称: item.name,
    职权类型: POWER_TYPE_LABELS[item.type],
    实施主体: item.agency,
    承办机构: item.unit ?? '',
    主办或协办: DUTY_ROLE_LABELS[item.role],
    设定依据: item.basis ?? '',
    责任事项: item.duties.join('；'),
    追责情形: item.accountability.join('；'),
    法定办结时限: item.timeLimit ?? '',
    生效日期: item.effectiveFrom,
    失效日期: item.effectiveUntil ?? '',
  };
}

/** At most this many problems are named in one error (the message gives the total). */
export const MAX_REPORTED_ERRORS = 50;

/** Row problems as the error a CLI (exit 2) or the API (400) answers with: "第 5 行 职权类型: …". */
export function dutyRowsError(errors: readonly RowError[], source = '权责清单'): ValidationError {
  const rows = new Set(errors.map((e) => e.row)).size;
  return new ValidationError(`${source}有 ${errors.length} 处错误${rows > 1 ? `（涉及 ${rows} 行）` : ''}`, [
    ...errors
      .slice(0, MAX_REPORTED_ERRORS)
      .map((e) => ({ path: `第 ${e.row} 行 ${e.column}`, message: e.message })),
    ...(errors.length > MAX_REPORTED_ERRORS
      ? [{ path: '…', message: `另有 ${errors.length - MAX_REPORTED_ERRORS} 处错误未列出` }]
      : []),
  ]);
}

/** Items as a CSV text with the header row (CRLF line ends), as an export or a test file. */
export function dutyItemsCsv(items: Iterable<DutyItem>): string {
  const lines = [csvLine(DUTY_COLUMN_NAMES)];
  for (const item of items) {
    const cells = dutyItemCells(item);
    lines.push(csvLine(DUTY_COLUMN_NAMES.map((c) => cells[c])));
  }
  return `${lines.join('\r\n')}\r\n`;
}
