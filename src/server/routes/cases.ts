// Accountability cases: list, detail, every workflow action as its own route (schema-first),
// evidence with SHA-256, generated documents, history, and the "due soon" list.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { regionCovers } from '../../core/policies/actor.js';
import { caseActorKinds, caseListScope } from '../../core/policies/case.js';
import { unsafeTextFields, ValidationError } from '../../core/validation.js';
import { CASE_ACTIONS, CASE_STATES } from '../../core/workflow/case.js';
import { isSubjectDocument } from '../../core/workflow/case-documents.js';
import { auditTrail } from '../../store/audit.repository.js';
import {
  findCaseFile,
  insertCaseEvidence,
  listCases,
  loadCase,
  loadCases,
} from '../../store/cases.repository.js';
import { listActiveSupervisors } from '../../store/users.repository.js';
import { auditAs } from '../audit.js';
import { actionSchemas, caseRefOf, performCaseAction } from '../cases/actions.js';
import { storeCaseDocuments } from '../cases/documents.js';
import { dueSoon, urgentCases } from '../cases/due.js';
import { caseHistoryFor, type HistoryRow } from '../cases/history.js';
import { caseDetailSchema, caseSummarySchema, presentCase, summaryOf, viewOf } from '../cases/present.js';
import { DOCX_TYPE, sendStoredFile } from '../download.js';
import { HttpError, notFound } from '../errors.js';
import { actionRoutes } from '../procedure.js';
import {
  errors,
  fileResponse,
  historySchema,
  pageOf,
  pageQuery,
  presentHistory,
  serialId,
} from '../schemas.js';
import { actorOf } from '../types.js';

const caseId = z.object({ id: z.uuid({ message: '案件编号无效' }) });
const summarySchema = caseSummarySchema;
const detailSchema = caseDetailSchema;

