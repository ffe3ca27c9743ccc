import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatReceipt, normalizeReceipt, RECEIPT_ALPHABET, RECEIPT_LENGTH } from './receipt.js';

const code = fc
  .array(fc.constantFrom(...RECEIPT_ALPHABET), { minLength: RECEIPT_LENGTH, maxLength: RECEIPT_LENGTH })
  .map((cs) => cs.join(''));

describe('receipt codes', () => {
  it('accepts a code as displayed, typed in lower case, with spaces, or with look-alike letters', () => {
    expect(normalizeReceipt('7K3M-9QXZ-0A1B-2C4D')).toBe('7K3M9QXZ0A1B2C4D');
    expect(normalizeReceipt(' 7k3m 9qxz 0a1b 2c4d ')).toBe('7K3M9QXZ0A1B2C4D');
    expect(normalizeReceipt('7K3M9QXZOAIB2C4D')).toBe('7K3M9QXZ0A1B2C4D');
    expect(normalizeReceipt('7K3M9QXZoAlB2C4D')).toBe('7K3M9QXZ0A1B2C4D');
    // Full-width forms, as typed with a Chinese input method.
    expect(normalizeReceipt('７Ｋ３Ｍ－９ＱＸＺ　0A1B-2C4D')).toBe('7K3M9QXZ0A1B2C4D');
  });

  it('refuses what cannot be a code', () => {
    expect(normalizeReceipt('')).toBeNull();
    expect(normalizeReceipt('7K3M9QXZ0A1B2C4')).toBeNull(); // 15 symbols
    expect(normalizeReceipt('7K3M9QXZ0A1B2C4DE')).toBeNull(); // 17 symbols
    expect(normalizeReceipt('7K3M9QXZ0A1B2C4U')).toBeNull(); // U is not in the alphabet
    expect(normalizeReceipt('7K3M9QXZ0A1B2C4*')).toBeNull();
  });

  it('reads back every code from its display form, in any case', () => {
    fc.assert(
      fc.property(code, fc.boolean(), (c, lower) => {
        const shown = formatReceipt(c);
        expect(shown).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
        expect(normalizeReceipt(lower ? shown.toLowerCase() : shown)).toBe(c);
      }),
    );
  });
});
