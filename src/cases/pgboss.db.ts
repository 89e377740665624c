import type { Database } from '../db/client';

/**
 * pg-boss (v10) over our own Database handle, for PGlite and PostgreSQL alike: pg-boss
 * accepts any `db` with `executeSql(text, values)` and then opens no pool of its own.
 *
 * PGlite runs parameterised statements through the extended protocol, which refuses a
 * string of several statements; pg-boss sends those (its schema creation and migrations,
 * wrapped in BEGIN … advisory lock … COMMIT) without parameters, so they go through exec
 * (the simple protocol). PGlite serialises everything on its one connection and makes a
 * query wait while a transaction of the app is open, so pg-boss's statements never
 * interleave with a request's transaction. On PostgreSQL the statements go through the
 * app's pool (one connection per statement, as with pg-boss's own pool).
 */
export interface PgBossDb {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export function pgBossDb(database: Database): PgBossDb {
  return {
    async executeSql(text, values) {
      if (values && values.length) return { rows: (await database.query(text, values)) ?? [] };
      if (database.kind === 'postgres') return { rows: (await database.query(text)) ?? [] };
      try {
        return { rows: await database.query(text) };
      } catch (err) {
        if (!/multiple commands/i.test((err as Error).message ?? '')) throw err;
        await database.exec(text);
        return { rows: [] };
      }
    },
  };
}
