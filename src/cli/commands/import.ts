// `wenze import acts FILE` (.jsonl, .csv, .xlsx): enforcement acts into the database — validated,
// upserted by id (re-importing the same data changes nothing), all or nothing, then the detection
// rules over what changed; and `wenze scan-db [--as-of DATE]`: every rule over every act (what the
// server runs each night).
import { writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { ACT_COLUMNS, allowedValues } from '../../core/acts/columns.js';
import { isDateString } from '../../core/calendar/index.js';
import { todayInChina } from '../../core/dates.js';
import { ValidationError } from '../../core/validation.js';
import { actsFile } from '../../store/acts-formats.js';
import { type ImportResult, importActs } from '../../store/acts-import.js';
import { actsTemplateXlsx } from '../../store/acts-template.js';
import { detectAll } from '../../store/detect-sql.js';
import { ALL_REGIONS, recordDetectionRun } from '../../store/detection-runs.js';
import { migrateToLatest } from '../../store/migrate.js';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';
import { action, printJson } from '../io.js';

/** Files from this size get a progress bar (on a terminal). */
const PROGRESS_FROM = 5 * 1024 * 1024;

function asOfOption(value: string | undefined): string {
  if (value === undefined) return todayInChina();
  if (!isDateString(value)) {
    throw new ValidationError('参数无效', [{ path: 'as-of', message: '须为 YYYY-MM-DD 格式的有效日期' }]);
  }
  return value;
}

const COLUMN_HELP = ACT_COLUMNS.map((c) => {
  const values = allowedValues(c.name);
  const head = `  ${c.name.padEnd(20)} ${c.meaning}${c.required ? '（必填）' : ''}，例 ${c.example}`;
  return values ? `${head}\n${' '.repeat(23)}可选：${values}` : head;
}).join('\n');

export const IMPORT_HELP = `
Formats (by extension):
  .jsonl   the exchange format (CONTRACTS.md §3), one act per line
  .csv     UTF-8, comma-separated, first row = column names
  .xlsx    first worksheet, first row = column names

CSV / Excel columns (order free; empty cell = field absent; other columns are kept
as extra fields of the act, a dotted name nests, e.g. "dates.received"):
${COLUMN_HELP}
  Enumerated columns take the Chinese label or the code (trimmed, full-width or
  half-width); another value is an error naming the line, the column and the allowed
  values (payment.method keeps other methods as text). Booleans: 是/否, true/false,
  1/0, yes/no. Dates: YYYY-MM-DD (or Excel dates).
  --template FILE writes an .xlsx template: these columns in order, an example row,
  the allowed values on the sheet "可选值" and the columns explained on "填写说明".

All or nothing: one bad record and nothing is written; exit 2 with every error as
"line N: field: message" (CSV: the line the record starts on; Excel: the row).
Re-importing changes nothing: an act is updated only when its record changed.
Afterwards the detection rules run over the new and changed acts; new findings
become leads. Database: DATABASE_URL (PostgreSQL) or WENZE_DATA_DIR (embedded).

Examples:
  wenze generate acts --count 10000 --seed 1 --out acts.jsonl
  wenze import acts acts.jsonl --as-of 2025-12-31
  wenze import acts acts.xlsx --json
  wenze import acts --template acts-template.xlsx
`;

/** The account running the command (a container's uid may have no name). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? String(process.getuid?.() ?? 'unknown');
  }
}

function summary(r: ImportResult): string {
  const d = r.detection;
  const found = d
    ? `；检测：${d.acts} 件，发现 ${d.findings} 条（新增 ${d.created}，更新 ${d.updated}，撤销 ${d.removed}），新线索 ${d.leads} 条`
    : '';
  return `导入 ${r.received} 件：新增 ${r.inserted}，更新 ${r.updated}，未变 ${r.unchanged}${found}（${(r.ms / 1000).toFixed(1)} 秒）`;
}

interface ImportCliOptions {
  asOf?: string;
  detect: boolean;
  json?: boolean;
  template?: string;
}

/** The import template, written to a file (exit 2 when it cannot be written). */
async function writeTemplate(path: string): Promise<void> {
  if (!/\.xlsx$/i.test(path))
    throw new ValidationError('模板须写为 .xlsx 文件', [
      { path: 'template', message: '文件名须以 .xlsx 结尾' },
    ]);
  try {
    await writeFile(path, await actsTemplateXlsx());
  } catch (e) {
    throw new ValidationError(`无法写入模板：${path}`, [
      { path: 'template', message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
  process.stderr.write(`已写出执法行为导入模板：${path}（${ACT_COLUMNS.length} 列，含示例行和“可选值”表）\n`);
}

export function register(program: Command): void {
  const imp = program.command('import').description('导入数据 (import data)');
  imp
    .command('acts')
    .description(
      '导入执法行为（.jsonl、.csv、.xlsx），校验后按编号写入并运行检测规则 (import enforcement acts)',
    )
    .argument('[file]', '文件 (.jsonl, .csv, .xlsx)')
    .option(
      '--template <file>',
      '写出 Excel 导入模板（列、示例行、可选值），不导入 (write the .xlsx template)',
    )
    .option('--as-of <date>', '检测基准日期（期限类规则），默认今天 (as-of date of the detection)')
    .option('--no-detect', '只导入，不运行检测规则 (import only)')
    .option('--json', '以 JSON 输出结果 (print the result as JSON)')
    .addHelpText('after', IMPORT_HELP)
    .action(
      action(async (file: string | undefined, opts: ImportCliOptions) => {
        if (opts.template !== undefined) {
          if (file !== undefined)
            throw new ValidationError('--template 只写出模板，不能同时导入文件', [
              { path: 'file', message: '与 --template 不能同时使用' },
            ]);
          await writeTemplate(opts.template);
          return;
        }
        if (file === undefined)
          throw new ValidationError('缺少要导入的文件', [
            { path: 'file', message: '缺少文件（或用 --template FILE 写出模板）' },
          ]);
        const asOf = asOfOption(opts.asOf);
        const source = await actsFile(file);
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        let bar: cliProgress.SingleBar | null = null;
        let result: ImportResult;
        try {
          await migrateToLatest(database);
          if (source.size >= PROGRESS_FROM && process.stderr.isTTY) {
            bar = new cliProgress.SingleBar(
              {
                stream: process.stderr,
                format: '导入执法行为 [{bar}] {percentage}% | {value}/{total} MB | {acts} 件',
                hideCursor: true,
              },
              cliProgress.Presets.shades_classic,
            );
            bar.start(Math.ceil(source.size / 1048576), 0, { acts: 0 });
          }
          result = await importActs(database, source, {
            asOf,
            detect: opts.detect,
            onProgress: (acts) => bar?.update(Math.floor(source.bytesRead() / 1048576), { acts }),
            // Audited like an upload, in the import's transaction.
            audit: (r) => ({
              regionCode: ALL_REGIONS,
              actorId: null,
              actorName: `cli:${osUser()}`,
              action: 'acts.import',
              objectType: 'acts',
              objectId: 'cli',
              detail: {
                file: basename(file),
                received: r.received,
                inserted: r.inserted,
                updated: r.updated,
                unchanged: r.unchanged,
                findingsCreated: r.detection?.created ?? 0,
              },
            }),
          });
          bar?.update(Math.ceil(source.size / 1048576));
          // The portal's statistics and annual report figures, from the acts now in the database.
          const { refreshAllPublicFigures } = await import('../../store/public-figures.repository.js');
          await refreshAllPublicFigures(database.db);
        } finally {
          bar?.stop();
          await database.close();
        }
        process.stderr.write(`${describeDatabase(cfg)}：${summary(result)}\n`);
        if (opts.json) printJson(result);
      }),
    );

  program
    .command('scan-db')
    .description(
      '对数据库中的全部执法行为运行检测规则，记入审计日志（服务器每晚 02:00 自动运行）(run every rule over every act)',
    )
    .option('--as-of <date>', '基准日期，默认今天 (as-of date)')
    .option('--json', '以 JSON 输出结果')
    .action(
      action(async (opts: { asOf?: string; json?: boolean }) => {
        const asOf = asOfOption(opts.asOf);
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        let result: Awaited<ReturnType<typeof detectAll>>;
        try {
          await migrateToLatest(database);
          result = await detectAll(database, { asOf });
          await recordDetectionRun(database.db, {
            trigger: 'cli',
            actorName: `cli:${userInfo().username}`,
            result,
          });
        } finally {
          await database.close();
        }
        process.stderr.write(
          `${describeDatabase(cfg)}：检测 ${result.acts} 件执法行为（截至 ${asOf}），发现 ${result.findings} 条` +
            `（新增 ${result.created}，更新 ${result.updated}，撤销 ${result.removed}），新线索 ${result.leads} 条` +
            `（${(result.ms / 1000).toFixed(1)} 秒）\n`,
        );
        if (opts.json) printJson(result);
      }),
    );
}
