import type { AppContext } from '../http/context';
import { indexKeys, NAME_KEYS_VERSION } from './name-index';
import { countStaleNames, lockStaleNames, writeNameKeys, type KeyedTable } from './name-keys.repository';

const TABLES: KeyedTable[] = ['child', 'family'];

/**
 * Re-keys up to `limit` registry rows per table whose `name_keys` were computed under older rules
 * (after `searchKeys` changed, issue #15), each batch in its own transaction. Only the derived
 * search keys change: no field of the record, so no version bump and no audit entry of a record
 * read or written by a person. Returns how many rows were re-keyed.
 */
export async function rekeyStaleNames(ctx: Pick<AppContext, 'db'>, limit = 500): Promise<number> {
  let n = 0;
  for (const table of TABLES) {
    n += await ctx.db.transaction(async (tx) => {
      const stale = await lockStaleNames(tx, table, NAME_KEYS_VERSION, limit);
      await writeNameKeys(
        tx,
        table,
        NAME_KEYS_VERSION,
        stale.map((r) => ({ id: r.id, keys: indexKeys(...r.names) })),
      );
      return stale.length;
    });
  }
  return n;
}

/** Rows still waiting for new keys, per table (for the health page and the tests). */
export async function staleNameCounts(ctx: Pick<AppContext, 'db'>): Promise<Record<KeyedTable, number>> {
  return {
    child: await countStaleNames(ctx.db, 'child', NAME_KEYS_VERSION),
    family: await countStaleNames(ctx.db, 'family', NAME_KEYS_VERSION),
  };
}
