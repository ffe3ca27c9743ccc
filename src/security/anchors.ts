// Anchors of the audit chain: its head (last row id and hash) signed with HMAC-SM3 and appended to
// a file in the key directory, outside the database. Whoever can rewrite the database but not this
// file cannot shorten the chain (delete its newest rows) or re-forge it without `audit verify`
// noticing. The file is only ever opened for appending (O_APPEND); on Linux `chattr +a` makes the
// kernel refuse anything else, even to the application's own account.
import { timingSafeEqual } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { hmacSm3 } from './crypto.js';
import { ANCHOR_FILE, type Keyring } from './keys.js';

export interface AuditHead {
  /** Id of the newest row (0: an empty log). */
  seq: number;
  /** Its hash (the genesis hash for an empty log). */
  hash: string;
}

export interface Anchor extends AuditHead {
  /** When the head was anchored (ISO 8601, UTC). */
  at: string;
  sig: string;
}

export interface AnchorFile {
  path: string;
  /** Anchors with a valid signature, in file order. */
  anchors: Anchor[];
  /** Lines that are not a validly signed anchor: a forged or damaged anchor file. */
  bad: { line: number; reason: string }[];
}

function signature(keys: Keyring, seq: number, hash: string, at: string): Buffer {
  return hmacSm3(keys.auditAnchor, 'wenze-audit-anchor-v1', String(seq), hash, at);
}

export function anchorPath(keys: Keyring): string | null {
  return keys.dir ? join(keys.dir, ANCHOR_FILE) : null;
}

/** Append a signed anchor of `head`. Throws when the keyring has no directory. */
export function appendAnchor(keys: Keyring, head: AuditHead, at = new Date()): Anchor {
  const path = anchorPath(keys);
  if (!path) throw new Error('these keys have no key directory to anchor the audit log in');
  const iso = at.toISOString();
  const anchor: Anchor = { ...head, at: iso, sig: signature(keys, head.seq, head.hash, iso).toString('hex') };
  appendFileSync(path, `${JSON.stringify(anchor)}\n`, { flag: 'a', mode: 0o600 });
  return anchor;
}

/** Every anchor of the key directory (none when the file does not exist yet). */
export function readAnchors(keys: Keyring): AnchorFile {
  const path = anchorPath(keys) ?? '';
  const out: AnchorFile = { path, anchors: [], bad: [] };
  if (!path || !existsSync(path)) return out;
  const lines = readFileSync(path, 'utf8').split('\n');
  lines.forEach((text, i) => {
    if (!text.trim()) return;
    try {
      const a = JSON.parse(text) as Partial<Anchor>;
      if (
        !Number.isSafeInteger(a.seq) ||
        typeof a.hash !== 'string' ||
        typeof a.at !== 'string' ||
        typeof a.sig !== 'string' ||
        !/^[0-9a-f]{64}$/.test(a.sig)
      ) {
        out.bad.push({ line: i + 1, reason: '格式错误' });
        return;
      }
      const expected = signature(keys, a.seq as number, a.hash, a.at);
      if (!timingSafeEqual(expected, Buffer.from(a.sig, 'hex'))) {
        out.bad.push({ line: i + 1, reason: '签名不符（锚点被伪造，或密钥已更换）' });
        return;
      }
      out.anchors.push(a as Anchor);
    } catch {
      out.bad.push({ line: i + 1, reason: '格式错误' });
    }
  });
  return out;
}

/**
 * Start a new series of anchors (after `wenze demo --yes` or `wenze restore` replaced the audit
 * log on purpose): the old file is kept under a dated name. Returns that name, or null.
 */
export function archiveAnchors(keys: Keyring, why: string): string | null {
  const path = anchorPath(keys);
  if (!path || !existsSync(path)) return null;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = `${path}.${why}-${stamp}`;
  renameSync(path, target);
  return target;
}
