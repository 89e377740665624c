import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { countingFailures } from '../kernel/ops-health';
import { createDueEntries } from './ledger-due.service';
import { sweepFosterLapses } from './foster-lapse.service';
import { purgeExpiredShortLinks } from '../notifications/short-link';

/**
 * The grant ledger's month on pg-boss, like the helpline's sweep (src/helpline/helpline.jobs.ts):
 * every day at 06:00 IST (so the 1st makes the month and a missed run or a placement that
 * began mid-month is caught), the current month's 'due' entries (ledger-due.service.ts); then the
 * foster approval lapse alerts (foster-lapse.service.ts), each raised once however often it runs;
 * and, as the app's one daily sweep, the SMS short links expired a week ago (migration 1040).
 */
export const CARE_DUE_MONTH_QUEUE = 'care-ledger-due-month';

export async function registerCareJobs(boss: PgBoss, ctx: AppContext, opts: { cron?: string | null } = {}) {
  const cron = opts.cron === undefined ? '0 6 * * *' : opts.cron;
  await boss.createQueue(CARE_DUE_MONTH_QUEUE, { name: CARE_DUE_MONTH_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 60 });
  await boss.work(
    CARE_DUE_MONTH_QUEUE,
    { pollingIntervalSeconds: 2, batchSize: 1 },
    countingFailures(CARE_DUE_MONTH_QUEUE, () => dailySweep(ctx)),
  );
  if (cron) await boss.schedule(CARE_DUE_MONTH_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
}

/** The 06:00 IST job's work (exported for its test). */
export async function dailySweep(ctx: Pick<AppContext, 'db' | 'now'>) {
  return {
    ...(await createDueEntries(ctx.db, ctx.now())),
    fosterLapses: await sweepFosterLapses(ctx.db, ctx.now()),
    shortLinksPurged: await purgeExpiredShortLinks(ctx.db, ctx.now()),
  };
}