export default async function caseRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  async function visibleCase(req: Parameters<typeof actorOf>[0], id: string) {
    const c = await loadCase(db(), id);
    if (!c || viewOf(actorOf(req), c) === 'none') throw notFound('案件');
    return c;
  }

  r.get(
    '/cases',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '案件列表',
        querystring: z.object({
          state: z.enum(CASE_STATES).optional(),
          q: z.string().trim().max(100).optional(),
          agencyId: z.string().max(40).optional(),
          mine: z.enum(['true', 'false']).optional(),
          sort: z
            .enum(['recent', 'urgent'])
            .optional()
            .describe('recent: newest first (default); urgent: overdue first, then near, by due date'),
          ...pageQuery,
        }),
        response: { 200: pageOf(summarySchema), ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { page, pageSize, mine, sort, ...f } = req.query;
      const filter = { ...f, investigatorId: mine === 'true' ? actor.id : undefined };
      if (sort === 'urgent') {
        // Deadlines are computed on the working-day calendar, not stored: every match is ranked.
        const ranked = await urgentCases(app, actor, filter, { page, pageSize });
        return { ...ranked, page, pageSize };
      }
      const calendar = await app.calendar();
      const today = app.clock.today();
      // A page loads in a fixed number of queries; deadlines in memory.
      const result = await listCases(db(), caseListScope(actor), filter, { page, pageSize });
      const items = (await loadCases(db(), result.ids)).map((c) => summaryOf(c, actor, calendar, today));
      return { items, total: result.total, page, pageSize };
    },
  );

  r.get(
    '/cases/due-soon',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '我的临期与逾期事项（黄：临近，红：逾期）',
        response: {
          200: z.object({ items: z.array(summarySchema), overdue: z.number(), near: z.number() }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { items, overdue, near } = await dueSoon(app, actorOf(req));
      return { items, overdue, near };
    },
  );

  r.get(
    '/cases/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '案件详情',
        params: caseId,
        response: { 200: detailSchema, ...errors },
      },
    },
    async (req) =>
      presentCase(req, await visibleCase(req, req.params.id), await app.calendar(), app.clock.today()),
  );

  r.get(
    '/cases/:id/investigator-candidates',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '可指派的调查人员（辖区覆盖本案的执法监督机构人员）',
        params: caseId,
        response: {
          200: z.object({
            items: z.array(
              z.object({
                userId: z.string(),
                displayName: z.string(),
                username: z.string(),
                regionCode: z.string(),
                assigned: z.boolean(),
                recused: z.boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const c = await visibleCase(req, req.params.id);
      if (!caseActorKinds(actorOf(req), caseRefOf(c)).includes('supervisor'))
        throw new HttpError(403, '只有本辖区执法监督机构可以指派调查人员');
      const users = await listActiveSupervisors(db());
      return {
        items: users
          .filter((u) => regionCovers(u.regionCode, c.regionCode))
          .map((u) => {
            const inv = c.investigators.find((i) => i.userId === u.id);
            return {
              userId: u.id,
              displayName: u.displayName,
              username: u.username,
              regionCode: u.regionCode,
              assigned: Boolean(inv),
              recused: inv?.recused ?? false,
            };
          }),
      };
    },
  );

  r.get(
    '/cases/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '案件办理记录（审计日志）',
        params: caseId,
        response: {
          200: historySchema,
          ...errors,
        },
      },
    },
    async (req) => {
      const c = await visibleCase(req, req.params.id);
      const rows = await auditTrail(db(), 'case', c.id, 500);
      // The same view rules as the detail: what the detail hides, the history hides.
      const actor = actorOf(req);
      return presentHistory(caseHistoryFor(actor, viewOf(actor, c), rows as HistoryRow[]));
    },
  );

  actionRoutes(app, {
    base: '/cases',
    tags: ['cases'],
    noun: '案件',
    specs: CASE_ACTIONS,
    bodies: actionSchemas,
    params: caseId,
    response: detailSchema,
    run: async (req, id, action, body) => {
      await performCaseAction(req, id, action, body, {
        calendar: await app.calendar(),
        today: app.clock.today(),
        documents: (trx, caseId, kinds, actor) => storeCaseDocuments(trx, caseId, kinds, actor, app),
      });
      const c = await loadCase(db(), id);
      return presentCase(req, c!, await app.calendar(), app.clock.today());
    },
  });

  r.post(
    '/cases/:id/evidence',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '上传证据（multipart：file，可带 description；保存 SHA-256）',
        params: caseId,
        response: {
          201: z.object({ id: z.number(), filename: z.string(), size: z.number(), sha256: z.string() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const c = await visibleCase(req, req.params.id);
      if (!caseRefOf(c).investigators.includes(actor.id))
        throw new HttpError(403, '只有本案调查人员可以提交证据');
      if (!['investigating', 'findings'].includes(c.state))
        throw new HttpError(400, '只能在调查阶段提交证据', [{ path: 'state', message: c.state }]);
      if (!req.isMultipart())
        throw new HttpError(400, '请以 multipart/form-data 上传', [{ path: 'file', message: '缺少文件' }]);
      let content: Buffer | null = null;
      let filename = '';
      let mime = 'application/octet-stream';
      let description: string | null = null;
      for await (const part of req.parts({ limits: { fileSize: 20 * 1024 * 1024 } })) {
        if (part.type === 'file') {
          try {
            content = await part.toBuffer();
          } catch {
            throw new HttpError(413, '证据文件过大（上限 20 MB）');
          }
          filename = part.filename.slice(0, 200) || 'evidence';
          mime = part.mimetype;
        } else if (part.fieldname === 'description') {
          description = String(part.value).trim() || null;
        }
      }
      if (!content) throw new HttpError(400, '缺少文件', [{ path: 'file', message: '缺少文件' }]);
      // Never cut silently: a description over the limit is refused, counted as zod counts (code points).
      if (description && [...description].length > 500)
        throw new HttpError(400, '证据说明过长', [{ path: 'description', message: '证据说明不超过 500 字' }]);
      // Multipart fields pass no schema: the same text check as every other string.
      const unsafe = unsafeTextFields({ file: filename, 'file.type': mime, description });
      if (unsafe.length > 0) throw new ValidationError('请求数据无效', unsafe);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const evidenceId = await insertCaseEvidence(trx, {
            caseId: c.id,
            regionCode: c.regionCode,
            kind: 'evidence',
            filename,
            mime,
            size: content.length,
            sha256,
            content,
            description,
            createdBy: actor.username,
          });
          await auditAs(req, trx, {
            regionCode: c.regionCode,
            action: 'case.evidence',
            objectType: 'case',
            objectId: c.id,
            detail: { filename, sha256, size: content.length },
          });
          return evidenceId;
        });
      return reply.code(201).send({ id, filename, size: content.length, sha256 });
    },
  );

  // Evidence is sent as its bytes say (src/server/download.ts); documents are generated .docx.
  for (const [table, path, label, types] of [
    ['caseEvidence', 'evidence', '下载证据', ['*/*']],
    ['caseDocuments', 'documents', '下载法律文书（.docx）', [DOCX_TYPE]],
  ] as const) {
    r.get(
      `/cases/:id/${path}/:fileId`,
      {
        onRequest: app.authenticate,
        schema: {
          tags: ['cases'],
          summary: label,
          params: caseId.extend({ fileId: serialId }),
          response: { 200: fileResponse(label, types), ...errors },
        },
      },
      async (req, reply) => {
        const c = await visibleCase(req, req.params.id);
        const view = viewOf(actorOf(req), c);
        const f = await findCaseFile(db(), table, c.id, req.params.fileId);
        const allowed =
          f &&
          (view === 'full' ||
            view === 'organ' ||
            view === 'agency' ||
            (table === 'caseDocuments' && isSubjectDocument(f.kind)));
        if (!f || !allowed) throw notFound('文件');
        return sendStoredFile(reply, f);
      },
    );
  }
}
