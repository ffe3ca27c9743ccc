// Benchmark of `wenze scan` (issue 5): one million generated acts (JSON Lines, in bench/out/),
// scanned end to end by the CLI (compiled dist when present, else through tsx) and in process;
// the generator's ground truth checked (recall, precision); and the same rules evaluated act by
// act with json-rules-engine — what a Node team would otherwise reach for — timed on a sample and
// extrapolated (the first eleven rules: those it has); and every rule in DuckDB over the same file
// (issue 16: `wenze scan` within 2× of it). And the cost of outside-duty-list (issue 13: ≤ 20 %):
// `wenze scan` with the demo city's duty lists (`--duties`) and without, on the same acts, runs
// interleaved, best of three each. Prints a table and one JSON line.
//
//   node --import tsx bench/scan.ts [--count N]
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Engine } from 'json-rules-engine';
import { scanFile } from '../src/cli/commands/scan.js';
import { generateActChunks } from '../src/core/acts/generate.js';
import { readAct } from '../src/core/acts/parse.js';
import type { Act } from '../src/core/acts/schema.js';
import { isWorkingDayNumber, nextWorkingDayNumber, ordinal } from '../src/core/calendar/calendar.js';
import { toDayNumber } from '../src/core/calendar/day-number.js';
import { defaultCalendar } from '../src/core/calendar/index.js';
import { fineKey } from '../src/core/detect/duplicate-fine.js';
import { dutyEntry } from '../src/core/detect/duty-list.js';
import { scanActs } from '../src/core/detect/scan.js';
import { actDate } from '../src/core/detect/uncertified-officer.js';
import { demoDutyItems } from '../src/core/duties/demo.js';
import { dutyItemsCsv } from '../src/core/duties/item.js';
import { DEFAULT_DISCRETION } from '../src/core/rulebook/packs/discretion.js';
import { type DuckScan, duckdbScan } from './support/scan-duckdb.js';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'bench/out');
const AS_OF = '2025-12-31';
const SEED = 20_240_101;
const FAULT_RATE = 0.05;
const SAMPLE = 20_000;

interface Truth {
  act: string;
  rule: string;
  fault: string | null;
}
const key = (f: { act: string; rule: string }) => `${f.act} ${f.rule}`;

/** The demo city's duty lists, which the truth of outside-duty-list assumes. */
function ensureDuties(): string {
  const file = join(out, 'demo-duties.csv');
  writeFileSync(file, dutyItemsCsv(demoDutyItems()));
  return file;
}

/** The acts file and its ground truth, generated once per count. */
function ensureData(count: number): { file: string; truth: string; generatedMs: number | null } {
  mkdirSync(out, { recursive: true });
  const file = join(out, `acts-${count}.jsonl`);
  const truth = join(out, `acts-${count}.truth.jsonl`);
  // Made before outside-duty-list was planted: generated again.
  const current = existsSync(truth) && readFileSync(truth, 'utf8').includes('outside-duty-list');
  if (existsSync(file) && current) return { file, truth, generatedMs: null };
  const t0 = performance.now();
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
  return { file, truth, generatedMs: performance.now() - t0 };
}

/**
 * `wenze scan` as a user runs it: a new process, findings written to a file. The compiled CLI
 * (dist/, or WENZE_BENCH_CLI naming another build of it) when there is one, else the sources via tsx.
 */
function cliScan(
  file: string,
  findings: string,
  duties?: string,
): { ms: number; via: string; stderr: string } {
  const dist = process.env.WENZE_BENCH_CLI ?? join(root, 'dist/cli/index.js');
  const useDist = existsSync(dist);
  const args = useDist ? [dist] : ['--import', 'tsx', join(root, 'src/cli/index.ts')];
  const fd = openSync(findings, 'w');
  const t0 = performance.now();
  const lists = duties ? ['--duties', duties] : [];
  const r = spawnSync(
    process.execPath,
    [...args, 'scan', '--input', file, '--as-of', AS_OF, ...lists, '--json'],
    {
      cwd: root,
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    },
  );
  const ms = performance.now() - t0;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`wenze scan failed (${r.status}): ${r.stderr}`);
  let via = useDist ? (process.env.WENZE_BENCH_CLI ?? 'dist') : 'tsx';
  const built = join(dist, '../commands/scan.js');
  const source = join(root, 'src/cli/commands/scan.ts');
  if (useDist && (!existsSync(built) || statSync(built).mtimeMs < statSync(source).mtimeMs)) {
    via += ' (older than src: run npm run build)';
  }
  return { ms, via, stderr: r.stderr.trim() };
}

