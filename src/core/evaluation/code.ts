// The one-time code of an evaluation invitation (评议码): printed on a card or under a QR code, typed on
// a phone. Crockford base32 as the complaint receipt (no I, L, O, U; O read as 0, I and L as 1), but
// 12 symbols — 11 random (55 bits) and a check symbol — shown as three groups of four, so a receipt
// is never taken for an invitation. The check symbol is a weighted sum mod 32 with odd weights, which
// changes with any one symbol mistyped: the page says "check the code" before the server is asked.
// The server keeps only a hash of the code; the code itself is shown once, when it is issued.
import { RECEIPT_ALPHABET } from '../complaints/receipt.js';

export const CODE_ALPHABET = RECEIPT_ALPHABET;
/** Symbols in a code, the check symbol included. */
export const CODE_LENGTH = 12;
/** Random symbols (5 bits each). */
export const CODE_RANDOM_SYMBOLS = CODE_LENGTH - 1;
export const CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{12}$/;

const READ_AS: Record<string, string> = { O: '0', I: '1', L: '1' };
const VALUE = new Map([...CODE_ALPHABET].map((c, i) => [c, i]));

/** The check symbol of the random part: Σ (2i + 1) · value(sᵢ) mod 32. */
export function checkSymbol(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += (2 * i + 1) * VALUE.get(body[i]!)!;
  return CODE_ALPHABET[sum % 32]!;
}

/**
 * A code from random bytes (at least 11; the caller draws them from a secure source): each byte's
 * low five bits pick a symbol, and the check symbol follows.
 */
export function codeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < CODE_RANDOM_SYMBOLS) throw new RangeError(`需要至少 ${CODE_RANDOM_SYMBOLS} 个随机字节`);
  let body = '';
  for (let i = 0; i < CODE_RANDOM_SYMBOLS; i++) body += CODE_ALPHABET[bytes[i]! & 31];
  return body + checkSymbol(body);
}

/**
 * The code as stored, from what a person typed or scanned; null when it cannot be an invitation
 * code (wrong length, a symbol outside the alphabet, or a check symbol that does not match).
 */
export function normalizeCode(input: string): string | null {
  let out = '';
  for (const ch of input.normalize('NFKC').toUpperCase()) {
    if (ch === ' ' || ch === '-' || ch === '\t' || ch === '\u3000') continue;
    out += READ_AS[ch] ?? ch;
  }
  if (!CODE_PATTERN.test(out)) return null;
  return checkSymbol(out.slice(0, CODE_RANDOM_SYMBOLS)) === out[CODE_RANDOM_SYMBOLS] ? out : null;
}

/** The code as shown: three groups of four, joined by hyphens. */
export function formatCode(code: string): string {
  return code.replace(/(.{4})(?=.)/g, '$1-');
}

/** The portal's address that opens the form for a code (the QR code's content). */
export function evaluationLink(origin: string, code: string): string {
  return `${origin.replace(/\/+$/, '')}/public/evaluate?code=${formatCode(code)}`;
}
