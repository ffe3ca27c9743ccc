// Login, logout, the current user, and changing one's password.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../core/policies/actor.js';
import { appendAudit } from '../../store/audit.repository.js';
import { errorBody } from '../errors.js';
import { errorSchema } from '../schemas.js';
import { actorOf } from '../types.js';

const me = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES as [string, ...string[]]),
    regionCode: z.string(),
    agencyId: z.string().nullable(),
    officerId: z.string().nullable(),
    locale: z.string(),
  }),
  csrfToken: z.string(),
});

export default async function authRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/login',
    {
      config: { rateLimit: { max: app.rateLimits.login, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '登录',
        body: z.object({ username: z.string().trim().min(1).max(64), password: z.string().min(1).max(200) }),
        response: { 200: me, 400: errorSchema, 401: errorSchema, 423: errorSchema },
      },
    },
    async (req, reply) => {
      const result = await app.authService.checkCredentials(req.body.username, req.body.password, req.ip);
      if (!result.ok) return reply.code(result.status as 401 | 423).send(errorBody(result.message));
      const { user } = result;
      const s = await app.startSession(req, reply, user.id);
      await appendAudit(app.database.db, {
        regionCode: user.regionCode,
        actorId: user.id,
        actorName: user.username,
        action: 'auth.login',
        objectType: 'user',
        objectId: user.id,
        detail: { ip: req.ip },
      });
      return {
        user: {
          id: user.id,
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          regionCode: user.regionCode,
          agencyId: user.agencyId,
          officerId: user.officerId,
          locale: user.locale,
        },
        csrfToken: s.csrfToken,
      };
    },
  );

  r.post(
    '/auth/logout',
    {
      onRequest: app.authenticate,
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null() } },
    },
    async (req, reply) => {
      if (req.session) await app.authService.logout(req.session.id);
      reply.clearCookie('wenze_sid', { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.get(
    '/auth/me',
    {
      onRequest: app.authenticate,
      schema: { tags: ['auth'], summary: '当前用户', response: { 200: me, 401: errorSchema } },
    },
    async (req) => {
      const a = actorOf(req);
      const s = req.session!;
      return {
        user: {
          id: a.id,
          username: a.username,
          displayName: s.displayName,
          role: a.role,
          regionCode: a.regionCode,
          agencyId: a.agencyId,
          officerId: a.officerId,
          locale: s.locale,
        },
        csrfToken: s.csrfToken,
      };
    },
  );

  r.post(
    '/auth/password',
    {
      onRequest: app.authenticate,
      config: { rateLimit: { max: app.rateLimits.login, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const a = actorOf(req);
      await app.authService.changePassword(
        a.id,
        req.session!.id,
        req.body.currentPassword,
        req.body.newPassword,
      );
      await appendAudit(app.database.db, {
        regionCode: a.regionCode,
        actorId: a.id,
        actorName: a.username,
        action: 'auth.password_changed',
        objectType: 'user',
        objectId: a.id,
      });
      return reply.code(204).send(null);
    },
  );
}
