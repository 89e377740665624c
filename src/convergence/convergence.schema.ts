import { boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { AgendaLine, ConvergenceMatrix } from './domain';

/** Convergence tables (migrations/0200_convergence.sql). */
const ts = (name: string) => timestamp(name, { withTimezone: true });

export const convergenceMatrix = pgTable(
  'convergence_matrix',
  {
    stateCode: integer('state_code').notNull(),
    version: integer('version').notNull(),
    matrix: jsonb('matrix').$type<ConvergenceMatrix>().notNull(),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.stateCode, t.version] })],
);

export const convergenceGroup = pgTable('convergence_group', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
  level: text('level').$type<'district' | 'block'>().notNull(),
  name: text('name').notNull(),
  nameLocal: text('name_local'),
  meetingFrequency: text('meeting_frequency').$type<'monthly' | 'bimonthly' | 'quarterly'>().notNull().default('monthly'),
  meetingDay: integer('meeting_day'),
  anchorDepartments: text('anchor_departments').array().notNull().default([]),
  balPanchayatAfterDays: integer('bal_panchayat_after_days').notNull().default(30),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const convergenceMember = pgTable('convergence_member', {
  id: uuid('id').primaryKey().defaultRandom(),
  groupId: uuid('group_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  department: text('department').notNull(),
  organisationId: uuid('organisation_id'),
  userId: uuid('user_id'),
  name: text('name').notNull(),
  designation: text('designation'),
  roles: text('roles').array().notNull().default(['member']),
  email: text('email'),
  phone: text('phone'),
  since: date('since'),
  until: date('until'),
  createdAt: ts('created_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export interface MeetingGuest {
  name: string;
  department?: string;
  note?: string;
}

export const convergenceMeeting = pgTable('convergence_meeting', {
  id: uuid('id').primaryKey().defaultRandom(),
  groupId: uuid('group_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
  meetingDate: date('meeting_date').notNull(),
  status: text('status').$type<'scheduled' | 'held' | 'cancelled'>().notNull().default('scheduled'),
  chairMemberId: uuid('chair_member_id'),
  venue: text('venue'),
  guests: jsonb('guests').$type<MeetingGuest[]>().notNull().default([]),
  agenda: jsonb('agenda').$type<AgendaLine[]>(),
  minutes: text('minutes'),
  heldAt: ts('held_at'),
  minutedAt: ts('minuted_at'),
  noteSentAt: ts('note_sent_at'),
  cancelReason: text('cancel_reason'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const convergenceAttendance = pgTable(
  'convergence_attendance',
  {
    meetingId: uuid('meeting_id').notNull(),
    memberId: uuid('member_id').notNull(),
    present: boolean('present').notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.memberId] })],
);

export const balPanchayatIssue = pgTable('bal_panchayat_issue', {
  id: uuid('id').primaryKey().defaultRandom(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  subdistrictCode: integer('subdistrict_code'),
  blockCode: integer('block_code'),
  villageId: text('village_id').notNull(),
  councilName: text('council_name'),
  category: text('category').notNull(),
  summary: text('summary').notNull(),
  raisedOn: date('raised_on').notNull(),
  raisedBy: uuid('raised_by'),
  childId: uuid('child_id'),
  familyId: uuid('family_id'),
  status: text('status').$type<'with_vcpc' | 'escalated' | 'on_agenda' | 'resolved'>().notNull().default('with_vcpc'),
  escalatedOn: date('escalated_on'),
  escalationReason: text('escalation_reason'),
  resolvedOn: date('resolved_on'),
  resolvedBy: text('resolved_by').$type<'vcpc' | 'group'>(),
  outcome: text('outcome'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const convergenceDiscussion = pgTable('convergence_discussion', {
  id: uuid('id').primaryKey().defaultRandom(),
  meetingId: uuid('meeting_id').notNull(),
  groupId: uuid('group_id').notNull(),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  blockCode: integer('block_code'),
  caseRef: text('case_ref'),
  caseId: uuid('case_id'),
  familyId: uuid('family_id'),
  childId: uuid('child_id'),
  issueId: uuid('issue_id'),
  decision: text('decision').notNull(),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const convergenceAction = pgTable('convergence_action', {
  id: uuid('id').primaryKey().defaultRandom(),
  groupId: uuid('group_id').notNull(),
  /** Null for an item raised between meetings (then `raisedOn` is set; migrations/0222). */
  meetingId: uuid('meeting_id'),
  discussionId: uuid('discussion_id'),
  stateCode: integer('state_code').notNull(),
  districtCode: integer('district_code').notNull(),
  blockCode: integer('block_code'),
  caseRef: text('case_ref'),
  caseId: uuid('case_id'),
  familyId: uuid('family_id'),
  childId: uuid('child_id'),
  issueId: uuid('issue_id'),
  domain: text('domain'),
  description: text('description').notNull(),
  department: text('department').notNull(),
  organisationId: uuid('organisation_id'),
  officerMemberId: uuid('officer_member_id'),
  officer: text('officer'),
  assignedOn: date('assigned_on').notNull(),
  /** The day an item was raised between meetings (= assignedOn); null for a minuted item. */
  raisedOn: date('raised_on'),
  dueDate: date('due_date').notNull(),
  status: text('status').$type<'open' | 'done' | 'blocked' | 'reopened'>().notNull().default('open'),
  doneOn: date('done_on'),
  result: text('result'),
  blockedReason: text('blocked_reason'),
  lastEventOn: date('last_event_on'),
  reminderStage: text('reminder_stage').$type<'none' | 'due_soon' | 'overdue'>().notNull().default('none'),
  createdBy: uuid('created_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  version: integer('version').notNull().default(1),
});

export const convergenceActionEvent = pgTable(
  'convergence_action_event',
  {
    actionId: uuid('action_id').notNull(),
    seq: integer('seq').notNull(),
    type: text('type').$type<'complete' | 'block' | 'reopen'>().notNull(),
    eventOn: date('event_on').notNull(),
    byPerson: text('by_person').notNull(),
    byUserId: uuid('by_user_id'),
    text: text('text').notNull(),
    stateCode: integer('state_code').notNull(),
    districtCode: integer('district_code').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.seq] })],
);
