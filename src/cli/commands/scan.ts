// `wenze scan --input acts.jsonl [--as-of DATE] [--json]` (CONTRACTS.md §4): the detection rules
// over an acts file, nothing else needed. The file is cut into chunks (8 MiB byte ranges; a line
// belongs to the chunk it starts in) that worker threads — one per core — claim one after another
// from a shared counter, reading and checking each act (scan-worker.ts); this thread collects the
// findings as chunks finish. For the cross-act duplicate-fine rule each worker keeps its own table
// of fine decisions; at the end the workers exchange only the hashes of their keys, and just the
// keys held by more than one worker are merged here. A broken line stops the scan with exit 2
// naming its line number (the earliest one, if workers hit several).
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Command } from 'commander';
import { ActLineError, actError } from '../../core/acts/parse.js';
import { type Calendar, defaultCalendar } from '../../core/calendar/calendar.js';
import { isDateString } from '../../core/calendar/day-number.js';
import { todayInChina } from '../../core/dates.js';
import { type DiscretionEntry, parseDiscretionCsv } from '../../core/detect/discretion.js';
import { FineIndex, sharedHashes } from '../../core/detect/duplicate-fine.js';
import { type DutyEntry, dutyEntry } from '../../core/detect/duty-list.js';
import { FineSeries } from '../../core/detect/fine-outlier.js';
import { FineTable } from '../../core/detect/fine-table.js';
import { compareFindings, type Finding, RULE_NAMES } from '../../core/detect/rule.js';
import { DEFAULT_DISCRETION } from '../../core/rulebook/packs/discretion.js';
import { ValidationError } from '../../core/validation.js';
import { readDutyFile } from '../../store/duties-formats.js';
import { action } from '../io.js';
import {
  type ChunkResult,
  fromBytes,
  runChunks,
  type WorkerInput,
  type WorkerMessage,
} from './scan-worker.js';

export interface ScanFileOptions {
  asOf: string;
  /** The calendar (default: the seeded one). */
  calendar?: Calendar;
  /** Worker threads (default: one per core; 0 scans in this thread). */
  workers?: number;
  /** Chunk size in bytes (default 8 MiB). */
  chunkBytes?: number;
  /** The discretion standard for fine-outside-range (default: the rule pack's, see DEFAULT_DISCRETION). */
  discretion?: DiscretionEntry[];
  /** The duty lists for outside-duty-list (none: that rule finds nothing). */
  duties?: DutyEntry[];
}

export interface ScanResult {
  acts: number;
  findings: Finding[];
  workers: number;
  chunks: number;
  ms: number;
}

const DEFAULT_CHUNK = 8 * 1024 * 1024;

