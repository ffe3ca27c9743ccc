import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    projects: [
      {
        extends: true,
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', 'dist/**'],
          // The migrated empty database and the demo city are built once per run; each test file
          // copies them (test/helpers/db.ts) with the run's keys (setup-keys.ts).
          globalSetup: ['test/helpers/global-setup.ts'],
          setupFiles: ['test/helpers/setup-keys.ts'],
        },
      },
      {
        extends: true,
        test: {
          // The console's pure modules (web/src): in node, without a DOM and without the
          // databases (a global setup runs only for a project that has tests in the run).
          name: 'web',
          include: ['web/src/**/*.test.ts'],
          environment: 'node',
        },
      },
    ],
  },
});
