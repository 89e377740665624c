import { bigint, boolean, date, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeColumns } from '../db/scope-columns';

const audited = () => ({
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const family = pgTable('family', {
  id: uuid('id').primaryKey().defaultRandom(),
  ...scopeColumns(),
  address: text('address'),
  headName: text('head_name').notNull(),
  headNameLocal: text('head_name_local'),
  nameKeys: text('name_keys').array().notNull().default([]),
  caregiverType: text('caregiver_type').notNull(),
  areaType: text('area_type').notNull().default('rural'),
  annualIncome: integer('annual_income'),
  rationCard: text('ration_card'),
  bpl: boolean('bpl'),
  occupation: text('occupation'),
  migration: text('migration'),
  casteCategory: text('caste_category'),
  socialGroup: text('social_group'),
  vulnerabilityFactors: text('vulnerability_factors').array().notNull().default([]),
  notes: text('notes'),
  mergedInto: uuid('merged_into'),
  ...audited(),
});

export const familyMember = pgTable('family_member', {
  id: uuid('id').primaryKey().defaultRandom(),
  familyId: uuid('family_id').notNull(),
  name: text('name').notNull(),
  nameLocal: text('name_local'),
  relationship: text('relationship').notNull(),
  sex: text('sex'),
  age: integer('age'),
  alive: boolean('alive').notNull().default(true),
  deathDate: date('death_date'),
  deathCause: text('death_cause'),
  isPrimaryCaregiver: boolean('is_primary_caregiver').notNull().default(false),
  occupation: text('occupation'),
  disability: text('disability'),
  chronicIllness: text('chronic_illness'),
  imprisoned: boolean('imprisoned').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const child = pgTable('child', {
  id: uuid('id').primaryKey().defaultRandom(),
  familyId: uuid('family_id'),
  ...scopeColumns(),
  name: text('name').notNull(),
  nameLocal: text('name_local'),
  otherNames: text('other_names').array().notNull().default([]),
  nameKeys: text('name_keys').array().notNull().default([]),
  sex: text('sex').notNull(),
  dob: date('dob'),
  dobEstimated: boolean('dob_estimated').notNull().default(false),
  /** The basis of the age a CWC determined (JJ Act 2015 s.94(2)); null until one is determined (migration 0760). */
  ageBasis: text('age_basis'),
  ageDeterminedOn: date('age_determined_on'),
  careStatus: text('care_status').notNull(),
  schoolStatus: text('school_status'),
  school: text('school'),
  healthNotes: text('health_notes'),
  disability: text('disability'),
  /** Set when a reviewer merged this record into another (duplicates review); lists and search skip it. */
  mergedInto: uuid('merged_into'),
  ...audited(),
});

export const document = pgTable('document', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  familyId: uuid('family_id'),
  childId: uuid('child_id'),
  memberId: uuid('member_id'),
  docType: text('doc_type').notNull(),
  status: text('status').notNull(),
  issuingOffice: text('issuing_office'),
  appliedOn: date('applied_on'),
  issuedOn: date('issued_on'),
  notes: text('notes'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const assessment = pgTable('assessment', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  villageId: text('village_id'),
  familyId: uuid('family_id').notNull(),
  childId: uuid('child_id'),
  instrumentId: text('instrument_id').notNull(),
  instrumentVersion: integer('instrument_version').notNull(),
  assessedOn: date('assessed_on').notNull(),
  assessedBy: uuid('assessed_by'),
  answers: jsonb('answers').$type<Record<string, number>>().notNull(),
  domainScores: jsonb('domain_scores').$type<Record<string, number>>().notNull(),
  overall: numeric('overall', { mode: 'number' }).notNull(),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const villageSurvey = pgTable('village_survey', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  subdistrictCode: integer('subdistrict_code'),
  villageId: text('village_id').notNull(),
  surveyedOn: date('surveyed_on').notNull(),
  surveyedBy: uuid('surveyed_by'),
  householdsVisited: integer('households_visited').notNull(),
  notes: text('notes'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const surveyVisit = pgTable(
  'survey_visit',
  {
    surveyId: uuid('survey_id').notNull(),
    familyId: uuid('family_id').notNull(),
    atRisk: boolean('at_risk').notNull(),
    reasons: text('reasons').array().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.surveyId, t.familyId] })],
);

export const possibleDuplicate = pgTable('possible_duplicate', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  source: text('source').notNull(),
  sourceLine: integer('source_line'),
  incoming: jsonb('incoming').$type<Record<string, unknown>>().notNull(),
  existingChildId: uuid('existing_child_id'),
  score: numeric('score', { mode: 'number' }).notNull(),
  status: text('status').notNull().default('open'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  subjectType: text('subject_type').notNull().default('child'),
  /** The record a form created anyway (with a reason); null for an import row not created. */
  incomingId: uuid('incoming_id'),
  existingFamilyId: uuid('existing_family_id'),
  reason: text('reason'),
  createdBy: uuid('created_by'),
  resolvedBy: uuid('resolved_by'),
  resolvedAt: timestamp('resolved_at', { withTimezone: true }),
});

/** Two records found to be one child (or family): the merged one points at the survivor; undoable. */
export const recordMerge = pgTable('record_merge', {
  id: uuid('id').primaryKey().defaultRandom(),
  subjectType: text('subject_type').notNull(),
  survivorId: uuid('survivor_id').notNull(),
  mergedId: uuid('merged_id').notNull(),
  duplicateId: uuid('duplicate_id'),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  mergedBy: uuid('merged_by').notNull(),
  mergedAt: timestamp('merged_at', { withTimezone: true }).notNull(),
  undoneBy: uuid('undone_by'),
  undoneAt: timestamp('undone_at', { withTimezone: true }),
});

/** Each move of a document's status (document-status.ts), read by the schemes module's document tracking. */
export const documentEvent = pgTable('document_event', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  documentId: uuid('document_id').notNull(),
  familyId: uuid('family_id'),
  childId: uuid('child_id'),
  docType: text('doc_type').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  eventOn: date('event_on').notNull(),
  issuingOffice: text('issuing_office'),
  note: text('note'),
  recordedBy: uuid('recorded_by'),
  ...scopeColumns(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
