// A media report (媒体曝光) entered as a lead of source "media" by the supervision office of the
// agency's region: outlet, date, title, address and summary, in one transaction with its audit entry.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { mediaLeadText, mediaReportSchema } from '../../core/evaluation/media.js';
import { canManageLeads } from '../../core/policies/case.js';
import { findAgency } from '../../store/agencies.repository.js';
import { insertLead } from '../../store/leads.repository.js';
import { auditAs } from '../audit.js';
import { forbidden, HttpError } from '../errors.js';
import { errors } from '../schemas.js';
import { actorOf } from '../types.js';

export default async function mediaLeadRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/leads/media',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['leads'],
        summary: '登记媒体报道线索（媒体名称、报道日期、标题、链接、内容概要、涉及机关）',
        body: mediaReportSchema,
        response: { 201: z.object({ id: z.string(), subject: z.string() }), ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body;
      const db = app.database.db;
      const agency = await findAgency(db, b.agencyId);
      if (!agency) throw new HttpError(400, '机关不存在', [{ path: 'agencyId', message: '机关不存在' }]);
      if (!canManageLeads(actor, agency.regionCode)) throw forbidden('只能登记本辖区的线索');
      if (b.publishedOn > app.clock.today())
        throw new HttpError(400, '报道日期不得晚于今天', [
          { path: 'publishedOn', message: '报道日期不得晚于今天' },
        ]);
      const text = mediaLeadText(b);
      const id = await db.transaction().execute(async (trx) => {
        const newId = await insertLead(trx, {
          regionCode: agency.regionCode,
          source: 'media',
          agencyId: agency.id,
          officerId: null,
          subject: text.subject,
          narrative: text.narrative,
          occurredOn: b.publishedOn,
          complaintId: null,
          findingKey: null,
          actId: null,
          rule: null,
          faultCode: null,
          basis: null,
          detail: text.detail,
          mergedInto: null,
          caseId: null,
          dismissReason: null,
          createdBy: actor.id,
          updatedAt: app.clock.now(),
        });
        await auditAs(req, trx, {
          regionCode: agency.regionCode,
          action: 'lead.create',
          objectType: 'lead',
          objectId: newId,
          detail: {
            source: 'media',
            outlet: b.outlet,
            publishedOn: b.publishedOn,
            title: b.title,
            url: b.url ?? null,
          },
        });
        return newId;
      });
      return reply.code(201).send({ id, subject: text.subject });
    },
  );
}
