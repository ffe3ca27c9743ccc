import type { Command } from 'commander';
import type { FastifyInstance } from 'fastify';
import { ROLE_NAMES, type Role } from '../../core/policies/actor.js';
import type { Database } from '../../store/db.js';
import type { DemoSummary } from '../../store/demo.js';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';

import { action } from '../io.js';

export function printDemoAccounts(summary: Pick<DemoSummary, 'users' | 'password'>): void {
  process.stdout.write(`\n演示账号（密码均为 ${summary.password}）：\n`);
  // The relief pool's accounts (panel, panel2 … panel11) print as one line.
  const panel = summary.users.filter((u) => u.role === 'panel');
  for (const u of summary.users) {
    if (u.role === 'panel' && panel.length > 1) {
      if (u === panel[0])
        process.stdout.write(
          `  ${`${u.username}…${panel.at(-1)!.username}`.padEnd(10)} ${ROLE_NAMES.panel}  救济委员会委员库的 ${panel.length} 名委员\n`,
        );
      continue;
    }
    const role = ROLE_NAMES[u.role as Role] ?? u.role;
    process.stdout.write(`  ${u.username.padEnd(10)} ${role}  ${u.displayName}\n`);
  }
  process.stdout.write(
    '演示账号的密码是公开的，仅供演示：不适用密码策略与双因素认证；正式使用请另建账号。\n',
  );
}

/** How long requests in flight may take to finish once a stop is asked for (WENZE_SHUTDOWN_TIMEOUT_MS). */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * SIGTERM or SIGINT (a process manager, `docker stop`, Ctrl-C): stop accepting, let the requests in
 * flight finish within a bound (then cut their connections), close the database, exit 0. A second
 * signal exits at once.
 */
function stopOnSignals(app: FastifyInstance, database: Database): void {
  const grace = Number(process.env.WENZE_SHUTDOWN_TIMEOUT_MS) || SHUTDOWN_GRACE_MS;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      process.stderr.write(`再次收到 ${signal}，立即退出\n`);
      process.exit(1);
    }
    stopping = true;
    process.stderr.write(`收到 ${signal}，正在停止：不再接受新请求，等待进行中的请求完成…\n`);
    const cut = setTimeout(() => {
      process.stderr.write(`进行中的请求 ${grace} ms 内未完成，断开其连接\n`);
      app.server.closeAllConnections();
    }, grace);
    cut.unref();
    setTimeout(() => {
      process.stderr.write('停止超时，强制退出\n');
      process.exit(1);
    }, grace * 2).unref();
    app
      .close()
      .then(() => database.close())
      .then(
        () => {
          process.stderr.write('问责 Wenze 已停止\n');
          process.exit(0);
        },
        (e: unknown) => {
          process.stderr.write(`停止时出错：${e instanceof Error ? e.message : String(e)}\n`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('启动服务器与 Web 控制台（PORT、DATABASE_URL、WENZE_DATA_DIR）')
    .option('--demo', '数据库为空时载入演示数据（A市）并显示演示账号（npm start 使用）')
    .option('--no-demo', '不载入演示数据、不显示演示账号（默认）')
    .action(
      action(async (opts: { demo?: boolean }) => {
        const { buildApp } = await import('../../server/app.js');
        const { isDatabaseEmpty, loadDemo } = await import('../../store/demo.js');
        const { migrateToLatest } = await import('../../store/migrate.js');
        const t0 = performance.now();
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        const applied = await migrateToLatest(database);
        if (applied.length) process.stderr.write(`数据库迁移：${applied.join(', ')}\n`);
        const { setAsideStaleAnchors } = await import('../../store/audit.repository.js');
        const setAside = await setAsideStaleAnchors(database.db);
        if (setAside) {
          process.stderr.write(
            `警告：审计日志为空，而锚点文件记录过审计记录（数据库被重建或清空）。旧锚点已另存为 ${setAside}；若非有意为之，请立即调查。\n`,
          );
        }
        // Complainants' identities still in plaintext (filed before migration 0005) are sealed now.
        const { sealPendingIdentities } = await import('../../store/complainant-identity.js');
        const sealing = await sealPendingIdentities(database.db);
        if (sealing.sealed) process.stderr.write(`已加密 ${sealing.sealed} 件投诉的投诉人身份信息（SM4）\n`);
        if (sealing.unreadable.length) {
          process.stderr.write(
            `警告：${sealing.unreadable.length} 件投诉的投诉人信息无法解密（数据被改动，或缺少旧版本密钥）：${sealing.unreadable.join(', ')}\n`,
          );
        }
        let demo: DemoSummary | undefined;
        if (opts.demo && (await isDatabaseEmpty(database))) {
          process.stderr.write('首次启动：正在载入演示数据（A市）…\n');
          demo = await loadDemo(database);
          const { loadDemoActs } = await import('../../store/demo-acts.js');
          const acts = await loadDemoActs(database);
          // The detection's findings followed up: cases decided, so that the annual assessment has figures.
          const { loadDemoAccountability } = await import('../../store/demo-accountability.js');
          await loadDemoAccountability(database);
          // A review campaign with scored files and an evaluation with answers (案卷评查, 外部评议).
          const { loadDemoReview } = await import('../../store/demo-review.js');
          await loadDemoReview(database);
          process.stderr.write(
            `已载入演示执法行为 ${acts.inserted} 条，自动发现过错 ${acts.detection?.findings ?? 0} 处\n`,
          );
        }
        const app = await buildApp({
          database,
          logger: { level: process.env.LOG_LEVEL ?? 'warn' },
          trustedProxies: cfg.trustedProxies,
          rateLimits: cfg.rateLimits,
          publicUrl: cfg.publicUrl,
        });
        const { anchorAuditPeriodically } = await import('../../server/audit-anchoring.js');
        anchorAuditPeriodically(app);
        await app.listen({ port: cfg.port, host: cfg.host });
        stopOnSignals(app, database);
        const shown = cfg.host === '0.0.0.0' || cfg.host === '::' ? 'localhost' : cfg.host;
        const port = (app.server.address() as { port: number }).port;
        process.stdout.write(`问责 Wenze 已启动：http://${shown}:${port}/\n`);
        process.stdout.write(
          `  数据库：${describeDatabase(cfg)}\n  API 文档：http://${shown}:${port}/api/docs\n`,
        );
        // The published password only for the demo city's own accounts, and only when asked for
        // the demo (npm start): `serve` in production never prints one.
        if (opts.demo) {
          const { DEMO_PASSWORD } = await import('../../demo/city.js');
          const users = demo
            ? demo.users
            : await database.db
                .selectFrom('users')
                .select(['username', 'role', 'displayName'])
                .where('isDemo', '=', true)
                .where('active', '=', true)
                .orderBy('username')
                .execute();
          if (users.length > 0) printDemoAccounts({ users, password: DEMO_PASSWORD });
        }
        // The last line of the start (a process manager may wait for it).
        process.stdout.write(`  启动耗时 ${Math.round(performance.now() - t0)} ms\n`);
      }),
    );
}
