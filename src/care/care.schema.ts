import { bigserial, boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeColumns } from '../db/scope-columns';
import type { CapacitySlot, GatekeepingOption, InspectionFinding, InspectionFollowUp, PlanGoal, PathwayStep } from './domain';

/** The care module's tables (migrations/0620_care_institutions.sql says why each exists). */
const stamps = () => ({
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const careInstitution = pgTable('care_institution', {
  organisationId: uuid('organisation_id').primaryKey(),
  type: text('type').notNull(),
  management: text('management').notNull(),
  registrationNo: text('registration_no').notNull(),
  registeredOn: date('registered_on'),
  validUntil: date('valid_until').notNull(),
  capacity: jsonb('capacity').$type<CapacitySlot[]>().notNull(),
  specialisations: text('specialisations').array().notNull().default([]),
  staffSanctioned: integer('staff_sanctioned').notNull().default(0),
  staffInPost: integer('staff_in_post').notNull().default(0),
  ...scopeColumns(),
  ...stamps(),
});

export const careInspection = pgTable('care_inspection', {
  id: uuid('id').primaryKey().defaultRandom(),
  institutionId: uuid('institution_id').notNull(),
  inspectedOn: date('inspected_on').notNull(),
  committee: text('committee').notNull(),
  findings: jsonb('findings').$type<InspectionFinding[]>().notNull(),
  followUps: jsonb('follow_ups').$type<InspectionFollowUp[]>().notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const careGatekeeping = pgTable('care_gatekeeping', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  caseId: uuid('case_id'),
  ...scopeColumns(),
  assessedOn: date('assessed_on').notNull(),
  options: jsonb('options').$type<GatekeepingOption[]>().notNull(),
  decision: text('decision').notNull(),
  reason: text('reason').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const careStay = pgTable('care_stay', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  institutionId: uuid('institution_id').notNull(),
  ...scopeColumns(),
  orderBy: text('order_by').notNull(),
  caseId: uuid('case_id'),
  orderType: text('order_type').notNull(),
  orderRef: text('order_ref'),
  orderForm: text('order_form'),
  orderedOn: date('ordered_on').notNull(),
  gatekeepingId: uuid('gatekeeping_id'),
  admittedOn: date('admitted_on').notNull(),
  sex: text('sex').notNull(),
  ageBand: text('age_band').notNull(),
  status: text('status').notNull(),
  endedOn: date('ended_on'),
  endReason: text('end_reason'),
  overCapacityReason: text('over_capacity_reason'),
  transferredFrom: uuid('transferred_from'),
  missingReportId: uuid('missing_report_id'),
  ...stamps(),
});

export const careStayEvent = pgTable('care_stay_event', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  stayId: uuid('stay_id').notNull(),
  type: text('type').notNull(),
  onDay: date('on_day').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
  byUser: uuid('by_user'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const carePlan = pgTable('care_plan', {
  id: uuid('id').primaryKey().defaultRandom(),
  stayId: uuid('stay_id').notNull(),
  childId: uuid('child_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  preparedOn: date('prepared_on').notNull(),
  preferredOption: text('preferred_option').notNull(),
  goals: jsonb('goals').$type<PlanGoal[]>().notNull(),
  nextReviewDue: date('next_review_due').notNull(),
  institutionId: uuid('institution_id'),
  ...stamps(),
});

export const carePlanReview = pgTable('care_plan_review', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull(),
  reviewedOn: date('reviewed_on').notNull(),
  outcome: text('outcome').notNull(),
  notes: text('notes'),
  nextReviewDue: date('next_review_due'),
  byUser: uuid('by_user'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const careReintegration = pgTable('care_reintegration', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  stayId: uuid('stay_id'),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  ngoId: uuid('ngo_id'),
  /** To whom the child is to be restored (PATHWAY_KINDS, migration 0900). */
  kind: text('kind').notNull().default('parents'),
  stage: text('stage').notNull(),
  stageOn: date('stage_on').notNull(),
  history: jsonb('history').$type<PathwayStep[]>().notNull(),
  restoredOn: date('restored_on'),
  ...stamps(),
});

export const careFollowUp = pgTable('care_follow_up', {
  id: uuid('id').primaryKey().defaultRandom(),
  reintegrationId: uuid('reintegration_id').notNull(),
  dueOn: date('due_on').notNull(),
  visitedOn: date('visited_on'),
  findings: text('findings'),
  risk: text('risk'),
});

export const careFamilyPlacement = pgTable('care_family_placement', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  kind: text('kind').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  carer: text('carer'),
  caseId: uuid('case_id'),
  orderRef: text('order_ref'),
  approvedOn: date('approved_on'),
  startedOn: date('started_on').notNull(),
  endedOn: date('ended_on'),
  endReason: text('end_reason'),
  carerId: uuid('carer_id'),
  orderForm: text('order_form'),
  // migration 0810: the CWC's order ending the placement
  endOrderRef: text('end_order_ref'),
  endedBy: uuid('ended_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

// ---------------------------------------------------------------- migration 0750

export const carePlanProgress = pgTable('care_plan_progress', {
  id: uuid('id').primaryKey().defaultRandom(),
  planId: uuid('plan_id').notNull(),
  onDay: date('on_day').notNull(),
  domain: text('domain'),
  note: text('note').notNull(),
  byUser: uuid('by_user'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const careMovementRequest = pgTable('care_movement_request', {
  id: uuid('id').primaryKey().defaultRandom(),
  stayId: uuid('stay_id').notNull(),
  childId: uuid('child_id').notNull(),
  institutionId: uuid('institution_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  kind: text('kind').notNull(),
  requestedOn: date('requested_on').notNull(),
  wantedFrom: date('wanted_from'),
  reason: text('reason').notNull(),
  status: text('status').notNull().default('open'),
  decidedBy: uuid('decided_by'),
  decidedOn: date('decided_on'),
  decisionNote: text('decision_note'),
  recordedStayId: uuid('recorded_stay_id'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export interface HomeStudy {
  on: string;
  by: string;
  recommendation: 'recommended' | 'not_recommended';
  summary: string;
}
export interface SfcacDecision {
  meetingOn: string;
  decision: 'approved' | 'rejected';
  reasons: string;
  ref?: string | null;
}

export const careFosterCarer = pgTable('care_foster_carer', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  address: text('address'),
  ...scopeColumns(),
  appliedOn: date('applied_on').notNull(),
  status: text('status').notNull(),
  homeStudy: jsonb('home_study').$type<HomeStudy | null>(),
  decision: jsonb('decision').$type<SfcacDecision | null>(),
  approvedOn: date('approved_on'),
  reviewDue: date('review_due'),
  // migration 0810: what the home study found the family can take (matching)
  capacity: integer('capacity').notNull().default(1),
  prefersSex: text('prefers_sex').notNull().default('any'),
  ageMin: integer('age_min'),
  ageMax: integer('age_max'),
  languages: text('languages').array().notNull().default([]),
  takesSiblings: boolean('takes_siblings').notNull().default(false),
  ...stamps(),
});

export const careFosterInspection = pgTable('care_foster_inspection', {
  id: uuid('id').primaryKey().defaultRandom(),
  placementId: uuid('placement_id').notNull(),
  visitedOn: date('visited_on').notNull(),
  wellbeing: text('wellbeing').notNull(),
  findings: text('findings').notNull(),
  childSeenAlone: boolean('child_seen_alone'),
  concerns: text('concerns'),
  byUser: uuid('by_user'),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
});

export const carePayment = pgTable('care_payment', {
  id: uuid('id').primaryKey().defaultRandom(),
  placementId: uuid('placement_id').notNull(),
  childId: uuid('child_id').notNull(),
  kind: text('kind').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  month: date('month').notNull(),
  amount: integer('amount').notNull(),
  rateVersion: text('rate_version').notNull(),
  status: text('status').notNull(),
  paidOn: date('paid_on'),
  reason: text('reason'),
  ...stamps(),
});

export interface AftercareNeeds {
  education?: string | null;
  skills?: string | null;
  housing?: string | null;
  stipend?: number | null;
  other?: string | null;
}
export interface AftercareReview {
  on: string;
  notes: string;
}

export const careAftercarePlan = pgTable('care_aftercare_plan', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  orderRef: text('order_ref').notNull(),
  planOn: date('plan_on').notNull(),
  turns18On: date('turns18_on'),
  endsOn: date('ends_on'),
  needs: jsonb('needs').$type<AftercareNeeds>().notNull(),
  nextReviewDue: date('next_review_due').notNull(),
  reviews: jsonb('reviews').$type<AftercareReview[]>().notNull(),
  status: text('status').notNull().default('active'),
  // migration 0910: what the plan follows (the stay's discharge to aftercare, or the foster placement)
  followsStayId: uuid('follows_stay_id'),
  followsPlacementId: uuid('follows_placement_id'),
  ...stamps(),
});

/** The DCPU's re-assessment of an approved foster family (an update of the Form 30 home study). */
export interface FosterReassessment {
  on: string;
  by: string;
  recommendation: 'renew' | 'do_not_renew';
  summary: string;
}

/** Renewal of a foster family's approval (migration 0910): the re-assessment, then the committee's decision. */
export const careFosterRenewal = pgTable('care_foster_renewal', {
  id: uuid('id').primaryKey().defaultRandom(),
  carerId: uuid('carer_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  previousValidUntil: date('previous_valid_until'),
  reassessedOn: date('reassessed_on').notNull(),
  reassessment: jsonb('reassessment').$type<FosterReassessment>().notNull(),
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

export const careAdoptionHandoff = pgTable('care_adoption_handoff', {
  id: uuid('id').primaryKey().defaultRandom(),
  childId: uuid('child_id').notNull(),
  caseId: uuid('case_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  declaredFreeOn: date('declared_free_on').notNull(),
  orderRef: text('order_ref'),
  saaId: uuid('saa_id').notNull(),
  caringsRef: text('carings_ref'),
  handedOverOn: date('handed_over_on').notNull(),
  status: text('status').notNull(),
  statusOn: date('status_on').notNull(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** A foster approval lapse alert raised by the daily sweep (migration 0960): once per family and lapse. */
export const careFosterLapseAlert = pgTable('care_foster_lapse_alert', {
  id: uuid('id').primaryKey().defaultRandom(),
  carerId: uuid('carer_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  lapse: text('lapse').notNull(),
  state: text('state').$type<'lapsed' | 'refused'>().notNull(),
  endedOn: date('ended_on'),
  childrenPlaced: integer('children_placed').notNull(),
  notified: integer('notified').notNull().default(0),
  convergenceActionId: uuid('convergence_action_id'),
  actionProblem: text('action_problem'),
  /** When the DCPU's users were told the action item could not be opened (migration 1070): once per alert. */
  problemNotifiedAt: timestamp('problem_notified_at', { withTimezone: true }),
  raisedOn: date('raised_on').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
