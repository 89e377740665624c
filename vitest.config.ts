import { configDefaults, defineConfig } from 'vitest/config';
import { databaseFreeTests } from './tests/support/database-variant';

const include = ['src/**/*.test.ts', 'web/src/**/*.test.tsx', 'tests/**/*.test.ts'];

// One suite, two databases: embedded PGlite by default, PostgreSQL when TEST_DATABASE_URL is set
// (CI runs both). Each test file gets its own database. The PostgreSQL run leaves out the files
// that never reach that switch (tests/support/database-variant.ts): they ran, identically, in the
// PGlite run. TEST_EVERY_FILE=1 runs them anyway.
const onPostgres = !!process.env.TEST_DATABASE_URL;
const skipSame = onPostgres && process.env.TEST_EVERY_FILE !== '1';

export default defineConfig({
  test: {
    include,
    exclude: [...configDefaults.exclude, ...(skipSame ? databaseFreeTests(import.meta.dirname, ['src', 'tests', 'web/src']) : [])],
    environment: 'node',
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