function readJsonLines<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as T);
}

function compare(found: { act: string; rule: string }[], expected: { act: string; rule: string }[]) {
  const f = new Set(found.map(key));
  const e = new Set(expected.map(key));
  const hits = [...e].filter((k) => f.has(k)).length;
  return {
    expected: e.size,
    found: f.size,
    recall: e.size ? hits / e.size : 1,
    precision: f.size ? hits / f.size : 1,
  };
}

// --- the same rules in json-rules-engine -----------------------------------------------------

const cal = defaultCalendar();
const asOfDay = toDayNumber(AS_OF);
const isSet = { operator: 'notEqual', value: null };
const path = (fact: string, p: string, operator: string, value: unknown) => ({
  fact,
  path: `$.${p}`,
  operator,
  value,
});
const penalty = { fact: 'kind', operator: 'equal', value: 'penalty' };
const ordinary = { all: [penalty, { fact: 'procedure', operator: 'notEqual', value: 'summary' }] };

function ceilOrdinal(day: number): number {
  return isWorkingDayNumber(cal, day) ? ordinal(cal, day) : ordinal(cal, day) + 1;
}

/** The rules the engine below states (the first eleven; the comparison is over these). */
const JRE_RULES: string[] = [];

/** An engine with the eleven rules as JSON conditions over the act's fields and derived facts. */
function jsonRulesEngine(firstFine: Map<string, { id: string }>): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  engine.addOperator(
    'after',
    (a: unknown, b: unknown) => typeof a === 'string' && typeof b === 'string' && a > b,
  );
  engine.addFact('licensingDay', async (_p, almanac) => {
    const d = (await almanac.factValue('dates')) as Act['dates'];
    if (!d.accepted) return null;
    return ceilOrdinal(d.decided ? toDayNumber(d.decided) : asOfDay) - ordinal(cal, toDayNumber(d.accepted));
  });
  engine.addFact('licensingLimit', async (_p, almanac) =>
    ((await almanac.factValue('dates')) as Act['dates']).extended ? 30 : 20,
  );
  engine.addFact('penaltyDaysLate', async (_p, almanac) => {
    const d = (await almanac.factValue('dates')) as Act['dates'];
    if (!d.filed || !d.decided) return null;
    return toDayNumber(d.decided) - nextWorkingDayNumber(cal, toDayNumber(d.filed) + 90);
  });
  engine.addFact('officerCount', async (_p, almanac) => {
    return new Set(((await almanac.factValue('officers')) as Act['officers']).map((o) => o.id)).size;
  });
  engine.addFact('invalidCertificates', async (_p, almanac) => {
    const act = (await almanac.factValue('act')) as Act;
    const when = actDate(act);
    if (!when) return 0;
    return act.officers.filter((o) => !o.certificate || !o.validUntil || o.validUntil < when.date).length;
  });
  engine.addFact('earlierFine', async (_p, almanac) => {
    const act = (await almanac.factValue('act')) as Act;
    const k = fineKey(act);
    const first = k === null ? undefined : firstFine.get(k);
    return first && first.id !== act.id ? first.id : null;
  });
  const rules: [string, unknown][] = [
    [
      'licensing-overdue',
      {
        all: [
          { fact: 'kind', operator: 'equal', value: 'licensing' },
          { fact: 'licensingDay', ...isSet },
          { fact: 'licensingDay', operator: 'greaterThan', value: { fact: 'licensingLimit' } },
        ],
      },
    ],
    [
      'penalty-overdue',
      {
        all: [
          ordinary,
          { fact: 'penaltyDaysLate', ...isSet },
          { fact: 'penaltyDaysLate', operator: 'greaterThan', value: 0 },
        ],
      },
    ],
    [
      'fewer-than-two-officers',
      {
        all: [
          { any: [ordinary, { fact: 'kind', operator: 'in', value: ['inspection', 'coercion'] }] },
          { fact: 'officerCount', operator: 'lessThan', value: 2 },
        ],
      },
    ],
    [
      'uncertified-officer',
      {
        all: [
          { fact: 'kind', operator: 'in', value: ['penalty', 'inspection', 'coercion'] },
          { fact: 'invalidCertificates', operator: 'greaterThan', value: 0 },
        ],
      },
    ],
    ['duplicate-fine', { all: [{ fact: 'earlierFine', ...isSet }] }],
    [
      'onsite-collection',
      {
        all: [
          penalty,
          path('payment', 'method', 'equal', 'onsite'),
          { fact: 'fine', operator: 'greaterThan', value: 100 },
        ],
      },
    ],
    [
      'no-receipt',
      { all: [penalty, { fact: 'payment', ...isSet }, path('payment', 'receipt', 'equal', false)] },
    ],
    [
      'hearing-not-held',
      {
        all: [
          { fact: 'kind', operator: 'in', value: ['penalty', 'licensing'] },
          path('hearing', 'requested', 'equal', true),
          path('hearing', 'held', 'equal', false),
          path('dates', 'decided', 'notEqual', null),
        ],
      },
    ],
    [
      'no-prior-notice',
      {
        all: [
          penalty,
          path('dates', 'decided', 'notEqual', null),
          {
            any: [
              path('dates', 'notified', 'equal', null),
              path('dates', 'notified', 'after', { fact: 'dates', path: '$.decided' }),
              {
                all: [
                  path('dates', 'notified', 'equal', { fact: 'dates', path: '$.decided' }),
                  { fact: 'procedure', operator: 'notEqual', value: 'summary' },
                ],
              },
            ],
          },
        ],
      },
    ],
    [
      'criminal-not-referred',
      { all: [path('criminal', 'suspected', 'equal', true), path('criminal', 'referred', 'equal', false)] },
    ],
    [
      'overturned',
      { all: [{ fact: 'review', operator: 'in', value: ['changed', 'revoked', 'confirmed_illegal'] }] },
    ],
  ];
  for (const [name, conditions] of rules) {
    engine.addRule({ name, conditions: conditions as never, event: { type: name } });
    JRE_RULES.push(name);
  }
  return engine;
}

