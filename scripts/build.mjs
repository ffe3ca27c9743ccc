// Build steps: `server` compiles src/ to dist/ (tsc); `web` bundles the console and the public
// portal (Vite) into dist/web, precompresses it (brotli, gzip) and fails if the public portal's
// JavaScript is over its budget; `all` does both; `if-needed` rebuilds only what is older than its sources.
// `npm start` runs `if-needed`, then execs the server (so that its signals reach the server).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { entryWeights, kb, PUBLIC_JS_BUDGET, precompress } from './web-assets.mjs';

const root = new URL('..', import.meta.url).pathname;
const mode = process.argv[2] ?? 'all';

function newest(dir) {
  let t = 0;
  if (!existsSync(dir)) return t;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) t = Math.max(t, newest(p));
    else t = Math.max(t, statSync(p).mtimeMs);
  }
  return t;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const vite = join(root, 'node_modules/vite/bin/vite.js');
const buildServer = () => {
  process.stderr.write('wenze: compiling server (tsc)…\n');
  run(process.execPath, [tsc, '-p', 'tsconfig.build.json']);
};
const buildWeb = async () => {
  process.stderr.write('wenze: building web console (vite)…\n');
  run(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  const web = join(root, 'dist/web');
  const all = await precompress(web);
  process.stderr.write(
    `wenze: precompressed ${all.files} files: ${kb(all.raw)} → ${kb(all.br)} brotli, ${kb(all.gz)} gzip\n`,
  );
  const entries = entryWeights(web);
  for (const e of entries)
    process.stderr.write(
      `wenze: ${e.name} JavaScript (brotli): ${kb(e.initial.br)} first load, ${kb(e.all.br)} with every page (${kb(e.all.raw)} uncompressed)\n`,
    );
  const portal = entries.find((e) => e.name === 'public');
  if (!portal || portal.all.br > PUBLIC_JS_BUDGET) {
    process.stderr.write(
      `wenze: the public portal's JavaScript is ${portal ? kb(portal.all.br) : 'missing'}, over its budget of ${kb(PUBLIC_JS_BUDGET)} (brotli): ${portal?.all.files.join(', ')}\n`,
    );
    process.exit(1);
  }
};

if (mode === 'server' || mode === 'all') buildServer();
if (mode === 'web' || mode === 'all') await buildWeb();
if (mode === 'if-needed') {
  const srcT = Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (!existsSync(join(root, 'dist/cli/index.js')) || newest(join(root, 'dist/cli')) < srcT) buildServer();
  const webT = newest(join(root, 'web'));
  // WENZE_SKIP_WEB_BUILD=1: serve the API without (re)building the console (tests, API-only hosts).
  if (
    process.env.WENZE_SKIP_WEB_BUILD !== '1' &&
    (!existsSync(join(root, 'dist/web/index.html')) ||
      !existsSync(join(root, 'dist/web/public.html')) ||
      statSync(join(root, 'dist/web/index.html')).mtimeMs < webT)
  )
    await buildWeb();
}
