import type { Database } from '../db/client';
import { loadLgd } from '../locations/lgd';

/** Loads the LGD units once (all states, or only those listed: tests keep it small). */
export async function ensureReferenceData(database: Database, onProgress?: (done: number, total: number) => void, states?: number[]) {
  // Units loaded before the display names (migration 0885) have no lgd_name: load again to rename them.
  const [{ n, stale }] = await database.query<{ n: number; stale: number }>(
    "SELECT count(*)::int AS n, count(*) FILTER (WHERE lgd_name IS NULL)::int AS stale FROM location WHERE level <> 'village'",
  );
  if (Number(n) > 0 && Number(stale) === 0) return 0;
  if (Number(n) > 0 && !states) {
    // Rename the states already there; don't widen the data set.
    const rows = await database.query<{ s: number }>("SELECT DISTINCT state_code AS s FROM location WHERE level = 'state'");
    states = rows.map((r) => Number(r.s));
  }
  return loadLgd(database, states, onProgress);
}