/** json-rules-engine over the first `n` lines: parse, run act by act; its findings and time. */
async function jsonRulesEngineScan(file: string, n: number) {
  // The first n lines only: the whole file (over 512 MB for a million acts) is more than one string holds.
  const bytes = readFileSync(file);
  let end = -1;
  for (let i = 0; i < n && end < bytes.length; i++) {
    const next = bytes.indexOf(10, end + 1);
    end = next < 0 ? bytes.length : next;
  }
  const lines = bytes
    .toString('utf8', 0, Math.max(end, 0))
    .split('\n')
    .filter((l) => l.trim() !== '');
  const t0 = performance.now();
  const acts = lines.map((l) => readAct(JSON.parse(l)) as Act);
  const firstFine = new Map<string, { id: string; decided: string }>(); // the cross-act rule needs a first pass
  for (const a of acts) {
    const k = fineKey(a);
    if (k === null) continue;
    const seen = firstFine.get(k);
    const decided = a.dates.decided as string;
    if (!seen || decided < seen.decided || (decided === seen.decided && a.id < seen.id))
      firstFine.set(k, { id: a.id, decided });
  }
  const engine = jsonRulesEngine(firstFine);
  const found: { act: string; rule: string }[] = [];
  for (const act of acts) {
    const { events } = await engine.run({ ...act, act });
    for (const e of events) found.push({ act: act.id, rule: e.type });
  }
  const ms = performance.now() - t0;
  const rules = new Set(found.map((f) => f.rule).concat(JRE_RULES));
  const mine = scanActs(acts, { asOf: AS_OF, calendar: cal }).filter((f) => rules.has(f.rule));
  const same = compare(found, mine);
  return { acts: acts.length, ms, identical: same.recall === 1 && same.precision === 1 };
}

