// Authentication: argon2id passwords, a random session token in an HttpOnly SameSite=Strict
// cookie (only its hash is stored), idle and absolute expiry, lockout after repeated failures,
// and a per-session CSRF token that every mutation must echo in the X-CSRF-Token header.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Kysely, Transaction } from 'kysely';
import './types.js';
import type { Role } from '../core/policies/actor.js';
import { LOCKOUT, lockMinutesAfter } from '../core/policies/password.js';
import { PASSWORD_MAX_AGE_DAYS_DEFAULT, sessionRestriction, totpRequired } from '../core/policies/user.js';
import { appendAudit } from '../store/audit.repository.js';
import { hashPassword, passwordProblem, verifyPassword } from '../store/passwords.js';
import type { DB } from '../store/schema.js';
import {
  clearLoginFailures,
  consumeTotpStep,
  createSession,
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  findUserByUsername,
  loginLockedUntil,
  passwordHashOf,
  pruneLoginFailures,
  recordLoginFailure,
  setPassword,
  totpOf,
  touchSession,
} from '../store/users.repository.js';
import { HttpError } from './errors.js';
import { totpStep } from './totp.js';

type Db = Kysely<DB> | Transaction<DB>;

export const SESSION_COOKIE = 'wenze_sid';
export const CSRF_HEADER = 'x-csrf-token';

export interface AuthOptions {
  /** Absolute session lifetime. */
  sessionTtlMs?: number;
  /** A session unused this long expires. */
  idleTimeoutMs?: number;
  /** Failures of one account from one address before it locks there (then locks grow). */
  maxFailedAttempts?: number;
  /** The first lock; each further failure doubles it, up to a day. */
  lockMinutes?: number;
  secureCookies?: boolean;
}

export const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A valid argon2id hash of a random password (same parameters as real ones): unknown and
// disabled accounts cost the same time as known ones.
export const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$Hk0aQ4n+gTOeYNTLb3XUUq3Njy1n5dBWKcOcL1cZyjI';

