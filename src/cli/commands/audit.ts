import type { Command } from 'commander';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';

import { action, printJson } from '../io.js';

export function register(program: Command): void {
  const audit = program.command('audit').description('审计日志');
  audit
    .command('verify')
    .description('重新计算审计日志的哈希链，指出第一条被篡改、删除或插入的记录（不一致时退出码 1）')
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (opts: { json?: boolean }) => {
        const { verifyAuditChain } = await import('../../store/audit.repository.js');
        const { migrateToLatest } = await import('../../store/migrate.js');
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        let result: Awaited<ReturnType<typeof verifyAuditChain>>;
        try {
          await migrateToLatest(database);
          result = await verifyAuditChain(database.db);
        } finally {
          // Closing the embedded database resets process.exitCode (Emscripten's exit), so the
          // verdict is set after it.
          await database.close();
        }
        if (opts.json) printJson(result);
        if (result.ok) {
          process.stderr.write(`${describeDatabase(cfg)}：审计日志完整，已校验 ${result.checked} 条记录。\n`);
        } else {
          process.stderr.write(
            `审计日志不一致：第 ${result.brokenAt?.id} 条记录 —— ${result.brokenAt?.reason}（此前 ${result.checked} 条完好）\n`,
          );
          process.exitCode = 1;
        }
      }),
    );
}
