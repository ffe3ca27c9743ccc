// The duplicate-fine index of a scan worker: the same rule as FineIndex (duplicate-fine.ts) —
// group fine decisions by (party, violation, incident date), the earliest by (decision date, act
// id) is lawful, every other one a finding — kept in typed arrays instead of JS objects: keys and
// act ids as bytes in one arena, an open-addressing hash table over them. A million acts leave no
// garbage for the collector. Strings are made only for what leaves the worker: the keys other
// workers share (see FineIndex.split) and the findings.
//
// Keys and ids are bytes as the file has them (UTF-8); `latin1` strings of them are "byte strings",
// equal to what the fast lane and JSON.parse over latin1 text produce.
import type { Act } from '../acts/schema.js';
import { fromDayNumber, toDayNumber } from '../calendar/day-number.js';
import { DUPLICATE_FINE, type FineIndexData, fineKey } from './duplicate-fine.js';
import type { Finding } from './rule.js';

const SEP = 0;

function hash32(a: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ a[i], 0x01000193);
  return h | 0;
}

/** keyHash (duplicate-fine.ts) of a byte string, computed on its bytes. */
function hash53(a: Uint8Array, start: number, end: number): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ (end - start);
  for (let i = start; i < end; i++) {
    const c = a[i];
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

function latin1(a: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) {
    s += String.fromCharCode.apply(null, a.subarray(i, Math.min(end, i + 4096)) as unknown as number[]);
  }
  return s;
}

export class FineTable {
  private arena = new Uint8Array(1 << 20);
  private used = 0;
  private count = 0;
  private keyStart = new Int32Array(1 << 12);
  private keyEnd = new Int32Array(1 << 12);
  private idEnd = new Int32Array(1 << 12); // the id follows its key in the arena
  private decided = new Int32Array(1 << 12);
  /** Slot → 1 + the entry that is first of its group; 0 when free. */
  private slots = new Int32Array(1 << 14);
  private slotHash = new Int32Array(1 << 14);
  private groups = 0;
  /** Entries that lost to an earlier decision. */
  private later: number[] = [];

