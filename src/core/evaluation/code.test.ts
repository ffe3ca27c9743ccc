// The invitation code: every generated code is valid, reads back from how it is shown or typed (lower
// case, spaces, O for 0), and any one symbol mistyped is caught by the check symbol.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  codeFromBytes,
  evaluationLink,
  formatCode,
  normalizeCode,
} from './code.js';

const bytes = fc.uint8Array({ minLength: 11, maxLength: 32 });

describe('invitation codes', () => {
  it('are 12 symbols of the alphabet, shown as three groups of four', () => {
    const code = codeFromBytes(new Uint8Array(16).fill(7));
    expect(code).toHaveLength(CODE_LENGTH);
    expect(formatCode(code)).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(evaluationLink('https://wenze.example.cn/', code)).toBe(
      `https://wenze.example.cn/public/evaluate?code=${formatCode(code)}`,
    );
    expect(() => codeFromBytes(new Uint8Array(5))).toThrow(RangeError);
  });

  it('read back from what a person types', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const code = codeFromBytes(b);
        expect(normalizeCode(code)).toBe(code);
        expect(normalizeCode(formatCode(code).toLowerCase().replace(/-/g, ' '))).toBe(code);
        expect(normalizeCode(code.replace(/0/g, 'O').replace(/1/g, 'I'))).toBe(code);
      }),
    );
  });

  it('catch any one symbol mistyped', () => {
    fc.assert(
      fc.property(bytes, fc.nat(CODE_LENGTH - 1), fc.nat(CODE_ALPHABET.length - 1), (b, at, sym) => {
        const code = codeFromBytes(b);
        const other = CODE_ALPHABET[sym]!;
        fc.pre(code[at] !== other);
        expect(normalizeCode(code.slice(0, at) + other + code.slice(at + 1))).toBeNull();
      }),
    );
  });

  it('refuse what cannot be a code: wrong length, U, a receipt of 16 symbols', () => {
    expect(normalizeCode('')).toBeNull();
    expect(normalizeCode('ABCD-EFGH-JKU0')).toBeNull();
    expect(normalizeCode('ABCD-EFGH-JKMN-PQRS')).toBeNull();
  });
});
