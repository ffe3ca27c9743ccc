// 行政处罚法第五条第二款：设定和实施行政处罚必须以事实为依据，与违法行为的事实、性质、情节以及社会危害
// 程度相当。
// Catalogue penalty.11: 实施行政处罚显失公正的. A statistical signal for review, not a fault: an
// unusual fine may have reasons the data does not show (Zhejiang's online supervision models do the
// same).
//
// A cross-act rule. Fines (penalties with fine > 0, decided, with a violation code) are grouped by
// agency and violation. For a fine decided in month M, the window is the group's fines decided in
// the twelve calendar months before M (M-12 … M-1). With at least 20 fines in the window, with
// quartiles Q1 and Q3 (linear interpolation, PostgreSQL's percentile_cont) and IQR = Q3 - Q1, the
// fine is a finding when below Q1 - 1.5 × IQR or above Q3 + 1.5 × IQR.
//
// Streaming: every fine is kept as (group, month, fine, id) in flat arrays, the group as the number
// of its name (names are interned, so a worker ships each name once, not once per fine); partial
// series (one per worker) concatenate, their group numbers mapped; the findings are computed once
// at the end, month by month per group.
import type { Act } from '../acts/schema.js';
import type { Finding, RuleName } from './rule.js';

export const FINE_OUTLIER: RuleName = 'fine-outlier';
export const OUTLIER_MIN_FINES = 20;
export const OUTLIER_MONTHS = 12;
export const OUTLIER_IQR = 1.5;
const SEP = '\u0000';

/** What a partial series sends back from a worker (structured-clone friendly). */
export interface FineSeriesData {
  /** Group names (agency NUL violation), numbered by position. */
  names: string[];
  /** Each fine's group number. */
  groups: number[];
  months: number[];
  fines: number[];
  ids: string[];
}

/** Month index of a 'YYYY-MM-DD' date: year × 12 + month − 1. */
export function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function monthText(m: number): string {
  return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/** The outlier group of an act (agency and violation), or null when the act is not a fine decision. */
export function outlierGroup(act: Act): string | null {
  if (act.kind !== 'penalty' || !act.dates.decided || !act.violation) return null;
  const fine = act.fine;
  if (fine == null || fine <= 0) return null;
  return act.agency + SEP + act.violation;
}

/** The quantile p of sorted values, interpolated as percentile_cont. */
export function quantile(sorted: Float64Array, p: number): number {
  const x = p * (sorted.length - 1);
  const lo = Math.floor(x);
  const hi = Math.ceil(x);
  return lo === hi ? sorted[lo] : sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo);
}

/** The sorted union of two sorted arrays. */
function mergeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < a.length) out[k++] = a[i++];
  while (j < b.length) out[k++] = b[j++];
  return out;
}

/** Sorted a less the sorted values of b (each value of b taken out once; b is a part of a). */
function removeSorted(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length - b.length);
  let j = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (j < b.length && a[i] === b[j]) j++;
    else out[k++] = a[i];
  }
  return out;
}

export class FineSeries implements FineSeriesData {
  names: string[] = [];
  groups: number[] = [];
  months: number[] = [];
  private numbers = new Map<string, number>();
  fines: number[] = [];
  ids: string[] = [];

  add(act: Act): void {
    const g = outlierGroup(act);
    if (g !== null) this.addFine(g, monthIndex(act.dates.decided as string), act.fine as number, act.id);
  }

  addFine(group: string, month: number, fine: number, id: string): void {
    this.addNumbered(this.groupNumber(group), month, fine, id);
  }

  /** The number of a group name (a new one is numbered next). */
  private groupNumber(group: string): number {
    let k = this.numbers.get(group);
    if (k === undefined) {
      k = this.names.length;
      this.numbers.set(group, k);
      this.names.push(group);
    }
    return k;
  }

  private addNumbered(group: number, month: number, fine: number, id: string): void {
    this.groups.push(group);
    this.months.push(month);
    this.fines.push(fine);
    this.ids.push(id);
  }

  get size(): number {
    return this.ids.length;
  }

