// Runtime configuration from the environment: where the database is, which port.
import { resolve } from 'node:path';
import type { Database } from '../store/db.js';

export interface RuntimeConfig {
  databaseUrl?: string;
  dataDir: string;
  port: number;
  host: string;
}

export function runtimeConfig(env: NodeJS.ProcessEnv = process.env): RuntimeConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT 无效：${env.PORT}`);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: resolve(env.WENZE_DATA_DIR || './data'),
    port,
    host: env.HOST || '0.0.0.0',
  };
}

export function describeDatabase(cfg: RuntimeConfig): string {
  if (cfg.databaseUrl) {
    const u = new URL(cfg.databaseUrl);
    return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
  }
  return `PGlite（嵌入式）${cfg.dataDir}`;
}

export async function openConfiguredDatabase(cfg: RuntimeConfig): Promise<Database> {
  // Loaded on use: commands that need no database (scan, determine) start faster.
  const { openDatabase } = await import('../store/db.js');
  return openDatabase(cfg.databaseUrl ? { url: cfg.databaseUrl } : { dataDir: cfg.dataDir });
}
