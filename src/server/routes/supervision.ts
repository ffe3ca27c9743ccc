// Full-process supervision (全程监督): enforcement acts in bulk from agencies' systems, the drill-down
// to acts and what the detection rules found in them, the supervision figures (findings by rule,
// agency and month; faults found vs faults pursued), early warning on repeat faults (Art. 19(2)),
// and the findings as a spreadsheet. Jurisdiction as everywhere: a supervisor its region, an
// agency's legal office its agency.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACT_KINDS, PARTY_TYPES, PROCEDURES } from '../../core/acts/codes.js';
import { actSchema } from '../../core/acts/schema.js';
import { PEER_LEVELS } from '../../core/assessment/peer.js';
import { RULE_NAMES } from '../../core/detect/index.js';
import {
  actScope,
  canImportActs,
  canReadAct,
  canRunFullDetection,
  earlyWarningScope,
  importDenial,
} from '../../core/policies/supervision.js';
import { findAct, findingsForExport, listActs, supervisionSummary } from '../../store/acts.repository.js';
import { actsFile } from '../../store/acts-formats.js';
import {
  ActImportDenied,
  type ActRecord,
  type ImportOptions,
  type ImportResult,
  importActs,
} from '../../store/acts-import.js';
import { actsTemplateXlsx } from '../../store/acts-template.js';
import { agencyRegionsById } from '../../store/agencies.repository.js';
import type { AuditEntry } from '../../store/audit.repository.js';
import { RULE_LABELS } from '../../store/detect-sql.js';
import { lastActImport, lastDetectionRuns } from '../../store/detection-runs.js';
import { forbidden, HttpError, notFound } from '../errors.js';
import { errors, fileResponse, iso, isoDate, pageOf, pageQuery } from '../schemas.js';
import { earlyWarning, peerComparison } from '../supervision/early-warning.js';
import { findingsXlsxStream } from '../supervision/export.js';
import nightly, { runDetection } from '../supervision/nightly.js';
import { actorOf } from '../types.js';
import { uploadedFile } from '../upload.js';
import { offsetPages, XLSX_TYPE } from '../xlsx-stream.js';

/** Acts per request, and the body size that allows them. */
export const MAX_BULK_ACTS = 10_000;
const BULK_BODY_LIMIT = 32 * 1024 * 1024;
/** A file uploaded in the console (.jsonl, .csv, .xlsx). */
export const MAX_UPLOAD_BYTES = 64 * 1024 * 1024;
const UPLOAD_TYPES = /\.(jsonl|ndjson|csv|xlsx)$/i;

const NDJSON = Symbol('ndjson');
type NdjsonRequest = FastifyRequest & { [NDJSON]?: boolean };

const ruleName = z.enum(RULE_NAMES);

const findingSchema = z.object({
  rule: ruleName,
  label: z.string(),
  fault: z.string().nullable(),
  basis: z.string(),
  detail: z.string(),
  relatedActId: z.string().nullable(),
  officerId: z.string().nullable(),
  foundAt: z.string(),
});

const actSummarySchema = z.object({
  id: z.string(),
  regionCode: z.string(),
  agencyId: z.string(),
  agencyName: z.string().nullable(),
  kind: z.enum(ACT_KINDS),
  matter: z.string().nullable(),
  procedure: z.enum(PROCEDURES).nullable(),
  partyType: z.enum(PARTY_TYPES).nullable(),
  partyId: z.string().nullable(),
  actOn: z.string().nullable(),
  decided: z.string().nullable(),
  fine: z.number().nullable(),
  importedAt: z.string(),
  updatedAt: z.string(),
  findings: z.array(findingSchema),
});

const actDetailSchema = actSummarySchema.extend({
  body: actSchema,
  leads: z.array(
    z.object({
      id: z.string(),
      rule: z.string().nullable(),
      status: z.string(),
      caseId: z.string().nullable(),
      caseNumber: z.string().nullable(),
      caseState: z.string().nullable(),
      dismissReason: z.string().nullable(),
    }),
  ),
});

const bulkResult = z.object({
  received: z.number(),
  inserted: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  findings: z.object({ total: z.number(), created: z.number(), updated: z.number(), removed: z.number() }),
  leads: z.number(),
  ms: z.number(),
});

