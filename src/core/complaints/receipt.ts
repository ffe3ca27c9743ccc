// The receipt code of a public complaint (投诉回执号): the complainant's only way back to the
// complaint, read from paper, a phone screen or over the telephone. Codes are Crockford base32
// (no I, L, O, U), 16 symbols, shown in groups of four. Typed or read codes are accepted as
// displayed: spaces and hyphens are dropped, lower case is raised, and the letters people take
// for digits are read as those digits (O → 0, I and L → 1), as Crockford's decoding does.

/** The symbols of a receipt code. */
export const RECEIPT_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Symbols in a code: 80 random bits. */
export const RECEIPT_LENGTH = 16;
/** A normalised code. */
export const RECEIPT_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;

const READ_AS: Record<string, string> = { O: '0', I: '1', L: '1' };

/**
 * The code as stored, from what a person typed or copied; null when it cannot be a receipt
 * code (wrong length or a symbol outside the alphabet, such as U).
 */
export function normalizeReceipt(input: string): string | null {
  let out = '';
  for (const ch of input.normalize('NFKC').toUpperCase()) {
    if (ch === ' ' || ch === '-' || ch === '\t' || ch === '\u3000') continue;
    out += READ_AS[ch] ?? ch;
  }
  return RECEIPT_PATTERN.test(out) ? out : null;
}

/** The code as shown: four groups of four, joined by hyphens. */
export function formatReceipt(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}
