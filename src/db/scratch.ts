import pg from 'pg';
import { openDatabase, type Database } from './client';
import { migrate } from './migrate';
import { ensureReferenceData } from '../demo/reference';

export type ScratchDatabase = Database & { drop: () => Promise<void> };

/**
 * A fresh, migrated database that disappears with `drop()`: a new database on the PostgreSQL
 * server at `postgresUrl`, or in-memory PGlite without one. Used by tests and benches.
 * LGD locations are loaded for the given states only, to stay fast.
 */
export async function createScratchDatabase(opts: { postgresUrl?: string; prefix: string; states: number[] }): Promise<ScratchDatabase> {
  let database: Database;
  let dropServerDb = async () => undefined as void;
  if (opts.postgresUrl) {
    const base = opts.postgresUrl;
    const name = `${opts.prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = async (sql: string) => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    };
    await admin(`CREATE DATABASE ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    database = await openDatabase(url.toString());
    dropServerDb = () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    database = await openDatabase('memory://');
  }
  await migrate(database);
  await ensureReferenceData(database, undefined, opts.states);
  return Object.assign(database, {
    drop: async () => {
      await database.close();
      await dropServerDb();
    },
  });
}
