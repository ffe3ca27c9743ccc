// Officers: list with filters, detail with certificate history, create/edit, certificates,
// spreadsheet import (all-or-nothing, per-row errors), template and export.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/policies/actor.js';
import { canAgency } from '../../core/policies/agency.js';
import { canAddOfficerTo, canCreateOfficers, canOfficer, officerScope } from '../../core/policies/officer.js';
import { findAgency } from '../../store/agencies.repository.js';
import { auditTrail } from '../../store/audit.repository.js';
import {
  addCertificate,
  certificateNumberTaken,
  findOfficer,
  insertOfficer,
  insertOfficers,
  listOfficers,
  nextOfficerId,
  type OfficerDetail,
  type OfficerRow,
  setCertificateStatus,
  updateOfficer,
} from '../../store/officers.repository.js';
import { auditAs } from '../audit.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { officersXlsxStream, officerTemplate, parseOfficerSheet } from '../officers-sheet.js';
import {
  errors,
  fileResponse,
  historySchema,
  idParam,
  iso,
  isoDate,
  pageOf,
  pageQuery,
  presentHistory,
  regionCode,
  serialId,
  versionField,
} from '../schemas.js';
import { actorOf } from '../types.js';
import { offsetPages, XLSX_TYPE } from '../xlsx-stream.js';

const staffing = z.enum(['administrative', 'civil_service_managed', 'institution']);
const certStatus = z.enum(['valid', 'expired', 'suspended', 'revoked', 'none']);
const storedCertStatus = z.enum(['valid', 'suspended', 'revoked']);

const officerSchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  agencyId: z.string(),
  agencyName: z.string(),
  name: z.string(),
  gender: z.enum(['M', 'F']).nullable(),
  staffing,
  post: z.string().nullable(),
  phone: z.string().nullable(),
  active: z.boolean(),
  certificateNumber: z.string().nullable(),
  certificateValidUntil: z.string().nullable(),
  certStatus,
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  permissions: z.object({ update: z.boolean() }),
});

const certificateSchema = z.object({
  id: z.number(),
  number: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  status: storedCertStatus,
  statusReason: z.string().nullable(),
  effectiveStatus: certStatus,
});

const officerDetailSchema = officerSchema.extend({ certificates: z.array(certificateSchema) });

const certificateInput = z
  .object({
    number: z
      .string()
      .trim()
      .regex(/^\d{8,20}$/, { message: '执法证号应为 8–20 位数字' }),
    issuedOn: isoDate,
    validUntil: isoDate,
    status: storedCertStatus.default('valid'),
    statusReason: z.string().trim().max(200).nullable().optional(),
  })
  .refine((c) => c.validUntil >= c.issuedOn, { path: ['validUntil'], message: '有效期至不得早于发证日期' });

const officerFields = {
  agencyId: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(50),
  gender: z.enum(['M', 'F']).nullable().optional(),
  staffing,
  post: z.string().trim().max(50).nullable().optional(),
  phone: z.string().trim().max(40).nullable().optional(),
};

const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  agencyId: z.string().max(40).optional(),
  region: regionCode.optional(),
  certStatus: certStatus.optional(),
  staffing: staffing.optional(),
});

function present(o: OfficerRow, actor: Actor) {
  return {
    ...o,
    createdAt: iso(o.createdAt)!,
    updatedAt: iso(o.updatedAt)!,
    permissions: { update: canOfficer(actor, 'update', o) },
  };
}

function presentDetail(o: OfficerDetail, actor: Actor) {
  return {
    ...present(o, actor),
    certificates: o.certificates.map((c) => ({
      id: c.id,
      number: c.number,
      issuedOn: c.issuedOn,
      validUntil: c.validUntil,
      status: c.status,
      statusReason: c.statusReason,
      effectiveStatus: c.effectiveStatus,
    })),
  };
}

