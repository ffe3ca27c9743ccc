// Requests generated from an OpenAPI document for the route fuzzer (test/api/fuzz.test.ts):
// each schema gives plausible values — ids of the demo data, real dates, numbers at the edges a
// column can hold — and one place at a time is replaced by a hostile value (NUL, a lone
// surrogate, year 0000, 2^31, a wrong type, an over-long string) or left out.
import fc from 'fast-check';

export type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | Schema;
};

export interface Operation {
  parameters?: { in: string; name: string; required?: boolean; schema: Schema }[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}

export interface Pools {
  agencies: string[];
  officers: string[];
  users: string[];
  targetUsers: string[];
  leads: string[];
  cases: string[];
  referrals: number[];
  certificates: number[];
  files: number[];
  receipts: string[];
  acts: string[];
  regions: string[];
}

// ---- hostile values -------------------------------------------------------------------

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\udbff\u0000',
  '0000-01-01',
  '9999-12-31',
  '2026-02-30',
  '-1',
  '1e400',
  'null',
  "' OR 1=1 --",
  '../../etc/passwd',
  '%00',
  '\u202e\u200b',
  '𠀀𠀁',
  'x'.repeat(300),
  '长'.repeat(12_000),
];
const HOSTILE_DATES = ['0000-01-01', '0001-01-01', '9999-12-31', '1900-02-29', '2024-02-29', '2026-13-01'];
const EDGE_INTEGERS = [0, -1, 1, 2, 3, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 53 - 1, 2 ** 53, 1e21];
const UNKNOWN_ID = 'NOPE-0000';
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

const hostileString = fc.constantFrom(...HOSTILE_STRINGS);
const wrongType = fc.constantFrom<unknown>(null, true, 12345, -0.5, [], {}, 'str', ['\u0000'], {
  a: '\ud800',
});

function pick<T>(values: readonly T[]): fc.Arbitrary<T> {
  return values.length > 0 ? fc.constantFrom(...values) : (fc.constant(undefined) as fc.Arbitrary<T>);
}

const realisticDate = fc
  .integer({ min: Date.UTC(2019, 0, 1), max: Date.UTC(2027, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));

const dateArb = fc.oneof(
  { weight: 6, arbitrary: realisticDate },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
  { weight: 1, arbitrary: hostileString },
);

const DATE_NAME = /(On|Date|Until|^on|^from|^to|^asOf|^day|^date)$/;

// ---- schema → arbitrary ---------------------------------------------------------------

function fitLength(s: string, schema: Schema): string {
  let out = s;
  const min = schema.minLength ?? 0;
  while (out.length < min) out += '测';
  if (schema.maxLength !== undefined && out.length > schema.maxLength) out = out.slice(0, schema.maxLength);
  return out;
}

function namedPool(name: string, pools: Pools): string[] | null {
  if (/^(agency|agencyId|parentId)$/.test(name)) return pools.agencies;
  if (/^(officer|officerId|handler|reviewer|approver)$/.test(name)) return pools.officers;
  if (/^(userId|approvedBy)$/.test(name)) return pools.users;
  if (/^(into|leadId)$/.test(name)) return pools.leads;
  if (/^(personId)$/.test(name)) return [...pools.officers.slice(0, 5), 'p1'];
  if (/^(regionCode|region)$/.test(name)) return [...pools.regions, '000000', '999999'];
  if (name === 'pack') return ['guizhou', 'nope'];
  if (/^(fault|faults)$/.test(name)) return ['penalty.04', 'licensing.07', 'other.01', 'nope.99'];
  return null;
}

function stringArb(schema: Schema, name: string, pools: Pools): fc.Arbitrary<string> {
  if (schema.format === 'uuid') {
    const known = name === 'userId' || name === 'userIds' ? pools.users : [...pools.cases, ...pools.leads];
    // With no known ids (no cases yet), generated and nil ones only: never an undefined string.
    return known.length > 0
      ? fc.oneof(pick(known), fc.uuid(), fc.constant(NIL_UUID))
      : fc.oneof(fc.uuid(), fc.constant(NIL_UUID));
  }
  if (schema.pattern) {
    return fc.oneof(
      { weight: 8, arbitrary: fc.stringMatching(new RegExp(schema.pattern)) },
      { weight: 1, arbitrary: hostileString },
    );
  }
  if (DATE_NAME.test(name)) return dateArb;
  const pool = namedPool(name, pools);
  const free = fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 24, unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.constantFrom('正当执法事由说明文字足够长', '测试', 'abc', 'ok ok ok ok') },
    { weight: 2, arbitrary: hostileString },
  );
  const base = pool
    ? fc.oneof(
        { weight: 5, arbitrary: pick(pool) },
        { weight: 1, arbitrary: fc.constantFrom('', UNKNOWN_ID) },
        free,
      )
    : free;
  return base.map((s) => fitLength(s, schema));
}