const actsQuery = z.object({
  agencyId: z.string().max(40).optional(),
  rule: ruleName.optional(),
  kind: z.enum(ACT_KINDS).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  q: z.string().trim().max(100).optional(),
  flagged: z.enum(['true', 'false']).optional(),
});

const summaryQuery = z.object({
  agencyId: z.string().max(40).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
});

function presentImport(result: ImportResult) {
  const d = result.detection;
  return {
    received: result.received,
    inserted: result.inserted,
    updated: result.updated,
    unchanged: result.unchanged,
    findings: {
      total: d?.findings ?? 0,
      created: d?.created ?? 0,
      updated: d?.updated ?? 0,
      removed: d?.removed ?? 0,
    },
    leads: d?.leads ?? 0,
    ms: result.ms,
  };
}

function presentFinding(f: {
  rule: string;
  fault: string | null;
  basis: string;
  detail: string;
  relatedActId: string | null;
  officerId: string | null;
  foundAt: Date;
}) {
  return {
    // Findings are written by the detection rules only.
    rule: f.rule as (typeof RULE_NAMES)[number],
    label: RULE_LABELS[f.rule as keyof typeof RULE_LABELS] ?? f.rule,
    fault: f.fault,
    basis: f.basis,
    detail: f.detail,
    relatedActId: f.relatedActId,
    officerId: f.officerId,
    foundAt: iso(f.foundAt)!,
  };
}

function presentAct<
  T extends {
    kind: string;
    procedure: string | null;
    partyType: string | null;
    importedAt: Date;
    updatedAt: Date;
    findings: Parameters<typeof presentFinding>[0][];
  },
>(a: T) {
  // Columns filled from acts checked against the exchange format (src/core/acts/schema.ts).
  return {
    ...a,
    kind: a.kind as (typeof ACT_KINDS)[number],
    procedure: a.procedure as (typeof PROCEDURES)[number] | null,
    partyType: a.partyType as (typeof PARTY_TYPES)[number] | null,
    importedAt: iso(a.importedAt)!,
    updatedAt: iso(a.updatedAt)!,
    findings: a.findings.map(presentFinding),
  };
}

