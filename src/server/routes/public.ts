// The public channel (no login): file a complaint, attach files, track it with the receipt (the
// agencies to choose from: public-disclosure.ts).
// Rate-limited per client; bodies over 1 MB are refused (413); no personal data is returned.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { isResidentIdNumber } from '../../core/complaints/id-number.js';
import { normalizeReceipt } from '../../core/complaints/receipt.js';
import { todayInChina } from '../../core/dates.js';
import { regionCovers, regionPrefix } from '../../core/policies/actor.js';
import { isSafeText, UNSAFE_TEXT_MESSAGE } from '../../core/validation.js';
import { checkAction } from '../../core/workflow/engine.js';
import { LEAD_PROCEDURE, leadSnapshotOf } from '../../core/workflow/lead.js';
import { findAgency, listAgencyRegionCodes, listRegions } from '../../store/agencies.repository.js';
import { appendAudit } from '../../store/audit.repository.js';
import {
  addAttachment,
  countAttachments,
  findComplaintByIdempotencyKey,
  findComplaintByReceipt,
  insertComplaint,
  requestFingerprint,
} from '../../store/complaints.repository.js';
import { findLeadProgressOfComplaint, updateLead } from '../../store/leads.repository.js';
import { ALLOWED_TYPES_MESSAGE, attachmentTypeOf } from '../complaint-files.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { errorSchema, isoDate, vocabulary } from '../schemas.js';

const MAX_ATTACHMENTS = 5;
const tooManyAttachments = () =>
  new HttpError(400, `每件投诉最多 ${MAX_ATTACHMENTS} 个附件`, [
    { path: 'file', message: '附件数量已达上限' },
  ]);
const ATTACHMENT_BYTES = 10 * 1024 * 1024;

/** The complaint form; `today` is the app's date (an occurrence cannot be later). */
export const complaintBody = (today: () => string) =>
  z
    .object({
      agency: z.string().trim().max(40).optional(),
      officer: z.string().trim().max(50).optional(),
      subject: z.string().trim().min(2).max(100),
      narrative: z.string().trim().min(10).max(5000),
      occurredOn: isoDate.optional(),
      anonymous: z.boolean(),
      contact: z
        .object({
          name: z.string().trim().min(1).max(50),
          phone: z
            .string()
            .trim()
            .regex(/^[0-9+\-\s]{7,20}$/, { message: '请填写有效的联系电话' }),
          // Optional; stored sealed like the name and phone (SM4 + HMAC-SM3).
          idNumber: z
            .string()
            .trim()
            .refine(isResidentIdNumber, { message: '请填写有效的公民身份号码' })
            .optional(),
        })
        .optional(),
    })
    .superRefine((b, ctx) => {
      if (!b.anonymous && !b.contact)
        ctx.addIssue({ code: 'custom', path: ['contact'], message: '实名投诉须填写联系人和电话' });
      if (b.occurredOn && b.occurredOn > today()) {
        ctx.addIssue({ code: 'custom', path: ['occurredOn'], message: '发生日期不得晚于今天' });
      }
    });

const STATUS_LABELS = {
  received: '已收到，正在审查',
  merged: '已与相关投诉合并办理',
  dismissed: '经审查不予立案',
  reexamining: '已申请复查，正在复查',
  registered: '已登记',
  investigating: '已立案，调查处理中',
  declined: '经审查不予立案',
  decided: '已作出处理决定',
  closed: '已办结',
} as const;
type PublicStatus = keyof typeof STATUS_LABELS;
/** What the public sees of a complaint's progress. */
const PUBLIC_STATUSES = vocabulary<PublicStatus>(STATUS_LABELS);

function publicStatus(
  leadStatus: string | null,
  caseState: string | null,
  reexamined: boolean,
): PublicStatus {
  if (leadStatus === 'dismissed') return 'dismissed';
  if (leadStatus === 'new' && reexamined) return 'reexamining';
  if (leadStatus === 'merged') return 'merged';
  if (leadStatus !== 'opened' || !caseState) return 'received';
  if (caseState === 'registered') return 'registered';
  if (caseState === 'declined') return 'declined';
  if (caseState === 'closed') return 'closed';
  if (['decided', 'served', 'executed'].includes(caseState)) return 'decided';
  return 'investigating';
}

