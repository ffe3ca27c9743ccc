// Agencies: the region tree, list with search, detail, create and edit.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/policies/actor.js';
import { agencyScope, canAgency, canCreateAgencies } from '../../core/policies/agency.js';
import {
  type AgencyRow,
  findAgency,
  findAgencyIdByName,
  findRegion,
  insertAgency,
  listAgencies,
  listRegions,
  updateAgency,
} from '../../store/agencies.repository.js';
import { auditTrail } from '../../store/audit.repository.js';
import { auditAs } from '../audit.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import {
  errors,
  historySchema,
  idParam,
  iso,
  pageOf,
  pageQuery,
  presentHistory,
  regionCode,
  versionField,
} from '../schemas.js';
import { actorOf } from '../types.js';

const kind = z.enum(['administrative', 'authorized', 'entrusted']);

const agencySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  shortName: z.string(),
  kind,
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  principalName: z.string().nullable(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  active: z.boolean(),
  officerCount: z.number(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({ update: z.boolean() }),
});

const regionSchema = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county']),
  parentCode: z.string().nullable(),
});

const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

const agencyFields = {
  name: z.string().trim().min(2).max(100),
  shortName: z.string().trim().min(1).max(50),
  kind,
  parentId: z.string().max(40).nullable().optional(),
  principalName: optionalText(50),
  phone: optionalText(40),
  address: optionalText(200),
};

function present(a: AgencyRow, actor: Actor) {
  return {
    ...a,
    officerCount: Number(a.officerCount ?? 0),
    createdAt: iso(a.createdAt)!,
    updatedAt: iso(a.updatedAt)!,
    permissions: { update: canAgency(actor, 'update', a) },
  };
}

