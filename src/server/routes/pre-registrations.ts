// 事前备案: the register of exploratory measures registered before acting (scoped by
// jurisdiction), registering one, one registration with the actions open to its reader, every
// action of the procedure as its own route, its history, and the documents its review issued.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canRegister, mayRegister, preRegistrationScope } from '../../core/policies/pre-registration.js';
import { selectPack } from '../../core/rulebook/packs/registry.js';
import { tolerancePolicyOf } from '../../core/tolerance/assess.js';
import { ValidationError } from '../../core/validation.js';
import { packNameForRegion } from '../../core/workflow/pack.js';
import {
  checkMeasure,
  PRE_REGISTRATION_PROCEDURE,
  PRE_REGISTRATION_STATES,
} from '../../core/workflow/pre-registration.js';
import { findAgency } from '../../store/agencies.repository.js';
import { auditTrail } from '../../store/audit.repository.js';
import {
  findOfficerOfRegistration,
  findPreRegistrationDocument,
  insertPreRegistration,
  listPreRegistrationDocuments,
  listPreRegistrations,
  nextPreRegistrationNumber,
} from '../../store/pre-registrations.repository.js';
import { auditAs } from '../audit.js';
import { DOCX_TYPE, sendStoredFile } from '../download.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import {
  actionSchemas,
  measureFields,
  performPreRegistrationAction,
  visiblePreRegistration,
} from '../pre-registrations/actions.js';
import {
  preRegistrationDetailSchema,
  preRegistrationSummarySchema,
  presentDetail,
  presentSummary,
} from '../pre-registrations/present.js';
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

const registrationId = z.object({ id: z.uuid({ message: '报备编号无效' }) });

const createBody = z.object({
  /** The agency the measure is registered for (a legal office: its own, the default). */
  agencyId: z.string().trim().min(1).max(40).optional(),
  /** The officer it concerns (a legal office may name one of the agency's; an officer: themself). */
  officerId: z.string().trim().max(40).nullable().optional(),
  ...measureFields,
});

