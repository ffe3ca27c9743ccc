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
}
