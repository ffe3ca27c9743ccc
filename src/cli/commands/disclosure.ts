// `wenze disclosure sweep`: what the nightly run does for 行政执法决定公示 — publish the decisions
// that have no publication yet (imported before publications existed), take down those whose
// retention is over (natural persons 2 years, organisations 5, from the pack) — audited.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { isDateString } from '../../core/calendar/index.js';
import { todayInChina } from '../../core/dates.js';
import { ValidationError } from '../../core/validation.js';
import { migrateToLatest } from '../../store/migrate.js';
import { type SweepResult, sweepAudit, sweepPublications } from '../../store/publications.repository.js';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';
import { action, printJson } from '../io.js';

export function register(program: Command): void {
  const disclosure = program.command('disclosure').description('行政执法决定公示 (publication of decisions)');
  disclosure
    .command('sweep')
    .description(
      '补公示尚未公示的许可、处罚决定，撤下公示期满的信息，记入审计日志（服务器每晚自动运行）(publish pending, take down expired)',
    )
    .option('--on <date>', '执行日期，默认今天 (the day of the sweep)')
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (opts: { on?: string; json?: boolean }) => {
        const on = opts.on ?? todayInChina();
        if (!isDateString(on))
          throw new ValidationError('参数无效', [{ path: 'on', message: '须为 YYYY-MM-DD 格式的有效日期' }]);
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        let result: SweepResult;
        try {
          await migrateToLatest(database);
          result = await sweepPublications(
            database,
            on,
            sweepAudit({ actorName: `cli:${userInfo().username}` }, on),
          );
        } finally {
          await database.close();
        }
        process.stderr.write(
          `${describeDatabase(cfg)}：${on} 公示 ${result.published} 项，不予公开 ${result.withheld} 项，` +
            `撤回 ${result.withdrawn} 项，期满撤下 ${result.takenDown} 项\n`,
        );
        if (opts.json) printJson(result);
      }),
    );
}
