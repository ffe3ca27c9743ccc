import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, parseWith, ValidationError } from './validation.js';

describe('validation', () => {
  it('formats nested paths with indices', () => {
    expect(formatPath(['people', 0, 'role'])).toBe('people[0].role');
    expect(formatPath([])).toBe('(root)');
  });

  it('names every failing field', () => {
    const schema = z.object({ a: z.string(), b: z.array(z.object({ c: z.number() })) });
    try {
      parseWith(schema, { a: 1, b: [{ c: 'x' }] });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ValidationError);
      const paths = (e as ValidationError).fields.map((f) => f.path).sort();
      expect(paths).toEqual(['a', 'b[0].c']);
    }
  });
});

describe('unsafe text', () => {
  it('names every string (and key) holding a NUL or a lone surrogate, at any depth', async () => {
    const { unsafeTextFields } = await import('./validation.js');
    expect(unsafeTextFields({ a: 'ok 𠀀', b: ['x', 'y\u0000'], c: { d: '\ud800' }, 'k\udc00': 1 })).toEqual([
      { path: 'b[1]', message: expect.any(String) },
      { path: 'c.d', message: expect.any(String) },
      { path: '(root)', message: expect.any(String) },
    ]);
    expect(unsafeTextFields({ fine: '中文 emoji 😀', n: 1, z: null })).toEqual([]);
  });

  it('parseWith refuses them before the schema, naming the field', () => {
    try {
      parseWith(z.object({ name: z.string() }), { name: 'a\u0000' });
      expect.unreachable();
    } catch (e) {
      expect((e as ValidationError).fields.map((f) => f.path)).toEqual(['name']);
    }
  });

  it('a JSON syntax error says where, never the parser’s English', async () => {
    const { jsonSyntaxMessage } = await import('./validation.js');
    const errorOf = (text: string) => {
      try {
        JSON.parse(text);
      } catch (e) {
        return e;
      }
    };
    expect(jsonSyntaxMessage(errorOf('{"id": '))).toBe('JSON 格式错误');
    expect(jsonSyntaxMessage(errorOf('{"a" 1}'))).toBe('JSON 格式错误（第 6 个字符处）');
  });
});
