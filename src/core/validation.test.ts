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
