import PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { pgBossDb } from '../cases/pgboss.db';
import { deliverOutbox, type DeliveryResult } from '../notifications/outbox.service';
import { sendersFromEnv, type Senders } from '../notifications/senders';
import { scanReminders, type ReminderOptions } from './reminders';
import { bossErrorListener, countingFailures } from '../kernel/ops-health';

/**
 * Background work of the convergence module: scan action items for reminders, then deliver
 * the outbox. Runs on pg-boss like the case module's overdue sweep (src/cases/cases.jobs.ts),
 * on its own queue; `registerConvergenceJobs` adds it to a pg-boss instance already started
 * (e.g. the case module's), `startConvergenceJobs` starts one of its own.
 */
export const CONVERGENCE_REMINDERS_QUEUE = 'convergence-reminders';

export interface ReminderCycle {
  queued: number;
  delivery: DeliveryResult;
}

/** One cycle: queue due reminders, then send what the outbox holds. */
export async function runReminderCycle(ctx: AppContext, senders: Senders, opts: ReminderOptions = {}): Promise<ReminderCycle> {
  const now = ctx.now();
  const queued = await scanReminders(ctx.db, now, opts);
  const delivery = await deliverOutbox(ctx.db, senders, now);
  return { queued, delivery };
}

export interface ConvergenceJobsOptions extends ReminderOptions {
  senders?: Senders;
  /** pg-boss cron (IST); null for none. Default: every 15 minutes. */
  cron?: string | null;
  pollingIntervalSeconds?: number;
}

export async function registerConvergenceJobs(boss: PgBoss, ctx: AppContext, opts: ConvergenceJobsOptions = {}) {
  const senders = opts.senders ?? sendersFromEnv();
  const cron = opts.cron === undefined ? '*/15 * * * *' : opts.cron;
  await boss.createQueue(CONVERGENCE_REMINDERS_QUEUE, {
    name: CONVERGENCE_REMINDERS_QUEUE,
    policy: 'standard',
    retryLimit: 3,
    retryDelay: 60,
  });
  await boss.work(
    CONVERGENCE_REMINDERS_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5, batchSize: 1 },
    countingFailures(CONVERGENCE_REMINDERS_QUEUE, async () => {
      const r = await runReminderCycle(ctx, senders, opts);
      return { queued: r.queued, ...r.delivery };
    }),
  );
  if (cron) await boss.schedule(CONVERGENCE_REMINDERS_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
}

export async function startConvergenceJobs(
  ctx: AppContext,
  opts: ConvergenceJobsOptions & { supervise?: boolean; onError?: (err: unknown) => void } = {},
) {
  const boss = new PgBoss({
    db: pgBossDb(ctx.database) as unknown as PgBoss.Db,
    schema: 'pgboss',
    migrate: true,
    supervise: opts.supervise ?? true,
    schedule: opts.cron !== null,
  });
  boss.on('error', opts.onError ?? bossErrorListener('pg-boss'));
  await boss.start();
  await registerConvergenceJobs(boss, ctx, opts);
  return {
    boss,
    async runNow(timeoutMs = 30_000): Promise<{ queued: number } & DeliveryResult> {
      const id = await boss.send(CONVERGENCE_REMINDERS_QUEUE, {});
      if (!id) throw new Error('reminder cycle was not queued');
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById<object>(CONVERGENCE_REMINDERS_QUEUE, id);
        if (job?.state === 'completed') return job.output as { queued: number } & DeliveryResult;
        if (job?.state === 'failed' || job?.state === 'cancelled') throw new Error(`reminder cycle ${job.state}`);
        if (Date.now() > until) throw new Error('reminder cycle did not finish in time');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }),
  };
}