export default async function officerRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  async function loadVisible(actor: Actor, id: string) {
    const o = await findOfficer(db(), id, app.clock.today());
    if (!o || !canOfficer(actor, 'read', o)) throw notFound('执法人员');
    return o;
  }

  async function targetAgency(actor: Actor, agencyId: string, path = 'agencyId') {
    const agency = await findAgency(db(), agencyId);
    if (!agency || !canAgency(actor, 'read', agency)) {
      throw new HttpError(400, '所属机关不存在', [{ path, message: '所属机关不存在或不在您的辖区' }]);
    }
    if (!canAddOfficerTo(actor, agency)) throw forbidden('无权为该机关登记执法人员');
    return agency;
  }

  r.get(
    '/officers',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '执法人员列表',
        querystring: listQuery.extend(pageQuery),
        response: {
          200: pageOf(officerSchema).extend({ permissions: z.object({ create: z.boolean() }) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { page, pageSize, ...filter } = req.query;
      const result = await listOfficers(
        db(),
        officerScope(actor),
        filter,
        { page, pageSize },
        app.clock.today(),
      );
      return {
        ...result,
        items: result.items.map((o) => present(o, actor)),
        permissions: { create: canCreateOfficers(actor) },
      };
    },
  );

  r.get(
    '/officers/export.xlsx',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '导出执法人员（Excel）',
        querystring: listQuery,
        response: { 200: fileResponse('执法人员表（.xlsx）', [XLSX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const today = app.clock.today();
      // Streamed a page at a time: memory stays bounded whatever the number of officers.
      const pages = offsetPages(
        async (offset, size) =>
          (
            await listOfficers(
              db(),
              officerScope(actor),
              req.query,
              { page: offset / size + 1, pageSize: size },
              today,
            )
          ).items,
        2000,
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="officers-${today}.xlsx"`)
        .send(officersXlsxStream(pages));
    },
  );

  r.get(
    '/officers/import-template.xlsx',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '执法人员导入模板',
        response: { 200: fileResponse('导入模板（.xlsx）', [XLSX_TYPE]), ...errors },
      },
    },
    async (_req, reply) =>
      reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', 'attachment; filename="officers-template.xlsx"')
        .send(await officerTemplate()),
  );

  r.post(
    '/officers/import',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '从 Excel 导入执法人员（全部成功或全部不写入）',
        description: 'multipart/form-data，字段 file 为 .xlsx；?dryRun=true 只校验不写入。',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        response: {
          200: z.object({ imported: z.number(), dryRun: z.boolean(), ids: z.array(z.string()) }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!req.isMultipart()) {
        throw new HttpError(400, '请以 multipart/form-data 上传文件', [
          { path: 'file', message: '缺少文件' },
        ]);
      }
      const file = await req.file();
      if (file?.fieldname !== 'file')
        throw new HttpError(400, '缺少文件', [{ path: 'file', message: '缺少文件' }]);
      let buffer: Buffer;
      try {
        buffer = await file.toBuffer();
      } catch {
        throw new HttpError(413, '文件过大（上限 10 MB）');
      }
      const { rows, errors: problems } = await parseOfficerSheet(buffer);
      // Agencies and jurisdiction, then certificate numbers already registered.
      const agencyCache = new Map<string, Awaited<ReturnType<typeof findAgency>> | null>();
      for (const row of rows) {
        if (!agencyCache.has(row.agencyId))
          agencyCache.set(row.agencyId, (await findAgency(db(), row.agencyId)) ?? null);
        const agency = agencyCache.get(row.agencyId);
        if (!agency || !canAgency(actor, 'read', agency)) {
          problems.push({
            path: `rows[${row.row}].所属机关编码`,
            message: `机关 ${row.agencyId} 不存在或不在您的辖区`,
          });
        } else if (!canAddOfficerTo(actor, agency)) {
          problems.push({
            path: `rows[${row.row}].所属机关编码`,
            message: `无权为机关 ${row.agencyId} 登记执法人员`,
          });
        }
      }
      const taken = await certificateNumberTaken(
        db(),
        rows.map((x) => x.certificate.number),
      );
      for (const row of rows) {
        if (taken.has(row.certificate.number)) {
          problems.push({
            path: `rows[${row.row}].执法证号`,
            message: `执法证号 ${row.certificate.number} 已登记`,
          });
        }
      }
      if (problems.length > 0) {
        problems.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
        throw new HttpError(400, `导入失败：发现 ${problems.length} 处错误，未写入任何数据`, problems);
      }
      const dryRun = req.query.dryRun === 'true';
      if (dryRun) return { imported: rows.length, dryRun, ids: [] };
      let ids: string[] = [];
      await db()
        .transaction()
        .execute(async (trx) => {
          // In chunks: one statement per 500 officers, not several per officer.
          const officers = rows.map((row) => {
            const agency = agencyCache.get(row.agencyId)!;
            return {
              officer: {
                agencyId: agency.id,
                regionCode: agency.regionCode,
                name: row.name,
                gender: row.gender,
                staffing: row.staffing,
                post: row.post,
                phone: row.phone,
              },
              certificates: [{ ...row.certificate, statusReason: null }],
            };
          });
          ids = await insertOfficers(trx, officers, await nextOfficerId(trx));
          await auditAs(req, trx, {
            regionCode: actor.regionCode,
            action: 'officer.import',
            objectType: 'officer',
            objectId: ids.join(',').slice(0, 200),
            detail: { count: ids.length, file: file.filename },
          });
        });
      return { imported: ids.length, dryRun, ids };
    },
  );

  r.get(
    '/officers/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '执法人员详情',
        params: idParam,
        response: { 200: officerDetailSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return presentDetail(await loadVisible(actor, req.params.id), actor);
    },
  );

  r.get(
    '/officers/:id/history',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '执法人员变更记录',
        params: idParam,
        response: {
          200: historySchema,
          ...errors,
        },
      },
    },
    async (req) => {
      const o = await loadVisible(actorOf(req), req.params.id);
      const rows = await auditTrail(db(), 'officer', o.id);
      return presentHistory(rows);
    },
  );

  r.post(
    '/officers',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '登记执法人员',
        body: z.object({ ...officerFields, certificate: certificateInput.optional() }),
        response: { 201: officerDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const body = req.body;
      const agency = await targetAgency(actor, body.agencyId);
      if (body.certificate && (await certificateNumberTaken(db(), [body.certificate.number])).size > 0) {
        throw new HttpError(400, '执法证号已登记', [
          { path: 'certificate.number', message: '执法证号已登记' },
        ]);
      }
      let id = '';
      await db()
        .transaction()
        .execute(async (trx) => {
          id = await nextOfficerId(trx);
          await insertOfficer(
            trx,
            {
              id,
              agencyId: agency.id,
              regionCode: agency.regionCode,
              name: body.name,
              gender: body.gender ?? null,
              staffing: body.staffing,
              post: body.post ?? null,
              phone: body.phone ?? null,
            },
            body.certificate
              ? [{ ...body.certificate, statusReason: body.certificate.statusReason ?? null }]
              : [],
          );
          await auditAs(req, trx, {
            regionCode: agency.regionCode,
            action: 'officer.create',
            objectType: 'officer',
            objectId: id,
            detail: { ...body },
          });
        });
      return reply.code(201).send(presentDetail(await loadVisible(actor, id), actor));
    },
  );

  r.patch(
    '/officers/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '修改执法人员信息',
        params: idParam,
        body: z.object({ version: versionField, active: z.boolean().optional(), ...officerFields }).partial({
          agencyId: true,
          name: true,
          staffing: true,
        }),
        response: { 200: officerDetailSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const current = await loadVisible(actor, req.params.id);
      if (!canOfficer(actor, 'update', current)) throw forbidden();
      const { version, ...patch } = req.body;
      let regionChange: { regionCode: string } | undefined;
      if (patch.agencyId && patch.agencyId !== current.agencyId) {
        const agency = await targetAgency(actor, patch.agencyId);
        regionChange = { regionCode: agency.regionCode };
      }
      await db()
        .transaction()
        .execute(async (trx) => {
          if (!(await updateOfficer(trx, current.id, version, { ...patch, ...regionChange })))
            throw conflict();
          await auditAs(req, trx, {
            regionCode: current.regionCode,
            action: 'officer.update',
            objectType: 'officer',
            objectId: current.id,
            detail: { ...patch },
          });
        });
      return presentDetail(await loadVisible(actor, current.id), actor);
    },
  );

  r.post(
    '/officers/:id/certificates',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '登记新执法证（换证）',
        params: idParam,
        body: certificateInput,
        response: { 201: officerDetailSchema, ...errors },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const o = await loadVisible(actor, req.params.id);
      if (!canOfficer(actor, 'update', o)) throw forbidden();
      if ((await certificateNumberTaken(db(), [req.body.number])).size > 0) {
        throw new HttpError(400, '执法证号已登记', [{ path: 'number', message: '执法证号已登记' }]);
      }
      await db()
        .transaction()
        .execute(async (trx) => {
          await addCertificate(trx, o, { ...req.body, statusReason: req.body.statusReason ?? null });
          await auditAs(req, trx, {
            regionCode: o.regionCode,
            action: 'certificate.add',
            objectType: 'officer',
            objectId: o.id,
            detail: { ...req.body },
          });
        });
      return reply.code(201).send(presentDetail(await loadVisible(actor, o.id), actor));
    },
  );

  r.patch(
    '/officers/:id/certificates/:certificateId',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['officers'],
        summary: '变更执法证状态（暂扣、注销、恢复）',
        params: z.object({ id: z.string().min(1).max(100), certificateId: serialId }),
        body: z
          .object({ status: storedCertStatus, reason: z.string().trim().max(200).nullable().optional() })
          .refine((b) => b.status === 'valid' || (b.reason && b.reason.length > 0), {
            path: ['reason'],
            message: '暂扣或注销须填写理由',
          }),
        response: { 200: officerDetailSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const o = await loadVisible(actor, req.params.id);
      if (!canOfficer(actor, 'update', o)) throw forbidden();
      await db()
        .transaction()
        .execute(async (trx) => {
          const ok = await setCertificateStatus(
            trx,
            o.id,
            req.params.certificateId,
            req.body.status,
            req.body.reason ?? null,
          );
          if (!ok) throw notFound('执法证');
          await auditAs(req, trx, {
            regionCode: o.regionCode,
            action: 'certificate.status',
            objectType: 'officer',
            objectId: o.id,
            detail: { certificateId: req.params.certificateId, ...req.body },
          });
        });
      return presentDetail(await loadVisible(actor, o.id), actor);
    },
  );
}
