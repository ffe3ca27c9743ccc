// Reading acts from files and request bodies, as batches of records for importActs:
//   .jsonl  — the exchange format (CONTRACTS.md §3), one act per line;
//   .csv / .xlsx — one act per row, flat columns named by the field path (`ACT_COLUMNS`, documented
//                  in `wenze import acts --help`); the first row holds the column names.
// Line numbers: the JSON Lines line; the CSV line a record starts on (the header is line 1); the
// spreadsheet row. Unknown columns are kept as fields of the act (a dotted name nests).
// Enumerated and yes/no columns take the code or its Chinese label (src/core/acts/columns.ts); a
// value they do not take is a problem of its record, naming the column and the allowed values.

import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { BOOLEAN_COLUMNS, columnValue } from '../core/acts/columns.js';
import { type FieldError, ValidationError } from '../core/validation.js';
import type { ActInput, ActRecord, LineChunk } from './acts-import.js';

const BATCH = 1000;

export { ACT_COLUMNS } from '../core/acts/columns.js';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

type Cell = string | number | boolean | Date | null | undefined;

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function asText(v: Cell): string | undefined {
  if (v == null) return undefined;
  if (v instanceof Date) return iso(v);
  const s = String(v).trim();
  return s === '' ? undefined : s;
}

function officersOf(s: string): unknown[] {
  return s
    .split(/[;；]/)
    .map((e) => e.trim())
    .filter((e) => e !== '')
    .map((e) => {
      const [id, certificate, ...rest] = e.split(':').map((p) => p.trim());
      const validUntil = rest.join(':');
      return { id, certificate: certificate || null, validUntil: validUntil || null };
    });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let o = target;
  for (let i = 0; i < keys.length - 1; i++) {
    const k = keys[i];
    const next = o[k];
    if (next === null || typeof next !== 'object' || Array.isArray(next)) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[keys[keys.length - 1]] = value;
}

/**
 * The act a row of named cells describes. Empty cells are absent fields. Enumerated and yes/no
 * columns take the code or the Chinese label (core/acts/columns.ts); a value they do not take is
 * kept as it is (the exchange-format check refuses it too) and its problem, naming the column and
 * the allowed values, goes to `problems`.
 */
export function actFromColumns(
  headers: readonly string[],
  cells: readonly Cell[],
  problems?: FieldError[],
): Record<string, unknown> {
  const act: Record<string, unknown> = { officers: [], dates: {} };
  for (let i = 0; i < headers.length; i++) {
    const name = headers[i];
    if (!name) continue;
    const raw = cells[i];
    if (typeof raw === 'boolean' && BOOLEAN_COLUMNS.has(name)) {
      setPath(act, name, raw);
      continue;
    }
    if (typeof raw === 'number' && name === 'fine') {
      act.fine = raw;
      continue;
    }
    const s = asText(raw);
    if (s === undefined) continue;
    let value: unknown = s;
    if (name === 'officers') value = officersOf(s);
    else if (name === 'fine') value = NUMBER.test(s) ? Number(s) : s;
    else {
      const v = columnValue(name, s);
      if (v !== undefined) {
        if ('error' in v) problems?.push({ path: name, message: v.error });
        else value = v.value;
      }
    }
    setPath(act, name, value);
  }
  return act;
}

/** A row as a record to import, with the problems of its enumerated columns. */
function columnRecord(line: number, headers: readonly string[], cells: readonly Cell[]): ActRecord {
  const problems: FieldError[] = [];
  const value = actFromColumns(headers, cells, problems);
  return problems.length > 0 ? { line, value, problems } : { line, value };
}

function checkHeaders(headers: string[], where: string): void {
  const seen = new Set<string>();
  for (const h of headers) {
    if (h && seen.has(h)) {
      throw new ValidationError(`${where}：列名重复`, [{ path: `line 1: ${h}`, message: '列名重复' }]);
    }
    seen.add(h);
  }
  for (const required of ['id', 'agency', 'kind']) {
    if (!seen.has(required)) {
      throw new ValidationError(`${where}：缺少必需的列 ${required}`, [
        { path: `line 1: ${required}`, message: '缺少必需的列' },
      ]);
    }
  }
}

async function fileSize(path: string): Promise<number> {
  try {
    const st = await stat(path);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    return st.size;
  } catch (e) {
    throw new ValidationError(`无法读取输入文件：${path}`, [
      { path: 'file', message: (e as NodeJS.ErrnoException).code ?? String(e) },
    ]);
  }
}

export interface FileSource extends ActInput {
  /** Size in bytes (for a progress bar). */
  size: number;
  /** Bytes read so far. */
  bytesRead(): number;
}

/** Text chunks of a file (UTF-8, a BOM dropped) and the bytes read. */
async function* textChunks(path: string, counter: { bytes: number }): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let first = true;
  for await (const buf of createReadStream(path, { highWaterMark: 1 << 20 })) {
    counter.bytes += (buf as Buffer).length;
    let s = decoder.write(buf as Buffer);
    if (first && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    first = false;
    yield s;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

/** Bytes read per chunk of a JSON Lines file. */
const LINE_CHUNK = 4 << 20;

/**
 * A file as chunks of whole lines (raw bytes, a leading BOM dropped), each checked as UTF-8 once;
 * a line longer than a chunk makes its chunk longer.
 */
export async function* lineChunks(
  path: string,
  counter: { bytes: number },
  chunkBytes = LINE_CHUNK,
): AsyncGenerator<LineChunk> {
  const fh = await open(path, 'r');
  try {
    let carry: Buffer = Buffer.alloc(0);
    let first = true;
    for (;;) {
      const buf = Buffer.allocUnsafe(carry.length + chunkBytes);
      carry.copy(buf, 0);
      const { bytesRead } = await fh.read(buf, carry.length, chunkBytes, null);
      counter.bytes += bytesRead;
      const len = carry.length + bytesRead;
      let start = 0;
      if (first) {
        if (len < 3 && bytesRead > 0) {
          carry = buf.subarray(0, len);
          continue;
        }
        first = false;
        if (len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) start = 3;
      }
      if (bytesRead === 0) {
        if (len > start) {
          const rest = buf.subarray(start, len);
          yield { buf: rest, valid: isUtf8(rest) };
        }
        return;
      }
      const nl = buf.lastIndexOf(10, len - 1);
      if (nl < start) {
        carry = buf.subarray(start, len);
        continue;
      }
      const chunk = buf.subarray(start, nl + 1);
      carry = Buffer.from(buf.subarray(nl + 1, len));
      yield { buf: chunk, valid: isUtf8(chunk) };
    }
  } finally {
    await fh.close();
  }
}

/** A JSON Lines file, read as raw bytes a chunk of lines at a time (the import checks UTF-8). */
export async function jsonlFile(path: string): Promise<FileSource> {
  const size = await fileSize(path);
  const counter = { bytes: 0 };
  return {
    size,
    bytesRead: () => counter.bytes,
    lines: lineChunks(path, counter),
    bytes: true,
  };
}

/**
 * CSV (RFC 4180: comma-separated, fields quoted with "…" and "" inside, CRLF, LF or CR line ends)
 * from text chunks, as records with the line each starts on.
 */
export async function* csvRows(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<{ line: number; fields: string[] }> {
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  /** A quote seen inside a quoted field: either its end or the first of "". */
  let quote = false;
  let line = 1;
  let start = 1;
  let started = false;
  let prevCR = false;
  const rows: { line: number; fields: string[] }[] = [];
  const endRow = () => {
    fields.push(field);
    if (started) rows.push({ line: start, fields });
    fields = [];
    field = '';
    started = false;
  };
  for await (const chunk of chunks) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i];
      if (quote) {
        quote = false;
        if (c === '"') {
          field += '"';
          continue;
        }
        quoted = false;
      }
      if (quoted) {
        if (c === '"') quote = true;
        else {
          if (c === '\n' || (c === '\r' && chunk[i + 1] !== '\n')) line++;
          field += c;
        }
        continue;
      }
      if (c === '\n' && prevCR) {
        prevCR = false;
        continue;
      }
      prevCR = c === '\r';
      if (c === ',') {
        fields.push(field);
        field = '';
        started = true;
      } else if (c === '\n' || c === '\r') {
        endRow();
        line++;
        start = line;
      } else if (c === '"' && field === '') {
        quoted = true;
        started = true;
      } else {
        field += c;
        started = true;
      }
    }
    if (rows.length > 0) yield* rows.splice(0);
  }
  if (started || field !== '') endRow();
  yield* rows.splice(0);
}

/** Records of a CSV text (header row first). */
export async function* csvBatches(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<ActRecord[]> {
  let headers: string[] | null = null;
  let batch: ActRecord[] = [];
  for await (const row of csvRows(chunks)) {
    if (headers === null) {
      headers = row.fields.map((h) => h.trim());
      checkHeaders(headers, 'CSV 文件');
      continue;
    }
    if (row.fields.every((f) => f.trim() === '')) continue;
    batch.push(columnRecord(row.line, headers, row.fields));
    if (batch.length >= BATCH) {
      yield batch;
      batch = [];
    }
  }
  if (headers === null)
    throw new ValidationError('CSV 文件为空', [{ path: 'line 1', message: '缺少表头行' }]);
  if (batch.length > 0) yield batch;
}

export async function csvFile(path: string): Promise<FileSource> {
  const size = await fileSize(path);
  const counter = { bytes: 0 };
  return { size, bytesRead: () => counter.bytes, batches: csvBatches(textChunks(path, counter)) };
}

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v == null) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(v);
}

