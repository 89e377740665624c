import { date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeColumns } from '../../db/scope-columns';

/** Sponsorship applications and sanctions (migrations/0860_care_sponsorship.sql says why). */
export interface SponsorshipDecision {
  meetingOn: string;
  decision: 'sanctioned' | 'refused';
  reasons: string;
  orderRef?: string | null;
  startsOn?: string | null;
}
export interface SponsorshipReview {
  on: string;
  outcome: 'continue' | 'end';
  notes: string;
}
export interface SchoolAbsence {
  from: string;
  /** The day the child was back at school. */
  to: string;
}

export const careSponsorship = pgTable('care_sponsorship', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  caseId: uuid('case_id'),
  ...scopeColumns(),
  appliedOn: date('applied_on').notNull(),
  applicant: text('applicant').notNull(),
  ground: text('ground').notNull(),
  status: text('status').notNull(),
  decision: jsonb('decision').$type<SponsorshipDecision | null>(),
  decidedOn: date('decided_on'),
  orderRef: text('order_ref'),
  placementId: uuid('placement_id'),
  monthlyAmount: integer('monthly_amount'),
  rateVersion: text('rate_version'),
  reviews: jsonb('reviews').$type<SponsorshipReview[]>().notNull(),
  lastReviewOn: date('last_review_on'),
  absentSince: date('absent_since'),
  absences: jsonb('absences').$type<SchoolAbsence[]>().notNull(),
  endedOn: date('ended_on'),
  /** Until when the sanction holds (migration 1000); null: no end recorded. */
  validUntil: date('valid_until'),
  endReason: text('end_reason'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** The DCPU's re-assessment of a sponsorship and the SFCAC's renewal decision (migration 1000). */
export interface SponsorshipReassessment {
  on: string;
  by: string;
  recommendation: 'renew' | 'end';
  summary: string;
}
export const careSponsorshipRenewal = pgTable('care_sponsorship_renewal', {
  id: uuid('id').primaryKey().defaultRandom(),
  sponsorshipId: uuid('sponsorship_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  previousValidUntil: date('previous_valid_until'),
  reassessedOn: date('reassessed_on').notNull(),
  reassessment: jsonb('reassessment').$type<SponsorshipReassessment>().notNull(),
  status: text('status').notNull().default('reassessed'),
  meetingOn: date('meeting_on'),
  validUntil: date('valid_until'),
  reasons: text('reasons'),
  decisionRef: text('decision_ref'),
  decidedBy: uuid('decided_by'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
