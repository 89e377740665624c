import type { Db } from '../db/client';
import { claimDue, markFailed, markHeld, markSent } from './outbox.repository';
import { SendError, SendHeld, senderFor, type Senders } from './senders';
import type { OutboxChannel } from './outbox.schema';
import { SmtpError } from './smtp';
import { SmsError } from './sms';
import { recordJobFailure } from '../kernel/ops-health';

export const MAX_ATTEMPTS = 5;
/** The name failed sends are counted under in GET /api/health. */
export const OUTBOX_QUEUE = 'notifications-outbox';

/** Retry after 1, 2, 4, 8 minutes… */
export const retryDelayMs = (attempts: number) => 60_000 * 2 ** Math.max(0, attempts - 1);

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
}

/** What of an error may be stored: its kind and SMTP/SMS stage and code, never a server's words. */
function errorText(err: unknown): string {
  if (err instanceof SmtpError || err instanceof SmsError || err instanceof SendError) return err.message;
  const e = err as { code?: string; constructor?: { name: string } };
  return `${e?.constructor?.name ?? 'Error'}${e?.code ? ` ${e.code}` : ''}`;
}

/**
 * Delivers due outbox messages in batches until none is left (or `maxBatches`). Each batch
 * is claimed with FOR UPDATE SKIP LOCKED and marked `sending` before anything is sent, so
 * a slow SMTP server never holds a database lock and two workers never send the same row.
 */
export async function deliverOutbox(
  db: Db,
  senders: Senders,
  now: Date,
  /** `channels`: deliver only these (the helpline's partner messages each minute). */
  opts: { batch?: number; maxBatches?: number; channels?: readonly OutboxChannel[] } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const batch = opts.batch ?? 50;
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const rows = await db.transaction((tx) => claimDue(tx, now, batch, opts.channels));
    for (const row of rows) {
      const sender = senderFor(senders, row.channel);
      if (!sender) {
        // Never "sent" by a sender that cannot deliver it (the log sender would drop it silently).
        await markFailed(db, row.id, `no sender for channel ${row.channel}`, null);
        result.failed++;
        continue;
      }
      try {
        const receipt = await sender.send(
          {
            id: row.id,
            kind: row.kind,
            channel: row.channel,
            to: row.recipientAddress,
            subject: row.subject,
            body: row.body,
            payload: row.payload,
          },
          { db, now },
        );
        await markSent(db, row.id, sender.name, now, receipt ?? undefined);
        result.sent++;
      } catch (err) {
        if (err instanceof SendHeld) {
          // Waiting on the sender's own rule (an earlier message first): no attempt, no failure.
          await markHeld(db, row.id, err.message, err.until);
          result.retrying++;
          continue;
        }
        recordJobFailure(sender.failureName ?? OUTBOX_QUEUE, err);
        const { maxAttempts, maxDelayMs } = sender.retry ?? { maxAttempts: MAX_ATTEMPTS };
        const delay = Math.min(retryDelayMs(row.attempts), maxDelayMs ?? Infinity);
        const retry = maxAttempts == null || row.attempts < maxAttempts ? new Date(now.getTime() + delay) : null;
        await markFailed(db, row.id, errorText(err), retry);
        if (retry) result.retrying++;
        else result.failed++;
      }
    }
    if (rows.length < batch) break;
  }
  return result;
}
