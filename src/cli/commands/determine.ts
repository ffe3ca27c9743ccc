// `wenze determine [FILE|-] [--pack P] [--on DATE] [--what-if]`: reads one determination request
// (JSON) and prints the determination (CONTRACTS.md §2), with `--what-if` also the smallest changes
// of the facts that change each result. Bad input → exit 2 naming the field.
import type { Command } from 'commander';
import { determine } from '../../core/determine/index.js';
import { defaultPacks } from '../../core/rulebook/packs/registry.js';
import { action, parseJsonText, printJson, readInput } from '../io.js';

export function register(program: Command): void {
  program
    .command('determine')
    .description('对一个过错事实作出责任判定（谁承担责任、依据哪条哪项、从重从轻、追究形式）')
    .argument('[file]', '判定请求 JSON 文件，- 或省略为标准输入')
    .option('--pack <pack>', '规则包（覆盖请求中的 pack）')
    .option('--on <date>', '按该日期生效的规则包版本判定（默认 occurredOn）')
    .option('--what-if', '对每个人员和机关，另给出改变其结论或追究形式所在项的最小事实变化（whatIf）')
    .action(
      action((file: string | undefined, opts: { pack?: string; on?: string; whatIf?: boolean }) => {
        const input = parseJsonText(readInput(file), file ?? '-');
        printJson(
          determine(input, defaultPacks, { pack: opts.pack, on: opts.on, whatIf: opts.whatIf === true }),
        );
      }),
    );
}
