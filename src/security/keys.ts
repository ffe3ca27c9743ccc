// The keys that protect the database, kept outside it: the audit key (HMAC-SM3 of the audit
// chain and of its anchors) and the complainant-data keys (SM4 + HMAC-SM3, versioned, and the
// blind-index key). They come from the environment (WENZE_AUDIT_KEY, WENZE_PII_KEY: 64+ hex
// digits) or from files in the key directory (WENZE_KEY_DIR; for the embedded database
// `<WENZE_DATA_DIR>-keys`, next to the data directory and not in it, so that neither SQL —
// pg_read_file reads files inside the data directory — nor a copy of the data directory carries
// them). The embedded default generates the files on first start; with PostgreSQL they must exist.
//
// Files: `audit.key` (hex), `pii.key` (JSON: { current, index, versions: { "1": hex, … } }; add a
// version and make it current to rotate — the server re-seals old values at start), and
// `audit-anchors.log` (the signed heads of the audit chain, appended only).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ValidationError } from '../core/validation.js';
import { assertSmAvailable, deriveKey, hmacSm3, type SealKeys } from './crypto.js';

export interface PiiKeys {
  current: number;
  versions: Map<number, SealKeys>;
  /** Blind-index key: stays the same across rotations (lookups must keep matching). */
  index: Buffer;
}

export interface Keyring {
  /** Where the key files and the audit anchors are (null for an in-memory keyring). */
  dir: string | null;
  /** Key of the audit chain's HMAC. */
  auditChain: Buffer;
  /** Key of the anchors' signatures. */
  auditAnchor: Buffer;
  pii: PiiKeys;
  /** Identifies the keys without revealing them (recorded in backups). */
  fingerprint: string;
  source: 'environment' | 'files' | 'generated' | 'ephemeral';
}

export class MissingKeysError extends Error {}

export const AUDIT_KEY_FILE = 'audit.key';
export const PII_KEY_FILE = 'pii.key';
export const ANCHOR_FILE = 'audit-anchors.log';

function parseHexKey(value: string, field: string): Buffer {
  const v = value.trim();
  if (!/^[0-9a-fA-F]{64,}$/.test(v) || v.length % 2 !== 0) {
    throw new ValidationError(`${field} 不是有效的密钥`, [
      { path: field, message: '须为至少 64 位十六进制数字（32 字节），例如 `openssl rand -hex 32` 的输出' },
    ]);
  }
  return Buffer.from(v, 'hex');
}

function sealKeys(version: number, master: Buffer): SealKeys {
  return { version, enc: deriveKey(master, 'pii-sm4', 16), mac: deriveKey(master, 'pii-mac') };
}

function piiFromMaster(master: Buffer): PiiKeys {
  return { current: 1, versions: new Map([[1, sealKeys(1, master)]]), index: deriveKey(master, 'pii-index') };
}

function parsePiiFile(text: string, path: string): PiiKeys {
  let json: { current?: unknown; index?: unknown; versions?: Record<string, unknown> };
  try {
    json = JSON.parse(text);
  } catch {
    throw new ValidationError(`密钥文件格式错误：${path}`, [{ path, message: 'invalid JSON' }]);
  }
  const versions = new Map<number, SealKeys>();
  for (const [v, hex] of Object.entries(json.versions ?? {})) {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 255 || typeof hex !== 'string') {
      throw new ValidationError(`密钥文件格式错误：${path}`, [
        { path: `${path}.versions.${v}`, message: '版本须为 1–255' },
      ]);
    }
    versions.set(n, sealKeys(n, parseHexKey(hex, `${path}.versions.${v}`)));
  }
  const current = Number(json.current);
  if (!versions.has(current)) {
    throw new ValidationError(`密钥文件格式错误：${path}`, [
      { path: `${path}.current`, message: '当前版本不存在' },
    ]);
  }
  if (typeof json.index !== 'string') {
    throw new ValidationError(`密钥文件格式错误：${path}`, [
      { path: `${path}.index`, message: '缺少索引密钥' },
    ]);
  }
  return { current, versions, index: parseHexKey(json.index, `${path}.index`) };
}

function fingerprintOf(auditChain: Buffer, pii: PiiKeys): string {
  return `${hmacSm3(auditChain, 'fingerprint').subarray(0, 8).toString('hex')}-${hmacSm3(
    pii.index,
    'fingerprint',
  )
    .subarray(0, 8)
    .toString('hex')}`;
}

