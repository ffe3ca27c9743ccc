// The import's fast lane: one JSON Lines line, as bytes, checked and written as a COPY row without
// JSON.parse, without objects and without per-field strings. Like the scan's screen (it uses the
// same strict byte reader, core/detect/byte-reader.ts), it reads the line once, checking the JSON
// syntax and the schema of `readAct`, and notes where each column's value lies in the line; the row
// is then copied together from those byte ranges.
//
// It takes only the plain case and gives up (false) on anything else — broken or merely unusual
// JSON (escapes in strings, decimal or negative numbers, a known member given twice, nesting deeper
// than 32), an invalid act, a year 0000, an agency whose region is unknown. The caller then runs
// the full path (JSON.parse, readAct, the database checks, zod for the messages), which decides and
// names the error. A test (acts-copy-row.test.ts) holds the two paths to the same rows.
//
// What the fast lane may rely on: a string without escapes is its bytes (a backslash or control
// character makes it give up), so no value needs COPY escaping; the body does only where the line
// has a tab or CR between tokens. The caller checks UTF-8 (a chunk at a time).
import { hash } from 'node:crypto';
import {
  DECISION_BYTES as DECISIONS,
  MEMBER as K,
  KIND_BYTES as KINDS,
  MEASURE_BYTES as MEASURES,
  PARTY_TYPE_BYTES as PARTY_TYPES,
  PROCEDURE_BYTES as PROCEDURES,
  REVIEW_BYTES as REVIEWS,
  WITHHOLD_BYTES as WITHHOLDS,
} from '../core/detect/act-bytes.js';
import { ByteReader, enc, NONE, STOP } from '../core/detect/byte-reader.js';

const r = new ByteReader();

/** Bits of the members read so far (top level), so that a repeated member gives up. */
const M = {
  id: 1,
  agency: 2,
  kind: 4,
  matter: 8,
  procedure: 16,
  party: 32,
  officers: 64,
  chain: 128,
  violation: 256,
  incidentDate: 512,
  dates: 1024,
  fine: 2048,
  payment: 4096,
  hearing: 8192,
  criminal: 16384,
  review: 32768,
};

/** Where each column's value lies in the line: [start, end) of a string, -1 for null. */
const s = {
  seen: 0,
  idS: 0,
  idE: 0,
  agS: 0,
  agE: 0,
  kind: -1,
  matterS: -1,
  matterE: -1,
  procedure: -1,
  partyType: -1,
  partyS: -1,
  partyE: -1,
  violationS: -1,
  violationE: -1,
  incident: -1,
  /** Start of applied, accepted, filed, notified, decided, served (10 bytes each), -1 for null. */
  dates: new Int32Array(6),
  /** -1 null, 0 false, 1 true. */
  extended: -1,
  fineS: -1,
  fineE: -1,
  methodS: -1,
  methodE: -1,
  receipt: -1,
  requested: -1,
  held: -1,
  suspected: -1,
  referred: -1,
  review: -1,
};

function fail(): never {
  throw STOP;
}

/** A date or null: its start, or -1. Year 0000 (which PostgreSQL cannot hold) gives up. */
function date(): number {
  if (r.optDate() === NONE) return -1;
  const b = r.b;
  const a = r.s0;
  if (b[a] === 48 && b[a + 1] === 48 && b[a + 2] === 48 && b[a + 3] === 48) fail();
  return a;
}

function readParty(): void {
  if (r.isNull()) return;
  let type = -1;
  let id = false;
  if (r.open())
    do {
      r.key();
      if (r.same(K.type)) {
        if (type >= 0) fail();
        type = r.oneOf(PARTY_TYPES);
      } else if (r.same(K.id)) {
        if (id) fail();
        r.text();
        id = true;
        s.partyS = r.s0;
        s.partyE = r.s1;
      } else if (r.same(K.name) || r.same(K.creditCode)) r.optStr();
      // An ID number is sealed and taken out of the body: the full path does that.
      else if (r.same(K.idNumber)) fail();
      else r.skip();
    } while (r.more(125));
  if (type < 0 || !id) fail();
  s.partyType = type;
}

