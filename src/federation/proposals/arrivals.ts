import type { AppContext } from '../../http/context';
import { recordJobFailure } from '../../kernel/ops-health';
import { NATIONAL_MATCH_CHANNEL } from '../federation.sql';
import { closeConfirmedNationalMatches } from './closing';

/**
 * The state's app reacting when a national proposal arrives confirmed (docs/SCALE.md §4): the
 * `national_match_changed` trigger (federation.sql.ts) NOTIFYs when the replication apply worker
 * writes a proposal as `confirmed`, and this listener closes the state's records, opens the
 * restoration and notifies the DCPUs at once (`closeConfirmedNationalMatches`) instead of at the
 * next 10-minute sweep. Arrivals close together (a batch replicated in one transaction) are
 * debounced into one run, and one run at a time per process; every app server listens, and two
 * servers' runs are safe together (closing locks each record and touches only open ones).
 *
 * A NOTIFY is not stored: one sent while no server listens (all down, or this connection being
 * re-made) is lost. So a run follows each (re)connection, and the missing sweep
 * (missing.jobs.ts, every 10 minutes) still closes whatever is left: this is the fast path, the
 * sweep the safety net.
 */
export const NATIONAL_ARRIVALS = 'national-match-arrivals';

export interface ArrivalListener {
  stop(): Promise<void>;
  /** Resolves when no run is waiting or running (tests). */
  settled(): Promise<void>;
}

export async function listenForConfirmedNationalMatches(
  ctx: AppContext,
  opts: { debounceMs?: number; batch?: number; onRun?: (r: { matches: string[]; records: string[] }) => void } = {},
): Promise<ArrivalListener> {
  const debounceMs = opts.debounceMs ?? 200;
  const batch = opts.batch ?? 100;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          const r = await closeConfirmedNationalMatches(ctx, batch);
          opts.onRun?.(r);
          // A full batch may have left more behind.
          if (r.records.length >= batch) again = true;
        } catch (err) {
          // Counted and logged without the error's message (GET /api/health); the sweep retries.
          recordJobFailure(NATIONAL_ARRIVALS, err);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  };
  const poke = () => {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, debounceMs);
  };

  const unlisten = await ctx.database.listen(NATIONAL_MATCH_CHANNEL, poke, poke);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await unlisten();
      await running;
    },
    async settled() {
      while (timer || running) await (running ?? new Promise((r) => setTimeout(r, debounceMs)));
    },
  };
}
