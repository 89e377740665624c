import { bigint, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeColumns } from '../db/scope-columns';
import type { ApplicationStatus } from './application-workflow';
import type { Scheme, Subject } from './scheme';

/** Schemes tables (migrations/0300_schemes.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });

/** One row per revision of a scheme; the catalogue in force is each scheme's latest revision. */
export const schemeRevision = pgTable('scheme_revision', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  schemeId: text('scheme_id').notNull(),
  revision: integer('revision').notNull(),
  definition: jsonb('definition').$type<Scheme>().notNull(),
  change: text('change').$type<'seeded' | 'created' | 'version_added' | 'rules_corrected'>().notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const schemeApplication = pgTable('scheme_application', {
  id: uuid('id').primaryKey().defaultRandom(),
  schemeId: text('scheme_id').notNull(),
  subject: text('subject').$type<Subject>().notNull(),
  subjectId: text('subject_id').notNull(),
  familyId: uuid('family_id').notNull(),
  childId: uuid('child_id'),
  ...scopeColumns(),
  status: text('status').$type<ApplicationStatus>().notNull(),
  identifiedOn: date('identified_on').notNull(),
  appliedOn: date('applied_on'),
  sanctionedOn: date('sanctioned_on'),
  lastStepOn: date('last_step_on').notNull(),
  amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
  reference: text('reference'),
  officerName: text('officer_name'),
  officerUserId: uuid('officer_user_id'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const schemeApplicationStep = pgTable(
  'scheme_application_step',
  {
    applicationId: uuid('application_id').notNull(),
    seq: integer('seq').notNull(),
    status: text('status').$type<ApplicationStatus>().notNull(),
    onDate: date('on_date').notNull(),
    reason: text('reason'),
    amount: numeric('amount', { precision: 14, scale: 2, mode: 'number' }),
    reference: text('reference'),
    note: text('note'),
    officerName: text('officer_name'),
    recordedBy: uuid('recorded_by'),
    stateCode: integer('state_code').notNull(),
    districtCode: integer('district_code').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.seq] })],
);

export const documentRequest = pgTable('document_request', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...scopeColumns(),
  familyId: uuid('family_id').notNull(),
  childId: uuid('child_id'),
  applicationId: uuid('application_id'),
  docType: text('doc_type').notNull(),
  department: text('department').notNull(),
  officer: text('officer'),
  requestedOn: date('requested_on').notNull(),
  dueOn: date('due_on').notNull(),
  status: text('status').$type<'open' | 'done' | 'cancelled'>().notNull().default('open'),
  closedOn: date('closed_on'),
  result: text('result'),
  note: text('note'),
  /** How the request is followed up (migrations/0310): a plain request, a convergence action item, or a case task. */
  followUp: text('follow_up').$type<'request' | 'convergence_action' | 'case_task'>().notNull().default('request'),
  convergenceActionId: uuid('convergence_action_id'),
  caseId: uuid('case_id'),
  caseReferralId: text('case_referral_id'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});
