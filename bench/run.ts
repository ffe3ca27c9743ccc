// `npm run bench`: every benchmark, each printing its table, then one JSON line with all
// results. `--only NAME` runs one (determine, scan, store, lists, duties, duties-import, portal); other flags pass through.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;

const benches: { name: string; file: string }[] = [
  { name: 'determine', file: './determine.js' },
  { name: 'scan', file: './scan.js' },
  { name: 'store', file: './store.js' },
  { name: 'lists', file: './lists.js' },
  { name: 'review', file: './review.js' },
  { name: 'duties', file: './duties.js' },
  { name: 'duties-import', file: './duties-import.js' },
  { name: 'portal', file: './portal.js' },
];

const results: Record<string, unknown> = {};
for (const b of benches) {
  if (only && only !== b.name) continue;
  let mod: { run(): Promise<Record<string, unknown>>; printTable?(r: Record<string, unknown>): void };
  try {
    mod = await import(b.file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' && String(e).includes(b.name)) continue;
    throw e;
  }
  process.stdout.write(`\n== ${b.name}\n`);
  const t = performance.now();
  const r = await mod.run();
  if (mod.printTable) mod.printTable(r);
  else process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
  results[b.name] = { ...r, bench_seconds: Math.round((performance.now() - t) / 100) / 10 };
}
process.stdout.write(`\n${JSON.stringify({ bench: results })}\n`);
