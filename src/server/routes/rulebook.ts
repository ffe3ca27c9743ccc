// The rulebook over HTTP: determinations (same request and response as `wenze determine`), the
// rule packs, the catalogue, the Measures by chapter and article, search, and the vocabulary the
// determination simulator needs. Every route requires a logged-in user; all are read-only except
// POST /determinations, which computes and stores nothing.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  basisSchema,
  determinationRequestSchema,
  determinationSchema,
  determineValidated,
  prepareParsed,
} from '../../core/determine/index.js';
import { DEFAULT_PACK, defaultPacks, type PackRegistry } from '../../core/rulebook/packs/registry.js';
import { packParamsSchema } from '../../core/rulebook/packs/schema.js';
import type { ResolvedPack } from '../../core/rulebook/packs/types.js';
import { type SearchHit, searchRegulation } from '../../core/rulebook/search.js';
import {
  assessParsed,
  toleranceAssessmentSchema,
  toleranceRequestSchema,
} from '../../core/tolerance/assess.js';
import { searchTerms } from '../segment.js';

/**
 * The phrase as typed first; then, to fill the list, the texts that contain the query's words
 * (jieba segmentation), ranked by how many of the words they contain.
 */
function segmentedSearch(pack: ResolvedPack, q: string, limit: number): SearchHit[] {
  const exact = searchRegulation(pack, q, limit);
  if (exact.length >= limit) return exact;
  const terms = searchTerms(q).filter((t) => t.length >= 2 || /[a-z0-9.]/i.test(t));
  const seen = new Set(exact.map((h) => `${h.kind}:${h.title}`));
  const byDoc = new Map<string, SearchHit>();
  for (const term of terms) {
    for (const h of searchRegulation(pack, term, 200)) {
      const key = `${h.kind}:${h.title}`;
      if (seen.has(key)) continue;
      const prev = byDoc.get(key);
      byDoc.set(key, prev ? { ...prev, score: prev.score + h.score } : h);
    }
  }
  const more = [...byDoc.values()].sort((a, b) => b.score - a.score);
  return [...exact, ...more].slice(0, limit);
}

import { regulationOf } from '../../core/rulebook/structure.js';
import {
  ACT_CIRCUMSTANCE_INFO,
  ADJUSTMENT_LABELS,
  AGENCY_MEASURE_LABELS,
  AGENCY_TRIGGER_INFO,
  CONDUCT,
  DECISION_LABELS,
  HARM_LABELS,
  IMPACT_LABELS,
  NATURE_LABELS,
  OUTCOME_LABELS,
  PERSONAL_CIRCUMSTANCE_INFO,
  REFERRAL_LABELS,
  ROLE_LABELS,
  SANCTION_FORM_LABELS,
  SHARE_LABELS,
} from '../../core/rulebook/vocabulary.js';
import { errors, isoDate } from '../schemas.js';

export interface RulebookRoutesOptions {
  /** Rule packs to serve; the built-in ones by default (an admin's edited packs later). */
  packs?: PackRegistry;
}

const packQuery = z.object({
  pack: z.string().min(1).max(60).optional(),
  on: isoDate.optional(),
});

const cite = z.object({ article: z.number().int(), clause: z.number().int().optional() });
const catalogueItemSchema = z.object({
  code: z.string(),
  category: z.string(),
  item: z.number().int(),
  text: z.string(),
  cite: z.object({ chapter: z.number().int(), category: z.string(), item: z.string() }),
});
const catalogSchema = z.object({
  pack: z.string(),
  version: z.string(),
  items: z.array(catalogueItemSchema),
});

