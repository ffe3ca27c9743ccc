// 行政处罚法第二十九条：对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚。
// Catalogue penalty.04: 对当事人的同一违法行为重复罚款的.
//
// A cross-act rule. Fine decisions are grouped by (party, violation, incident date); in each group
// the earliest decision (by decision date, then act id) is the lawful one and every other is a
// finding that names it. SQL twin: among fine decisions,
//   row_number() over (partition by party_id, violation, incident_date order by decided, id) > 1,
// naming first_value(id) of the partition. Streaming: an index of key → earliest decision so far,
// and the decisions that lost; partial indexes (one per worker) merge into the same result in any
// order. Workers need not ship whole indexes: they exchange 53-bit hashes of their keys, and only
// the keys seen by more than one worker (`split`) are merged exactly.
import type { Act } from '../acts/schema.js';
import type { Finding, RuleName } from './rule.js';

export const DUPLICATE_FINE: RuleName = 'duplicate-fine';
const SEP = '\u0000';

export interface FineRef {
  id: string;
  decided: string;
}

/** A decision to fine: a penalty with a positive fine, decided, naming party, violation and incident date. */
export function fineKey(act: Act): string | null {
  if (act.kind !== 'penalty') return null;
  const fine = act.fine;
  if (fine == null || fine <= 0) return null;
  const decided = act.dates.decided;
  const party = act.party?.id;
  const violation = act.violation;
  const incident = act.incidentDate;
  if (!decided || !party || !violation || !incident) return null;
  return fineKeyOf(party, violation, incident);
}

/** The duplicate-fine key of a party, violation and incident date. */
export function fineKeyOf(party: string, violation: string, incidentDate: string): string {
  return party + SEP + violation + SEP + incidentDate;
}

function earlier(a: FineRef, b: FineRef): boolean {
  return a.decided < b.decided || (a.decided === b.decided && a.id < b.id);
}

/** What a partial index sends back from a worker (structured-clone friendly). */
export interface FineIndexData {
  first: Map<string, FineRef>;
  later: { key: string; ref: FineRef }[];
}

/** A 53-bit hash of a key (two 32-bit multiplicative hashes); equal keys, equal hashes. */
export function keyHash(s: string): number {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 13;
  }
  return (h1 >>> 0) * 0x200000 + ((h2 >>> 0) & 0x1fffff);
}

/** Hashes present in at least two of the (sorted, distinct) arrays. */
export function sharedHashes(arrays: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(arrays.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrays) {
    all.set(a, at);
    at += a.length;
  }
  all.sort();
  const out: number[] = [];
  for (let i = 1; i < all.length; i++)
    if (all[i] === all[i - 1] && out[out.length - 1] !== all[i]) out.push(all[i]);
  return Float64Array.from(out);
}

export class FineIndex implements FineIndexData {
  readonly first = new Map<string, FineRef>();
  readonly later: { key: string; ref: FineRef }[] = [];

  add(act: Act): void {
    const key = fineKey(act);
    if (key !== null) this.addRef(key, { id: act.id, decided: act.dates.decided as string });
  }

  addRef(key: string, ref: FineRef): void {
    const seen = this.first.get(key);
    if (seen === undefined) this.first.set(key, ref);
    else if (earlier(ref, seen)) {
      this.first.set(key, ref);
      this.later.push({ key, ref: seen });
    } else this.later.push({ key, ref });
  }

  merge(other: FineIndexData): void {
    for (const [key, ref] of other.first) this.addRef(key, ref);
    for (const l of other.later) this.later.push(l);
  }

  /** The sorted, distinct hashes of the keys in this index. */
  hashes(): Float64Array {
    const h = new Float64Array(this.first.size);
    let i = 0;
    for (const key of this.first.keys()) h[i++] = keyHash(key);
    h.sort();
    let n = 0;
    for (let j = 0; j < h.length; j++) if (j === 0 || h[j] !== h[j - 1]) h[n++] = h[j];
    return h.slice(0, n);
  }

  /**
   * Split by the keys other partial indexes also hold (given as hashes): those go to the merge,
   * the findings of all other keys are final here already.
   */
  split(shared: Float64Array, text?: (s: string) => string): { shared: FineIndexData; findings: Finding[] } {
    const set = new Set(shared);
    const mine = new FineIndex();
    const out: FineIndexData = { first: new Map(), later: [] };
    for (const [key, ref] of this.first) (set.has(keyHash(key)) ? out.first : mine.first).set(key, ref);
    for (const l of this.later) (out.first.has(l.key) ? out.later : mine.later).push(l);
    return { shared: out, findings: mine.findings(text) };
  }

  /** One finding per fine decision that repeats an earlier one. */
  findings(text: (s: string) => string = (s) => s): Finding[] {
    return this.later.map(({ key, ref }) => {
      const first = this.first.get(key) as FineRef;
      const [, violation, incident] = key.split(SEP).map(text);
      return {
        act: text(ref.id),
        rule: DUPLICATE_FINE,
        fault: 'penalty.04',
        basis: '行政处罚法第二十九条',
        detail: `与${text(first.id)}（${first.decided}作出）对同一当事人的同一违法行为（${violation}，发生于${incident}）重复罚款`,
      };
    });
  }
}
