import type { Database } from '../db/client';
import { loadLgd } from '../locations/lgd';

/** Loads the LGD units once (all states, or only those listed: tests keep it small). */
export async function ensureReferenceData(database: Database, onProgress?: (done: number, total: number) => void, states?: number[]) {
  const [{ n }] = await database.query<{ n: number }>("SELECT count(*)::int AS n FROM location WHERE level <> 'village'");
  if (Number(n) > 0) return 0;
  return loadLgd(database, states, onProgress);
}
