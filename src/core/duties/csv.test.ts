// The CSV reader of duty lists: RFC 4180 quoting, every line end, the line each record starts on,
// blank lines skipped; the same records as the acts reader's (src/store/acts-formats.ts) on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvRows } from '../../store/acts-formats.js';
import { csvLine } from './columns.js';
import { csvRecords } from './csv.js';

describe('csvRecords', () => {
  it('reads quoted fields, doubled quotes, line ends inside quotes, CRLF, LF and CR', () => {
    const text = 'a,b,c\r\n"x,1","say ""hi""","two\nlines"\n\nlast,,\rend';
    expect(csvRecords(text)).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x,1', 'say "hi"', 'two\nlines'] },
      { line: 5, fields: ['last', '', ''] },
      { line: 6, fields: ['end'] },
    ]);
    expect(csvRecords('')).toEqual([]);
    expect(csvRecords('"open')).toEqual([{ line: 1, fields: ['open'] }]);
  });

  it('reads back what csvLine writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', '职', ',', '"', '\n', '；', ' ') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { maxLength: 6 }), (rows) => {
        const text = rows.map((r) => `${csvLine(r)}\r\n`).join('');
        expect(csvRecords(text).map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('gives the same records and lines as the acts reader (property)', async () => {
    const text = fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '\r\n', 'b') });
    await fc.assert(
      fc.asyncProperty(text, async (t) => {
        const theirs: { line: number; fields: string[] }[] = [];
        for await (const r of csvRows([t])) theirs.push(r);
        const blank = (r: { fields: string[] }) => r.fields.length === 1 && r.fields[0] === '';
        expect(csvRecords(t)).toEqual(theirs.filter((r) => !blank(r)));
      }),
    );
  });
});
