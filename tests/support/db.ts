import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server at TEST_DATABASE_URL (CI runs the suite on both).
 * LGD locations are loaded for Maharashtra (27) and Karnataka (29) only, to stay fast.
 */
export function createTestDatabase(): Promise<ScratchDatabase> {
  return createScratchDatabase({ postgresUrl: process.env.TEST_DATABASE_URL || undefined, prefix: 'samanvay_t', states: [27, 29] });
}
