// Runtime configuration from the environment: where the database is, which port.
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { ValidationError } from '../core/validation.js';
import type { Database } from '../store/db.js';

export interface RuntimeConfig {
  databaseUrl?: string;
  dataDir: string;
  /** Keys and audit anchors: WENZE_KEY_DIR, by default `<dataDir>-keys` (beside the data, not in it). */
  keyDir: string;
  port: number;
  host: string;
  /** Reverse proxies believed about the client address (`WENZE_TRUSTED_PROXIES`). */
  trustedProxies: string[];
  /** Requests per minute per client (`WENZE_RATE_LIMIT_LOGIN`, `_PUBLIC`); undefined: the default. */
  rateLimits: { login?: number; public?: number };
  /** The address users reach the console at (`WENZE_PUBLIC_URL`). */
  publicUrl?: string;
}

/** Running in a container (Docker, Podman, Kubernetes): there the port must be reachable from outside. */
export function inContainer(env: NodeJS.ProcessEnv = process.env): boolean {
  return (
    existsSync('/.dockerenv') ||
    existsSync('/run/.containerenv') ||
    Boolean(env.container) ||
    Boolean(env.KUBERNETES_SERVICE_HOST)
  );
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `WENZE_TRUSTED_PROXIES`: addresses, CIDR ranges or loopback/linklocal/uniquelocal, comma-separated. */
export function trustedProxiesOf(value: string | undefined): string[] {
  const list = (value ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
  for (const x of list) {
    if (PROXY_NAMES.has(x)) continue;
    const [addr, bits, ...rest] = x.split('/');
    const v = isIP(addr);
    const max = v === 6 ? 128 : 32;
    if (v === 0 || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max))) {
      throw new ValidationError('环境变量无效', [
        { path: 'WENZE_TRUSTED_PROXIES', message: `“${x}”不是 IP 地址或 CIDR 网段` },
      ]);
    }
  }
  return list;
}

function rateOf(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const v = env[name];
  if (v === undefined || v === '') return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1_000_000)
    throw new ValidationError('环境变量无效', [
      { path: name, message: '须为 1 至 1000000 之间的整数（每分钟请求数）' },
    ]);
  return n;
}

export function runtimeConfig(
  env: NodeJS.ProcessEnv = process.env,
  container: (env: NodeJS.ProcessEnv) => boolean = inContainer,
): RuntimeConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  const dataDir = resolve(env.WENZE_DATA_DIR || './data');
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    keyDir: resolve(env.WENZE_KEY_DIR || `${dataDir}-keys`),
    port,
    // Outside a container only this machine reaches the server unless HOST says otherwise.
    host: env.HOST || (container(env) ? '0.0.0.0' : '127.0.0.1'),
    trustedProxies: trustedProxiesOf(env.WENZE_TRUSTED_PROXIES),
    rateLimits: {
      login: rateOf(env, 'WENZE_RATE_LIMIT_LOGIN'),
      public: rateOf(env, 'WENZE_RATE_LIMIT_PUBLIC'),
    },
    publicUrl: publicUrlOf(env.WENZE_PUBLIC_URL),
  };
}

function publicUrlOf(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    if (u.protocol === 'http:' || u.protocol === 'https:') return u.toString();
  } catch {
    // reported below
  }
  throw new ValidationError('环境变量无效', [
    { path: 'WENZE_PUBLIC_URL', message: '须为 http:// 或 https:// 开头的网址' },
  ]);
}

export function describeDatabase(cfg: RuntimeConfig): string {
  if (cfg.databaseUrl) {
    const u = new URL(cfg.databaseUrl);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `PGlite（嵌入式）${cfg.dataDir}`;
}

/**
 * The keys outside the database (src/security/keys.ts), made the process's keys: generated on
 * first use for the embedded database; with PostgreSQL they must be given (MissingKeysError).
 */
export async function loadConfiguredKeys(cfg: RuntimeConfig) {
  const { loadKeyring, setActiveKeyring } = await import('../security/keys.js');
  const keys = loadKeyring({ dir: cfg.keyDir, generate: !cfg.databaseUrl });
  if (keys.source === 'generated') {
    process.stderr.write(`已生成密钥：${cfg.keyDir}（与数据库备份分开保管；丢失则无法解密投诉人信息）\n`);
  }
  setActiveKeyring(keys);
  return keys;
}

export async function openConfiguredDatabase(
  cfg: RuntimeConfig,
  opts: { keys?: boolean } = {},
): Promise<Database> {
  // Loaded on use: commands that need no database (scan, determine) start faster.
  const { openDatabase } = await import('../store/db.js');
  // Keys first: a server that cannot protect what it writes does not open the database.
  if (opts.keys ?? true) await loadConfiguredKeys(cfg);
  return openDatabase(cfg.databaseUrl ? { url: cfg.databaseUrl } : { dataDir: cfg.dataDir });
}
