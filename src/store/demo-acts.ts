// Enforcement acts for the demo city: generated (src/core/acts/generate.ts, faults injected at the
// generator's rate) up to today, imported through the same path as a real file, and scanned — so
// the first start shows findings, the supervision figures and detection leads in the inbox.
import { generateActs } from '../core/acts/generate.js';
import { todayInChina } from '../core/dates.js';
import { type ImportResult, importActs } from './acts-import.js';
import type { Database } from './db.js';

export interface DemoActsOptions {
  /** How many acts (default 3000). */
  count?: number;
  seed?: number;
  /** The day the data runs up to, and the as-of date of the detection (default today). */
  asOf?: string;
}

/** Load generated acts of the demo city (after `loadDemo`) and run the detection rules. */
export async function loadDemoActs(database: Database, opts: DemoActsOptions = {}): Promise<ImportResult> {
  const asOf = opts.asOf ?? todayInChina();
  const { acts } = generateActs({ count: opts.count ?? 3000, seed: opts.seed ?? 20_261_125, asOf });
  return importActs(
    database,
    { batches: [acts.map((value, i) => ({ line: i + 1, value }))] },
    { asOf, detect: true },
  );
}
