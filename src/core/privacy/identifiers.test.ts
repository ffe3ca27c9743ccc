import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orgCode } from '../acts/generate-parts.js';
import {
  birthDateOf,
  idNumberCheck,
  isCreditCode,
  isResidentIdNumber,
  USCC_CHARS,
  usccCheck,
} from './identifiers.js';

describe('resident ID numbers (GB 11643-1999)', () => {
  it('checks the check character', () => {
    // The standard's own example, and one ending in X.
    expect(isResidentIdNumber('11010519491231002X')).toBe(true);
    expect(isResidentIdNumber('11010519491231002x')).toBe(true);
    expect(isResidentIdNumber('110105194912310021')).toBe(false);
    expect(isResidentIdNumber('440524188001010014')).toBe(true);
    expect(isResidentIdNumber('44052418800101001')).toBe(false);
    expect(idNumberCheck('11010519491231002')).toBe('X');
  });

  it('every body has exactly one check character', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}$/), (body) => {
        const valid = [...'0123456789X'].filter((c) => isResidentIdNumber(body + c));
        expect(valid).toEqual([idNumberCheck(body)]);
      }),
    );
  });

  it('reads the date of birth of 18- and 15-digit numbers, and only real dates', () => {
    expect(birthDateOf('11010519491231002X')).toBe('1949-12-31');
    expect(birthDateOf('110105491231002')).toBe('1949-12-31');
    expect(birthDateOf('110105200002290011')).toBe('2000-02-29');
    expect(birthDateOf('110105190002290011')).toBeNull();
    expect(birthDateOf('110105200013010011')).toBeNull();
    expect(birthDateOf('abc')).toBeNull();
  });
});

describe('unified social credit codes (GB 32100-2015)', () => {
  it('checks the check character', () => {
    const code = orgCode('520100', 7);
    expect(isCreditCode(code)).toBe(true);
    expect(usccCheck(code.slice(0, 17))).toBe(code[17]);
    expect(isCreditCode(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'))).toBe(false);
    // Letters outside the alphabet (I, O, S, V, Z) and lower case are not a code.
    expect(isCreditCode(`${code.slice(0, 10)}O${code.slice(11)}`)).toBe(false);
    expect(isCreditCode(code.toLowerCase())).toBe(code.toLowerCase() === code);
  });

  it('every body has exactly one check character', () => {
    const char = fc.constantFrom(...USCC_CHARS);
    fc.assert(
      fc.property(
        fc.tuple(fc.array(char, { minLength: 2, maxLength: 2 }), fc.stringMatching(/^\d{6}$/)),
        fc.array(char, { minLength: 9, maxLength: 9 }),
        ([head, region], tail) => {
          const body = head.join('') + region + tail.join('');
          const valid = [...USCC_CHARS].filter((c) => isCreditCode(body + c));
          expect(valid).toEqual([usccCheck(body)]);
        },
      ),
    );
  });
});
