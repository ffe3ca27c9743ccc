// A strict, allocation-free reader of one JSON text in a byte array, for the scan's fast lane
// (screen.ts). It checks the JSON syntax as it goes and throws STOP at anything it does not take:
// broken JSON, and also what is valid but unusual — escapes in strings, decimals and exponents in
// the numbers it reads — which the caller hands to JSON.parse instead. Strings are reported as
// byte ranges [s0, s1), never copied.
import { daysFromCivil } from '../calendar/day-number.js';

/** Thrown (one shared instance) when the reader gives up. */
export const STOP = new Error('not for the fast lane');

/** An absent date or number. */
export const NONE = -1e9;

export function enc(s: string): Uint8Array {
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}

function fail(): never {
  throw STOP;
}

const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FIRST_YEAR = 1900;
/** Day number of the first day of each month of 1900–2199, by (year - 1900) * 12 + month - 1. */
const MONTH_START = Int32Array.from({ length: 300 * 12 }, (_, i) =>
  daysFromCivil(FIRST_YEAR + Math.floor(i / 12), (i % 12) + 1, 1),
);

export class ByteReader {
  b: Uint8Array = new Uint8Array(0);
  /** Position, and end of the text. */
  p = 0;
  e = 0;
  /** The last string read: bytes [s0, s1). */
  s0 = 0;
  s1 = 0;

  reset(bytes: Uint8Array, start: number, end: number): void {
    this.b = bytes;
    this.p = start;
    this.e = end;
  }

  ws(): void {
    const { b, e } = this;
    let p = this.p;
    while (p < e) {
      const c = b[p];
      if (c === 32 || c === 9 || c === 13 || c === 10) p++;
      else break;
    }
    this.p = p;
  }

  /** Skip whitespace, then the end of the text. */
  atEnd(): boolean {
    this.ws();
    return this.p === this.e;
  }

  expect(c: number): void {
    this.ws();
    if (this.p >= this.e || this.b[this.p] !== c) fail();
    this.p++;
  }

  /** A string without escapes or control characters. */
  str(): void {
    this.ws();
    const { b, e } = this;
    let p = this.p;
    if (p >= e || b[p] !== 34) fail();
    this.s0 = ++p;
    for (;;) {
      if (p >= e) fail();
      const c = b[p];
      if (c === 34) break;
      if (c === 92 || c < 32) fail();
      p++;
    }
    this.s1 = p;
    this.p = p + 1;
  }

  /** Whether the last string is k. */
  same(k: Uint8Array): boolean {
    const { b, s0 } = this;
    if (this.s1 - s0 !== k.length) return false;
    for (let i = 0; i < k.length; i++) if (b[s0 + i] !== k[i]) return false;
    return true;
  }

  private literal(word: string): void {
    for (let i = 0; i < word.length; i++) if (this.b[this.p + i] !== word.charCodeAt(i)) fail();
    this.p += word.length;
    if (this.p > this.e) fail();
  }

  isNull(): boolean {
    this.ws();
    if (this.b[this.p] !== 110) return false;
    this.literal('null');
    return true;
  }

  bool(): boolean {
    this.ws();
    if (this.b[this.p] === 116) {
      this.literal('true');
      return true;
    }
    this.literal('false');
    return false;
  }

  /** 1 for true, 0 for false, -1 for null. */
  optBool(): number {
    return this.isNull() ? -1 : this.bool() ? 1 : 0;
  }

  /** The index of the string among values. */
  oneOf(values: Uint8Array[]): number {
    this.str();
    for (let i = 0; i < values.length; i++) if (this.same(values[i])) return i;
    return fail();
  }

  /** The index of the string among values, or -1 for null. */
  optOneOf(values: Uint8Array[]): number {
    return this.isNull() ? -1 : this.oneOf(values);
  }

  /** A non-empty string. */
  text(): void {
    this.str();
    if (this.s1 === this.s0) fail();
  }

  /** A string (true) or null (false). */
  optStr(): boolean {
    if (this.isNull()) return false;
    this.str();
    return true;
  }

