// Benchmark: determinations per second for a three-person request on one core — our engine's fast
// path (validated once at the edge, as the API does per request) and, for comparison, the same
// rules written for json-rules-engine (bench/support/determine-jre.ts). Before timing, both are
// checked to agree on a sample of random requests. Prints a table and one JSON line; `run()`
// returns the figures.
//
//   node --import tsx bench/determine.ts
import { threePersonRequest } from '../src/core/determine/fixtures.js';
import {
  type CompiledPack,
  determine,
  determineValidated,
  prepareDetermination,
} from '../src/core/determine/index.js';
import type { DeterminationRequest } from '../src/core/determine/request.js';
import { createRng } from '../src/core/random.js';
import { determineWithJre, type JreEngines, jreEngines } from './support/determine-jre.js';

// ---------------------------------------------------------------------------------------------
// Agreement check and timing.

/** Random valid requests (deterministic), to check that both implementations agree. */
function sampleRequests(count: number): unknown[] {
  const rng = createRng(20250310);
  // Art. 23 "显著轻微" contradicts an egregious nature or a large harm or impact (bad input).
  const actFacts = () => {
    const severity = {
      nature: rng.pick(['minor', 'ordinary', 'egregious']),
      harm: rng.pick(['small', 'large']),
      impact: rng.pick(['small', 'large']),
    };
    const severe =
      severity.nature === 'egregious' || severity.harm === 'large' || severity.impact === 'large';
    const circumstances = some(['force_majeure', 'trivial'], 0.1).filter((c) => !severe || c !== 'trivial');
    return { circumstances, severity };
  };
  const roles = ['handler', 'reviewer', 'approver', 'principal', 'superior', 'officer'] as const;
  const conductFor: Record<string, string[]> = {
    handler: [
      'acted_without_approval',
      'falsified',
      'deviated_from_approval',
      'negligent_wrong_opinion',
      'objected_to_order',
      'order_obviously_illegal',
    ],
    reviewer: [
      'failed_to_detect',
      'overrode_correct_opinion',
      'decided_without_referral',
      'objected_to_order',
    ],
    approver: [
      'failed_to_detect',
      'overrode_correct_opinion',
      'decided_without_proposal',
      'ordered_execution',
    ],
    principal: ['ordered_execution', 'objected_to_order'],
    superior: ['ordered_execution'],
    officer: ['objected_to_order', 'order_obviously_illegal'],
  };
  const some = <T>(xs: readonly T[], p: number) => xs.filter(() => rng.chance(p));
  const out: unknown[] = [threePersonRequest()];
  while (out.length < count) {
    const n = rng.int(1, 4);
    out.push({
      occurredOn: `2025-0${rng.int(1, 9)}-1${rng.int(0, 9)}`,
      faults: [rng.pick(['penalty.04', 'penalty.05', 'levy.01'])],
      decision: rng.pick(['approval', 'collective', 'joint', 'direct']),
      people: Array.from({ length: n }, (_, i) => {
        const role = rng.pick(roles);
        const circ = some(['continuing_uncorrected', 'obstructed_investigation', 'retaliated'], 0.1);
        if (rng.chance(0.2)) circ.push(rng.pick(['remedied_harm_prevented', 'remedied_harm_occurred']));
        return {
          id: `p${i}`,
          role,
          agency: rng.pick(['a1', 'a2']),
          conduct: some(conductFor[role]!, 0.4),
          share: rng.pick(['main', 'secondary']),
          circumstances: circ,
          history: Array.from({ length: rng.int(0, 3) }, () => ({
            date: `2024-${String(rng.int(1, 12)).padStart(2, '0')}-1${rng.int(0, 9)}`,
            fault: rng.pick(['penalty.04', 'penalty.05']),
            sanctioned: rng.chance(0.5),
          })),
        };
      }),
      agencies: rng.chance(0.5)
        ? [
            { id: 'a1', triggers: some(['overturned_in_review'], 0.5) },
            { id: 'a2', triggers: [] },
          ]
        : undefined,
      ...actFacts(),

      suspected: { discipline: rng.chance(0.3), crime: rng.chance(0.1) },
    });
  }
  return out;
}

/** The comparable part of a determination (explanations aside), order-normalised. */
function essence(d: { persons: unknown[]; agencies: unknown[] }): string {
  const norm = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(norm).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v)
              .filter(([k, x]) => x !== undefined && k !== 'share')
              .sort(([a], [b]) => (a < b ? -1 : 1))
              .map(([k, x]) => [k, norm(x)]),
          )
        : v;
  return JSON.stringify(norm({ persons: d.persons, agencies: d.agencies }));
}

