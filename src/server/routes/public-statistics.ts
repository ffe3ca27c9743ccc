// 公开的问责统计 and 行政执法年度报告 on the portal (issue 15), no login, rate-limited like the other
// public routes: aggregate counts only, never a name, read from the precomputed figures
// (src/store/public-figures.repository.ts). The figures are refreshed nightly (nightly.ts), when the
// app starts on a database that has none, after an import of acts, and after an action on a case, an
// appeal, a tolerance application or a lead (the accountability part; small tables) — after the
// response, so that nobody waits for them. Registered with fastify-plugin so that the refresh hook
// sees the other routes of the API.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { safeCsvCell } from '../../core/csv-cell.js';
import { type AnnualReport, annualReportOf } from '../../core/disclosure/annual-report.js';
import { annualReportAvailable, annualReportOn, latestReportYear } from '../../core/disclosure/report.js';
import {
  ACCOUNTABILITY_MEASURES,
  FIGURE_KEYS,
  FIGURE_MEASURE_LABELS,
  type FigureMeasure,
  publicStatisticsOf,
} from '../../core/disclosure/statistics.js';
import { annualReportDocx, annualReportTitle } from '../../documents/annual-report.js';
import {
  figureYears,
  hasPublicFigures,
  readFigures,
  reportRegionName,
} from '../../store/public-figures.repository.js';
import { attachment, DOCX_TYPE } from '../download.js';
import { HttpError } from '../errors.js';
import { errorSchema, fileResponse } from '../schemas.js';
import { figuresSettled, refreshAfter, scheduleFiguresRefresh } from '../supervision/public-figures.js';
import { sendCached } from './public-decisions.js';

// --- schemas ------------------------------------------------------------------------------------

const keyCount = z.object({ key: z.string(), label: z.string(), n: z.number().int() });
const line = {
  found: z.number().int().describe('发现问题线索'),
  registered: z.number().int().describe('立案'),
  decided: z.number().int().describe('作出处理决定'),
  pursued: z.number().int().describe('其中追究责任'),
  sanctioned: z.number().int().describe('追究责任人次'),
  toleranceGranted: z.number().int().describe('容错免责、从轻减轻人次'),
  appealsDecided: z.number().int().describe('办结申诉、复核'),
};

const statisticsSchema = z.object({
  year: z.number().int().nullable(),
  years: z.array(z.number().int()),
  refreshedAt: z.string().nullable(),
  totals: z.object(line),
  outcomes: z.array(keyCount),
  sanctions: z.array(keyCount),
  tolerance: z.array(keyCount),
  appeals: z.array(keyCount),
  byAgency: z.array(z.object({ agencyId: z.string().nullable(), agencyName: z.string(), ...line })),
  byYear: z.array(z.object({ year: z.number().int(), ...line })),
});

const reportSchema = z.object({
  year: z.number().int(),
  regionName: z.string(),
  title: z.string(),
  publishedOn: z.string(),
  refreshedAt: z.string().nullable(),
  penalties: z.object({
    byCategory: z.array(keyCount.extend({ amountWan: z.string().describe('罚款金额（万元）') })),
    total: z.object({ n: z.number().int(), amountWan: z.string() }),
    byAgency: z.array(
      z.object({
        agencyId: z.string().nullable(),
        agencyName: z.string(),
        n: z.number().int(),
        amountWan: z.string(),
      }),
    ),
  }),
  licensing: z.object({
    byStage: z.array(keyCount),
    byAgency: z.array(
      z.object({
        agencyId: z.string().nullable(),
        agencyName: z.string(),
        applied: z.number().int(),
        accepted: z.number().int(),
        granted: z.number().int(),
        refused: z.number().int(),
        revoked: z.number().int(),
      }),
    ),
  }),
  accountability: z.object({ ...line, sanctions: z.array(keyCount), outcomes: z.array(keyCount) }),
});

const yearQuery = z.object({ year: z.coerce.number().int().min(1990).max(2199).optional() });
const yearParam = z.object({
  year: z.coerce.number({ message: '年度须为四位数字' }).int('年度须为四位数字').min(1990).max(2199),
});

