import type { Db } from '../db/client';
import { claimDue, markFailed, markSent } from './outbox.repository';
import { senderFor, type Senders } from './senders';
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
  if (err instanceof SmtpError || err instanceof SmsError) return err.message;
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
  opts: { batch?: number; maxBatches?: number } = {},
): Promise<DeliveryResult> {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0 };
  const batch = opts.batch ?? 50;
  for (let i = 0; i < (opts.maxBatches ?? 20); i++) {
    const rows = await db.transaction((tx) => claimDue(tx, now, batch));
    for (const row of rows) {
      const sender = senderFor(senders, row.channel);
      try {
        const receipt = await sender.send({
          id: row.id,
          kind: row.kind,
          channel: row.channel,
          to: row.recipientAddress,
          subject: row.subject,
          body: row.body,
          payload: row.payload,
        });
        await markSent(db, row.id, sender.name, now, receipt ?? undefined);
        result.sent++;
      } catch (err) {
        recordJobFailure(OUTBOX_QUEUE, err);
        const retry = row.attempts < MAX_ATTEMPTS ? new Date(now.getTime() + retryDelayMs(row.attempts)) : null;
        await markFailed(db, row.id, errorText(err), retry);
        if (retry) result.retrying++;
        else result.failed++;
      }
    }
    if (rows.length < batch) break;
  }
  return result;
}
