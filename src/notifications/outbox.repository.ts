import { and, asc, desc, eq, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client';
import { notificationOutbox } from './outbox.schema';
import { channelHasSender, type SendReceipt } from './senders';
import { COMPOSED_CHANNELS, type OutboxChannel } from './outbox.schema';

export type OutboxRow = typeof notificationOutbox.$inferSelect;
export type NewOutboxRow = Omit<
  typeof notificationOutbox.$inferInsert,
  'id' | 'status' | 'attempts' | 'claimedAt' | 'sentAt' | 'sentVia' | 'lastError'
>;

/**
 * Queues messages in the caller's transaction. A row whose dedupe_key is already queued is
 * skipped (ON CONFLICT DO NOTHING), so the same reminder is enqueued once however many
 * scans run, concurrently or not. Returns the rows actually queued.
 */
export async function enqueue(db: Db, rows: NewOutboxRow[]): Promise<Pick<OutboxRow, 'id' | 'dedupeKey'>[]> {
  if (!rows.length) return [];
  return enqueueStatement(db, rows);
}

/**
 * The INSERT of `enqueue`, unexecuted (to be a CTE of the caller's statement), after the rows are
 * checked: a channel the outbox has no sender for is refused (nothing is written), and a composed
 * channel's row holds no text (its body is built from the record when sent).
 */
export function enqueueStatement(db: Db, rows: NewOutboxRow[]) {
  for (const r of rows) {
    if (!channelHasSender(r.channel)) throw new Error(`outbox: no sender for channel "${String(r.channel)}"`);
    if (COMPOSED_CHANNELS.includes(r.channel as OutboxChannel) && (r.body !== '' || r.recipientAddress))
      throw new Error(`outbox: a ${r.channel} message holds ids only (its body is built when sent)`);
  }
  return db
    .insert(notificationOutbox)
    .values(rows)
    .onConflictDoNothing({ target: notificationOutbox.dedupeKey })
    .returning({ id: notificationOutbox.id, dedupeKey: notificationOutbox.dedupeKey });
}

/** A claim older than this is taken to be from a worker that died mid-send. */
export const STALE_CLAIM_MINUTES = 10;

/**
 * Claims up to `limit` messages that are due: FOR UPDATE SKIP LOCKED in the subquery, so
 * concurrent workers (several servers) take disjoint batches and never send one twice.
 */
export async function claimDue(db: Db, now: Date, limit: number, channels?: readonly OutboxChannel[]): Promise<OutboxRow[]> {
  const stale = new Date(now.getTime() - STALE_CLAIM_MINUTES * 60_000);
  const due = db
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(
      and(
        or(
          and(eq(notificationOutbox.status, 'pending'), lte(notificationOutbox.nextAttemptAt, now)),
          and(eq(notificationOutbox.status, 'sending'), lt(notificationOutbox.claimedAt, stale)),
        ),
        channels ? inArray(notificationOutbox.channel, [...channels]) : undefined,
      ),
    )
    // Oldest due first, then in the order queued (a partner hears a call's statuses in order).
    .orderBy(asc(notificationOutbox.nextAttemptAt), asc(notificationOutbox.createdAt), asc(notificationOutbox.id))
    .limit(limit)
    .for('update', { skipLocked: true });
  const rows = await db
    .update(notificationOutbox)
    .set({ status: 'sending', claimedAt: now, attempts: sql`${notificationOutbox.attempts} + 1` })
    .where(inArray(notificationOutbox.id, due))
    .returning();
  // RETURNING follows no order: sent in the claim's order.
  return rows.sort(
    (a, b) =>
      a.nextAttemptAt.getTime() - b.nextAttemptAt.getTime() ||
      a.createdAt.getTime() - b.createdAt.getTime() ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

export async function markSent(db: Db, id: string, via: string, now: Date, receipt: SendReceipt = {}) {
  await db
    .update(notificationOutbox)
    .set({
      status: 'sent',
      sentAt: now,
      sentVia: via,
      lastError: null,
      providerRef: receipt.providerRef ?? null,
      segments: receipt.segments ?? null,
      encoding: receipt.encoding ?? null,
    })
    .where(eq(notificationOutbox.id, id));
}

export async function markFailed(db: Db, id: string, error: string, retryAt: Date | null) {
  await db
    .update(notificationOutbox)
    .set(retryAt ? { status: 'pending', nextAttemptAt: retryAt, lastError: error } : { status: 'failed', lastError: error })
    .where(eq(notificationOutbox.id, id));
}

/** Back to pending until `until`, the claim's attempt not counted (a sender's SendHeld). */
export async function markHeld(db: Db, id: string, state: string, until: Date) {
  await db
    .update(notificationOutbox)
    .set({ status: 'pending', nextAttemptAt: until, lastError: state, attempts: sql`greatest(${notificationOutbox.attempts} - 1, 0)` })
    .where(eq(notificationOutbox.id, id));
}

/** Pending messages (by dedupe key) due at once: a held one whose reason to wait is gone. */
export async function makeDue(db: Db, dedupeKeys: readonly string[], now: Date) {
  if (!dedupeKeys.length) return;
  await db
    .update(notificationOutbox)
    .set({ nextAttemptAt: now })
    .where(
      and(
        inArray(notificationOutbox.dedupeKey, [...dedupeKeys]),
        eq(notificationOutbox.status, 'pending'),
        sql`${notificationOutbox.nextAttemptAt} > ${now.toISOString()}::timestamptz`,
      ),
    );
}

export function listOutbox(db: Db, where: SQL | undefined, limit: number, offset: number) {
  return db
    .select({
      id: notificationOutbox.id,
      kind: notificationOutbox.kind,
      channel: notificationOutbox.channel,
      recipientMemberId: notificationOutbox.recipientMemberId,
      recipientUserId: notificationOutbox.recipientUserId,
      subject: notificationOutbox.subject,
      payload: notificationOutbox.payload,
      status: notificationOutbox.status,
      attempts: notificationOutbox.attempts,
      sentAt: notificationOutbox.sentAt,
      sentVia: notificationOutbox.sentVia,
      segments: notificationOutbox.segments,
      lastError: notificationOutbox.lastError,
      createdAt: notificationOutbox.createdAt,
    })
    .from(notificationOutbox)
    .where(and(where))
    .orderBy(desc(notificationOutbox.createdAt), notificationOutbox.id)
    .limit(limit)
    .offset(offset);
}
