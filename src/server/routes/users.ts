// User accounts and roles: the administrator's page.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInChina } from '../../core/dates.js';
import { ROLES, type Role } from '../../core/policies/actor.js';
import { findAgency, findRegion } from '../../store/agencies.repository.js';
import { findOfficer } from '../../store/officers.repository.js';
import { hashPassword, passwordProblem } from '../../store/passwords.js';
import {
  deleteUserSessions,
  findUser,
  findUserByUsername,
  insertUser,
  listUsers,
  type PublicUser,
  updateUser,
} from '../../store/users.repository.js';
import { auditAs } from '../audit.js';
import { conflict, HttpError, notFound } from '../errors.js';
import { errors, idParam, iso, pageOf, pageQuery, regionCode } from '../schemas.js';

const role = z.enum(ROLES as [Role, ...Role[]]);

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
  const adminOnly = app.requireRole('admin');

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
        const o = await findOfficer(db(), b.officerId, todayInChina());
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
      onRequest: adminOnly,
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
      onRequest: adminOnly,
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
      onRequest: adminOnly,
      schema: {
        tags: ['users'],
        summary: '新建用户',
        body: z.object({
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
        }),
        response: { 201: userSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
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
      onRequest: adminOnly,
      schema: {
        tags: ['users'],
        summary: '修改用户（角色、辖区、启用、解锁、重置密码）',
        params: idParam,
        body: z.object({
          version: z.number().int().min(1),
          displayName: z.string().trim().min(1).max(50).optional(),
          role: role.optional(),
          regionCode: regionCode.optional(),
          agencyId: z.string().max(40).nullable().optional(),
          officerId: z.string().max(40).nullable().optional(),
          active: z.boolean().optional(),
          unlock: z.boolean().optional(),
          password: password.optional(),
        }),
        response: { 200: userSchema, ...errors },
      },
    },
    async (req) => {
      const current = z.uuid().safeParse(req.params.id).success
        ? await findUser(db(), req.params.id)
        : undefined;
      if (!current) throw notFound('用户');
      const { version, unlock, password: newPassword, ...patch } = req.body;
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
            ...(unlock ? { lockedUntil: null, failedAttempts: 0 } : {}),
            ...(passwordHash ? { passwordHash } : {}),
          });
          if (!ok) throw conflict();
          // Changing who someone is, or their password, or disabling them ends their sessions.
          if (
            passwordHash ||
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
            detail: { ...patch, unlock: unlock ?? false, passwordReset: Boolean(passwordHash) },
          });
        });
      return present((await findUser(db(), current.id))!);
    },
  );
}
