// 外部评议 on the public portal (no login): the form behind a one-time code, and one answer per code.
// Rate-limited per client like the rest of the public channel; a used, expired or closed code is 410
// with the reason, an unknown one 404, one that cannot be a code 400 — each naming the field `code`.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { answerInputSchema } from '../../core/evaluation/answer.js';
import { publicAnswer, publicForm, publicFormSchema } from '../evaluation/service.js';
import { errorSchema } from '../schemas.js';

const codeParam = z.object({ code: z.string().trim().min(1).max(40) });
const failures = { 400: errorSchema, 404: errorSchema, 410: errorSchema, 429: errorSchema };

export default async function publicEvaluationRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const rateLimit = { max: app.rateLimits.public, timeWindow: '1 minute' };

  r.get(
    '/public/evaluations/:code',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '外部评议：凭评议码打开评议表（无需登录）',
        params: codeParam,
        response: { 200: publicFormSchema, ...failures },
      },
    },
    async (req) => publicForm(app, req.params.code),
  );

  r.post(
    '/public/evaluations/:code',
    {
      config: { rateLimit },
      schema: {
        tags: ['public'],
        summary: '外部评议：凭评议码提交评议（每码一次；评议意见经审核后公开）',
        params: codeParam,
        body: answerInputSchema,
        response: { 201: z.object({ moderation: z.enum(['none', 'pending']) }), ...failures },
      },
    },
    async (req, reply) => reply.code(201).send(await publicAnswer(app, req.params.code, req.body)),
  );
}
