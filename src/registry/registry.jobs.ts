import type PgBoss from 'pg-boss';
import type { AppContext } from '../http/context';
import { countingFailures } from '../kernel/ops-health';
import { rekeyStaleNames } from './name-keys.service';

/**
 * The registry's background work: rows whose search keys were computed under older name rules
 * are re-keyed in batches (`rekeyStaleNames`), every 5 minutes until none is left; on an
 * up-to-date database each run is one indexed look that finds nothing.
 */
export const REGISTRY_REKEY_QUEUE = 'registry-rekey-names';

export async function registerRegistryJobs(boss: PgBoss, ctx: AppContext, opts: { cron?: string | null; batch?: number } = {}) {
  const cron = opts.cron === undefined ? '*/5 * * * *' : opts.cron;
  await boss.createQueue(REGISTRY_REKEY_QUEUE, { name: REGISTRY_REKEY_QUEUE, policy: 'singleton', retryLimit: 3, retryDelay: 60 });
  await boss.work(
    REGISTRY_REKEY_QUEUE,
    { pollingIntervalSeconds: 5, batchSize: 1 },
    countingFailures(REGISTRY_REKEY_QUEUE, async () => {
      let total = 0;
      // A few batches per run: a large registry catches up in hours, without holding the pool.
      for (let i = 0; i < 20; i++) {
        const n = await rekeyStaleNames(ctx, opts.batch ?? 500);
        total += n;
        if (n === 0) break;
      }
      return { rekeyed: total };
    }),
  );
  if (cron) await boss.schedule(REGISTRY_REKEY_QUEUE, cron, {}, { tz: 'Asia/Kolkata' });
}