function readOfficers(): void {
  if (r.openArray())
    do {
      let seen = 0;
      if (r.open())
        do {
          r.key();
          if (r.same(K.id)) {
            if (seen & 1) fail();
            seen |= 1;
            r.text();
          } else if (r.same(K.certificate)) {
            if (seen & 2) fail();
            seen |= 2;
            r.optStr();
          } else if (r.same(K.validUntil)) {
            if (seen & 4) fail();
            seen |= 4;
            date();
          } else r.skip();
        } while (r.more(125));
      if (!(seen & 1)) fail();
    } while (r.more(93));
}

function readChain(): void {
  if (r.isNull()) return;
  let seen = 0;
  if (r.open())
    do {
      r.key();
      const bit = r.same(K.handler) ? 1 : r.same(K.reviewer) ? 2 : r.same(K.approver) ? 4 : 0;
      if (bit === 0) r.skip();
      else {
        if (seen & bit) fail();
        seen |= bit;
        r.optStr();
      }
    } while (r.more(125));
}

const DATE_KEYS = [K.applied, K.accepted, K.filed, K.notified, K.decided, K.served];

function readDates(): void {
  let seen = 0;
  if (r.open())
    do {
      r.key();
      if (r.same(K.extended)) {
        if (seen & 64) fail();
        seen |= 64;
        s.extended = r.optBool();
        continue;
      }
      // Coercion's seized and released: checked, kept in the body only.
      if (r.same(K.seized) || r.same(K.released)) {
        date();
        continue;
      }
      let i = 0;
      while (i < 6 && !r.same(DATE_KEYS[i])) i++;
      if (i === 6) r.skip();
      else {
        if (seen & (1 << i)) fail();
        seen |= 1 << i;
        s.dates[i] = date();
      }
    } while (r.more(125));
}

function readPayment(): void {
  if (r.isNull()) return;
  let method = false;
  let receipt = -1;
  if (r.open())
    do {
      r.key();
      if (r.same(K.method)) {
        if (method) fail();
        r.text();
        method = true;
        s.methodS = r.s0;
        s.methodE = r.s1;
      } else if (r.same(K.receipt)) {
        if (receipt >= 0) fail();
        receipt = r.bool() ? 1 : 0;
      } else if (r.same(K.collectedOn) || r.same(K.remittedOn)) date();
      else r.skip();
    } while (r.more(125));
  if (!method || receipt < 0) fail();
  s.receipt = receipt;
}

/**
 * Two required booleans, e.g. hearing { requested, held }: [first, second] as 0/1, or -1 for null.
 * Members named in `dates` are optional dates (checked, kept in the body only).
 */
function readPair(a: Uint8Array, b: Uint8Array, dates: readonly Uint8Array[] = []): number {
  if (r.isNull()) return -1;
  let x = -1;
  let y = -1;
  if (r.open())
    do {
      r.key();
      if (r.same(a)) {
        if (x >= 0) fail();
        x = r.bool() ? 1 : 0;
      } else if (r.same(b)) {
        if (y >= 0) fail();
        y = r.bool() ? 1 : 0;
      } else if (dates.some((k) => r.same(k))) date();
      else r.skip();
    } while (r.more(125));
  if (x < 0 || y < 0) fail();
  return x * 2 + y;
}

const HEARING_DATES = [K.noticedOn, K.heldOn];

/** extension: null, or { approved: boolean, on?: date }. */
function readExtension(): void {
  if (r.isNull()) return;
  let approved = false;
  if (r.open())
    do {
      r.key();
      if (r.same(K.approved)) {
        r.bool();
        approved = true;
      } else if (r.same(K.on)) date();
      else r.skip();
    } while (r.more(125));
  if (!approved) fail();
}

/** The member's bit; a member read before gives up. */
function once(bit: number): void {
  if (s.seen & bit) fail();
  s.seen |= bit;
}

