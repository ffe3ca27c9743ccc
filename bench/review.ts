// Benchmark of case-file review and annual assessment (issue 14), all pure: drawing a stratified
// sample from `--acts N` candidate acts (default 1,000,000, 40 agencies), scoring files against the
// A市 rubric, and assessing `--officers N` officers (default 5,000) with their rankings.
//
//   node --import tsx bench/review.ts [--acts N] [--officers N]
import type { ActKind } from '../src/core/acts/codes.js';
import { assessYear } from '../src/core/assessment/assess.js';
import { peerWarnings } from '../src/core/assessment/peer.js';
import { createRng } from '../src/core/random.js';
import { rubricItems } from '../src/core/review/rubric.js';
import { type SampleCandidate, sampleActs } from '../src/core/review/sample.js';
import { scoreFile } from '../src/core/review/score.js';
import { A_CITY_ASSESSMENT } from '../src/core/rulebook/packs/a-city-assessment.js';
import { A_CITY_REVIEW } from '../src/core/rulebook/packs/a-city-review.js';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const KINDS: ActKind[] = ['penalty', 'licensing', 'inspection', 'coercion'];

function candidates(n: number): SampleCandidate[] {
  const rng = createRng(14);
  return Array.from({ length: n }, (_, i) => ({
    id: `A-${String(i).padStart(8, '0')}`,
    agency: `AG-${rng.int(1, 40)}`,
    kind: rng.pick(KINDS),
    dates: { decided: rng.chance(0.8) ? `2025-${String(rng.int(1, 12)).padStart(2, '0')}-15` : null },
  }));
}

function ms(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return Math.round((performance.now() - t) * 10) / 10;
}

export async function run(): Promise<Record<string, unknown>> {
  const actCount = arg('--acts', 1_000_000);
  const officerCount = arg('--officers', 5_000);
  const acts = candidates(actCount);
  sampleActs(acts.slice(0, 10_000), { size: 100, seed: 'warm' });
  const sampleMs = Math.min(
    ...[0, 1, 2].map(() => ms(() => sampleActs(acts, { size: 500, seed: '2026-专项' }))),
  );

  const items = rubricItems(A_CITY_REVIEW).map((i) => i.key);
  const rng = createRng(7);
  const marks = Array.from({ length: 2000 }, () => ({
    kind: 'penalty' as const,
    deductions: Array.from({ length: rng.int(0, 8) }, () => ({
      item: rng.pick(items),
      count: rng.int(1, 3),
      note: '扣分',
    })),
  }));
  for (const m of marks.slice(0, 200)) scoreFile(A_CITY_REVIEW, m);
  const scoreMs = ms(() => {
    for (const m of marks) scoreFile(A_CITY_REVIEW, m);
  });

  const inputs = Array.from({ length: officerCount }, (_, i) => {
    const found = rng.int(0, 6);
    const pursued = rng.int(0, found);
    return {
      subject: { kind: 'officer' as const, id: `O-${i}`, name: `O-${i}`, agency: `AG-${1 + (i % 40)}` },
      metrics: {
        acts: rng.int(20, 400),
        faults: { found, pursued, toleranceExempt: 0, statutoryExempt: 0 },
        complaints: { count: rng.int(0, 3) },
        reviews: { files: rng.int(0, 5), meanScore: rng.int(55, 100) },
      },
    };
  });
  const assessMs = ms(() => assessYear(A_CITY_ASSESSMENT, 2026, inputs));
  const peerRecords = inputs.map((x) => ({
    officer: x.subject.id,
    agency: x.subject.agency,
    kind: 'penalty' as const,
    acts: x.metrics.acts,
    faults: x.metrics.faults.found,
  }));
  const peerMs = ms(() => peerWarnings(peerRecords, A_CITY_ASSESSMENT.peer));

  return {
    bench: 'review',
    acts: actCount,
    sample_ms: sampleMs,
    files_scored: marks.length,
    score_per_s: Math.round((marks.length / scoreMs) * 1000),
    officers: officerCount,
    assess_ms: assessMs,
    peer_ms: peerMs,
    node: process.version,
  };
}

export function printTable(r: Record<string, unknown>): void {
  const fmt = (n: unknown) => Number(n).toLocaleString('en-US');
  const rows: [string, string][] = [
    [`stratified sample of 500 from ${fmt(r.acts)} acts (40 agencies)`, `${fmt(r.sample_ms)} ms`],
    ['case files scored against the A市 rubric', `${fmt(r.score_per_s)} /s`],
    [`annual assessment of ${fmt(r.officers)} officers, with rankings`, `${fmt(r.assess_ms)} ms`],
    [`peer-normalised warnings for ${fmt(r.officers)} officers`, `${fmt(r.peer_ms)} ms`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) process.stdout.write(`  ${k.padEnd(width)}  ${v}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  const r = await run();
  printTable(r);
  process.stdout.write(`${JSON.stringify(r)}\n`);
}
