import {
  bigint,
  boolean,
  date,
  doublePrecision,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { scopeColumns } from '../db/scope-columns';
import type { FieldWeight } from '../linkage/link';
import type { PersonRecord } from '../linkage/record';

/** Missing and found children (migrations/0400_missing.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const missingRecord = pgTable('missing_record', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity(),
  /** The public reference (random, domain/reference.ts; migration 0420). */
  reference: text('reference').notNull(),
  kind: text('kind').$type<'missing' | 'found'>().notNull(),
  status: text('status').$type<'pending_moderation' | 'open' | 'matched' | 'rejected' | 'closed'>().notNull(),
  channel: text('channel').$type<'public' | 'official'>().notNull(),
  source: text('source').notNull(),
  ...scopeColumns(),
  place: text('place'),
  address: text('address'),
  name: text('name'),
  nameLocal: text('name_local'),
  aliases: text('aliases').array().notNull().default([]),
  sex: text('sex').notNull(),
  ageYears: numeric('age_years', { mode: 'number' }),
  ageEstimated: boolean('age_estimated').notNull().default(true),
  fatherName: text('father_name'),
  motherName: text('mother_name'),
  guardianName: text('guardian_name'),
  language: text('language'),
  heightCm: integer('height_cm'),
  weightKg: integer('weight_kg'),
  marks: text('marks'),
  clothing: text('clothing'),
  description: text('description'),
  eventDate: date('event_date'),
  eventPlace: text('event_place'),
  eventDistrictCode: integer('event_district_code'),
  currentCare: text('current_care'),
  currentPlace: text('current_place'),
  childId: uuid('child_id'),
  reporterName: text('reporter_name'),
  reporterRelation: text('reporter_relation'),
  reporterPhone: text('reporter_phone'),
  reporterEmail: text('reporter_email'),
  policeStation: text('police_station'),
  firNumber: text('fir_number'),
  moderationReason: text('moderation_reason'),
  moderatedBy: uuid('moderated_by'),
  moderatedAt: ts('moderated_at'),
  blockKeys: text('block_keys').array().notNull().default([]),
  /** The match model version the keys were computed with; another version means they are re-keyed (`rekeyStaleRecords`). */
  blockKeysModel: text('block_keys_model'),
  matchState: text('match_state').$type<'pending' | 'done' | 'not_applicable'>().notNull().default('pending'),
  matchedAt: ts('matched_at'),
  photoStoredName: text('photo_stored_name'),
  photoContentType: text('photo_content_type'),
  photoSize: integer('photo_size'),
  photoSha256: text('photo_sha256'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const missingBlockKey = pgTable(
  'missing_block_key',
  { kind: text('kind').notNull(), key: text('key').notNull(), n: integer('n').notNull() },
  (t) => [primaryKey({ columns: [t.kind, t.key] })],
);

export const missingMatch = pgTable('missing_match', {
  id: uuid('id').primaryKey().defaultRandom(),
  missingId: uuid('missing_id').notNull(),
  foundId: uuid('found_id').notNull(),
  missingStateCode: integer('missing_state_code').notNull(),
  missingDistrictCode: integer('missing_district_code').notNull(),
  foundStateCode: integer('found_state_code').notNull(),
  foundDistrictCode: integer('found_district_code').notNull(),
  probability: doublePrecision('probability').notNull(),
  weight: doublePrecision('weight').notNull(),
  fields: jsonb('fields').$type<FieldWeight[]>().notNull(),
  explanation: text('explanation').notNull(),
  modelVersion: text('model_version').notNull(),
  status: text('status').$type<'proposed' | 'confirmed' | 'rejected' | 'superseded'>().notNull().default('proposed'),
  note: text('note'),
  decidedBy: uuid('decided_by'),
  decidedAt: ts('decided_at'),
  decidedLeft: jsonb('decided_left').$type<PersonRecord>(),
  decidedRight: jsonb('decided_right').$type<PersonRecord>(),
  /** Each side's reviewer agreeing to a cross-district match (migration 0420; src/access/missing.ts). */
  missingAgreedBy: uuid('missing_agreed_by'),
  missingAgreedAt: ts('missing_agreed_at'),
  foundAgreedBy: uuid('found_agreed_by'),
  foundAgreedAt: ts('found_agreed_at'),
  confirmedAs: text('confirmed_as').$type<'both_sides' | 'one_district' | 'cwc'>(),
  proposedAt: ts('proposed_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const missingRestoration = pgTable('missing_restoration', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Null on a restoration after a national match (migration 1110): then `nationalMatchId`. */
  matchId: uuid('match_id'),
  nationalMatchId: uuid('national_match_id'),
  /** Null when the report is another state's (a national match on a federated state database). */
  missingId: uuid('missing_id'),
  foundId: uuid('found_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  foundStateCode: integer('found_state_code').notNull(),
  foundDistrictCode: integer('found_district_code').notNull(),
  childId: uuid('child_id'),
  caseId: uuid('case_id'),
  status: text('status').$type<'awaiting_case' | 'case_opened' | 'restored' | 'closed'>().notNull(),
  note: text('note'),
  /** The CWC restoration order the outcome was recorded on (JJ Act 2015 s.37(1)(b); Model Rules 2016 Form 44). */
  cwcOrderRef: text('cwc_order_ref'),
  cwcOrderOn: date('cwc_order_on'),
  cwcOrderSource: text('cwc_order_source').$type<'case' | 'cwc_member'>(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

/** Proof-of-work challenges for the public forms (public-limits.ts). */
export const publicChallenge = pgTable('public_challenge', {
  id: text('id').primaryKey(),
  difficulty: integer('difficulty').notNull(),
  issuedAt: ts('issued_at').notNull(),
  expiresAt: ts('expires_at').notNull(),
  usedAt: ts('used_at'),
});

/** Match models refitted from reviewers' decisions (migrations/0770_linkage_model.sql). */
export const linkageModel = pgTable('linkage_model', {
  id: uuid('id').primaryKey().defaultRandom(),
  version: text('version').notNull(),
  baseVersion: text('base_version').notNull(),
  model: jsonb('model').notNull(),
  summary: jsonb('summary').notNull(),
  active: boolean('active').notNull().default(false),
  createdAt: ts('created_at').notNull(),
  createdBy: uuid('created_by').notNull(),
});
