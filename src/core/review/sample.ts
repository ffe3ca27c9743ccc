// Drawing the files of a case-file review campaign (案卷评查抽样): stratified by agency, each agency's
// share proportional to its eligible files (largest remainder, ties to the larger agency, then by
// code), at least one file from every agency that has one when the size allows it (克什克腾旗: "1–4
// per department by caseload", PRACTICE.md (d)), random within each agency from a recorded seed — the
// same seed and the same files always draw the same sample, whatever the order of the input. Eligible
// by default: licensing and penalty acts decided in the period. `wenze review sample` draws from an
// exchange file; the console draws the same way from the database.
import { ACT_KINDS, type ActKind } from '../acts/codes.js';
import { isDateString } from '../calendar/day-number.js';
import { createRng } from '../random.js';
import { type FieldError, ValidationError } from '../validation.js';

export const DEFAULT_SAMPLE_KINDS: readonly ActKind[] = ['licensing', 'penalty'];

/** What sampling reads of an act (an exchange-format act has these fields). */
export interface SampleCandidate {
  id: string;
  agency: string;
  kind: ActKind;
  dates: { decided?: string | null };
}

export interface SampleCriteria {
  /** Decision date from and to, inclusive ('YYYY-MM-DD'); null or absent: open. */
  from?: string | null;
  to?: string | null;
  /** Act kinds that are eligible (default licensing and penalty). */
  kinds?: readonly ActKind[];
}

export interface SampleOptions extends SampleCriteria {
  size: number;
  /** Recorded with the sample; a string is hashed, so any text will do. */
  seed: string | number;
}

export interface SampleStratum {
  agency: string;
  eligible: number;
  drawn: number;
}

export interface Sample {
  seed: string;
  size: number;
  strata: SampleStratum[];
  /** Drawn act ids, by agency, each agency's in id order. */
  acts: string[];
}

/** Options checked: ValidationError naming the field (`size`, `from`, `kinds[1]` …). */
export function checkSampleOptions(o: SampleOptions): void {
  const fields: FieldError[] = [];
  if (!Number.isSafeInteger(o.size) || o.size < 1)
    fields.push({ path: 'size', message: '抽取数量须为正整数' });
  if (String(o.seed).length === 0) fields.push({ path: 'seed', message: '须给出随机种子' });
  for (const k of ['from', 'to'] as const) {
    const d = o[k];
    if (d != null && !isDateString(d)) fields.push({ path: k, message: '日期格式应为 YYYY-MM-DD' });
  }
  if (o.from != null && o.to != null && isDateString(o.from) && isDateString(o.to) && o.from > o.to) {
    fields.push({ path: 'to', message: '截止日期早于起始日期' });
  }
  const kinds = o.kinds ?? DEFAULT_SAMPLE_KINDS;
  if (kinds.length === 0) fields.push({ path: 'kinds', message: '至少选择一类执法行为' });
  kinds.forEach((k, i) => {
    if (!(ACT_KINDS as readonly string[]).includes(k)) {
      fields.push({ path: `kinds[${i}]`, message: `未知的执法行为类别，可选：${ACT_KINDS.join('、')}` });
    }
  });
  if (fields.length > 0) throw new ValidationError('抽样参数无效', fields);
}

/** Eligible for review: of an eligible kind, decided, the decision date within [from, to]. */
export function isEligible(act: SampleCandidate, criteria: SampleCriteria = {}): boolean {
  const kinds = criteria.kinds ?? DEFAULT_SAMPLE_KINDS;
  const decided = act.dates.decided;
  if (!kinds.includes(act.kind) || decided == null) return false;
  if (criteria.from != null && decided < criteria.from) return false;
  if (criteria.to != null && decided > criteria.to) return false;
  return true;
}

/** A 32-bit seed from any text (FNV-1a over UTF-8, then murmur3's finaliser to spread the bits). */
export function seedNumber(seed: string | number): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(String(seed))) {
    h ^= byte;
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * How many of `size` files each stratum gets: proportional quotas `size × eligible / total` rounded
 * by largest remainder (ties: more eligible files first, then earlier stratum), then, when `size` is at
 * least the number of strata, one file for every stratum left with none, taken from the stratum most
 * above its quota. Never more than a stratum's eligible files; the sum is min(size, total).
 */
export function allocate(eligible: readonly number[], size: number): number[] {
  const total = eligible.reduce((s, e) => s + e, 0);
  const n = Math.min(size, total);
  if (n === 0) return eligible.map(() => 0);
  const quota = eligible.map((e) => (n * e) / total);
  const out = quota.map((q) => Math.floor(q));
  const byRemainder = eligible
    .map((_, i) => i)
    .sort((a, b) => quota[b]! - out[b]! - (quota[a]! - out[a]!) || eligible[b]! - eligible[a]! || a - b);
  let left = n - out.reduce((s, x) => s + x, 0);
  for (const i of byRemainder) {
    if (left === 0) break;
    out[i]! += 1;
    left -= 1;
  }
  const strata = eligible.filter((e) => e > 0).length;
  if (n >= strata) {
    eligible.forEach((e, i) => {
      if (e === 0 || out[i]! > 0) return;
      // Pigeonhole: n ≥ strata and this one is empty, so some stratum has two or more.
      let donor = -1;
      out.forEach((x, j) => {
        if (x >= 2 && (donor < 0 || x - quota[j]! > out[donor]! - quota[donor]!)) donor = j;
      });
      out[donor]! -= 1;
      out[i] = 1;
    });
  }
  return out;
}

/** Draw a sample. Throws a ValidationError on bad options or a repeated act id (`acts[i].id`). */
export function sampleActs(acts: Iterable<SampleCandidate>, options: SampleOptions): Sample {
  checkSampleOptions(options);
  const byAgency = new Map<string, string[]>();
  const seen = new Set<string>();
  let i = 0;
  for (const act of acts) {
    if (seen.has(act.id)) {
      throw new ValidationError('执法行为编号重复', [
        { path: `acts[${i}].id`, message: `编号 ${act.id} 重复` },
      ]);
    }
    seen.add(act.id);
    i += 1;
    if (!isEligible(act, options)) continue;
    const list = byAgency.get(act.agency);
    if (list) list.push(act.id);
    else byAgency.set(act.agency, [act.id]);
  }
  const agencies = [...byAgency.keys()].sort(compare);
  const pools = agencies.map((a) => byAgency.get(a)!.sort(compare));
  const counts = allocate(
    pools.map((p) => p.length),
    options.size,
  );
  const rng = createRng(seedNumber(options.seed));
  const drawn = pools.map((pool, s) => {
    // Partial Fisher–Yates over a copy: the first `counts[s]` places are the draw.
    const ids = pool.slice();
    for (let k = 0; k < counts[s]!; k++) {
      const j = rng.int(k, ids.length - 1);
      [ids[k], ids[j]] = [ids[j]!, ids[k]!];
    }
    return ids.slice(0, counts[s]).sort(compare);
  });
  return {
    seed: String(options.seed),
    size: options.size,
    strata: agencies.map((agency, s) => ({ agency, eligible: pools[s]!.length, drawn: counts[s]! })),
    acts: drawn.flat(),
  };
}

// Code-unit order, the same on every machine and locale.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
