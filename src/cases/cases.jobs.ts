import PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { pgBossDb } from './pgboss.db';
import { sweepOverdue } from './overdue.sweep';
import { bossErrorListener, countingFailures } from '../kernel/ops-health';

/**
 * Background work of the case module on pg-boss: the overdue sweep, which turns due items
 * that have passed into alerts (notification table). pg-boss keeps its own tables in the
 * `pgboss` schema and creates or migrates them itself on start (with an advisory lock, so
 * several servers can start at once); on PGlite it runs through the adapter in pgboss.db.ts.
 *
 * The cron schedule is kept by pg-boss in the database, so with several servers the sweep
 * still runs once per tick; the sweep itself claims due items with FOR UPDATE SKIP LOCKED.
 */
export const OVERDUE_SWEEP_QUEUE = 'cases-overdue-sweep';

export interface CaseJobs {
  boss: PgBoss;
  /** Queues a sweep now and waits until a worker has done it; returns the number of alerts raised. */
  sweepNow(timeoutMs?: number): Promise<number>;
  stop(): Promise<void>;
}

export interface CaseJobsOptions {
  /** Cron for the sweep (pg-boss schedule, IST); null for none (tests call sweepNow). Default every 5 minutes. */
  cron?: string | null;
  /** How often the worker looks for queued jobs. */
  pollingIntervalSeconds?: number;
  /** pg-boss maintenance (archiving, expiring): on in servers, off in short-lived tests. */
  supervise?: boolean;
  onError?: (err: unknown) => void;
}

export async function startCaseJobs(ctx: AppContext, opts: CaseJobsOptions = {}): Promise<CaseJobs> {
  const cron = opts.cron === undefined ? '*/5 * * * *' : opts.cron;
  const boss = new PgBoss({
    db: pgBossDb(ctx.database) as unknown as PgBoss.Db,
    schema: 'pgboss',
    migrate: true,
    supervise: opts.supervise ?? true,
    schedule: cron !== null,
  });
  // Logged and counted (GET /api/health) without job data or SQL parameters.
  boss.on('error', opts.onError ?? bossErrorListener('pg-boss'));
  await boss.start();
  await boss.createQueue(OVERDUE_SWEEP_QUEUE, { name: OVERDUE_SWEEP_QUEUE, policy: 'standard', retryLimit: 3, retryDelay: 30 });
  await boss.work(
    OVERDUE_SWEEP_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2, batchSize: 1 },
    countingFailures(OVERDUE_SWEEP_QUEUE, async () => ({
      alerts: await sweepOverdue(ctx.db, ctx.now()),
    })),
  );
  if (cron) await boss.schedule(OVERDUE_SWEEP_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });

  return {
    boss,
    async sweepNow(timeoutMs = 30_000) {
      const id = await boss.send(OVERDUE_SWEEP_QUEUE, {});
      if (!id) throw new Error('overdue sweep was not queued');
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById<{ alerts: number }>(OVERDUE_SWEEP_QUEUE, id);
        if (job?.state === 'completed') return (job.output as { alerts: number }).alerts;
        if (job?.state === 'failed' || job?.state === 'cancelled') throw new Error(`overdue sweep ${job.state}`);
        if (Date.now() > until) throw new Error('overdue sweep did not finish in time');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      await boss.stop({ graceful: true, wait: true, timeout: 5000 });
    },
  };
}
