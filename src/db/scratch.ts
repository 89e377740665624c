import pg from 'pg';
import { openDatabase, type Database } from './client';
import { migrate } from './migrate';
import { ensureReferenceData } from '../demo/reference';

export type ScratchDatabase = Database & { drop: () => Promise<void> };

/**
 * A database already migrated (and perhaps seeded) to start copies from: a database on the
 * PostgreSQL server (copied with `CREATE DATABASE … TEMPLATE`), or an embedded database's dump.
 */
export type ScratchTemplate = { postgresDatabase: string } | { pgliteDump: Blob };

async function adminQuery(base: string, sql: string): Promise<void> {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function withDatabaseName(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh, migrated database that disappears with `drop()`: a new database on the PostgreSQL
 * server at `postgresUrl`, or in-memory PGlite without one. Used by tests and benches.
 * LGD locations are loaded for the given states only, to stay fast. With `template`, the new
 * database is a copy of it and nothing is migrated or loaded again.
 */
export async function createScratchDatabase(opts: {
  postgresUrl?: string;
  prefix: string;
  states: number[];
  template?: ScratchTemplate;
}): Promise<ScratchDatabase> {
  let database: Database;
  let dropServerDb = async () => undefined as void;
  const template = opts.template;
  if (opts.postgresUrl) {
    const base = opts.postgresUrl;
    const name = `${opts.prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const from = template && 'postgresDatabase' in template ? ` TEMPLATE ${template.postgresDatabase}` : '';
    await adminQuery(base, `CREATE DATABASE ${name}${from}`);
    database = await openDatabase(withDatabaseName(base, name));
    dropServerDb = () => adminQuery(base, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dump = template && 'pgliteDump' in template ? template.pgliteDump : undefined;
    database = await openDatabase('memory://', { loadDataDir: dump });
  }
  if (!template) {
    await migrate(database);
    await ensureReferenceData(database, undefined, opts.states);
  }
  return Object.assign(database, {
    drop: async () => {
      await database.close();
      await dropServerDb();
    },
  });
}

/**
 * Makes a named template database on the PostgreSQL server from a scratch database's build
 * (`prepare` migrates, seeds…), or from a copy of the template `from` (then `prepare` only adds
 * to it: the demo seeded into a copy of the migrated template, not migrated a second time); the
 * server refuses copies while anyone is connected, so the build's connections are closed first.
 * Returns a function that drops it.
 */
export async function createPostgresTemplate(
  postgresUrl: string,
  name: string,
  prepare: (db: Database) => Promise<void>,
  opts: { from?: string } = {},
): Promise<() => Promise<void>> {
  await adminQuery(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(postgresUrl, `CREATE DATABASE ${name}${opts.from ? ` TEMPLATE ${opts.from}` : ''}`);
  const db = await openDatabase(withDatabaseName(postgresUrl, name));
  try {
    await prepare(db);
  } finally {
    await db.close();
  }
  return () => adminQuery(postgresUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
}
