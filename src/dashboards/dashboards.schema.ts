/**
 * The read-only views the dashboards read (migrations/0660_dashboard_views.sql). They are
 * declared here as existing views so the access policy's `jurisdictionWhere` can be applied
 * to their place columns like to any table: this module never reads another module's tables.
 */
import { boolean, date, integer, numeric, pgTable, pgView, smallint, text, timestamp, uuid, bigint } from 'drizzle-orm/pg-core';

const place = {
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
  villageId: text('village_id'),
};

/** The children's facts, read from their summary table (kept current by summary.repository.ts, 0840). */
export const dashChild = pgTable('dash_child_summary', {
  id: uuid('id').notNull(),
  ...place,
  sex: text('sex').notNull(),
  dob: date('dob'),
  socialCategory: text('social_category').notNull(),
  hasDisability: boolean('has_disability').notNull(),
  careStatus: text('care_status').notNull(),
  identifiedAt: timestamp('identified_at', { withTimezone: true }).notNull(),
  assessedOn: date('assessed_on'),
  hasOpenCase: boolean('has_open_case').notNull(),
  openCaseSince: timestamp('open_case_since', { withTimezone: true }),
  restoredOn: date('restored_on'),
  followedUpOn: date('followed_up_on'),
  schemeLinkedOn: date('scheme_linked_on'),
  documentsTotal: integer('documents_total').notNull(),
  documentsPending: integer('documents_pending').notNull(),
});

/** Children per district, fact, IST month and conditions met (0840; indicators.rollup.ts). */
export const dashChildCount = pgTable('dash_child_count', {
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  fact: text('fact').notNull(),
  month: date('month').notNull(),
  flags: smallint('flags').notNull(),
  n: integer('n').notNull(),
});

/** Due items of open cases per district, kind and IST day they fall due (0923; indicators.rollup.ts). */
export const dashDueCount = pgTable('dash_due_count', {
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  kind: text('kind').notNull(),
  dueDay: date('due_day').notNull(),
  n: integer('n').notNull(),
});

/** The due items of open cases as of the last refresh (0923): today's are compared with the clock. */
export const dashDueItem = pgTable('dash_due_item', {
  caseId: uuid('case_id').notNull(),
  kind: text('kind').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  caseNumber: bigint('case_number', { mode: 'number' }).notNull(),
  blockCode: integer('block_code'),
});

/** Convergence action items per district, department, due day and outcome, kept by the trigger (0980). */
export const dashActionCount = pgTable('dash_action_count', {
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  /** The item's block, 0 when it names none (1090); no village: the items carry none. */
  blockCode: integer('block_code').notNull(),
  department: text('department').notNull(),
  dueDate: date('due_date').notNull(),
  done: boolean('done').notNull(),
  onTime: boolean('on_time').notNull(),
  n: integer('n').notNull(),
});

/**
 * Children in care: +n on the day spans of care start, -n on the day they end, per district, kind
 * and day (0980); district 0 is the state's, state 0 the nation's (each child once per area).
 */
export const dashCareCount = pgTable('dash_care_count', {
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  /** A block's rows (village ''), a village's (block 0), or 0 and '' for a district, state or nation (1090). */
  blockCode: integer('block_code').notNull(),
  villageId: text('village_id').notNull(),
  kind: text('kind').$type<'institution' | 'family'>().notNull(),
  day: date('day').notNull(),
  n: integer('n').notNull(),
});

/** Children in care now, one row per child and kind (1010), with the block and village dash_care gives (1090). */
export const dashCareNow = pgTable('dash_care_now', {
  childId: uuid('child_id').notNull(),
  kind: text('kind').$type<'institution' | 'family'>().notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  blockCode: integer('block_code'),
  villageId: text('village_id'),
});

/** Children in care now per district and kind (1010), from the per-child rows the refresh keeps (dash_care_now). */
export const dashCareNowCount = pgTable('dash_care_now_count', {
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  kind: text('kind').$type<'institution' | 'family'>().notNull(),
  n: integer('n').notNull(),
});