function numberArb(schema: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? Number.MIN_SAFE_INTEGER;
  const max = schema.maximum ?? Number.MAX_SAFE_INTEGER;
  const lo = Math.max(min, -1000);
  const edges = [...EDGE_INTEGERS, min, max, ...(integer ? [] : [0.5, 1e308])].filter(
    (n) => n >= min && n <= max,
  );
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: lo, max: Math.min(max, lo + 2000) }) },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
  );
}

function validArb(schema: Schema, name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => anyArb(s, name, pools, depth)));
  if (schema.allOf) return anyArb(Object.assign({}, ...schema.allOf), name, pools, depth);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  let arb: fc.Arbitrary<unknown>;
  switch (type) {
    case 'string':
      arb = stringArb(schema, name, pools);
      break;
    case 'integer':
      arb = numberArb(schema, true);
      break;
    case 'number':
      arb = numberArb(schema, false);
      break;
    case 'boolean':
      arb = fc.boolean();
      break;
    case 'array': {
      const item = schema.items ?? {};
      arb = fc.array(anyArb(item, name, pools, depth + 1), {
        minLength: schema.minItems ?? 0,
        maxLength: Math.min(schema.maxItems ?? 3, 3),
      });
      break;
    }
    case 'object':
      arb = objectArb(schema, pools, depth);
      break;
    default:
      // No type: free JSON (acts of the exchange format, facts of a case).
      arb = depth > 3 ? fc.constant(null) : looseJson(name, pools, depth);
  }
  return schema.nullable ? fc.oneof(fc.constant(null), arb) : arb;
}

function objectArb(schema: Schema, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  const props = schema.properties ?? {};
  if (Object.keys(props).length === 0) return depth > 3 ? fc.constant({}) : looseJson('', pools, depth);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [key, s] of Object.entries(props)) record[key] = anyArb(s, key, pools, depth + 1);
  const required = (schema.required ?? []).filter((k) => k in props);
  const valid = fc.record(record, { requiredKeys: required });
  return fc.oneof(
    { weight: 12, arbitrary: valid },
    // A required field missing, or an unknown one with a hostile key.
    {
      weight: 1,
      arbitrary: valid.chain((o) =>
        required.length > 0
          ? fc.constantFrom(...required).map((k) => {
              const { [k]: _, ...rest } = o as Record<string, unknown>;
              return rest;
            })
          : fc.constant(o),
      ),
    },
    { weight: 1, arbitrary: valid.map((o) => ({ ...(o as object), 'k\u0000': '\ud800' })) },
  );
}

/** Something shaped like an enforcement act, with hostile values mixed in. */
function actArb(pools: Pools): fc.Arbitrary<unknown> {
  const text = fc.oneof(fc.constantFrom('食品经营许可', 'FOOD-27', ''), hostileString);
  return fc.record(
    {
      id: fc.oneof(fc.constantFrom(...pools.acts.slice(0, 3), 'FZ-1', 'FZ-2'), hostileString),
      agency: fc.oneof(pick(pools.agencies), fc.constantFrom('', UNKNOWN_ID), hostileString),
      kind: fc.oneof(
        fc.constantFrom('licensing', 'penalty', 'inspection', 'coercion', 'levy', 'other'),
        wrongType,
      ),
      matter: text,
      procedure: fc.constantFrom('ordinary', 'summary', null),
      party: fc.record({ type: fc.constantFrom('org', 'person'), id: text }),
      officers: fc.array(
        fc.record({
          id: fc.oneof(pick(pools.officers), hostileString),
          certificate: text,
          validUntil: dateArb,
        }),
        { maxLength: 2 },
      ),
      chain: fc.record({ handler: pick(pools.officers), approver: pick(pools.officers) }),
      violation: text,
      incidentDate: dateArb,
      dates: fc.record(
        { applied: dateArb, accepted: dateArb, filed: dateArb, decided: dateArb, extended: fc.boolean() },
        { requiredKeys: [] },
      ),
      fine: fc.oneof(fc.constantFrom(0, 500, 1e21, 2 ** 53, 0.001), wrongType),
      review: fc.constantFrom(null, 'upheld', 'changed', 'nope'),
    },
    { requiredKeys: ['id', 'agency', 'kind', 'officers', 'dates'] },
  );
}

