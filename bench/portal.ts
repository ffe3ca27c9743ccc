// Benchmark of the public portal's API (issue 15): one million generated acts (the generator, with
// its 双公示 details: party names, document numbers, reasons) imported through the real import path
// (importActs with --no-detect: the decisions are published in the import's transaction) into a
// fresh PostgreSQL database (dropped afterwards), the figures refreshed as the nightly run does, then
// every public page's API call requested through the app (app.inject, no network) `--runs` times
// (default 200) and its p50/p95 printed: the decisions list (no filter, by category, year, agency and
// a later page), a decision, the open data JSON and CSV (a page of 1000, the first and one reached by
// its cursor), the statistics, the annual report and the agencies. Target: p95 < 100 ms each.
//
//   node --import tsx bench/portal.ts [--count N] [--runs R] [--pg-url URL] [--keep-db NAME]
//
// --keep-db NAME: load into (or reuse, when it already has the acts) a database of that name, kept.
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { generateActChunks } from '../src/core/acts/generate.js';
import { buildApp } from '../src/server/app.js';
import { jsonlFile } from '../src/store/acts-formats.js';
import { importActs } from '../src/store/acts-import.js';
import { type Database, openDatabase } from '../src/store/db.js';
import { loadDemo } from '../src/store/demo.js';
import { migrateToLatest } from '../src/store/migrate.js';
import { refreshAllPublicFigures } from '../src/store/public-figures.repository.js';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench/out');
const AS_OF = '2025-12-31';
const SEED = 20_240_101;
const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
const TARGET_P95_MS = 100;

function log(s: string): void {
  process.stderr.write(`[portal] ${s}\n`);
}
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

/** The acts with the generator's 双公示 details (a file of its own: the older one lacks them). */
function ensureData(count: number): string {
  mkdirSync(out, { recursive: true });
  const file = join(out, `acts-portal-${count}.jsonl`);
  if (existsSync(file)) return file;
  log(`generating ${count} acts → ${file}`);
  const fd = openSync(file, 'w');
  for (const c of generateActChunks({ count, seed: SEED, faultRate: 0.05, asOf: AS_OF })) {
    let text = '';
    for (const a of c.acts) text += `${JSON.stringify(a)}\n`;
    writeSync(fd, text);
  }
  closeSync(fd);
  return file;
}

async function adminQuery(url: string, text: string): Promise<unknown[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text)).rows;
  } finally {
    await c.end();
  }
}

