// `wenze duties check FILE [--json] [--reference FILE] [--on DATE]` and `wenze duties template
// [--xlsx FILE]` (issue 13): check a duty list (权责清单, .csv or .xlsx) for overlaps, gaps and
// incomplete items, and write the template. No database: agencies named by code are taken as given,
// agencies named by their full name are reported as written (the import resolves them against the
// register). Bad files → exit 2 naming the row and column.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isIsoDate } from '../../core/dates.js';
import { checkDuties, type DutyReport } from '../../core/duties/check.js';
import { dutiesTemplateCsv, dutyColumnsHelp } from '../../core/duties/columns.js';
import type { DutyItem } from '../../core/duties/item.js';
import { ValidationError } from '../../core/validation.js';
import { dutiesTemplateXlsx, readDutyFile } from '../../store/duties-formats.js';
import { action, printJson } from '../io.js';

const COLUMNS_HELP = `\n权责清单的列（.csv/.xlsx 首行，依次为）：\n${dutyColumnsHelp()}\n`;

const regionText = (region: string | null) => region ?? '地区未识别';

/** The report as a reader wants it, in Chinese; `items` gives the names of the codes. */
export function formatDutyReport(report: DutyReport, items: readonly DutyItem[] = []): string {
  const names = new Map<string, string>();
  for (const i of items) if (!names.has(i.code)) names.set(i.code, i.name);
  const power = (code: string) => (names.has(code) ? `${code} ${names.get(code)}` : code);
  const lines = [`权责清单检查：共 ${report.items} 项`];
  lines.push(
    `职责交叉（同一职权在同一地区有多个主办部门）：${report.overlaps.length === 0 ? '无' : `${report.overlaps.length} 处`}`,
  );
  for (const o of report.overlaps)
    lines.push(`  ${power(o.code)}（${regionText(o.region)}）：${o.agencies.join('、')}`);
  lines.push(`职责空白：${report.gaps.length === 0 ? '无' : `${report.gaps.length} 处`}`);
  for (const g of report.gaps) lines.push(`  ${power(g.code)}（${regionText(g.region)}）：${g.reason}`);
  lines.push(`要素不全：${report.incomplete.length === 0 ? '无' : `${report.incomplete.length} 项`}`);
  for (const i of report.incomplete) {
    lines.push(`  第 ${i.row} 行 ${power(i.code)}（${i.agency}）：缺少${i.missing.join('、')}`);
  }
  return `${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const duties = program
    .command('duties')
    .description('权责清单：检查职责交叉、职责空白和要素不全，生成导入模板')
    .addHelpText('after', COLUMNS_HELP);

  duties
    .command('check')
    .description('检查权责清单（.csv 或 .xlsx）：职责交叉、职责空白、要素不全；不需要数据库')
    .argument('<file>', '权责清单文件（.csv 或 .xlsx）')
    .option('--json', '输出 JSON（默认为便于阅读的文字）')
    .option(
      '--reference <file>',
      '参照清单（如省级目录，同样的列）：其中事项本地区无部门承担的，列为职责空白',
    )
    .option('--on <date>', '只检查该日施行的清单项（YYYY-MM-DD）')
    .addHelpText('after', COLUMNS_HELP)
    .action(
      action(async (file: string, opts: { json?: boolean; reference?: string; on?: string }) => {
        if (opts.on !== undefined && !isIsoDate(opts.on)) {
          throw new ValidationError('日期无效', [
            { path: 'on', message: '日期应为 YYYY-MM-DD 且为有效日期' },
          ]);
        }
        const items = await readDutyFile(file);
        const reference = opts.reference === undefined ? undefined : await readDutyFile(opts.reference);
        const report = checkDuties(items, { reference, on: opts.on });
        if (opts.json) printJson(report);
        else process.stdout.write(formatDutyReport(report, [...items, ...(reference ?? [])]));
      }),
    );

  duties
    .command('template')
    .description('生成权责清单导入模板（表头及一行示例）：默认 CSV 输出到标准输出，--xlsx 写入 Excel 文件')
    .option('--xlsx <file>', '写入 .xlsx 模板文件')
    .addHelpText('after', COLUMNS_HELP)
    .action(
      action(async (opts: { xlsx?: string }) => {
        if (opts.xlsx === undefined) {
          process.stdout.write(`\ufeff${dutiesTemplateCsv()}`);
          return;
        }
        try {
          writeFileSync(opts.xlsx, await dutiesTemplateXlsx());
        } catch (e) {
          throw new ValidationError(`无法写入文件：${opts.xlsx}`, [
            { path: 'xlsx', message: (e as NodeJS.ErrnoException).code ?? String(e) },
          ]);
        }
        process.stderr.write(`已写入权责清单模板：${opts.xlsx}\n`);
      }),
    );
}