function readMember(): void {
  r.key();
  switch (r.b[r.s0]) {
    case 105: // i
      if (r.same(K.id)) {
        once(M.id);
        r.text();
        s.idS = r.s0;
        s.idE = r.s1;
      } else if (r.same(K.incidentDate)) {
        once(M.incidentDate);
        s.incident = date();
      } else if (r.same(K.itemName)) r.optStr();
      else r.skip();
      return;
    case 97: // a
      if (r.same(K.agency)) {
        once(M.agency);
        r.text();
        s.agS = r.s0;
        s.agE = r.s1;
      } else r.skip();
      return;
    case 107: // k
      if (r.same(K.kind)) {
        once(M.kind);
        s.kind = r.oneOf(KINDS);
      } else r.skip();
      return;
    case 109: // m
      if (r.same(K.matter)) {
        once(M.matter);
        if (r.optStr()) {
          s.matterS = r.s0;
          s.matterE = r.s1;
        }
      } else if (r.same(K.measure)) r.optOneOf(MEASURES);
      else r.skip();
      return;
    case 112: // p
      if (r.same(K.procedure)) {
        once(M.procedure);
        s.procedure = r.optOneOf(PROCEDURES);
      } else if (r.same(K.party)) {
        once(M.party);
        readParty();
      } else if (r.same(K.payment)) {
        once(M.payment);
        readPayment();
      } else if (r.same(K.publishedOn)) date();
      else r.skip();
      return;
    case 111: // o
      if (r.same(K.officers)) {
        once(M.officers);
        readOfficers();
      } else r.skip();
      return;
    case 99: // c
      if (r.same(K.chain)) {
        once(M.chain);
        readChain();
      } else if (r.same(K.criminal)) {
        once(M.criminal);
        const c = readPair(K.suspected, K.referred);
        if (c >= 0) {
          s.suspected = c >> 1;
          s.referred = c & 1;
        }
      } else if (r.same(K.category) || r.same(K.content)) r.optStr();
      else r.skip();
      return;
    case 118: // v
      if (r.same(K.violation)) {
        once(M.violation);
        if (r.optStr()) {
          s.violationS = r.s0;
          s.violationE = r.s1;
        }
      } else r.skip();
      return;
    case 100: // d
      if (r.same(K.dates)) {
        once(M.dates);
        readDates();
      } else if (r.same(K.decision)) r.optOneOf(DECISIONS);
      else if (r.same(K.documentNo)) r.optStr();
      else r.skip();
      return;
    case 102: // f
      if (r.same(K.fine)) {
        once(M.fine);
        r.ws();
        const a = r.p;
        if (r.optInt() !== NONE) {
          s.fineS = a;
          s.fineE = r.p;
        }
      } else r.skip();
      return;
    case 104: // h
      if (r.same(K.hearing)) {
        once(M.hearing);
        const h = readPair(K.requested, K.held, HEARING_DATES);
        if (h >= 0) {
          s.requested = h >> 1;
          s.held = h & 1;
        }
      } else r.skip();
      return;
    case 114: // r
      if (r.same(K.review)) {
        once(M.review);
        s.review = r.optOneOf(REVIEWS);
      } else if (r.same(K.reason) || r.same(K.result)) r.optStr();
      else if (r.same(K.receiptIssued)) r.optBool();
      else r.skip();
      return;
    case 101: // e
      if (r.same(K.extension)) readExtension();
      else r.skip();
      return;
    case 98: // b
      if (r.same(K.basis)) r.optStr();
      else r.skip();
      return;
    case 119: // w
      if (r.same(K.withhold)) r.optOneOf(WITHHOLDS);
      else r.skip();
      return;
    default:
      r.skip();
  }
}

function reset(): void {
  s.seen = 0;
  s.kind = s.procedure = s.partyType = s.review = -1;
  s.matterS = s.partyS = s.violationS = s.incident = s.fineS = s.methodS = -1;
  s.dates.fill(-1);
  s.extended = s.receipt = s.requested = s.held = s.suspected = s.referred = -1;
}

