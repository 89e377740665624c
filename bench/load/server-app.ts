/**
 * The app as the load benches serve it (bench/load/server.ts alone, bench/load/server-worker.ts
 * under a cluster): the real buildApp on 127.0.0.1, with the counts the benches read — SQL
 * statements sent to PostgreSQL, requests in flight and served.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import pino from 'pino';
import { buildApp } from '../../src/http/app';
import type { AppContext } from '../../src/http/context';
import type { Database } from '../../src/db/client';

// Statements sent to PostgreSQL (every pool.query and transaction statement goes through
// Client.query): the ratio bench reports statements per request. PGlite is not counted.
let statements = 0;
const clientQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  statements++;
  return (clientQuery as (...a: unknown[]) => unknown).apply(this, args);
} as typeof clientQuery;

let inFlight = 0;
// Responses completed, including those finished after their client left: the statements a phase
// caused (drained) divided by these is the cost of one request.
let served = 0;

// Absent in a checkout from before the audit queue: then only "with audit" can be measured.
export const auditSwitch = (await import('../../src/audit/audit.bench-switch').catch(() => null)) as null | {
  setAuditDisabledForBench: (off: boolean) => void;
};

export async function serveApp(database: Database, port = 0) {
  const ctx: AppContext = {
    database,
    db: database.db,
    now: () => new Date(),
    config: { filesDir: `/tmp/samanvay-bench-load-${process.pid}`, webDir: null, secureCookies: false },
  };
  // The request log as production writes it (two lines a request at info, src/http/logging.ts),
  // into /dev/null: its cost is part of a request's. `setRequestLogs(false)` silences it for a
  // same-run baseline.
  const logStream = pino.destination({ dest: '/dev/null', sync: true }) as unknown as NodeJS.WritableStream;
  const app = await buildApp(ctx, { logStream });
  logLevel = (on) => void (app.log.level = on ? 'info' : 'silent');
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
  await app.listen({ port, host: '127.0.0.1' });
  return { app, port: (app.server.address() as AddressInfo).port };
}

let logLevel: (on: boolean) => void = () => undefined;
/** Request logs on (as production) or off. */
export const setRequestLogs = (on: boolean) => logLevel(on);

export async function drain() {
  const sleep = () => new Promise((r) => setTimeout(r, 100));
  while (inFlight > 0) await sleep();
  for (let seen = -1; seen !== statements;) {
    seen = statements;
    await sleep();
  }
}

/** The counts since the last call. */
export function takeCounts() {
  const out = { statements, served };
  statements = 0;
  served = 0;
  return out;
}
