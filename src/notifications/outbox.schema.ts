import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The notification outbox (migrations/0210_notification_outbox.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const OUTBOX_CHANNELS = ['email', 'sms', 'log', 'helpline_partner'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
/**
 * Channels whose row carries its text (written at enqueue, addressed to officials): without a
 * sender of their own they go to the log sender, which writes ids only (senders.ts).
 */
export const TEXT_CHANNELS: readonly OutboxChannel[] = ['email', 'sms', 'log'];
/**
 * Channels whose row holds ids and a kind only (empty body): the channel's sender reads the
 * record and builds the body when it sends (migrations/0890). Never handed to the log sender.
 */
export const COMPOSED_CHANNELS: readonly OutboxChannel[] = ['helpline_partner'];

export const notificationOutbox = pgTable('notification_outbox', {
  id: uuid('id').primaryKey().defaultRandom(),
  dedupeKey: text('dedupe_key').notNull().unique(),
  kind: text('kind').notNull(),
  channel: text('channel').$type<OutboxChannel>().notNull(),
  recipientUserId: uuid('recipient_user_id'),
  recipientMemberId: uuid('recipient_member_id'),
  recipientAddress: text('recipient_address'),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  payload: jsonb('payload').$type<Record<string, string | number | null>>().notNull().default({}),
  stateCode: integer('state_code'),
  districtCode: integer('district_code'),
  status: text('status').$type<'pending' | 'sending' | 'sent' | 'failed'>().notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: ts('next_attempt_at').notNull(),
  claimedAt: ts('claimed_at'),
  sentAt: ts('sent_at'),
  sentVia: text('sent_via'),
  lastError: text('last_error'),
  /** Set by the sender on delivery (migrations/0220): the provider's id, SMS parts and encoding. */
  providerRef: text('provider_ref'),
  segments: integer('segments'),
  encoding: text('encoding').$type<'gsm7' | 'ucs2'>(),
  createdAt: ts('created_at').notNull(),
});
