// The work of `wenze scan` on one chunk of an acts file, run in worker threads (and inline for
// small files). A chunk is a byte range; it holds the lines that start inside it.
//
// Each line first goes through the screen (core/detect/screen.ts), which proves most acts valid
// and clean on their bytes; a clean fine decision goes into the worker's FineTable. The rest —
// acts with findings, and lines the screen leaves alone — are read the full way: JSON.parse over
// the line decoded as latin1 (one char per byte, much cheaper than UTF-8 with Chinese in it), then
// `readAct`. Strings of such an act hold UTF-8 bytes as chars ("byte strings"): equal strings stay
// equal, which is all the rules and the duplicate-fine keys compare, and findings are decoded to
// real text before they leave. Lines with \u escapes take the exact path (UTF-8 decode, then
// re-encoded as byte strings); a line that fails is reported by its offset and text, and the main
// thread names the error.
import { closeSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { readAct } from '../../core/acts/read.js';
import type { Act } from '../../core/acts/schema.js';
import { toDayNumber } from '../../core/calendar/day-number.js';
import type { Calendar } from '../../core/calendar/lookup.js';
import { type DiscretionEntry, discretionStandard } from '../../core/detect/discretion.js';
import type { FineIndexData } from '../../core/detect/duplicate-fine.js';
import { type DutyEntry, dutyLookup } from '../../core/detect/duty-list.js';
import { FineSeries, type FineSeriesData } from '../../core/detect/fine-outlier.js';
import { FineTable } from '../../core/detect/fine-table.js';
import type { Finding, RuleContext } from '../../core/detect/rule.js';
import { checkAct } from '../../core/detect/rules.js';
import { CLEAN, screenAct, screenOut } from '../../core/detect/screen.js';

export interface ChunkResult {
  index: number;
  /** Acts read. */
  acts: number;
  findings: Finding[];
  /** The first bad line of the chunk: its byte offset in the file and its text (the caller names the error). */
  error: { offset: number; text: string } | null;
}

export interface WorkerInput {
  file: string;
  size: number;
  chunkBytes: number;
  asOf: string;
  calendar: Calendar;
  /** The discretion standard for fine-outside-range (real text; made byte strings here). */
  discretion?: DiscretionEntry[];
  /** The duty lists for outside-duty-list (real text; made byte strings here). */
  duties?: DutyEntry[];
  /** [next chunk to claim, stop flag]. */
  counter: SharedArrayBuffer;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** The text of a byte string (UTF-8 bytes as latin1 chars). */
export function fromBytes(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}

function toBytes(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}

const BYTES = /[\u0080-\u00ff]+/g;
const NON_ASCII_BYTES = /[\u0080-\u00ff]/;

/**
 * A finding made from a byte-string act, in real text. Its detail is a Chinese template (chars
 * above U+00FF) with values of the act in it, whose non-ASCII bytes are the only chars in
 * U+0080–U+00FF: each run of those is UTF-8 to decode.
 */
function decodeFinding(f: Finding): Finding {
  if (!NON_ASCII_BYTES.test(f.act) && !NON_ASCII_BYTES.test(f.detail)) return f;
  return {
    act: fromBytes(f.act),
    rule: f.rule,
    fault: f.fault,
    basis: f.basis,
    detail: f.detail.replace(BYTES, (run) => Buffer.from(run, 'latin1').toString('utf8')),
  };
}

/** Every string of a normalised act mapped through fn. */
function mapStrings<T>(v: T, fn: (s: string) => string): T {
  if (typeof v === 'string') return fn(v) as T;
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, fn)) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = mapStrings(x, fn);
    return out as T;
  }
  return v;
}

/** One read buffer per thread, reused for every chunk (a chunk's bytes are done with before the next). */
let readBuffer = Buffer.alloc(0);

/** Offset of the first line starting at or after `pos` (the file size when there is none). */
function lineStart(fd: number, size: number, pos: number): number {
  if (pos === 0) return 0;
  const probe = Buffer.allocUnsafe(64 * 1024);
  for (let at = pos - 1; at < size; ) {
    const n = readSync(fd, probe, 0, probe.length, at);
    if (n === 0) break;
    const nl = probe.subarray(0, n).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    at += n;
  }
  return size;
}

/** The bytes of the lines that start in [start, end) of the file, and their file offset. */
function readLines(fd: number, size: number, start: number, end: number): { buf: Buffer; offset: number } {
  const from = lineStart(fd, size, start);
  if (from >= end) return { buf: Buffer.alloc(0), offset: from };
  if (readBuffer.length < end - from + 64 * 1024) readBuffer = Buffer.allocUnsafe(end - from + 64 * 1024);
  let buf = readBuffer;
  let len = 0;
  for (;;) {
    if (len === buf.length) {
      const bigger = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(bigger, 0, 0, len);
      buf = bigger;
      readBuffer = bigger;
    }
    const n = readSync(fd, buf, len, Math.min(buf.length - len, size - from - len), from + len);
    len += n;
    // The last line of the chunk is the one that starts before `end`: it ends at the first
    // newline at or after end - 1.
    const nl = buf.subarray(0, len).indexOf(10, Math.max(0, end - 1 - from));
    if (nl >= 0) return { buf: buf.subarray(0, nl + 1), offset: from };
    if (n === 0 || from + len >= size) return { buf: buf.subarray(0, len), offset: from };
  }
}

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

/** The exact path for one line: UTF-8 decode, JSON.parse, the check; a byte-string act, or null. */
function exactLine(text: string): Act | null {
  try {
    const act = readAct(JSON.parse(text));
    return act && mapStrings(act, toBytes);
  } catch {
    return null;
  }
}

