// Authentication: argon2id passwords, a random session token in an HttpOnly SameSite=Strict
// cookie (only its hash is stored), idle and absolute expiry, lockout after repeated failures,
// and a per-session CSRF token that every mutation must echo in the X-CSRF-Token header.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import './types.js';
import type { Role } from '../core/policies/actor.js';
import { appendAudit } from '../store/audit.repository.js';
import { hashPassword, passwordProblem, verifyPassword } from '../store/passwords.js';
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserByUsername,
  passwordHashOf,
  recordFailedLogin,
  recordSuccessfulLogin,
  setPassword,
  touchSession,
} from '../store/users.repository.js';
import { HttpError } from './errors.js';

export const SESSION_COOKIE = 'wenze_sid';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthOptions {
  /** Absolute session lifetime. */
  sessionTtlMs?: number;
  /** A session unused this long expires. */
  idleTimeoutMs?: number;
  maxFailedAttempts?: number;
  lockMinutes?: number;
  secureCookies?: boolean;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A valid argon2id hash of a random password: unknown users cost the same time as known ones.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Hk0aQ4n+gTOeYNTLb3XUUq3Njy1n5dBWKcOcL1cZyjI';

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  const ttl = opts.sessionTtlMs ?? 12 * 3600_000;
  const idle = opts.idleTimeoutMs ?? 2 * 3600_000;
  const maxAttempts = opts.maxFailedAttempts ?? 5;
  const lockMinutes = opts.lockMinutes ?? 15;
  const db = () => app.database.db;

  app.decorateRequest('actor', null);
  app.decorateRequest('session', null);

  async function authenticate(req: FastifyRequest, reply: FastifyReply) {
    const token = req.cookies[SESSION_COOKIE];
    if (!token) throw new HttpError(401, '请先登录');
    const s = await findSession(db(), token);
    const now = Date.now();
    if (!s?.active || s.expiresAt.getTime() < now || s.lastSeenAt.getTime() + idle < now) {
      if (s) await deleteSession(db(), s.sessionId);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new HttpError(401, s ? '会话已过期，请重新登录' : '请先登录');
    }
    if (MUTATING.has(req.method) && req.headers[CSRF_HEADER] !== s.csrfToken) {
      throw new HttpError(403, 'CSRF 校验失败，请刷新页面后重试');
    }
    if (now - s.lastSeenAt.getTime() > 60_000) await touchSession(db(), s.sessionId);
    req.actor = {
      id: s.id,
      username: s.username,
      role: s.role,
      regionCode: s.regionCode,
      agencyId: s.agencyId,
      officerId: s.officerId,
    };
    req.session = { id: s.sessionId, csrfToken: s.csrfToken, displayName: s.displayName, locale: s.locale };
  }

  app.decorate('authenticate', authenticate);
  app.decorate('requireRole', (...roles: Role[]) => async (req: FastifyRequest, reply: FastifyReply) => {
    await authenticate(req, reply);
    if (!req.actor || !roles.includes(req.actor.role)) throw new HttpError(403, '当前角色无权访问');
  });

  // Called for login: sets the cookie and returns the CSRF token.
  app.decorate('startSession', async (req: FastifyRequest, reply: FastifyReply, userId: string) => {
    const s = await createSession(db(), userId, ttl, { ip: req.ip, userAgent: req.headers['user-agent'] });
    reply.setCookie(SESSION_COOKIE, s.token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: opts.secureCookies ?? false,
      expires: s.expiresAt,
    });
    return s;
  });

  // Helpers for the auth routes.
  app.decorate('authService', {
    maxAttempts,
    lockMinutes,
    async checkCredentials(username: string, password: string, ip: string) {
      const user = await findUserByUsername(db(), username);
      if (!user?.active) {
        await verifyPassword(DUMMY_HASH, password);
        return { ok: false as const, status: 401, message: '用户名或密码错误' };
      }
      if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
        const minutes = Math.ceil((user.lockedUntil.getTime() - Date.now()) / 60_000);
        return {
          ok: false as const,
          status: 423,
          message: `登录失败次数过多，账户已锁定，请 ${minutes} 分钟后再试`,
        };
      }
      if (!(await verifyPassword(user.passwordHash, password))) {
        const r = await recordFailedLogin(db(), user.id, maxAttempts, lockMinutes);
        await appendAudit(db(), {
          regionCode: user.regionCode,
          actorId: user.id,
          actorName: user.username,
          action: r.locked ? 'auth.locked' : 'auth.login_failed',
          objectType: 'user',
          objectId: user.id,
          detail: { ip },
        });
        return r.locked
          ? { ok: false as const, status: 423, message: `登录失败次数过多，账户已锁定 ${lockMinutes} 分钟` }
          : { ok: false as const, status: 401, message: '用户名或密码错误' };
      }
      await recordSuccessfulLogin(db(), user.id);
      return { ok: true as const, user };
    },
    async changePassword(userId: string, sessionId: string, current: string, next: string) {
      const hash = await passwordHashOf(db(), userId);
      if (!hash || !(await verifyPassword(hash, current))) {
        throw new HttpError(400, '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
      }
      const problem = passwordProblem(next);
      if (problem) throw new HttpError(400, problem, [{ path: 'newPassword', message: problem }]);
      if (current === next) {
        throw new HttpError(400, '新密码不能与当前密码相同', [
          { path: 'newPassword', message: '新密码不能与当前密码相同' },
        ]);
      }
      const newHash = await hashPassword(next);
      await app.database.db.transaction().execute(async (trx) => {
        await setPassword(trx, userId, newHash);
        // Other sessions of this user end: whoever knew the old password is logged out.
        await deleteUserSessions(trx, userId, sessionId);
      });
    },
    logout: (sessionId: string) => deleteSession(db(), sessionId),
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    startSession(
      req: FastifyRequest,
      reply: FastifyReply,
      userId: string,
    ): Promise<{ token: string; csrfToken: string; expiresAt: Date }>;
    authService: {
      maxAttempts: number;
      lockMinutes: number;
      checkCredentials(
        username: string,
        password: string,
        ip: string,
      ): Promise<
        | { ok: false; status: number; message: string }
        | { ok: true; user: NonNullable<Awaited<ReturnType<typeof findUserByUsername>>> }
      >;
      changePassword(userId: string, sessionId: string, current: string, next: string): Promise<void>;
      logout(sessionId: string): Promise<void>;
    };
  }
}

export default fp(authPlugin, { name: 'wenze-auth' });
