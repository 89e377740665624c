import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './client';
import { rootPath } from '../kernel/paths';

const MIGRATIONS_DIR = rootPath('migrations') + '/';

/**
 * Applies migrations/NNNN_name.sql in name order, each once, each in its own transaction.
 * Plain SQL rather than generated files so PGlite and PostgreSQL run byte-for-byte the
 * same schema, triggers and indexes included. A transaction-scoped advisory lock keeps
 * two servers starting at once from applying the same file twice.
 */
export async function migrate(database: Database, onApplied?: (name: string) => void): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
  const applied: string[] = [];
  for (const file of files) {
    const ran = await database.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(727001)');
      const done = await tx.query('SELECT 1 FROM schema_migration WHERE name = $1', [file]);
      if (done.length) return false;
      await tx.exec(readFileSync(MIGRATIONS_DIR + file, 'utf8'));
      await tx.query('INSERT INTO schema_migration(name) VALUES ($1)', [file]);
      return true;
    });
    if (ran) {
      applied.push(file);
      onApplied?.(file);
    }
  }
  return applied;
}

export function pendingMigrationFiles(): string[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort();
}