/** The month index (year × 12 + month − 1) of the date 'YYYY-MM-DD' at byte d. */
function monthAt(b: Uint8Array, d: number): number {
  const y = (b[d] - 48) * 1000 + (b[d + 1] - 48) * 100 + (b[d + 2] - 48) * 10 + (b[d + 3] - 48);
  return y * 12 + (b[d + 5] - 48) * 10 + (b[d + 6] - 48) - 1;
}

/** Scan one chunk of the file. */
export function scanChunk(
  fd: number,
  input: WorkerInput,
  ctx: RuleContext,
  fines: FineTable,
  index: number,
  series: FineSeries,
): ChunkResult {
  const start = index * input.chunkBytes;
  const end = Math.min(input.size, start + input.chunkBytes);
  const { buf, offset } = readLines(fd, input.size, start, end);
  const result: ChunkResult = {
    index,
    acts: 0,
    findings: [],
    error: null,
  };
  const screen = screenOut();
  const n = buf.length;
  let a = offset === 0 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0; // BOM
  while (a < n) {
    let b = buf.indexOf(10, a);
    if (b < 0) b = n;
    // The fast lane: most lines are proven clean on their bytes, without JSON.parse.
    if (screenAct(buf, a, b, ctx, screen) === CLEAN) {
      result.acts++;
      if (screen.fine) {
        fines.addBytes(
          buf,
          screen.partyStart,
          screen.partyEnd,
          screen.violationStart,
          screen.violationEnd,
          screen.incidentStart,
          screen.idStart,
          screen.idEnd,
          screen.decidedDay,
        );
      }
      if (screen.series) {
        series.addFine(
          `${buf.toString('latin1', screen.agencyStart, screen.agencyEnd)}\u0000${buf.toString('latin1', screen.violationStart, screen.violationEnd)}`,
          monthAt(buf, screen.decidedStart),
          screen.amount,
          buf.toString('latin1', screen.idStart, screen.idEnd),
        );
      }
      a = b + 1;
      continue;
    }
    // A line with findings, or one the screen leaves to JSON.parse and the schema check.
    const bytes = buf.toString('latin1', a, b);
    let act: Act | null = null;
    if (!bytes.includes('\\u')) {
      try {
        act = readAct(JSON.parse(bytes));
      } catch {
        act = null;
      }
    }
    if (act === null) {
      if (isBlank(bytes)) {
        a = b + 1;
        continue;
      }
      let line = buf.toString('utf8', a, b);
      if (offset + a === 0 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      act = exactLine(line);
      if (act === null) {
        result.error = { offset: offset + a, text: line };
        return result;
      }
    }
    result.acts++;
    const before = result.findings.length;
    if (checkAct(act, ctx, result.findings) > 0) {
      for (let i = before; i < result.findings.length; i++)
        result.findings[i] = decodeFinding(result.findings[i]);
    }
    fines.add(act);
    series.add(act);
    a = b + 1;
  }
  return result;
}

/**
 * Claim chunks until none is left (or a bad line was found), posting each result; the fine
 * decisions of all chunks go into `fines`.
 */
export function runChunks(
  input: WorkerInput,
  fines: FineTable,
  series: FineSeries,
  post: (r: ChunkResult) => void,
): void {
  const counter = new Int32Array(input.counter);
  const chunks = Math.ceil(input.size / input.chunkBytes);
  const ctx: RuleContext = {
    asOf: input.asOf,
    asOfDay: toDayNumber(input.asOf),
    calendar: input.calendar,
    // Keys as the acts' strings are here: byte strings.
    discretion: input.discretion
      ? discretionStandard(input.discretion.map((e) => ({ ...e, violation: toBytes(e.violation) })))
      : undefined,
    duties: input.duties ? dutyLookup(input.duties, toBytes) : undefined,
  };
  const fd = openSync(input.file, 'r');
  try {
    for (;;) {
      if (Atomics.load(counter, 1) !== 0) break;
      const i = Atomics.add(counter, 0, 1);
      if (i >= chunks) break;
      const r = scanChunk(fd, input, ctx, fines, i, series);
      if (r.error) Atomics.store(counter, 1, 1);
      post(r);
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * What a worker says: each chunk's result; then the hashes of its fine keys; then, told which
 * hashes other workers share, the index entries of those keys and the duplicate-fine findings of
 * all others (see FineIndex.split).
 */
export type WorkerMessage =
  | { type: 'chunk'; result: ChunkResult }
  | { type: 'hashes'; hashes: Float64Array }
  | { type: 'fines'; shared: FineIndexData; findings: Finding[]; series: FineSeriesData };

if (!isMainThread && parentPort && (workerData as { wenzeScan?: WorkerInput })?.wenzeScan) {
  const port = parentPort;
  const post = (m: WorkerMessage, transfer?: ArrayBuffer[]) => port.postMessage(m, transfer);
  const fines = new FineTable();
  const series = new FineSeries();
  runChunks((workerData as { wenzeScan: WorkerInput }).wenzeScan, fines, series, (result) =>
    post({ type: 'chunk', result }),
  );
  const hashes = fines.hashes();
  post({ type: 'hashes', hashes }, [hashes.buffer as ArrayBuffer]);
  port.once('message', (shared: Float64Array) => {
    const split = fines.split(shared, fromBytes);
    const { names, groups, months, fines: amounts, ids } = series;
    post({
      type: 'fines',
      shared: split.shared,
      findings: split.findings,
      series: { names, groups, months, fines: amounts, ids },
    });
    port.close();
  });
}
