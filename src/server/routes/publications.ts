// The supervision side of 行政执法决定公示: the register of publications per agency with their state,
// the overdue (published after the deadline, or not yet and past it) and the withheld with the rule
// that withheld them. Who sees what follows the acts' jurisdiction (actScope).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  PUBLICATION_CATEGORIES,
  PUBLICATION_SOURCES,
  PUBLICATION_STATES,
} from '../../core/disclosure/index.js';
import { actScope } from '../../core/policies/supervision.js';
import { listPublications, publicationsByAgency } from '../../store/publications.repository.js';
import { forbidden } from '../errors.js';
import { errors, pageOf, pageQuery } from '../schemas.js';
import { actorOf } from '../types.js';
import { publishedFieldsSchema } from './public-decisions.js';

const publicationSchema = z.object({
  id: z.string(),
  sourceKind: z.enum(PUBLICATION_SOURCES),
  sourceId: z.string(),
  category: z.enum(PUBLICATION_CATEGORIES),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  state: z.enum(PUBLICATION_STATES),
  decidedOn: z.string(),
  dueOn: z.string(),
  publishedOn: z.string().nullable(),
  overdue: z.boolean(),
  withheldGround: z.string().nullable(),
  withheldReason: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  takeDownOn: z.string().nullable(),
  fields: publishedFieldsSchema.nullable(),
});

const agencyRowSchema = z.object({
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  total: z.number().int(),
  published: z.number().int(),
  withheld: z.number().int(),
  withdrawn: z.number().int(),
  takenDown: z.number().int(),
  overdue: z.number().int(),
});

export default async function publicationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;

  function scopeOrForbid(req: FastifyRequest) {
    const scope = actScope(actorOf(req));
    if (scope.kind === 'none') throw forbidden('当前角色无权查看执法决定公示情况');
    return scope;
  }

  r.get(
    '/publications',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '执法决定公示登记（按辖区）：状态、逾期、不予公开',
        querystring: z.object({
          state: z.enum(PUBLICATION_STATES).optional(),
          category: z.enum(PUBLICATION_CATEGORIES).optional(),
          agency: z.string().trim().min(1).max(40).optional(),
          overdue: z.enum(['true', 'false']).optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(publicationSchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, overdue, ...f } = req.query;
      const p = await listPublications(
        db(),
        scopeOrForbid(req),
        { ...f, overdue: overdue === 'true' },
        app.clock.today(),
        { page, pageSize },
      );
      return { ...p, items: p.items.map((i) => ({ ...i, overdue: Boolean(i.overdue) })) };
    },
  );

  r.get(
    '/publications/by-agency',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['supervision'],
        summary: '各机关执法决定公示情况：公示中、不予公开、已撤回、期满撤下、逾期',
        response: { 200: z.object({ items: z.array(agencyRowSchema) }), ...errors },
      },
    },
    async (req) => ({ items: await publicationsByAgency(db(), scopeOrForbid(req), app.clock.today()) }),
  );
}
