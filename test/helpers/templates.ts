// What the run's global setup (global-setup.ts) hands every test file: the keys the demo city was
// sealed and chained with, and where the two templates are — a migrated empty database and the
// migrated demo city — as PGlite data-directory dumps and, with TEST_DATABASE_URL, PostgreSQL
// template databases.
import { type Keyring, loadKeyring } from '../../src/security/keys.js';

export interface TestTemplates {
  /** Hex master keys of the run: random, in memory only, the same in every test file. */
  keys: { audit: string; pii: string };
  /** The date the demo city was loaded for (China's today when the run started). */
  demoDate: string;
  pglite: { empty: string; demo: string };
  postgres: { empty: string; demo: string } | null;
}

declare module 'vitest' {
  export interface ProvidedContext {
    wenzeTemplates: TestTemplates | undefined;
  }
}

/** In-memory keys from the run's master keys, as tests get them without a template (no key files). */
export function runKeyring(keys: TestTemplates['keys']): Keyring {
  const k = loadKeyring({
    dir: '/nonexistent',
    generate: false,
    env: { WENZE_AUDIT_KEY: keys.audit, WENZE_PII_KEY: keys.pii },
  });
  return { ...k, dir: null, source: 'ephemeral' };
}
