import type { Command } from 'commander';
import { z } from 'zod';

import { ROLES } from '../../core/policies/actor.js';

import { parseWith, ValidationError } from '../../core/validation.js';
import { passwordProblem } from '../../store/passwords.js';
import { openConfiguredDatabase, runtimeConfig } from '../config.js';
import { action, printJson } from '../io.js';

const addSchema = z.object({
  username: z
    .string()
    .regex(/^[a-z][a-z0-9_.-]{2,31}$/, { message: '用户名为 3–32 位小写字母、数字或 _.-，以字母开头' }),
  password: z.string().superRefine((p, ctx) => {
    const problem = passwordProblem(p);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  role: z.enum(ROLES),
  region: z.string().regex(/^\d{6}$/, { message: '行政区划代码应为 6 位数字' }),
  name: z.string().min(1).max(50),
  agency: z.string().optional(),
  officer: z.string().optional(),
});

const setSchema = z.object({
  username: z.string().min(1).max(64),
  role: z.enum(ROLES).optional(),
  password: z.string().optional(),
});

export function register(program: Command): void {
  const user = program.command('user').description('用户管理');
  user
    .command('add')
    .description('新建用户账号')
    .requiredOption('--username <name>', '用户名')
    .requiredOption('--role <role>', `角色：${ROLES.join(' | ')}`)
    .requiredOption('--region <code>', '行政区划代码（6 位）')
    .option('--name <displayName>', '显示名称')
    .option('--agency <id>', '所属机关编码（agency_legal、officer 必填）')
    .option('--officer <id>', '关联执法人员编号（officer 必填）')
    .option('--password <password>', '密码（也可用环境变量 WENZE_PASSWORD）')
    .action(
      action(async (opts: Record<string, string | undefined>) => {
        const { findAgency, findRegion } = await import('../../store/agencies.repository.js');
        const { appendAudit } = await import('../../store/audit.repository.js');
        const { migrateToLatest } = await import('../../store/migrate.js');
        const { hashPassword } = await import('../../store/passwords.js');
        const { findUserByUsername, insertUser } = await import('../../store/users.repository.js');
        const input = parseWith(addSchema, {
          ...opts,
          name: opts.name ?? opts.username,
          password: opts.password ?? process.env.WENZE_PASSWORD ?? '',
        });
        const database = await openConfiguredDatabase(runtimeConfig());
        try {
          await migrateToLatest(database);
          const db = database.db;
          const problems: { path: string; message: string }[] = [];
          if (await findUserByUsername(db, input.username))
            problems.push({ path: 'username', message: '用户名已存在' });
          if (!(await findRegion(db, input.region)))
            problems.push({ path: 'region', message: '行政区划不存在' });
          if ((input.role === 'agency_legal' || input.role === 'officer') && !input.agency) {
            problems.push({ path: 'agency', message: '该角色须指定所属机关' });
          }
          if (input.agency && !(await findAgency(db, input.agency)))
            problems.push({ path: 'agency', message: '机关不存在' });
          if (input.role === 'officer' && !input.officer)
            problems.push({ path: 'officer', message: '须关联执法人员' });
          if (problems.length > 0) throw new ValidationError('用户信息有误', problems);
          const passwordHash = await hashPassword(input.password);
          const id = await db.transaction().execute(async (trx) => {
            const newId = await insertUser(trx, {
              username: input.username,
              passwordHash,
              displayName: input.name,
              role: input.role,
              regionCode: input.region,
              agencyId: input.agency ?? null,
              officerId: input.officer ?? null,
            });
            await appendAudit(trx, {
              regionCode: input.region,
              actorId: null,
              actorName: 'cli',
              action: 'user.create',
              objectType: 'user',
              objectId: newId,
              detail: { username: input.username, role: input.role },
            });
            return newId;
          });
          printJson({ id, username: input.username, role: input.role });
        } finally {
          await database.close();
        }
      }),
    );
  // 三权分立: what the API refuses for the administrators' accounts (granting or removing an
  // administrator role, resetting their password or second factor, deactivating them) is done
  // here, by the operator on the server; it works for any account.
  user
    .command('set')
    .description(
      '修改账号：角色、重置密码、重置双因素认证、停用或启用、解锁（管理员账号的这些变更只能用本命令）',
    )
    .argument('<username>', '用户名')
    .option('--role <role>', `新角色：${ROLES.join(' | ')}`)
    .option('--password [password]', '重置密码（不给值则取环境变量 WENZE_PASSWORD）；其本人下次登录须修改')
    .option('--reset-totp', '重置双因素认证（下次登录重新绑定）')
    .option('--deactivate', '停用账号')
    .option('--activate', '启用账号')
    .option('--unlock', '解除登录失败锁定')
    .action(
      action(
        async (
          username: string,
          opts: {
            role?: string;
            password?: string | true;
            resetTotp?: boolean;
            deactivate?: boolean;
            activate?: boolean;
            unlock?: boolean;
          },
        ) => {
          const input = parseWith(setSchema, {
            username,
            role: opts.role,
            password: opts.password === true ? (process.env.WENZE_PASSWORD ?? '') : opts.password,
          });
          const problems: { path: string; message: string }[] = [];
          if (opts.deactivate && opts.activate)
            problems.push({ path: 'deactivate', message: '不能同时停用和启用' });
          if (input.password !== undefined) {
            const problem = passwordProblem(input.password, input.username);
            if (problem) problems.push({ path: 'password', message: problem });
          }
          const active = opts.deactivate ? false : opts.activate ? true : undefined;
          if (
            input.role === undefined &&
            input.password === undefined &&
            !opts.resetTotp &&
            active === undefined &&
            !opts.unlock
          ) {
            problems.push({
              path: 'options',
              message: '请指定 --role、--password、--reset-totp、--deactivate、--activate 或 --unlock',
            });
          }
          if (problems.length > 0) throw new ValidationError('参数有误', problems);
          const { appendAudit } = await import('../../store/audit.repository.js');
          const { migrateToLatest } = await import('../../store/migrate.js');
          const { hashPassword } = await import('../../store/passwords.js');
          const { clearLoginFailures, deleteUserSessions, findUserByUsername, resetTotp, updateUser } =
            await import('../../store/users.repository.js');
          const database = await openConfiguredDatabase(runtimeConfig());
          try {
            await migrateToLatest(database);
            const db = database.db;
            const current = await findUserByUsername(db, input.username);
            if (!current) {
              throw new ValidationError('用户不存在', [{ path: 'username', message: '用户不存在' }]);
            }
            const role = input.role ?? current.role;
            if ((role === 'agency_legal' || role === 'officer') && !current.agencyId)
              throw new ValidationError('该角色须指定所属机关', [
                { path: 'role', message: '该账号没有所属机关，不能授予此角色' },
              ]);
            if (role === 'officer' && !current.officerId)
              throw new ValidationError('执法人员账号须关联执法人员档案', [
                { path: 'role', message: '该账号没有关联执法人员档案，不能授予此角色' },
              ]);
            const passwordHash =
              input.password !== undefined ? await hashPassword(input.password) : undefined;
            await db.transaction().execute(async (trx) => {
              const ok = await updateUser(trx, current.id, current.version, {
                ...(input.role !== undefined ? { role: input.role } : {}),
                ...(active !== undefined ? { active } : {}),
                // The operator chose the password: its owner replaces it at the next sign-in.
                ...(passwordHash
                  ? { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true }
                  : {}),
              });
              if (!ok) throw new Error('账号已被他人修改，请重试');
              if (opts.unlock) await clearLoginFailures(trx, current.username);
              if (opts.resetTotp) await resetTotp(trx, current.id);
              if (
                passwordHash ||
                opts.resetTotp ||
                (input.role !== undefined && input.role !== current.role) ||
                active === false
              ) {
                await deleteUserSessions(trx, current.id);
              }
              await appendAudit(trx, {
                regionCode: current.regionCode,
                actorId: null,
                actorName: 'cli',
                action: 'user.update',
                objectType: 'user',
                objectId: current.id,
                detail: {
                  username: current.username,
                  ...(input.role !== undefined ? { role: input.role } : {}),
                  ...(active !== undefined ? { active } : {}),
                  unlock: opts.unlock ?? false,
                  passwordReset: Boolean(passwordHash),
                  totpReset: opts.resetTotp ?? false,
                },
              });
            });
            const after = (await findUserByUsername(db, current.username))!;
            printJson({
              id: after.id,
              username: after.username,
              role: after.role,
              active: after.active,
              totpEnabled: after.totpEnabledAt !== null,
            });
          } finally {
            await database.close();
          }
        },
      ),
    );
}
