// Benchmark of the store side of full-process supervision (issue 5): generated acts (JSON Lines in
// bench/out/, the same file as bench/scan.ts) imported through the real import path (importActs on
// the file, as `wenze import acts` runs it) on PostgreSQL (fresh databases, dropped afterwards) and
// on embedded PGlite. Each import is timed end to end: from opening the file to the commit.
//   1. `--no-detect` into an empty database: read, check, COPY (what the import target is about);
//   2. the set-based detection over every act, first run (creating the findings and their leads)
//      and re-run (nothing new: what the nightly scan costs), the findings checked against the
//      generator's ground truth; then a re-import of the same file (nothing changes);
//   3. the import as it runs by default, into a second empty database: the same, then the detection
//      rules over the new acts (findings and leads) inside the same transaction.
// Prints a table and one JSON line. PostgreSQL: fresh databases on postgres://postgres@127.0.0.1:5432
// (--pg-url or WENZE_BENCH_PG_URL), dropped afterwards (WENZE_BENCH_KEEP=1 keeps them). PGlite: data
// directories under bench/out, removed afterwards.
//
//   node --import tsx bench/store.ts [--count N] [--pglite-count N] [--pg-url URL]
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { generateActChunks } from '../src/core/acts/generate.js';
import { jsonlFile } from '../src/store/acts-formats.js';
import { importActs } from '../src/store/acts-import.js';
import { type Database, openDatabase } from '../src/store/db.js';
import { loadDemo } from '../src/store/demo.js';
import { detectAll } from '../src/store/detect-sql.js';
import { migrateToLatest } from '../src/store/migrate.js';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench/out');
// The same data as bench/scan.ts: one generated file serves both benchmarks.
const AS_OF = '2025-12-31';
const SEED = 20_240_101;
const FAULT_RATE = 0.05;
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function log(s: string): void {
  process.stderr.write(`[store] ${s}\n`);
}

function ensureData(count: number): { file: string; truth: string } {
  mkdirSync(out, { recursive: true });
  const file = join(out, `acts-${count}.jsonl`);
  const truth = join(out, `acts-${count}.truth.jsonl`);
  if (existsSync(file) && existsSync(truth)) return { file, truth };
  log(`generating ${count} acts → ${file}`);
  const fa = openSync(file, 'w');
  const ft = openSync(truth, 'w');
  for (const c of generateActChunks({ count, seed: SEED, faultRate: FAULT_RATE, asOf: AS_OF })) {
    let text = '';
    for (const a of c.acts) text += `${JSON.stringify(a)}\n`;
    writeSync(fa, text);
    for (const t of c.truth) writeSync(ft, `${JSON.stringify(t)}\n`);
  }
  closeSync(fa);
  closeSync(ft);
  return { file, truth };
}

interface Run {
  driver: 'postgres' | 'pglite';
  acts: number;
  /** The import with --no-detect, end to end (file opened to commit). */
  importMs: number;
  importActsPerSecond: number;
  phases: { copy: number; merge: number };
  /** The import as it runs by default (with the detection over the new acts), end to end. */
  importDefault: ImportDefault | { error: string };
  vacuumMs: number;
  reimportMs: number;
  scanFirstMs: number;
  scanMs: number;
  /** Milliseconds of the first run and the re-run: the eleven rule statements, syncing findings, leads. */
  scanFirstPhases: { rules: number; sync: number; leads: number };
  scanPhases: { rules: number; sync: number; leads: number };
  findings: number;
  leads: number;
  truth: number;
  recall: number;
  precision: number;
}

interface ImportDefault {
  ms: number;
  actsPerSecond: number;
  /** Reading, checking and COPY; the merge; the detection (findings and leads of the new acts). */
  phases: { copy: number; merge: number; detect: number };
  findings: number;
  leads: number;
}

/** One import of the file into a database just migrated and given the demo data, timed end to end. */
async function timedImport(database: Database, file: string, detect: boolean) {
  await migrateToLatest(database);
  await loadDemo(database, AS_OF);
  let last = 0;
  const t = performance.now();
  const result = await importActs(database, await jsonlFile(file), {
    detect,
    asOf: AS_OF,
    onProgress: (n) => {
      if (n - last >= 200_000) {
        last = n;
        log(`${database.kind}: ${n} acts read`);
      }
    },
  });
  const ms = Math.round(performance.now() - t);
  log(
    `${database.kind}: imported ${result.inserted}${detect ? ' with detection' : ''} in ${ms} ms (${JSON.stringify(result.phases)})`,
  );
  return { result, ms };
}

/** The import as `wenze import acts` runs it by default (detection included), into an empty database. */
async function measureDefault(database: Database, file: string): Promise<ImportDefault> {
  const { result, ms } = await timedImport(database, file, true);
  return {
    ms,
    actsPerSecond: Math.round(result.inserted / (ms / 1000)),
    phases: result.phases,
    findings: result.detection?.findings ?? 0,
    leads: result.detection?.leads ?? 0,
  };
}