function looseJson(name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  if (name === 'acts') return actArb(pools);
  return fc.oneof(
    fc.dictionary(
      fc.oneof(fc.string({ maxLength: 8 }), hostileString),
      fc.oneof(hostileString, fc.integer()),
      {
        maxKeys: 3,
      },
    ),
    depth > 2 ? fc.constant(null) : actArb(pools),
  );
}

function anyArb(schema: Schema, name: string, pools: Pools, depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 24, arbitrary: validArb(schema, name, pools, depth) },
    { weight: 1, arbitrary: hostileString },
    { weight: 1, arbitrary: wrongType },
  );
}

// ---- one hostile value in an otherwise plausible request --------------------------------

type Path = (string | number)[];

function pathsOf(v: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (path.length > 0) out.push(path);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) pathsOf(v[i], [...path, i], out);
  else if (v !== null && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) pathsOf(x, [...path, k], out);
  return out;
}

function replaceAt(v: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  const copy = (Array.isArray(v) ? [...v] : { ...(v as object) }) as Record<string | number, unknown>;
  if (rest.length === 0 && remove && !Array.isArray(v)) delete copy[head];
  else copy[head] = replaceAt(copy[head], rest, value, remove);
  return copy;
}

const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_INTEGERS, -(2 ** 31) - 1, 1e308, -1e308) },
  { weight: 1, arbitrary: wrongType },
);

/** The value with one place (a field, an item, the whole) replaced by a hostile value or removed. */
function mutated(arb: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return arb.chain((v) => {
    const paths = pathsOf(v);
    if (paths.length === 0) return hostileValue;
    return fc
      .tuple(fc.constantFrom(...paths), hostileValue, fc.integer({ min: 0, max: 5 }))
      .map(([p, h, r]) => replaceAt(v, p, h, r === 0));
  });
}

// ---- requests -------------------------------------------------------------------------

export type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; contentType: string; payload: string }
  | { kind: 'multipart'; filename: string; content: string; field?: string };

export interface FuzzRequest {
  username: string;
  path: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: Body;
}

/** Percent-encoding that also carries lone surrogates (as their CESU-8 bytes). */
function encode(s: string): string {
  let out = '';
  for (const ch of s) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join('');
    }
  }
  return out;
}

export function pathPool(url: string, param: string, pools: Pools): readonly (string | number)[] {
  if (param === 'certificateId') return pools.certificates;
  if (param === 'fileId') return pools.files;
  if (param === 'receipt') return pools.receipts;
  if (param === 'day') return ['2026-10-01', '2026-12-31'];
  const resource = url.split('/')[3];
  const byResource: Record<string, readonly (string | number)[]> = {
    agencies: pools.agencies,
    officers: pools.officers,
    users: pools.targetUsers,
    leads: pools.leads,
    cases: pools.cases,
    referrals: pools.referrals,
    acts: pools.acts,
  };
  return byResource[resource] ?? [];
}

const garbageBody: fc.Arbitrary<Body> = fc.oneof(
  fc.constant<Body>({ kind: 'raw', contentType: 'application/json', payload: '{"a":' }),
  fc.constant<Body>({ kind: 'raw', contentType: 'application/json', payload: '"\\u0000"' }),
  fc.constant<Body>({ kind: 'raw', contentType: 'application/json', payload: '[1,2,3]' }),
  fc.constant<Body>({ kind: 'raw', contentType: 'text/plain', payload: 'hello' }),
  fc.constant<Body>({ kind: 'raw', contentType: 'application/x-ndjson', payload: '{"id":"\\u0000"}\n{' }),
  fc.constant<Body>({ kind: 'raw', contentType: 'multipart/form-data', payload: 'no boundary' }),
);

