import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeColumns } from '../db/scope-columns';
import type { NotificationParams } from './alert-text';

/**
 * Case management tables (migrations/0100_cases.sql, tuned by 0101_cases_lists.sql). `case_action` is the record; the
 * rest are projections of `deriveCase` recomputed on every append, in the same transaction.
 */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const caseRecord = pgTable('case_record', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity(),
  childId: uuid('child_id').notNull(),
  familyId: uuid('family_id'),
  ...scopeColumns(),
  status: text('status').notNull(),
  phase: text('phase').notNull(),
  level: text('level').notNull(),
  risk: text('risk').notNull(),
  source: text('source').notNull(),
  reportedOn: date('reported_on').notNull(),
  ownerUserId: uuid('owner_user_id'),
  ownerUnitId: uuid('owner_unit_id').notNull(),
  transferToUnitId: uuid('transfer_to_unit_id'),
  nextDueAt: ts('next_due_at'),
  nextDueKind: text('next_due_kind'),
  flags: text('flags').array().notNull().default([]),
  openedAt: ts('opened_at').notNull(),
  lastActionAt: ts('last_action_at').notNull(),
  closedAt: ts('closed_at'),
  version: integer('version').notNull().default(1),
  // Every state the case has been in, so every state its actions (and projections) were written in:
  // the history read names them, which prunes a state-partitioned case_action (migration 1200).
  actionStates: integer('action_states').array().notNull().default([]),
  createdBy: uuid('created_by'),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const caseAction = pgTable(
  'case_action',
  {
    caseId: uuid('case_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    at: ts('at').notNull(),
    actorUserId: uuid('actor_user_id'),
    actorUnitId: uuid('actor_unit_id'),
    clientId: text('client_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    stateCode: integer('state_code').notNull(),
    districtCode: integer('district_code').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.seq] })],
);

export const caseDue = pgTable(
  'case_due',
  {
    caseId: uuid('case_id').notNull(),
    kind: text('kind').notNull(),
    ref: text('ref').notNull().default(''),
    dueAt: ts('due_at').notNull(),
    assignedUserId: uuid('assigned_user_id'),
    assignedUnitId: uuid('assigned_unit_id').notNull(),
    statutory: boolean('statutory').notNull(),
    source: text('source').notNull(),
    // The case's place and owners (copied on every recomputation) for the access rule.
    ...scopeColumns(),
    ownerUserId: uuid('owner_user_id'),
    ownerUnitId: uuid('owner_unit_id'),
    transferToUnitId: uuid('transfer_to_unit_id'),
    alertedAt: ts('alerted_at'),
  },
  // state_code in the key: a state-partitioned server requires it (migration 1170, docs/SCALE.md §3).
  (t) => [primaryKey({ columns: [t.caseId, t.kind, t.ref, t.stateCode] })],
);

export const caseReferral = pgTable(
  'case_referral',
  {
    caseId: uuid('case_id').notNull(),
    referralId: text('referral_id').notNull(),
    toOrgId: uuid('to_org_id').notNull(),
    toKind: text('to_kind').notNull(),
    domain: text('domain').notNull(),
    need: text('need').notNull(),
    status: text('status').notNull(),
    referredAt: ts('referred_at').notNull(),
    dueDate: date('due_date'),
    stateCode: integer('state_code').notNull(),
    districtCode: integer('district_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.referralId] })],
);

export const caseConvergenceFlag = pgTable(
  'case_convergence_flag',
  {
    caseId: uuid('case_id').notNull(),
    n: integer('n').notNull(),
    groupId: text('group_id'),
    reason: text('reason').notNull(),
    flaggedAt: ts('flagged_at').notNull(),
    flaggedByUnit: text('flagged_by_unit').notNull(),
    stateCode: integer('state_code').notNull(),
    districtCode: integer('district_code').notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.n] })],
);

export const caseAttachment = pgTable('case_attachment', {
  id: uuid('id').primaryKey().defaultRandom(),
  caseId: uuid('case_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  kind: text('kind').notNull(),
  contentType: text('content_type').notNull(),
  originalName: text('original_name'),
  description: text('description'),
  sizeBytes: integer('size_bytes').notNull(),
  sha256: text('sha256').notNull(),
  storedName: text('stored_name').notNull(),
  uploadedBy: uuid('uploaded_by'),
  uploadedAt: ts('uploaded_at').notNull().defaultNow(),
});

export const notification = pgTable('notification', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id'),
  unitId: uuid('unit_id'),
  kind: text('kind').notNull(),
  caseId: uuid('case_id'),
  ref: text('ref'),
  dueAt: ts('due_at'),
  message: text('message').notNull(),
  /** The catalogue key and values the alert is worded from in the reader's language (migration 0780). */
  params: jsonb('params').$type<NotificationParams>(),
  createdAt: ts('created_at').notNull(),
});

export const notificationRead = pgTable(
  'notification_read',
  {
    notificationId: uuid('notification_id').notNull(),
    userId: uuid('user_id').notNull(),
    readAt: ts('read_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.notificationId, t.userId] })],
);
