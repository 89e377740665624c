import { z } from 'zod';
import { timestamp } from '../http/response';

/**
 * A queued or sent message as the delivery list shows it: kind, channel, status, attempts.
 * No address and no message body (outbox.routes.ts).
 */
export const outboxMessageOut = z.object({
  id: z.string(),
  kind: z.string(),
  channel: z.string(),
  recipientMemberId: z.string().nullable(),
  recipientUserId: z.string().nullable(),
  subject: z.string(),
  payload: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  status: z.string(),
  attempts: z.number(),
  sentAt: timestamp.nullable(),
  sentVia: z.string().nullable(),
  segments: z.number().nullable(),
  lastError: z.string().nullable(),
  createdAt: timestamp,
});
export const outboxPageOut = z.object({ items: z.array(outboxMessageOut), page: z.number(), pageSize: z.number() });
