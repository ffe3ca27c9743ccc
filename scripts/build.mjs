// Build steps: `server` compiles src/ to dist/ (tsc); `web` bundles the console (Vite)
// into dist/web; `all` does both; `if-needed` rebuilds only what is older than its sources.
// `npm start` runs `if-needed`, then execs the server (so that its signals reach the server).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

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
const buildWeb = () => {
  process.stderr.write('wenze: building web console (vite)…\n');
  run(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
};

if (mode === 'server' || mode === 'all') buildServer();
if (mode === 'web' || mode === 'all') buildWeb();
if (mode === 'if-needed') {
  const srcT = Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
  if (!existsSync(join(root, 'dist/cli/index.js')) || newest(join(root, 'dist/cli')) < srcT) buildServer();
  const webT = newest(join(root, 'web'));
  // WENZE_SKIP_WEB_BUILD=1: serve the API without (re)building the console (tests, API-only hosts).
  if (
    process.env.WENZE_SKIP_WEB_BUILD !== '1' &&
    (!existsSync(join(root, 'dist/web/index.html')) ||
      statSync(join(root, 'dist/web/index.html')).mtimeMs < webT)
  )
    buildWeb();
}
