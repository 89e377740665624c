import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { dispatchPending } from './dispatcher';
import { EVENT_HANDLERS } from './handlers';
import { takeNudge } from './events';
import { countingFailures, recordJobFailureCode } from '../kernel/ops-health';

export const DOMAIN_EVENTS_QUEUE = 'domain-events';

/**
 * Domain events are handled on pg-boss: a job every minute (the cron is kept in the database,
 * so several servers tick once), and a job as soon as this process has published something,
 * so the registry follows an order within seconds. Dispatch claims events with SKIP LOCKED.
 */
export async function registerEventJobs(boss: PgBoss, ctx: AppContext, opts: { onFailure?: (handler: string, code: string) => void } = {}) {
  await boss.createQueue(DOMAIN_EVENTS_QUEUE, { name: DOMAIN_EVENTS_QUEUE, policy: 'singleton', retryLimit: 2, retryDelay: 10 });
  // A failing handler is logged and counted per handler in /api/health (`domain-events/<handler>`).
  const onFailure = opts.onFailure ?? ((handler: string, code: string) => recordJobFailureCode(`${DOMAIN_EVENTS_QUEUE}/${handler}`, code));
  await boss.work(
    DOMAIN_EVENTS_QUEUE,
    { pollingIntervalSeconds: 1, batchSize: 1 },
    countingFailures(DOMAIN_EVENTS_QUEUE, async () => dispatchPending(ctx.db, EVENT_HANDLERS, ctx.now, { onFailure })),
  );
  await boss.schedule(DOMAIN_EVENTS_QUEUE, '* * * * *', {}, { tz: 'Asia/Kolkata' });
  const timer = setInterval(() => {
    if (takeNudge()) void boss.send(DOMAIN_EVENTS_QUEUE, {}).catch(() => undefined);
  }, 500);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
