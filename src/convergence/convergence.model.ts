import { z } from 'zod';
import { isoDate as day } from '../http/iso-date';
import { lgdCodeQuery, MAX_VERSION, recordVersion } from '../http/common';
import { CONVERGENCE_DOMAINS, DEPARTMENT_KINDS, GOVERNANCE_LEVELS, LANGS, MEETING_FREQUENCIES } from './domain';

/** Request bodies and queries of the convergence API (zod: a 400 names the field). */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const text = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max);
const department = z.enum(DEPARTMENT_KINDS);

export const groupRoles = z.array(z.enum(['chair', 'secretary', 'member'])).min(1).max(3);

export const memberInput = z.object({
  department,
  name: text(200),
  designation: z.string().trim().max(200).optional(),
  organisationId: z.uuid().optional(),
  userId: z.uuid().optional(),
  roles: groupRoles.default(['member']),
  email: z.email().max(200).optional(),
  phone: z.string().trim().regex(/^\+?[0-9 -]{8,16}$/, 'must be a phone number').optional(),
  since: day.optional(),
});
export type MemberInput = z.infer<typeof memberInput>;

export const memberPatch = z.object({
  name: text(200).optional(),
  designation: z.string().trim().max(200).nullable().optional(),
  roles: groupRoles.optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z.string().trim().regex(/^\+?[0-9 -]{8,16}$/, 'must be a phone number').nullable().optional(),
  /** Ends the seat (the member left the group) on this date. */
  until: day.nullable().optional(),
});
export type MemberPatch = z.infer<typeof memberPatch>;

export const groupInput = z.object({
  level: z.enum(['district', 'block']),
  /** 'di:468' for a district group, 'bl:4303' for a block group. */
  locationId: z.string().trim().min(3).max(60),
  name: text(200),
  nameLocal: z.string().trim().max(200).optional(),
  meetingFrequency: z.enum(MEETING_FREQUENCIES).default('monthly'),
  meetingDay: z.number().int().min(1).max(31).optional(),
  anchorDepartments: z.array(department).max(5).default([]),
  balPanchayatAfterDays: z.number().int().min(1).max(365).default(30),
  members: z.array(memberInput).max(100).default([]),
});
export type GroupInput = z.infer<typeof groupInput>;

export const groupPatch = z.object({
  version: recordVersion,
  name: text(200).optional(),
  nameLocal: z.string().trim().max(200).nullable().optional(),
  meetingFrequency: z.enum(MEETING_FREQUENCIES).optional(),
  meetingDay: z.number().int().min(1).max(31).nullable().optional(),
  anchorDepartments: z.array(department).max(5).optional(),
  balPanchayatAfterDays: z.number().int().min(1).max(365).optional(),
});
export type GroupPatch = z.infer<typeof groupPatch>;

export const guestInput = z.object({ name: text(200), department: department.optional(), note: z.string().trim().max(300).optional() });

export const meetingInput = z.object({
  date: day,
  /** Defaults to the group's chair on that date. */
  chairMemberId: z.uuid().optional(),
  venue: z.string().trim().max(300).optional(),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const attendanceInput = z.object({
  attendance: z.array(z.object({ memberId: z.uuid(), present: z.boolean() })).max(200),
  guests: z.array(guestInput).max(50).optional(),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const holdInput = z.object({
  chairMemberId: z.uuid().optional(),
  attendance: attendanceInput.shape.attendance.optional(),
  guests: z.array(guestInput).max(50).optional(),
});
export type HoldInput = z.infer<typeof holdInput>;

export const actionDraftInput = z.object({
  department,
  description: text(1000),
  domain: z.enum(CONVERGENCE_DOMAINS).optional(),
  /** A seat of that department in the group: the responsible officer. */
  officerMemberId: z.uuid().optional(),
  /** Or a name/designation as minuted. */
  officer: z.string().trim().max(200).optional(),
  /** Only this organisation (of the department) may update it, e.g. one NGO of several. */
  organisationId: z.uuid().optional(),
  dueDate: day,
});
export type ActionDraftInput = z.infer<typeof actionDraftInput>;

export const discussionInput = z
  .object({
    caseId: z.uuid().optional(),
    familyId: z.uuid().optional(),
    childId: z.uuid().optional(),
    issueId: z.uuid().optional(),
    decision: text(4000),
    actions: z.array(actionDraftInput).max(30).default([]),
  })
  .refine((d) => [d.caseId, d.familyId, d.childId].filter(Boolean).length <= 1, { path: ['caseId'], message: 'name one case, family or child' });
export type DiscussionInput = z.infer<typeof discussionInput>;

/** An action item raised between meetings (POST /convergence/groups/:id/actions): what it is about, optionally. */
export const raiseActionInput = actionDraftInput
  .extend({ caseId: z.uuid().optional(), familyId: z.uuid().optional(), childId: z.uuid().optional() })
  .refine((d) => [d.caseId, d.familyId, d.childId].filter(Boolean).length <= 1, { path: ['caseId'], message: 'name one case, family or child' });
export type RaiseActionInput = z.infer<typeof raiseActionInput>;

export const minuteInput = z.object({ minutes: text(20000) });
export const cancelInput = z.object({ reason: text(500) });

export const actionEventInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('complete'), result: text(2000), on: day.optional(), version: recordVersion.optional() }),
  z.object({ type: z.literal('block'), reason: text(2000), on: day.optional(), version: recordVersion.optional() }),
  z.object({ type: z.literal('reopen'), reason: text(2000), on: day.optional(), version: recordVersion.optional() }),
]);
export type ActionEventInput = z.infer<typeof actionEventInput>;

