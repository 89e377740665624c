import { date, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeColumns } from '../db/scope-columns';

/**
 * A CWC non-disclosure order on a case (migrations/0221): the Committee restricts the child's
 * identity; notes then show the case reference and initials only (JJ Act 2015 s.74(1)).
 */
export const caseNonDisclosureOrder = pgTable('case_non_disclosure_order', {
  caseId: uuid('case_id').primaryKey(),
  ...scopeColumns(),
  orderRef: text('order_ref').notNull(),
  orderedOn: date('ordered_on').notNull(),
  setBy: uuid('set_by').notNull(),
  setAt: timestamp('set_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});
