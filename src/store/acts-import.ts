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
// Speed (a million acts): a JSON Lines file is read as raw bytes, a few MB of whole lines at a time
// (UTF-8 checked a chunk at a time), and each line goes through the fast lane (acts-copy-row.ts):
// checked on its bytes and copied into its COPY row without JSON.parse, objects or per-field strings;
// the raw line is the body. A line the fast lane leaves alone (escapes, decimals, an error) takes
// the full path, as a latin1 "byte string" (one char per byte: cheap to decode, and written to COPY
// as the same bytes). Rows go to COPY a megabyte at a time while the next are read; known ids are
// looked up a batch at a time on a second connection. Into an empty table, PostgreSQL's side of
// COPY (jsonb parsing, a dozen indexes) is the bound: the reading takes about a third of a core
// beside it. An error after rows were sent ends the COPY as failed before the rollback.
import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import { actIdProblem } from '../core/acts/ids.js';
import { actError } from '../core/acts/parse.js';
import { readAct } from '../core/acts/read.js';
import type { Act } from '../core/acts/schema.js';
import { todayInChina } from '../core/dates.js';
import { maskIdNumber } from '../core/privacy/mask.js';
import { type FieldError, jsonSyntaxMessage, ValidationError } from '../core/validation.js';
import { sealPartyIdNumber } from './act-identity.js';
import { type FastRow, FastRows, RowBytes } from './acts-copy-row.js';
import { type AuditEntry, appendAudit } from './audit.repository.js';
import type { Database } from './db.js';
import { checkAsOf, createScanIds, type DetectionResult, detectInTx } from './detect-sql.js';
import { type CopyWriter, type SqlTx, withTransaction } from './driver.js';
import { type PublishResult, publishActs } from './publications.repository.js';
import { kyselyOnTx } from './tx-kysely.js';

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
  /** Problems the reader found already (a CSV or spreadsheet value a column does not take). */
  problems?: FieldError[];
}

/** A piece of a JSON Lines file: whole lines (the last line of the file may lack its line end). */
export interface LineChunk {
  buf: Buffer;
  /** The bytes are valid UTF-8 (checked a chunk at a time; else each line is checked). */
  valid: boolean;
}