export default async function preRegistrationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  async function detail(req: FastifyRequest, id: string) {
    const reg = await visiblePreRegistration(req, id);
    const documents = await listPreRegistrationDocuments(db(), reg.id);
    return presentDetail(reg, documents, actorOf(req), await app.calendar(), app.clock.today());
  }

  r.get(
    '/pre-registrations',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['pre-registrations'],
        summary: '事前备案登记簿（执法监督机构：本辖区；法制机构：本单位；执法人员：本人）',
        querystring: z.object({
          state: z.enum(PRE_REGISTRATION_STATES).optional(),
          agencyId: z.string().max(40).optional(),
          q: z.string().trim().max(100).optional().describe('编号、措施名称、措施内容或机关名称'),
          ...pageQuery,
        }),
        response: { 200: pageOf(preRegistrationSummarySchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...f } = req.query;
      const scope = preRegistrationScope(actorOf(req));
      if (scope.kind === 'none') throw forbidden('当前角色无权查看事前备案');
      const result = await listPreRegistrations(db(), scope, f, { page, pageSize });
      const calendar = await app.calendar();
      const today = app.clock.today();
      return { ...result, items: result.items.map((x) => presentSummary(x, calendar, today)) };
    },
  );

  r.post(
    '/pre-registrations',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['pre-registrations'],
        summary: '事前备案：报备探索性措施（执法部门法制机构为本单位，执法人员为本人）',
        description:
          '报备即登记编号（如 A市报备〔2026〕3号：地区、年度内顺序号）；执法监督机构在市级规则包容错纠错实施办法规定的期限内初审（A市：1 个工作日）。',
        body: createBody,
        response: { 201: preRegistrationDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!mayRegister(actor)) throw forbidden('只有执法部门法制机构或执法人员可以报备');
      const b = req.body;
      const today = app.clock.today();
      // Whose measure: an officer registers for themself, in their agency as the register has it.
      let agencyId: string;
      let officerId: string | null;
      if (actor.role === 'officer') {
        const self = actor.officerId ? await findOfficerOfRegistration(db(), actor.officerId) : undefined;
        if (!self) throw forbidden('账号未关联执法人员档案，不能报备');
        agencyId = self.agencyId;
        officerId = self.id;
        if (b.agencyId && b.agencyId !== agencyId)
          throw new HttpError(400, '执法人员只能以本人所在机关报备', [
            { path: 'agencyId', message: '执法人员只能以本人所在机关报备' },
          ]);
        if (b.officerId && b.officerId !== officerId)
          throw new HttpError(400, '执法人员只能为本人报备', [
            { path: 'officerId', message: '执法人员只能为本人报备' },
          ]);
      } else {
        agencyId = b.agencyId ?? actor.agencyId ?? '';
        officerId = b.officerId?.trim() || null;
      }
      if (!canRegister(actor, agencyId, actor.role === 'officer' ? actor.officerId : officerId))
        throw forbidden('只能为本单位报备');
      const agency = await findAgency(db(), agencyId);
      if (!agency?.active)
        throw new HttpError(400, '机关不存在或已停用', [{ path: 'agencyId', message: '机关不存在或已停用' }]);
      if (officerId && actor.role !== 'officer') {
        const o = await findOfficerOfRegistration(db(), officerId);
        if (!o || o.agencyId !== agency.id || !o.active)
          throw new HttpError(400, '执法人员不在本单位', [
            { path: 'officerId', message: '须为本单位在职的执法人员' },
          ]);
      }
      // The city's pack of the region, in force today, must carry a tolerance policy.
      const packName = packNameForRegion(agency.regionCode);
      tolerancePolicyOf(selectPack(packName, today), 'agencyId');
      const problems = checkMeasure(b, today);
      if (problems.length > 0) throw new ValidationError('报备内容不完整', problems);

      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const year = Number(today.slice(0, 4));
          const { seq, number } = await nextPreRegistrationNumber(
            trx,
            agency.regionCode,
            agency.regionName,
            year,
          );
          const newId = await insertPreRegistration(trx, {
            number,
            regionCode: agency.regionCode,
            year,
            seq,
            agencyId: agency.id,
            officerId,
            registeredBy: actor.id,
            pack: packName,
            title: b.title,
            measure: b.measure,
            reason: b.reason,
            legalGap: b.legalGap,
            risks: b.risks,
            safeguards: b.safeguards,
            plannedFrom: b.plannedFrom,
            state: 'submitted',
            registeredOn: today,
            submittedOn: today,
            decision: null,
            withdrawal: null,
            updatedAt: app.clock.now(),
          });
          await auditAs(req, trx, {
            regionCode: agency.regionCode,
            action: `${PRE_REGISTRATION_PROCEDURE.name}.create`,
            objectType: PRE_REGISTRATION_PROCEDURE.name,
            objectId: newId,
            detail: { number, agencyId: agency.id, officerId, title: b.title, plannedFrom: b.plannedFrom },
          });
          return newId;
        });
      return reply.code(201).send(await detail(req, id));
    },
  );

  r.get(
    '/pre-registrations/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['pre-registrations'],
        summary: '事前备案详情（含初审期限、文书与可执行的操作）',
        params: registrationId,
        response: { 200: preRegistrationDetailSchema, ...errors },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  r.get(
    '/pre-registrations/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['pre-registrations'],
        summary: '事前备案办理记录（审计日志）',
        params: registrationId,
        response: { 200: historySchema, ...errors },
      },
    },
    async (req) => {
      const reg = await visiblePreRegistration(req, req.params.id);
      const rows = await auditTrail(db(), PRE_REGISTRATION_PROCEDURE.name, reg.id, 200);
      return presentHistory(rows);
    },
  );

  actionRoutes(app, {
    base: '/pre-registrations',
    tags: ['pre-registrations'],
    noun: '事前备案',
    specs: PRE_REGISTRATION_PROCEDURE.actions,
    bodies: actionSchemas,
    params: registrationId,
    response: preRegistrationDetailSchema,
    run: async (req, id, action, body) => {
      await performPreRegistrationAction(req, id, action, body, {
        calendar: await app.calendar(),
        today: app.clock.today(),
        now: app.clock.now(),
      });
      return detail(req, id);
    },
  });

  r.get(
    '/pre-registrations/:id/documents/:docId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['pre-registrations'],
        summary: '下载报备文书（.docx：报备容错受理决定书、退回通知书）',
        params: registrationId.extend({ docId: serialId }),
        response: { 200: fileResponse('报备文书', [DOCX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      const reg = await visiblePreRegistration(req, req.params.id);
      const f = await findPreRegistrationDocument(db(), reg.id, req.params.docId);
      if (!f) throw notFound('文书');
      return sendStoredFile(reply, f);
    },
  );
}
