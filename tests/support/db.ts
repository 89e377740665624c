import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client';
import { migrate } from '../../src/db/migrate';
import { ensureReferenceData } from '../../src/demo/reference';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new
 * database on the PostgreSQL server at TEST_DATABASE_URL (CI runs the suite on both).
 * LGD locations are loaded for Maharashtra (27) and Karnataka (29) only, to stay fast.
 */
export async function createTestDatabase(): Promise<Database & { drop: () => Promise<void> }> {
  const base = process.env.TEST_DATABASE_URL;
  let database: Database;
  let drop = async () => undefined as void;
  if (base) {
    const name = `samanvay_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    database = await openDatabase(url.toString());
    drop = async () => {
      const a = new pg.Client({ connectionString: base });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    };
  } else {
    database = await openDatabase('memory://');
  }
  await migrate(database);
  await ensureReferenceData(database, undefined, [27, 29]);
  return Object.assign(database, {
    drop: async () => {
      await database.close();
      await drop();
    },
  });
}