export interface ActInput {
  /** Records in batches (fewer await turns per act). */
  batches?: AsyncIterable<ActRecord[]> | Iterable<ActRecord[]>;
  /**
   * JSON Lines as raw bytes, in chunks of whole lines (a file): read instead of `batches` when
   * given. Lines go through the fast lane (acts-copy-row.ts) and, when it gives up, the full path.
   */
  lines?: AsyncIterable<LineChunk>;
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
  /**
   * Jurisdiction over the acts already stored: a message when the actor may not replace an act of
   * this agency and region (as the table holds them), null when it may. A refusal fails the whole
   * import with ActImportDenied (nothing written).
   */
  authorizeStored?: (agencyId: string, regionCode: string) => string | null;
  /** The audit entry of the import, appended in its transaction (only when it succeeds). */
  audit?: (result: Omit<ImportResult, 'ms' | 'phases'>) => AuditEntry;
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
  /** The decisions published, withheld or withdrawn (双公示); null when no act changed. */
  publication: PublishResult | null;
  ms: number;
  /** Milliseconds: reading, checking and COPY; the update of changed acts and publication; detection. */
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

/** The actor may not replace acts the table holds (another agency's or region's): nothing was written. */
export class ActImportDenied extends Error {
  readonly fields: FieldError[];
  readonly total: number;
  constructor(fields: FieldError[], total: number) {
    super(`无权导入：${total} 件执法行为的编号已属于您无权管理的机关，未写入任何数据`);
    this.name = 'ActImportDenied';
    this.fields = fields;
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
  'party_id_enc',
] as const;

const TARGET = `(${COLUMNS.join(', ')})`;

const STAGING = `
  create temp table acts_staging (
    id text collate "C", region_code char(6), agency_id text collate "C", kind text, matter text,
    procedure text, party_type text, party_id text collate "C", violation text collate "C",
    incident_date date, applied date, accepted date, filed date, notified date, decided date, served date,
    extended boolean, fine numeric, payment_method text, payment_receipt boolean,
    hearing_requested boolean, hearing_held boolean, criminal_suspected boolean, criminal_referred boolean,
    review text, body jsonb, body_hash text, party_id_enc bytea
  ) on commit drop`;

/** Known acts whose body changed: updated from staging, their ids into scan_ids. */
const UPDATE = `
  with u as (
    update acts a set
      ${COLUMNS.filter((c) => c !== 'id')
        .map((c) => `${c} = s.${c}`)
        .join(', ')}, updated_at = now()
    from acts_staging s
    where a.id = s.id and (a.body <> s.body or a.party_id_enc is distinct from s.party_id_enc)
    returning a.id
  ), i as (
    insert into scan_ids (id) select id from u on conflict do nothing returning 1
  )
  select count(*)::integer as n from u`;

// --- one record → one COPY row ---------------------------------------------------------------------

const NEEDS_ESCAPE = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** A text value in COPY text format. */
export function t(v: string | null | undefined): string {
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

function copyRow(a: Act, region: string, body: string, bodyHash: string, idSealed: Buffer | null): string {
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
  }\t${t(body)}\t${bodyHash}\t${idSealed ? `\\\\x${idSealed.toString('hex')}` : '\\N'}\n`;
}

/** The act's value without party.idNumber (which is sealed into its own column instead). */
function withoutIdNumber(value: unknown): unknown {
  const v = value as { party: Record<string, unknown> };
  const { idNumber: _, ...party } = v.party;
  return { ...v, party };
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
  if (z(act.publishedOn)) return 'publishedOn';
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

/** The act with every string as its byte string. */
function byteStrings<T>(v: T): T {
  if (typeof v === 'string') return toBytes(v) as T;
  if (Array.isArray(v)) return v.map(byteStrings) as T;
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = byteStrings(x);
    return out as T;
  }
  return v;
}

/** Checks records one at a time: a COPY row, or the problems naming line and field. */
export class ActRowBuilder {
  /** Registered agencies and their regions (keys as byte strings in bytes mode). */
  private readonly regions: Map<string, string>;
  private readonly decode: (s: string) => string;

  constructor(
    regions: Map<string, string>,
    private readonly bytes = false,
    private readonly authorize?: ImportOptions['authorize'],
    /** Only registered agencies have a region (the import); else also the 6-digit prefix of an id. */
    private readonly registeredOnly = false,
  ) {
    this.regions = bytes ? new Map([...regions].map(([k, v]) => [toBytes(k), v])) : regions;
    this.decode = bytes ? fromBytes : (s) => s;
  }

  /** The region of an agency: its registered region, else the 6-digit code its id starts with. */
  regionOf(agency: string): string | null {
    const region = this.regions.get(agency);
    if (region !== undefined || this.registeredOnly) return region ?? null;
    return /^\d{6}-/.test(agency) ? agency.slice(0, 6) : null;
  }

  /** The problems of a record that failed the fast check, from its real text. */
  private explain(rec: ActRecord, value: unknown): Problem[] {
    let real = value;
    if (this.bytes && rec.text !== undefined) {
      try {
        real = JSON.parse(fromBytes(rec.text));
      } catch (e) {
        return [{ line: rec.line, path: '(root)', message: jsonSyntaxMessage(e) }];
      }
    }
    return actError(real, rec.line).fields.map((f) => ({ line: rec.line, path: f.path, message: f.message }));
  }

  /** The reader's problems of a record, then the exchange format's on other fields. */
  private withReaderProblems(rec: ActRecord): Problem[] {
    const own = rec.problems ?? [];
    const paths = new Set(own.map((p) => p.path));
    const more = rec.value === undefined ? [] : this.explain(rec, rec.value);
    return [
      ...own.map((p) => ({ line: rec.line, path: p.path, message: p.message })),
      ...more.filter((p) => !paths.has(p.path) && p.path !== '(root)'),
    ];
  }

  /** A record as a COPY row, or its problems. One record per id is the caller's check (`IdCheck`). */
  build(rec: ActRecord): Built | Problem[] {
    const line = rec.line;
    if (rec.problems && rec.problems.length > 0) return this.withReaderProblems(rec);
    let value = rec.value;
    let text = rec.text;
    if (this.bytes && rec.unchecked && text !== undefined && !isUtf8(Buffer.from(text, 'latin1'))) {
      return [{ line, path: '(root)', message: '不是有效的 UTF-8 文本' }];
    }
    // In bytes mode a \u escape stands for a character, not for bytes: such a line is parsed as real
    // text and the strings of its act turned into byte strings (else a column would get the char's
    // low byte — or an invalid UTF-8 byte for U+0080–U+00FF).
    let real = false;
    if (value === undefined) {
      if (text === undefined) return [{ line, path: '(root)', message: '缺少数据' }];
      real = this.bytes && text.includes('\\u');
      try {
        value = JSON.parse(real ? fromBytes(text) : text);
      } catch (e) {
        // The position, not the parser's text (which quotes the line, in bytes mode as Latin-1).
        return [{ line, path: '(root)', message: jsonSyntaxMessage(e) }];
      }
    }
    const read = readAct(value);
    if (read === null) return this.explain(rec, value);
    // A party's ID number leaves the body here: sealed into its own column, never stored in plain.
    let idNumber: string | null = null;
    if (read.party?.idNumber != null) {
      const raw = read.party.idNumber;
      idNumber = (this.bytes && !real ? fromBytes(raw) : raw).trim() || null;
      value = withoutIdNumber(value);
      read.party.idNumber = null;
      let json = JSON.stringify(value);
      // Repeated elsewhere in the record (a 事由 quoting it): masked there too.
      if (idNumber !== null && idNumber.length >= 6) json = json.replaceAll(idNumber, maskIdNumber(idNumber));
      text = this.bytes && real ? toBytes(json) : json;
    }
    const act = real ? byteStrings(read) : read;
    text ??= JSON.stringify(value);
    if (SUSPECT_ESCAPE.test(text)) {
      const p = badStringPath(this.bytes && !real ? JSON.parse(fromBytes(text)) : value);
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
          message: this.registeredOnly
            ? `执法机关 ${this.decode(act.agency)} 未登记`
            : `执法机关 ${this.decode(act.agency)} 未登记，且编号不以 6 位行政区划代码开头，无法确定所属地区`,
        },
      ];
    }
    if (this.authorize) {
      const denied = this.authorize(this.bytes ? { ...act, agency: fromBytes(act.agency) } : act, region);
      if (denied) return [{ line, path: 'agency', message: denied }];
    }
    // The ID number counts in the hash: a re-import that changes only it is a change.
    const bodyHash = hash('sha1', idNumber === null ? text : `${text}\u0000${idNumber}`, 'base64');
    const sealed = idNumber === null ? null : sealPartyIdNumber(this.decode(act.id), idNumber);
    return { id: act.id, hash: bodyHash, row: copyRow(act, region, text, bodyHash, sealed) };
  }
}

/** One record per id: the line an id was first seen on, and the problem of a repeat. */
export class IdCheck {
  private readonly seen = new Map<string, number>();
  constructor(private readonly bytes = false) {}

  /** Null for an id not seen before (noted now), else the problem naming the first line. */
  check(id: string, line: number): Problem | null {
    const first = this.seen.get(id);
    if (first === undefined) {
      this.seen.set(id, line);
      return null;
    }
    return { line, path: 'id', message: `编号 ${this.bytes ? fromBytes(id) : id} 与第 ${first} 条重复` };
  }

  /** The line an id was first seen on. */
  lineOf(id: string): number {
    return this.seen.get(id) ?? 0;
  }
}

/** The problem of an id the table cannot key on (pattern, length), as the input holds it. */
function idProblem(id: string, line: number, bytes: boolean): Problem | null {
  const message = actIdProblem(bytes ? fromBytes(id) : id);
  return message ? { line, path: 'id', message } : null;
}

// --- the import ------------------------------------------------------------------------------------

/** Registered agencies and their regions. */
export async function agencyRegions(tx: SqlTx): Promise<Map<string, string>> {
  const rows = await tx.query<{ id: string; region_code: string }>('select id, region_code from agencies');
  return new Map(rows.map((r) => [r.id, r.region_code]));
}

/** Rows checked but not yet routed: their COPY bytes, with each row's id, hash and end. */
class Pending {
  readonly rows = new RowBytes(PENDING_BYTES + (64 << 10));
  readonly ids: string[] = [];
  readonly hashes: string[] = [];
  readonly ends: number[] = [];
  /** The row just written to `rows`. */
  add(id: string, hash: string): void {
    this.ids.push(id);
    this.hashes.push(hash);
    this.ends.push(this.rows.pos);
  }
  get full(): boolean {
    return this.rows.pos >= PENDING_BYTES || this.ids.length >= LOOKUP_CHUNK;
  }
}

/**
 * Bytes of rows gathered before they are routed (and their ids looked up, while the next are read);
 * new rows gathered before a write; changed rows kept before they go to staging.
 */
const PENDING_BYTES = 1 << 20;
const WRITE_BYTES = 1 << 20;
const CHANGED_BYTES = 32 << 20;
/** Records per lookup of known ids. */
const LOOKUP_CHUNK = 20_000;

/** True for a line of only spaces, tabs and CRs. */
function blank(b: Buffer, a: number, e: number): boolean {
  for (let i = a; i < e; i++) {
    const c = b[i];
    if (c !== 32 && c !== 9 && c !== 13) return false;
  }
  return true;
}

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
  const lines = input.lines;
  const bytes = lines !== undefined || input.bytes === true;
  const encoding = bytes ? 'latin1' : 'utf8';
  return withTransaction(database, async (tx) => {
    await tx.query('lock table acts in share row exclusive mode');
    const builder = new ActRowBuilder(await agencyRegions(tx), bytes, opts.authorize, true);
    // The fast lane needs no act object, so it cannot ask `authorize` (which judges an act).
    const fast = lines && !opts.authorize ? new FastRows((agency) => builder.regionOf(agency)) : null;
    const ids = new IdCheck(bytes);
    const [{ empty }] = await tx.query<{ empty: boolean }>('select not exists (select 1 from acts) as empty');
    const problems: Problem[] = [];
    /** Known acts the actor may not replace. */
    const denied: Problem[] = [];
    let deniedTotal = 0;
    /** Answers of `authorizeStored` by agency and region (a file holds few). */
    const storedAnswers = new Map<string, string | null>();
    let total = 0;
    let received = 0;
    let unchanged = 0;
    let stopped = false;
    /** Ids of inserted acts (kept only when the table was not empty: the scope of the detection). */
    const inserted: string[] = [];
    let insertedCount = 0;
    let changedRows = 0;
    const newRows = new RowBytes(WRITE_BYTES + (64 << 10));
    const changed = new RowBytes(WRITE_BYTES);
    let copyNew: CopyWriter | null = null;
    let staging = false;

    const writeNew = async (data: Buffer) => {
      if (data.length === 0) return;
      copyNew ??= tx.copyIn(`acts ${TARGET}`);
      await copyNew.write(data);
    };
    const endNew = async () => {
      await writeNew(newRows.take());
      if (copyNew) await copyNew.end();
      copyNew = null;
    };
    const flushChanged = async () => {
      if (changed.pos === 0) return;
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
    // With `authorizeStored`, each known act's stored agency and region are judged too (one query
    // per chunk, one answer per agency and region).
    const guard = opts.authorizeStored;
    const lookup = async (p: Pending): Promise<Map<string, string>> => {
      const known = new Map<string, string>();
      if (empty || p.ids.length === 0) return known;
      const found = await tx.sideQuery<{
        id: string;
        body_hash: string;
        agency_id: string;
        region_code: string;
      }>(
        guard
          ? 'select id, body_hash, agency_id, region_code from acts where id = any($1::text[])'
          : 'select id, body_hash from acts where id = any($1::text[])',
        [bytes ? p.ids.map(fromBytes) : p.ids],
      );
      for (const r of found) {
        const id = bytes ? toBytes(r.id) : r.id;
        known.set(id, r.body_hash);
        if (!guard) continue;
        const key = `${r.agency_id}\t${r.region_code}`;
        let why = storedAnswers.get(key);
        if (why === undefined) {
          why = guard(r.agency_id, r.region_code);
          storedAnswers.set(key, why);
        }
        if (why) {
          deniedTotal++;
          if (denied.length < maxErrors)
            denied.push({
              line: ids.lineOf(id),
              path: 'id',
              message: `编号 ${r.id} 已属于执法机关 ${r.agency_id}：${why}`,
            });
        }
      }
      return known;
    };
    const route = async (p: Pending, known: Map<string, string>) => {
      if (deniedTotal > 0) {
        denied.sort((a, b) => a.line - b.line);
        throw new ActImportDenied(
          denied.map((d) => ({ path: label(d.line, d.path), message: d.message })),
          deniedTotal,
        );
      }
      if (known.size === 0) {
        // All new (always so on an empty table): the gathered bytes go to COPY as they are.
        insertedCount += p.ids.length;
        if (!empty) for (const id of p.ids) inserted.push(id);
        await writeNew(p.rows.buf.subarray(0, p.rows.pos));
        return;
      }
      let start = 0;
      for (let i = 0; i < p.ids.length; i++) {
        const end = p.ends[i];
        const h = known.get(p.ids[i]);
        if (h === undefined) {
          newRows.addBytes(p.rows.buf, start, end);
          inserted.push(p.ids[i]);
          insertedCount++;
        } else if (h === p.hashes[i]) unchanged++;
        else {
          changed.addBytes(p.rows.buf, start, end);
          changedRows++;
        }
        start = end;
      }
      if (newRows.pos >= WRITE_BYTES) await writeNew(newRows.take());
      if (changed.pos >= CHANGED_BYTES) await flushChanged();
    };
    let pending = new Pending();
    let previous: { rows: Pending; known: Promise<Map<string, string>> } | null = null;
    const next = async (last: boolean) => {
      const current = pending.ids.length > 0 ? { rows: pending, known: lookup(pending) } : null;
      current?.known.catch(() => undefined); // awaited below; not unhandled meanwhile
      pending = new Pending();
      if (previous) await route(previous.rows, await previous.known);
      previous = current;
      if (last && previous) {
        await route(previous.rows, await previous.known);
        previous = null;
      }
    };
    const fail = (r: Problem[]) => {
      total += r.length;
      for (const p of r) if (problems.length < maxErrors) problems.push(p);
      if (pending.ids.length > 0) pending = new Pending(); // nothing more is written
    };
    /** A record through the full path. */
    const record = (rec: ActRecord) => {
      received++;
      const r = builder.build(rec);
      if (Array.isArray(r)) return fail(r);
      const bad = idProblem(r.id, rec.line, bytes);
      if (bad) return fail([bad]);
      const dup = ids.check(r.id, rec.line);
      if (dup) return fail([dup]);
      if (total > 0) return;
      pending.rows.addText(r.row, encoding);
      pending.add(r.id, r.hash);
    };

    /** After an error while a COPY is open: end it as failed (so that the rollback can run). */
    const abandon = async () => {
      const open = copyNew;
      copyNew = null;
      if (open) await open.abort().catch(() => undefined);
    };
    try {
      if (lines) {
        // JSON Lines as chunks of whole lines: each line through the fast lane, or the full path.
        const info: FastRow = { idStart: 0, idEnd: 0, rowStart: 0, rowEnd: 0, hash: '' };
        let line = 1;
        read: for await (const { buf: b, valid } of lines) {
          const n = b.length;
          let tabAt = b.indexOf(9);
          let crAt = b.indexOf(13);
          for (let a = 0; a < n; line++) {
            let e = b.indexOf(10, a);
            if (e < 0) e = n;
            const after = e + 1;
            if (e > a && b[e - 1] === 13) e--;
            if (blank(b, a, e)) {
              a = after;
              continue;
            }
            if (tabAt >= 0 && tabAt < a) tabAt = b.indexOf(9, a);
            if (crAt >= 0 && crAt < a) crAt = b.indexOf(13, a);
            const plain = (tabAt < 0 || tabAt >= e) && (crAt < 0 || crAt >= e);
            if (fast && valid && fast.row(b, a, e, plain, pending.rows, info)) {
              received++;
              const id = b.toString('latin1', info.idStart, info.idEnd);
              const dup = idProblem(id, line, true) ?? ids.check(id, line);
              if (dup || total > 0) {
                // Not to be written: the row is taken back.
                pending.rows.pos = info.rowStart;
                pending.rows.rows--;
                if (dup) fail([dup]);
              } else pending.add(id, info.hash);
            } else record({ line, text: b.toString('latin1', a, e), unchecked: !valid });
            a = after;
            if (total >= maxErrors) {
              stopped = true;
              break read;
            }
            if (total === 0 && pending.full) await next(false);
          }
          opts.onProgress?.(received);
        }
      } else {
        for await (const batch of input.batches ?? []) {
          for (const rec of batch) record(rec);
          if (total === 0 && pending.full) await next(false);
          opts.onProgress?.(received);
          if (total >= maxErrors) {
            stopped = true;
            break;
          }
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
      let detection: DetectionResult | null = null;
      let publication: PublishResult | null = null;
      if (insertedCount + updated > 0) {
        // A first load: every act is new, so the whole table is the scope; else the changed acts.
        if (!empty) {
          const copy = tx.copyIn('scan_ids (id)');
          for (let i = 0; i < inserted.length; i += 50_000) {
            const ids = inserted.slice(i, i + 50_000).map((id) => `${t(id)}\n`);
            await copy.write(Buffer.from(ids.join(''), encoding));
          }
          await copy.end();
        }
        // 双公示: the decisions are published (masked) or withheld, before the rules read them.
        publication = await publishActs(tx, empty ? 'all' : 'ids', asOf);
      }
      const t2 = performance.now();
      if (opts.detect !== false && insertedCount + updated > 0) {
        detection = await detectInTx(tx, empty ? 'all' : 'ids', { asOf, leads: opts.leads });
      }
      if (opts.audit) {
        const entry = opts.audit({
          received,
          inserted: insertedCount,
          updated,
          unchanged,
          detection,
          publication,
        });
        await appendAudit(kyselyOnTx(tx), entry);
      }
      const t3 = performance.now();
      return {
        received,
        inserted: insertedCount,
        updated,
        unchanged,
        detection,
        publication,
        ms: Math.round(t3 - t0),
        phases: { copy: Math.round(t1 - t0), merge: Math.round(t2 - t1), detect: Math.round(t3 - t2) },
      };
    } catch (e) {
      await abandon();
      throw e;
    }
  });
}
