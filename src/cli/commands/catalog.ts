// `wenze catalog [--json] [--pack P] [--on DATE]`: the fault-behaviour catalogue of the rule pack
// in force (CONTRACTS.md §1).
import type { Command } from 'commander';
import { todayInChina } from '../../core/dates.js';
import { CATALOGUE_CATEGORIES } from '../../core/rulebook/catalogue.js';
import { DEFAULT_PACK, defaultPacks } from '../../core/rulebook/packs/registry.js';
import type { ResolvedPack } from '../../core/rulebook/packs/types.js';
import { zhItem } from '../../core/rulebook/zh.js';
import { action, printJson } from '../io.js';

export function catalogJson(pack: ResolvedPack) {
  return {
    pack: pack.name,
    version: pack.version,
    items: pack.catalogue.map((i) => ({
      code: i.code,
      category: i.category,
      item: i.item,
      text: i.text,
      cite: i.cite,
    })),
  };
}

function printTable(pack: ResolvedPack): void {
  const out: string[] = [
    `${pack.measuresTitle} — 第二章 行政执法过错行为（规则包 ${pack.name} ${pack.version}）`,
  ];
  for (const cat of CATALOGUE_CATEGORIES) {
    const items = pack.catalogue.filter((i) => i.category === cat.code);
    out.push('', `${cat.title}（${cat.code}，${items.length} 项）`);
    for (const i of items) out.push(`  ${i.code.padEnd(18)}${zhItem(i.item)}${i.text}`);
  }
  out.push('', `共 ${pack.catalogue.length} 项`);
  process.stdout.write(`${out.join('\n')}\n`);
}

export function register(program: Command): void {
  program
    .command('catalog')
    .description('列出行政执法过错行为目录（第二章，52 项）')
    .option('--json', '以 JSON 输出')
    .option('--pack <pack>', '规则包', DEFAULT_PACK)
    .option('--on <date>', '适用日期 YYYY-MM-DD（默认今天）')
    .action(
      action((opts: { json?: boolean; pack: string; on?: string }) => {
        const pack = defaultPacks.select(opts.pack, opts.on ?? todayInChina());
        if (opts.json) printJson(catalogJson(pack));
        else printTable(pack);
      }),
    );
}
