// The web build's assets after Vite: every compressible file precompressed beside itself (.br at
// brotli's best quality, .gz at gzip's), which the server sends as they are (@fastify/static's
// `preCompressed`) to a browser that accepts them; and what each entry's JavaScript weighs
// compressed, read from Vite's manifest, so that the build can hold the public portal to its budget.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Extensions worth compressing (text; images and fonts are compressed already). */
export const COMPRESSIBLE = new Set([
  '.js',
  '.mjs',
  '.css',
  '.html',
  '.svg',
  '.json',
  '.txt',
  '.xml',
  '.map',
  '.ico',
  '.wasm',
]);

/** The public portal's JavaScript, compressed with brotli, at most (issue 15: a citizen's phone on a slow network). */
export const PUBLIC_JS_BUDGET = 200 * 1024;

/** Brotli at quality 11 (what the server sends). */
export function brotli(buf) {
  return brotliAsync(buf, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
    },
  });
}

function* files(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    // Vite's manifest (.vite/) is not served.
    if (e.name.startsWith('.')) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* files(p);
    else yield p;
  }
}

/**
 * Write `f.br` and `f.gz` beside every compressible file `f` of `dir`, each only if it is smaller
 * than the file (a tiny file is better sent as it is). Compressions run in parallel (libuv's pool).
 */
export async function precompress(dir) {
  const jobs = [];
  for (const p of files(dir)) {
    if (!COMPRESSIBLE.has(extname(p))) continue;
    const raw = readFileSync(p);
    jobs.push(
      Promise.all([brotli(raw), gzipAsync(raw, { level: 9 })]).then(([br, gz]) => {
        if (br.length < raw.length) writeFileSync(`${p}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${p}.gz`, gz);
        return { raw: raw.length, br: Math.min(br.length, raw.length), gz: Math.min(gz.length, raw.length) };
      }),
    );
  }
  const done = await Promise.all(jobs);
  return done.reduce(
    (s, f) => ({ files: s.files + 1, raw: s.raw + f.raw, br: s.br + f.br, gz: s.gz + f.gz }),
    {
      files: 0,
      raw: 0,
      br: 0,
      gz: 0,
    },
  );
}

/** The size of a built file, and compressed: its .br beside it, or as sent uncompressed. */
function sizes(dir, file) {
  const raw = readFileSync(join(dir, file)).length;
  const br = existsSync(join(dir, `${file}.br`)) ? readFileSync(join(dir, `${file}.br`)).length : raw;
  return { raw, br };
}

/**
 * Every HTML entry of the build (`console` for index.html, `public` for public.html…) with the
 * JavaScript it loads first (the entry and its static imports) and all it can load (its lazy pages
 * too), each as files, bytes and brotli bytes. Needs the manifest (`build.manifest`) and, for the
 * compressed sizes, `precompress` first.
 */
export function entryWeights(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8'));
  const closure = (key, lazy) => {
    const seen = new Set();
    const out = new Set();
    const visit = (k) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      const chunk = manifest[k];
      if (chunk.file.endsWith('.js')) out.add(chunk.file);
      for (const i of chunk.imports ?? []) visit(i);
      if (lazy) for (const i of chunk.dynamicImports ?? []) visit(i);
    };
    visit(key);
    return [...out].sort();
  };
  const weigh = (list) =>
    list.reduce(
      (s, f) => {
        const z = sizes(dir, f);
        return { files: [...s.files, f], raw: s.raw + z.raw, br: s.br + z.br };
      },
      { files: [], raw: 0, br: 0 },
    );
  return Object.entries(manifest)
    .filter(([key, chunk]) => chunk.isEntry && key.endsWith('.html'))
    .map(([key, chunk]) => ({
      name: key === 'index.html' ? 'console' : key.replace(/\.html$/, ''),
      html: key,
      entry: chunk.file,
      initial: weigh(closure(key, false)),
      all: weigh(closure(key, true)),
    }));
}

export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
