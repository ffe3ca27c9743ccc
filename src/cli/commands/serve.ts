import type { Command } from 'commander';
import type { DemoSummary } from '../../store/demo.js';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';

import { action } from '../io.js';

const ROLE_LABELS: Record<string, string> = {
  admin: '系统管理员',
  supervisor: '执法监督机构',
  agency_legal: '执法部门法制机构',
  officer: '执法人员',
  panel: '救济委员会委员',
  discipline: '纪检监察',
  evaluator: '外部评议员',
};

export function printDemoAccounts(summary: Pick<DemoSummary, 'users' | 'password'>): void {
  process.stdout.write(`\n演示账号（密码均为 ${summary.password}）：\n`);
  for (const u of summary.users) {
    process.stdout.write(`  ${u.username.padEnd(10)} ${ROLE_LABELS[u.role] ?? u.role}  ${u.displayName}\n`);
  }
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('启动服务器与 Web 控制台（PORT、DATABASE_URL、WENZE_DATA_DIR）')
    .option('--no-demo', '首次启动时不载入演示数据')
    .action(
      action(async (opts: { demo: boolean }) => {
        const { buildApp } = await import('../../server/app.js');
        const { isDatabaseEmpty, loadDemo } = await import('../../store/demo.js');
        const { migrateToLatest } = await import('../../store/migrate.js');
        const t0 = performance.now();
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        const applied = await migrateToLatest(database);
        if (applied.length) process.stderr.write(`数据库迁移：${applied.join(', ')}\n`);
        let demo: DemoSummary | undefined;
        if (opts.demo && (await isDatabaseEmpty(database))) {
          process.stderr.write('首次启动：正在载入演示数据（A市）…\n');
          demo = await loadDemo(database);
          const { loadDemoActs } = await import('../../store/demo-acts.js');
          const acts = await loadDemoActs(database);
          process.stderr.write(
            `已载入演示执法行为 ${acts.inserted} 条，自动发现过错 ${acts.detection?.findings ?? 0} 处\n`,
          );
        }
        const app = await buildApp({ database, logger: { level: process.env.LOG_LEVEL ?? 'warn' } });
        await app.listen({ port: cfg.port, host: cfg.host });
        const shown = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host;
        const port = (app.server.address() as { port: number }).port;
        process.stdout.write(`问责 Wenze 已启动：http://${shown}:${port}/\n`);
        process.stdout.write(
          `  数据库：${describeDatabase(cfg)}\n  API 文档：http://${shown}:${port}/api/docs\n`,
        );
        process.stdout.write(`  启动耗时 ${Math.round(performance.now() - t0)} ms\n`);
        const { DEMO_PASSWORD, demoUsers } = await import('../../demo/city.js');
        if (
          demo ||
          (await database.db
            .selectFrom('users')
            .select('id')
            .where('username', '=', 'admin')
            .executeTakeFirst())
        ) {
          printDemoAccounts({ users: demo?.users ?? demoUsers, password: DEMO_PASSWORD });
        }
        const stop = async () => {
          await app.close();
          await database.close();
          process.exit(0);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      }),
    );
}
