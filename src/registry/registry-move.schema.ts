import { bigint, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Where a child's or family's record moved from, and why (migrations/0500_domain_events.sql). */
export const registryMove = pgTable('registry_move', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectType: text('subject_type').notNull(),
  subjectId: uuid('subject_id').notNull(),
  fromStateCode: integer('from_state_code').notNull(),
  fromDistrictCode: integer('from_district_code').notNull(),
  fromVillageId: text('from_village_id'),
  toStateCode: integer('to_state_code').notNull(),
  toDistrictCode: integer('to_district_code').notNull(),
  caseId: uuid('case_id'),
  eventSeq: bigint('event_seq', { mode: 'number' }),
  movedAt: timestamp('moved_at', { withTimezone: true }).notNull(),
});
