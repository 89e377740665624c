import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema';
import { lockDataFolder, type FolderLock } from './lock';
import { recordPoolError } from '../kernel/ops-health';

export type Schema = typeof schema;
/** The drizzle handle. Only repositories touch it; routes get scoped repositories. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw SQL for migrations, locks and the few queries drizzle cannot express. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement SQL script (migrations). */
  exec(script: string): Promise<void>;
  /** One connection, one transaction: for migrations and advisory locks. */
  transaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /**
   * LISTEN on `channel` (a plain lower-case name): each NOTIFY's payload goes to `onNotify`, and
   * `onConnect` runs after each (re)connection, since a notification sent while no connection
   * listened is lost. On PostgreSQL a connection of its own (not the pool's), reconnected after
   * a second when dropped; on PGlite the embedded database's own in-process notifications.
   * Returns the function that stops listening.
   */
  listen(channel: string, onNotify: (payload: string) => void, onConnect?: () => void): Promise<() => Promise<void>>;
  /** The embedded database's own dump of its folder (gzipped tar); absent on PostgreSQL (use pg_dump). */
  dump?: () => Promise<Blob>;
}

export interface RawTx {
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  exec(script: string): Promise<void>;
}

// int8 and numeric come back as strings from pg by default; the registry's counts and
// sequence numbers fit comfortably in a JS number, so parse them once here for both drivers.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

/**
 * `loadDataDir` starts an in-memory embedded database from an earlier `dump()` (the tests' migrated
 * template); it is ignored for PostgreSQL, whose copies come from `CREATE DATABASE … TEMPLATE`.
 */
export async function openDatabase(url?: string, opts: { loadDataDir?: Blob } = {}): Promise<Database> {
  if (url && /^postgres(ql)?:\/\//.test(url)) return openPostgres(url);
  return openPglite(url, opts.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  // A dropped idle connection must not crash the server; it is logged and counted (GET /api/health).
  pool.on('error', recordPoolError);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    async query(text, params) {
      const res = await pool.query(text, params as unknown[]);
      return res.rows;
    },
    async exec(script) {
      await pool.query(script);
    },
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const out = await fn({
          query: async (text, params) => (await conn.query(text, params as unknown[])).rows,
          exec: async (script) => void (await conn.query(script)),
        });
        await conn.query('COMMIT');
        return out;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    listen: (channel, onNotify, onConnect) => listenPostgres(url, channel, onNotify, onConnect),
    close: () => pool.end(),
  };
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

async function listenPostgres(
  url: string,
  channel: string,
  onNotify: (payload: string) => void,
  onConnect?: () => void,
): Promise<() => Promise<void>> {
  if (!CHANNEL.test(channel)) throw new Error('listen: the channel must be a plain lower-case name');
  let current: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  const again = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = null;
      connect().catch((err) => {
        recordPoolError(err);
        again();
      });
    }, 1000);
  };
  const connect = async () => {
    const c = new pg.Client({ connectionString: url });
    let gone = false;
    const lost = (err?: unknown) => {
      if (gone) return;
      gone = true;
      if (err) recordPoolError(err);
      if (current === c) current = null;
      c.end().catch(() => undefined);
      again();
    };
    let connected = false;
    c.on('notification', (n) => {
      if (n.channel === channel) onNotify(n.payload ?? '');
    });
    // Before the connection is made its errors are connect()'s; after, the connection is lost.
    c.on('error', (err) => (connected ? lost(err) : undefined));
    c.on('end', () => (connected ? lost() : undefined));
    try {
      await c.connect();
      await c.query(`LISTEN ${channel}`);
    } catch (err) {
      gone = true;
      await c.end().catch(() => undefined);
      throw err;
    }
    connected = true;
    if (stopped) return void (await c.end());
    current = c;
    onConnect?.();
  };
  // The first connection's failure is the caller's; later ones are retried.
  await connect();
  return async () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    const c = current;
    current = null;
    await c?.end().catch(() => undefined);
  };
}

const PGLITE_PARSERS = { 20: (v: string) => Number(v), 1700: (v: string) => Number(v) };

async function openPglite(dir?: string, loadDataDir?: Blob): Promise<Database> {
  const path = dir && dir !== 'memory://' ? dir.replace(/^file:\/\//, '') : undefined;
  // A folder is held by one process at a time (see lock.ts); memory:// belongs to this process anyway.
  const lock: FolderLock | null = path
    ? await lockDataFolder(path, {
        initialise: async (tmp) => {
          const c = new PGlite(tmp);
          await c.waitReady;
          await c.close();
        },
      })
    : null;
  let client: PGlite;
  try {
    // The options-object form: PGlite(undefined, opts) drops `loadDataDir` for an in-memory database.
    client = new PGlite({ dataDir: path, parsers: PGLITE_PARSERS, ...(loadDataDir && !path ? { loadDataDir } : {}) });
    await client.waitReady;
  } catch (err) {
    lock?.release();
    throw err;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async query(text, params) {
      const res = await client.query(text, params as unknown[]);
      return res.rows as never[];
    },
    async exec(script) {
      await client.exec(script);
    },
    transaction(fn) {
      return client.transaction((tx) =>
        fn({
          query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never[],
          exec: async (script) => void (await tx.exec(script)),
        }),
      );
    },
    async listen(channel, onNotify, onConnect) {
      if (!CHANNEL.test(channel)) throw new Error('listen: the channel must be a plain lower-case name');
      const unlisten = await client.listen(channel, onNotify);
      onConnect?.();
      return unlisten;
    },
    dump: () => client.dumpDataDir('gzip'),
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}