function assemble(auditMaster: Buffer, pii: PiiKeys, dir: string | null, source: Keyring['source']): Keyring {
  const auditChain = deriveKey(auditMaster, 'audit-chain');
  return {
    dir,
    auditChain,
    auditAnchor: deriveKey(auditMaster, 'audit-anchor'),
    pii,
    fingerprint: fingerprintOf(auditChain, pii),
    source,
  };
}

/** Write new key files into `dir` where they are missing (never overwrites). The files created. */
export function initKeyFiles(dir: string): string[] {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const created: string[] = [];
  const auditPath = join(dir, AUDIT_KEY_FILE);
  if (!existsSync(auditPath)) {
    writeFileSync(auditPath, `${randomBytes(32).toString('hex')}\n`, { flag: 'wx', mode: 0o600 });
    created.push(auditPath);
  }
  const piiPath = join(dir, PII_KEY_FILE);
  if (!existsSync(piiPath)) {
    const body = {
      current: 1,
      index: randomBytes(32).toString('hex'),
      versions: { '1': randomBytes(32).toString('hex') },
    };
    writeFileSync(piiPath, `${JSON.stringify(body, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
    created.push(piiPath);
  }
  return created;
}

export interface LoadKeysOptions {
  dir: string;
  env?: NodeJS.ProcessEnv;
  /** Create missing key files (the embedded default); otherwise missing keys throw MissingKeysError. */
  generate: boolean;
}

/** The keys from the environment or the key directory; generated there when allowed. */
export function loadKeyring(opts: LoadKeysOptions): Keyring {
  assertSmAvailable();
  const env = opts.env ?? process.env;
  const auditPath = join(opts.dir, AUDIT_KEY_FILE);
  const piiPath = join(opts.dir, PII_KEY_FILE);
  let generated = false;
  if (
    opts.generate &&
    (!(env.WENZE_AUDIT_KEY || existsSync(auditPath)) || !(env.WENZE_PII_KEY || existsSync(piiPath)))
  ) {
    generated = initKeyFiles(opts.dir).length > 0;
  }
  const missing: string[] = [];
  if (!env.WENZE_AUDIT_KEY && !existsSync(auditPath))
    missing.push(`WENZE_AUDIT_KEY（或密钥文件 ${auditPath}）`);
  if (!env.WENZE_PII_KEY && !existsSync(piiPath)) missing.push(`WENZE_PII_KEY（或密钥文件 ${piiPath}）`);
  if (missing.length) {
    throw new MissingKeysError(
      `缺少密钥：${missing.join('、')}。使用 PostgreSQL 时密钥不会自动生成：设置上述环境变量，` +
        `或运行 \`wenze keys init\` 在 WENZE_KEY_DIR（当前 ${opts.dir}）生成密钥文件，并与数据库分开保管。`,
    );
  }
  const audit = env.WENZE_AUDIT_KEY
    ? parseHexKey(env.WENZE_AUDIT_KEY, 'WENZE_AUDIT_KEY')
    : parseHexKey(readFileSync(auditPath, 'utf8'), auditPath);
  const pii = env.WENZE_PII_KEY
    ? piiFromMaster(parseHexKey(env.WENZE_PII_KEY, 'WENZE_PII_KEY'))
    : parsePiiFile(readFileSync(piiPath, 'utf8'), piiPath);
  const source = generated ? 'generated' : env.WENZE_AUDIT_KEY && env.WENZE_PII_KEY ? 'environment' : 'files';
  return assemble(audit, pii, opts.dir, source);
}

/** Random keys held in memory only: for an in-memory database (tests) that lives as long as the process. */
export function ephemeralKeyring(): Keyring {
  return assemble(randomBytes(32), piiFromMaster(randomBytes(32)), null, 'ephemeral');
}

let active: Keyring | null = null;

/** Make `keys` the process's keys (the server and CLI load them once at start). */
export function setActiveKeyring(keys: Keyring | null): void {
  active = keys;
}

/**
 * The process's keys. A process that loaded none (tests and benchmarks on an in-memory database)
 * gets random in-memory keys, good for as long as its database lives.
 */
export function activeKeyring(): Keyring {
  active ??= ephemeralKeyring();
  return active;
}