/** The CSV of the figures: one line per year, agency, measure and key. */
function figuresCsv(rows: Awaited<ReturnType<typeof readFigures>>): string {
  const lines = ['年度,执法部门,指标,分类,数量'];
  for (const r of rows) {
    const keys = FIGURE_KEYS[r.measure] as Record<string, string>;
    lines.push(
      [
        String(r.year),
        r.agencyName ?? '未确定执法部门',
        FIGURE_MEASURE_LABELS[r.measure],
        keys[r.key] ?? r.key,
        String(r.n),
      ]
        .map(safeCsvCell)
        .join(','),
    );
  }
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

async function annualReport(app: FastifyInstance, year: number) {
  const today = app.clock.today();
  if (!annualReportAvailable(year, today)) {
    throw new HttpError(
      404,
      `${year}年度行政执法年度报告将于${annualReportOn(year).replace(/^(\d+)-0?(\d+)-0?(\d+)$/, '$1年$2月$3日')}公布（国办发〔2018〕118号：每年1月31日前公开上年度数据）；目前可查看${latestReportYear(today)}年度及以前的报告`,
      [{ path: 'year', message: '该年度报告尚未公布' }],
    );
  }
  const db = app.database.db;
  const measures: FigureMeasure[] = ['penalty', 'licensing', ...ACCOUNTABILITY_MEASURES];
  const [rows, regionName, { refreshedAt }] = await Promise.all([
    readFigures(db, { measures, year }),
    reportRegionName(db),
    figureYears(db, measures),
  ]);
  const report: AnnualReport = annualReportOf(year, rows);
  const doc = { regionName, organName: `${regionName}人民政府`, report };
  return { doc, refreshedAt };
}

// --- routes -------------------------------------------------------------------------------------

async function publicStatisticsRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const rateLimit = { max: app.rateLimits.public, timeWindow: '1 minute' };

  // A database without figures (first start, or one migrated from before them) gets them now.
  app.addHook('onReady', async () => {
    try {
      if (!(await hasPublicFigures(db()))) await scheduleFiguresRefresh(app, 'all');
    } catch (err) {
      app.log.error({ err }, 'checking the public figures failed');
    }
  });
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const which = refreshAfter(req, reply.statusCode);
    if (which) void scheduleFiguresRefresh(app, which);
  });
  app.addHook('onClose', async () => figuresSettled(app));

  r.get(
    '/public/statistics',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '执法监督统计：问责案件、追究方式、容错与申诉（汇总数，无需登录）',
        description:
          '按年度（不填为全部年度）统计；数据每日夜间及导入、办案后更新，只含汇总数，不含任何姓名。',
        querystring: yearQuery,
        response: { 200: statisticsSchema, 400: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      const [rows, { years, refreshedAt }] = await Promise.all([
        readFigures(db(), { measures: ACCOUNTABILITY_MEASURES }),
        figureYears(db(), ACCOUNTABILITY_MEASURES),
      ]);
      return {
        ...publicStatisticsOf(rows, req.query.year ?? null),
        years,
        refreshedAt: refreshedAt?.toISOString() ?? null,
      };
    },
  );

  r.get(
    '/public/open-data/statistics.csv',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '开放数据：执法监督统计（CSV，ETag）',
        description: 'UTF-8（带 BOM）CSV：年度、执法部门、指标、分类、数量；只含汇总数。',
        querystring: yearQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV'), 304: z.null(), 400: errorSchema, 429: errorSchema },
      },
    },
    async (req, reply) => {
      const rows = await readFigures(db(), { measures: ACCOUNTABILITY_MEASURES, year: req.query.year });
      return sendCached(req, reply, figuresCsv(rows), 'text/csv; charset=utf-8');
    },
  );

  r.get(
    '/public/annual-report/:year',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '行政执法年度报告（网页数据）',
        description:
          '上年度行政处罚（按行政处罚法第九条种类，并处的按最重种类计 1 件；罚款金额以万元计）、行政许可（申请、受理、许可、不予许可、撤销）与责任追究情况；每年1月31日起可查看上年度报告，之前为 404。',
        params: yearParam,
        response: { 200: reportSchema, 400: errorSchema, 404: errorSchema, 429: errorSchema },
      },
    },
    async (req) => {
      const { doc, refreshedAt } = await annualReport(app, req.params.year);
      return {
        ...doc.report,
        regionName: doc.regionName,
        title: annualReportTitle(doc),
        refreshedAt: refreshedAt?.toISOString() ?? null,
      };
    },
  );

  r.get(
    '/public/annual-report/:year.docx',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '行政执法年度报告（Word 文档）',
        params: yearParam,
        produces: [DOCX_TYPE],
        response: {
          200: fileResponse('年度报告（Word）', [DOCX_TYPE]),
          400: errorSchema,
          404: errorSchema,
          429: errorSchema,
        },
      },
    },
    async (req, reply) => {
      const { doc } = await annualReport(app, req.params.year);
      const bytes = await annualReportDocx(doc);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachment(`${annualReportTitle(doc)}.docx`))
        .header('cache-control', 'public, max-age=300')
        .send(bytes);
    },
  );
}

export default fp(publicStatisticsRoutes, { name: 'public-statistics' });
