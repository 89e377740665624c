import PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { pgBossDb } from '../cases/pgboss.db';
import { matchPendingRecords, rekeyStaleRecords } from './matching.service';
import { loadActiveModel } from './model.service';
import { bossErrorListener, countingFailures } from '../kernel/ops-health';
import { closeConfirmedNationalMatches } from '../federation/proposals/closing';

/**
 * Background work of the missing and found children module, on pg-boss like the case
 * module's overdue sweep (src/cases/cases.jobs.ts): records whose matching did not finish
 * after their transaction committed (a crash, a restart) are matched by this sweep.
 * Matching normally runs in the request that accepted the record; this is the safety net.
 * `registerMissingJobs` adds the queue to a pg-boss instance already started.
 */
export const MISSING_MATCH_QUEUE = 'missing-match-pending';

export interface MissingJobsOptions {
  /** pg-boss cron (IST); null for none. Default: every 10 minutes. */
  cron?: string | null;
  pollingIntervalSeconds?: number;
  batch?: number;
}

export async function registerMissingJobs(boss: PgBoss, ctx: AppContext, opts: MissingJobsOptions = {}) {
  const cron = opts.cron === undefined ? '*/10 * * * *' : opts.cron;
  await boss.createQueue(MISSING_MATCH_QUEUE, { name: MISSING_MATCH_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 60 });
  await boss.work(
    MISSING_MATCH_QUEUE,
    { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 5, batchSize: 1 },
    countingFailures(MISSING_MATCH_QUEUE, async () => {
      // A refit made by another server process becomes the model here too.
      await loadActiveModel(ctx.db);
      // After a model change, records keyed under the old rules are re-keyed and matched again.
      const rekeyed = await rekeyStaleRecords(ctx, opts.batch ?? 200);
      const matched = await matchPendingRecords(ctx, opts.batch ?? 200);
      // National proposals both states confirmed (arrived by replication): close this state's records.
      // Normally done on arrival (federation/proposals/arrivals.ts); this catches a NOTIFY nobody heard.
      const national = await closeConfirmedNationalMatches(ctx, opts.batch ?? 200);
      return { rekeyed, matched, nationalClosed: national.records.length };
    }),
  );
  if (cron) await boss.schedule(MISSING_MATCH_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
}

export async function startMissingJobs(
  ctx: AppContext,
  opts: MissingJobsOptions & { supervise?: boolean; onError?: (err: unknown) => void } = {},
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
  await registerMissingJobs(boss, ctx, opts);
  return {
    boss,
    async runNow(timeoutMs = 30_000): Promise<number> {
      const id = await boss.send(MISSING_MATCH_QUEUE, {});
      if (!id) throw new Error('matching sweep was not queued');
      const until = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById<{ matched: number }>(MISSING_MATCH_QUEUE, id);
        if (job?.state === 'completed') return (job.output as { matched: number }).matched;
        if (job?.state === 'failed' || job?.state === 'cancelled') throw new Error(`matching sweep ${job.state}`);
        if (Date.now() > until) throw new Error('matching sweep did not finish in time');
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }),
  };
}