const REQUIRED = M.id | M.agency | M.kind | M.officers | M.dates;

// --- the row ---------------------------------------------------------------------------------------

const NULL = enc('\\N');
const BOOL = [enc('f'), enc('t')];

/**
 * COPY rows written into one growing buffer. `row` (the fast lane) and `addText` (a row built as
 * a string by the full path) append; `take` hands the bytes over and starts again.
 */
export class RowBytes {
  buf: Buffer;
  pos = 0;
  rows = 0;
  constructor(capacity = 1 << 20) {
    this.buf = Buffer.allocUnsafe(capacity);
  }

  /** Room for n more bytes. */
  reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.pos + n));
    this.buf.copy(bigger, 0, 0, this.pos);
    this.buf = bigger;
  }

  /** A row built as a string (latin1: one char per byte; utf8: real text). */
  addText(row: string, encoding: 'latin1' | 'utf8'): void {
    this.reserve(encoding === 'latin1' ? row.length : row.length * 3);
    this.pos += this.buf.write(row, this.pos, encoding);
    this.rows++;
  }

  /** Append bytes [a, e) of another row buffer (routing rows between buffers). */
  addBytes(from: Uint8Array, a: number, e: number): void {
    this.reserve(e - a);
    this.buf.set(from.subarray(a, e), this.pos);
    this.pos += e - a;
    this.rows++;
  }

  /** The bytes so far; the buffer starts over (at its present size). */
  take(): Buffer {
    const out = this.buf.subarray(0, this.pos);
    this.buf = Buffer.allocUnsafe(this.buf.length);
    this.pos = 0;
    this.rows = 0;
    return out;
  }
}

let out: Buffer = Buffer.alloc(0);
let o = 0;

function put(x: Uint8Array): void {
  for (let i = 0; i < x.length; i++) out[o++] = x[i];
}
function range(b: Uint8Array, a: number, e: number): void {
  if (e - a > 48) {
    out.set(b.subarray(a, e), o);
    o += e - a;
  } else for (let i = a; i < e; i++) out[o++] = b[i];
}
function optRange(b: Uint8Array, a: number, e: number): void {
  if (a < 0) put(NULL);
  else range(b, a, e);
}
function day(b: Uint8Array, a: number): void {
  if (a < 0) put(NULL);
  else for (let i = a; i < a + 10; i++) out[o++] = b[i];
}
function bool(v: number): void {
  put(v < 0 ? NULL : BOOL[v]);
}
function tab(): void {
  out[o++] = 9;
}

/** The body, with a tab or CR between tokens written as COPY escapes. */
function body(b: Uint8Array, a: number, e: number, plain: boolean): void {
  if (plain) {
    out.set(b.subarray(a, e), o);
    o += e - a;
    return;
  }
  for (let i = a; i < e; i++) {
    const c = b[i];
    if (c === 9 || c === 13) {
      out[o++] = 92;
      out[o++] = c === 9 ? 116 : 114;
    } else out[o++] = c;
  }
}

/** The region of an agency (its bytes as a latin1 string), or null when it has none. */
export type RegionOf = (agency: string) => string | null;

/** Regions by agency bytes: a small hash table in front of `regionOf` (a file holds few agencies). */
class RegionCache {
  private readonly keys: Uint8Array[] = [];
  private readonly values: (Uint8Array | null)[] = [];
  private readonly slots = new Int32Array(4096).fill(-1);
  constructor(private readonly regionOf: RegionOf) {}

  get(b: Uint8Array, a: number, e: number): Uint8Array | null {
    let h = 2166136261;
    for (let i = a; i < e; i++) h = Math.imul(h ^ b[i], 16777619);
    const slot = (h >>> 0) & 4095;
    const k = this.slots[slot];
    if (k >= 0) {
      const key = this.keys[k];
      if (key.length === e - a) {
        let same = true;
        for (let i = 0; i < key.length && same; i++) same = key[i] === b[a + i];
        if (same) return this.values[k];
      }
    }
    const name = Buffer.from(b.buffer, b.byteOffset + a, e - a).toString('latin1');
    const region = this.regionOf(name);
    const value = region === null ? null : enc(region);
    if (k < 0) {
      this.slots[slot] = this.keys.length;
      this.keys.push(new Uint8Array(b.subarray(a, e)));
      this.values.push(value);
    }
    return value;
  }
}