/** Missing reports accepted for matching, one row each with when matched and restored (1010, kept by the refresh). */
export const dashMissingItem = pgTable('dash_missing_item', {
  id: uuid('id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  matchedAt: timestamp('matched_at', { withTimezone: true }),
  restoredAt: timestamp('restored_at', { withTimezone: true }),
});

/** Submitted 1098 calls with a target per district, IST month received, outcome and (not reached) IST target day (1010, trigger). */
export const dashHelplineCount = pgTable('dash_helpline_count', {
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  receivedMonth: date('received_month').notNull(),
  outcome: text('outcome').$type<'in_target' | 'late' | 'open'>().notNull(),
  targetDay: date('target_day').notNull(),
  n: integer('n').notNull(),
});

/** The submitted 1098 calls with a target not yet reached (1010, trigger): today's compared with the clock. */
export const dashHelplineOpen = pgTable('dash_helpline_open', {
  id: uuid('id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  receivedMonth: date('received_month').notNull(),
  targetAt: timestamp('target_at', { withTimezone: true }).notNull(),
});

/** Each child's facts as dash_child_count counts them, with the child's place (0840; place below the district 1010). */
export const dashChildFact = pgView('dash_child_fact', {
  id: uuid('id').notNull(),
  ...place,
  fact: text('fact').notNull(),
  month: date('month').notNull(),
  flags: smallint('flags').notNull(),
}).existing();

export const dashCaseDue = pgView('dash_case_due', {
  caseId: uuid('case_id').notNull(),
  caseNumber: bigint('case_number', { mode: 'number' }).notNull(),
  childId: uuid('child_id').notNull(),
  kind: text('kind').notNull(),
  dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
  statutory: boolean('statutory').notNull(),
  assignedUserId: uuid('assigned_user_id'),
  assignedUnitId: uuid('assigned_unit_id').notNull(),
  ownerUserId: uuid('owner_user_id'),
  ...place,
  caseStatus: text('case_status').notNull(),
  risk: text('risk').notNull(),
  sex: text('sex').notNull(),
  dob: date('dob'),
  socialCategory: text('social_category').notNull(),
  hasDisability: boolean('has_disability').notNull(),
}).existing();

export const dashAction = pgView('dash_action', {
  id: uuid('id').notNull(),
  ...place,
  department: text('department').notNull(),
  assignedOn: date('assigned_on').notNull(),
  dueDate: date('due_date').notNull(),
  doneOn: date('done_on'),
  status: text('status').notNull(),
}).existing();

export const dashMissing = pgView('dash_missing', {
  id: uuid('id').notNull(),
  ...place,
  sex: text('sex').notNull(),
  ageYears: numeric('age_years'),
  reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  matchedAt: timestamp('matched_at', { withTimezone: true }),
  restoredAt: timestamp('restored_at', { withTimezone: true }),
}).existing();

/** Children in institutional or family-based care now (migrations/0662_dashboard_care_helpline.sql). */
export const dashCare = pgView('dash_care', {
  id: uuid('id').notNull(),
  kind: text('kind').$type<'institution' | 'family'>().notNull(),
  since: date('since').notNull(),
  ...place,
  sex: text('sex').notNull(),
  dob: date('dob'),
  socialCategory: text('social_category').notNull(),
  hasDisability: boolean('has_disability').notNull(),
}).existing();

/** Submitted 1098 calls with their response clock (0662); no caller, child or notes. */
export const dashHelpline = pgView('dash_helpline', {
  id: uuid('id').notNull(),
  ...place,
  urgency: text('urgency'),
  route: text('route'),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  targetAt: timestamp('target_at', { withTimezone: true }),
  reachedAt: timestamp('reached_at', { withTimezone: true }),
}).existing();

/** Every stay and family-based placement, past and current, with the days it began and ended (0791). */
export const dashCareHistory = pgView('dash_care_history', {
  id: uuid('id').notNull(),
  kind: text('kind').$type<'institution' | 'family'>().notNull(),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  ...place,
}).existing();
