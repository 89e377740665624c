import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** The transactional outbox of domain events (migrations/0500_domain_events.sql). */
export const domainEvent = pgTable('domain_event', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  type: text('type').notNull(),
  aggregateType: text('aggregate_type').notNull(),
  aggregateId: uuid('aggregate_id').notNull(),
  payload: jsonb('payload').notNull(),
  actorUserId: uuid('actor_user_id'),
  stateCode: integer('state_code'),
  districtCode: integer('district_code'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  completedAt: timestamp('completed_at', { withTimezone: true }),
});

export const domainEventHandling = pgTable(
  'domain_event_handling',
  {
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
    handler: text('handler').notNull(),
    status: text('status').notNull(),
    attempts: integer('attempts').notNull(),
    errorCode: text('error_code'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.eventSeq, t.handler] })],
);
