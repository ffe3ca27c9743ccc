// Health and the home page's figures for the current user.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { agencyScope } from '../../core/policies/agency.js';
import { appealListScope } from '../../core/policies/appeal.js';
import { leadScope } from '../../core/policies/case.js';
import { officerScope } from '../../core/policies/officer.js';
import { listAgencies } from '../../store/agencies.repository.js';
import { appealCounts, memberOfUser } from '../../store/appeals.repository.js';
import { pingDatabase } from '../../store/db.js';
import { listLeads } from '../../store/leads.repository.js';
import { listOfficers } from '../../store/officers.repository.js';
import { dueSoon } from '../cases/due.js';
import { errors } from '../schemas.js';
import { actorOf } from '../types.js';

export async function healthRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: '健康检查（含数据库连通性）',
        response: {
          200: z.object({
            status: z.literal('ok'),
            database: z.object({ ok: z.boolean(), driver: z.string(), latencyMs: z.number() }),
          }),
          503: z.object({
            status: z.literal('degraded'),
            database: z.object({ ok: z.boolean(), driver: z.string(), error: z.string() }),
          }),
        },
      },
    },
    async (_req, reply) => {
      const t = performance.now();
      try {
        await pingDatabase(app.database.db);
        return {
          status: 'ok' as const,
          database: { ok: true, driver: app.database.kind, latencyMs: Math.round(performance.now() - t) },
        };
      } catch (e) {
        return reply.code(503).send({
          status: 'degraded' as const,
          database: { ok: false, driver: app.database.kind, error: (e as Error).message },
        });
      }
    },
  );
}

export default async function homeRoutes(app: FastifyInstance) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/home',
    {
      onRequest: app.authenticate,
      schema: {
        tags: ['home'],
        summary: '首页统计（按当前用户的辖区）',
        response: {
          200: z.object({
            agencies: z.number(),
            officers: z.number(),
            certificates: z.object({
              valid: z.number(),
              expired: z.number(),
              suspended: z.number(),
              revoked: z.number(),
            }),
            cases: z.object({ open: z.number(), overdue: z.number(), near: z.number() }),
            leads: z.object({ new: z.number() }),
            /** 申诉: open, past the panel's due date, and (a panel member's) votes still to cast. */
            appeals: z.object({ open: z.number(), overdue: z.number(), toVote: z.number() }),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const db = app.database.db;
      const today = app.clock.today();
      const one = { page: 1, pageSize: 1 };
      const agencies = await listAgencies(db, agencyScope(actor), {}, one);
      const count = async (certStatus?: 'valid' | 'expired' | 'suspended' | 'revoked') =>
        (await listOfficers(db, officerScope(actor), { certStatus }, one, today)).total;
      const due = await dueSoon(app, actor);
      const scope = leadScope(actor);
      const newLeads = scope.kind === 'none' ? 0 : (await listLeads(db, scope, { status: 'new' }, one)).total;
      const member = actor.role === 'panel' ? await memberOfUser(db, actor.id) : undefined;
      const appealScope = appealListScope(actor);
      const appeals =
        member || appealScope.kind !== 'none'
          ? await appealCounts(db, member ? null : appealScope, member?.id ?? null, today)
          : { open: 0, overdue: 0, toVote: 0 };
      return {
        cases: { open: due.open, overdue: due.overdue, near: due.near },
        leads: { new: newLeads },
        appeals,
        agencies: agencies.total,
        officers: await count(),
        certificates: {
          valid: await count('valid'),
          expired: await count('expired'),
          suspended: await count('suspended'),
          revoked: await count('revoked'),
        },
      };
    },
  );
}
