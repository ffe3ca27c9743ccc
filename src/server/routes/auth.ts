// Login, logout, the current user, and changing one's password.

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS_KEY_LIST, type AccessKey, accessOf } from '../../core/policies/access.js';
import { ROLES } from '../../core/policies/actor.js';
import {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_CLASSES,
  PASSWORD_MIN_LENGTH,
} from '../../core/policies/password.js';
import { sessionRestriction } from '../../core/policies/user.js';
import { appendAudit } from '../../store/audit.repository.js';
import { enableTotp, securitySettings, setPendingTotp } from '../../store/users.repository.js';
import { errorBody, HttpError } from '../errors.js';
import { errorSchema, errors } from '../schemas.js';
import { newTotpSecret, totpStep, totpUri } from '../totp.js';
import { actorOf } from '../types.js';

const me = z.object({
  user: z.object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    regionCode: z.string(),
    agencyId: z.string().nullable(),
    officerId: z.string().nullable(),
    /** The referral organ whose user this is (纪委监委, 检察院, …), if any. */
    organId: z.string().nullable(),
    locale: z.string(),
    /** A demo account: published password, exempt from the password and 2FA policy. */
    isDemo: z.boolean(),
    totpEnabled: z.boolean(),
    /** The role requires two-factor sign-in. */
    totpRequired: z.boolean(),
    /** What the user may open in the console (the access map); each request is still checked. */
    access: z.object(
      Object.fromEntries(ACCESS_KEY_LIST.map((k) => [k, z.boolean()])) as Record<AccessKey, z.ZodBoolean>,
    ),
  }),
  csrfToken: z.string(),
  /** Until done, the session may only change the password or enrol two-factor sign-in. */
  restriction: z.enum(['change_password', 'enrol_totp']).nullable(),
});

