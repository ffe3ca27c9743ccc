// 行政执法决定公示 without login (issue 15): the published licensing and penalty decisions, masked as
// the 双公示 standard and src/core/privacy require, and the same as open data (JSON and CSV, a page at
// a time, with an ETag of the page's content and a cache lifetime). Only what `publications.fields`
// holds is ever returned: the masking happened when the decision was published. Rate-limited per
// client like the complaint channel.

import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PARTY_TYPES } from '../../core/acts/codes.js';
import { safeCsvCell } from '../../core/csv-cell.js';
import {
  PUBLICATION_CATEGORIES,
  PUBLICATION_CATEGORY_LABELS,
  type PublishedDecision,
} from '../../core/disclosure/index.js';
import {
  CURSOR_PATTERN,
  findPublicDecision,
  listPublicDecisions,
  PUBLIC_TOTAL_CAP,
  type PublicDecisionRow,
  parseCursor,
} from '../../store/publications.repository.js';
import { notFound } from '../errors.js';
import { errorSchema, pageOf, pageQuery } from '../schemas.js';

const text = z.string().nullable();

export const publishedFieldsSchema = z.object({
  documentNo: text.describe('决定书文号'),
  itemName: text.describe('项目名称（许可）/处罚名称（处罚）'),
  category: text.describe('审批类别/处罚类别'),
  content: text.describe('许可内容'),
  reason: text.describe('处罚事由'),
  basis: text.describe('处罚依据'),
  result: text.describe('处罚结果'),
  party: z
    .object({
      type: z.enum(PARTY_TYPES),
      name: text.describe('单位全称；自然人姓名隐去名字（张某某）'),
      creditCode: text.describe('统一社会信用代码（仅单位）'),
    })
    .nullable(),
});

const publicDecisionSchema = z.object({
  id: z.string(),
  category: z.enum(PUBLICATION_CATEGORIES),
  categoryLabel: z.string(),
  agency: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  decidedOn: z.string(),
  publishedOn: z.string().nullable(),
  fields: publishedFieldsSchema,
});
type PublicDecision = z.infer<typeof publicDecisionSchema>;

const EMPTY: PublishedDecision = {
  documentNo: null,
  itemName: null,
  category: null,
  content: null,
  reason: null,
  basis: null,
  result: null,
  party: null,
};

/** A stored publication as the public sees it: its masked fields, nothing else. */
function present(r: PublicDecisionRow): PublicDecision {
  const f = (r.fields ?? EMPTY) as PublishedDecision;
  return {
    id: r.id,
    category: r.category,
    categoryLabel: PUBLICATION_CATEGORY_LABELS[r.category],
    agency: { id: r.agencyId, name: r.agencyName ?? null },
    decidedOn: r.decidedOn,
    publishedOn: r.publishedOn,
    fields: {
      documentNo: f.documentNo,
      itemName: f.itemName,
      category: f.category,
      content: f.content,
      reason: f.reason,
      basis: f.basis,
      result: f.result,
      party: f.party
        ? {
            type: f.party.type,
            name: f.party.name,
            creditCode: f.party.type === 'org' ? f.party.creditCode : null,
          }
        : null,
    },
  };
}

const filterQuery = {
  category: z.enum(PUBLICATION_CATEGORIES).optional(),
  agency: z.string().trim().min(1).max(40).optional(),
  year: z.coerce.number().int().min(1990).max(2199).optional(),
  q: z.string().trim().min(1).max(100).optional(),
};

/** Open data pages are larger than the portal's; `after` (the `next` of a page) reads on by keyset. */
const openDataQuery = z.object({
  ...filterQuery,
  page: pageQuery.page,
  pageSize: z.coerce.number().int().min(1).max(1000).default(500),
  after: z
    .string()
    .regex(CURSOR_PATTERN, { message: '须为上一页响应中的 next' })
    .optional()
    .describe('上一页的 next：按游标读取下一页（代替 page，末页与首页一样快）'),
});

/** A page of decisions: the total counted up to the cap, and the next page's cursor. */
const decisionPage = pageOf(publicDecisionSchema).extend({
  total: z.number().int().describe(`总数，至多计到 ${PUBLIC_TOTAL_CAP}`),
  totalCapped: z.boolean().describe(`总数超过 ${PUBLIC_TOTAL_CAP}（只计到此数）`),
  next: z.string().nullable().describe('下一页的游标（after 参数）；没有下一页为 null'),
});