  get size(): number {
    return this.count;
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.arena.length) return;
    const bigger = new Uint8Array(Math.max(this.arena.length * 2, this.used + bytes));
    bigger.set(this.arena.subarray(0, this.used));
    this.arena = bigger;
  }

  private grow(): void {
    const n = this.keyStart.length * 2;
    for (const f of ['keyStart', 'keyEnd', 'idEnd', 'decided'] as const) {
      const a = new Int32Array(n);
      a.set(this[f]);
      this[f] = a;
    }
  }

  /** Add a fine decision from the bytes of its line. */
  addBytes(
    b: Uint8Array,
    partyStart: number,
    partyEnd: number,
    violationStart: number,
    violationEnd: number,
    incidentStart: number,
    idStart: number,
    idEnd: number,
    decidedDay: number,
  ): void {
    const klen = partyEnd - partyStart + violationEnd - violationStart + 12;
    this.reserve(klen + idEnd - idStart);
    const a = this.arena;
    const k0 = this.used;
    a.set(b.subarray(partyStart, partyEnd), k0);
    let at = k0 + partyEnd - partyStart;
    a[at++] = SEP;
    a.set(b.subarray(violationStart, violationEnd), at);
    at += violationEnd - violationStart;
    a[at++] = SEP;
    a.set(b.subarray(incidentStart, incidentStart + 10), at);
    at += 10;
    a.set(b.subarray(idStart, idEnd), at);
    this.insert(k0, at, at + idEnd - idStart, decidedDay);
  }

  /** Add a fine decision of an act whose strings are byte strings; nothing for other acts. */
  add(act: Act): void {
    const key = fineKey(act);
    if (key === null) return;
    this.reserve(key.length + act.id.length);
    const a = this.arena;
    const k0 = this.used;
    for (let i = 0; i < key.length; i++) a[k0 + i] = key.charCodeAt(i);
    const i0 = k0 + key.length;
    for (let i = 0; i < act.id.length; i++) a[i0 + i] = act.id.charCodeAt(i);
    this.insert(k0, i0, i0 + act.id.length, toDayNumber(act.dates.decided as string));
  }

  private insert(k0: number, k1: number, i1: number, decided: number): void {
    if (this.count === this.keyStart.length) this.grow();
    const e = this.count++;
    this.used = i1;
    this.keyStart[e] = k0;
    this.keyEnd[e] = k1;
    this.idEnd[e] = i1;
    this.decided[e] = decided;
    if (this.groups * 2 >= this.slots.length) this.rehash();
    const h = hash32(this.arena, k0, k1);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const f = this.slots[s] - 1;
      if (f < 0) {
        this.slots[s] = e + 1;
        this.slotHash[s] = h;
        this.groups++;
        return;
      }
      if (this.slotHash[s] === h && this.sameKey(f, e)) {
        if (this.earlier(e, f)) {
          this.slots[s] = e + 1;
          this.later.push(f);
        } else this.later.push(e);
        return;
      }
    }
  }

  private rehash(): void {
    const old = this.slots;
    const oldHash = this.slotHash;
    this.slots = new Int32Array(old.length * 2);
    this.slotHash = new Int32Array(old.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < old.length; i++) {
      if (old[i] === 0) continue;
      let s = oldHash[i] & mask;
      while (this.slots[s] !== 0) s = (s + 1) & mask;
      this.slots[s] = old[i];
      this.slotHash[s] = oldHash[i];
    }
  }

  private sameKey(x: number, y: number): boolean {
    const a = this.arena;
    const x0 = this.keyStart[x];
    const y0 = this.keyStart[y];
    const len = this.keyEnd[x] - x0;
    if (this.keyEnd[y] - y0 !== len) return false;
    for (let i = 0; i < len; i++) if (a[x0 + i] !== a[y0 + i]) return false;
    return true;
  }

  /** Decided earlier, or the same day and a smaller act id (bytewise, as the strings compare). */
  private earlier(x: number, y: number): boolean {
    if (this.decided[x] !== this.decided[y]) return this.decided[x] < this.decided[y];
    const a = this.arena;
    const x0 = this.keyEnd[x];
    const y0 = this.keyEnd[y];
    const xl = this.idEnd[x] - x0;
    const yl = this.idEnd[y] - y0;
    for (let i = 0; i < Math.min(xl, yl); i++) if (a[x0 + i] !== a[y0 + i]) return a[x0 + i] < a[y0 + i];
    return xl < yl;
  }

  private firstOf(e: number): number {
    const h = hash32(this.arena, this.keyStart[e], this.keyEnd[e]);
    const mask = this.slots.length - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const f = this.slots[s] - 1;
      if (this.slotHash[s] === h && this.sameKey(f, e)) return f;
    }
  }

  private keyString(e: number): string {
    return latin1(this.arena, this.keyStart[e], this.keyEnd[e]);
  }

  private idString(e: number): string {
    return latin1(this.arena, this.keyEnd[e], this.idEnd[e]);
  }

  private hashOf(e: number): number {
    return hash53(this.arena, this.keyStart[e], this.keyEnd[e]);
  }

  /** The sorted, distinct keyHash values of the groups (as FineIndex.hashes). */
  hashes(): Float64Array {
    const h = new Float64Array(this.groups);
    let n = 0;
    for (let s = 0; s < this.slots.length; s++)
      if (this.slots[s] !== 0) h[n++] = this.hashOf(this.slots[s] - 1);
    h.sort();
    let m = 0;
    for (let j = 0; j < n; j++) if (j === 0 || h[j] !== h[j - 1]) h[m++] = h[j];
    return h.slice(0, m);
  }

  private finding(e: number, f: number, text: (s: string) => string): Finding {
    const [, violation, incident] = this.keyString(e).split('\u0000').map(text);
    return {
      act: text(this.idString(e)),
      rule: DUPLICATE_FINE,
      fault: 'penalty.04',
      basis: '行政处罚法第二十九条',
      detail: `与${text(this.idString(f))}（${fromDayNumber(this.decided[f])}作出）对同一当事人的同一违法行为（${violation}，发生于${incident}）重复罚款`,
    };
  }

  /**
   * As FineIndex.split: the groups other workers also hold (by hash) as index data to merge; the
   * findings of all other groups, final here.
   */
  split(
    shared: Float64Array,
    text: (s: string) => string = (s) => s,
  ): { shared: FineIndexData; findings: Finding[] } {
    const set = new Set(shared);
    const out: FineIndexData = { first: new Map(), later: [] };
    const findings: Finding[] = [];
    const ref = (e: number) => ({ id: this.idString(e), decided: fromDayNumber(this.decided[e]) });
    for (let s = 0; s < this.slots.length; s++) {
      const f = this.slots[s] - 1;
      if (f >= 0 && set.has(this.hashOf(f))) out.first.set(this.keyString(f), ref(f));
    }
    for (const e of this.later) {
      const f = this.firstOf(e);
      if (set.has(this.hashOf(f))) out.later.push({ key: this.keyString(e), ref: ref(e) });
      else findings.push(this.finding(e, f, text));
    }
    return { shared: out, findings };
  }

  /** All duplicate-fine findings (a scan in one thread). */
  findings(text: (s: string) => string = (s) => s): Finding[] {
    return this.later.map((e) => this.finding(e, this.firstOf(e), text));
  }
}