export const actionListQuery = z.object({
  groupId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  department: department.optional(),
  status: z.enum(['open', 'done', 'blocked', 'reopened']).optional(),
  overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  familyId: z.uuid().optional(),
  mine: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActionListQuery = z.infer<typeof actionListQuery>;

export const langQuery = z.enum(LANGS).default('en');

export const noteQuery = z.object({ department: department.optional(), lang: langQuery });

export const accountabilityQuery = z
  .object({
    groupId: z.uuid().optional(),
    from: month.optional(),
    to: month.optional(),
    metric: z.enum(['assigned', 'doneOnTime', 'doneLate', 'overdue', 'avgDaysLate', 'onTimeRate', 'attendanceRate']).default('overdue'),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });
export type AccountabilityQuery = z.infer<typeof accountabilityQuery>;

export const matrixPut = z.object({
  /** The version being replaced (optimistic concurrency): 0 when replacing the bundled default. */
  version: z.number().int().min(0).max(MAX_VERSION),
  matrix: z.unknown(),
  note: z.string().trim().max(500).optional(),
});

export const matrixQuery = z.object({ level: z.enum(GOVERNANCE_LEVELS).default('district') });
export const suggestQuery = z.object({ domain: z.enum(CONVERGENCE_DOMAINS), level: z.enum(GOVERNANCE_LEVELS).default('district') });

export const coverageQuery = z.object({
  level: z.enum(['district', 'block', 'village']).default('block'),
  districtCode: lgdCodeQuery.optional(),
  blockCode: lgdCodeQuery.optional(),
});
export const coverageFamiliesQuery = z.object({
  domain: z.enum(CONVERGENCE_DOMAINS).optional(),
  gapsOnly: z.enum(['true', 'false']).transform((v) => v === 'true').default(true),
  districtCode: lgdCodeQuery.optional(),
  blockCode: lgdCodeQuery.optional(),
  villageId: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ISSUE_CATEGORIES = ['out_of_school', 'family_in_distress', 'child_labour', 'child_marriage', 'violence_or_abuse', 'health_or_nutrition', 'village_problem', 'other'] as const;

export const issueInput = z.object({
  villageId: z.string().trim().min(3).max(80),
  councilName: z.string().trim().max(200).optional(),
  category: z.enum(ISSUE_CATEGORIES),
  /** What the children said. No child's name is needed (or wanted) here. */
  summary: text(2000),
  raisedOn: day.optional(),
  childId: z.uuid().optional(),
  familyId: z.uuid().optional(),
});
export type IssueInput = z.infer<typeof issueInput>;

export const issueListQuery = z.object({
  status: z.enum(['with_vcpc', 'escalated', 'on_agenda', 'resolved']).optional(),
  villageId: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const escalateInput = z.object({ reason: text(1000), on: day.optional() });
export const resolveInput = z.object({ outcome: text(2000), on: day.optional() });

export const outboxQuery = z.object({
  kind: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
