import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { countingFailures } from '../kernel/ops-health';
import { ensureFresh } from './summary.repository';

/**
 * The kept dashboard counts are brought up to date every 5 minutes, not only when somebody opens a
 * dashboard: a quiet state's figures would otherwise age, and the national dashboard (issue #19)
 * reads what each state last published (src/federation/national-dashboard.ts) and would mark the
 * state stale. A refresh only applies the changes marked since the last one, so on a quiet
 * database it is one look that finds nothing.
 */
export const DASHBOARD_REFRESH_QUEUE = 'dashboards-refresh';

export async function registerDashboardJobs(boss: PgBoss, ctx: AppContext, opts: { cron?: string | null } = {}) {
  const cron = opts.cron === undefined ? '*/5 * * * *' : opts.cron;
  await boss.createQueue(DASHBOARD_REFRESH_QUEUE, { name: DASHBOARD_REFRESH_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 60 });
  await boss.work(
    DASHBOARD_REFRESH_QUEUE,
    { pollingIntervalSeconds: 5, batchSize: 1 },
    countingFailures(DASHBOARD_REFRESH_QUEUE, async () => ({ refreshedAt: (await ensureFresh(ctx.db, 0)).toISOString() })),
  );
  if (cron) await boss.schedule(DASHBOARD_REFRESH_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
}