function envInt(name: string): number | undefined {
  const v = process.env[name];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

function fileSize(file: string): number {
  try {
    const st = statSync(file);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return st.size;
  } catch (e) {
    throw new ValidationError(`无法读取输入文件：${file}`, [
      { path: 'input', message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
}

/** Line number (1-based) of the line starting at a byte offset. */
function lineAt(file: string, offset: number): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.allocUnsafe(1 << 20);
  let line = 1;
  try {
    for (let pos = 0; pos < offset; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, offset - pos), pos);
      if (n === 0) break;
      for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) line++;
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
  return line;
}

/**
 * A scan worker: the compiled `scan-worker.js` beside this module, or — when running from the `.ts`
 * sources (tests, development) — `scan-worker.ts` loaded through tsx's loader, registered inside the
 * worker (on Node 20 a worker does not inherit the loader, nor honour `--import` in `execArgv`).
 */
function startWorker(input: WorkerInput): Worker {
  const here = import.meta.url;
  const workerData = { wenzeScan: input };
  if (!here.endsWith('.ts')) return new Worker(new URL('./scan-worker.js', here), { workerData });
  let api: string;
  try {
    api = import.meta.resolve('tsx/esm/api');
  } catch {
    api = pathToFileURL(createRequire(here).resolve('tsx/esm/api')).href;
  }
  const worker = new URL('./scan-worker.ts', here).href;
  const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(code, { eval: true, workerData });
}

/**
 * Run the workers: merge their chunk results as they come; when every worker has sent the hashes
 * of its fine keys, tell them which are shared; merge the shared index entries into `fines` and
 * add the duplicate-fine findings each worker settled alone.
 */
function runWorkers(
  input: WorkerInput,
  count: number,
  merge: (r: ChunkResult) => void,
  fines: FineIndex,
  findings: Finding[],
  series: FineSeries,
): Promise<void> {
  const hashes: Float64Array[] = [];
  const started = Array.from({ length: count }, () => startWorker(input));
  return new Promise<void>((resolve, reject0) => {
    const reject = (e: unknown) => {
      for (const x of started) void x.terminate();
      reject0(e);
    };
    let finished = 0;
    for (const w of started) {
      let done = false;
      w.on('message', (m: WorkerMessage) => {
        if (m.type === 'chunk') merge(m.result);
        else if (m.type === 'hashes') {
          hashes.push(m.hashes);
          if (hashes.length === count) {
            const shared = sharedHashes(hashes);
            for (const x of started) x.postMessage(shared);
          }
        } else {
          done = true;
          fines.merge(m.shared);
          series.merge(m.series);
          for (const f of m.findings) findings.push(f);
          if (++finished === count) resolve();
        }
      });
      w.on('error', reject);
      w.on('exit', (code) => {
        if (!done) reject(new Error(`扫描线程异常退出（${code}）`));
      });
    }
  });
}

/** Scan an acts file: findings by act id then rule name. Throws ActLineError on a bad line. */
export async function scanFile(file: string, opts: ScanFileOptions): Promise<ScanResult> {
  const t0 = performance.now();
  if (!isDateString(opts.asOf)) {
    throw new ValidationError('基准日期无效', [{ path: 'as-of', message: '须为 YYYY-MM-DD 格式的有效日期' }]);
  }
  const size = fileSize(file);
  const chunkBytes = Math.max(1024, opts.chunkBytes ?? envInt('WENZE_SCAN_CHUNK_BYTES') ?? DEFAULT_CHUNK);
  const chunks = Math.ceil(size / chunkBytes);
  const wanted = opts.workers ?? envInt('WENZE_SCAN_WORKERS') ?? availableParallelism();
  const workers = chunks > 1 ? Math.min(wanted, chunks) : 0;
  const input: WorkerInput = {
    file,
    size,
    chunkBytes,
    asOf: opts.asOf,
    calendar: opts.calendar ?? defaultCalendar(),
    discretion: opts.discretion ?? [...DEFAULT_DISCRETION],
    duties: opts.duties,
    counter: new SharedArrayBuffer(8),
  };

  let acts = 0;
  const findings: Finding[] = [];
  const fines = new FineIndex();
  const series = new FineSeries();
  const errors: NonNullable<ChunkResult['error']>[] = [];
  const merge = (r: ChunkResult): void => {
    acts += r.acts;
    for (const f of r.findings) findings.push(f);
    if (r.error) errors.push(r.error);
  };

  if (workers <= 1) {
    const table = new FineTable();
    runChunks(input, table, series, merge);
    for (const f of table.findings(fromBytes)) findings.push(f);
  } else await runWorkers(input, workers, merge, fines, findings, series);

  if (errors.length > 0) {
    const first = errors.reduce((a, b) => (b.offset < a.offset ? b : a));
    const line = lineAt(file, first.offset);
    let value: unknown;
    try {
      value = JSON.parse(first.text);
    } catch (e) {
      throw new ActLineError(line, '(root)', `JSON 格式错误：${(e as Error).message}`);
    }
    throw actError(value, line);
  }
  const all = findings.concat(fines.findings(fromBytes), series.findings(fromBytes)).sort(compareFindings);
  return { acts, findings: all, workers, chunks, ms: performance.now() - t0 };
}

// --- output ----------------------------------------------------------------------------------

/** Display width: CJK and full-width characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

function countByRule(findings: Finding[]): Map<string, { count: number; fault: string | null }> {
  const m = new Map<string, { count: number; fault: string | null }>();
  for (const r of RULE_NAMES) m.set(r, { count: 0, fault: null });
  for (const f of findings) {
    const e = m.get(f.rule) as { count: number; fault: string | null };
    e.count++;
    e.fault ??= f.fault;
  }
  return m;
}

let stdoutClosed: boolean | undefined;

function write(lines: string[]): void {
  if (stdoutClosed === undefined) {
    // The reader went away (`| head`): stop writing, no stack trace.
    stdoutClosed = false;
    process.stdout.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      stdoutClosed = true;
    });
  }
  for (let i = 0; i < lines.length && !stdoutClosed; i += 10_000) {
    process.stdout.write(`${lines.slice(i, i + 10_000).join('\n')}\n`);
  }
}

function printJsonLines(findings: Finding[]): void {
  write(findings.map((f) => JSON.stringify(f)));
}

function printTable(findings: Finding[], acts: number): void {
  const head = ['行为编号', '规则', '过错', '依据', '说明'];
  const rows = findings.map((f) => [f.act, f.rule, f.fault ?? '（机关责任）', f.basis, f.detail]);
  const widths = head
    .slice(0, 4)
    .map((h, i) => Math.max(width(h), ...rows.slice(0, 5000).map((r) => width(r[i]))));
  const line = (r: string[]) => r.map((c, i) => (i < 4 ? pad(c, widths[i]) : c)).join('  ');
  const out = rows.length > 0 ? [line(head), ...rows.map(line), ''] : [];
  out.push(`共扫描 ${acts} 件执法行为，发现 ${findings.length} 条问题线索：`);
  for (const [rule, { count }] of countByRule(findings))
    out.push(`  ${pad(rule, 24)}${String(count).padStart(8)}`);
  write(out);
}

function summary(r: ScanResult, asOf: string): string {
  const parts = [...countByRule(r.findings)]
    .filter(([, v]) => v.count > 0)
    .map(([k, v]) => `${k} ${v.count}`);
  const threads = r.workers > 0 ? `${r.workers} 个工作线程` : '单线程';
  return (
    `扫描 ${r.acts} 件执法行为，发现 ${r.findings.length} 条问题线索（基准日 ${asOf}，${threads}，` +
    `用时 ${(r.ms / 1000).toFixed(2)} 秒）${parts.length > 0 ? `：${parts.join('，')}` : ''}\n`
  );
}

/** The discretion standard of a CSV file (`violation,min,max,basis`). */
export function readDiscretionFile(file: string): DiscretionEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ValidationError(`无法读取裁量基准文件：${file}`, [
      { path: 'discretion', message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
  return parseDiscretionCsv(text);
}

/**
 * The items of a duty list file (.csv/.xlsx, as `wenze duties check` reads it) for outside-duty-list.
 * Items whose 实施主体 is a name rather than a code cannot be matched to the acts' agency codes
 * without the register: they are counted apart (the caller says so).
 */
export async function readDutiesForScan(file: string): Promise<{ entries: DutyEntry[]; byName: number }> {
  const items = await readDutyFile(file);
  const byCode = items.filter((i) => i.region !== null);
  return { entries: byCode.map(dutyEntry), byName: items.length - byCode.length };
}

const FIELDS_HELP = `
Optional fields the rules read besides CONTRACTS.md §3 (all may be left out):
  decision            licensing: granted | refused | not_accepted
  reason              licensing: the reason given for a refusal or non-acceptance
  receiptIssued       licensing: written receipt of the application issued (true/false; absent = unknown)
  measure             coercion: seal | seize | other
  dates.seized        coercion: day of sealing or seizing
  dates.released      coercion: day it was lifted (absent while it lasts)
  extension           coercion: { "approved": true|false, "on": "YYYY-MM-DD" }
  payment.collectedOn fine collected on site (payment.method "onsite") on this day
  payment.remittedOn  day it was handed in
  hearing.noticedOn   day the hearing was noticed
  hearing.heldOn      day it was held
Discretion standard (--discretion): CSV with the header violation,min,max,basis; both ends allowed.
Without it the rule pack's standard applies (the demo city's, 40 violation codes).
Duty lists (--duties): a 权责清单 file (.csv/.xlsx, the columns of \`wenze duties --help\`) turns on
outside-duty-list: an act whose matter (the item's 职权编码 or 职权名称) is not on its agency's list in
force on the act's date, or is held there only as 协办. Agencies without a list are not checked;
items naming their agency by name rather than code are not used.`;

export function register(program: Command): void {
  program
    .command('scan')
    .description('对执法行为文件（JSON Lines）运行过错检测规则 (run the detection rules over an acts file)')
    .requiredOption('--input <file>', '执法行为文件，每行一件 (acts, JSON Lines)')
    .option('--as-of <date>', '基准日期，默认今天 (date the time-based rules measure against)')
    .option('--discretion <file>', '行政处罚裁量基准 CSV：violation,min,max,basis (discretion standard)')
    .option('--duties <file>', '权责清单（.csv/.xlsx），启用 outside-duty-list 规则 (duty lists)')
    .option('--json', '每行输出一条 JSON 线索 (one finding per line as JSON)')
    .addHelpText('after', FIELDS_HELP)
    .action(
      action(
        async (opts: {
          input: string;
          asOf?: string;
          json?: boolean;
          discretion?: string;
          duties?: string;
        }) => {
          const asOf = opts.asOf ?? todayInChina();
          const discretion = opts.discretion ? readDiscretionFile(opts.discretion) : undefined;
          const duties = opts.duties ? await readDutiesForScan(opts.duties) : undefined;
          if (duties && duties.byName > 0) {
            process.stderr.write(
              `权责清单中有 ${duties.byName} 项的实施主体为机关名称而非机构编码，无法与执法行为对应，未用于检测\n`,
            );
          }
          const result = await scanFile(opts.input, { asOf, discretion, duties: duties?.entries });
          if (opts.json) printJsonLines(result.findings);
          else printTable(result.findings, result.acts);
          process.stderr.write(summary(result, asOf));
        },
      ),
    );
}
