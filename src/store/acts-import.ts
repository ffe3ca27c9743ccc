// Importing enforcement acts (CONTRACTS.md §3). Each record is checked (the exchange-format check of
// src/core/acts, plus what the database needs: a known region for the agency, one record per id,
// valid UTF-8, no NUL characters, years from 0001) and routed by what the table holds already:
//   new id               → COPY straight into `acts`;
//   known id, same hash  → nothing (re-importing the same data changes nothing);
//   known id, new hash   → COPY into a temp staging table, then one UPDATE … FROM staging that
//                          writes only acts whose jsonb body really differs.
// All in one transaction, with `acts` locked against other writers (SHARE ROW EXCLUSIVE; readers
// go on): one bad record and nothing is written; the errors name the line and the field
// (`line 17: dates.decided: …`). The detection rules then run set-based over the inserted and
// updated acts (detect-sql.ts) in the same transaction.
//
// Speed (a million acts): JSON Lines files are read as latin1 "byte strings" — one char per byte,
// much cheaper to decode and parse than UTF-8 — and written to COPY as the same bytes; the raw line
// is the body. Known ids are looked up a batch at a time on a second connection while COPY runs.
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { actError } from '../core/acts/parse.js';
import { readAct } from '../core/acts/read.js';
import type { Act } from '../core/acts/schema.js';
import { todayInChina } from '../core/dates.js';
import { type FieldError, ValidationError } from '../core/validation.js';
import type { Database } from './db.js';
import { checkAsOf, createScanIds, type DetectionResult, detectInTx } from './detect-sql.js';
import { type CopyWriter, type SqlTx, withTransaction } from './driver.js';

/** One record to import: a parsed value, where it came from, and its JSON text when it has one. */
export interface ActRecord {
  /** Line (JSON Lines, NDJSON), record start line (CSV) or row (XLSX); the index for a JSON array. */
  line: number;
  /** The parsed value; parsed from `text` when absent. */
  value?: unknown;
  /** The JSON text of the record; JSON.stringify(value) when absent. */
  text?: string;
  /** In bytes mode: the line's UTF-8 is not known to be valid (its file chunk was not). */
  unchecked?: boolean;
}

export interface ActInput {
  /** Records in batches (fewer await turns per act). */
  batches: AsyncIterable<ActRecord[]> | Iterable<ActRecord[]>;
  /**
   * `text` holds UTF-8 bytes as latin1 chars (see acts-formats.ts); values are parsed from it.
   * Records whose bytes were not checked as UTF-8 say so (`unchecked`).
   */
  bytes?: boolean;
}

export interface ImportOptions {
  /** The as-of date of the import-time detection (default today in China). */
  asOf?: string;
  /** Run the detection rules over the changed acts (default true). */
  detect?: boolean;
  /** Create leads of new findings (default true). */
  leads?: boolean;
  /**
   * Jurisdiction: a message when the actor may not import this act (its agency and the region
   * resolved for it), null when it may.
   */
  authorize?: (act: Act, regionCode: string) => string | null;
  /** How an error names its record: `line 17: dates.decided` (default) or e.g. `acts[16].dates.decided`. */
  label?: (line: number, path: string) => string;
  /** Called after each batch with the records read so far. */
  onProgress?: (records: number) => void;
  /** Stop after this many errors (default 100). */
  maxErrors?: number;
}

export interface ImportResult {
  /** Records read. */
  received: number;
  inserted: number;
  updated: number;
  unchanged: number;
  detection: DetectionResult | null;
  ms: number;
  /** Milliseconds: reading, checking and COPY; the update of changed acts; detection. */
  phases: { copy: number; merge: number; detect: number };
}

/** Bad input: every error names its record and field. Nothing was written. */
export class ActImportError extends ValidationError {
  readonly total: number;
  constructor(fields: FieldError[], total: number, stopped = false) {
    super(
      `导入失败：发现${stopped ? '至少' : ''} ${total} 处错误${
        total > fields.length ? `（列出前 ${fields.length} 处）` : ''
      }，未写入任何数据`,
      fields,
    );
    this.name = 'ActImportError';
    this.total = total;
  }
}

