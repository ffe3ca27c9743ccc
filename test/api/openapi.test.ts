// The OpenAPI document is one an integrator can generate a client from: it passes `redocly lint`
// with the recommended rules (no errors; warnings are reported), every operation has a unique
// camelCase operationId and the security it needs (none on public routes), the document names its
// server, and no response is an untyped object.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { type Database, openDatabase } from '../../src/store/db.js';

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean | Schema;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  format?: string;
}
interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { securitySchemes?: Record<string, unknown>; schemas?: Record<string, Schema> };
}

const require = createRequire(import.meta.url);
const REDOCLY = join(dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');

// The document does not depend on data: an empty, unmigrated database is enough to build the app.
let database: Database;
let app: FastifyInstance;
let doc: Document;

beforeAll(async () => {
  database = await openDatabase({});
  app = await buildApp({ database, webRoot: null });
  await app.ready();
  doc = app.swagger() as unknown as Document;
});

afterAll(async () => {
  await app?.close();
  await database?.close();
});

const operations = () =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
  );

/** Places in a schema whose shape is not said: `{}`, or an object with no properties at all. */
function untyped(s: Schema | undefined, at: string, out: string[]): string[] {
  if (!s || s.$ref) return out;
  const said = ['type', 'anyOf', 'oneOf', 'allOf', 'enum', '$ref'].some((k) => k in s);
  if (!said) out.push(`${at}: no type`);
  if (
    s.type === 'object' &&
    !s.properties &&
    (typeof s.additionalProperties !== 'object' || !s.additionalProperties)
  )
    out.push(`${at}: object without properties`);
  // A loose object (extension fields kept, e.g. an act's body) is typed by its declared properties.
  if (s.type === 'object' && !s.properties && typeof s.additionalProperties === 'object')
    untyped(s.additionalProperties, `${at}{}`, out);
  for (const [k, v] of Object.entries(s.properties ?? {})) untyped(v, `${at}.${k}`, out);
  if (s.items) untyped(s.items, `${at}[]`, out);
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const)
    for (const [i, v] of (s[k] ?? []).entries()) untyped(v, `${at}|${i}`, out);
  return out;
}

describe('the OpenAPI document', () => {
  it('passes redocly lint with the recommended rules', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'wenze-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      await writeFile(file, JSON.stringify(doc));
      // No network: telemetry and the update check off; the recommended ruleset, whatever config.
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [REDOCLY, 'lint', file, '--extends=recommended', '--format=json', '--max-problems=1000'],
        {
          cwd: dir,
          env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
          maxBuffer: 64 * 1024 * 1024,
        },
      ).catch((e: { stdout?: string; stderr?: string }) => {
        // Exit code 1 on errors: the report is still on stdout.
        if (e.stdout) return { stdout: e.stdout };
        throw e;
      });
      const report = JSON.parse(stdout) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
      };
      const warnings = report.problems.filter((p) => p.severity === 'warn');
      console.info(
        `redocly lint: ${report.totals.errors} errors, ${report.totals.warnings} warnings` +
          (warnings.length ? ` (${[...new Set(warnings.map((w) => w.ruleId))].join(', ')})` : ''),
      );
      const errors = report.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.ruleId} ${p.location[0]?.pointer}: ${p.message}`);
      expect(errors).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('names its server and declares the session cookie and the CSRF header', () => {
    expect(doc.servers?.length).toBeGreaterThan(0);
    expect(doc.components?.securitySchemes).toMatchObject({
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'wenze_sid' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = operations().map(({ op }) => op.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.paths['/api/v1/cases/{id}']?.get?.operationId).toBe('getCasesById');
  });

  it('asks for the session on authenticated routes, and the CSRF header on their mutations', () => {
    const authenticated = new Set(
      app.routeTable.filter((r) => r.authenticated).map((r) => `${r.method} ${r.url}`),
    );
    const toFastify = (key: string) => key.replace(/\{(\w+)\}/g, ':$1').replace(/(\/acts):/, '$1::');
    for (const { key, op } of operations()) {
      const method = key.split(' ')[0]!;
      if (!authenticated.has(toFastify(key))) {
        expect(op.security, key).toEqual([]);
        continue;
      }
      const scheme = ['POST', 'PUT', 'PATCH', 'DELETE'].includes(method)
        ? { sessionCookie: [], csrfToken: [] }
        : { sessionCookie: [] };
      expect(op.security, key).toEqual([scheme]);
    }
    expect(doc.paths['/api/v1/public/complaints']?.post?.security).toEqual([]);
  });

  it('types every response', () => {
    const problems: string[] = [];
    for (const { key, op } of operations()) {
      const success = Object.keys(op.responses).filter((code) => code.startsWith('2'));
      if (success.length === 0) problems.push(`${key}: no 2xx response`);
      for (const [code, response] of Object.entries(op.responses)) {
        if (code === '204') continue;
        if (!response.content) {
          problems.push(`${key} ${code}: no content`);
          continue;
        }
        for (const [type, media] of Object.entries(response.content))
          untyped(media.schema, `${key} ${code} ${type}`, problems);
      }
    }
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {}))
      untyped(schema, `components.schemas.${name}`, problems);
    expect(problems).toEqual([]);
  });

  it('carries the core vocabularies as enums', () => {
    const json =
      doc.paths['/api/v1/cases/{id}']?.get?.responses['200']?.content?.['application/json']?.schema;
    expect(json?.properties?.state?.enum).toContain('registered');
    expect(json?.properties?.decisionKind?.enum ?? json?.properties?.decisionKind?.anyOf).toBeTruthy();
    expect(json?.properties?.actions?.items?.enum).toContain('accept');
  });
});