  merge(o: FineSeriesData): void {
    const to = o.names.map((name) => this.groupNumber(name));
    for (let i = 0; i < o.ids.length; i++)
      this.addNumbered(to[o.groups[i]], o.months[i], o.fines[i], o.ids[i]);
  }

  /** The findings: fines outside 1.5 × IQR of their window. `text` as in FineIndex.findings. */
  findings(text: (s: string) => string = (s) => s): Finding[] {
    const n = this.ids.length;
    const out: Finding[] = [];
    if (n === 0) return out;
    // Order the fines by (group, month) with one numeric sort of packed keys: (group × months
    // spanned + month) × 2^bits + index.
    const names = this.names;
    const gOf = this.groups;
    let minM = Number.POSITIVE_INFINITY;
    let maxM = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) {
      const m = this.months[i];
      if (m < minM) minM = m;
      if (m > maxM) maxM = m;
    }
    const span = maxM - minM + 1;
    const shift = 2 ** Math.ceil(Math.log2(n + 1));
    if (names.length * span * shift >= 2 ** 53) throw new Error('fine-outlier: too many fines to order');
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = (gOf[i] * span + this.months[i] - minM) * shift + i;
    packed.sort();
    const at = new Int32Array(n); // act index, in (group, month) order
    const vals = new Float64Array(n); // its fine
    for (let p = 0; p < n; p++) {
      const i = packed[p] % shift;
      at[p] = i;
      vals[p] = this.fines[i];
    }
    const keyAt = (p: number) => Math.floor(packed[p] / shift);
    for (let p = 0; p < n; ) {
      const group = Math.floor(keyAt(p) / span);
      // The group's months: [starts[k], starts[k + 1]) of `at`, month monthsOf[k]; each sorted.
      const starts: number[] = [];
      const monthsOf: number[] = [];
      let q = p;
      while (q < n && Math.floor(keyAt(q) / span) === group) {
        const key = keyAt(q);
        starts.push(q);
        monthsOf.push((key % span) + minM);
        while (q < n && keyAt(q) === key) q++;
      }
      starts.push(q);
      if (q - p > OUTLIER_MIN_FINES) this.groupFindings(names[group], starts, monthsOf, at, vals, text, out);
      p = q;
    }
    return out;
  }

  /** One group's findings, its window sliding month by month. */
  private groupFindings(
    group: string,
    starts: number[],
    monthsOf: number[],
    at: Int32Array,
    vals: Float64Array,
    text: (s: string) => string,
    out: Finding[],
  ): void {
    const month = (k: number) => vals.subarray(starts[k], starts[k + 1]);
    for (let k = 0; k < monthsOf.length; k++) month(k).sort();
    const violation = text(group.slice(group.indexOf(SEP) + 1));
    // The month before enters, months older than twelve leave.
    let w: Float64Array = new Float64Array(0);
    let from = 0;
    for (let j = 0; j < monthsOf.length; j++) {
      const m = monthsOf[j];
      if (j > 0) w = mergeSorted(w, month(j - 1));
      while (monthsOf[from] < m - OUTLIER_MONTHS) w = removeSorted(w, month(from++));
      const n = w.length;
      if (n < OUTLIER_MIN_FINES) continue;
      const q1 = quantile(w, 0.25);
      const q3 = quantile(w, 0.75);
      const lo = q1 - OUTLIER_IQR * (q3 - q1);
      const hi = q3 + OUTLIER_IQR * (q3 - q1);
      for (let p = starts[j]; p < starts[j + 1]; p++) {
        const i = at[p];
        const fine = this.fines[i];
        if (fine >= lo && fine <= hi) continue;
        out.push({
          act: text(this.ids[i]),
          rule: FINE_OUTLIER,
          fault: 'penalty.11',
          basis: '行政处罚法第五条',
          detail:
            `罚款${fine}元，同一机关同一违法行为（${violation}）前12个月（${monthText(m - OUTLIER_MONTHS)}至` +
            `${monthText(m - 1)}）${n}件罚款的四分位数为${q1}元、${q3}元，超出1.5倍四分位距范围（${lo}至${hi}元）；` +
            '统计信号，供核查，不作为过错认定',
        });
      }
    }
  }
}
