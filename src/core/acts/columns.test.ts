// The enumerated columns of CSV and Excel imports: every code and every Chinese label of every
// vocabulary maps to its code, whatever the width, case and surrounding spaces; anything else is an
// error naming the allowed values (or kept as text where the exchange format allows free text).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACT_KINDS, LICENSING_DECISIONS } from './codes.js';
import {
  ACT_COLUMNS,
  ACT_EXAMPLE_ROW,
  ACT_VOCABULARIES,
  allowedValues,
  BOOLEAN_COLUMNS,
  booleanOf,
  codeOf,
  columnValue,
  normalizeValue,
  type VocabularyColumn,
} from './columns.js';

const COLUMNS = Object.keys(ACT_VOCABULARIES) as VocabularyColumn[];

/** ASCII as full-width forms (Ａ–ｚ, ０–９, ＿), other characters as they are. */
const fullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

describe('enumerated columns', () => {
  it('map every label and every code of every vocabulary to its code', () => {
    let n = 0;
    for (const column of COLUMNS) {
      const v = ACT_VOCABULARIES[column];
      for (const code of v.codes) {
        const label = v.labels[code];
        expect(label, `${column}.${code}`).toMatch(/\p{Script=Han}/u);
        for (const text of [
          code,
          label,
          ` ${label} `,
          `\u3000${label}\u3000`,
          fullWidth(code),
          code.toUpperCase(),
        ]) {
          expect(codeOf(v, text), `${column}: ${JSON.stringify(text)}`).toBe(code);
          expect(columnValue(column, text)).toEqual({ value: code });
          n++;
        }
      }
      for (const [alias, code] of Object.entries(v.aliases ?? {})) {
        expect(v.codes, `${column}: alias ${alias}`).toContain(code);
        expect(codeOf(v, alias)).toBe(code);
      }
    }
    expect(n).toBeGreaterThan(100);
  });

  it('has one code per label: no label or alias of a vocabulary stands for two codes', () => {
    for (const column of COLUMNS) {
      const v = ACT_VOCABULARIES[column];
      const seen = new Map<string, string>();
      const spellings: [string, string][] = [
        ...v.codes.map((c) => [c, c] as [string, string]),
        ...v.codes.map((c) => [v.labels[c], c] as [string, string]),
        ...Object.entries(v.aliases ?? {}),
      ];
      for (const [text, code] of spellings) {
        const key = normalizeValue(text);
        expect(seen.get(key) ?? code, `${column}: ${text}`).toBe(code);
        seen.set(key, code);
      }
    }
  });

  it('names the allowed values, labels and codes, for a value a column does not take', () => {
    const r = columnValue('kind', '处罚');
    expect(r).toEqual({ error: expect.stringContaining('取值“处罚”无效') });
    const message = (r as { error: string }).error;
    for (const k of ACT_KINDS) {
      expect(message).toContain(k);
      expect(message).toContain(ACT_VOCABULARIES.kind.labels[k]);
    }
    expect(message).toContain('行政处罚（penalty）');
    const decision = columnValue('decision', '同意');
    for (const d of LICENSING_DECISIONS) expect((decision as { error: string }).error).toContain(d);
    expect(columnValue('measure', 'seizure')).toEqual({ error: expect.stringContaining('查封（seal）') });
    expect(columnValue('review', '改判')).toEqual({
      error: expect.stringContaining('确认违法（confirmed_illegal）'),
    });
    expect(columnValue('party.type', '企业')).toEqual({
      error: expect.stringContaining('单位（org）、个人（person）'),
    });
    expect(columnValue('procedure', '快速')).toEqual({
      error: expect.stringContaining('简易程序（summary）'),
    });
  });

  it('takes synonyms in use, and keeps other payment methods as text (the exchange format allows them)', () => {
    expect(columnValue('payment.method', '现场收缴')).toEqual({ value: 'onsite' });
    expect(columnValue('payment.method', '当场收缴')).toEqual({ value: 'onsite' });
    expect(columnValue('payment.method', '邮政汇款')).toEqual({ value: '邮政汇款' });
    expect(columnValue('decision', '准予')).toEqual({ value: 'granted' });
    expect(columnValue('decision', 'not accepted')).toEqual({ value: 'not_accepted' });
    expect(columnValue('review', 'Confirmed-Illegal')).toEqual({ value: 'confirmed_illegal' });
    expect(columnValue('kind', '行政征收征用')).toEqual({ value: 'levy' });
    expect(columnValue('party.type', '自然人')).toEqual({ value: 'person' });
    expect(columnValue('matter', '行政处罚')).toBeUndefined();
  });

  it('reads yes/no columns in either language and width, and refuses other values', () => {
    for (const [text, b] of [
      ['是', true],
      ['否', false],
      ['TRUE', true],
      ['ｆａｌｓｅ', false],
      ['１', true],
      [' 0 ', false],
      ['Yes', true],
      ['n', false],
    ] as const) {
      expect(booleanOf(text), text).toBe(b);
      expect(columnValue('hearing.held', text)).toEqual({ value: b });
    }
    expect(columnValue('payment.receipt', '也许')).toEqual({
      error: expect.stringContaining('是（true）、否（false）'),
    });
  });

  it('maps any spelling of a code or label (width, case, spaces around) — property', () => {
    const spaces = fc.constantFrom('', ' ', '  ', '\u3000', '\t', '\u200b', ' \u3000');
    const spelling = fc
      .constantFrom(...COLUMNS)
      .chain((column) =>
        fc.tuple(
          fc.constant(column),
          fc.constantFrom(...ACT_VOCABULARIES[column].codes),
          fc.boolean(),
          fc.boolean(),
          fc.boolean(),
          spaces,
          spaces,
        ),
      );
    fc.assert(
      fc.property(spelling, ([column, code, useLabel, wide, upper, before, after]) => {
        const v = ACT_VOCABULARIES[column];
        let text = useLabel ? v.labels[code] : code;
        if (upper) text = text.toUpperCase();
        if (wide) text = fullWidth(text);
        expect(columnValue(column, `${before}${text}${after}`)).toEqual({ value: code });
      }),
      { seed: 16, numRuns: 500 },
    );
  });

  it('refuses any other text in a closed vocabulary, naming it — property', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...COLUMNS.filter((c) => !ACT_VOCABULARIES[c].open)),
        fc.string({ minLength: 1, maxLength: 8 }),
        (column, text) => {
          const v = ACT_VOCABULARIES[column];
          const code = codeOf(v, text);
          const r = columnValue(column, text);
          if (code !== undefined) expect(r).toEqual({ value: code });
          else expect(r).toEqual({ error: `取值“${text}”无效，可选：${allowedValues(column)}` });
        },
      ),
      { seed: 8, numRuns: 1000 },
    );
  });
});

describe('the columns', () => {
  it('list every enumerated and yes/no column, with an example each column takes', () => {
    const names = ACT_COLUMNS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 3)).toEqual(['id', 'agency', 'kind']);
    expect(ACT_COLUMNS.filter((c) => c.required).map((c) => c.name)).toEqual(['id', 'agency', 'kind']);
    for (const column of COLUMNS) expect(names).toContain(column);
    for (const column of BOOLEAN_COLUMNS) expect(names).toContain(column);
    for (const c of ACT_COLUMNS) {
      expect(c.type === 'enum', c.name).toBe(c.name in ACT_VOCABULARIES);
      expect(c.type === 'boolean', c.name).toBe(BOOLEAN_COLUMNS.has(c.name));
      expect(c.example, c.name).not.toBe('');
      const r = columnValue(c.name, c.example);
      if (r !== undefined) expect(r, c.name).not.toHaveProperty('error');
    }
    for (const [name, value] of Object.entries(ACT_EXAMPLE_ROW)) {
      expect(names).toContain(name);
      const r = columnValue(name, value);
      if (r !== undefined) expect(r, name).not.toHaveProperty('error');
    }
  });
});
