import type { Command } from 'commander';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';

import { action } from '../io.js';

export function register(program: Command): void {
  program
    .command('migrate')
    .description('将数据库结构升级到最新版本（DATABASE_URL 或 WENZE_DATA_DIR）')
    .action(
      action(async () => {
        const { migrateToLatest } = await import('../../store/migrate.js');
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg, { keys: false });
        try {
          const applied = await migrateToLatest(database);
          process.stderr.write(
            `${describeDatabase(cfg)}：${applied.length ? `已执行 ${applied.join(', ')}` : '已是最新'}\n`,
          );
        } finally {
          await database.close();
        }
      }),
    );
}