export default async function agencyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  r.get(
    '/regions',
    {
      onRequest: app.authenticate,
      // The console's frame names the jurisdiction even while the account page is all there is.
      config: { allowRestricted: true },
      schema: {
        tags: ['agencies'],
        summary: '行政区划',
        response: { 200: z.object({ items: z.array(regionSchema) }), ...errors },
      },
    },
    async () => ({ items: await listRegions(db()) }),
  );

  r.get(
    '/agencies',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['agencies'],
        summary: '执法机关列表（按辖区）',
        querystring: z.object({
          q: z.string().trim().max(100).optional(),
          region: regionCode.optional(),
          kind: kind.optional(),
          active: z.enum(['true', 'false']).optional(),
          ...pageQuery,
        }),
        response: {
          200: pageOf(agencySchema).extend({ permissions: z.object({ create: z.boolean() }) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { page, pageSize, active, ...filter } = req.query;
      const result = await listAgencies(
        db(),
        agencyScope(actor),
        { ...filter, active: active === undefined ? undefined : active === 'true' },
        { page, pageSize },
      );
      return {
        ...result,
        items: result.items.map((a) => present(a, actor)),
        permissions: { create: canCreateAgencies(actor) },
      };
    },
  );

  r.get(
    '/agencies/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['agencies'],
        summary: '执法机关详情',
        params: idParam,
        response: { 200: agencySchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const a = await findAgency(db(), req.params.id);
      if (!a || !canAgency(actor, 'read', a)) throw notFound('执法机关');
      return present(a, actor);
    },
  );

  r.get(
    '/agencies/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['agencies'],
        summary: '执法机关变更记录',
        params: idParam,
        response: {
          200: historySchema,
          ...errors,
        },
      },
    },
    async (req) => {
      const a = await findAgency(db(), req.params.id);
      if (!a || !canAgency(actorOf(req), 'read', a)) throw notFound('执法机关');
      const rows = await auditTrail(db(), 'agency', a.id);
      return presentHistory(rows);
    },
  );

  r.post(
    '/agencies',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['agencies'],
        summary: '新增执法机关',
        body: z.object({
          id: z
            .string()
            .trim()
            .regex(/^\d{6}-[A-Z0-9]{2,12}$/, {
              message: '机关编码格式应为“区划代码-字母数字”，如 529900-SCJ',
            }),
          regionCode,
          ...agencyFields,
        }),
        response: { 201: agencySchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body;
      if (!body.id.startsWith(body.regionCode)) {
        throw new HttpError(400, '机关编码须以其行政区划代码开头', [
          { path: 'id', message: '须以行政区划代码开头' },
        ]);
      }
      if (!(await findRegion(db(), body.regionCode))) {
        throw new HttpError(400, '行政区划不存在', [{ path: 'regionCode', message: '行政区划不存在' }]);
      }
      if (
        !canCreateAgencies(actor) ||
        !canAgency(actor, 'create', { id: body.id, regionCode: body.regionCode })
      ) {
        throw forbidden('无权在该行政区划新增执法机关');
      }
      await checkParent(body.kind, body.parentId ?? null, actor);
      if (await findAgency(db(), body.id)) {
        throw new HttpError(400, '机关编码已存在', [{ path: 'id', message: '机关编码已存在' }]);
      }
      const taken = await findAgencyIdByName(db(), body.name);
      if (taken) throw new HttpError(400, '机关名称已存在', [{ path: 'name', message: '机关名称已存在' }]);
      await db()
        .transaction()
        .execute(async (trx) => {
          await insertAgency(trx, {
            id: body.id,
            regionCode: body.regionCode,
            name: body.name,
            shortName: body.shortName,
            kind: body.kind,
            parentId: body.parentId ?? null,
            principalName: body.principalName ?? null,
            phone: body.phone ?? null,
            address: body.address ?? null,
          });
          await auditAs(req, trx, {
            regionCode: body.regionCode,
            action: 'agency.create',
            objectType: 'agency',
            objectId: body.id,
            detail: { ...body },
          });
        });
      return reply.code(201).send(present((await findAgency(db(), body.id))!, actor));
    },
  );

  r.patch(
    '/agencies/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['agencies'],
        summary: '修改执法机关',
        params: idParam,
        body: z
          .object({ version: versionField, active: z.boolean().optional(), ...agencyFields })
          .partial({ name: true, shortName: true, kind: true }),
        response: { 200: agencySchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const current = await findAgency(db(), req.params.id);
      if (!current || !canAgency(actor, 'read', current)) throw notFound('执法机关');
      if (!canAgency(actor, 'update', current)) throw forbidden();
      const { version, ...patch } = req.body;
      const kindAfter = patch.kind ?? current.kind;
      const parentAfter = patch.parentId === undefined ? current.parentId : patch.parentId;
      await checkParent(kindAfter, parentAfter, actor, current.id);
      if (patch.name && patch.name !== current.name) {
        const taken = await findAgencyIdByName(db(), patch.name);
        if (taken) throw new HttpError(400, '机关名称已存在', [{ path: 'name', message: '机关名称已存在' }]);
      }
      await db()
        .transaction()
        .execute(async (trx) => {
          if (!(await updateAgency(trx, current.id, version, patch))) throw conflict();
          await auditAs(req, trx, {
            regionCode: current.regionCode,
            action: 'agency.update',
            objectType: 'agency',
            objectId: current.id,
            detail: { ...patch },
          });
        });
      return present((await findAgency(db(), current.id))!, actor);
    },
  );

  async function checkParent(k: string, parentId: string | null, actor: Actor, selfId?: string) {
    if (k === 'entrusted' && !parentId) {
      throw new HttpError(400, '受委托组织须填写委托机关', [
        { path: 'parentId', message: '受委托组织须填写委托机关' },
      ]);
    }
    if (!parentId) return;
    const parent = await findAgency(db(), parentId);
    if (!parent || !canAgency(actor, 'read', parent) || parentId === selfId) {
      throw new HttpError(400, '委托机关不存在', [{ path: 'parentId', message: '委托机关不存在' }]);
    }
  }
}
