import { bigint, boolean, doublePrecision, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { scopeColumns } from '../db/scope-columns';
import type { CallChild } from './helpline.model';
import type { TriageDecision } from './domain/triage';

/** A 1098 call (migrations/0600_helpline.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const helplineCall = pgTable('helpline_call', {
  id: uuid('id').primaryKey().defaultRandom(),
  number: bigint('number', { mode: 'number' }).generatedAlwaysAsIdentity(),
  status: text('status').$type<'draft' | 'open' | 'dispatched' | 'reached' | 'closed'>().notNull(),
  channel: text('channel').notNull().default('1098'),
  ...scopeColumns(),
  /** Null for a public sighting (/report-a-child) that no operator took. */
  operatorUserId: uuid('operator_user_id'),
  operatorUnitId: uuid('operator_unit_id'),
  callerPhone: text('caller_phone'),
  callerName: text('caller_name'),
  callerAnonymous: boolean('caller_anonymous').notNull().default(false),
  callerRelation: text('caller_relation'),
  children: jsonb('children').$type<CallChild[]>().notNull().default([]),
  childIds: uuid('child_ids').array().notNull().default([]),
  locationText: text('location_text'),
  latitude: doublePrecision('latitude'),
  longitude: doublePrecision('longitude'),
  categories: text('categories').array().notNull().default([]),
  urgency: text('urgency'),
  language: text('language'),
  notes: text('notes'),
  receivedAt: ts('received_at').notNull(),
  submittedAt: ts('submitted_at'),
  route: text('route'),
  targetMinutes: integer('target_minutes'),
  targetAt: ts('target_at'),
  triage: jsonb('triage').$type<TriageDecision>(),
  assignedUnitId: uuid('assigned_unit_id'),
  dispatchedAt: ts('dispatched_at'),
  reachedAt: ts('reached_at'),
  closedAt: ts('closed_at'),
  outcome: text('outcome'),
  caseId: uuid('case_id'),
  missingRecordId: uuid('missing_record_id'),
  alertedAt: ts('alerted_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
export type HelplineCallRow = typeof helplineCall.$inferSelect;
