// The audit log for the audit administrator (审计管理员): filtered list and export as CSV or
// .xlsx. Nobody else reads it here, and there is no way to delete from it (rows younger than
// six months cannot be deleted even in the database: migration 0004).
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaDateTime, todayInChina } from '../../core/dates.js';
import { rolesFor } from '../../core/policies/user.js';
import {
  type AuditFilter,
  type AuditRow,
  auditLogRows,
  listAuditLog,
} from '../../store/audit-log.repository.js';
import { auditAs } from '../audit.js';
import { HttpError } from '../errors.js';
import { auditDetail, errors, fileResponse, iso, isoDate, pageOf, pageQuery } from '../schemas.js';
import { actorOf } from '../types.js';
import { XLSX_TYPE, type XlsxColumn, xlsxStream } from '../xlsx-stream.js';

/** Exports stop here: narrow the filter for more. */
const EXPORT_MAX_ROWS = 200_000;

const text = (max: number) => z.string().trim().min(1).max(max).optional();
const filterQuery = {
  actor: text(64),
  objectType: text(40),
  objectId: text(100),
  action: text(60),
  from: isoDate.optional(),
  to: isoDate.optional(),
};

const rowSchema = z.object({
  id: z.number(),
  at: z.string(),
  regionCode: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string(),
  detail: auditDetail,
});

// The detail column is jsonb (not null, an object): JSON by construction.
const present = (r: AuditRow) => ({ ...r, at: iso(r.at)!, detail: r.detail as z.output<typeof auditDetail> });

function checkRange(f: AuditFilter) {
  if (f.from && f.to && f.from > f.to) {
    throw new HttpError(400, '结束日期不能早于开始日期', [
      { path: 'to', message: '结束日期不能早于开始日期' },
    ]);
  }
}

// A cell that a spreadsheet would run as a formula is quoted (CSV injection).
const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
const csvCell = (v: string) => {
  const s = safeCell(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const HEADERS = [
  '编号',
  '时间（北京时间）',
  '行政区划',
  '操作人',
  '操作人ID',
  '操作',
  '对象类型',
  '对象',
  '详情',
];
const cells = (r: AuditRow) => [
  String(r.id),
  chinaDateTime(r.at),
  r.regionCode,
  r.actorName ?? '',
  r.actorId ?? '',
  r.action,
  r.objectType,
  r.objectId,
  JSON.stringify(r.detail ?? {}),
];

const XLSX_COLUMNS: XlsxColumn[] = HEADERS.map((header, i) => ({
  header,
  key: `c${i}`,
  width: [8, 26, 10, 14, 38, 24, 14, 38, 60][i],
}));

async function* limited<T>(rows: AsyncIterable<T>, max: number): AsyncGenerator<T> {
  let n = 0;
  for await (const row of rows) {
    if (n++ >= max) return;
    yield row;
  }
}

/** The CSV, header first (with a BOM for spreadsheet programs), a page of lines at a time. */
async function* csvLines(rows: AsyncIterable<AuditRow>): AsyncGenerator<string> {
  yield `\ufeff${HEADERS.join(',')}\r\n`;
  let page: string[] = [];
  for await (const row of rows) {
    page.push(`${cells(row).map(csvCell).join(',')}\r\n`);
    if (page.length === 1000) {
      yield page.join('');
      page = [];
    }
  }
  if (page.length > 0) yield page.join('');
}

async function* xlsxPages(rows: AsyncIterable<AuditRow>): AsyncGenerator<Record<string, unknown>[]> {
  let page: Record<string, unknown>[] = [];
  for await (const row of rows) {
    page.push(Object.fromEntries(cells(row).map((v, i) => [`c${i}`, safeCell(v)])));
    if (page.length === 1000) {
      yield page;
      page = [];
    }
  }
  if (page.length > 0) yield page;
}

export default async function auditLogRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const auditors = app.requireRole(...rolesFor('read_audit'));

  r.get(
    '/audit-log',
    {
      onRequest: auditors,
      schema: {
        tags: ['system'],
        summary: '审计日志（审计管理员）',
        querystring: z.object({ ...filterQuery, ...pageQuery }),
        response: { 200: pageOf(rowSchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      checkRange(filter);
      const result = await listAuditLog(db(), filter, { page, pageSize });
      return { ...result, items: result.items.map(present) };
    },
  );

  r.get(
    '/audit-log/export',
    {
      onRequest: auditors,
      schema: {
        tags: ['system'],
        summary: '导出审计日志（CSV 或 Excel）',
        querystring: z.object({ ...filterQuery, format: z.enum(['csv', 'xlsx']).default('csv') }),
        response: {
          200: fileResponse('审计日志（format=csv 或 xlsx）', ['text/csv; charset=utf-8', XLSX_TYPE]),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const { format, ...filter } = req.query;
      checkRange(filter);
      // Exporting the log is itself recorded.
      await auditAs(req, db(), {
        regionCode: actorOf(req).regionCode,
        action: 'audit.export',
        objectType: 'audit_log',
        objectId: 'export',
        detail: { format, ...filter },
      });
      const name = `audit-log-${todayInChina()}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      // Streamed a page at a time (bounded memory), up to EXPORT_MAX_ROWS rows.
      const rows = limited(auditLogRows(db(), filter), EXPORT_MAX_ROWS);
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').send(Readable.from(csvLines(rows)));
      }
      return reply.type(XLSX_TYPE).send(xlsxStream('审计日志', XLSX_COLUMNS, xlsxPages(rows)));
    },
  );
}
