// `wenze rules [--json]`: the rule packs and their versions with effective dates.
import type { Command } from 'commander';
import { defaultPacks } from '../../core/rulebook/packs/registry.js';
import { action, printJson } from '../io.js';

export function register(program: Command): void {
  program
    .command('rules')
    .description('列出规则包及其版本和生效期间')
    .option('--json', '以 JSON 输出')
    .action(
      action((opts: { json?: boolean }) => {
        const packs = defaultPacks.list();
        if (opts.json) {
          printJson({ packs });
          return;
        }
        const out: string[] = [];
        for (const p of packs) {
          out.push(
            `${p.name}${p.default ? '（默认）' : ''}  ${p.title}  区划 ${p.region}${p.parent ? `  上级规则包 ${p.parent}` : ''}`,
          );
          for (const v of p.versions) {
            out.push(
              `  ${v.version.padEnd(6)} ${v.validFrom} 至 ${v.validTo ?? '（长期）'}${v.note ? `  ${v.note}` : ''}`,
            );
          }
        }
        process.stdout.write(`${out.join('\n')}\n`);
      }),
    );
}
