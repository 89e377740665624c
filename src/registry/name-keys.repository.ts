import { sql } from 'drizzle-orm';
import type { Db } from '../db/client';

/** A registry row whose `name_keys` were computed under older rules, with the names they come from. */
export interface StaleNames {
  id: string;
  names: (string | null)[];
}

// The names each table's keys are made of: the same as the services write (children.service.ts,
// families.service.ts, the import).
// A missing local name is left out in SQL: PGlite's driver reads a NULL element of a text[] as the
// string 'NULL', which was keyed as a name ("nl") and matched every child without a local name.
const SOURCES = {
  child: sql`array_remove(ARRAY[name, name_local] || other_names, NULL)`,
  family: sql`array_remove(ARRAY[head_name, head_name_local], NULL)`,
} as const;

export type KeyedTable = keyof typeof SOURCES;

// node-postgres answers { rows }, PGlite's driver an array: one reading for both.
const rowsOf = <T>(res: unknown): T[] => (Array.isArray(res) ? res : ((res as { rows?: T[] }).rows ?? [])) as T[];

/**
 * Up to `limit` rows keyed under an older version, locked for this transaction; rows another
 * transaction holds (an edit in progress, which writes fresh keys) are skipped, not waited for.
 */
export async function lockStaleNames(db: Db, table: KeyedTable, version: number, limit: number): Promise<StaleNames[]> {
  const res = await db.execute(
    sql`SELECT id, ${SOURCES[table]} AS names FROM ${sql.identifier(table)}
        WHERE name_keys_version < ${version} ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED`,
  );
  return rowsOf<StaleNames>(res);
}

/** Writes the new keys and the version in one statement (not an edit of the record: no version bump). */
export async function writeNameKeys(db: Db, table: KeyedTable, version: number, rows: { id: string; keys: string[] }[]) {
  if (rows.length === 0) return;
  await db.execute(
    sql`UPDATE ${sql.identifier(table)} AS t
        SET name_keys = ARRAY(SELECT jsonb_array_elements_text(v.e->'keys')), name_keys_version = ${version}
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS v(e)
        WHERE t.id = (v.e->>'id')::uuid`,
  );
}

/** How many rows of the table still carry keys from older rules. */
export async function countStaleNames(db: Db, table: KeyedTable, version: number): Promise<number> {
  const res = await db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE name_keys_version < ${version}`);
  return rowsOf<{ n: number }>(res)[0]!.n;
}
