import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Store tests share one PostgreSQL server; each file uses its own schema, so files may run in parallel.
    pool: 'forks',
    globalSetup: ['test/setup/postgres.ts'],
  },
});
