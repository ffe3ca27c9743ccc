// `wenze tolerance assess [FILE|-] [--pack P] [--on DATE] [--json]`: reads one tolerance request
// (JSON) and prints which conditions of the city's 容错纠错 policy hold, which exclusions apply, the
// distinction and the outcome with its rule. No database. Bad input → exit 2 naming the field.
import type { Command } from 'commander';
import { defaultPacks } from '../../core/rulebook/packs/registry.js';
import { assessToleranceRequest, type ToleranceAssessment } from '../../core/tolerance/assess.js';
import { action, parseJsonText, printJson, readInput } from '../io.js';

/** The assessment as a reader wants it: outcome first, then every condition and exclusion. */
export function formatAssessment(a: ToleranceAssessment): string {
  const lines = [
    `结论：${a.outcomeLabel}（${a.outcomeCite}）`,
    `三个区分开来：${a.distinction.label}（而非${a.distinction.against}）`,
    '容错条件：',
    ...a.conditions.map(
      (c) => `  ${c.met ? '✓' : c.partial ? '△' : '✗'} ${c.label} — ${c.reason}（${c.cite}）`,
    ),
    a.exclusions.length === 0 ? '负面清单：无' : '负面清单：',
    ...a.exclusions.map((e) => `  ✗ ${e.label} — ${e.reason}（${e.cite}）`),
    `依据：${a.policy.title}${a.policy.summary ? '（示例文本）' : ''}，规则包 ${a.pack.key}`,
  ];
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const tolerance = program.command('tolerance').description('容错纠错（市级规则包中的容错纠错实施办法）');
  tolerance
    .command('assess')
    .description('对一项容错申请的事实作出评估：各项容错条件是否满足、负面清单情形、三个区分开来、结论及依据')
    .argument('[file]', '容错评估请求 JSON 文件，- 或省略为标准输入')
    .option('--pack <pack>', '规则包（覆盖请求中的 pack）')
    .option('--on <date>', '按该日期施行的容错政策评估（默认 appliedOn）')
    .option('--json', '输出 JSON（默认为便于阅读的文字）')
    .action(
      action((file: string | undefined, opts: { pack?: string; on?: string; json?: boolean }) => {
        const input = parseJsonText(readInput(file), file ?? '-');
        const result = assessToleranceRequest(input, defaultPacks, { pack: opts.pack, on: opts.on });
        if (opts.json) printJson(result);
        else process.stdout.write(formatAssessment(result));
      }),
    );
}
