// Commercial-cryptography (国密) primitives from Node's OpenSSL: SM4-CBC for confidentiality,
// HMAC-SM3 for integrity, encrypt-then-MAC. No cipher is written here; node:crypto does the work.
import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  getCiphers,
  getHashes,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/** Fails loudly at first use when the OpenSSL build lacks the SM algorithms. */
export function assertSmAvailable(): void {
  if (!getCiphers().includes('sm4-cbc') || !getHashes().includes('sm3')) {
    throw new Error('this Node.js build has no SM4/SM3 in OpenSSL (sm4-cbc, sm3): cannot protect keys');
  }
}

export function hmacSm3(key: Buffer, ...parts: (Buffer | string)[]): Buffer {
  const h = createHmac('sm3', key);
  for (const p of parts) {
    // Length-prefixed, so that ("ab","c") and ("a","bc") never collide.
    const b = typeof p === 'string' ? Buffer.from(p, 'utf8') : p;
    const len = Buffer.alloc(4);
    len.writeUInt32BE(b.length);
    h.update(len);
    h.update(b);
  }
  return h.digest();
}

/** A sub-key for one purpose, so that one secret never serves two algorithms. */
export function deriveKey(master: Buffer, purpose: string, bytes = 32): Buffer {
  return hmacSm3(master, 'wenze-key-derivation', purpose).subarray(0, bytes);
}

export interface SealKeys {
  /** One byte, stored in front of every sealed value so that keys can rotate. */
  version: number;
  /** 16 bytes (SM4). */
  enc: Buffer;
  /** 32 bytes (HMAC-SM3). */
  mac: Buffer;
}

const IV_BYTES = 16;
const MAC_BYTES = 32;
const SEAL_LABEL = 'wenze-seal-v1';

/**
 * SM4-CBC with a random IV, then HMAC-SM3 over (version, IV, ciphertext, context): the context
 * (e.g. "complaints.<id>.contact_name") binds a value to its row and column, so a sealed value
 * moved elsewhere fails to open. Layout: version(1) | IV(16) | ciphertext | MAC(32).
 */
export function seal(keys: SealKeys, plaintext: string, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('sm4-cbc', keys.enc, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const head = Buffer.from([keys.version]);
  const mac = hmacSm3(keys.mac, SEAL_LABEL, head, iv, ct, context);
  return Buffer.concat([head, iv, ct, mac]);
}

/** The key version a sealed value was made with. */
export function sealVersion(sealed: Buffer): number {
  return sealed[0] ?? 0;
}

export class SealError extends Error {}

/** Check the MAC (constant time) and decrypt; throws SealError on any mismatch. */
export function open(
  keysFor: (version: number) => SealKeys | undefined,
  sealed: Buffer,
  context: string,
): string {
  if (sealed.length < 1 + IV_BYTES + 16 + MAC_BYTES) throw new SealError('sealed value too short');
  const keys = keysFor(sealVersion(sealed));
  if (!keys) throw new SealError(`no key of version ${sealVersion(sealed)}`);
  const head = sealed.subarray(0, 1);
  const iv = sealed.subarray(1, 1 + IV_BYTES);
  const ct = sealed.subarray(1 + IV_BYTES, sealed.length - MAC_BYTES);
  const mac = sealed.subarray(sealed.length - MAC_BYTES);
  const expected = hmacSm3(keys.mac, SEAL_LABEL, head, iv, ct, context);
  if (!timingSafeEqual(mac, expected)) throw new SealError('sealed value fails its MAC');
  const decipher = createDecipheriv('sm4-cbc', keys.enc, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

/**
 * A blind index: a keyed HMAC-SM3 of the normalised value, so that equal values can be found
 * without storing them (nor their plain hash, which a dictionary of phone numbers would reverse).
 */
export function blindIndex(key: Buffer, field: string, normalised: string): string {
  return hmacSm3(key, 'wenze-blind-index', field, normalised).toString('hex');
}
