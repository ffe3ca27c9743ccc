// `wenze duties import FILE [--json] [--dry-run] [--reference FILE]` (issue 13): a duty list
// (权责清单, .csv or .xlsx) into the database, all or nothing, in one transaction with its audit
// entry. Agencies are named by code or by their full name in the register; an unknown one → exit 2
// naming the row and 实施主体. Each agency of the list gets its next version, superseding its earlier
// items from the new list's 生效日期. Prints the report `wenze duties check` prints (the file's items
// and incomplete ones; the overlaps and gaps of its regions as their lists stand with it); the
// versions written go to stderr. `--dry-run` checks and reports, and writes nothing.
import { readFile, stat } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { dutyColumnsHelp } from '../../core/duties/columns.js';
import { ValidationError } from '../../core/validation.js';
import {
  commonRegion,
  type DutyImportResult,
  dutyFileItems,
  importDuties,
} from '../../store/duties.repository.js';
import { readDutyFile } from '../../store/duties-formats.js';
import { migrateToLatest } from '../../store/migrate.js';
import { describeDatabase, openConfiguredDatabase, runtimeConfig } from '../config.js';
import { action, printJson } from '../io.js';
import { formatDutyReport } from './duties.js';

const IMPORT_HELP = `
全部成功或全部不写入：任何一行有误（或实施主体不在执法机关登记册中）即不写入，退出码 2，列出行号和列名。
实施主体可填机构编码（如 529900-SCJ）或登记册中的机关全称。清单中每个实施主体的各项成为该部门的新版本，
自其最早的生效日期起取代该部门此前的清单（此前各项于该日失效；尚未施行的，不再施行）。
输出与 wenze duties check 相同的报告：本文件的清单项数和要素不全项；职责交叉和职责空白按导入后本文件所涉地区的清单检查。
数据库：DATABASE_URL（PostgreSQL）或 WENZE_DATA_DIR（嵌入式）。

权责清单的列（.csv/.xlsx 首行，依次为）：
${dutyColumnsHelp()}

示例：
  wenze duties template --xlsx 权责清单模板.xlsx
  wenze duties import 市住建局权责清单.xlsx --dry-run
  wenze duties import 市住建局权责清单.xlsx --json
`;

/** The account running the command (a container's uid may have no name). */
function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? String(process.getuid?.() ?? 'unknown');
  }
}

async function readBytes(path: string): Promise<Buffer> {
  try {
    if (!(await stat(path)).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return await readFile(path);
  } catch (e) {
    throw new ValidationError(`无法读取输入文件：${path}`, [
      { path: 'file', message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
}

/** What was (or would be) written, one line per agency. */
export function formatDutyImport(r: DutyImportResult): string {
  const head = r.dryRun
    ? `试导入（未写入）${r.fileName}：`
    : `已导入 ${r.fileName}（导入编号 ${r.importId}）：`;
  const lines = r.agencies.map(
    (a) =>
      `  ${a.agencyName}（${a.agencyId}）第 ${a.version} 版，${a.items} 项，自 ${a.from} 起施行` +
      (a.superseded > 0 ? `；此前 ${a.superseded} 项自该日失效` : ''),
  );
  return `${head}\n${lines.join('\n')}\n`;
}

export function register(program: Command): void {
  const duties = program.commands.find((c) => c.name() === 'duties') ?? program.command('duties');
  duties
    .command('import')
    .description(
      '导入权责清单（.csv 或 .xlsx）到数据库：全部成功或全部不写入，按部门生成新版本并输出检查报告',
    )
    .argument('<file>', '权责清单文件（.csv 或 .xlsx）')
    .option('--json', '输出 JSON 报告（默认为便于阅读的文字）')
    .option('--dry-run', '只检查并报告，不写入')
    .option(
      '--reference <file>',
      '参照清单（如省级目录，同样的列）：其中事项本地区无部门承担的，列为职责空白',
    )
    .addHelpText('after', IMPORT_HELP)
    .action(
      action(async (file: string, opts: { json?: boolean; dryRun?: boolean; reference?: string }) => {
        const { items, sha256 } = await dutyFileItems(file, await readBytes(file));
        const reference = opts.reference === undefined ? undefined : await readDutyFile(opts.reference);
        const cfg = runtimeConfig();
        const database = await openConfiguredDatabase(cfg);
        const by = `cli:${osUser()}`;
        let result: DutyImportResult;
        try {
          await migrateToLatest(database);
          result = await importDuties(database.db, items, {
            fileName: file,
            sha256,
            importedBy: { id: null, name: by },
            reference,
            dryRun: opts.dryRun === true,
            audit: (r) => ({
              regionCode: commonRegion(r.agencies.map((a) => a.regionCode)),
              actorId: null,
              actorName: by,
              action: 'duties.import',
              objectType: 'duty_import',
              objectId: String(r.importId),
              detail: {
                file,
                sha256,
                items: r.report.items,
                agencies: r.agencies.map((a) => ({ agencyId: a.agencyId, version: a.version })),
              },
            }),
          });
        } finally {
          await database.close();
        }
        process.stderr.write(`${describeDatabase(cfg)}：${formatDutyImport(result)}`);
        if (opts.json) printJson(result.report);
        else process.stdout.write(formatDutyReport(result.report, [...items, ...(reference ?? [])]));
      }),
    );
}