/** CPU milliseconds of one in-process scan on this thread (no workers). */
async function cpuScan(file: string, duties?: ReturnType<typeof dutyEntry>[]): Promise<number> {
  const c0 = process.cpuUsage();
  await scanFile(file, { asOf: AS_OF, workers: 0, duties });
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

export async function run(opts: { count?: number } = {}): Promise<Record<string, unknown>> {
  const count = opts.count ?? 1_000_000;
  const { file, truth, generatedMs } = ensureData(count);
  const bytes = statSync(file).size;
  const truthAll = readJsonLines<Truth>(truth);
  // Without duty lists outside-duty-list finds nothing: the rest of the truth.
  const expected = truthAll.filter((t) => t.rule !== 'outside-duty-list');
  const duties = ensureDuties();

  const findings = join(out, `findings-${count}.jsonl`);
  const withDuties = join(out, `findings-${count}-duties.jsonl`);
  const cli: ReturnType<typeof cliScan>[] = [];
  const cliDuties: ReturnType<typeof cliScan>[] = [];
  for (let i = 0; i < 3; i++) {
    // Interleaved, so that a slower minute of a shared machine weighs on both alike.
    cli.push(cliScan(file, findings));
    cliDuties.push(cliScan(file, withDuties, duties));
  }
  const cliMs = cli.map((c) => c.ms).sort((a, b) => a - b);
  const cliDutiesMs = cliDuties.map((c) => c.ms).sort((a, b) => a - b);
  const check = compare(readJsonLines<Truth>(findings), expected);
  const checkDuties = compare(readJsonLines<Truth>(withDuties), truthAll);
  const overhead = cliDutiesMs[0] / cliMs[0] - 1;
  // The same in this process on one thread, in CPU time: what the rule costs, whatever else the
  // machine is doing (wall times on a shared machine vary by more than the rule costs).
  const entries = demoDutyItems().map(dutyEntry);
  const cpu: number[] = [];
  const cpuDuties: number[] = [];
  for (let i = 0; i < 2; i++) {
    cpu.push(await cpuScan(file));
    cpuDuties.push(await cpuScan(file, entries));
  }
  const cpuOverhead = Math.min(...cpuDuties) / Math.min(...cpu) - 1;

  const inProcess = await scanFile(file, { asOf: AS_OF });
  const jre = await jsonRulesEngineScan(file, Math.min(SAMPLE, count));
  const jrePerAct = jre.ms / jre.acts;
  const jreFullMs = jrePerAct * count;
  let duck: (DuckScan & { recall: number; precision: number }) | { error: string };
  try {
    const d = await duckdbScan(file, AS_OF, cal, DEFAULT_DISCRETION);
    duck = { ...d, ...compare(d.findings, expected) };
  } catch (e) {
    duck = { error: (e as Error).message };
  }
  const dk = 'ms' in duck ? duck : null;

  const result = {
    bench: 'scan',
    acts: count,
    megabytes: Math.round(bytes / 1e6),
    generatedMs: generatedMs === null ? null : Math.round(generatedMs),
    cliVia: cli[0].via,
    cliMsBest: Math.round(cliMs[0]),
    cliMsMedian: Math.round(cliMs[1]),
    cliActsPerSecond: Math.round(count / (cliMs[0] / 1000)),
    inProcessMs: Math.round(inProcess.ms),
    workers: inProcess.workers,
    findings: inProcess.findings.length,
    recall: check.recall,
    precision: check.precision,
    /** With the demo duty lists (`--duties`): every rule, outside-duty-list included. */
    cliMsBestWithDuties: Math.round(cliDutiesMs[0]),
    cliMsMedianWithDuties: Math.round(cliDutiesMs[1]),
    withDutiesRecall: checkDuties.recall,
    withDutiesPrecision: checkDuties.precision,
    outsideDutyListFindings: truthAll.length - expected.length,
    /** What outside-duty-list adds to the scan (best with / best without − 1); target ≤ 0.2. */
    outsideDutyListOverhead: Math.round(overhead * 1000) / 1000,
    outsideDutyListTargetMet: overhead <= 0.2,
    /** One thread in process, CPU time, best of two each: without and with the lists. */
    cpuMsOneThread: Math.round(Math.min(...cpu)),
    cpuMsOneThreadWithDuties: Math.round(Math.min(...cpuDuties)),
    outsideDutyListCpuOverhead: Math.round(cpuOverhead * 1000) / 1000,
    jsonRulesEngineSample: jre.acts,
    jsonRulesEngineMsPerThousand: Math.round(jrePerAct * 1000),
    jsonRulesEngineExtrapolatedMs: Math.round(jreFullMs),
    jsonRulesEngineSameFindings: jre.identical,
    speedup: Math.round((jreFullMs / cliMs[0]) * 10) / 10,
    targetMs: 3000,
    targetMet: cliMs[0] <= 3000,
    duckdbVersion: dk?.version ?? null,
    duckdbThreads: dk?.threads ?? null,
    duckdbMs: dk ? Math.round(dk.ms) : null,
    duckdbRecall: dk?.recall ?? null,
    duckdbPrecision: dk?.precision ?? null,
    duckdbError: 'error' in duck ? duck.error : null,
    /** wenze scan (best end to end) over DuckDB (same file, every rule); target ≤ 2. */
    versusDuckdb: dk ? Math.round((cliMs[0] / dk.ms) * 100) / 100 : null,
  };
  const rows: [string, string][] = [
    [
      'acts file',
      `${count} acts, ${result.megabytes} MB${generatedMs === null ? '' : `, generated in ${(generatedMs / 1000).toFixed(1)} s`}`,
    ],
    [
      `wenze scan, end to end (${result.cliVia})`,
      `${(cliMs[0] / 1000).toFixed(2)} s best, ${(cliMs[1] / 1000).toFixed(2)} s median of 3 (target ≤ 3 s)`,
    ],
    ['wenze scan, in process', `${(inProcess.ms / 1000).toFixed(2)} s, ${inProcess.workers} workers`],
    [
      'ground truth',
      `${check.expected} faults, ${check.found} findings: recall ${(check.recall * 100).toFixed(2)} %, precision ${(check.precision * 100).toFixed(2)} %`,
    ],
    [
      'with the duty lists (--duties)',
      `${(cliDutiesMs[0] / 1000).toFixed(2)} s best, ${(cliDutiesMs[1] / 1000).toFixed(2)} s median of 3: outside-duty-list adds ${(overhead * 100).toFixed(1)} % (target ≤ 20 %); ${checkDuties.expected} faults with ${result.outsideDutyListFindings} outside the lists: recall ${(checkDuties.recall * 100).toFixed(2)} %, precision ${(checkDuties.precision * 100).toFixed(2)} %`,
    ],
    [
      'the same, one thread, CPU time',
      `${(Math.min(...cpu) / 1000).toFixed(2)} s without, ${(Math.min(...cpuDuties) / 1000).toFixed(2)} s with the lists: outside-duty-list adds ${(cpuOverhead * 100).toFixed(1)} %`,
    ],
    [
      'json-rules-engine',
      `${jre.acts} acts in ${(jre.ms / 1000).toFixed(2)} s → ${(jreFullMs / 1000).toFixed(1)} s for ${count} (its ${JRE_RULES.length} rules: same findings ${jre.identical ? 'yes' : 'NO'})`,
    ],
    ['speed-up over json-rules-engine', `${result.speedup}× (target ≥ 20×)`],
    [
      'DuckDB, every rule over the file',
      dk
        ? `${(dk.ms / 1000).toFixed(2)} s (${dk.version}, ${dk.threads} threads; recall ${(dk.recall * 100).toFixed(2)} %, precision ${(dk.precision * 100).toFixed(2)} %)`
        : `not run: ${'error' in duck ? duck.error : ''}`,
    ],
    [
      'wenze scan / DuckDB',
      result.versusDuckdb === null ? '—' : `${result.versusDuckdb}× the time (target ≤ 2×)`,
    ],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(
    `\n${rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n')}\n${JSON.stringify(result)}\n`,
  );
  return result;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--count');
  await run({ count: i > 0 ? Number(process.argv[i + 1]) : undefined });
}
