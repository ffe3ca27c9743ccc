import type { Command } from 'commander';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';

import { action } from '../io.js';

import { printDemoAccounts } from './serve.js';

export function register(program: Command): void {
  program
    .command('demo')
    .description('清空数据库并重新载入演示数据（A市）')
    .option('--yes', '不再确认（清空全部数据）')
    .option('--no-acts', '不载入演示执法行为（仅机关、人员与账号）')
    .action(
      action(async (opts: { yes?: boolean; acts: boolean }) => {
        const { loadDemo, truncateAll } = await import('../../store/demo.js');
        const { migrateToLatest } = await import('../../store/migrate.js');
        if (!opts.yes && process.stdin.isTTY) {
          process.stderr.write('此操作将清空数据库中的全部数据并载入演示数据。加 --yes 确认。\n');
          process.exitCode = 2;
          return;
        }
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        try {
          await migrateToLatest(database);
          await truncateAll(database);
          // The audit log starts over on purpose: so does the series of its anchors (the old file is kept).
          const { archiveAnchors } = await import('../../security/anchors.js');
          const { activeKeyring } = await import('../../security/keys.js');
          archiveAnchors(activeKeyring(), 'demo-reset');
          const summary = await loadDemo(database);
          if (opts.acts) {
            const { loadDemoActs } = await import('../../store/demo-acts.js');
            await loadDemoActs(database);
            const { loadDemoAccountability } = await import('../../store/demo-accountability.js');
            await loadDemoAccountability(database);
            const { loadDemoReview } = await import('../../store/demo-review.js');
            await loadDemoReview(database);
          }
          process.stderr.write(
            `${describeDatabase(cfg)}：已载入演示数据（${summary.agencies} 个机关，${summary.officers} 名执法人员）\n`,
          );
          printDemoAccounts(summary);
        } finally {
          await database.close();
        }
      }),
    );
}
