import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client';
import { migrate } from '../src/db/migrate';
import { ensureReferenceData } from '../src/demo/reference';

export const PG_URL = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

/** A scratch database for one bench: PostgreSQL (created and dropped) or in-memory PGlite. */
export async function scratchDatabase(kind: 'postgres' | 'pglite'): Promise<Database & { drop: () => Promise<void> }> {
  let database: Database;
  let drop = async () => undefined as void;
  if (kind === 'postgres') {
    const name = `samanvay_bench_${process.pid}_${Math.random().toString(36).slice(2, 7)}`;
    const admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    database = await openDatabase(url.toString());
    drop = async () => {
      const a = new pg.Client({ connectionString: PG_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    database = await openDatabase('memory://');
  }
  await migrate(database);
  await ensureReferenceData(database, undefined, [27]);
  return Object.assign(database, { drop: async () => { await database.close(); await drop(); } });
}

export const log = (s: string) => process.stderr.write(s + '\n');
