import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { EVENT_PAYLOADS, type EventPayload, type EventType } from './events';
import { domainEvent, domainEventHandling } from './events.schema';

export interface StoredEvent<T extends EventType = EventType> {
  seq: number;
  type: T;
  aggregateType: string;
  aggregateId: string;
  payload: EventPayload<T>;
  actorUserId: string | null;
  createdAt: Date;
}

/**
 * A module's reaction to an event. `handle` runs in a transaction (a savepoint) together with
 * the record that it ran, so its effects commit exactly once; it must also be safe to run on
 * a state that already reflects the event (a re-delivered event after a crash between commits
 * of two different handlers changes nothing twice). `name` is stable: it keys the record.
 */
export interface EventHandler<T extends EventType = EventType> {
  name: string;
  type: T;
  handle(db: Db, event: StoredEvent<T>, now: Date): Promise<void>;
}

export const MAX_ATTEMPTS = 5;

export interface DispatchResult {
  handled: number;
  failed: number;
}

/** Only the error's type and code: a failed query's message carries its parameters. */
const errorCode = (err: unknown) => {
  const e = err as { code?: string; constructor?: { name?: string } };
  return [e?.constructor?.name ?? 'Error', e?.code].filter(Boolean).join(':').slice(0, 100);
};

/**
 * Runs the handlers of pending events, oldest first, one event per transaction. The event row
 * is claimed with FOR UPDATE SKIP LOCKED, so several servers dispatch side by side without
 * handling an event twice. A failing handler is retried on later runs up to MAX_ATTEMPTS, then
 * marked failed (counted in /api/health through `onFailure`) so one bad event cannot block the rest.
 */
export async function dispatchPending(
  db: Db,
  handlers: readonly EventHandler[],
  now: () => Date,
  opts: { limit?: number; onFailure?: (handler: string, code: string) => void } = {},
): Promise<DispatchResult> {
  const out: DispatchResult = { handled: 0, failed: 0 };
  const limit = opts.limit ?? 500;
  for (let i = 0; i < limit; i++) {
    const more = await db.transaction(async (tx) => {
      const [row] = await tx
        .select()
        .from(domainEvent)
        .where(isNull(domainEvent.completedAt))
        .orderBy(asc(domainEvent.seq))
        .limit(1)
        .for('update', { skipLocked: true });
      if (!row) return false;
      const event = { ...row, payload: EVENT_PAYLOADS[row.type as EventType].parse(row.payload) } as StoredEvent;
      const done = await tx.select().from(domainEventHandling).where(eq(domainEventHandling.eventSeq, row.seq));
      let open = 0;
      for (const h of handlers) {
        if (h.type !== row.type) continue;
        const prior = done.find((d) => d.handler === h.name);
        if (prior && prior.status !== 'retrying') continue;
        const attempts = (prior?.attempts ?? 0) + 1;
        const at = now();
        try {
          await tx.transaction(async (sp) => {
            await h.handle(sp, event, at);
            await record(sp, row.seq, h.name, 'done', attempts, null, at);
          });
          out.handled++;
        } catch (err) {
          const code = errorCode(err);
          const status = attempts >= MAX_ATTEMPTS ? 'failed' : 'retrying';
          await record(tx, row.seq, h.name, status, attempts, code, at);
          opts.onFailure?.(h.name, code);
          if (status === 'retrying') open++;
          else out.failed++;
        }
      }
      // Complete once nothing is left to retry; a retrying handler keeps the event pending.
      if (open === 0) await tx.update(domainEvent).set({ completedAt: now() }).where(eq(domainEvent.seq, row.seq));
      return open === 0;
    });
    // An event left for retry ends this run (the next run tries it again), so a failing
    // handler does not spin.
    if (!more) break;
  }
  return out;
}

async function record(db: Db, seq: number, handler: string, status: string, attempts: number, code: string | null, at: Date) {
  await db
    .insert(domainEventHandling)
    .values({ eventSeq: seq, handler, status, attempts, errorCode: code, at })
    .onConflictDoUpdate({
      target: [domainEventHandling.eventSeq, domainEventHandling.handler],
      set: { status, attempts, errorCode: code, at },
    });
}

/** Events still waiting for a handler (for /api/health and tests). */
export async function pendingEventCount(db: Db): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(domainEvent)
    .where(and(isNull(domainEvent.completedAt)));
  return Number(r.n);
}
