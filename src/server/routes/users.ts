// User accounts and roles: the administrator's page.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES, type Role } from '../../core/policies/actor.js';
import {
  canChangeRoleOf,
  canCreateWithRole,
  canUser,
  commandLineOnly,
  rolesFor,
} from '../../core/policies/user.js';
import { findAgency, findRegion } from '../../store/agencies.repository.js';
import { findOfficer } from '../../store/officers.repository.js';
import { hashPassword, passwordProblem } from '../../store/passwords.js';
import {
  clearLoginFailures,
  deleteUserSessions,
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  type PublicUser,
  resetTotp,
  securitySettings,
  updateSecuritySettings,
  updateUser,
} from '../../store/users.repository.js';
import { auditAs } from '../audit.js';
import { conflict, forbidden, HttpError, notFound } from '../errors.js';
import { errors, idParam, iso, pageOf, pageQuery, regionCode, versionField } from '../schemas.js';
import { actorOf } from '../types.js';

const role = z.enum(ROLES);

const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role,
  regionCode: z.string(),
  agencyId: z.string().nullable(),
  officerId: z.string().nullable(),
  locale: z.string(),
  active: z.boolean(),
  locked: z.boolean(),
  passwordChangedAt: z.string(),
  version: z.number(),
  createdAt: z.string(),
  isDemo: z.boolean(),
  totpEnabled: z.boolean(),
});

const present = (u: PublicUser) => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  regionCode: u.regionCode,
  agencyId: u.agencyId,
  officerId: u.officerId,
  locale: u.locale,
  active: u.active,
  locked: u.lockedUntil !== null && u.lockedUntil.getTime() > Date.now(),
  passwordChangedAt: iso(u.passwordChangedAt)!,
  version: u.version,
  createdAt: iso(u.createdAt)!,
  isDemo: u.isDemo,
  totpEnabled: u.totpEnabledAt !== null,
});

