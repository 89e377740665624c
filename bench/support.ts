import { createScratchDatabase, type ScratchDatabase } from '../src/db/scratch';

export const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A scratch database for one bench: PostgreSQL (created and dropped) or in-memory PGlite. */
export function scratchDatabase(kind: 'postgres' | 'pglite'): Promise<ScratchDatabase> {
  return createScratchDatabase({ postgresUrl: kind === 'postgres' ? PG_URL : undefined, prefix: 'samanvay_bench', states: [27] });
}

export const log = (s: string) => process.stderr.write(s + '\n');
