// Correction measures (纠错): the register, setting a measure, the agency's report, the re-check of
// one measure or of every measure due in the jurisdiction (the nightly run re-checks them all).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseListScope } from '../../core/policies/case.js';
import { canReadCorrection } from '../../core/policies/correction.js';
import { CORRECTION_PROCEDURE, MEASURE_STATES } from '../../core/workflow/correction.js';
import { auditTrail } from '../../store/audit.repository.js';
import { listCorrections, loadCorrection } from '../../store/corrections.repository.js';
import {
  correctionActionSchemas,
  correctionSchema,
  createCorrection,
  createCorrectionSchema,
  performCorrectionAction,
  presentCorrection,
  recheckDue,
} from '../corrections/service.js';
import { forbidden, notFound } from '../errors.js';
import { actionRoutes } from '../procedure.js';
import { errors, historySchema, pageOf, pageQuery, presentHistory } from '../schemas.js';
import { actorOf } from '../types.js';

const idParams = z.object({ id: z.uuid({ message: '纠错措施编号无效' }) });

export default async function correctionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  async function present(req: Parameters<typeof actorOf>[0], id: string) {
    const m = await loadCorrection(db(), id);
    const actor = actorOf(req);
    if (!m || !canReadCorrection(actor, m)) throw notFound('纠错措施');
    return presentCorrection(actor, m, app.clock.today());
  }

  r.get(
    '/corrections',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '纠错措施登记簿（按整改期限）',
        querystring: z.object({
          state: z.enum(MEASURE_STATES).optional(),
          applicationId: z.uuid().optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(correctionSchema), ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { page, pageSize, ...f } = req.query;
      const result = await listCorrections(db(), caseListScope(actor), f, { page, pageSize });
      const today = app.clock.today();
      return { ...result, items: result.items.map((m) => presentCorrection(actor, m, today)) };
    },
  );

  r.post(
    '/corrections',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '设定纠错措施：为已容错的过错（source=tolerance）或监督发现的问题（source=finding）',
        body: createCorrectionSchema,
        response: { 201: correctionSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (actor.role !== 'supervisor') throw forbidden('只有执法监督机构可以设定纠错措施');
      const id = await createCorrection(req, req.body);
      return reply.code(201).send(await present(req, id));
    },
  );

  r.post(
    '/corrections/recheck-due',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '复查本辖区到期的全部纠错措施（每晚亦自动复查）',
        response: { 200: z.object({ checked: z.number(), recurred: z.number() }), ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (actor.role !== 'supervisor') throw forbidden('只有执法监督机构可以复查');
      return recheckDue(app, caseListScope(actor), actor);
    },
  );

  r.get(
    '/corrections/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '纠错措施详情',
        params: idParams,
        response: { 200: correctionSchema, ...errors },
      },
    },
    async (req) => present(req, req.params.id),
  );

  r.get(
    '/corrections/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['tolerance'],
        summary: '纠错措施办理记录（审计日志）',
        params: idParams,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      const m = await present(req, req.params.id);
      return presentHistory(await auditTrail(db(), CORRECTION_PROCEDURE.name, m.id, 200));
    },
  );

  actionRoutes(app, {
    base: '/corrections',
    tags: ['tolerance'],
    noun: '纠错措施',
    specs: CORRECTION_PROCEDURE.actions,
    bodies: correctionActionSchemas,
    params: idParams,
    response: correctionSchema,
    describe: null,
    run: async (req, id, action, body) => {
      await performCorrectionAction(app, id, action, body, { actor: actorOf(req) });
      return present(req, id);
    },
  });
}