async function measure(
  database: Database,
  file: string,
  truthFile: string,
  count: number,
): Promise<Omit<Run, 'importDefault'>> {
  const { result: imported, ms: importMs } = await timedImport(database, file, false);
  let t = performance.now();
  await sql`vacuum analyze acts`.execute(database.raw);
  const vacuumMs = performance.now() - t;
  const first = await detectAll(database, { asOf: AS_OF });
  log(
    `${database.kind}: first scan ${first.ms} ms, ${first.findings} findings, ${first.leads} leads ${JSON.stringify(first.phases)}`,
  );
  const again = await detectAll(database, { asOf: AS_OF });
  log(`${database.kind}: re-scan ${again.ms} ms ${JSON.stringify(again.phases)}`);
  t = performance.now();
  const re = await importActs(database, await jsonlFile(file), { detect: true, asOf: AS_OF });
  const reimportMs = performance.now() - t;
  log(`${database.kind}: re-import ${reimportMs.toFixed(0)} ms (${re.unchanged} unchanged)`);
  const truth = readFileSync(truthFile, 'utf8')
    .split('\n')
    .filter((l) => l)
    .map((l) => JSON.parse(l) as { act: string; rule: string });
  const rows = (await database.raw.selectFrom('findings').select(['act_id', 'rule']).execute()) as {
    act_id: string;
    rule: string;
  }[];
  const found = new Set(rows.map((r) => `${r.act_id} ${r.rule}`));
  const expected = new Set(truth.map((r) => `${r.act} ${r.rule}`));
  let hits = 0;
  for (const k of expected) if (found.has(k)) hits++;
  const phases = (p: typeof first.phases) => ({
    rules: Object.values(p.rules).reduce((a, b) => a + (b ?? 0), 0),
    sync: p.sync,
    leads: p.leads,
  });
  return {
    driver: database.kind,
    acts: count,
    importMs,
    importActsPerSecond: Math.round(imported.inserted / (importMs / 1000)),
    phases: { copy: imported.phases.copy, merge: imported.phases.merge },
    vacuumMs: Math.round(vacuumMs),
    reimportMs: Math.round(reimportMs),
    scanFirstMs: first.ms,
    scanMs: again.ms,
    scanFirstPhases: phases(first.phases),
    scanPhases: phases(again.phases),
    findings: first.findings,
    leads: first.leads,
    truth: expected.size,
    recall: expected.size ? hits / expected.size : 1,
    precision: found.size ? hits / found.size : 1,
  };
}

