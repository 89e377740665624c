import { sql } from 'drizzle-orm';
import { bigint, boolean, doublePrecision, integer, jsonb, pgTable, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
  /** migrations/0740: the railway-station flag, the named responder and the response steps, the partner (112/181). */
  atStation: boolean('at_station').notNull().default(false),
  responderUserId: uuid('responder_user_id'),
  onTheWayAt: ts('on_the_way_at'),
  handedToKind: text('handed_to_kind'),
  handedToName: text('handed_to_name'),
  handedToAt: ts('handed_to_at'),
  partner: text('partner').$type<'112' | '181'>(),
  partnerRef: text('partner_ref'),
  /** migrations/0800: the queue's order as one indexed number (status order * 3 + urgency order), and the due-soon warning sent. */
  // The expression is the migration's; declared generated here so that no insert or update writes it.
  queueRank: smallint('queue_rank').generatedAlwaysAs(sql`0`),
  warnedAt: ts('warned_at'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
export type HelplineCallRow = typeof helplineCall.$inferSelect;

/** The call's timeline (migrations/0740): steps with their time; codes and ids only. */
export const helplineCallStep = pgTable('helpline_call_step', {
  id: uuid('id').primaryKey().defaultRandom(),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  callId: uuid('call_id').notNull(),
  step: text('step').notNull(),
  at: ts('at').notNull(),
  byUserId: uuid('by_user_id'),
  byPartner: text('by_partner'),
  detail: jsonb('detail').$type<Record<string, string | number | null>>().notNull().default({}),
});

/** Messages of the 112/181 handover contract, both directions (migrations/0740; docs/HELPLINE-CONTRACT.md). */
export const helplinePartnerMessage = pgTable('helpline_partner_message', {
  id: uuid('id').primaryKey().defaultRandom(),
  direction: text('direction').$type<'out' | 'in'>().notNull(),
  partner: text('partner').$type<'112' | '181'>().notNull(),
  messageId: text('message_id').notNull(),
  kind: text('kind').$type<'handover' | 'status'>().notNull(),
  statusValue: text('status_value'),
  callId: uuid('call_id'),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  delivery: text('delivery').$type<'pending' | 'sending' | 'acknowledged'>().notNull(),
  /** Inbound rows (and the demo's); an outbound message's attempts and error are its outbox row's (migrations/0890). */
  attempts: integer('attempts').notNull().default(0),
  acknowledgedAt: ts('acknowledged_at'),
  lastError: text('last_error'),
  bodySha256: text('body_sha256'),
  createdAt: ts('created_at').notNull(),
  /** The order of queueing (migrations/0971): a call's messages to a partner leave in it. */
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
});
export type PartnerMessageRow = typeof helplinePartnerMessage.$inferSelect;
