import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * Several server processes on one port (issue #19): one Node thread is the limit of a server
 * long before PostgreSQL is, so `WEB_CONCURRENCY=N` starts N workers with node:cluster. The
 * primary prepares the database once, forks, restarts a worker that dies and forwards SIGTERM;
 * it serves nothing itself. Everything that must hold across requests lives in PostgreSQL (as
 * with several app servers: tests/ops/two-servers.test.ts), so a request may land on any worker.
 */

/** The worker's number (1..N) in the environment the primary gives it; 1 runs the background jobs. */
export const WORKER_ENV = 'SAMANVAY_WORKER';

/** WEB_CONCURRENCY: unset → 1; `auto` → the CPUs this process may use; else a whole number 1–64. */
export function webConcurrency(value = process.env.WEB_CONCURRENCY): number {
  const v = (value ?? '').trim();
  if (v === '') return 1;
  if (v === 'auto') return availableParallelism();
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 64) {
    throw new Error(`WEB_CONCURRENCY must be a whole number from 1 to 64 or "auto" (got "${v}")`);
  }
  return Number(v);
}

/** This process's worker number under a primary, or null when it serves alone. */
export function workerIndex(): number | null {
  return cluster.isWorker ? Number(process.env[WORKER_ENV]) || null : null;
}

/** Only one process per host runs pg-boss workers, cron ticks and the audit sweeper (see runPrimary). */
export function runsBackgroundJobs(): boolean {
  const i = workerIndex();
  return i === null || i === 1;
}

/** IPC message a worker sends when it published a domain event (the job worker dispatches soon). */
export const EVENTS_NUDGE = { samanvay: 'events-nudge' } as const;
const isNudge = (m: unknown) => (m as { samanvay?: string } | null)?.samanvay === EVENTS_NUDGE.samanvay;

/** In a worker: call `onNudge` when another worker published an event. */
export function onRelayedNudge(onNudge: () => void) {
  process.on('message', (m) => isNudge(m) && onNudge());
}

export interface PrimaryOptions {
  workers: number;
  port: number;
  /** Worker grace on SIGTERM before it is killed. */
  stopTimeoutMs?: number;
  log?: (line: string) => void;
}

/**
 * The primary: forks `workers` copies of this command (process.argv), each told its number.
 * Worker 1 runs the background jobs: they are safe on several processes (pg-boss keeps one cron
 * tick in the database; sweeps claim rows with SKIP LOCKED) but each process would poll every
 * queue every second or two and sign its own audit checkpoints, N times the work for nothing.
 * A worker that dies is forked again under the same number (so the jobs come back with worker 1),
 * after a pause that grows while it keeps dying young; one that dies before the first start
 * completed stops the whole start (a bad setting, a database that refuses).
 */
export function runPrimary(o: PrimaryOptions): Promise<never> {
  const log = o.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const byWorker = new Map<Worker, number>();
  const ready = new Set<number>();
  const quickDeaths = new Map<number, number>();
  let started = false;
  let stopping = false;
  let failed = false;

  const fork = (index: number) => {
    const w = cluster.fork({ [WORKER_ENV]: String(index) });
    const bornAt = Date.now();
    byWorker.set(w, index);
    w.on('message', (m) => {
      if (!isNudge(m)) return;
      for (const [other, i] of byWorker) if (i === 1 && other.isConnected()) other.send(EVENTS_NUDGE);
    });
    w.on('listening', () => {
      ready.add(index);
      if (started) log(`Worker ${index} is serving again`);
      if (!started && ready.size === o.workers) {
        started = true;
        log(`Samanvay is ready on http://localhost:${o.port} (${o.workers} worker processes)`);
      }
    });
    w.on('exit', (code, signal) => {
      byWorker.delete(w);
      ready.delete(index);
      if (stopping) return void (byWorker.size === 0 && process.exit(failed ? 1 : 0));
      const how = signal ? `signal ${signal}` : `code ${code}`;
      if (!started) {
        log(`Worker ${index} exited (${how}) before the server was ready: stopping`);
        failed = true;
        return stopAll();
      }
      const young = Date.now() - bornAt < 10_000;
      const deaths = young ? (quickDeaths.get(index) ?? 0) + 1 : 0;
      quickDeaths.set(index, deaths);
      const delay = young ? Math.min(30_000, 500 * 2 ** deaths) : 0;
      log(`Worker ${index} exited (${how}); restarting it${delay ? ` in ${delay / 1000} s` : ''}`);
      setTimeout(() => !stopping && fork(index), delay).unref();
    });
  };

  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    if (byWorker.size === 0) process.exit(failed ? 1 : 0);
    // Each worker drains its requests and stops its jobs itself (server.ts); a stuck one is killed.
    for (const w of byWorker.keys()) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of byWorker.keys()) w.process.kill('SIGKILL');
    }, o.stopTimeoutMs ?? 30_000).unref();
  };
  process.on('SIGTERM', stopAll);
  process.on('SIGINT', stopAll);

  for (let i = 1; i <= o.workers; i++) fork(i);
  return new Promise<never>(() => undefined);
}
