/**
 * The server side of the load bench, in its own process so that autocannon (in the parent)
 * does not share its event loop: a scratch database (PGlite in memory, or a new PostgreSQL
 * database), the Amravati–Akola demo seeded, the real app (buildApp) listening on 127.0.0.1.
 * The parent drives it over IPC: start, audit on/off (the bench-only switch in code: there is no
 * environment variable for it), request logs on/off (on, into /dev/null, as production logs), chain
 * stats, stop.
 *
 * `start` with `workers` > 1 (PostgreSQL only) serves as `WEB_CONCURRENCY` does (src/cluster.ts):
 * this process seeds, then forks that many workers on one port (bench/load/server-worker.ts) and
 * passes each message on to all of them, adding up their counts.
 */
import cluster, { type Worker } from 'node:cluster';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { createScratchDatabase, type ScratchDatabase } from '../../src/db/scratch';
import { seedDemo } from '../../src/demo/seed';
import { auditSwitch as sw, drain, serveApp, setRequestLogs, takeCounts } from './server-app';

type Msg =
  | { type: 'start'; postgresUrl?: string; workers?: number }
  | { type: 'audit'; on: boolean }
  | { type: 'logs'; on: boolean }
  | { type: 'drain' }
  | { type: 'stats' }
  | { type: 'queries' }
  | { type: 'memory' }
  | { type: 'profile'; file?: string }
  | { type: 'stop' };

const send = (m: unknown) => process.send!(m);
let database: ScratchDatabase | null = null;
let close: (() => Promise<void>) | null = null;
let workers: Worker[] = [];
let profiler: import('node:inspector/promises').Session | null = null;

/** Sends `m` to every worker and waits for each one's reply. */
function toWorkers<T = Record<string, unknown>>(m: Msg): Promise<T[]> {
  return Promise.all(
    workers.map(
      (w) =>
        new Promise<T>((resolve, reject) => {
          w.once('message', (r: Record<string, unknown>) => (r.type === 'error' ? reject(new Error(String(r.message))) : resolve(r as T)));
          w.send(m);
        }),
    ),
  );
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

async function startWorkers(n: number, url: string): Promise<number> {
  const port = await freePort();
  cluster.setupPrimary({ exec: fileURLToPath(new URL('./server-worker.ts', import.meta.url)), silent: false });
  workers = Array.from({ length: n }, () => cluster.fork({ BENCH_LOAD_DB: url, BENCH_LOAD_PORT: String(port) }));
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve, reject) => {
          w.once('message', (r: { type: string }) => (r.type === 'ready' ? resolve() : reject(new Error('worker failed to start'))));
          w.once('exit', (code) => reject(new Error(`bench worker exited (code ${code})`)));
        }),
    ),
  );
  return port;
}

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
      const n = m.workers ?? 1;
      let port: number;
      if (n > 1) {
        if (!m.postgresUrl) throw new Error('several workers need PostgreSQL');
        const u = new URL(m.postgresUrl);
        u.pathname = `/${(await database.query<{ d: string }>('SELECT current_database() AS d'))[0].d}`;
        port = await startWorkers(n, u.toString());
        close = async () => {
          await toWorkers({ type: 'stop' });
          await database!.drop();
        };
      } else {
        const served = await serveApp(database);
        port = served.port;
        close = async () => {
          await served.app.close();
          await database!.drop();
        };
      }
      takeCounts();
      send({ type: 'ready', port, switchable: !!sw, fixtures: await fixtures(database) });
    } else if (m.type === 'audit') {
      if (!sw && !m.on) throw new Error('this checkout has no bench switch for the audit log');
      sw?.setAuditDisabledForBench(!m.on);
      await toWorkers(m);
      send({ type: 'ok' });
    } else if (m.type === 'logs') {
      setRequestLogs(m.on);
      await toWorkers(m);
      send({ type: 'ok' });
    } else if (m.type === 'drain') {
      await Promise.all([drain(), toWorkers(m)]);
      send({ type: 'ok' });
    } else if (m.type === 'stats') {
      send({ type: 'stats', ...(await stats(database!)) });
    } else if (m.type === 'queries') {
      const all = [takeCounts(), ...(await toWorkers<{ statements: number; served: number }>(m))];
      send({ type: 'queries', statements: all.reduce((a, c) => a + c.statements, 0), served: all.reduce((a, c) => a + c.served, 0) });
    } else if (m.type === 'memory') {
      const all = [process.memoryUsage(), ...(await toWorkers<NodeJS.MemoryUsage>(m))];
      const sum = (k: 'rss' | 'heapUsed' | 'heapTotal' | 'external') => all.reduce((a, u) => a + u[k], 0);
      send({ type: 'memory', rss: sum('rss'), heapUsed: sum('heapUsed'), heapTotal: sum('heapTotal'), external: sum('external') });
    } else if (m.type === 'profile') {
      // The V8 CPU profile of this process between two messages (bench/load/profile.ts): only the
      // measured requests, not the seeding that --cpu-prof would also record. Single process only.
      if (workers.length) throw new Error('profiling needs one worker');
      const { Session } = await import('node:inspector/promises');
      if (!profiler) {
        profiler = new Session();
        profiler.connect();
        await profiler.post('Profiler.enable');
        await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
        await profiler.post('Profiler.start');
      } else {
        const { profile } = await profiler.post('Profiler.stop');
        profiler.disconnect();
        profiler = null;
        (await import('node:fs')).writeFileSync(m.file!, JSON.stringify(profile));
      }
      send({ type: 'ok' });
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