async function checkAgreement(samples: unknown[]): Promise<number> {
  const engines = new Map<string, JreEngines>();
  let agree = 0;
  for (const input of samples) {
    const prepared = prepareDetermination(input);
    let e = engines.get(prepared.pack.key);
    if (!e) {
      e = jreEngines(prepared.pack);
      engines.set(prepared.pack.key, e);
    }
    const ours = determine(input);
    const theirs = await determineWithJre(prepared.request, e);
    if (essence(ours) === essence(theirs)) agree++;
    else
      throw new Error(
        `json-rules-engine disagrees on ${JSON.stringify(input)}:\n${essence(ours)}\n${essence(theirs)}`,
      );
  }
  return agree;
}

function perSecond(count: number, ms: number): number {
  return Math.round((count / ms) * 1000);
}

function timeSync(fn: () => void, budgetMs: number, batch = 2000): number {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < batch; i++) fn();
    n += batch;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return perSecond(n, elapsed);
}

/** As timeSync, per second of this process's CPU time: less sensitive to other work on the machine. */
function timeCpu(fn: () => void, budgetMs: number, batch: number): number {
  let n = 0;
  const start = process.cpuUsage();
  let used = 0;
  do {
    for (let i = 0; i < batch; i++) fn();
    n += batch;
    const c = process.cpuUsage(start);
    used = (c.user + c.system) / 1000;
  } while (used < budgetMs);
  return perSecond(n, used);
}

async function timeAsync(fn: () => Promise<unknown>, budgetMs: number): Promise<number> {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  do {
    for (let i = 0; i < 50; i++) await fn();
    n += 50;
    elapsed = performance.now() - start;
  } while (elapsed < budgetMs);
  return perSecond(n, elapsed);
}

export async function run(): Promise<Record<string, unknown>> {
  const input = threePersonRequest();
  const { request, compiled }: { request: DeterminationRequest; compiled: CompiledPack } =
    prepareDetermination(input);
  const engines = jreEngines(compiled.pack);
  const agreement = await checkAgreement(sampleRequests(200));

  // Warm up, then measure (best of three rounds, each ~2 s for ours, ~3 s for json-rules-engine).
  timeSync(() => determineValidated(request, compiled), 500);
  await timeAsync(() => determineWithJre(request, engines), 500);
  const fast = Math.max(...[0, 1, 2].map(() => timeSync(() => determineValidated(request, compiled), 2000)));
  const full = timeSync(() => determine(input), 2000);
  // With the search of what would change each result (the simulator's and findings form's request).
  const withWhatIf = { whatIf: true };
  timeSync(() => determineValidated(request, compiled, withWhatIf), 300, 50);
  const whatIf = Math.max(
    ...[0, 1, 2].map(() => timeSync(() => determineValidated(request, compiled, withWhatIf), 1000, 50)),
  );
  const fastCpu = timeCpu(() => determineValidated(request, compiled), 1000, 2000);
  const whatIfCpu = timeCpu(() => determineValidated(request, compiled, withWhatIf), 1000, 50);
  const jreRounds: number[] = [];
  for (let i = 0; i < 3; i++) jreRounds.push(await timeAsync(() => determineWithJre(request, engines), 3000));
  const jre = Math.max(...jreRounds);

  const result = {
    bench: 'determine',
    request: 'three persons (handler, reviewer, approver), one fault, history, circumstances, agency',
    engine_per_s: fast,
    engine_with_validation_per_s: full,
    engine_with_what_if_per_s: whatIf,
    engine_per_cpu_s: fastCpu,
    engine_with_what_if_per_cpu_s: whatIfCpu,
    target_what_if_per_s: 10_000,
    json_rules_engine_per_s: jre,
    ratio: Math.round((fast / jre) * 10) / 10,
    target_per_s: 100_000,
    target_ratio: 20,
    meets_target: fast >= 100_000 && fast / jre >= 20 && whatIf >= 10_000,
    agreement: `${agreement}/200 random requests identical`,
    node: process.version,
  };
  return result;
}

export function printTable(r: Record<string, unknown>): void {
  const fmt = (n: unknown) => Number(n).toLocaleString('en-US');
  const rows: [string, string][] = [
    ['engine (determineValidated, fast path)', `${fmt(r.engine_per_s)} /s`],
    ['engine (determine, with zod validation)', `${fmt(r.engine_with_validation_per_s)} /s`],
    ['engine with whatIf (what would change each result)', `${fmt(r.engine_with_what_if_per_s)} /s`],
    [
      'per CPU-second: fast path / with whatIf',
      `${fmt(r.engine_per_cpu_s)} / ${fmt(r.engine_with_what_if_per_cpu_s)}`,
    ],
    ['json-rules-engine, same rules', `${fmt(r.json_rules_engine_per_s)} /s`],
    ['ratio (fast path / json-rules-engine)', `${r.ratio}×`],
    ['agreement', String(r.agreement)],
    ['targets (≥100,000/s, ≥20×, whatIf ≥10,000/s)', r.meets_target ? 'met' : 'NOT met'],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  process.stdout.write(`determinations per second, ${String(r.request)}\n`);
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const r = await run();
  printTable(r);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
