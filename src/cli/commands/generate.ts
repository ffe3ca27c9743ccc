// `wenze generate acts --count N --seed S [--fault-rate R] [--as-of DATE] [--out FILE] [--truth FILE]
// [--duties FILE]`: realistic enforcement acts of the demo city as JSON Lines (the CONTRACTS.md §3
// format), with faults injected at the given rate, and the ground truth — the findings a correct
// scan reports — as JSON Lines of { act, rule, fault }. The truth of outside-duty-list assumes the
// demo city's duty lists: `--duties` writes them (CSV) for `wenze scan --duties`. Streams: a million
// acts never sit in memory at once.
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { DEFAULT_AS_OF, DEFAULT_FAULT_RATE, generateActChunks } from '../../core/acts/generate.js';
import { demoDutyItems } from '../../core/duties/demo.js';
import { dutyItemsCsv } from '../../core/duties/item.js';
import { ValidationError } from '../../core/validation.js';
import { action } from '../io.js';

interface Sink {
  write(text: string): Promise<void>;
  close(): void;
}

function fileSink(file: string, option: string): Sink {
  let fd: number;
  try {
    fd = openSync(file, 'w');
  } catch (e) {
    throw new ValidationError(`无法写入文件：${file}`, [
      { path: option, message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
  return {
    write: async (text) => {
      writeSync(fd, text);
    },
    close: () => closeSync(fd),
  };
}

/** Standard output; when the reader goes away (`| head`), generating stops quietly. */
function stdoutSink(): Sink & { closed: boolean } {
  const sink = {
    closed: false,
    write: (text: string) =>
      new Promise<void>((resolve) => {
        if (sink.closed || process.stdout.write(text)) resolve();
        else process.stdout.once('drain', () => resolve());
      }),
    close: () => {},
  };
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    sink.closed = true;
    process.stdout.emit('drain');
  });
  return sink;
}

function integer(value: string, path: string, min: number): number {
  if (!/^-?\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new ValidationError('参数无效', [{ path, message: min === 0 ? '须为非负整数' : '须为整数' }]);
  }
  return Number(value);
}

function rate(value: string | undefined): number {
  if (value === undefined) return DEFAULT_FAULT_RATE;
  const r = Number(value);
  if (value.trim() === '' || !(r >= 0 && r <= 1)) {
    throw new ValidationError('参数无效', [{ path: 'fault-rate', message: '须为 0 到 1 之间的数' }]);
  }
  return r;
}

/** Progress on stderr: a rewritten line on a terminal, a line per 10 % otherwise. */
function progress(total: number): (done: number) => void {
  if (total < 100_000) return () => {};
  const tty = process.stderr.isTTY;
  let lastTenth = 0;
  return (done) => {
    const pct = Math.floor((done / total) * 100);
    if (tty) process.stderr.write(`\r生成执法行为 ${done}/${total}（${pct}%）`);
    else if (Math.floor(pct / 10) > lastTenth) {
      lastTenth = Math.floor(pct / 10);
      process.stderr.write(`生成执法行为 ${done}/${total}（${pct}%）\n`);
    }
    if (tty && done === total) process.stderr.write('\n');
  };
}

interface GenerateActsOptions {
  count: string;
  seed: string;
  faultRate?: string;
  asOf?: string;
  out?: string;
  truth?: string;
  duties?: string;
}

export async function generateActsCommand(
  opts: GenerateActsOptions,
): Promise<{ acts: number; faults: number }> {
  const count = integer(opts.count, 'count', 0);
  const seed = integer(opts.seed, 'seed', Number.MIN_SAFE_INTEGER);
  const faultRate = rate(opts.faultRate);
  const asOf = opts.asOf ?? DEFAULT_AS_OF;
  const chunks = generateActChunks({ count, seed, faultRate, asOf }); // validates before any file is opened
  const first = chunks.next();
  if (opts.duties) {
    const lists = fileSink(opts.duties, 'duties');
    await lists.write(dutyItemsCsv(demoDutyItems()));
    lists.close();
  }
  const out: Sink & { closed?: boolean } =
    opts.out && opts.out !== '-' ? fileSink(opts.out, 'out') : stdoutSink();
  const truth = opts.truth ? fileSink(opts.truth, 'truth') : null;
  const tick = progress(count);
  let acts = 0;
  let faults = 0;
  try {
    for (let r = first; !r.done && !out.closed; r = chunks.next()) {
      const c = r.value;
      let text = '';
      for (const a of c.acts) text += `${JSON.stringify(a)}\n`;
      await out.write(text);
      if (truth && c.truth.length > 0)
        await truth.write(`${c.truth.map((t) => JSON.stringify(t)).join('\n')}\n`);
      acts += c.acts.length;
      faults += c.truth.length;
      tick(acts);
    }
  } finally {
    out.close();
    truth?.close();
  }
  return { acts, faults };
}

export function register(program: Command): void {
  const generate = program.command('generate').description('生成演示数据 (generate demo data)');
  generate
    .command('acts')
    .description(
      '生成执法行为（JSON Lines），按比例注入过错并输出标准答案 (acts with injected faults and ground truth)',
    )
    .requiredOption('--count <n>', '件数 (number of acts)')
    .requiredOption('--seed <s>', '随机种子，同一种子生成相同数据 (seed)')
    .option(
      '--fault-rate <r>',
      `注入过错的比例，0–1，默认 ${DEFAULT_FAULT_RATE} (share of acts with a fault)`,
    )
    .option('--as-of <date>', `数据截止日期，默认 ${DEFAULT_AS_OF} (no date after it)`)
    .option('--out <file>', '输出文件，默认标准输出 (output file, default stdout)')
    .option('--truth <file>', '标准答案文件：应发现的线索 (ground truth: the findings expected)')
    .option(
      '--duties <file>',
      '写出演示城市的权责清单（CSV），供 wenze scan --duties 使用；标准答案中的 outside-duty-list 以之为准 (the demo duty lists)',
    )
    .action(
      action(async (opts: GenerateActsOptions) => {
        const { acts, faults } = await generateActsCommand(opts);
        process.stderr.write(
          `已生成 ${acts} 件执法行为，其中注入过错 ${faults} 件（截止 ${opts.asOf ?? DEFAULT_AS_OF}）` +
            `${opts.out && opts.out !== '-' ? ` → ${opts.out}` : ''}${opts.truth ? `，标准答案 → ${opts.truth}` : ''}\n`,
        );
      }),
    );
}
