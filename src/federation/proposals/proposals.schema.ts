import { date, doublePrecision, integer, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A state's copies of the nation's proposals and its own decisions (federation.sql.ts STATE_SQL).
 * Not in migrations/: the tables exist only in a state's database set up for the federation
 * (`samanvay federation`, docs/DEPLOYMENT.md), so they are not in the drizzle schema either; the
 * repository asks whether they exist before it reads them.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const nationalMatch = pgTable('national_match', {
  id: uuid('id').primaryKey(),
  missingId: uuid('missing_id').notNull(),
  foundId: uuid('found_id').notNull(),
  missingStateCode: integer('missing_state_code').notNull(),
  missingDistrictCode: integer('missing_district_code').notNull(),
  foundStateCode: integer('found_state_code').notNull(),
  foundDistrictCode: integer('found_district_code').notNull(),
  missingName: text('missing_name'),
  missingNameLocal: text('missing_name_local'),
  missingSex: text('missing_sex').notNull(),
  missingAgeYears: numeric('missing_age_years', { mode: 'number' }),
  missingEventDate: date('missing_event_date'),
  foundName: text('found_name'),
  foundNameLocal: text('found_name_local'),
  foundSex: text('found_sex').notNull(),
  foundAgeYears: numeric('found_age_years', { mode: 'number' }),
  foundEventDate: date('found_event_date'),
  probability: doublePrecision('probability').notNull(),
  explanation: text('explanation').notNull(),
  modelVersion: text('model_version').notNull(),
  status: text('status').$type<'proposed' | 'withdrawn' | 'confirmed' | 'rejected'>().notNull(),
  proposedAt: ts('proposed_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

export const nationalMatchDecision = pgTable('national_match_decision', {
  matchId: uuid('match_id').notNull(),
  stateCode: integer('state_code').notNull(),
  decision: text('decision').$type<'confirm' | 'reject'>().notNull(),
  note: text('note').notNull(),
  checkedBy: text('checked_by'),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at').notNull(),
});