async function authPlugin(app: FastifyInstance, opts: AuthOptions) {
  const ttl = opts.sessionTtlMs ?? 12 * 3600_000;
  const idle = opts.idleTimeoutMs ?? 2 * 3600_000;
  const lockout = {
    ...LOCKOUT,
    freeAttempts: opts.maxFailedAttempts ?? LOCKOUT.freeAttempts,
    firstLockMinutes: opts.lockMinutes ?? LOCKOUT.firstLockMinutes,
  };
  const maxAttempts = lockout.freeAttempts;
  const lockMinutes = lockout.firstLockMinutes;
  const db = () => app.database.db;
  const lockedAnswer = (until: Date) => ({
    ok: false as const,
    status: 423,
    // The same words whether or not the account exists.
    message: `登录失败次数过多，请 ${Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000))} 分钟后再试`,
  });
  const badCredentials = { ok: false as const, status: 401, message: '用户名或密码错误' };

  let prunedAt = 0;
  /** Count a failure of this name from this address, audited when the account exists. */
  async function fail(
    username: string,
    ip: string,
    user: { id: string; username: string; regionCode: string } | undefined,
    reason: string,
  ) {
    if (Date.now() - prunedAt > 60_000) {
      prunedAt = Date.now();
      await pruneLoginFailures(db(), lockout.resetAfterHours);
    }
    return db()
      .transaction()
      .execute(async (trx) => {
        const r = await recordLoginFailure(
          trx,
          username,
          ip,
          (n) => lockMinutesAfter(n, lockout),
          lockout.resetAfterHours,
        );
        if (user) {
          await appendAudit(trx, {
            regionCode: user.regionCode,
            actorId: user.id,
            actorName: user.username,
            action: r.lockedUntil ? 'auth.locked' : 'auth.login_failed',
            objectType: 'user',
            objectId: user.id,
            detail: { ip, reason, failures: r.failures, lockedUntil: r.lockedUntil?.toISOString() ?? null },
          });
        }
        return r;
      });
  }

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
    const restriction = sessionRestriction(
      {
        role: s.role,
        isDemo: s.isDemo,
        totpEnabled: s.totpEnabledAt !== null,
        passwordChangedAt: s.passwordChangedAt,
        mustChangePassword: s.mustChangePassword,
      },
      s.passwordMaxAgeDays ?? PASSWORD_MAX_AGE_DAYS_DEFAULT,
      new Date(now),
    );
    if (restriction && !req.routeOptions.config?.allowRestricted) {
      throw new HttpError(
        403,
        restriction === 'change_password'
          ? '请先修改密码（密码已过期，或由管理员设置）'
          : '请先启用双因素认证（动态验证码）',
      );
    }
    if (now - s.lastSeenAt.getTime() > 60_000) await touchSession(db(), s.sessionId);
    req.actor = {
      id: s.id,
      username: s.username,
      role: s.role,
      regionCode: s.regionCode,
      agencyId: s.agencyId,
      officerId: s.officerId,
      organId: s.organId,
    };
    req.session = {
      id: s.sessionId,
      csrfToken: s.csrfToken,
      displayName: s.displayName,
      locale: s.locale,
      restriction,
      isDemo: s.isDemo,
      totpEnabled: s.totpEnabledAt !== null,
    };
  }

  app.decorate('authenticate', authenticate);

  // Sessions that can no longer be used are purged at start and every hour, so that the table
  // holds only live sessions (and no stale token hashes).
  app.decorate('purgeExpiredSessions', () => deleteExpiredSessions(db(), idle));
  let purgeTimer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    const purge = () =>
      app.purgeExpiredSessions().catch((err: unknown) => app.log.error({ err }, 'session purge failed'));
    await purge();
    purgeTimer = setInterval(purge, 3600_000);
    purgeTimer.unref();
  });
  app.addHook('onClose', async () => clearInterval(purgeTimer));
  app.decorate('requireRole', (...roles: Role[]) => async (req: FastifyRequest, reply: FastifyReply) => {
    await authenticate(req, reply);
    if (!req.actor || !roles.includes(req.actor.role)) throw new HttpError(403, '当前角色无权访问');
  });

  // Called for login: sets the cookie and returns the CSRF token.
  app.decorate('startSession', async (req: FastifyRequest, reply: FastifyReply, userId: string, trx?: Db) => {
    const s = await createSession(trx ?? db(), userId, ttl, {
      ip: req.ip,
      userAgent: req.headers['user-agent'],
    });
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
    /**
     * The same answer and the same work (one argon2id verify) for unknown, disabled and known
     * accounts; failures counted per name and address, so nobody locks the administrator out
     * from elsewhere. Accounts with 2FA also need the current code.
     */
    async checkCredentials(rawUsername: string, password: string, ip: string, code?: string) {
      const username = rawUsername.toLowerCase();
      const locked = await loginLockedUntil(db(), username, ip);
      if (locked) return lockedAnswer(locked);
      const found = await findUserByUsername(db(), username);
      const user = found?.active ? found : undefined;
      const passwordOk = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, password);
      if (!user || !passwordOk) {
        const r = await fail(username, ip, user, 'password');
        return r.lockedUntil ? lockedAnswer(r.lockedUntil) : badCredentials;
      }
      if (user.totpSecret && !user.isDemo) {
        if (!code) {
          return {
            ok: false as const,
            status: 401,
            message: '请输入动态验证码',
            fields: [{ path: 'code', message: '请输入身份验证器上的 6 位动态验证码' }],
          };
        }
        const step = await totpStep(user.totpSecret, code);
        if (step === null || !(await consumeTotpStep(db(), user.id, step))) {
          const r = await fail(username, ip, user, 'totp');
          return r.lockedUntil
            ? lockedAnswer(r.lockedUntil)
            : {
                ok: false as const,
                status: 401,
                message: '动态验证码错误',
                fields: [{ path: 'code', message: '动态验证码错误或已使用' }],
              };
        }
      }
      await clearLoginFailures(db(), username, ip);
      return { ok: true as const, user };
    },
    async changePassword(
      actor: { id: string; username: string; regionCode: string },
      sessionId: string,
      current: string,
      next: string,
      ip: string,
    ) {
      const locked = await loginLockedUntil(db(), actor.username, ip);
      if (locked) throw new HttpError(423, lockedAnswer(locked).message);
      const hash = await passwordHashOf(db(), actor.id);
      if (!hash || !(await verifyPassword(hash, current))) {
        // A wrong current password is a failed sign-in: whoever holds a stolen session cannot
        // guess the password through this form.
        const r = await fail(actor.username, ip, actor, 'password_change');
        if (r.lockedUntil) {
          await deleteUserSessions(db(), actor.id);
          throw new HttpError(423, lockedAnswer(r.lockedUntil).message);
        }
        throw new HttpError(400, '当前密码不正确', [{ path: 'currentPassword', message: '当前密码不正确' }]);
      }
      const problem = passwordProblem(next, actor.username);
      if (problem) throw new HttpError(400, problem, [{ path: 'newPassword', message: problem }]);
      if (current === next) {
        throw new HttpError(400, '新密码不能与当前密码相同', [
          { path: 'newPassword', message: '新密码不能与当前密码相同' },
        ]);
      }
      const newHash = await hashPassword(next);
      await app.database.db.transaction().execute(async (trx) => {
        await setPassword(trx, actor.id, newHash);
        // Other sessions of this user end: whoever knew the old password is logged out.
        await deleteUserSessions(trx, actor.id, sessionId);
        await appendAudit(trx, {
          regionCode: actor.regionCode,
          actorId: actor.id,
          actorName: actor.username,
          action: 'auth.password_changed',
          objectType: 'user',
          objectId: actor.id,
          detail: { ip },
        });
      });
    },
    totpOf: (userId: string) => totpOf(db(), userId),
    totpRequired,
    logout: (sessionId: string) => deleteSession(db(), sessionId),
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Delete expired and idle sessions; how many went. */
    purgeExpiredSessions(): Promise<number>;
    startSession(
      req: FastifyRequest,
      reply: FastifyReply,
      userId: string,
      /** The transaction that also audits the sign-in. */
      trx?: Db,
    ): Promise<{ token: string; csrfToken: string; expiresAt: Date }>;
    authService: {
      maxAttempts: number;
      lockMinutes: number;
      checkCredentials(
        username: string,
        password: string,
        ip: string,
        code?: string,
      ): Promise<
        | { ok: false; status: number; message: string; fields?: { path: string; message: string }[] }
        | { ok: true; user: NonNullable<Awaited<ReturnType<typeof findUserByUsername>>> }
      >;
      changePassword(
        actor: { id: string; username: string; regionCode: string },
        sessionId: string,
        current: string,
        next: string,
        ip: string,
      ): Promise<void>;
      totpOf(userId: string): ReturnType<typeof totpOf>;
      totpRequired(role: Role): boolean;
      logout(sessionId: string): Promise<void>;
    };
  }
}

export default fp(authPlugin, { name: 'wenze-auth' });
