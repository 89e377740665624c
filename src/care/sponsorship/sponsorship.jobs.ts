import type PgBoss from 'pg-boss';
import type { AppContext } from '../../http/context';
import { countingFailures } from '../../kernel/ops-health';
import { applySponsorshipPauses } from './sponsorship.service';

/**
 * The sponsorship pause on pg-boss (issue #18): every day at 06:15 IST, after the ledger has made
 * the month's 'due' entries (care.jobs.ts, 06:00), the entries of months a pause touches are
 * withheld with the reason (Mission Vatsalya guidelines 2022, 4.1: a school-going child absent
 * more than 30 days). Idempotent: an entry already withheld or paid is left as it is.
 */
export const SPONSORSHIP_PAUSE_QUEUE = 'care-sponsorship-pause';

export async function registerSponsorshipJobs(boss: PgBoss, ctx: AppContext, opts: { cron?: string | null } = {}) {
  const cron = opts.cron === undefined ? '15 6 * * *' : opts.cron;
  await boss.createQueue(SPONSORSHIP_PAUSE_QUEUE, { name: SPONSORSHIP_PAUSE_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 60 });
  await boss.work(
    SPONSORSHIP_PAUSE_QUEUE,
    { pollingIntervalSeconds: 2, batchSize: 1 },
    countingFailures(SPONSORSHIP_PAUSE_QUEUE, async () => ({ ...(await applySponsorshipPauses(ctx.db, ctx.now())) })),
  );
  if (cron) await boss.schedule(SPONSORSHIP_PAUSE_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
}