export default async function publicRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const rateLimit = { max: app.rateLimits.public, timeWindow: '1 minute' };

  /**
   * Where a complaint naming no agency goes: WENZE_PUBLIC_REGION, or the most specific region
   * that covers every agency of this installation (the city, for a city's deployment).
   */
  async function homeRegion(): Promise<string> {
    if (process.env.WENZE_PUBLIC_REGION) return process.env.WENZE_PUBLIC_REGION;
    const regions = await listRegions(db());
    const agencyRegions = await listAgencyRegionCodes(db());
    const covering = regions.filter((r) => agencyRegions.every((a) => regionCovers(r.code, a)));
    covering.sort((a, b) => regionPrefix(b.code).length - regionPrefix(a.code).length);
    return covering[0]?.code ?? regions[0]?.code ?? '000000';
  }

  r.post(
    '/public/complaints',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '提交投诉（无需登录，可匿名）',
        description:
          '可带 Idempotency-Key 请求头：以相同内容重试时返回同一回执号；同一个键用于不同内容时答 422。',
        headers: z.object({ 'idempotency-key': z.string().min(8).max(100).optional() }).loose(),
        body: complaintBody(() => app.clock.today()),
        response: {
          201: z.object({ receipt: z.string() }),
          400: errorSchema,
          413: errorSchema,
          422: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      const b = req.body;
      // The key is bound to the body it first came with: a retry repeats it, a new body is refused.
      const fingerprint = key ? requestFingerprint(b) : null;
      const replay = async () => {
        const existing = key ? await findComplaintByIdempotencyKey(db(), key) : undefined;
        if (!existing) return null;
        if (existing.requestFingerprint !== null && existing.requestFingerprint !== fingerprint) {
          throw new HttpError(422, '该 Idempotency-Key 已用于内容不同的投诉，请换用新的键', [
            { path: 'idempotency-key', message: '已用于内容不同的请求' },
          ]);
        }
        return reply.code(201).send({ receipt: existing.receipt });
      };
      const earlier = await replay();
      if (earlier) return earlier;
      let regionCode: string;
      if (b.agency) {
        const agency = await findAgency(db(), b.agency);
        if (!agency)
          throw new HttpError(400, '被投诉机关不存在', [{ path: 'agency', message: '被投诉机关不存在' }]);
        regionCode = agency.regionCode;
      } else {
        regionCode = await homeRegion();
      }
      try {
        // The complaint, its lead and its audit entry commit together or not at all.
        const c = await db()
          .transaction()
          .execute(async (trx) => {
            const created = await insertComplaint(trx, {
              regionCode,
              // An empty choice names no agency (the complaint goes to the home region).
              agencyId: b.agency || null,
              officerName: b.officer ?? null,
              subject: b.subject,
              narrative: b.narrative,
              occurredOn: b.occurredOn ?? null,
              anonymous: b.anonymous,
              contactName: b.anonymous ? null : (b.contact?.name ?? null),
              contactPhone: b.anonymous ? null : (b.contact?.phone ?? null),
              contactIdNumber: b.anonymous ? null : (b.contact?.idNumber?.toUpperCase() ?? null),
              idempotencyKey: key ?? null,
              requestFingerprint: fingerprint,
            });
            await appendAudit(trx, {
              regionCode,
              actorId: null,
              actorName: 'public',
              action: 'complaint.create',
              objectType: 'complaint',
              objectId: created.id,
              detail: { anonymous: b.anonymous, agency: b.agency ?? null },
            });
            return created;
          });
        return reply.code(201).send({ receipt: c.receipt });
      } catch (e) {
        // Two retries with the same key racing: the loser answers as a retry would.
        const winner = await replay();
        if (winner) return winner;
        throw e;
      }
    },
  );

  r.get(
    '/public/complaints/:receipt',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '凭回执号查询投诉办理进度',
        params: z.object({ receipt: z.string().max(40) }),
        response: {
          200: z.object({
            receipt: z.string(),
            status: z.enum(PUBLIC_STATUSES),
            statusLabel: z.string(),
            subject: z.string(),
            filedOn: z.string(),
            reply: z.string().nullable(),
            caseNumber: z.string().nullable(),
            attachments: z.number(),
            /** 复查: asked for (once) and when; whether it may still be asked for. */
            reexamination: z.object({
              requestedOn: z.string().nullable(),
              available: z.boolean(),
            }),
          }),
          404: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req) => {
      const receipt = normalizeReceipt(req.params.receipt);
      const c = receipt ? await findComplaintByReceipt(db(), receipt) : undefined;
      if (!c) throw notFound('回执号');
      const lead = await findLeadProgressOfComplaint(db(), c.id);
      const requested = (lead?.reexamination ?? null) as { requestedOn: string } | null;
      const status = publicStatus(lead?.status ?? null, lead?.state ?? null, requested !== null);
      const reply =
        status === 'dismissed'
          ? (lead?.dismissReason ?? null)
          : status === 'declined'
            ? (lead?.declineReason ?? null)
            : c.publicReply;
      return {
        receipt: c.receipt,
        status,
        statusLabel: STATUS_LABELS[status],
        subject: c.subject,
        filedOn: todayInChina(c.createdAt),
        reply,
        caseNumber: lead?.number ?? null,
        attachments: await countAttachments(db(), c.id),
        reexamination: {
          requestedOn: requested?.requestedOn ?? null,
          available: lead !== undefined && lead.status === 'dismissed' && requested === null,
        },
      };
    },
  );

  r.post(
    '/public/complaints/:receipt/reexamination',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '对不予立案申请复查（凭回执号，限一次；由原作出决定以外的人员复查）',
        params: z.object({ receipt: z.string().max(40) }),
        body: z.object({ grounds: z.string().trim().max(2000).refine(isSafeText, UNSAFE_TEXT_MESSAGE) }),
        response: {
          200: z.object({ receipt: z.string(), status: z.enum(PUBLIC_STATUSES), statusLabel: z.string() }),
          400: errorSchema,
          404: errorSchema,
          409: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req) => {
      const receipt = normalizeReceipt(req.params.receipt);
      const c = receipt ? await findComplaintByReceipt(db(), receipt) : undefined;
      const lead = c ? await findLeadProgressOfComplaint(db(), c.id) : undefined;
      if (!c || !lead) throw notFound('回执号');
      const check = checkAction(
        LEAD_PROCEDURE,
        leadSnapshotOf(lead),
        'request_reexamination',
        req.body,
        ['complainant'],
        {
          actorId: null,
        },
      );
      if (!check.ok)
        throw new HttpError(400, check.problems.map((p) => p.message).join('；'), check.problems);
      const today = app.clock.today();
      await db()
        .transaction()
        .execute(async (trx) => {
          const reexamination = {
            requestedOn: today,
            grounds: req.body.grounds,
            dismissReason: lead.dismissReason,
          };
          if (
            !(await updateLead(trx, lead.id, lead.version, {
              status: 'new',
              reexamination: JSON.stringify(reexamination),
            }))
          )
            throw conflict();
          await appendAudit(trx, {
            regionCode: lead.regionCode,
            actorId: null,
            actorName: 'public',
            action: 'lead.request_reexamination',
            objectType: 'lead',
            objectId: lead.id,
            detail: { grounds: req.body.grounds },
          });
        });
      return { receipt: c.receipt, status: 'reexamining' as const, statusLabel: STATUS_LABELS.reexamining };
    },
  );

  r.post(
    '/public/complaints/:receipt/attachments',
    {
      config: { rateLimit },
      bodyLimit: ATTACHMENT_BYTES + 64 * 1024,
      schema: {
        tags: ['public'],
        summary:
          '为投诉上传附件（multipart，字段 file；图片、PDF、Office/WPS 文档、音频、视频，按文件内容识别；单个不超过 10 MB，最多 5 个）',
        params: z.object({ receipt: z.string().max(40) }),
        response: {
          201: z.object({ filename: z.string(), size: z.number(), sha256: z.string() }),
          400: errorSchema,
          404: errorSchema,
          413: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const receipt = normalizeReceipt(req.params.receipt);
      const c = receipt ? await findComplaintByReceipt(db(), receipt) : undefined;
      if (!c) throw notFound('回执号');
      if (!req.isMultipart())
        throw new HttpError(400, '请以 multipart/form-data 上传', [{ path: 'file', message: '缺少文件' }]);
      // A first check spares reading a file that cannot be kept; addAttachment decides.
      if ((await countAttachments(db(), c.id)) >= MAX_ATTACHMENTS) throw tooManyAttachments();
      const file = await req.file({ limits: { fileSize: ATTACHMENT_BYTES } });
      if (!file) throw new HttpError(400, '缺少文件', [{ path: 'file', message: '缺少文件' }]);
      let content: Buffer;
      try {
        content = await file.toBuffer();
      } catch {
        throw new HttpError(413, '附件过大（单个不超过 10 MB）');
      }
      if (!isSafeText(file.filename) || !isSafeText(file.mimetype))
        throw new HttpError(400, '文件名无效', [{ path: 'file', message: UNSAFE_TEXT_MESSAGE }]);
      // The type is what the bytes are, whatever the name or the claimed type say.
      const type = await attachmentTypeOf(content, file.filename);
      if (!type)
        throw new HttpError(400, ALLOWED_TYPES_MESSAGE, [
          { path: 'file', message: '文件类型不在允许范围内（按文件内容识别）' },
        ]);
      const sha256 = createHash('sha256').update(content).digest('hex');
      const filename = file.filename.slice(0, 200) || 'attachment';
      // Counted, stored and audited in one transaction under a lock on the complaint: concurrent
      // uploads cannot pass the limit together, and no attachment is kept without its entry.
      const added = await addAttachment(
        db(),
        {
          complaintId: c.id,
          regionCode: c.regionCode,
          filename,
          mime: type.mime,
          size: content.length,
          sha256,
          content,
        },
        MAX_ATTACHMENTS,
        (trx) =>
          appendAudit(trx, {
            regionCode: c.regionCode,
            actorId: null,
            actorName: 'public',
            action: 'complaint.attachment',
            objectType: 'complaint',
            objectId: c.id,
            detail: { filename, sha256, size: content.length },
          }),
      );
      if (!added) throw tooManyAttachments();
      return reply.code(201).send({ filename, size: content.length, sha256 });
    },
  );

  // GET /public/agencies (the agencies to choose from) is in public-disclosure.ts with their duty lists.
}
