/**
 * The floor under the app (issue #19: "show what each request costs"): the least an audited request
 * can cost on this machine with the app's own parts — Fastify, node-postgres with a pool of the
 * app's size (DB_POOL_SIZE, 10), named statements, 127.0.0.1 — and none of its work: no access
 * policy, no schema, no domain. Forked by bench/load/pgbench-ratio.bench.ts on a scratch database
 * of its own (three small tables), it serves
 *
 *   GET  /read/:n   the session looked up by its token, one row read by key, an audit row inserted
 *                   (the three round trips of the app's name search);
 *   POST /write/:n  the session, then one transaction: the row locked, updated, an audit row
 *                   inserted (a case note's shape, without its reads).
 *
 * So app ÷ floor is what the app's own work costs, and floor ÷ pgbench what HTTP, Node and the
 * round trips cost before any work is done.
 */
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';

const ROWS = 1000;
const POOL = Number(process.env.DB_POOL_SIZE ?? 10);

const send = (m: unknown) => process.send!(m);

const SESSION = { name: 'floor_session', text: 'SELECT user_id FROM floor_session WHERE token = $1 AND expires_at > now()' };
const READ = { name: 'floor_read', text: 'SELECT id, name, version FROM floor_item WHERE id = $1' };
const AUDIT = { name: 'floor_audit', text: 'INSERT INTO floor_audit (actor, subject, action) VALUES ($1, $2, $3)' };
const LOCK = { name: 'floor_lock', text: 'SELECT version FROM floor_item WHERE id = $1 FOR UPDATE' };
const UPDATE = { name: 'floor_update', text: 'UPDATE floor_item SET version = version + 1, note = $2 WHERE id = $1 RETURNING version' };

async function setUp(url: string) {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`
    DROP TABLE IF EXISTS floor_session, floor_item, floor_audit;
    CREATE TABLE floor_session (token text PRIMARY KEY, user_id int NOT NULL, expires_at timestamptz NOT NULL);
    CREATE TABLE floor_item (id int PRIMARY KEY, name text NOT NULL, version int NOT NULL DEFAULT 1, note text);
    CREATE TABLE floor_audit (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), actor int NOT NULL, subject int NOT NULL, action text NOT NULL);
    INSERT INTO floor_session VALUES ('floor-token', 1, now() + interval '1 day');
    INSERT INTO floor_item (id, name) SELECT n, 'item ' || n FROM generate_series(0, ${ROWS - 1}) n;
    ANALYZE;`);
  await admin.end();
}

export async function serveFloor(url: string) {
  await setUp(url);
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  const app = Fastify({ logger: false });
  const actorOf = async (token: string | undefined) => {
    const r = await pool.query<{ user_id: number }>({ ...SESSION, values: [token ?? ''] });
    return r.rows[0]?.user_id ?? null;
  };
  app.get<{ Params: { n: string } }>('/read/:n', async (req, reply) => {
    const actor = await actorOf(req.headers.authorization?.slice(7));
    if (actor === null) return reply.code(401).send({ error: 'unauthenticated' });
    const id = Number(req.params.n) % ROWS;
    const row = (await pool.query({ ...READ, values: [id] })).rows[0];
    await pool.query({ ...AUDIT, values: [actor, id, 'read'] });
    return row;
  });
  app.post<{ Params: { n: string }; Body: { text?: string } }>('/write/:n', async (req, reply) => {
    const actor = await actorOf(req.headers.authorization?.slice(7));
    if (actor === null) return reply.code(401).send({ error: 'unauthenticated' });
    const id = Number(req.params.n) % ROWS;
    const c = await pool.connect();
    try {
      await c.query('BEGIN');
      await c.query({ ...LOCK, values: [id] });
      const r = await c.query({ ...UPDATE, values: [id, String(req.body?.text ?? '')] });
      await c.query({ ...AUDIT, values: [actor, id, 'write'] });
      await c.query('COMMIT');
      return r.rows[0];
    } catch (e) {
      await c.query('ROLLBACK');
      throw e;
    } finally {
      c.release();
    }
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    port: (app.server.address() as AddressInfo).port,
    token: 'floor-token',
    stop: async () => {
      await app.close();
      await pool.end();
    },
  };
}

// As a forked child: `start` with the scratch database's URL, then `stop`.
if (process.send) {
  let stop: (() => Promise<void>) | null = null;
  process.on('message', async (m: { type: string; url?: string }) => {
    try {
      if (m.type === 'start') {
        const s = await serveFloor(m.url!);
        stop = s.stop;
        send({ type: 'started', port: s.port, token: s.token });
      } else if (m.type === 'stop') {
        await stop?.();
        send({ type: 'ok' });
        process.exit(0);
      }
    } catch (err) {
      send({ type: 'error', message: (err as Error).message });
    }
  });
  send({ type: 'alive' });
}