  /** A real calendar date 'YYYY-MM-DD' as its day number, or NONE for null; s0 holds its offset. */
  optDate(): number {
    if (this.isNull()) return NONE;
    this.str();
    const { b, s0 } = this;
    if (this.s1 - s0 !== 10 || b[s0 + 4] !== 45 || b[s0 + 7] !== 45) fail();
    const y0 = b[s0] - 48;
    const y1 = b[s0 + 1] - 48;
    const y2 = b[s0 + 2] - 48;
    const y3 = b[s0 + 3] - 48;
    const m0 = b[s0 + 5] - 48;
    const m1 = b[s0 + 6] - 48;
    const d0 = b[s0 + 8] - 48;
    const d1 = b[s0 + 9] - 48;
    // Each a digit: as unsigned, none above 9.
    if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9) fail();
    if (m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) fail();
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const m = m0 * 10 + m1;
    const d = d0 * 10 + d1;
    if (m < 1 || m > 12 || d < 1) fail();
    if (d > DIM[m - 1] && !(m === 2 && d === 29 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0))) fail();
    const i = (y - FIRST_YEAR) * 12 + m - 1;
    return i >= 0 && i < MONTH_START.length ? MONTH_START[i] + d - 1 : daysFromCivil(y, m, d);
  }

  /** A non-negative integer of up to 15 digits, or NONE for null (other numbers: STOP). */
  optInt(): number {
    if (this.isNull()) return NONE;
    this.ws();
    const { b, e } = this;
    const a = this.p;
    let p = a;
    let v = 0;
    while (p < e && b[p] >= 48 && b[p] <= 57) v = v * 10 + (b[p++] - 48);
    const n = p - a;
    if (n === 0 || n > 15 || (n > 1 && b[a] === 48)) fail();
    if (p < e && (b[p] === 46 || b[p] === 101 || b[p] === 69)) fail();
    this.p = p;
    return v;
  }

  /** Consume '{'; false when the object is empty (its '}' consumed too). */
  open(): boolean {
    this.expect(123);
    this.ws();
    if (this.p < this.e && this.b[this.p] === 125) {
      this.p++;
      return false;
    }
    return true;
  }

  /** Consume '['; false when the array is empty. */
  openArray(): boolean {
    this.expect(91);
    this.ws();
    if (this.p < this.e && this.b[this.p] === 93) {
      this.p++;
      return false;
    }
    return true;
  }

  /** After a member or element: true at ',' (another follows), false at the closing bracket. */
  more(close: number): boolean {
    this.ws();
    if (this.p >= this.e) fail();
    const d = this.b[this.p++];
    if (d === 44) return true;
    if (d !== close) fail();
    return false;
  }

  /** The next member's key (into [s0, s1)) and its colon. */
  key(): void {
    this.str();
    this.expect(58);
  }

  /** Skip any value (of a field nobody reads), checking its syntax; numbers by the JSON grammar. */
  skip(depth = 0): void {
    if (depth > 32) fail();
    this.ws();
    const c = this.b[this.p];
    if (c === 34) this.str();
    else if (c === 123) {
      if (this.open())
        do {
          this.key();
          this.skip(depth + 1);
        } while (this.more(125));
    } else if (c === 91) {
      if (this.openArray())
        do this.skip(depth + 1);
        while (this.more(93));
    } else if (c === 116 || c === 102) this.bool();
    else if (c === 110) this.literal('null');
    else this.number();
  }

  private number(): void {
    const b = this.b;
    if (b[this.p] === 45) this.p++;
    if (b[this.p] === 48) this.p++;
    else this.digits();
    if (b[this.p] === 46) {
      this.p++;
      this.digits();
    }
    if (b[this.p] === 101 || b[this.p] === 69) {
      this.p++;
      if (b[this.p] === 43 || b[this.p] === 45) this.p++;
      this.digits();
    }
    if (this.p > this.e) fail();
  }

  private digits(): void {
    const { b, e } = this;
    const a = this.p;
    let p = a;
    while (p < e && b[p] >= 48 && b[p] <= 57) p++;
    if (p === a) fail();
    this.p = p;
  }
}
