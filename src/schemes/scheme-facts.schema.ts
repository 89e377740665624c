import { jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Scheme facts that come from orders, not registry fields (migrations/0500_domain_events.sql). */
export const schemeChildFact = pgTable(
  'scheme_child_fact',
  {
    childId: uuid('child_id').notNull(),
    fact: text('fact').notNull(),
    value: jsonb('value').notNull(),
    source: text('source').notNull(),
    sourceRef: text('source_ref'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.childId, t.fact] })],
);