/** Run `fn` on a fresh PostgreSQL database, dropped afterwards. */
async function withPostgres<T>(url: string, fn: (database: Database) => Promise<T>): Promise<T> {
  const name = `wenze_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openDatabase({ url: u.toString() });
  try {
    return await fn(database);
  } finally {
    await database.close();
    if (process.env.WENZE_BENCH_KEEP) log(`kept database ${name}`);
    else {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    }
  }
}

/** Run `fn` on a fresh PGlite data directory, removed afterwards. */
async function withPglite<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const dir = join(out, `pglite-bench-${randomBytes(4).toString('hex')}`);
  const database = await openDatabase({ dataDir: dir });
  try {
    return await fn(database);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function defaultImport(open: <T>(fn: (d: Database) => Promise<T>) => Promise<T>, file: string) {
  try {
    return await open((d) => measureDefault(d, file));
  } catch (e) {
    log(`default import: ${(e as Error).message}`);
    return { error: (e as Error).message };
  }
}

async function onPostgres(url: string, file: string, truth: string, count: number): Promise<Run> {
  const run = await withPostgres(url, (d) => measure(d, file, truth, count));
  return { ...run, importDefault: await defaultImport((fn) => withPostgres(url, fn), file) };
}

async function onPglite(file: string, truth: string, count: number): Promise<Run> {
  const run = await withPglite((d) => measure(d, file, truth, count));
  return { ...run, importDefault: await defaultImport(withPglite, file) };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

export async function run(
  opts: { count?: number; pgliteCount?: number; pgUrl?: string } = {},
): Promise<Record<string, unknown>> {
  const count = opts.count ?? Number(arg('--count') ?? 1_000_000);
  const pgliteCount = Math.min(count, opts.pgliteCount ?? Number(arg('--pglite-count') ?? count));
  const url = opts.pgUrl ?? arg('--pg-url') ?? process.env.WENZE_BENCH_PG_URL ?? DEFAULT_PG_URL;
  const { file, truth } = ensureData(count);
  const result: Record<string, unknown> = {
    acts: count,
    targets: { importActsPerSecond: 50_000, scanMs: 2000 },
  };
  try {
    result.postgres = await onPostgres(url, file, truth, count);
  } catch (e) {
    result.postgres = { error: (e as Error).message };
    log(`PostgreSQL: ${(e as Error).message}`);
  }
  // The generator streams deterministically: the smaller file holds the first acts of the larger.
  const part = pgliteCount === count ? { file, truth } : ensureData(pgliteCount);
  result.pglite = await onPglite(part.file, part.truth, pgliteCount);
  if (pgliteCount < count) {
    result.pgliteNote = `PGlite measured on the first ${pgliteCount} acts (--pglite-count)`;
  }
  return result;
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function printTable(r: Record<string, unknown>): void {
  const rows: [string, string, string][] = [['', 'PostgreSQL', 'PGlite']];
  const p = r.postgres as Run | { error: string };
  const l = r.pglite as Run;
  const cell = (x: Run | { error: string }, f: (x: Run) => string) => ('error' in x ? x.error : f(x));
  rows.push(['acts', cell(p, (x) => fmt(x.acts)), fmt(l.acts)]);
  rows.push([
    'import --no-detect (read, check, COPY)',
    cell(p, (x) => `${(x.importMs / 1000).toFixed(1)} s = ${fmt(x.importActsPerSecond)} acts/s`),
    `${(l.importMs / 1000).toFixed(1)} s = ${fmt(l.importActsPerSecond)} acts/s`,
  ]);
  rows.push([
    '  of which COPY / merge',
    cell(p, (x) => `${fmt(x.phases.copy)} / ${fmt(x.phases.merge)} ms`),
    `${fmt(l.phases.copy)} / ${fmt(l.phases.merge)} ms`,
  ]);
  const byDefault = (x: Run) =>
    'error' in x.importDefault
      ? x.importDefault.error
      : `${(x.importDefault.ms / 1000).toFixed(1)} s = ${fmt(x.importDefault.actsPerSecond)} acts/s (${fmt(x.importDefault.findings)} findings)`;
  const byDefaultPhases = (x: Run) =>
    'error' in x.importDefault
      ? ''
      : `${fmt(x.importDefault.phases.copy)} / ${fmt(x.importDefault.phases.merge)} / ${fmt(x.importDefault.phases.detect)} ms`;
  rows.push(['import as by default (+ detection)', cell(p, byDefault), byDefault(l)]);
  rows.push(['  of which COPY / merge / detection', cell(p, byDefaultPhases), byDefaultPhases(l)]);
  rows.push(['vacuum analyze', cell(p, (x) => `${fmt(x.vacuumMs)} ms`), `${fmt(l.vacuumMs)} ms`]);
  rows.push([
    'full scan, first (findings + leads)',
    cell(p, (x) => `${fmt(x.scanFirstMs)} ms (${fmt(x.findings)} findings, ${fmt(x.leads)} leads)`),
    `${fmt(l.scanFirstMs)} ms (${fmt(l.findings)} findings, ${fmt(l.leads)} leads)`,
  ]);
  const ph = (x: { rules: number; sync: number; leads: number }) =>
    `rules ${fmt(x.rules)} + findings ${fmt(x.sync)} + leads ${fmt(x.leads)} ms`;
  rows.push(['  of which', cell(p, (x) => ph(x.scanFirstPhases)), ph(l.scanFirstPhases)]);
  rows.push(['full scan, re-run (nightly)', cell(p, (x) => `${fmt(x.scanMs)} ms`), `${fmt(l.scanMs)} ms`]);
  rows.push(['  of which', cell(p, (x) => ph(x.scanPhases)), ph(l.scanPhases)]);
  rows.push([
    're-import, nothing changed',
    cell(p, (x) => `${fmt(x.reimportMs)} ms`),
    `${fmt(l.reimportMs)} ms`,
  ]);
  rows.push([
    'ground truth recall / precision',
    cell(p, (x) => `${(x.recall * 100).toFixed(2)} % / ${(x.precision * 100).toFixed(2)} %`),
    `${(l.recall * 100).toFixed(2)} % / ${(l.precision * 100).toFixed(2)} %`,
  ]);
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  for (const [a, b, c] of rows) process.stdout.write(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}\n`);
  if (r.pgliteNote) process.stdout.write(`${r.pgliteNote}\n`);
  process.stdout.write(
    'imports: end to end (file opened to commit), into an empty database; "--no-detect" reads, checks\n' +
      'and COPYs; "as by default" (what `wenze import acts FILE` runs) also runs the detection rules over\n' +
      'the new acts, creating their findings and leads, in the same transaction\n',
  );
  process.stdout.write('targets: import ≥ 50,000 acts/s on PostgreSQL, full scan ≤ 2 s on PostgreSQL\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  printTable(r);
  process.stdout.write(`${JSON.stringify({ store: r })}\n`);
}
