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
  // Copied from the case and kept equal to it by triggers (migration 1111): the identity check
  // reads the order alone, so it plans no case_record partition (docs/SCALE.md §3).
  childId: uuid('child_id'),
  familyId: uuid('family_id'),
  ownerUserId: uuid('owner_user_id'),
  ownerUnitId: uuid('owner_unit_id'),
  transferToUnitId: uuid('transfer_to_unit_id'),
  version: integer('version').notNull().default(1),
});
