// 权责清单 (issue 13): the items of the agencies' lists in force on a day, an agency's versions and
// the difference between two, the overlap/gap/incomplete worklist of the actor's jurisdiction, the
// import of a list file (.xlsx/.csv, all or nothing, with a dry run), and the template. Reading
// follows the register of agencies (policies/duties.ts); importing is for the supervision office of
// the agency's region, the administrator, or an agency's legal office for its own agency.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { GAP_REASONS } from '../../core/duties/check.js';
import {
  COMPLETENESS_COLUMNS,
  DUTY_COLUMN_NAMES,
  DUTY_ROLES,
  POWER_TYPES,
} from '../../core/duties/columns.js';
import type { DutyChange } from '../../core/duties/diff.js';
import { missingOf } from '../../core/duties/item.js';
import type { Actor } from '../../core/policies/actor.js';
import { canImportDuties, canReadDuties, dutyImportDenial, dutyScope } from '../../core/policies/duties.js';
import { findAgency } from '../../store/agencies.repository.js';
import {
  DutyImportDenied,
  type DutyImportResult,
  diffDutyVersions,
  dutyFileItems,
  dutyWorklist,
  type GapKind,
  gapKind,
  importDuties,
  listDutyItems,
  listDutyVersions,
  type StoredDutyItem,
} from '../../store/duties.repository.js';
import { dutiesTemplateXlsx } from '../../store/duties-formats.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import { errors, fileResponse, INT32_MAX, iso, isoDate, pageOf, pageQuery } from '../schemas.js';
import { actorOf } from '../types.js';
import { uploadedFile } from '../upload.js';
import { XLSX_TYPE } from '../xlsx-stream.js';
import {
  overlapStateFields,
  presentResolvedWorklist,
  worklistDecisionFields,
  worklistScope,
} from './duty-boundaries.js';

const UPLOAD_TYPES = /\.(csv|xlsx)$/i;
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const agencyId = z.string().trim().min(1).max(64);
const versionNumber = z.coerce.number().int().min(1).max(INT32_MAX);
const columnName = z.enum(DUTY_COLUMN_NAMES as [string, ...string[]]);
const missing = z.array(z.enum(COMPLETENESS_COLUMNS));

const itemSchema = z.object({
  id: z.number(),
  row: z.number(),
  code: z.string(),
  name: z.string(),
  type: z.enum(POWER_TYPES),
  agencyId: z.string(),
  agencyName: z.string(),
  regionCode: z.string(),
  unit: z.string().nullable(),
  role: z.enum(DUTY_ROLES),
  basis: z.string().nullable(),
  duties: z.array(z.string()),
  accountability: z.array(z.string()),
  timeLimit: z.string().nullable(),
  effectiveFrom: z.string(),
  effectiveUntil: z.string().nullable(),
  version: z.number(),
  missing,
});

const agencyRef = z.object({ id: z.string(), name: z.string() });
const gapKindSchema = z.enum(Object.keys(GAP_REASONS) as [GapKind, ...GapKind[]]);

/** A matter two or more agencies claim (the worklist's and an import's report alike). */
const overlapSchema = z.object({
  code: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  agencies: z.array(agencyRef),
});

/** A matter no agency leads: only assisting departments, or a reference item nobody here carries. */
const gapSchema = z.object({
  code: z.string(),
  name: z.string(),
  region: z.string().nullable(),
  reason: z.string(),
  kind: gapKindSchema,
});

const versionSchema = z.object({
  version: z.number(),
  importId: z.number(),
  importedAt: z.string(),
  importedByName: z.string(),
  fileName: z.string(),
  sha256: z.string(),
  from: z.string(),
  until: z.string().nullable(),
  items: z.number(),
  inForce: z.number(),
});

const worklistSchema = z.object({
  on: z.string(),
  items: z.number(),
  // Open overlaps (a referred one marked); those a boundary settles are in `settled`.
  overlaps: z.array(overlapSchema.extend(overlapStateFields)),
  ...worklistDecisionFields(overlapSchema),
  gaps: z.array(gapSchema.extend({ agencies: z.array(agencyRef.extend({ role: z.enum(DUTY_ROLES) })) })),
  incomplete: z.array(
    z.object({
      id: z.number(),
      row: z.number(),
      code: z.string(),
      name: z.string(),
      agencyId: z.string(),
      agencyName: z.string(),
      version: z.number(),
      missing,
    }),
  ),
});

