// Tolerance applications (容错申请): the register, applying for a person of a case, each step of
// the procedure as its own route, the decision's document, and the register's figures.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toleranceListScope } from '../../core/policies/tolerance.js';
import { TOLERANCE_CONDITION_LABELS, TOLERANCE_EXCLUSION_LABELS } from '../../core/tolerance/policy.js';
import { TOLERANCE_PROCEDURE, TOLERANCE_STATES } from '../../core/workflow/tolerance.js';
import { auditTrail } from '../../store/audit.repository.js';
import { findCaseFile } from '../../store/cases.repository.js';
import {
  listApplications,
  loadApplication,
  rejectionReasons,
  toleranceStatistics,
} from '../../store/tolerance.repository.js';
import { DOCX_TYPE, sendStoredFile } from '../download.js';
import { notFound } from '../errors.js';
import { actionRoutes } from '../procedure.js';
import { errors, fileResponse, historySchema, pageOf, pageQuery, presentHistory } from '../schemas.js';
import {
  applyForTolerance,
  applySchema,
  performToleranceAction,
  presentApplication,
  summaryOf,
  toleranceActionSchemas,
  toleranceDetailSchema,
  toleranceSummarySchema,
  visibleApplication,
} from '../tolerance/service.js';
import { actorOf } from '../types.js';

const idParams = z.object({ id: z.uuid({ message: '容错申请编号无效' }) });

export default async function toleranceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get(
    '/tolerance-applications',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '容错申请登记簿（本辖区、本机关或本人的申请）',
        querystring: z.object({
          state: z.enum(TOLERANCE_STATES).optional(),
          caseId: z.uuid().optional(),
          q: z.string().trim().max(100).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(toleranceSummarySchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const result = await listApplications(db(), toleranceListScope(actorOf(req)), f, { page, pageSize });
      const calendar = await app.calendar();
      const today = app.clock.today();
      return {
        ...result,
        items: result.items.map((a) => summaryOf({ ...a, investigators: [] }, calendar, today)),
      };
    },
  );

  r.get(
    '/tolerance-applications/statistics',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '容错统计：按年度、机关的申请、容错（免责、从轻减轻）与不予容错数，不予容错的理由分布',
        response: {
          200: z.object({
            rows: z.array(
              z.object({
                year: z.number(),
                agencyId: z.string(),
                agencyName: z.string(),
                state: z.enum(TOLERANCE_STATES),
                outcome: z.string().nullable(),
                n: z.number(),
              }),
            ),
            rejectedFor: z.array(z.object({ reason: z.string(), label: z.string(), n: z.number() })),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const scope = toleranceListScope(actorOf(req));
      const labels: Record<string, string> = { ...TOLERANCE_CONDITION_LABELS, ...TOLERANCE_EXCLUSION_LABELS };
      const [rows, reasons] = await Promise.all([
        toleranceStatistics(db(), scope),
        rejectionReasons(db(), scope),
      ]);
      return {
        rows,
        rejectedFor: reasons.map((x) => ({ ...x, label: labels[x.reason] ?? x.reason })),
      };
    },
  );

  r.post(
    '/tolerance-applications',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '申请容错：当事人员本人或者其所在机关的法制机构，为案件认定的一名人员提出',
        body: applySchema,
        response: { 201: toleranceDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const calendar = await app.calendar();
      const today = app.clock.today();
      const id = await applyForTolerance(req, req.body, calendar, today);
      const a = await loadApplication(db(), id);
      return reply.code(201).send(presentApplication(actorOf(req), a!, calendar, today));
    },
  );

  r.get(
    '/tolerance-applications/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '容错申请详情（核实清单、评估、决定与可执行的操作）',
        params: idParams,
        response: { 200: toleranceDetailSchema, ...errors },
      },
    },
    async (req) =>
      presentApplication(
        actorOf(req),
        await visibleApplication(req, req.params.id),
        await app.calendar(),
        app.clock.today(),
      ),
  );

  r.get(
    '/tolerance-applications/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '容错申请办理记录（审计日志）',
        params: idParams,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      const a = await visibleApplication(req, req.params.id);
      return presentHistory(await auditTrail(db(), TOLERANCE_PROCEDURE.name, a.id, 200));
    },
  );

  actionRoutes(app, {
    base: '/tolerance-applications',
    tags: ['tolerance'],
    noun: '容错申请',
    specs: TOLERANCE_PROCEDURE.actions,
    bodies: toleranceActionSchemas,
    params: idParams,
    response: toleranceDetailSchema,
    run: async (req, id, action, body) => {
      await performToleranceAction(req, app, id, action, body);
      const a = await loadApplication(db(), id);
      return presentApplication(actorOf(req), a!, await app.calendar(), app.clock.today());
    },
  });

  r.get(
    '/tolerance-applications/:id/document',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '下载容错决定文书（容错免责认定书、容错从轻减轻认定书或不予容错决定书，.docx）',
        params: idParams,
        response: { 200: fileResponse('容错决定文书', [DOCX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      const a = await visibleApplication(req, req.params.id);
      const f = a.documentId ? await findCaseFile(db(), 'caseDocuments', a.caseId, a.documentId) : undefined;
      if (!f) throw notFound('文书');
      return sendStoredFile(reply, f, DOCX_TYPE);
    },
  );
}
