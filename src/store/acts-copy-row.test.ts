// The import's fast lane against the full path: whenever the fast lane takes a line, the full path
// (JSON.parse, readAct, the database checks) must take it too and make the same COPY row, id and
// hash; generated acts must all take the fast lane.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateActs } from '../core/acts/generate.js';
import { ACT_PATHS, damageChars, mutate, mutationValues } from '../core/acts/mutations.testing.js';
import type { Act } from '../core/acts/schema.js';
import { type FastRow, FastRows, RowBytes } from './acts-copy-row.js';
import { ActRowBuilder } from './acts-import.js';

const acts = [
  ...generateActs({ count: 300, seed: 41, faultRate: 0.5 }).acts,
  ...generateActs({ count: 300, seed: 42, faultRate: 0 }).acts,
];

// Registered agencies (one with a name that is not a region code, one in Chinese); others resolve
// by their 6-digit prefix or not at all.
const regions = new Map([
  ['SCJ', '529900'],
  ['市场监管局', '529921'],
  ['529900-SCJ', '529901'],
]);
const builder = new ActRowBuilder(regions, true);
const fast = new FastRows((agency) => builder.regionOf(agency));

/** Both paths over one line (placed inside a larger buffer); whether the fast lane took it. */
function agree(line: string): boolean {
  const bytes = Buffer.from(line, 'utf8');
  const full = builder.build({ line: 1, text: bytes.toString('latin1') });
  const buf = Buffer.concat([Buffer.from('{}\n'), bytes, Buffer.from('\n{"x":1}')]);
  const rows = new RowBytes(8);
  rows.addText('previous\n', 'latin1');
  const before = rows.pos;
  const info: FastRow = { idStart: 0, idEnd: 0, rowStart: 0, rowEnd: 0, hash: '' };
  const plain = !line.includes('\t') && !line.includes('\r');
  const took = fast.row(buf, 3, 3 + bytes.length, plain, rows, info);
  if (took) {
    expect(Array.isArray(full), line).toBe(false);
    const built = full as { id: string; hash: string; row: string };
    expect(info.rowStart).toBe(before);
    expect(info.rowEnd).toBe(rows.pos);
    expect(rows.buf.toString('latin1', info.rowStart, info.rowEnd), line).toBe(built.row);
    expect(info.hash).toBe(built.hash);
    expect(buf.toString('latin1', info.idStart, info.idEnd)).toBe(built.id);
    expect(rows.rows).toBe(2);
  } else {
    expect(rows.pos).toBe(before);
    expect(rows.rows).toBe(1);
  }
  return took;
}

describe('the import fast lane agrees with the full path', () => {
  it('takes every generated act, with the same row', () => {
    for (const a of acts) expect(agree(JSON.stringify(a)), JSON.stringify(a)).toBe(true);
  });

  it('on mutated acts', () => {
    const seen = [0, 0];
    fc.assert(
      fc.property(
        fc.constantFrom(...acts),
        fc.array(fc.tuple(fc.constantFrom(...ACT_PATHS), mutationValues), { minLength: 1, maxLength: 4 }),
        (a, changes) => {
          let v: unknown = a;
          for (const [path, value] of changes) v = mutate(v, path, value);
          seen[agree(JSON.stringify(v)) ? 1 : 0]++;
        },
      ),
      { numRuns: 5000 },
    );
    expect(Math.min(...seen)).toBeGreaterThan(500);
  });

  it('on damaged or reformatted text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...acts), fc.nat(), damageChars, fc.boolean(), (a, at, ch, pretty) => {
        const line = pretty ? JSON.stringify(a, null, '\t').replace(/\n/g, ' ') : JSON.stringify(a);
        const i = at % (line.length + 1);
        agree(line.slice(0, i) + ch + line.slice(i));
        agree(line.slice(0, i) + ch + line.slice(i + 1));
      }),
      { numRuns: 4000 },
    );
  });

  it('leaves the unusual to the full path, and takes the plain cases around it', () => {
    const a = acts.find((x) => x.kind === 'penalty' && x.fine && x.payment) as Act;
    const line = JSON.stringify(a);
    // Numbers other than plain integers, escapes, repeated members: the full path decides.
    for (const fine of ['1e3', '100.0', '-0', '-1', '01', '1.', '1E+2', '9007199254740993']) {
      expect(agree(line.replace(/"fine":\d+/, `"fine":${fine}`))).toBe(false);
    }
    expect(agree(line.replace('"id":"', '"id":"\\u0041'))).toBe(false);
    expect(agree(line.replace('"dates":{', '"dates":{"decided":"2024-01-01",'))).toBe(false);
    expect(agree(`{"id":"X-0",${line.slice(1)}`)).toBe(false);
    expect(agree(line.replace('"officers":[{', '"officers":[{"id":"O-X",'))).toBe(false);
    expect(agree(line.replace('"incidentDate":"', '"incidentDate":"0000-01-01","x":"'))).toBe(false);
    expect(agree(`${line}x`)).toBe(false);
    expect(agree(`[${line}]`)).toBe(false);
    // Whitespace (tabs and CRs are escaped in the body), unknown members, every kind of agency.
    expect(agree(` ${line.replace(/,/g, ',\t').replace(/:/g, ' :\r ')}\t `)).toBe(true);
    expect(agree(line.replace('{', '{"x":[1,{"y":[true,false,null,-1.5e-3,"",{}]}],'))).toBe(true);
    expect(agree(line.replace(/"fine":\d+/, '"fine":0'))).toBe(true);
    expect(agree(line.replace(/"fine":\d+/, '"fine":123456789012345'))).toBe(true);
    for (const agency of ['SCJ', '市场监管局', '529900-SCJ', '520100-XYZ']) {
      expect(agree(JSON.stringify({ ...a, agency }))).toBe(true);
    }
    for (const agency of ['52010-X', '未登记', 'XYZ'])
      expect(agree(JSON.stringify({ ...a, agency }))).toBe(false);
    const minimal = { id: '甲-1', agency: 'SCJ', kind: 'other', officers: [], dates: {} };
    expect(agree(JSON.stringify(minimal))).toBe(true);
    expect(agree(JSON.stringify({ ...minimal, matter: '', chain: null, party: null, review: null }))).toBe(
      true,
    );
  });
});
