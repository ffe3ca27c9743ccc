// A complaint's attachments where they are handled: listed on its lead (the supervision office
// that triages it) and on its case (the assigned investigators and the region's supervisor),
// and downloaded one by one, each download written to the audit log before a byte is sent.
// The lists carry no identity of the complainant: name, phone and ID number stay with the
// case's investigators (GET /cases/:id).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mayReadCaseAttachments, mayReadLeadAttachments } from '../../core/policies/attachments.js';
import { canReadLead, caseView } from '../../core/policies/case.js';
import { loadCase } from '../../store/cases.repository.js';
import {
  complaintIdsOfLead,
  findAttachmentOf,
  listAttachmentsOf,
} from '../../store/complaints.repository.js';
import { findLead } from '../../store/leads.repository.js';
import { auditAs } from '../audit.js';
import { caseRefOf } from '../cases/actions.js';
import { attachmentTypeOf, kindOfStoredType } from '../complaint-files.js';
import { attachment } from '../download.js';
import { forbidden, notFound } from '../errors.js';
import { errors, fileResponse, iso, serialId } from '../schemas.js';
import { actorOf } from '../types.js';

const KINDS = ['image', 'pdf', 'document', 'audio', 'video', 'other'] as const;

const attachmentSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  mime: z.string().describe('内容类型（按文件内容识别）'),
  kind: z.enum(KINDS).describe('image 图片 / pdf / document 文档 / audio 音频 / video 视频 / other 其他'),
  size: z.number().int(),
  sha256: z.string(),
  uploadedAt: z.string(),
});
const listSchema = z.object({ items: z.array(attachmentSchema) });

const leadParams = z.object({ id: z.uuid({ message: '线索编号无效' }) });
const caseParams = z.object({ id: z.uuid({ message: '案件编号无效' }) });
const attachmentId = { attachmentId: serialId };

type Owner = { via: 'lead' | 'case'; id: string; regionCode: string; leadId: string | null };

export default async function attachmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  /** The lead, if the actor may read its attachments: 404 outside their sight, 403 within it. */
  async function leadOwner(req: FastifyRequest, id: string): Promise<Owner> {
    const actor = actorOf(req);
    const lead = await findLead(db(), id);
    if (!lead || !canReadLead(actor, lead.regionCode)) throw notFound('线索');
    if (!mayReadLeadAttachments(actor, lead.regionCode))
      throw forbidden('只有本辖区的执法监督机构可以查看投诉附件');
    return { via: 'lead', id: lead.id, regionCode: lead.regionCode, leadId: lead.id };
  }

  /** The case, if the actor may read its attachments: 404 outside their sight, 403 within it. */
  async function caseOwner(req: FastifyRequest, id: string): Promise<Owner> {
    const actor = actorOf(req);
    const c = await loadCase(db(), id);
    if (!c) throw notFound('案件');
    const ref = caseRefOf(c);
    if (caseView(actor, ref) === 'none') throw notFound('案件');
    if (!mayReadCaseAttachments(actor, ref))
      throw forbidden('只有本案的调查人员和执法监督机构可以查看投诉附件');
    return { via: 'case', id: c.id, regionCode: c.regionCode, leadId: c.leadId };
  }

  async function list(owner: Owner) {
    const ids = owner.leadId ? await complaintIdsOfLead(db(), owner.leadId) : [];
    const rows = await listAttachmentsOf(db(), ids);
    return {
      items: rows.map((a) => ({
        id: a.id,
        filename: a.filename,
        mime: a.mime,
        kind: kindOfStoredType(a.mime),
        size: a.size,
        sha256: a.sha256,
        uploadedAt: iso(a.createdAt)!,
      })),
    };
  }

  /** Read the file and write its audit entry in one transaction; then send it. */
  async function download(req: FastifyRequest, reply: FastifyReply, owner: Owner, id: number) {
    const file = await db()
      .transaction()
      .execute(async (trx) => {
        const ids = owner.leadId ? await complaintIdsOfLead(trx, owner.leadId) : [];
        const f = await findAttachmentOf(trx, ids, id);
        if (!f) return undefined;
        await auditAs(req, trx, {
          regionCode: owner.regionCode,
          action: 'attachment.download',
          objectType: 'complaint_attachment',
          objectId: String(f.id),
          detail: { complaint: f.complaintId, [owner.via]: owner.id, sha256: f.sha256, size: f.size },
        });
        return f;
      });
    if (!file) throw notFound('附件');
    // Sent as its bytes say (what no longer passes the check goes as plain bytes), never inline.
    const type = await attachmentTypeOf(file.content, file.filename);
    return reply
      .type(type?.mime ?? 'application/octet-stream')
      .header('content-disposition', attachment(file.filename))
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .header('x-content-sha256', file.sha256)
      .send(file.content);
  }

  r.get(
    '/leads/:id/attachments',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '线索的投诉附件（文件名、类型、大小、上传时间；含并入本线索的投诉）',
        params: leadParams,
        response: { 200: listSchema, ...errors },
      },
    },
    async (req) => list(await leadOwner(req, req.params.id)),
  );

  r.get(
    '/leads/:id/attachments/:attachmentId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '下载线索的投诉附件（每次下载记入审计日志）',
        params: leadParams.extend(attachmentId),
        response: { 200: fileResponse('投诉附件', ['*/*']), ...errors },
      },
    },
    async (req, reply) => download(req, reply, await leadOwner(req, req.params.id), req.params.attachmentId),
  );

  r.get(
    '/cases/:id/attachments',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '案件的投诉附件（本案调查人员和执法监督机构可见）',
        params: caseParams,
        response: { 200: listSchema, ...errors },
      },
    },
    async (req) => list(await caseOwner(req, req.params.id)),
  );

  r.get(
    '/cases/:id/attachments/:attachmentId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['cases'],
        summary: '下载案件的投诉附件（每次下载记入审计日志）',
        params: caseParams.extend(attachmentId),
        response: { 200: fileResponse('投诉附件', ['*/*']), ...errors },
      },
    },
    async (req, reply) => download(req, reply, await caseOwner(req, req.params.id), req.params.attachmentId),
  );
}
