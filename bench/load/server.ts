/**
 * The server side of the load bench, in its own process so that autocannon (in the parent)
 * does not share its event loop: a scratch database (PGlite in memory, or a new PostgreSQL
 * database), the Amravati–Akola demo seeded, the real app (buildApp) listening on 127.0.0.1.
 * The parent drives it over IPC: start, audit on/off (the bench-only switch in code: there is no
 * environment variable for it), chain stats, stop.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';

type Msg =
  | { type: 'start'; postgresUrl?: string }
  | { type: 'audit'; on: boolean }
  | { type: 'drain' }
  | { type: 'stats' }
  | { type: 'queries' }
  | { type: 'memory' }
  | { type: 'stop' };

// Statements sent to PostgreSQL (every pool.query and transaction statement goes through
// Client.query): the ratio bench reports statements per request. PGlite is not counted.
let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

const send = (m: unknown) => process.send!(m);
let database: ScratchDatabase | null = null;
let close: (() => Promise<void>) | null = null;
let inFlight = 0;
// Responses completed, including those finished after their client left: the statements a phase
// caused (drained) divided by these is the cost of one request.
let served = 0;
// Absent in a checkout from before the audit queue: then only "with audit" can be measured.
const sw = (await import('../../src/audit/audit.bench-switch').catch(() => null)) as null | {
  setAuditDisabledForBench: (off: boolean) => void;
};

async function fixtures(db: ScratchDatabase) {
  const q = <T>(s: string) => db.query<T>(s);
  return {
    children: await q<{ id: string; name: string }>('SELECT id, name FROM child WHERE district_code = 468 ORDER BY id'),
    families: await q<{ id: string; head_name: string }>('SELECT id, head_name FROM family WHERE district_code = 468 ORDER BY id'),
    cases: await q<{ id: string }>("SELECT id FROM case_record WHERE district_code = 468 AND status <> 'closed' ORDER BY id"),
  };
}

async function stats(db: ScratchDatabase) {
  const [{ events }] = await db.query<{ events: number }>('SELECT count(*)::int AS events FROM audit_event');
  const [{ queue }] = await db.query<{ queue: boolean }>("SELECT to_regclass('audit_pending') IS NOT NULL AS queue");
  if (!queue) return { events, chained: events, pending: 0, verified: null };
  // Let the background chainer finish, then check the chain the load produced.
  const verify = (await import('../../src/audit/audit.verify')).verifyAuditChain;
  const v = await verify(db);
  const [p] = await db.query<{ pending: number; chained: number }>(
    'SELECT (SELECT count(*) FROM audit_pending)::int AS pending, (SELECT count(*) FROM audit_chain)::int AS chained',
  );
  return { events, chained: p.chained, pending: p.pending, verified: v.ok };
}

process.on('message', async (m: Msg) => {
  try {
    if (m.type === 'start') {
      database = await createScratchDatabase({ postgresUrl: m.postgresUrl, prefix: 'samanvay_bench_load', states: [27] });
      await seedDemo(database);
      const ctx: AppContext = {
        database,
        db: database.db,
        now: () => new Date(),
        config: { filesDir: `/tmp/samanvay-bench-load-${process.pid}`, webDir: null, secureCookies: false },
      };
      const app = await buildApp(ctx, { logger: false });
      // Requests still running after a phase (the server works on after the client stops) are
      // drained before the next phase, so that one phase's backlog is not measured in the next.
      // Counted on the raw server, before any hook: a Fastify onRequest hook runs after the
      // session lookup's await, and a response whose socket autocannon closed during that await
      // has already emitted 'close' — a listener added then never fires, the count stays above
      // zero and `drain` waited forever (the ratio bench's hang). A handler's work may go on
      // after its client left: `drain` also waits for the statement count to stand still.
      app.server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
        inFlight++;
        res.once('close', () => void inFlight--);
        res.once('finish', () => void served++);
      });
      await app.listen({ port: 0, host: '127.0.0.1' });
      close = async () => {
        await app.close();
        await database!.drop();
      };
      send({ type: 'ready', port: (app.server.address() as AddressInfo).port, switchable: !!sw, fixtures: await fixtures(database) });
    } else if (m.type === 'audit') {
      if (!sw && !m.on) throw new Error('this checkout has no bench switch for the audit log');
      sw?.setAuditDisabledForBench(!m.on);
      send({ type: 'ok' });
    } else if (m.type === 'drain') {
      const sleep = () => new Promise((r) => setTimeout(r, 100));
      while (inFlight > 0) await sleep();
      for (let seen = -1; seen !== statements;) {
        seen = statements;
        await sleep();
      }
      send({ type: 'ok' });
    } else if (m.type === 'stats') {
      send({ type: 'stats', ...(await stats(database!)) });
    } else if (m.type === 'queries') {
      send({ type: 'queries', statements, served });
      statements = 0;
      served = 0;
    } else if (m.type === 'memory') {
      const u = process.memoryUsage();
      send({ type: 'memory', rss: u.rss, heapUsed: u.heapUsed, heapTotal: u.heapTotal, external: u.external });
    } else if (m.type === 'stop') {
      await close?.();
      send({ type: 'ok' });
      process.exit(0);
    }
  } catch (err) {
    send({ type: 'error', message: (err as Error).message });
  }
});
send({ type: 'alive' });
