import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateActs } from './generate.js';
import { ActLineError, isValidAct, parseActLine, parseActsJsonl, readAct } from './parse.js';
import { actSchema } from './schema.js';

const { acts } = generateActs({ count: 300, seed: 11, faultRate: 0.3 });

function withoutNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutNulls);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) if (x !== null && x !== undefined) out[k] = withoutNulls(x);
    return out;
  }
  return v;
}

const PATHS: (string | number)[][] = [
  ['id'],
  ['agency'],
  ['kind'],
  ['matter'],
  ['procedure'],
  ['party'],
  ['party', 'type'],
  ['party', 'id'],
  ['officers'],
  ['officers', 0],
  ['officers', 0, 'id'],
  ['officers', 0, 'certificate'],
  ['officers', 1, 'validUntil'],
  ['chain'],
  ['chain', 'handler'],
  ['violation'],
  ['incidentDate'],
  ['dates'],
  ['dates', 'accepted'],
  ['dates', 'decided'],
  ['dates', 'extended'],
  ['fine'],
  ['payment'],
  ['payment', 'method'],
  ['payment', 'receipt'],
  ['hearing'],
  ['hearing', 'held'],
  ['criminal', 'referred'],
  ['review'],
  ['party', 'name'],
  ['party', 'idNumber'],
  ['documentNo'],
  ['publishedOn'],
  ['withhold'],
  ['extra'],
];

const DELETE = Symbol('delete');
const values = fc.oneof(
  fc.constant(DELETE),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 500 }),
  fc.double(),
  fc.string({ maxLength: 4 }),
  fc.constantFrom(
    '',
    'org',
    'person',
    'penalty',
    'summary',
    'revoked',
    'bank',
    '2024-02-29',
    '2025-02-29',
    '2024-1-01',
    'minor',
  ),
  fc.constant({}),
  fc.constant([]),
  fc.constant([{ id: 'O-1' }]),
);

function mutate(v: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(v) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) {
    const next = node[k];
    if (next === null || typeof next !== 'object') return copy;
    node = next as Record<string | number, unknown>;
  }
  const last = path[path.length - 1];
  if (value === DELETE) delete node[last];
  else node[last] = value;
  return copy;
}

describe('the fast check agrees with the zod schema', () => {
  it('accepts every generated act and keeps its values', () => {
    for (const a of acts) {
      expect(actSchema.safeParse(a).success).toBe(true);
      const read = readAct(a);
      const { amount: _, ...known } = a as Record<string, unknown>;
      expect(withoutNulls(read)).toEqual(withoutNulls(known));
    }
  });

  it('accepts exactly what zod accepts, whatever one field is changed to', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...acts),
        fc.array(fc.tuple(fc.constantFrom(...PATHS), values), { minLength: 1, maxLength: 3 }),
        (a, changes) => {
          let v: unknown = a;
          for (const [path, value] of changes) v = mutate(v, path, value);
          expect(isValidAct(v)).toBe(actSchema.safeParse(v).success);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('rejects what is not an object', () => {
    for (const v of [null, [], 'x', 3]) expect(isValidAct(v)).toBe(false);
  });
});

describe('parsing lines', () => {
  const line = JSON.stringify(acts[0]);

  it('keeps unknown fields', () => {
    const a = parseActLine(JSON.stringify({ ...acts[0], sourceSystem: 'X' }), 1);
    expect(a.sourceSystem).toBe('X');
  });

  it('names the line and the field', () => {
    const bad = JSON.stringify({ ...acts[0], dates: { ...acts[0].dates, decided: '2024-02-30' } });
    try {
      parseActLine(bad, 17);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ActLineError);
      expect((e as ActLineError).line).toBe(17);
      expect((e as Error).message).toMatch(/^line 17: dates\.decided: /);
    }
    expect(() => parseActLine('{"id": ', 3)).toThrow(/^line 3: \(root\): JSON 格式错误/);
    expect(() => parseActLine(JSON.stringify({ ...acts[0], kind: 'tax' }), 5)).toThrow(/^line 5: kind: /);
  });

  it('skips blank lines and counts them, with CRLF and a byte-order mark', () => {
    const text = `\ufeff${line}\r\n\r\n${line}\n`;
    expect([...parseActsJsonl(text)]).toHaveLength(2);
    expect(() => [...parseActsJsonl(`${line}\n\n{bad}\n`)]).toThrow(/^line 3: /);
  });
});
