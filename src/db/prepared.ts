import { createHash } from 'node:crypto';
import { sql, type Query, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../access/policy';

/**
 * Query text built once, not on every request (issue #19, docs/SCALE.md §2 "Where the CPU goes").
 * The access policy is applied in the query, so a signed-in read is a large SQL tree (a case read:
 * 6.5 KB of text, 89 parameters); drizzle turned that tree into text on every request, walking every
 * chunk with its `is()` type test: 2–2.4 ms of CPU per query, more than everything else a search
 * costs. A query built here is drizzle's own prepared query (`.prepare()`, the path every drizzle
 * query takes on execution anyway) kept for the next request with the same key; what differs
 * between requests goes in `sql.placeholder`s, filled (and encoded by the column) at `execute`.
 *
 * The key must name everything the query's text and fixed parameters are built from. For the
 * policy that is the actor (`actorKey`: all its fields but the address, which no query reads) and
 * the IST day the ages are computed on; the query's own shape goes in the caller's part of the key.
 * The cache belongs to the database (its transactions share it; a transaction's queries are sent
 * on its own connection, `preparedOnce`) and keeps the `MAX` most recently built per database. PostgreSQL gets named statements
 * unless DB_NAMED_STATEMENTS=0 (below).
 */
export interface PreparedLike<R> {
  execute(values?: Record<string, unknown>): Promise<R>;
}

/** A drizzle query builder: its text, and its prepared query under a statement name. */
export interface Preparable<R> {
  toSQL(): { sql: string };
  prepare(name: string): PreparedLike<R>;
}

/**
 * Named statements (on by default; DB_NAMED_STATEMENTS=0 turns them off; PostgreSQL, PGlite ignores the
 * name): each query built here is sent as a named statement, its name the hash of its text, so each
 * pooled connection parses it once and PostgreSQL may keep its plan (a generic plan after five
 * executions if it costs no more: checked for the search and the case read, docs/SCALE.md §2, test in
 * src/db/partition/partition.pg.test.ts). Off for a transaction-pooling PgBouncer before 1.21, which
 * refuses named statements.
 */
const NAMED = process.env.DB_NAMED_STATEMENTS !== '0';

function prepare<R>(q: Preparable<R>): PreparedLike<R> {
  if (!NAMED) return q.prepare(UNNAMED);
  return q.prepare(`samanvay_${createHash('sha1').update(q.toSQL().sql).digest('hex').slice(0, 24)}`);
}

const MAX = 2000;
const caches = new WeakMap<object, Map<string, PreparedLike<unknown>>>();

/** drizzle's session of a handle (internal): the driver client its queries go to, and the dialect shared by a database and its transactions. */
interface Session {
  client?: unknown;
  dialect?: object;
}
const sessionOf = (db: object): Session | undefined => (db as { session?: Session }).session;

/**
 * The query built once for `key`. One cache per database, shared by its transactions (issue #19:
 * the case note's queries run in a transaction, a new drizzle handle per request, so a cache per
 * handle built them anew every time): a query built on one handle is sent on another's client
 * by a shallow copy of drizzle's prepared query with that client (what `.prepare()` on the
 * other handle would build, without building the text again). The database is told apart by
 * drizzle's dialect object, which a database hands to each of its transactions.
 */
export function preparedOnce<R>(db: object, key: string, build: () => Preparable<R>): PreparedLike<R> {
  const session = sessionOf(db);
  const home = session?.dialect ?? db;
  let cache = caches.get(home);
  if (!cache) caches.set(home, (cache = new Map()));
  let p = cache.get(key) as PreparedLike<R> | undefined;
  if (!p) {
    p = prepare(build());
    if (cache.size >= MAX) cache.delete(cache.keys().next().value!);
    cache.set(key, p);
  }
  return session ? onClient(p, session.client) : p;
}

/**
 * The prepared query sent on `client`: itself if it is already that client's, else a copy bound to
 * it, with copies of its query configs. node-postgres writes into the config it is given (`values`,
 * and `callback` when the pool runs it): a config the pool has run carries the pool's callback, and
 * a connection given that config would call it instead of answering its own promise.
 */
function onClient<R>(p: PreparedLike<R>, client: unknown): PreparedLike<R> {
  const bound = p as PreparedLike<R> & { client?: unknown; rawQueryConfig?: object; queryConfig?: object };
  if (!('client' in bound) || bound.client === client) return p;
  const fresh = (config: object | undefined) => (config ? { ...config, callback: undefined, values: undefined } : config);
  return Object.assign(Object.create(Object.getPrototypeOf(bound) as object) as object, bound, {
    client,
    rawQueryConfig: fresh(bound.rawQueryConfig),
    queryConfig: fresh(bound.queryConfig),
  }) as PreparedLike<R>;
}

/** `.prepare()`'s name: none, so node-postgres sends an unnamed statement, as a plain execute does. */
const UNNAMED = undefined as unknown as string;

const actorKeys = new WeakMap<Actor, string>();
/** Everything about the actor the access policy may read (every field but the request's address). */
export function actorKey(actor: Actor): string {
  let k = actorKeys.get(actor);
  if (k === undefined) {
    const { ip: _ip, ...rest } = actor;
    k = JSON.stringify(rest);
    actorKeys.set(actor, k);
  }
  return k;
}

/**
 * A placeholder encoded as `column` encodes its values (a Date for a timestamp, an array for text[]);
 * null stays null, as drizzle leaves a null value unencoded.
 */
export const placeholderAs = (name: string, column: AnyPgColumn): SQL =>
  sql`${sql.param(sql.placeholder(name), { mapToDriverValue: (v: unknown) => (v === null || v === undefined ? null : column.mapToDriverValue(v)) })}`;

/** drizzle's internals a plain SQL statement is prepared with (as `db.execute` does on every call). */
interface SqlSession {
  dialect: { sqlToQuery(q: SQL): Query };
  prepareQuery(q: Query, fields: undefined, name: string, arrayMode: boolean): PreparedLike<unknown>;
}

/**
 * A plain `sql` statement (what `db.execute` runs) as a query built once: the result is the
 * driver's, as `db.execute` returns it. What differs between executions goes in `sql.placeholder`s.
 */
export function preparedSql<R>(db: object, key: string, build: () => SQL): PreparedLike<R> {
  return preparedOnce(db, key, () => {
    const session = (db as { session: SqlSession }).session;
    const query = session.dialect.sqlToQuery(build());
    return {
      toSQL: () => query,
      prepare: (name: string) => session.prepareQuery(query, undefined, name, false) as PreparedLike<R>,
    };
  });
}
