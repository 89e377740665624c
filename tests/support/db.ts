import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { createScratchDatabase, type ScratchDatabase, type ScratchTemplate } from '../../src/db/scratch';
import { TEST_STATES } from './states';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server at TEST_DATABASE_URL (CI runs the suite on both). It is a
 * copy of the run's template (`global-setup.ts`): migrated, with the LGD locations of the test
 * states, and with `demo` the demo seeded.
 */
export function createTestDatabase(opts: { demo?: boolean } = {}): Promise<ScratchDatabase> {
  const postgresUrl = process.env.TEST_DATABASE_URL || undefined;
  return createScratchDatabase({
    postgresUrl,
    prefix: 'samanvay_t',
    states: TEST_STATES,
    template: templateFor(opts.demo ?? false, !!postgresUrl),
  });
}

const dumps = new Map<string, Blob>();

function templateFor(demo: boolean, postgres: boolean): ScratchTemplate | undefined {
  const t = inject('dbTemplates');
  // A run without the global set-up (or one whose database kind differs) builds from scratch.
  if (!t || (t.kind === 'postgres') !== postgres) return undefined;
  const which = demo ? t.demo : t.plain;
  if (t.kind === 'postgres') return { postgresDatabase: which };
  let dump = dumps.get(which);
  if (!dump) dumps.set(which, (dump = new Blob([readFileSync(which)])));
  return { pgliteDump: dump };
}
