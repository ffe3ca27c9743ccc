// The audit log for the audit administrator (审计管理员): filtered list, export as CSV or
// .xlsx, and verification of its hash chain (the check `wenze audit verify` runs). Nobody else
// reads it here, and there is no way to delete from it (rows younger than six months cannot be
// deleted even in the database: migration 0004).

import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeCsvCell, spreadsheetSafe } from '../../core/csv-cell.js';
import { chinaDateTime } from '../../core/dates.js';
import { rolesFor } from '../../core/policies/user.js';
import { verifyAuditLog } from '../../store/audit.repository.js';
import {
  type AuditFilter,
  type AuditRow,
  auditLogRows,
  findAuditEntryTime,
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
  /** Rows up to this id (the table opened at a row, e.g. the first one verification refused). */
  maxId: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional(),
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

const verificationSchema = z.object({
  ok: z.boolean().describe('哈希链完整且与所有锚点相符'),
  checked: z.number().describe('校验通过的记录数（不一致时为第一条不一致记录之前的条数）'),
  firstBroken: z
    .object({
      id: z.number().describe('第一条被篡改、删除或插入的记录的编号'),
      at: z.string().nullable().describe('该记录的时间（记录已不存在时为 null）'),
      reason: z.string(),
    })
    .nullable(),
  anchor: z
    .object({ seq: z.number(), at: z.string() })
    .nullable()
    .describe('比对的最新锚点（尚无锚点时为 null）'),
  anchorErrors: z
    .array(z.object({ line: z.number(), reason: z.string() }))
    .describe('锚点文件中不是有效签名锚点的行'),
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
    page.push(`${cells(row).map(safeCsvCell).join(',')}\r\n`);
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
    page.push(Object.fromEntries(cells(row).map((v, i) => [`c${i}`, spreadsheetSafe(v)])));
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
      const name = `audit-log-${app.clock.today()}.${format}`;
      reply.header('content-disposition', `attachment; filename="${name}"`);
      // Streamed a page at a time (bounded memory), up to EXPORT_MAX_ROWS rows.
      const rows = limited(auditLogRows(db(), filter), EXPORT_MAX_ROWS);
      if (format === 'csv') {
        return reply.type('text/csv; charset=utf-8').send(Readable.from(csvLines(rows)));
      }
      return reply.type(XLSX_TYPE).send(xlsxStream('审计日志', XLSX_COLUMNS, xlsxPages(rows)));
    },
  );

  r.post(
    '/audit-log/verify',
    {
      onRequest: auditors,
      schema: {
        tags: ['system'],
        summary: '校验审计日志的完整性（哈希链与签名锚点）',
        description:
          '用审计密钥重新计算整条哈希链，并与密钥目录中签名的锚点比对（与 wenze audit verify 相同），指出第一条被篡改、删除或插入的记录。校验本身记入审计日志。',
        response: { 200: verificationSchema, ...errors },
      },
    },
    async (req) => {
      const result = await verifyAuditLog(db());
      const broken = result.brokenAt ?? null;
      // The row's time as stored (none when the row is gone: a deleted row an anchor names).
      const row = broken ? await findAuditEntryTime(db(), broken.id) : undefined;
      const out = {
        ok: result.ok,
        checked: result.checked,
        firstBroken: broken ? { id: broken.id, at: row ? iso(row.at) : null, reason: broken.reason } : null,
        anchor: result.anchor ?? null,
        anchorErrors: result.anchorErrors ?? [],
      };
      // Recorded after the check, so that the check is of the log as it was.
      await auditAs(req, db(), {
        regionCode: actorOf(req).regionCode,
        action: 'audit.verify',
        objectType: 'audit_log',
        objectId: 'verify',
        detail: { ok: out.ok, checked: out.checked, firstBrokenId: broken?.id ?? null },
      });
      return out;
    },
  );
}
