import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { MvReport } from './report';

/** Frozen monthly reports and their scheduled recipients (migrations/0790_report_snapshots.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const reportSnapshot = pgTable('report_snapshot', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind').$type<'monthly' | 'quarterly'>().notNull(),
  origin: text('origin').$type<'submitted' | 'scheduled'>().notNull(),
  stateCode: integer('state_code').notNull(),
  // null for a state's quarterly report (0924)
  districtCode: integer('district_code'),
  period: text('period').notNull(),
  indicatorSetVersion: integer('indicator_set_version').notNull(),
  figuresAt: ts('figures_at').notNull(),
  report: jsonb('report').$type<MvReport>().notNull(),
  sha256: text('sha256').notNull(),
  submittedBy: uuid('submitted_by'),
  submittedAt: ts('submitted_at').notNull(),
});

export const reportRecipient = pgTable('report_recipient', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateCode: integer('state_code').notNull(),
  // null for a recipient of the state's quarterly report (0924)
  districtCode: integer('district_code'),
  address: text('address').notNull(),
  lang: text('lang').$type<'en' | 'hi' | 'mr'>().notNull(),
  addedBy: uuid('added_by'),
  addedAt: ts('added_at').notNull(),
});