const importSchema = z.object({
  importId: z.number().nullable(),
  dryRun: z.boolean(),
  fileName: z.string(),
  sha256: z.string(),
  agencies: z.array(
    z.object({
      agencyId: z.string(),
      agencyName: z.string(),
      regionCode: z.string(),
      version: z.number(),
      from: z.string(),
      items: z.number(),
      superseded: z.number(),
    }),
  ),
  report: z.object({
    items: z.number(),
    overlaps: z.array(overlapSchema),
    gaps: z.array(gapSchema),
    incomplete: z.array(
      z.object({
        row: z.number(),
        code: z.string(),
        name: z.string(),
        agencyId: z.string(),
        agencyName: z.string(),
        missing,
      }),
    ),
  }),
});

function presentItem(i: StoredDutyItem) {
  return {
    id: i.id,
    row: i.row,
    code: i.code,
    name: i.name,
    type: i.type,
    agencyId: i.agency,
    agencyName: i.agencyName,
    regionCode: i.region ?? '',
    unit: i.unit,
    role: i.role,
    basis: i.basis,
    duties: i.duties,
    accountability: i.accountability,
    timeLimit: i.timeLimit,
    effectiveFrom: i.effectiveFrom,
    effectiveUntil: i.effectiveUntil,
    version: i.version,
    missing: missingOf(i),
  };
}

function presentChange(c: DutyChange<StoredDutyItem>) {
  return { code: c.code, columns: c.columns, before: presentItem(c.before), after: presentItem(c.after) };
}

function presentImport(r: DutyImportResult) {
  const power = (code: string) => r.names.powers[code] ?? code;
  const agency = (id: string) => ({ id, name: r.names.agencies[id] ?? id });
  return {
    importId: r.importId,
    dryRun: r.dryRun,
    fileName: r.fileName,
    sha256: r.sha256,
    agencies: r.agencies,
    report: {
      items: r.report.items,
      overlaps: r.report.overlaps.map((o) => ({
        ...o,
        name: power(o.code),
        agencies: o.agencies.map(agency),
      })),
      gaps: r.report.gaps.map((g) => ({ ...g, name: power(g.code), kind: gapKind(g.reason) })),
      incomplete: r.report.incomplete.map((x) => ({
        row: x.row,
        code: x.code,
        name: power(x.code),
        agencyId: x.agency,
        agencyName: agency(x.agency).name,
        missing: x.missing,
      })),
    },
  };
}

