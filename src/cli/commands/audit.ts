import type { Command } from 'commander';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';

import { action, printJson } from '../io.js';

export function register(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description(
      '用审计密钥重新计算审计日志的哈希链，并与密钥目录中签名的锚点比对，指出第一条被篡改、删除或插入的记录（不一致时退出码 1）',
    )
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (opts: { json?: boolean }) => {
        const { verifyAuditLog } = await import('../../store/audit.repository.js');
        const { migrateToLatest } = await import('../../store/migrate.js');
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        let result: Awaited<ReturnType<typeof verifyAuditLog>>;
        try {
          await migrateToLatest(database);
          result = await verifyAuditLog(database.db);
        } finally {
          // Closing the embedded database resets process.exitCode (Emscripten's exit), so the
          // verdict is set after it.
          await database.close();
        }
        if (opts.json) printJson(result);
        const anchored = result.anchor
          ? `，与 ${result.anchor.at} 的锚点（第 ${result.anchor.seq} 条）相符`
          : '（尚无锚点：运行 wenze audit anchor 或启动服务器后生成）';
        if (result.ok) {
          process.stderr.write(
            `${describeDatabase(cfg)}：审计日志完整，已校验 ${result.checked} 条记录${anchored}。\n`,
          );
        } else {
          if (result.brokenAt) {
            process.stderr.write(
              `审计日志不一致：第 ${result.brokenAt.id} 条记录 —— ${result.brokenAt.reason}（此前 ${result.checked} 条完好）\n`,
            );
          }
          for (const bad of result.anchorErrors ?? []) {
            process.stderr.write(`锚点文件第 ${bad.line} 行：${bad.reason}\n`);
          }
          process.exitCode = 1;
        }
      }),
    );
  audit
    .command('anchor')
    .description(
      '将审计日志当前的链头（最新记录的编号与哈希）签名后追加到密钥目录的锚点文件（服务器也定时执行）',
    )
    .option('--json', '以 JSON 输出锚点')
    .action(
      action(async (opts: { json?: boolean }) => {
        const { anchorAuditHead } = await import('../../store/audit.repository.js');
        const { migrateToLatest } = await import('../../store/migrate.js');
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        let anchor: Awaited<ReturnType<typeof anchorAuditHead>>;
        try {
          await migrateToLatest(database);
          anchor = await anchorAuditHead(database.db, { force: true });
        } finally {
          await database.close();
        }
        if (opts.json) printJson(anchor);
        process.stderr.write(`已签署锚点：第 ${anchor?.seq} 条记录，${anchor?.at}（${cfg.keyDir}）\n`);
      }),
    );
}