const multipartBody: fc.Arbitrary<Body> = fc.record({
  kind: fc.constant('multipart' as const),
  filename: fc.oneof(
    fc.constantFrom('acts.jsonl', 'acts.csv', 'acts.xlsx', 'officers.xlsx', 'a.pdf', ''),
    hostileString.map((s) => `${s.slice(0, 200)}.jsonl`),
  ),
  content: fc.oneof(
    fc.constantFrom(
      '',
      '{"id":"A-1","agency":"NOPE","kind":"penalty","officers":[],"dates":{}}\n',
      '{"id":"A\\u0000","agency":"x","kind":"penalty","officers":[],"dates":{"decided":"0000-01-01"}}\n',
      'id,agency,kind\n\u0000,\ud800,penalty\n',
      'PK\u0003\u0004garbage',
    ),
    fc.string({ maxLength: 200 }),
  ),
  field: fc.option(fc.constantFrom('file', 'description', '\u0000'), { nil: undefined }),
});

export function requestArb(
  url: string,
  method: string,
  op: Operation,
  usernames: string[],
  pools: Pools,
): fc.Arbitrary<FuzzRequest> {
  const path: Record<string, fc.Arbitrary<string>> = {};
  const query: Record<string, fc.Arbitrary<string>> = {};
  const headers: Record<string, fc.Arbitrary<string>> = {};
  for (const p of op.parameters ?? []) {
    const value = anyArb(p.schema, p.name, pools, 1).map((v) =>
      typeof v === 'string' ? v : JSON.stringify(v),
    );
    if (p.in === 'path') {
      path[p.name] = fc.oneof(
        { weight: 4, arbitrary: pick(pathPool(url, p.name, pools)).map(String) },
        value,
      );
    } else if (p.in === 'query') {
      query[p.name] = value;
    } else if (p.in === 'header') {
      // Header values are printable ASCII on the wire.
      headers[p.name] = fc.oneof(
        fc.stringMatching(/^[!-~]{0,120}$/),
        fc.constantFrom('fuzz-key-0001', 'fuzz-key-0001', 'fuzz-key-0002'),
      );
    }
  }
  const schema = op.requestBody?.content['application/json']?.schema;
  let body: fc.Arbitrary<Body>;
  if (schema) {
    const valid = validArb(schema, '', pools, 0);
    body = fc.oneof(
      { weight: 3, arbitrary: valid.map((value): Body => ({ kind: 'json', value })) },
      { weight: 4, arbitrary: mutated(valid).map((value): Body => ({ kind: 'json', value })) },
      { weight: 1, arbitrary: garbageBody },
    );
  } else if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    body = fc.oneof(
      { weight: 4, arbitrary: multipartBody },
      { weight: 1, arbitrary: garbageBody },
      { weight: 1, arbitrary: fc.constant<Body>({ kind: 'none' }) },
    );
  } else {
    body = fc.constant({ kind: 'none' });
  }
  return fc.record({
    username: fc.constantFrom(...usernames),
    path: fc.record(path),
    query: fc.oneof(
      fc.record(query, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
      mutated(fc.record(query, { requiredKeys: [] })).map(
        (q): Record<string, string> =>
          Object.fromEntries(
            Object.entries(q !== null && typeof q === 'object' ? q : {}).map(([k, v]) => [
              k,
              typeof v === 'string' ? v : JSON.stringify(v),
            ]),
          ),
      ),
    ),
    headers: fc.record(headers, { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
    body,
  });
}

export function multipart(b: Extract<Body, { kind: 'multipart' }>): { payload: Buffer; contentType: string } {
  const boundary = '----wenzefuzz';
  const parts: string[] = [];
  if (b.field)
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${b.field}"\r\n\r\n说明\u0000\r\n`);
  parts.push(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${b.filename.replace(/"/g, '')}"\r\n` +
      `Content-Type: application/octet-stream\r\n\r\n${b.content}\r\n`,
  );
  parts.push(`--${boundary}--\r\n`);
  return {
    payload: Buffer.from(parts.join(''), 'utf8'),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export function fillUrl(url: string, path: Record<string, string>, query: Record<string, string>): string {
  const filled = url.replace(/\{(\w+)\}/g, (_, name: string) => encode(path[name] ?? 'x'));
  const qs = Object.entries(query)
    .map(([k, v]) => `${encode(k)}=${encode(v)}`)
    .join('&');
  return qs ? `${filled}?${qs}` : filled;
}