const lineLabel = (line: number, path: string) => `line ${line}: ${path}`;

// --- columns ---------------------------------------------------------------------------------------

const COLUMNS = [
  'id',
  'region_code',
  'agency_id',
  'kind',
  'matter',
  'procedure',
  'party_type',
  'party_id',
  'violation',
  'incident_date',
  'applied',
  'accepted',
  'filed',
  'notified',
  'decided',
  'served',
  'extended',
  'fine',
  'payment_method',
  'payment_receipt',
  'hearing_requested',
  'hearing_held',
  'criminal_suspected',
  'criminal_referred',
  'review',
  'body',
  'body_hash',
] as const;

const TARGET = `(${COLUMNS.join(', ')})`;

const STAGING = `
  create temp table acts_staging (
    id text collate "C", region_code char(6), agency_id text collate "C", kind text, matter text,
    procedure text, party_type text, party_id text collate "C", violation text collate "C",
    incident_date date, applied date, accepted date, filed date, notified date, decided date, served date,
    extended boolean, fine numeric, payment_method text, payment_receipt boolean,
    hearing_requested boolean, hearing_held boolean, criminal_suspected boolean, criminal_referred boolean,
    review text, body jsonb, body_hash text
  ) on commit drop`;

/** Known acts whose body changed: updated from staging, their ids into scan_ids. */
const UPDATE = `
  with u as (
    update acts a set
      ${COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = s.${c}`)
        .join(', ')}, updated_at = now()
    from acts_staging s
    where a.id = s.id and a.body <> s.body
    returning a.id
  ), i as (
    insert into scan_ids (id) select id from u on conflict do nothing returning 1
  )
  select count(*)::integer as n from u`;

// --- one record → one COPY row ---------------------------------------------------------------------

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value in COPY text format. */
function t(v: string | null | undefined): string {
  if (v == null) return '\\N';
  if (v.length > 64) {
    // Long texts (the body): four native scans beat one regular-expression scan.
    if (v.indexOf('\\') < 0 && v.indexOf('\t') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0) return v;
  } else if (!NEEDS_ESCAPE.test(v)) return v;
  return v.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]);
}
function b(v: boolean | null | undefined): string {
  return v == null ? '\\N' : v ? 't' : 'f';
}

function copyRow(a: Act, region: string, body: string, bodyHash: string): string {
  const d = a.dates;
  return `${t(a.id)}\t${region}\t${t(a.agency)}\t${a.kind}\t${t(a.matter)}\t${a.procedure ?? '\\N'}\t${
    a.party ? `${a.party.type}\t${t(a.party.id)}` : '\\N\t\\N'
  }\t${t(a.violation)}\t${a.incidentDate ?? '\\N'}\t${d.applied ?? '\\N'}\t${d.accepted ?? '\\N'}\t${
    d.filed ?? '\\N'
  }\t${d.notified ?? '\\N'}\t${d.decided ?? '\\N'}\t${d.served ?? '\\N'}\t${b(d.extended)}\t${
    a.fine == null ? '\\N' : String(a.fine)
  }\t${a.payment ? `${t(a.payment.method)}\t${b(a.payment.receipt)}` : '\\N\t\\N'}\t${
    a.hearing ? `${b(a.hearing.requested)}\t${b(a.hearing.held)}` : '\\N\t\\N'
  }\t${a.criminal ? `${b(a.criminal.suspected)}\t${b(a.criminal.referred)}` : '\\N\t\\N'}\t${
    a.review ?? '\\N'
  }\t${t(body)}\t${bodyHash}\n`;
}

/** NUL and unpaired surrogates cannot be stored (PostgreSQL text and jsonb refuse them). */
const SUSPECT_ESCAPE = /\\u(0000|d[89a-f])/i;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const NON_ASCII = /[\u0080-\uffff]/;
const badText = (s: string) => s.includes('\0') || LONE_SURROGATE.test(s);

function formatPath(path: (string | number)[]): string {
  let out = '';
  for (const k of path) out += typeof k === 'number' ? `[${k}]` : out === '' ? k : `.${k}`;
  return out === '' ? '(root)' : out;
}

function badStringPath(v: unknown, path: (string | number)[] = []): string | null {
  if (typeof v === 'string') return badText(v) ? formatPath(path) : null;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const p = badStringPath(v[i], [...path, i]);
      if (p) return p;
    }
    return null;
  }
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (badText(k)) return formatPath([...path, k]);
      const p = badStringPath(x, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

/** Dates PostgreSQL cannot hold (year 0000); the exchange format's check lets them through. */
function yearZeroPath(act: Act): string | null {
  const z = (s: string | null | undefined) => s?.startsWith('0000') === true;
  if (z(act.incidentDate)) return 'incidentDate';
  for (const k of ['applied', 'accepted', 'filed', 'notified', 'decided', 'served'] as const) {
    if (z(act.dates[k])) return `dates.${k}`;
  }
  for (let i = 0; i < act.officers.length; i++)
    if (z(act.officers[i].validUntil)) return `officers[${i}].validUntil`;
  return null;
}

interface Problem {
  line: number;
  path: string;
  message: string;
}

interface Built {
  /** The id as the input holds it (a byte string in bytes mode). */
  id: string;
  hash: string;
  row: string;
}

/** Real text of a byte string (UTF-8 bytes as latin1 chars). */
export function fromBytes(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'latin1').toString('utf8') : s;
}
/** The byte string of a text. */
export function toBytes(s: string): string {
  return NON_ASCII.test(s) ? Buffer.from(s, 'utf8').toString('latin1') : s;
}

/** Checks records one at a time: a COPY row, or the problems naming line and field. */
export class ActRowBuilder {
  /** Ids seen in this import, with their line. */
  readonly seen = new Map<string, number>();
  private readonly regions: Map<string, string>;
  private readonly decode: (s: string) => string;

  constructor(
    regions: Map<string, string>,
    private readonly bytes = false,
    private readonly authorize?: ImportOptions['authorize'],
  ) {
    this.regions = bytes ? new Map([...regions].map(([k, v]) => [toBytes(k), v])) : regions;
    this.decode = bytes ? fromBytes : (s) => s;
  }

  /** The region of an agency: its registered region, else the 6-digit code its id starts with. */
  private regionOf(agency: string): string | null {
    return this.regions.get(agency) ?? (/^\d{6}-/.test(agency) ? agency.slice(0, 6) : null);
  }

  /** The problems of a record that failed the fast check, from its real text. */
  private explain(rec: ActRecord, value: unknown): Problem[] {
    let real = value;
    if (this.bytes && rec.text !== undefined) {
      try {
        real = JSON.parse(fromBytes(rec.text));
      } catch (e) {
        return [{ line: rec.line, path: '(root)', message: `JSON 格式错误：${(e as Error).message}` }];
      }
    }
    return actError(real, rec.line).fields.map((f) => ({ line: rec.line, path: f.path, message: f.message }));
  }

  build(rec: ActRecord): Built | Problem[] {
    const line = rec.line;
    let value = rec.value;
    let text = rec.text;
    if (this.bytes && rec.unchecked && text !== undefined && !isUtf8(Buffer.from(text, 'latin1'))) {
      return [{ line, path: '(root)', message: '不是有效的 UTF-8 文本' }];
    }
    if (value === undefined) {
      if (text === undefined) return [{ line, path: '(root)', message: '缺少数据' }];
      try {
        value = JSON.parse(text);
      } catch (e) {
        const message = (e as Error).message;
        return [
          { line, path: '(root)', message: `JSON 格式错误：${this.bytes ? fromBytes(message) : message}` },
        ];
      }
    }
    const act = readAct(value);
    if (act === null) return this.explain(rec, value);
    text ??= JSON.stringify(value);
    if (SUSPECT_ESCAPE.test(text)) {
      const p = badStringPath(this.bytes ? JSON.parse(fromBytes(text)) : value);
      if (p) return [{ line, path: p, message: '不得包含 NUL 字符或不成对的代理字符' }];
    }
    const zero = yearZeroPath(act);
    if (zero) return [{ line, path: zero, message: '年份须在 0001 至 9999 之间' }];
    const region = this.regionOf(act.agency);
    if (region === null) {
      return [
        {
          line,
          path: 'agency',
          message: `执法机关 ${this.decode(act.agency)} 未登记，且编号不以 6 位行政区划代码开头，无法确定所属地区`,
        },
      ];
    }
    if (this.authorize) {
      const denied = this.authorize(this.bytes ? { ...act, agency: fromBytes(act.agency) } : act, region);
      if (denied) return [{ line, path: 'agency', message: denied }];
    }
    const first = this.seen.get(act.id);
    if (first !== undefined) {
      return [{ line, path: 'id', message: `编号 ${this.decode(act.id)} 与第 ${first} 条重复` }];
    }
    this.seen.set(act.id, line);
    const bodyHash = hash('sha1', text, 'base64');
    return { id: act.id, hash: bodyHash, row: copyRow(act, region, text, bodyHash) };
  }
}

// --- the import ------------------------------------------------------------------------------------

/** COPY rows gathered as bytes (written straight into a buffer: no long concatenated strings). */
class RowBuffer {
  private buf: Buffer;
  private pos = 0;
  rows = 0;
  constructor(
    private readonly encoding: 'latin1' | 'utf8',
    private readonly capacity: number,
  ) {
    this.buf = Buffer.allocUnsafe(capacity);
  }
  get size(): number {
    return this.pos;
  }
  add(row: string): void {
    const need = this.encoding === 'latin1' ? row.length : row.length * 3;
    if (this.pos + need > this.buf.length) {
      const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + need));
      this.buf.copy(bigger, 0, 0, this.pos);
      this.buf = bigger;
    }
    this.pos += this.buf.write(row, this.pos, this.encoding);
    this.rows++;
  }
  /** The bytes so far; the buffer starts over. */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.capacity);
    this.pos = 0;
    this.rows = 0;
    return out;
  }
}

/** Registered agencies and their regions. */
export async function agencyRegions(tx: SqlTx): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; region_code: string }>('select id, region_code from agencies');
  return new Map(rows.map((r) => [r.id, r.region_code]));
}

/** Bytes gathered per COPY write; changed rows kept before they go to staging. */
const WRITE_BYTES = 1 << 20;
/** Records per lookup of known ids. */
const LOOKUP_CHUNK = 20_000;
const CHANGED_BYTES = 32 << 20;

/**
 * Import acts in one transaction: all of them, or — when any record is bad — none, with an
 * ActImportError naming each bad record's line and field.
 */
export async function importActs(
  database: Database,
  input: ActInput,
  opts: ImportOptions = {},
): Promise<ImportResult> {
  const t0 = performance.now();
  const label = opts.label ?? lineLabel;
  const maxErrors = opts.maxErrors ?? 100;
  const asOf = opts.asOf ?? todayInChina();
  if (opts.detect !== false) checkAsOf(asOf);
  const encoding = input.bytes ? 'latin1' : 'utf8';
  return withTransaction(database, async (tx) => {
    await tx.query('lock table acts in share row exclusive mode');
    const builder = new ActRowBuilder(await agencyRegions(tx), input.bytes, opts.authorize);
    const [{ empty }] = await tx.query<{ empty: boolean }>('select not exists (select 1 from acts) as empty');
    const problems: Problem[] = [];
    let total = 0;
    let received = 0;
    let unchanged = 0;
    let stopped = false;
    const inserted: string[] = [];
    let changedRows = 0;
    const newRows = new RowBuffer(encoding, WRITE_BYTES + (64 << 10));
    const changed = new RowBuffer(encoding, WRITE_BYTES);
    let copyNew: CopyWriter | null = null;
    let staging = false;

    const writeNew = async (force: boolean) => {
      if (newRows.size === 0 || (!force && newRows.size < WRITE_BYTES)) return;
      copyNew ??= tx.copyIn(`acts ${TARGET}`);
      await copyNew.write(newRows.take());
    };
    const endNew = async () => {
      await writeNew(true);
      if (copyNew) await copyNew.end();
      copyNew = null;
    };
    const flushChanged = async () => {
      if (changed.size === 0) return;
      await endNew();
      if (!staging) {
        await tx.query('drop table if exists acts_staging');
        await tx.query(STAGING);
        staging = true;
      }
      const copy = tx.copyIn(`acts_staging ${TARGET}`);
      await copy.write(changed.take());
      await copy.end();
    };

    // Known ids and their hashes, looked up a chunk at a time on the side connection while the
    // next chunk is read (an empty table has none, and no one else writes to it: it is locked).
    const lookup = async (rows: Built[]): Promise<Map<string, string>> => {
      const known = new Map<string, string>();
      if (empty || rows.length === 0) return known;
      const ids = rows.map((x) => (input.bytes ? fromBytes(x.id) : x.id));
      const found = await tx.sideQuery<{ id: string; body_hash: string }>(
        'select id, body_hash from acts where id = any($1::text[])',
        [ids],
      );
      for (const r of found) known.set(input.bytes ? toBytes(r.id) : r.id, r.body_hash);
      return known;
    };
    const route = async (rows: Built[], known: Map<string, string>) => {
      for (const x of rows) {
        const h = known.get(x.id);
        if (h === undefined) {
          newRows.add(x.row);
          inserted.push(x.id);
          if (newRows.size >= WRITE_BYTES) await writeNew(false);
        } else if (h === x.hash) unchanged++;
        else {
          changed.add(x.row);
          changedRows++;
        }
      }
      if (changed.size >= CHANGED_BYTES) await flushChanged();
    };
    let chunk: Built[] = [];
    let previous: { rows: Built[]; known: Promise<Map<string, string>> } | null = null;
    const next = async (last: boolean) => {
      const current = chunk.length > 0 ? { rows: chunk, known: lookup(chunk) } : null;
      current?.known.catch(() => undefined); // awaited below; not unhandled meanwhile
      chunk = [];
      if (previous) await route(previous.rows, await previous.known);
      previous = current;
      if (last && previous) {
        await route(previous.rows, await previous.known);
        previous = null;
      }
    };
    for await (const batch of input.batches) {
      for (const rec of batch) {
        received++;
        const r = builder.build(rec);
        if (Array.isArray(r)) {
          total += r.length;
          for (const p of r) if (problems.length < maxErrors) problems.push(p);
        } else if (total === 0) chunk.push(r);
      }
      if (total === 0 && chunk.length >= LOOKUP_CHUNK) await next(false);
      opts.onProgress?.(received);
      if (total >= maxErrors) {
        stopped = true;
        break;
      }
    }
    if (total === 0) await next(true);
    if (total > 0) {
      throw new ActImportError(
        problems.map((p) => ({ path: label(p.line, p.path), message: p.message })),
        total,
        stopped,
      );
    }
    await endNew();
    await flushChanged();
    const t1 = performance.now();
    await createScanIds(tx);
    let updated = 0;
    if (staging) [{ n: updated }] = await tx.query<{ n: number }>(UPDATE);
    unchanged += changedRows - updated;
    const t2 = performance.now();
    let detection: DetectionResult | null = null;
    if (opts.detect !== false && inserted.length + updated > 0) {
      if (empty) {
        // A first load: every act is new, so the whole table is the scope.
        detection = await detectInTx(tx, 'all', { asOf, leads: opts.leads });
      } else {
        const copy = tx.copyIn('scan_ids (id)');
        for (let i = 0; i < inserted.length; i += 50_000) {
          const ids = inserted.slice(i, i + 50_000).map((id) => `${t(id)}\n`);
          await copy.write(Buffer.from(ids.join(''), encoding));
        }
        await copy.end();
        detection = await detectInTx(tx, 'ids', { asOf, leads: opts.leads });
      }
    }
    const t3 = performance.now();
    return {
      received,
      inserted: inserted.length,
      updated,
      unchanged,
      detection,
      ms: Math.round(t3 - t0),
      phases: { copy: Math.round(t1 - t0), merge: Math.round(t2 - t1), detect: Math.round(t3 - t2) },
    };
  });
}