const password = z
  .string()
  .max(200)
  .superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export default async function userRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  // 三权分立 (src/core/policies/user.ts): the system administrator keeps the accounts, the
  // security administrator their roles, locks, passwords and second factors.
  const readers = app.requireRole(...rolesFor('read'));
  const creators = app.requireRole(...rolesFor('create'));
  const editors = app.requireRole(...new Set([...rolesFor('update_profile'), ...rolesFor('set_role')]));
  const policyEditors = app.requireRole(...rolesFor('password_policy'));

  /** Role-specific links: an agency for agency_legal and officer, an officer record for officer. */
  async function checkLinks(b: {
    role: Role;
    regionCode: string;
    agencyId?: string | null;
    officerId?: string | null;
  }) {
    const problems: { path: string; message: string }[] = [];
    if (!(await findRegion(db(), b.regionCode)))
      problems.push({ path: 'regionCode', message: '行政区划不存在' });
    if ((b.role === 'agency_legal' || b.role === 'officer') && !b.agencyId) {
      problems.push({ path: 'agencyId', message: '该角色须指定所属机关' });
    }
    if (b.agencyId) {
      const a = await findAgency(db(), b.agencyId);
      if (!a) problems.push({ path: 'agencyId', message: '机关不存在' });
      else if (a.regionCode !== b.regionCode)
        problems.push({ path: 'regionCode', message: '须与所属机关的行政区划一致' });
    }
    if (b.role === 'officer') {
      if (!b.officerId) problems.push({ path: 'officerId', message: '执法人员账号须关联执法人员档案' });
      else {
        const o = await findOfficer(db(), b.officerId, app.clock.today());
        if (!o) problems.push({ path: 'officerId', message: '执法人员不存在' });
        else if (o.agencyId !== b.agencyId)
          problems.push({ path: 'officerId', message: '执法人员不属于所选机关' });
      }
    }
    if (problems.length > 0) throw new HttpError(400, '账号信息有误', problems);
  }

  r.get(
    '/users',
    {
      onRequest: readers,
      schema: {
        tags: ['users'],
        summary: '用户列表',
        querystring: z.object({
          q: z.string().trim().max(64).optional(),
          role: role.optional(),
          ...pageQuery,
        }),
        response: { 200: pageOf(userSchema), ...errors },
      },
    },
    async (req) => {
      const { page, pageSize, ...filter } = req.query;
      const result = await listUsers(db(), filter, { page, pageSize });
      return { ...result, items: result.items.map(present) };
    },
  );

  r.get(
    '/users/:id',
    {
      onRequest: readers,
      schema: {
        tags: ['users'],
        summary: '用户详情',
        params: idParam,
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => {
      const u = z.uuid().safeParse(req.params.id).success ? await findUser(db(), req.params.id) : undefined;
      if (!u) throw notFound('用户');
      return present(u);
    },
  );

  r.post(
    '/users',
    {
      onRequest: creators,
      schema: {
        tags: ['users'],
        summary: '新建用户',
        body: z
          .object({
            username: z
              .string()
              .trim()
              .regex(/^[a-z][a-z0-9_.-]{2,31}$/, {
                message: '用户名为 3–32 位小写字母、数字或 _.-，以字母开头',
              }),
            password,
            displayName: z.string().trim().min(1).max(50),
            role,
            regionCode,
            agencyId: z.string().max(40).nullable().optional(),
            officerId: z.string().max(40).nullable().optional(),
          })
          .superRefine((b, ctx) => {
            const problem = passwordProblem(b.password, b.username);
            if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
          }),
        response: { 201: userSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      if (!canCreateWithRole(actorOf(req), b.role)) {
        throw forbidden('系统管理员不能创建管理员账号（管理员账号在服务器上用 wenze user add 创建）');
      }
      if (await findUserByUsername(db(), b.username)) {
        throw new HttpError(400, '用户名已存在', [{ path: 'username', message: '用户名已存在' }]);
      }
      await checkLinks(b);
      const passwordHash = await hashPassword(b.password);
      const id = await db()
        .transaction()
        .execute(async (trx) => {
          const newId = await insertUser(trx, {
            username: b.username,
            passwordHash,
            displayName: b.displayName,
            role: b.role,
            regionCode: b.regionCode,
            agencyId: b.agencyId ?? null,
            officerId: b.officerId ?? null,
            // The administrator chose the password: its owner replaces it at the first sign-in.
            mustChangePassword: true,
          });
          const { password: _omit, ...detail } = b;
          await auditAs(req, trx, {
            regionCode: b.regionCode,
            action: 'user.create',
            objectType: 'user',
            objectId: newId,
            detail,
          });
          return newId;
        });
      return reply.code(201).send(present((await findUser(db(), id))!));
    },
  );

  r.patch(
    '/users/:id',
    {
      onRequest: editors,
      schema: {
        tags: ['users'],
        summary:
          '修改用户（系统管理员：名称、辖区、启用；安全管理员：角色、解锁、重置密码、重置双因素认证；管理员账号的角色、密码、双因素认证与停用用 wenze user 命令）',
        params: idParam,
        body: z.object({
          version: versionField,
          displayName: z.string().trim().min(1).max(50).optional(),
          role: role.optional(),
          regionCode: regionCode.optional(),
          agencyId: z.string().max(40).nullable().optional(),
          officerId: z.string().max(40).nullable().optional(),
          active: z.boolean().optional(),
          unlock: z.boolean().optional(),
          password: password.optional(),
          resetTotp: z.boolean().optional(),
        }),
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => {
      const current = z.uuid().safeParse(req.params.id).success
        ? await findUser(db(), req.params.id)
        : undefined;
      if (!current) throw notFound('用户');
      const { version, unlock, password: newPassword, resetTotp: resetSecondFactor, ...patch } = req.body;
      const actor = actorOf(req);
      // A field sent with its current value (a form sends them all) changes nothing.
      const { role: newRole, ...profile } = patch;
      const changedProfile = (Object.keys(profile) as (keyof typeof profile)[]).filter(
        (k) => profile[k] !== undefined && profile[k] !== current[k],
      );
      const refused = [
        ...(changedProfile.length > 0 && !canUser(actor, 'update_profile') ? changedProfile : []),
        ...(newRole !== undefined && newRole !== current.role && !canChangeRoleOf(actor, current.id)
          ? ['role']
          : []),
        ...(unlock && !canUser(actor, 'unlock') ? ['unlock'] : []),
        ...(newPassword !== undefined && !canUser(actor, 'reset_password') ? ['password'] : []),
        ...(resetSecondFactor && !canUser(actor, 'reset_totp') ? ['resetTotp'] : []),
      ];
      if (refused.length > 0) throw forbidden(`当前角色无权修改：${refused.join('、')}`);
      // 三权分立: the administrators' accounts are kept with `wenze user` on the server.
      const reserved = commandLineOnly(current, {
        role: newRole,
        password: newPassword !== undefined,
        resetTotp: resetSecondFactor,
        active: patch.active,
      });
      if (reserved.length > 0) {
        const what = {
          role: '授予或撤销管理员角色',
          password: '重置管理员的密码',
          resetTotp: '重置管理员的双因素认证',
          active: '停用管理员账号',
        };
        throw new HttpError(
          403,
          `${reserved.map((k) => what[k]).join('、')}须由运维人员在服务器上用 wenze user 命令办理（三权分立）`,
          reserved.map((path) => ({ path, message: `${what[path]}须在服务器上用 wenze user 命令办理` })),
        );
      }
      if (newPassword !== undefined) {
        const problem = passwordProblem(newPassword, current.username);
        if (problem) throw new HttpError(400, problem, [{ path: 'password', message: problem }]);
      }
      const merged = {
        role: patch.role ?? current.role,
        regionCode: patch.regionCode ?? current.regionCode,
        agencyId: patch.agencyId === undefined ? current.agencyId : patch.agencyId,
        officerId: patch.officerId === undefined ? current.officerId : patch.officerId,
      };
      await checkLinks(merged);
      const passwordHash = newPassword ? await hashPassword(newPassword) : undefined;
      await db()
        .transaction()
        .execute(async (trx) => {
          const ok = await updateUser(trx, current.id, version, {
            ...patch,
            ...(passwordHash
              ? { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true }
              : {}),
          });
          if (!ok) throw conflict();
          if (unlock) await clearLoginFailures(trx, current.username);
          if (resetSecondFactor) await resetTotp(trx, current.id);
          // Changing who someone is, or their password, or disabling them ends their sessions.
          if (
            passwordHash ||
            resetSecondFactor ||
            patch.role ||
            patch.regionCode ||
            patch.agencyId !== undefined ||
            patch.active === false
          ) {
            await deleteUserSessions(trx, current.id);
          }
          await auditAs(req, trx, {
            regionCode: merged.regionCode,
            action: 'user.update',
            objectType: 'user',
            objectId: current.id,
            detail: {
              ...patch,
              unlock: unlock ?? false,
              passwordReset: Boolean(passwordHash),
              totpReset: resetSecondFactor ?? false,
            },
          });
        });
      return present((await findUser(db(), current.id))!);
    },
  );

  const policySchema = z.object({
    passwordMaxAgeDays: z.number(),
    version: z.number(),
    updatedAt: z.string(),
  });

  r.get(
    '/security/settings',
    {
      onRequest: policyEditors,
      schema: {
        tags: ['users'],
        summary: '安全策略（密码定期更换）',
        response: { 200: policySchema, ...errors },
      },
    },
    async () => {
      const s = await securitySettings(db());
      return { ...s, updatedAt: iso(s.updatedAt)! };
    },
  );

  r.put(
    '/security/settings',
    {
      onRequest: policyEditors,
      schema: {
        tags: ['users'],
        summary: '修改安全策略（密码定期更换天数，0 为不要求）',
        body: z.object({
          version: z.number().int().min(1).max(2_147_483_647),
          passwordMaxAgeDays: z.number().int().min(0).max(3650),
        }),
        response: { 200: policySchema, ...errors },
      },
    },
    async (req) => {
      const { version, ...patch } = req.body;
      await db()
        .transaction()
        .execute(async (trx) => {
          if (!(await updateSecuritySettings(trx, version, patch))) throw conflict();
          await auditAs(req, trx, {
            regionCode: actorOf(req).regionCode,
            action: 'security.settings',
            objectType: 'security_settings',
            objectId: '1',
            detail: patch,
          });
        });
      const s = await securitySettings(db());
      return { ...s, updatedAt: iso(s.updatedAt)! };
    },
  );
}
