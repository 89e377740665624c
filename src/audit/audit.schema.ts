import { bigint, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** One entry: who did what to which record. Chained afterwards (audit_chain), never edited. */
export const auditEvent = pgTable('audit_event', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  actorId: uuid('actor_id'),
  actorRole: text('actor_role'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  stateCode: integer('state_code'),
  districtCode: integer('district_code'),
  ip: text('ip'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
});

/** The children and families an entry disclosed: a record's access log reads this. */
export const auditSubject = pgTable(
  'audit_subject',
  {
    subjectType: text('subject_type').$type<'child' | 'family'>().notNull(),
    subjectId: uuid('subject_id').notNull(),
    eventSeq: bigint('event_seq', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.subjectType, t.subjectId, t.eventSeq] })],
);

/** Entries not chained yet. */
export const auditPending = pgTable('audit_pending', {
  eventSeq: bigint('event_seq', { mode: 'number' }).primaryKey(),
});

export const auditChain = pgTable('audit_chain', {
  pos: bigint('pos', { mode: 'number' }).primaryKey(),
  eventSeq: bigint('event_seq', { mode: 'number' }).notNull().unique(),
  hashVersion: smallint('hash_version').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export const auditCheckpoint = pgTable('audit_checkpoint', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  pos: bigint('pos', { mode: 'number' }).notNull(),
  headHash: text('head_hash').notNull(),
  at: timestamp('at', { withTimezone: true }).notNull(),
  mac: text('mac').notNull(),
});