/** What the fast lane tells about a line it took. */
export interface FastRow {
  /** The id's bytes in the line. */
  idStart: number;
  idEnd: number;
  /** The row's bytes in the output buffer. */
  rowStart: number;
  rowEnd: number;
  /** The hash of the body (base64 SHA-1). */
  hash: string;
}

/** Checks lines and writes their rows; one per import (it caches regions by agency). */
export class FastRows {
  private readonly regions: RegionCache;
  constructor(regionOf: RegionOf) {
    this.regions = new RegionCache(regionOf);
  }

  /**
   * The line in b[a, e) (no line end) as a COPY row appended to `rows`, or false (nothing written)
   * when the full path must decide. `plain`: the line holds no tab or CR (known a chunk at a time).
   */
  row(b: Buffer, a: number, e: number, plain: boolean, rows: RowBytes, info: FastRow): boolean {
    r.reset(b, a, e);
    reset();
    try {
      if (r.open())
        do readMember();
        while (r.more(125));
      if (!r.atEnd()) return false;
    } catch (x) {
      if (x === STOP) return false;
      throw x;
    }
    if ((s.seen & REQUIRED) !== REQUIRED) return false;
    const region = this.regions.get(b, s.agS, s.agE);
    if (region === null) return false;
    // The hash of the body as the full path makes it: SHA-1 of the line read as latin1 and hashed as
    // UTF-8 (the same value for the same line, so a re-import finds acts unchanged by their hash).
    const h = hash('sha1', b.toString('latin1', a, e), 'base64');
    // The columns are disjoint pieces of the line, the body the line again (at most doubled by
    // escapes); the rest — region, names, flags, nulls, tabs, the hash — is under 256 bytes.
    rows.reserve(3 * (e - a) + 256);
    out = rows.buf;
    o = rows.pos;
    const start = o;
    range(b, s.idS, s.idE);
    tab();
    put(region);
    tab();
    range(b, s.agS, s.agE);
    tab();
    put(KINDS[s.kind]);
    tab();
    optRange(b, s.matterS, s.matterE);
    tab();
    put(s.procedure < 0 ? NULL : PROCEDURES[s.procedure]);
    tab();
    if (s.partyType < 0) {
      put(NULL);
      tab();
      put(NULL);
    } else {
      put(PARTY_TYPES[s.partyType]);
      tab();
      range(b, s.partyS, s.partyE);
    }
    tab();
    optRange(b, s.violationS, s.violationE);
    tab();
    day(b, s.incident);
    for (let i = 0; i < 6; i++) {
      tab();
      day(b, s.dates[i]);
    }
    tab();
    bool(s.extended);
    tab();
    optRange(b, s.fineS, s.fineE);
    tab();
    if (s.methodS < 0) {
      put(NULL);
      tab();
      put(NULL);
    } else {
      range(b, s.methodS, s.methodE);
      tab();
      bool(s.receipt);
    }
    tab();
    bool(s.requested);
    tab();
    bool(s.held);
    tab();
    bool(s.suspected);
    tab();
    bool(s.referred);
    tab();
    put(s.review < 0 ? NULL : REVIEWS[s.review]);
    tab();
    body(b, a, e, plain);
    tab();
    for (let i = 0; i < h.length; i++) out[o++] = h.charCodeAt(i);
    tab();
    put(NULL); // party_id_enc: a line with an ID number is not taken here
    out[o++] = 10;
    rows.pos = o;
    rows.rows++;
    info.idStart = s.idS;
    info.idEnd = s.idE;
    info.rowStart = start;
    info.rowEnd = o;
    info.hash = h;
    return true;
  }
}