const policySchema = z.object({
  minLength: z.number(),
  maxLength: z.number(),
  minClasses: z.number(),
  /** Days before a password must be changed; 0: never. */
  maxAgeDays: z.number(),
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
        body: z.object({
          username: z.string().trim().min(1).max(64),
          password: z.string().min(1).max(200),
          /** The authenticator's 6-digit code, for accounts with two-factor sign-in. */
          code: z.string().trim().max(10).optional(),
        }),
        response: { 200: me, 400: errorSchema, 401: errorSchema, 423: errorSchema },
      },
    },
    async (req, reply) => {
      const result = await app.authService.checkCredentials(
        req.body.username,
        req.body.password,
        req.ip,
        req.body.code || undefined,
      );
      if (!result.ok) {
        return reply.code(result.status as 401 | 423).send(errorBody(result.message, result.fields));
      }
      const { user } = result;
      const { passwordMaxAgeDays } = await securitySettings(app.database.db);
      const s = await app.database.db.transaction().execute(async (trx) => {
        const session = await app.startSession(req, reply, user.id, trx);
        await appendAudit(trx, {
          regionCode: user.regionCode,
          actorId: user.id,
          actorName: user.username,
          action: 'auth.login',
          objectType: 'user',
          objectId: user.id,
          detail: { ip: req.ip, secondFactor: user.totpSecret !== null && !user.isDemo },
        });
        return session;
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
          organId: user.organId,
          locale: user.locale,
          isDemo: user.isDemo,
          totpEnabled: user.totpEnabledAt !== null,
          totpRequired: app.authService.totpRequired(user.role),
          access: accessOf(user),
        },
        csrfToken: s.csrfToken,
        restriction: sessionRestriction(
          {
            role: user.role,
            isDemo: user.isDemo,
            totpEnabled: user.totpEnabledAt !== null,
            passwordChangedAt: user.passwordChangedAt,
            mustChangePassword: user.mustChangePassword,
          },
          passwordMaxAgeDays,
          new Date(),
        ),
      };
    },
  );

  r.post(
    '/auth/logout',
    {
      onRequest: app.authenticate,
      config: { allowRestricted: true },
      schema: { tags: ['auth'], summary: '退出登录', response: { 204: z.null(), ...errors } },
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
      config: { allowRestricted: true },
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
          organId: a.organId ?? null,
          locale: s.locale,
          isDemo: s.isDemo,
          totpEnabled: s.totpEnabled,
          totpRequired: app.authService.totpRequired(a.role),
          access: accessOf(a),
        },
        csrfToken: s.csrfToken,
        restriction: s.restriction,
      };
    },
  );

  r.get(
    '/auth/password-policy',
    {
      onRequest: app.authenticate,
      config: { allowRestricted: true },
      schema: { tags: ['auth'], summary: '密码策略', response: { 200: policySchema, 401: errorSchema } },
    },
    async () => ({
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      minClasses: PASSWORD_MIN_CLASSES,
      maxAgeDays: (await securitySettings(app.database.db)).passwordMaxAgeDays,
    }),
  );

  r.post(
    '/auth/password',
    {
      onRequest: app.authenticate,
      config: { allowRestricted: true, rateLimit: { max: app.rateLimits.login, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '修改密码',
        body: z.object({
          currentPassword: z.string().min(1).max(200),
          newPassword: z.string().min(1).max(200),
        }),
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema, 423: errorSchema },
      },
    },
    async (req, reply) => {
      const a = actorOf(req);
      // Audited inside, with the change.
      await app.authService.changePassword(
        a,
        req.session!.id,
        req.body.currentPassword,
        req.body.newPassword,
        req.ip,
      );
      return reply.code(204).send(null);
    },
  );

  // Two-factor enrolment: a new secret (kept pending), shown as text and as a QR code of its
  // otpauth:// URI; a code from the authenticator confirms it.
  r.post(
    '/auth/totp/setup',
    {
      onRequest: app.authenticate,
      config: { allowRestricted: true },
      schema: {
        tags: ['auth'],
        summary: '双因素认证：生成密钥',
        response: {
          200: z.object({ secret: z.string(), otpauthUri: z.string() }),
          400: errorSchema,
          401: errorSchema,
          403: errorSchema,
        },
      },
    },
    async (req) => {
      const a = actorOf(req);
      if (req.session!.isDemo) throw new HttpError(400, '演示账号的密码是公开的，不启用双因素认证');
      if (req.session!.totpEnabled) {
        throw new HttpError(400, '已启用双因素认证；如需更换身份验证器，请安全管理员重置');
      }
      const secret = newTotpSecret();
      await setPendingTotp(app.database.db, a.id, secret);
      return { secret, otpauthUri: totpUri(a.username, secret) };
    },
  );

  r.post(
    '/auth/totp/confirm',
    {
      onRequest: app.authenticate,
      config: { allowRestricted: true, rateLimit: { max: app.rateLimits.login, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '双因素认证：确认启用',
        body: z.object({
          code: z
            .string()
            .trim()
            .regex(/^\d{6}$/, { message: '动态验证码为 6 位数字' }),
        }),
        response: { 204: z.null(), 400: errorSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req, reply) => {
      const a = actorOf(req);
      const t = await app.authService.totpOf(a.id);
      if (t?.totpEnabledAt) throw new HttpError(400, '已启用双因素认证');
      if (!t?.totpPendingSecret) {
        throw new HttpError(400, '请先生成密钥', [{ path: 'code', message: '请先生成密钥' }]);
      }
      const step = await totpStep(t.totpPendingSecret, req.body.code);
      if (step === null) {
        throw new HttpError(400, '动态验证码错误', [
          { path: 'code', message: '动态验证码错误，请核对手机时间' },
        ]);
      }
      const secret = t.totpPendingSecret;
      await app.database.db.transaction().execute(async (trx) => {
        await enableTotp(trx, a.id, secret, step);
        await appendAudit(trx, {
          regionCode: a.regionCode,
          actorId: a.id,
          actorName: a.username,
          action: 'auth.totp_enabled',
          objectType: 'user',
          objectId: a.id,
          detail: { ip: req.ip },
        });
      });
      return reply.code(204).send(null);
    },
  );
}
