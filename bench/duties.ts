// Benchmark of the duty-list check (issue 13: `duties check` of 100,000 items ≤ 2 s): checkDuties
// on `--items N` synthetic items (default 100,000; 200 regions, overlaps, 协办 items, incomplete
// items and ended versions), over every day and on one day, and with a reference catalogue of 2,000
// matters most regions lack most of (≈255,000 gaps: a worst case for the report's size); and, for
// the whole command, parsing the same items from their rows. Median of `--runs` (default 5). Prints
// a table; `run()` returns the figures.
//
//   node --import tsx bench/duties.ts [--items N] [--runs R]
import { checkDuties } from '../src/core/duties/check.js';
import { DUTY_COLUMN_NAMES } from '../src/core/duties/columns.js';
import { syntheticDutyItems } from '../src/core/duties/fixtures.js';
import { dutyItemCells, parseDutyRows } from '../src/core/duties/item.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function time(runs: number, fn: () => unknown): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    ms.push(performance.now() - t);
  }
  return Math.round(median(ms) * 10) / 10;
}

export async function run(): Promise<Record<string, unknown>> {
  const count = Number(arg('--items') ?? 100_000);
  const runs = Number(arg('--runs') ?? 5);
  const items = syntheticDutyItems({ count, seed: 13 });
  const reference = syntheticDutyItems({ count: 2000, seed: 14, regions: 1 }).map((i) => ({
    ...i,
    role: 'lead' as const,
    effectiveFrom: '2019-01-01',
    effectiveUntil: null,
  }));
  checkDuties(items); // warm up
  const report = checkDuties(items, { reference });
  const checkMs = time(runs, () => checkDuties(items));
  const onMs = time(runs, () => checkDuties(items, { on: '2024-06-01' }));
  const referenceMs = time(runs, () => checkDuties(items, { reference }));
  const rows = items.map((i) => ({ row: i.row, cells: dutyItemCells(i) }));
  const parseMs = time(Math.min(runs, 3), () => parseDutyRows(rows));
  return {
    items: count,
    regions: new Set(items.map((i) => i.region)).size,
    columns: DUTY_COLUMN_NAMES.length,
    overlaps: report.overlaps.length,
    gaps: report.gaps.length,
    incomplete: report.incomplete.length,
    check_ms: checkMs,
    check_on_day_ms: onMs,
    check_with_reference_ms: referenceMs,
    parse_rows_ms: parseMs,
    meets_target: checkMs + parseMs <= 2000,
    node: process.version,
  };
}

export function printTable(r: Record<string, unknown>): void {
  const ms = (n: unknown) => `${Number(n).toLocaleString('en-US')} ms`;
  const rows: [string, string][] = [
    ['checkDuties (every day)', ms(r.check_ms)],
    ['checkDuties --on one day', ms(r.check_on_day_ms)],
    ['checkDuties with a 2,000-matter reference', ms(r.check_with_reference_ms)],
    ['parsing the rows (parseDutyRows)', ms(r.parse_rows_ms)],
    ['found: overlaps / gaps / incomplete', `${r.overlaps} / ${r.gaps} / ${r.incomplete}`],
    ['target (parse + check ≤ 2 s)', r.meets_target ? 'met' : 'NOT met'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(
    `duty-list check, ${Number(r.items).toLocaleString('en-US')} items in ${r.regions} regions (median)\n`,
  );
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const r = await run();
  printTable(r);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
