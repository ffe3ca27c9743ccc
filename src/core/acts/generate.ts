// The act generator: realistic enforcement acts of the demo city's agencies and officers, dated
// over the three years up to `asOf` on the working-day calendar, with faults injected at a set
// rate. Every injected fault is recorded in the ground truth ({ act, rule, fault }); an act without
// one is built to trigger no rule (certificates valid on the act date, periods kept, fine keys
// unique), so a correct scan finds exactly the ground truth. Streams in chunks.
import { demoAgencies, demoOfficers } from '../../demo/city.js';
import { type Calendar, defaultCalendar } from '../calendar/calendar.js';
import { toDayNumber } from '../calendar/day-number.js';
import { discretionStandard } from '../detect/discretion.js';
import { fineKey } from '../detect/duplicate-fine.js';
import { FineSeries } from '../detect/fine-outlier.js';
import type { RuleName } from '../detect/rule.js';
import { createRng, type Rng } from '../random.js';
import { DEFAULT_DISCRETION } from '../rulebook/packs/discretion.js';
import { ValidationError } from '../validation.js';
import { cleanAct, compactAct, day, type GenContext, uniqueFine } from './generate-clean.js';
import { detailsWriter } from './generate-details.js';
import { disclosurePlanter } from './generate-disclosure.js';
import { FAULT_RULES, type Fault, injectFault, outsideDutyPlanter } from './generate-faults.js';
import { certificatesByAgency, mattersByKind } from './generate-parts.js';
import type { Act, ActKind } from './schema.js';

export interface GenerateOptions {
  count: number;
  seed: number;
  /** Share of acts with an injected fault, 0–1 (default 0.05). */
  faultRate?: number;
  /** The day the data is "as of": no date after it (default 2025-12-31). */
  asOf?: string;
  /** Acts per chunk when streaming (default 10,000). */
  chunkSize?: number;
  calendar?: Calendar;
}

export interface TruthEntry {
  act: string;
  rule: RuleName;
  fault: string | null;
}

export interface GeneratedChunk {
  acts: Act[];
  truth: TruthEntry[];
}

export const DEFAULT_AS_OF = '2025-12-31';
export const DEFAULT_FAULT_RATE = 0.05;

/** Kinds of clean acts and their shares. */
const KIND_SHARES: [ActKind, number][] = [
  ['penalty', 0.4],
  ['inspection', 0.3],
  ['licensing', 0.2],
  ['coercion', 0.04],
  ['levy', 0.03],
  ['other', 0.03],
];

function pickKind(rng: Rng): ActKind {
  let r = rng.next();
  for (const [kind, share] of KIND_SHARES) {
    r -= share;
    if (r < 0) return kind;
  }
  return 'penalty';
}

/** Remember a clean decided fine so that a later duplicate-fine fault can repeat it. */
function rememberOriginal(g: GenContext, act: Act): void {
  if (fineKey(act) === null || day(act.dates.decided as string) > g.asOfDay - 100) return;
  if (g.originals.length < 256) g.originals.push(act);
  else g.originals[g.rng.int(0, 255)] = act;
}

function checkOptions(o: GenerateOptions): { count: number; faultRate: number; asOf: string } {
  const fields = [];
  if (!Number.isInteger(o.count) || o.count < 0) fields.push({ path: 'count', message: '须为非负整数' });
  if (!Number.isInteger(o.seed)) fields.push({ path: 'seed', message: '须为整数' });
  const faultRate = o.faultRate ?? DEFAULT_FAULT_RATE;
  if (!(faultRate >= 0 && faultRate <= 1)) fields.push({ path: 'faultRate', message: '须在 0 到 1 之间' });
  const asOf = o.asOf ?? DEFAULT_AS_OF;
  const asOfDay = toDayNumber(asOf);
  if (Number.isNaN(asOfDay) || asOf < '2004-01-01') {
    fields.push({ path: 'asOf', message: '须为 2004 年以后的 YYYY-MM-DD 日期' });
  }
  if (fields.length > 0) throw new ValidationError('生成参数无效', fields);
  return { count: o.count, faultRate, asOf };
}

/** Acts and their ground truth, a chunk at a time. */
export function* generateActChunks(opts: GenerateOptions): Generator<GeneratedChunk> {
  const { count, faultRate, asOf } = checkOptions(opts);
  const asOfDay = toDayNumber(asOf);
  const g: GenContext = {
    rng: createRng(opts.seed),
    cal: opts.calendar ?? defaultCalendar(),
    asOfDay,
    fromDay: toDayNumber(`${Number(asOf.slice(0, 4)) - 2}-01-01`),
    certs: certificatesByAgency(demoOfficers(asOf)),
    byKind: mattersByKind(demoAgencies),
    fineKeys: new Set(),
    originals: [],
    discretion: discretionStandard(DEFAULT_DISCRETION),
    index: 0,
  };
  const plantOutsideDuty = outsideDutyPlanter(opts.seed, faultRate);
  const plantDisclosure = disclosurePlanter(opts.seed, faultRate, FAULT_RULES.length);
  const writeDetails = detailsWriter(opts.seed);
  const chunkSize = opts.chunkSize ?? 10_000;
  // fine-outlier is a property of all fines together: its truth is known at the end, and goes with
  // the last chunk (so one chunk is held back).
  const series = new FineSeries();
  let held: GeneratedChunk | null = null;
  let chunk: GeneratedChunk = { acts: [], truth: [] };
  for (; g.index < count; g.index++) {
    let fault: Fault | null = null;
    let act: Act;
    if (g.rng.chance(faultRate)) {
      fault = injectFault(g, g.rng.pick(FAULT_RULES));
      act = fault.act;
      if (fault.rule !== 'fine-outlier')
        chunk.truth.push({ act: act.id, rule: fault.rule, fault: fault.fault });
    } else {
      act = cleanAct(g, pickKind(g.rng));
      uniqueFine(g, act);
      rememberOriginal(g, act);
    }
    series.add(act);
    const out = compactAct(act);
    let planted: Fault | null = null;
    if (fault === null) {
      planted = plantOutsideDuty(out);
      if (planted) chunk.truth.push({ act: out.id, rule: planted.rule, fault: planted.fault });
    }
    const late = plantDisclosure(g, out, fault === null && planted === null);
    if (late) chunk.truth.push({ act: out.id, rule: late.rule, fault: late.fault });
    writeDetails(out);
    chunk.acts.push(out);
    if (chunk.acts.length >= chunkSize) {
      if (held) yield held;
      held = chunk;
      chunk = { acts: [], truth: [] };
    }
  }
  const last = chunk.acts.length > 0 ? chunk : held;
  if (last) {
    for (const f of series.findings()) last.truth.push({ act: f.act, rule: f.rule, fault: f.fault });
  }
  if (held) yield held;
  if (chunk.acts.length > 0) yield chunk;
}

/** All acts and the ground truth at once (for tests and small data sets). */
export function generateActs(opts: GenerateOptions): GeneratedChunk {
  const out: GeneratedChunk = { acts: [], truth: [] };
  for (const c of generateActChunks(opts)) {
    for (const a of c.acts) out.acts.push(a);
    for (const t of c.truth) out.truth.push(t);
  }
  return out;
}