const packsSchema = z.object({
  packs: z.array(
    z.object({
      name: z.string(),
      title: z.string(),
      region: z.string(),
      parent: z.string().nullable(),
      default: z.boolean(),
      versions: z.array(
        z.object({
          version: z.string(),
          validFrom: z.string(),
          validTo: z.string().nullable(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
});

const regulationSchema = z.object({
  pack: z.string(),
  version: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  title: z.string(),
  chapters: z.array(
    z.object({
      number: z.number().int(),
      label: z.string(),
      title: z.string(),
      text: z.string(),
      summary: z.boolean(),
      source: z.string(),
      articles: z.array(
        z.object({
          number: z.number().int(),
          label: z.string(),
          intro: z.string(),
          closing: z.string(),
          text: z.string(),
          clauses: z.array(z.object({ number: z.number().int(), label: z.string(), text: z.string(), cite })),
          summary: z.boolean(),
          source: z.string(),
          rules: z.array(z.string()),
        }),
      ),
      categories: z.array(
        z.object({
          code: z.string(),
          title: z.string(),
          intro: z.string(),
          items: z.array(catalogueItemSchema),
        }),
      ),
    }),
  ),
});

const searchSchema = z.object({
  pack: z.string(),
  version: z.string(),
  query: z.string(),
  hits: z.array(
    z.object({
      kind: z.enum(['chapter', 'article', 'clause', 'catalogue']),
      title: z.string(),
      text: z.string(),
      snippet: z.string(),
      score: z.number(),
      chapter: z.number().int(),
      article: z.number().int().optional(),
      clause: z.number().int().optional(),
      code: z.string().optional(),
      cite: z.union([basisSchema, catalogueItemSchema.shape.cite]).optional(),
      summary: z.boolean(),
    }),
  ),
});

const labelled = z.array(z.object({ code: z.string(), label: z.string() }));
const vocabularySchema = z.object({
  roles: labelled,
  decisions: labelled,
  conduct: z.array(
    z.object({ code: z.string(), label: z.string(), roles: z.array(z.string()), cites: z.array(cite) }),
  ),
  personalCircumstances: z.array(z.object({ code: z.string(), label: z.string(), cite })),
  actCircumstances: z.array(z.object({ code: z.string(), label: z.string(), cite })),
  agencyTriggers: z.array(z.object({ code: z.string(), label: z.string(), cite })),
  shares: labelled,
  severity: z.object({ nature: labelled, harm: labelled, impact: labelled }),
  outcomes: labelled,
  adjustments: labelled,
  sanctionForms: labelled,
  agencyMeasures: labelled,
  referrals: labelled,
});

const paramsSchema = z.object({
  pack: z.string(),
  title: z.string(),
  region: z.string(),
  version: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  lineage: z.array(z.object({ name: z.string(), version: z.string() })),
  params: packParamsSchema,
});

const list = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels).map(([code, label]) => ({ code, label }));
const withCite = (
  info: Readonly<Record<string, { label: string; cite: { article: number; clause?: number } }>>,
) => Object.entries(info).map(([code, v]) => ({ code, label: v.label, cite: v.cite }));

const VOCABULARY = {
  roles: list(ROLE_LABELS),
  decisions: list(DECISION_LABELS),
  conduct: Object.entries(CONDUCT).map(([code, c]) => ({
    code,
    label: c.label,
    roles: [...c.roles],
    cites: [...c.cites],
  })),
  personalCircumstances: withCite(PERSONAL_CIRCUMSTANCE_INFO),
  actCircumstances: withCite(ACT_CIRCUMSTANCE_INFO),
  agencyTriggers: withCite(AGENCY_TRIGGER_INFO),
  shares: list(SHARE_LABELS),
  severity: { nature: list(NATURE_LABELS), harm: list(HARM_LABELS), impact: list(IMPACT_LABELS) },
  outcomes: list(OUTCOME_LABELS),
  adjustments: list(ADJUSTMENT_LABELS),
  sanctionForms: list(SANCTION_FORM_LABELS),
  agencyMeasures: list(AGENCY_MEASURE_LABELS),
  referrals: list(REFERRAL_LABELS),
};

export default async function rulebookRoutes(app: FastifyInstance, opts: RulebookRoutesOptions = {}) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const packs = opts.packs ?? defaultPacks;
  const selected = (q: { pack?: string; on?: string }): ResolvedPack =>
    packs.select(q.pack ?? DEFAULT_PACK, q.on ?? app.clock.today());

  r.post(
    '/determinations',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary:
          '责任判定：谁承担责任、依据哪条哪项、从重从轻情节、追究形式（与 wenze determine 相同）；whatIf=true 时另给出改变每人结论的最小事实变化',
        querystring: packQuery.extend({
          whatIf: z
            .enum(['true', 'false'])
            .optional()
            .describe(
              'true：对每个人员和机关，给出改变其结论或第二十四条追究形式所在项的最小事实变化（whatIf）',
            ),
        }),
        body: determinationRequestSchema,
        response: { 200: determinationSchema, ...errors },
      },
    },
    async (req) => {
      const { pack, on } = req.query;
      const { request, compiled } = prepareParsed(req.body, packs, { pack, on });
      const result = determineValidated(request, compiled, { whatIf: req.query.whatIf === 'true' });
      // What-if changes carry values of the request's facts, which came in as JSON.
      return result as z.output<typeof determinationSchema>;
    },
  );

  r.post(
    '/tolerance/assessments',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary:
          '容错评估：按规则包中的容错纠错实施办法，列出每项容错条件是否满足、负面清单情形、三个区分开来与结论（与 wenze tolerance assess 相同）',
        querystring: packQuery,
        body: toleranceRequestSchema,
        response: { 200: toleranceAssessmentSchema, ...errors },
      },
    },
    async (req) => assessParsed(req.body, packs, { pack: req.query.pack, on: req.query.on }),
  );

  r.get(
    '/rulebook/packs',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary: '规则包及其版本、生效期间',
        response: { 200: packsSchema, ...errors },
      },
    },
    async () => ({ packs: packs.list() }),
  );

  r.get(
    '/rulebook/params',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary: '生效规则包的参数（程序期限、第十九条第（二）项阈值、预警阈值等）',
        querystring: packQuery,
        response: { 200: paramsSchema, ...errors },
      },
    },
    async (req) => {
      const p = selected(req.query);
      return {
        pack: p.name,
        title: p.title,
        region: p.region,
        version: p.version,
        validFrom: p.validFrom,
        validTo: p.validTo,
        lineage: [...p.lineage],
        params: structuredClone(p.params),
      };
    },
  );

  r.get(
    '/rulebook/catalog',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary: '行政执法过错行为目录（第二章，52 项）',
        querystring: packQuery,
        response: { 200: catalogSchema, ...errors },
      },
    },
    async (req) => {
      const p = selected(req.query);
      return { pack: p.name, version: p.version, items: [...p.catalogue] };
    },
  );

  r.get(
    '/rulebook/articles',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary: '办法全文结构：章、条、项及文本，摘要标记，目录条目',
        querystring: packQuery,
        response: { 200: regulationSchema, ...errors },
      },
    },
    async (req) => regulationOf(selected(req.query)),
  );

  r.get(
    '/rulebook/search',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary: '在条文和目录中检索',
        querystring: packQuery.extend({
          q: z.string().trim().min(1).max(100),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: { 200: searchSchema, ...errors },
      },
    },
    async (req) => {
      const p = selected(req.query);
      return {
        pack: p.name,
        version: p.version,
        query: req.query.q,
        hits: segmentedSearch(p, req.query.q, req.query.limit),
      };
    },
  );

  r.get(
    '/rulebook/vocabulary',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['rulebook'],
        summary: '判定请求的代码表及中文名称（模拟器用）',
        response: { 200: vocabularySchema, ...errors },
      },
    },
    async () => VOCABULARY,
  );
}