interface Timing {
  name: string;
  url: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
  bytes: number;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;

export async function run(opts: { count?: number; runs?: number; pgUrl?: string } = {}) {
  const count = opts.count ?? Number(arg('--count') ?? 1_000_000);
  const runs = opts.runs ?? Number(arg('--runs') ?? 200);
  const url = opts.pgUrl ?? arg('--pg-url') ?? process.env.WENZE_BENCH_PG_URL ?? DEFAULT_PG_URL;
  const keep = arg('--keep-db');
  const name = keep ?? `wenze_bench_${randomBytes(4).toString('hex')}`;
  const exists =
    keep !== undefined &&
    (await adminQuery(url, `select 1 from pg_database where datname = '${name.replace(/'/g, "''")}'`))
      .length > 0;
  if (!exists) await adminQuery(url, `create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database: Database = await openDatabase({ url: u.toString() });
  const result: Record<string, unknown> = { acts: count, driver: 'postgres', targetP95Ms: TARGET_P95_MS };
  try {
    await migrateToLatest(database);
    const have = Number(
      (await sql<{ n: string }>`select count(*) as n from acts`.execute(database.raw)).rows[0]?.n ?? 0,
    );
    if (have < count) {
      const file = ensureData(count);
      if (have === 0) await loadDemo(database, AS_OF);
      let last = 0;
      const t0 = performance.now();
      const imported = await importActs(database, await jsonlFile(file), {
        detect: false,
        asOf: AS_OF,
        onProgress: (n) => {
          if (n - last >= 200_000) {
            last = n;
            log(`${n} acts read`);
          }
        },
      });
      result.importMs = Math.round(performance.now() - t0);
      result.published = imported.publication?.published ?? null;
      log(`imported ${imported.inserted} acts in ${result.importMs} ms`);
      const t1 = performance.now();
      await sql`vacuum analyze`.execute(database.raw);
      result.vacuumMs = Math.round(performance.now() - t1);
    }
    const t2 = performance.now();
    const refreshed = await refreshAllPublicFigures(database.db);
    result.figuresRefreshMs = Math.round(performance.now() - t2);
    result.figuresRows = refreshed.rows;
    log(`figures refreshed in ${result.figuresRefreshMs} ms (${refreshed.rows} rows)`);
    const published = Number(
      (
        await sql<{ n: string }>`select count(*) as n from publications where state = 'published'`.execute(
          database.raw,
        )
      ).rows[0]?.n ?? 0,
    );
    result.publishedDecisions = published;

    const app = await buildApp({
      database,
      webRoot: null,
      rateLimits: { login: 1_000_000, public: 1_000_000 },
      clock: { now: () => new Date('2026-03-01T02:00:00Z') },
    });
    await app.ready();
    try {
      const get = (path: string) => app.inject({ method: 'GET', url: `/api/v1${path}` });
      const first = (await get('/public/decisions?pageSize=20')).json() as { items: { id: string }[] };
      const ids = first.items.map((i) => i.id);
      const agency = '529900-SCJ';
      const page1 = (await get('/public/open-data/decisions.json?pageSize=1000')).json() as {
        next?: string | null;
      };
      const cursor = page1.next ?? null;
      const cases: { name: string; url: (i: number) => string }[] = [
        { name: 'decisions, first page', url: () => '/public/decisions' },
        { name: 'decisions, penalties', url: () => '/public/decisions?category=penalty' },
        { name: 'decisions, a year', url: () => '/public/decisions?year=2024' },
        { name: 'decisions, an agency', url: () => `/public/decisions?agency=${agency}` },
        { name: 'decisions, page 50', url: () => '/public/decisions?page=50' },
        { name: 'a decision', url: (i) => `/public/decisions/${ids[i % ids.length]}` },
        { name: 'open data JSON, 1000', url: () => '/public/open-data/decisions.json?pageSize=1000' },
        { name: 'open data CSV, 1000', url: () => '/public/open-data/decisions.csv?pageSize=1000' },
        ...(cursor
          ? [
              {
                name: 'open data JSON, next (cursor)',
                url: () =>
                  `/public/open-data/decisions.json?pageSize=1000&after=${encodeURIComponent(cursor)}`,
              },
            ]
          : []),
        { name: 'statistics', url: () => '/public/statistics' },
        { name: 'statistics, a year', url: () => '/public/statistics?year=2025' },
        { name: 'statistics CSV', url: () => '/public/open-data/statistics.csv' },
        { name: 'annual report 2025', url: () => '/public/annual-report/2025' },
        { name: 'agencies', url: () => '/public/agencies' },
      ];
      const timings: Timing[] = [];
      for (const c of cases) {
        const times: number[] = [];
        let bytes = 0;
        // Two warm-up requests, then the runs.
        for (let i = -2; i < runs; i++) {
          const t = performance.now();
          const res = await get(c.url(i + 2));
          const ms = performance.now() - t;
          if (res.statusCode !== 200)
            throw new Error(`${c.url(i)}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          if (i >= 0) times.push(ms);
          bytes = res.rawPayload.length;
        }
        times.sort((a, b) => a - b);
        const r2 = (x: number) => Math.round(x * 10) / 10;
        timings.push({
          name: c.name,
          url: c.url(0),
          runs,
          p50: r2(quantile(times, 0.5)),
          p95: r2(quantile(times, 0.95)),
          max: r2(times.at(-1) ?? 0),
          bytes,
        });
        log(`${c.name}: p50 ${r2(quantile(times, 0.5))} ms, p95 ${r2(quantile(times, 0.95))} ms`);
      }
      // A search over the whole table (not among the targets: it reads every published decision).
      const tq = performance.now();
      await get(`/public/decisions?q=${encodeURIComponent('恒昌')}`);
      result.searchOnceMs = Math.round(performance.now() - tq);
      result.timings = timings;
      result.allUnderTarget = timings.every((x) => x.p95 < TARGET_P95_MS);
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
    if (keep) log(`kept database ${name}`);
    else await adminQuery(url, `drop database if exists ${name} with (force)`);
  }
  return result;
}

export function printTable(r: Record<string, unknown>): void {
  const timings = (r.timings ?? []) as Timing[];
  const w = Math.max(...timings.map((t) => t.name.length), 10);
  process.stdout.write(
    `${Number(r.acts).toLocaleString('en-US')} acts on PostgreSQL (${Number(r.publishedDecisions).toLocaleString('en-US')} published decisions)` +
      (r.importMs ? `; import ${(Number(r.importMs) / 1000).toFixed(1)} s` : '') +
      `; figures refresh ${r.figuresRefreshMs} ms\n`,
  );
  process.stdout.write(
    `${'call'.padEnd(w)}  ${'p50 ms'.padStart(7)}  ${'p95 ms'.padStart(7)}  ${'bytes'.padStart(9)}\n`,
  );
  for (const t of timings)
    process.stdout.write(
      `${t.name.padEnd(w)}  ${String(t.p50).padStart(7)}  ${String(t.p95).padStart(7)}  ${String(t.bytes).padStart(9)}${t.p95 >= TARGET_P95_MS ? '  ← over target' : ''}\n`,
    );
  process.stdout.write(`search (q, once, whole table): ${r.searchOnceMs} ms\n`);
  process.stdout.write(
    `target: p95 < ${TARGET_P95_MS} ms for every call — ${r.allUnderTarget ? 'met' : 'NOT met'}\n`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await run();
  printTable(r);
  process.stdout.write(`${JSON.stringify({ portal: r })}\n`);
}