/** Limits of a spreadsheet of acts: Excel's own row count, and cells in a row (a row is one act). */
export const XLSX_LIMITS = { rows: 1_048_576, columns: 256 };

/** Records of the first worksheet of an .xlsx file (header row first), streamed, within XLSX_LIMITS. */
async function* xlsxBatches(input: string | NodeJS.ReadableStream): AsyncGenerator<ActRecord[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as string, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  let headers: string[] | null = null;
  let batch: ActRecord[] = [];
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const width = (row.values as ExcelJS.CellValue[]).length - 1;
        if (width > XLSX_LIMITS.columns || row.number > XLSX_LIMITS.rows) {
          const [what, limit] =
            width > XLSX_LIMITS.columns ? ['列', XLSX_LIMITS.columns] : ['行', XLSX_LIMITS.rows];
          throw new ValidationError(`Excel 文件超过 ${limit} ${what}`, [
            { path: `line ${row.number}`, message: `超过 ${limit} ${what}` },
          ]);
        }
        const values = (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue);
        if (headers === null) {
          headers = values.map((v) => asText(v) ?? '');
          checkHeaders(headers, 'Excel 文件');
          continue;
        }
        if (values.every((v) => asText(v) === undefined)) continue;
        batch.push(columnRecord(row.number, headers, values));
        if (batch.length >= BATCH) {
          yield batch;
          batch = [];
        }
      }
      break; // the first worksheet only
    }
  } catch (e) {
    if (e instanceof ValidationError) throw e;
    throw new ValidationError('无法读取 Excel 文件', [{ path: 'file', message: (e as Error).message }]);
  }
  if (headers === null)
    throw new ValidationError('Excel 文件为空', [{ path: 'line 1', message: '缺少表头行' }]);
  if (batch.length > 0) yield batch;
}

export async function xlsxFile(path: string): Promise<FileSource> {
  const size = await fileSize(path);
  let stream: ReturnType<typeof createReadStream> | null = null;
  async function* batches() {
    // Opened when reading starts, so that no byte flows before the workbook reader listens.
    stream = createReadStream(path, { highWaterMark: 1 << 20 });
    yield* xlsxBatches(stream);
  }
  return { size, bytesRead: () => stream?.bytesRead ?? 0, batches: batches() };
}

/** The reader for a file, by its extension. */
export async function actsFile(path: string): Promise<FileSource> {
  const ext = path.toLowerCase().match(/\.(jsonl|ndjson|csv|xlsx)$/)?.[1];
  if (ext === 'jsonl' || ext === 'ndjson') return jsonlFile(path);
  if (ext === 'csv') return csvFile(path);
  if (ext === 'xlsx') return xlsxFile(path);
  throw new ValidationError(`不支持的文件类型：${path}`, [
    { path: 'file', message: '须为 .jsonl、.csv 或 .xlsx 文件' },
  ]);
}