export default async function supervisionRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  await app.register(nightly);

  // NDJSON bodies: one act per line, numbered as lines in the errors.
  app.addContentTypeParser(
    ['application/x-ndjson', 'application/jsonl'],
    { parseAs: 'string', bodyLimit: BULK_BODY_LIMIT },
    (req, body, done) => {
      (req as NdjsonRequest)[NDJSON] = true;
      done(null, { acts: String(body).split('\n') });
    },
  );

  /**
   * An import as the actor may make it: jurisdiction over the acts named and over the acts already
   * stored under their ids (another agency's act is not overwritten: 403, nothing written), and its
   * audit entry (what came in and what it changed) in the import's transaction.
   */
  async function importAs(
    req: FastifyRequest,
    channel: 'bulk' | 'upload',
    input: Parameters<typeof importActs>[1],
    opts: Pick<ImportOptions, 'label'> & { extra?: Record<string, unknown> },
  ): Promise<ImportResult> {
    const actor = actorOf(req);
    try {
      return await importActs(app.database, input, {
        asOf: app.clock.today(),
        label: opts.label,
        authorize: (act, region) => importDenial(actor, act.agency, region),
        authorizeStored: (agency, region) => importDenial(actor, agency, region),
        audit: (result): AuditEntry => ({
          regionCode: actor.regionCode,
          actorId: actor.id,
          actorName: actor.username,
          action: 'acts.import',
          objectType: 'acts',
          objectId: channel,
          detail: {
            ...opts.extra,
            received: result.received,
            inserted: result.inserted,
            updated: result.updated,
            unchanged: result.unchanged,
            findingsCreated: result.detection?.created ?? 0,
          },
        }),
      });
    } catch (e) {
      if (e instanceof ActImportDenied) throw new HttpError(403, e.message, e.fields);
      throw e;
    }
  }

  function scopeOrForbid(req: FastifyRequest) {
    const scope = actScope(actorOf(req));
    if (scope.kind === 'none') throw forbidden('当前角色无权查看执法行为监督数据');
    return scope;
  }

  r.post(
    '/acts::bulk',
    {
      onRequest: app.authenticate,
      bodyLimit: BULK_BODY_LIMIT,
      schema: {
        tags: ['supervision'],
        summary: '批量导入执法行为（全部成功或全部不写入）',
        description:
          `JSON { "acts": [ … ] }（交换格式，CONTRACTS.md §3），或 application/x-ndjson 每行一件；每次至多 ` +
          `${MAX_BULK_ACTS} 件。按编号更新，内容未变的不写入；导入后对新增和变更的执法行为运行检测规则，` +
          '新发现生成线索。监督机构可导入辖区内机关的执法行为，执法部门法制机构只能导入本机关的。',
        body: z.object({ acts: z.array(z.unknown()).min(1).max(MAX_BULK_ACTS) }),
        response: { 200: bulkResult, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canImportActs(actor)) throw forbidden('当前角色无权导入执法行为');
      const ndjson = (req as NdjsonRequest)[NDJSON] === true;
      const records: ActRecord[] = ndjson
        ? (req.body.acts as string[])
            .map((text, i) => ({ line: i + 1, text: text.endsWith('\r') ? text.slice(0, -1) : text }))
            .filter((x) => x.text.trim() !== '')
        : req.body.acts.map((value, i) => ({ line: i, value }));
      if (records.length === 0)
        throw new HttpError(400, '没有可导入的执法行为', [{ path: 'acts', message: '为空' }]);
      const label = ndjson
        ? (line: number, path: string) => `line ${line}: ${path}`
        : (line: number, path: string) => (path === '(root)' ? `acts[${line}]` : `acts[${line}].${path}`);
      // Jurisdiction first: acts of agencies outside it are refused as a whole (403).
      const regions = await agencyRegionsById(db());
      const regionOf = (agency: string) => regions.get(agency) ?? null; // unregistered: bad input
      const denied: { path: string; message: string }[] = [];
      for (const rec of records) {
        let value = rec.value;
        if (rec.text !== undefined) {
          try {
            value = JSON.parse(rec.text);
          } catch {
            continue; // reported by the import
          }
        }
        const agency = (value as { agency?: unknown } | null)?.agency;
        if (typeof agency !== 'string' || agency === '') continue;
        const region = regionOf(agency);
        if (region === null) continue;
        const why = importDenial(actor, agency, region);
        if (why) denied.push({ path: label(rec.line, 'agency'), message: why });
      }
      if (denied.length > 0) {
        throw new HttpError(
          403,
          `无权导入：${denied.length} 件执法行为不在您的辖区，未写入任何数据`,
          denied.slice(0, 100),
        );
      }
      return presentImport(await importAs(req, 'bulk', { batches: [records] }, { label }));
    },
  );

  r.post(
    '/acts::upload',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '上传执法行为文件（.jsonl、.csv、.xlsx；全部成功或全部不写入）',
        description:
          `multipart/form-data，字段 file，至多 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB。格式与 wenze import acts 相同：` +
          '.jsonl 每行一件（交换格式），.csv/.xlsx 首行为列名（模板：GET /api/v1/acts/template.xlsx），枚举列可填中文标签或代码。' +
          '错误按行号和列名列出；导入后运行检测规则。',
        response: { 200: bulkResult, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canImportActs(actor)) throw forbidden('当前角色无权导入执法行为');
      const file = await uploadedFile(req, {
        types: UPLOAD_TYPES,
        typeMessage: '须为 .jsonl、.csv 或 .xlsx 文件',
        maxBytes: MAX_UPLOAD_BYTES,
      });
      const ext = file.filename.match(UPLOAD_TYPES)![1]!.toLowerCase();
      // The readers stream from disk (as for the CLI), so the upload goes to a private temp file.
      const dir = await mkdtemp(join(tmpdir(), 'wenze-acts-'));
      try {
        const path = join(dir, `upload.${ext}`);
        try {
          await pipeline(file.file, createWriteStream(path));
        } catch (e) {
          if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE' || file.file.truncated)
            throw new HttpError(413, `文件过大（上限 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`);
          throw e;
        }
        const source = await actsFile(path);
        return presentImport(await importAs(req, 'upload', source, { extra: { file: file.filename } }));
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  r.get(
    '/acts/template.xlsx',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '执法行为导入模板（Excel）',
        description:
          '首个工作表为各列（顺序同 wenze import acts --help）和一行示例；“可选值”表列出每个枚举列的中文标签和代码，' +
          '“填写说明”表列出每列的含义、是否必填和示例。可导入执法行为的角色可下载。',
        response: { 200: fileResponse('导入模板（.xlsx）', [XLSX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      if (!canImportActs(actorOf(req))) throw forbidden('当前角色无权导入执法行为');
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', 'attachment; filename="acts-template.xlsx"')
        .send(await actsTemplateXlsx());
    },
  );

  r.get(
    '/acts',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '执法行为及其检测发现（下钻）',
        querystring: actsQuery.extend(pageQuery),
        response: { 200: pageOf(actSummarySchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, flagged, ...f } = req.query;
      const result = await listActs(
        db(),
        scopeOrForbid(req),
        { ...f, flagged: flagged === 'true' },
        { page, pageSize },
      );
      return { ...result, items: result.items.map(presentAct) };
    },
  );

  r.get(
    '/acts/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '执法行为详情：原始记录、检测发现、线索与案件',
        params: z.object({ id: z.string().min(1).max(200) }),
        response: { 200: actDetailSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const act = await findAct(db(), req.params.id);
      if (!act || !canReadAct(actor, act)) throw notFound('执法行为');
      const { bodyHash: _hash, ...rest } = act;
      // The body is the act as imported, checked against the exchange format then.
      return presentAct({ ...rest, body: rest.body as z.output<typeof actSchema> });
    },
  );

  r.get(
    '/supervision/rules',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '检测规则',
        response: {
          200: z.object({ items: z.array(z.object({ rule: z.string(), label: z.string() })) }),
          ...errors,
        },
      },
    },
    async () => ({ items: RULE_NAMES.map((rule) => ({ rule, label: RULE_LABELS[rule] })) }),
  );

  r.get(
    '/supervision/summary',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '监督统计：按规则、机关、月份的检测发现，发现与追责的对比',
        querystring: summaryQuery,
        response: {
          200: z.object({
            totals: z.object({
              acts: z.number(),
              findings: z.number(),
              pursued: z.number(),
              sustained: z.number(),
              dismissed: z.number(),
            }),
            byRule: z.array(
              z.object({
                rule: z.string(),
                label: z.string(),
                fault: z.string().nullable(),
                count: z.number(),
              }),
            ),
            byAgency: z.array(
              z.object({
                agencyId: z.string(),
                agencyName: z.string().nullable(),
                regionCode: z.string(),
                acts: z.number(),
                findings: z.number(),
                pursued: z.number(),
                sustained: z.number(),
                dismissed: z.number(),
                findingRate: z.number().nullable(),
                pursuedRate: z.number().nullable(),
              }),
            ),
            byMonth: z.array(
              z.object({
                month: z.string(),
                acts: z.number(),
                findings: z.number(),
                byRule: z.record(z.string(), z.number()),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const s = await supervisionSummary(db(), scopeOrForbid(req), req.query);
      const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10_000) / 10_000 : null);
      return {
        ...s,
        byRule: s.byRule.map((x) => ({
          ...x,
          label: RULE_LABELS[x.rule as keyof typeof RULE_LABELS] ?? x.rule,
        })),
        byAgency: s.byAgency.map((a) => ({
          ...a,
          findingRate: rate(a.findings, a.acts),
          pursuedRate: rate(a.pursued, a.findings),
        })),
      };
    },
  );

  const runSchema = z.object({
    at: z.string(),
    trigger: z.enum(['nightly', 'manual', 'cli']),
    actorName: z.string().nullable(),
    asOf: z.string(),
    acts: z.number(),
    findings: z.number(),
    created: z.number(),
    updated: z.number(),
    removed: z.number(),
    leads: z.number(),
    ms: z.number(),
  });
  const presentRun = (run: Awaited<ReturnType<typeof lastDetectionRuns>>[number]) => ({
    ...run,
    at: iso(run.at)!,
  });

  r.get(
    '/supervision/runs',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '数据时效：辖区内最近一次报送，以及最近几次全面检测（每晚 02:00，或管理员手动）',
        response: {
          200: z.object({
            lastImport: z.string().nullable(),
            runs: z.array(runSchema),
            permissions: z.object({ run: z.boolean() }),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const scope = scopeOrForbid(req);
      const [last, runs] = await Promise.all([lastActImport(db(), scope), lastDetectionRuns(db())]);
      return {
        lastImport: last ? iso(last)! : null,
        runs: runs.map(presentRun),
        permissions: { run: canRunFullDetection(actorOf(req)) },
      };
    },
  );

  r.post(
    '/supervision/runs',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '立即全面检测：对全部执法行为运行全部检测规则（系统管理员）',
        description:
          '与每晚的检测相同，覆盖全部辖区，适用于修改工作日历之后。正在进行的检测不会重复启动，请求等待其结果。',
        response: { 200: runSchema, ...errors },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canRunFullDetection(actor)) throw forbidden('只有系统管理员可以启动全面检测');
      await runDetection(
        app.database,
        { trigger: 'manual', actorId: actor.id, actorName: actor.username },
        app.clock.today(),
      );
      const [run] = await lastDetectionRuns(db(), 1);
      return presentRun(run);
    },
  );

  const faultSchema = z.object({
    officerId: z.string(),
    date: z.string().nullable(),
    kind: z.enum(['finding', 'sustained']),
    rule: z.string().nullable(),
    actId: z.string().nullable(),
    detail: z.string(),
    caseId: z.string().nullable(),
    caseNumber: z.string().nullable(),
  });

  const peerSchema = z.object({
    officer: z.string(),
    agency: z.string(),
    kind: z.enum(ACT_KINDS),
    acts: z.number(),
    faults: z.number(),
    per100: z.number().nullable(),
    peers: z.number(),
    median: z.number().nullable(),
    percentile: z.number().nullable(),
    level: z.enum(PEER_LEVELS),
    reason: z.string(),
  });

  r.get(
    '/supervision/early-warning',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary:
          '过错预警：一年内多次过错的执法人员（第十九条第二项）；同单位同类执法人员中每百件执法行为过错数的百分位（同行比较）',
        querystring: z.object({ asOf: isoDate.optional(), officerId: z.string().max(40).optional() }),
        response: {
          200: z.object({
            asOf: z.string(),
            items: z.array(
              z.object({
                officerId: z.string(),
                name: z.string(),
                regionCode: z.string(),
                agencyId: z.string(),
                agencyName: z.string(),
                post: z.string().nullable(),
                level: z.enum(['warning', 'attention']),
                pack: z.string(),
                thresholds: z.object({
                  window: z.object({ count: z.number(), unit: z.enum(['year', 'month', 'day']) }),
                  attentionAt: z.number(),
                  warningAt: z.number(),
                  sanctionsWarningAt: z.number(),
                }),
                window: z.object({ from: z.string(), to: z.string() }),
                faults: z.number(),
                findings: z.number(),
                sustained: z.number(),
                sustainedTotal: z.number(),
                reasons: z.array(z.string()),
                history: z.array(faultSchema),
                peer: z.array(peerSchema),
              }),
            ),
            /** Officers at 关注 or 预警 by the peer comparison (whether or not at the thresholds). */
            peers: z.array(
              peerSchema.extend({
                name: z.string(),
                window: z.object({ from: z.string(), to: z.string() }),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const scope = earlyWarningScope(actorOf(req));
      if (scope.kind === 'none') throw forbidden('当前角色无权查看过错预警');
      const asOf = req.query.asOf ?? app.clock.today();
      const peers = await peerComparison(app.database, scope, asOf);
      const items = await earlyWarning(app.database, scope, asOf, peers);
      const { officerId } = req.query;
      const mine = <T extends { officerId?: string; officer?: string }>(x: T) =>
        !officerId || (x.officerId ?? x.officer) === officerId;
      return { asOf, items: items.filter(mine), peers: peers.watch.filter(mine) };
    },
  );

  r.get(
    '/supervision/export.xlsx',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '导出检测发现（Excel）',
        querystring: summaryQuery.extend({ rule: ruleName.optional() }),
        response: { 200: fileResponse('检测发现表（.xlsx）', [XLSX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      // Streamed a page at a time: memory stays bounded whatever the jurisdiction's size.
      const scope = scopeOrForbid(req);
      const pages = offsetPages(
        (offset, size) => findingsForExport(db(), scope, req.query, size, offset),
        5000,
      );
      return reply
        .type(XLSX_TYPE)
        .header('content-disposition', `attachment; filename="findings-${app.clock.today()}.xlsx"`)
        .send(findingsXlsxStream(pages));
    },
  );
}
