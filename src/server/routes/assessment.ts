// 年度考核: a region's year (agencies and officers ranked, the pursued rate, trends, the officers
// 不合格 years running), one subject with every point explained and the acts, cases and review files
// behind it, and the report (.docx with charts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ASSESSMENT_GRADES,
  ASSESSMENT_INDICATORS,
  ASSESSMENT_PARTS,
  SUBJECT_KINDS,
} from '../../core/assessment/policy.js';
import { assessmentReport } from '../../documents/assessment.js';
import { assessRegion, presentSubject, presentYear, reportModel, viewOf } from '../assessment/service.js';
import { attachment, DOCX_TYPE } from '../download.js';
import { forbidden } from '../errors.js';
import { errors, fileResponse } from '../schemas.js';
import { actorOf } from '../types.js';

const tags = ['assessment'];

const yearParam = z.object({
  year: z.coerce
    .number({ message: '考核年度无效' })
    .int({ message: '考核年度无效' })
    .min(2000, { message: '考核年度无效' })
    .max(2199, { message: '考核年度无效' }),
});
const regionQuery = z.object({
  regionCode: z
    .string()
    .regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字' })
    .optional()
    .describe('考核的地区（默认本人所在地区）'),
});

const grade = z.enum(ASSESSMENT_GRADES);
const pursuedSchema = z.object({
  found: z.number(),
  pursued: z.number(),
  toleranceExempt: z.number(),
  statutoryExempt: z.number(),
  unpursued: z.number(),
  rate: z.number().nullable(),
  rateExcludingExemptions: z.number().nullable(),
});
const partSchema = z.object({
  part: z.enum(ASSESSMENT_PARTS),
  label: z.string(),
  weight: z.number(),
  max: z.number(),
  points: z.number(),
});
const flagSchema = z.object({
  kind: z.literal('consecutive_fail'),
  action: z.string(),
  cite: z.string(),
  reason: z.string(),
});
const gradeCounts = z.object(
  Object.fromEntries(ASSESSMENT_GRADES.map((g) => [g, z.number()])) as Record<
    (typeof ASSESSMENT_GRADES)[number],
    z.ZodNumber
  >,
);
const summarySchema = z.object({
  kind: z.enum(SUBJECT_KINDS),
  id: z.string(),
  name: z.string(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  total: z.number().nullable(),
  grade: grade.nullable(),
  gradeLabel: z.string().nullable(),
  rank: z.number().nullable(),
  agencyRank: z.number().nullable(),
  parts: z.array(partSchema),
  pursued: pursuedSchema.nullable(),
  flags: z.array(flagSchema),
  trend: z.array(
    z.object({
      year: z.number(),
      total: z.number().nullable(),
      grade: grade.nullable(),
      pursuedRate: z.number().nullable(),
    }),
  ),
});
const kindTrend = z.object({ assessed: z.number(), meanTotal: z.number().nullable(), grades: gradeCounts });

export const yearSchema = z.object({
  year: z.number(),
  regionCode: z.string(),
  regionName: z.string(),
  view: z.enum(['region', 'agency']),
  policy: z.object({
    title: z.string(),
    summary: z.boolean(),
    source: z.string(),
    weights: z.object({ general: z.number(), sector: z.number(), external: z.number() }),
    bands: z.object({ excellent: z.number(), pass: z.number(), basicPass: z.number() }),
    pursuedExcludesExemptions: z.boolean(),
    consecutiveFail: z.object({ years: z.number(), action: z.string(), cite: z.string() }),
  }),
  pursued: pursuedSchema,
  grades: z.object({ agency: gradeCounts, officer: gradeCounts }),
  agencies: z.array(summarySchema),
  officers: z.array(summarySchema),
  flagged: z.array(summarySchema),
  trends: z.array(
    z.object({
      year: z.number(),
      pursued: pursuedSchema,
      kinds: z.object({ agency: kindTrend, officer: kindTrend }),
    }),
  ),
  gradeLabels: z.record(z.string(), z.string()),
});

const idList = z.array(z.string()).optional();
const linkList = z.array(z.object({ id: z.string(), href: z.string() }));
export const subjectSchema = summarySchema.extend({
  year: z.number(),
  regionCode: z.string(),
  reasons: z.array(z.string()),
  points: z.array(
    z.object({
      indicator: z.enum(ASSESSMENT_INDICATORS),
      label: z.string(),
      part: z.enum(ASSESSMENT_PARTS),
      applicable: z.boolean(),
      value: z.number().nullable(),
      max: z.number(),
      points: z.number(),
      explanation: z.string(),
      refs: z.object({ acts: idList, cases: idList, files: idList }),
      links: z.object({ acts: linkList, cases: linkList, files: linkList }),
    }),
  ),
});

export default async function assessmentRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/assessment/:year',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '年度考核：执法部门与执法人员的得分、等次与排名，过错追究率，历年趋势，连续不合格人员',
        description:
          '按该地区适用规则包的年度考核办法（params.assessment）从数据计算：通用、业务、外部评议三部分，无数据的指标不计分、其分值并入其他指标。执法监督机构与系统管理员看本地区全部；执法部门法制机构只看本部门及其执法人员。',
        params: yearParam,
        querystring: regionQuery,
        response: { 200: yearSchema, ...errors },
      },
    },
    async (req) => {
      const region = req.query.regionCode ?? actorOf(req).regionCode;
      const view = viewOf(req, region);
      return presentYear(await assessRegion(req, region, req.params.year), view);
    },
  );

  r.get(
    '/assessment/:year/subjects/:id',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '一个考核对象（执法部门或执法人员）：逐项得分与说明，可追溯到执法行为、案件和评查案卷',
        params: yearParam.extend({ id: z.string().min(1).max(60) }),
        querystring: regionQuery,
        response: { 200: subjectSchema, ...errors },
      },
    },
    async (req) => {
      const region = req.query.regionCode ?? actorOf(req).regionCode;
      const view = viewOf(req, region);
      return presentSubject(await assessRegion(req, region, req.params.year), view, req.params.id);
    },
  );

  r.get(
    '/assessment/:year/report.docx',
    {
      onRequest: app.authenticate,
      schema: {
        tags,
        summary: '年度行政执法考核结果报告（.docx，含图表）',
        description: '执法监督机构与系统管理员可下载本地区的报告；同一数据生成的文件逐字节相同。',
        params: yearParam,
        querystring: regionQuery,
        response: { 200: fileResponse('年度考核结果报告', [DOCX_TYPE]), ...errors },
      },
    },
    async (req, reply) => {
      const region = req.query.regionCode ?? actorOf(req).regionCode;
      if (viewOf(req, region).kind !== 'region') throw forbidden('只有执法监督机构可以下载全地区的考核报告');
      const a = await assessRegion(req, region, req.params.year);
      const content = await assessmentReport(reportModel(a, `${app.clock.today()}T00:00:00+08:00`));
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachment(`${a.regionName}${a.year}年度行政执法考核结果报告.docx`))
        .send(content);
    },
  );
}
