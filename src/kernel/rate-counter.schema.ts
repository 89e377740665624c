import { bigint, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true });

/** The counters' table (migration 0420: `public_limit_counter`). */
export const publicLimitCounter = pgTable(
  'public_limit_counter',
  {
    scope: text('scope').notNull(),
    subject: text('subject').notNull(),
    windowStart: ts('window_start').notNull(),
    hits: integer('hits').notNull().default(0),
    bytes: bigint('bytes', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.scope, t.subject, t.windowStart] })],
);
