import { defineConfig } from 'vitest/config';

// One suite, two databases: embedded PGlite by default, PostgreSQL when
// TEST_DATABASE_URL is set (CI runs both). Each test file gets its own database.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'web/src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
