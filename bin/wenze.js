#!/usr/bin/env node
// The `wenze` command. Runs the compiled CLI (built by `npm install` via the prepare script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/index.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('wenze: not built yet — run `npm run build` (or `npm install`) first.\n');
  process.exit(1);
}
await import(entry.href);
