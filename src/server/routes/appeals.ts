// Appeals (申诉) to the relief panel: the register (a panel member's inbox: the appeals they sit
// on), filing against a served decision, each step of the procedure as its own route, the
// documents, the relief figures, and the panel's pool.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/policies/actor.js';
import { appealListScope } from '../../core/policies/appeal.js';
import { MEMBER_KIND_LABELS, MEMBER_KINDS } from '../../core/relief/panel.js';
import { APPEAL_PROCEDURE, APPEAL_STAGES, APPEAL_STATES } from '../../core/workflow/appeal.js';
import {
  appealStatistics,
  listAppeals,
  listPool,
  loadAppeal,
  memberOfUser,
} from '../../store/appeals.repository.js';
import { auditTrail } from '../../store/audit.repository.js';
import { findCaseFile } from '../../store/cases.repository.js';
import { storedOf } from '../appeals/effects.js';
import {
  appealActionSchemas,
  appealDetailSchema,
  appealSummarySchema,
  fileAppeal,
  fileSchema,
  performAppealAction,
  presentAppeal,
  summaryOf,
  visibleAppeal,
} from '../appeals/service.js';
import { DOCX_TYPE, sendStoredFile } from '../download.js';
import { notFound } from '../errors.js';
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

const idParams = z.object({ id: z.uuid({ message: '申诉编号无效' }) });

export default async function appealRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  const present = async (actor: Actor, a: NonNullable<Awaited<ReturnType<typeof loadAppeal>>>) =>
    presentAppeal(app, actor, a, await app.calendar(), app.clock.today());

  r.get(
    '/appeals',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['appeals'],
        summary: '申诉登记簿（本辖区、本机关或本人的申诉；救济委员会委员：本人参加审理的申诉）',
        querystring: z.object({
          state: z.enum(APPEAL_STATES).optional(),
          stage: z.enum(APPEAL_STAGES).optional(),
          caseId: z.uuid().optional(),
          q: z.string().trim().max(100).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(appealSummarySchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const actor = actorOf(req);
      let result: Awaited<ReturnType<typeof listAppeals>>;
      if (actor.role === 'panel') {
        const member = await memberOfUser(db(), actor.id);
        result = member
          ? await listAppeals(db(), null, { ...f, memberId: member.id }, { page, pageSize })
          : { items: [], total: 0, page, pageSize };
      } else result = await listAppeals(db(), appealListScope(actor), f, { page, pageSize });
      const calendar = await app.calendar();
      const today = app.clock.today();
      return { ...result, items: result.items.map((a) => summaryOf(a, calendar, today)) };
    },
  );

  r.get(
    '/appeals/statistics',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['appeals'],
        summary: '救济统计：按年度、机关的申诉数及维持、变更、撤销数',
        response: {
          200: z.object({
            rows: z.array(
              z.object({
                year: z.number(),
                agencyId: z.string(),
                agencyName: z.string(),
                stage: z.enum(APPEAL_STAGES),
                state: z.enum(APPEAL_STATES),
                outcome: z.string().nullable(),
                n: z.number(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => ({ rows: await appealStatistics(db(), appealListScope(actorOf(req))) }),
  );

  r.post(
    '/appeals',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['appeals'],
        summary:
          '提出申诉或申请复核：被追究责任的执法人员本人（或机关的法制机构），对已送达的处理决定以书面形式提出（超过期限的也予登记，并不予受理；实行复核前置的，须先复核）',
        body: fileSchema,
        response: { 201: appealDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const id = await fileAppeal(req, req.body, app.clock.today());
      return reply.code(201).send(await present(actorOf(req), (await loadAppeal(db(), id))!));
    },
  );

  r.get(
    '/appeals/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['appeals'],
        summary: '申诉详情（案卷、委员会、听证、表决进度与可执行的操作；表决结果揭晓前不显示任何人的表决）',
        params: idParams,
        response: { 200: appealDetailSchema, ...errors },
      },
    },
    async (req) => present(actorOf(req), await visibleAppeal(req, req.params.id)),
  );

  r.get(
    '/appeals/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['appeals'],
        summary: '申诉办理记录（审计日志；表决揭晓时记录每位委员的表决与理由）',
        params: idParams,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      const a = await visibleAppeal(req, req.params.id);
      const rows = await auditTrail(db(), APPEAL_PROCEDURE.name, a.id, 200);
      // Who voted how is for the office and the panel, not for the appellant or the agency.
      const actor = actorOf(req);
      const full = actor.role === 'supervisor' || actor.role === 'panel' || actor.role === 'admin';
      return presentHistory(
        full
          ? rows
          : rows.map((x) =>
              x.action === 'appeal.tally' ? { ...x, detail: { outcome: x.detail.outcome } } : x,
            ),
      );
    },
  );

  actionRoutes(app, {
    base: '/appeals',
    tags: ['appeals'],
    noun: '申诉',
    specs: APPEAL_PROCEDURE.actions,
    bodies: appealActionSchemas,
    params: idParams,
    response: appealDetailSchema,
    run: async (req, id, action, body) => {
      await performAppealAction(req, app, id, action, body);
      return present(actorOf(req), (await loadAppeal(db(), id))!);
    },
  });

  r.get(
    '/appeals/:id/documents/:docId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['appeals'],
        summary: '下载申诉文书或案卷中的处理决定书（.docx）',
        params: idParams.extend({ docId: serialId }),
        response: { 200: fileResponse('文书', [DOCX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      const a = await visibleAppeal(req, req.params.id);
      const detail = await present(actorOf(req), a);
      const allowed =
        storedOf(a).documents.includes(req.params.docId) ||
        detail.caseFile.documents.some((d) => d.id === req.params.docId);
      const f = allowed ? await findCaseFile(db(), 'caseDocuments', a.caseId, req.params.docId) : undefined;
      if (!f) throw notFound('文书');
      return sendStoredFile(reply, f, DOCX_TYPE);
    },
  );

  r.get(
    '/relief-members',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['appeals'],
        summary: '救济委员会委员库（本省）',
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                name: z.string(),
                kind: z.enum(MEMBER_KINDS),
                kindLabel: z.string(),
                expertise: z.string(),
                regionCode: z.string(),
                agencyName: z.string().nullable(),
                officeRegion: z.string().nullable(),
                enforcementOfficer: z.boolean(),
                hasAccount: z.boolean(),
                active: z.boolean(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!['supervisor', 'admin', 'panel'].includes(actor.role)) return { items: [] };
      const rows = await listPool(db(), actor.regionCode);
      return {
        items: rows.map((m) => ({
          id: m.id,
          name: m.name,
          kind: m.kind,
          kindLabel: MEMBER_KIND_LABELS[m.kind],
          expertise: m.expertise,
          regionCode: m.regionCode,
          agencyName: m.agencyName,
          officeRegion: m.officeRegion,
          enforcementOfficer: m.enforcementOfficer,
          hasAccount: m.userId !== null,
          active: m.active,
        })),
      };
    },
  );
}
