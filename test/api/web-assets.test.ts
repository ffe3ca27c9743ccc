// Issue 15, a citizen's phone on a slow network: the built web is sent compressed (the .br or .gz
// the build wrote beside each file, as the browser accepts), hashed assets with a one-year immutable
// cache and the pages revalidated on every use; /public/… is the public portal's own page. On a
// small build made here with the build's own precompression (scripts/web-assets.mjs), not on dist/web.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entryWeights, precompress } from '../../scripts/web-assets.mjs';
import { buildApp } from '../../src/server/app.js';
import type { Database } from '../../src/store/db.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const SCRIPT = `export function page(){return ${JSON.stringify('行政执法公示 '.repeat(400))}}\n`.repeat(4);
const LAZY = `export default function lazy(){return ${JSON.stringify('x'.repeat(3000))}}\n`;

let dir: string;
let app: FastifyInstance;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wenze-web-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, '.vite'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><title>console</title>${'<!-- console -->'.repeat(200)}`,
  );
  writeFileSync(
    join(dir, 'public.html'),
    `<!doctype html><title>portal</title>${'<!-- portal -->'.repeat(200)}`,
  );
  writeFileSync(join(dir, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, 'assets/console-C0nS0le1.js'), SCRIPT);
  writeFileSync(join(dir, 'assets/public-Pub1ic_x.js'), SCRIPT.slice(0, 5000));
  writeFileSync(join(dir, 'assets/track-Tr4ck-01.js'), LAZY);
  writeFileSync(
    join(dir, '.vite/manifest.json'),
    JSON.stringify({
      'index.html': { file: 'assets/console-C0nS0le1.js', isEntry: true },
      'public.html': {
        file: 'assets/public-Pub1ic_x.js',
        isEntry: true,
        dynamicImports: ['src/public/pages/Track.tsx'],
      },
      'src/public/pages/Track.tsx': { file: 'assets/track-Tr4ck-01.js', isDynamicEntry: true },
    }),
  );
  await precompress(dir);
  // The static files need no database; nothing here reaches one.
  app = await buildApp({ database: { close: async () => {} } as unknown as Database, webRoot: dir });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding === undefined ? {} : { 'accept-encoding': encoding } });

describe('the built web as sent', () => {
  it('sends a hashed asset as brotli, cached for a year, immutable', async () => {
    const res = await get('/assets/console-C0nS0le1.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe(IMMUTABLE);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
    expect(res.rawPayload.length).toBeLessThan(SCRIPT.length / 10);
    expect(brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends gzip to a browser without brotli, and the file itself to one that accepts neither', async () => {
    const gz = await get('/assets/console-C0nS0le1.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe(IMMUTABLE);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);
    const plain = await get('/assets/console-C0nS0le1.js', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('revalidates the pages (no-cache), compressed too, whatever the route', async () => {
    for (const url of ['/', '/index.html', '/cases/123', '/login?redirect=%2Fhome']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('br');
      expect(res.headers['content-type'], url).toMatch(/text\/html/);
      expect(brotliDecompressSync(res.rawPayload).toString(), url).toContain('<title>console</title>');
    }
    const etag = (await get('/', 'br')).headers.etag;
    expect(etag).toBeTruthy();
    const again = await app.inject({
      method: 'GET',
      url: '/',
      headers: { 'accept-encoding': 'br', 'if-none-match': String(etag) },
    });
    expect(again.statusCode).toBe(304);
    // Unhashed files are revalidated as well.
    expect((await get('/favicon.svg')).headers['cache-control']).toBe('no-cache');
  });

  it('answers /public and /public/… with the public portal’s page', async () => {
    for (const url of ['/public', '/public/', '/public/track?receipt=ABCD', '/public/complaint']) {
      const res = await get(url, 'gzip');
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toBe('no-cache');
      expect(res.headers['content-encoding'], url).toBe('gzip');
      expect(gunzipSync(res.rawPayload).toString(), url).toContain('<title>portal</title>');
    }
    // Not the portal: a console path that merely starts with the same letters.
    expect((await get('/publications')).body).toContain('<title>console</title>');
  });

  it('answers a missing asset, a compressed copy asked by name and an unknown API path with 404', async () => {
    for (const url of ['/assets/gone-Xy12Ab34.js', '/assets/console-C0nS0le1.js.br', '/api/v1/nope']) {
      const res = await get(url, 'br');
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.message, url).toContain('未找到');
    }
  });

  it('weighs each entry’s JavaScript, compressed, from the manifest', () => {
    const [console_, portal] = entryWeights(dir).sort((a, b) => a.name.localeCompare(b.name));
    expect(console_.name).toBe('console');
    expect(portal.name).toBe('public');
    expect(portal.initial.files).toEqual(['assets/public-Pub1ic_x.js']);
    expect(portal.all.files).toEqual(['assets/public-Pub1ic_x.js', 'assets/track-Tr4ck-01.js']);
    expect(portal.all.raw).toBe(Buffer.byteLength(SCRIPT.slice(0, 5000)) + LAZY.length);
    const br = (f: string) => readFileSync(join(dir, `${f}.br`)).length;
    expect(portal.all.br).toBe(br('assets/public-Pub1ic_x.js') + br('assets/track-Tr4ck-01.js'));
    expect(console_.initial.br).toBe(br('assets/console-C0nS0le1.js'));
  });
});