export default async function dutyRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  /** The agency whose list is asked for, if the actor may read it (else 404, as for any object). */
  async function readableAgency(actor: Actor, id: string) {
    const agency = await findAgency(db(), id);
    if (!agency || !canReadDuties(actor, agency)) throw notFound('执法机关');
    return agency;
  }

  function scopeOrForbid(actor: Actor) {
    const scope = dutyScope(actor);
    if (scope.kind === 'none') throw forbidden('当前角色无权查看权责清单');
    return scope;
  }

  r.get(
    '/duty-lists',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '权责清单：某日施行的清单项（可按机关、关键词查询，分页）',
        description:
          '默认今天施行的清单项；agencyId 为空时列出辖区内各机关的。q 检索职权编码、职权名称、承办机构和设定依据。',
        querystring: z.object({
          agencyId: agencyId.optional(),
          on: isoDate.optional(),
          q: z.string().trim().max(100).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(itemSchema).extend({ on: z.string() }), ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const scope = scopeOrForbid(actor);
      const { page, pageSize, on = app.clock.today(), agencyId: id, q } = req.query;
      if (id !== undefined) await readableAgency(actor, id);
      const result = await listDutyItems(db(), scope, { on, agencyId: id, q }, { page, pageSize });
      return { ...result, items: result.items.map(presentItem), on };
    },
  );

  r.get(
    '/duty-lists/versions',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '某机关权责清单的各版本（新版本在前）',
        description: '每次导入为所涉机关生成一个新版本；inForce 为该版本在 on（默认今天）施行的项数。',
        querystring: z.object({ agencyId, on: isoDate.optional() }),
        response: {
          200: z.object({
            agencyId: z.string(),
            agencyName: z.string(),
            on: z.string(),
            items: z.array(versionSchema),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      scopeOrForbid(actor);
      const agency = await readableAgency(actor, req.query.agencyId);
      const on = req.query.on ?? app.clock.today();
      const versions = await listDutyVersions(db(), agency.id, on);
      return {
        agencyId: agency.id,
        agencyName: agency.name,
        on,
        items: versions.map((v) => ({ ...v, importedAt: iso(v.importedAt)! })),
      };
    },
  );

  r.get(
    '/duty-lists/diff',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '某机关权责清单两个版本之间的差异（按职权编码：新增、删除、变更）',
        description:
          '变更按内容比较（职权名称、类型、承办机构、主办或协办、设定依据、责任事项、追责情形、时限），不比较日期。',
        querystring: z.object({ agencyId, from: versionNumber, to: versionNumber }),
        response: {
          200: z.object({
            agencyId: z.string(),
            from: z.number(),
            to: z.number(),
            added: z.array(itemSchema),
            removed: z.array(itemSchema),
            changed: z.array(
              z.object({
                code: z.string(),
                columns: z.array(columnName),
                before: itemSchema,
                after: itemSchema,
              }),
            ),
            unchanged: z.number(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      scopeOrForbid(actor);
      const agency = await readableAgency(actor, req.query.agencyId);
      const { from, to } = req.query;
      const diff = await diffDutyVersions(db(), agency.id, from, to);
      if (diff === null) throw notFound('清单版本');
      return {
        agencyId: agency.id,
        from,
        to,
        added: diff.added.map(presentItem),
        removed: diff.removed.map(presentItem),
        changed: diff.changed.map(presentChange),
        unchanged: diff.unchanged,
      };
    },
  );

  r.get(
    '/duty-lists/report',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '职责交叉、职责空白和要素不全（辖区内某日施行的清单）',
        description:
          '职责交叉：同一职权编码在同一地区同日有多个主办部门；职责空白：仅有协办部门；要素不全：缺少设定依据、责任事项或追责情形。' +
          '执法监督机构为本辖区，执法部门法制机构为本机关所涉事项。' +
          '职责交叉按某日有效的处理：已列入职责边界清单的移至 settled，已移交编制部门的标明 status=referred。',
        querystring: z.object({ on: isoDate.optional() }),
        response: { 200: worklistSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const on = req.query.on ?? app.clock.today();
      const scope = await worklistScope(db(), actor);
      if (scope.kind === 'none') throw forbidden('当前角色无权查看权责清单');
      const focus = actor.role === 'agency_legal' ? (actor.agencyId ?? undefined) : undefined;
      return presentResolvedWorklist(db(), actor, scope, await dutyWorklist(db(), scope, on, focus));
    },
  );

  r.post(
    '/duty-lists/imports',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '导入权责清单（.xlsx 或 .csv；全部成功或全部不写入）',
        description:
          `multipart/form-data，字段 file，至多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB；列同 GET /api/v1/duty-lists/template。` +
          '?dryRun=true 只检查并返回报告，不写入。错误按行号和列名列出（400）；实施主体须在执法机关登记册中（机构编码或机关全称）。' +
          '执法监督机构可导入辖区内机关的清单，执法部门法制机构只能导入本机关的（否则 403，不写入）。' +
          '每个机关的清单成为其新版本，自最早的生效日期起取代此前的清单。',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
        response: { 200: importSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canImportDuties(actor)) throw forbidden('当前角色无权导入权责清单');
      const file = await uploadedFile(req, {
        types: UPLOAD_TYPES,
        typeMessage: '权责清单应为 .csv 或 .xlsx 文件',
        maxBytes: MAX_UPLOAD_BYTES,
      });
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch {
        throw new HttpError(413, `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`);
      }
      const { items, sha256 } = await dutyFileItems(file.filename, data);
      const dryRun = req.query.dryRun === 'true';
      try {
        const result = await importDuties(db(), items, {
          fileName: file.filename,
          sha256,
          importedBy: { id: actor.id, name: actor.username },
          dryRun,
          authorize: (agency) => dutyImportDenial(actor, agency),
          audit: (res) => ({
            regionCode: actor.regionCode,
            actorId: actor.id,
            actorName: actor.username,
            action: 'duties.import',
            objectType: 'duty_import',
            objectId: String(res.importId),
            detail: {
              file: file.filename,
              sha256,
              items: res.report.items,
              agencies: res.agencies.map((a) => ({ agencyId: a.agencyId, version: a.version })),
              overlaps: res.report.overlaps.length,
              gaps: res.report.gaps.length,
              incomplete: res.report.incomplete.length,
            },
          }),
        });
        return presentImport(result);
      } catch (e) {
        if (e instanceof DutyImportDenied) throw new HttpError(403, e.message, e.fields);
        throw e;
      }
    },
  );

  r.get(
    '/duty-lists/template',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['duties'],
        summary: '权责清单导入模板（Excel）',
        description:
          '首个工作表为各列（顺序同 wenze duties --help）和一行示例；“可选值”表列出职权类型、主办或协办和责任事项的环节，' +
          '“填写说明”表列出每列的含义、是否必填和示例。可导入权责清单的角色可下载。',
        response: { 200: fileResponse('导入模板（.xlsx）', [XLSX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      if (!canImportDuties(actorOf(req))) throw forbidden('当前角色无权导入权责清单');
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="duty-list-template.xlsx"')
        .send(await dutiesTemplateXlsx());
    },
  );
}