/** How long a client or proxy may reuse a page of open data before revalidating. */
const OPEN_DATA_CACHE = 'public, max-age=300';

/** The CSV columns of the open data, with their Chinese headers (双公示 names). */
const CSV_COLUMNS: [string, (d: PublicDecision) => string | null][] = [
  ['编号', (d) => d.id],
  ['类别', (d) => d.categoryLabel],
  ['决定书文号', (d) => d.fields.documentNo],
  ['项目名称/处罚名称', (d) => d.fields.itemName],
  ['审批类别/处罚类别', (d) => d.fields.category],
  ['许可内容', (d) => d.fields.content],
  ['处罚事由', (d) => d.fields.reason],
  ['处罚依据', (d) => d.fields.basis],
  ['处罚结果', (d) => d.fields.result],
  ['相对人名称', (d) => d.fields.party?.name ?? null],
  ['统一社会信用代码', (d) => d.fields.party?.creditCode ?? null],
  ['决定机关', (d) => d.agency.name],
  ['决定日期', (d) => d.decidedOn],
  ['公示日期', (d) => d.publishedOn],
];

export function decisionsCsv(items: PublicDecision[]): string {
  const lines = [CSV_COLUMNS.map(([h]) => h).join(',')];
  for (const d of items) lines.push(CSV_COLUMNS.map(([, f]) => safeCsvCell(f(d))).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/**
 * Send a page of open data with a strong ETag of its bytes and Cache-Control; 304 with no body when
 * the client's If-None-Match names it.
 */
export function sendCached(req: FastifyRequest, reply: FastifyReply, body: string, type: string) {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  reply.header('ETag', etag).header('Cache-Control', OPEN_DATA_CACHE).header('Vary', 'Accept-Encoding');
  const match = req.headers['if-none-match'];
  if (match?.split(',').some((t) => t.trim() === etag || t.trim() === `W/${etag}`))
    return reply.code(304).send();
  return reply.type(type).send(body);
}

export default async function publicDecisionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const rateLimit = { max: app.rateLimits.public, timeWindow: '1 minute' };

  r.get(
    '/public/decisions',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '行政执法决定公示（行政许可、行政处罚，无需登录）',
        querystring: z.object({ ...filterQuery, ...pageQuery }),
        response: { 200: decisionPage, 400: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const p = await listPublicDecisions(db(), f, { page, pageSize });
      return { ...p, items: p.items.map(present) };
    },
  );

  r.get(
    '/public/decisions/:id',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '一项公示的行政执法决定',
        params: z.object({ id: z.uuid({ message: '编号无效' }) }),
        response: { 200: publicDecisionSchema, 400: errorSchema, 404: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      const row = await findPublicDecision(db(), req.params.id);
      if (!row) throw notFound('未找到该公示信息（可能已撤回或公示期满）');
      return present(row);
    },
  );

  r.get(
    '/public/open-data/decisions.json',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '开放数据：行政执法决定（JSON，分页，ETag）',
        description: '每页至多 1000 条；响应带 ETag 与 Cache-Control，可用 If-None-Match 条件请求（304）。',
        querystring: openDataQuery,
        response: { 200: decisionPage, 304: z.null(), 400: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const { page, pageSize, after, ...f } = req.query;
      const p = await listPublicDecisions(db(), f, { page, pageSize }, after ? parseCursor(after) : null);
      const body = JSON.stringify({ ...p, items: p.items.map(present) });
      return sendCached(req, reply, body, 'application/json; charset=utf-8');
    },
  );

  r.get(
    '/public/open-data/decisions.csv',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '开放数据：行政执法决定（CSV，分页，ETag）',
        description:
          'UTF-8（带 BOM）CSV，首行为列名；分页参数同 JSON；总数见响应头 X-Total-Count（超过上限时另有 X-Total-Capped），下一页的游标见 X-Next-Cursor。响应带 ETag 与 Cache-Control。',
        querystring: openDataQuery,
        produces: ['text/csv'],
        response: {
          200: z.string().describe('CSV'),
          304: z.null(),
          400: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { page, pageSize, after, ...f } = req.query;
      const p = await listPublicDecisions(db(), f, { page, pageSize }, after ? parseCursor(after) : null);
      reply.header('X-Total-Count', String(p.total));
      if (p.totalCapped) reply.header('X-Total-Capped', 'true');
      if (p.next) reply.header('X-Next-Cursor', p.next);
      return sendCached(req, reply, decisionsCsv(p.items.map(present)), 'text/csv; charset=utf-8');
    },
  );
}
