import { z } from 'zod';
import { isoDate as day } from '../http/iso-date';
import { timestamp, withheld } from '../http/response';
import { lgdCodeQuery, MAX_VERSION, recordVersion } from '../http/common';
import { CONVERGENCE_DOMAINS, DEPARTMENT_KINDS, GOVERNANCE_LEVELS, LANGS, MEETING_FREQUENCIES } from './domain';

/** Request bodies and queries of the convergence API (zod: a 400 names the field). */
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month as YYYY-MM');
const text = (max = 2000) => z.string().trim().min(1, 'must not be empty').max(max);
const department = z.enum(DEPARTMENT_KINDS);

export const groupRoles = z
  .array(z.enum(['chair', 'secretary', 'member']))
  .min(1)
  .max(3);

export const memberInput = z.strictObject({
  department,
  name: text(200),
  designation: z.string().trim().max(200).optional(),
  organisationId: z.uuid().optional(),
  userId: z.uuid().optional(),
  roles: groupRoles.default(['member']),
  email: z.email().max(200).optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{8,16}$/, 'must be a phone number')
    .optional(),
  since: day.optional(),
});
export type MemberInput = z.infer<typeof memberInput>;

export const memberPatch = z.strictObject({
  name: text(200).optional(),
  designation: z.string().trim().max(200).nullable().optional(),
  roles: groupRoles.optional(),
  email: z.email().max(200).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 -]{8,16}$/, 'must be a phone number')
    .nullable()
    .optional(),
  /** Ends the seat (the member left the group) on this date. */
  until: day.nullable().optional(),
});
export type MemberPatch = z.infer<typeof memberPatch>;

export const groupInput = z.strictObject({
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

export const groupPatch = z.strictObject({
  version: recordVersion,
  name: text(200).optional(),
  nameLocal: z.string().trim().max(200).nullable().optional(),
  meetingFrequency: z.enum(MEETING_FREQUENCIES).optional(),
  meetingDay: z.number().int().min(1).max(31).nullable().optional(),
  anchorDepartments: z.array(department).max(5).optional(),
  balPanchayatAfterDays: z.number().int().min(1).max(365).optional(),
});
export type GroupPatch = z.infer<typeof groupPatch>;

export const guestInput = z.strictObject({
  name: text(200),
  department: department.optional(),
  note: z.string().trim().max(300).optional(),
});

export const meetingInput = z.strictObject({
  date: day,
  /** Defaults to the group's chair on that date. */
  chairMemberId: z.uuid().optional(),
  venue: z.string().trim().max(300).optional(),
});
export type MeetingInput = z.infer<typeof meetingInput>;

export const attendanceInput = z.strictObject({
  attendance: z.array(z.strictObject({ memberId: z.uuid(), present: z.boolean() })).max(200),
  guests: z.array(guestInput).max(50).optional(),
});
export type AttendanceInput = z.infer<typeof attendanceInput>;

export const holdInput = z.strictObject({
  chairMemberId: z.uuid().optional(),
  attendance: attendanceInput.shape.attendance.optional(),
  guests: z.array(guestInput).max(50).optional(),
});
export type HoldInput = z.infer<typeof holdInput>;

export const actionDraftInput = z.strictObject({
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
  .strictObject({
    caseId: z.uuid().optional(),
    familyId: z.uuid().optional(),
    childId: z.uuid().optional(),
    issueId: z.uuid().optional(),
    decision: text(4000),
    actions: z.array(actionDraftInput).max(30).default([]),
  })
  .refine((d) => [d.caseId, d.familyId, d.childId].filter(Boolean).length <= 1, {
    path: ['caseId'],
    message: 'name one case, family or child',
  });
export type DiscussionInput = z.infer<typeof discussionInput>;

/** An action item raised between meetings (POST /convergence/groups/:id/actions): what it is about, optionally. */
export const raiseActionInput = actionDraftInput
  .extend({ caseId: z.uuid().optional(), familyId: z.uuid().optional(), childId: z.uuid().optional() })
  .refine((d) => [d.caseId, d.familyId, d.childId].filter(Boolean).length <= 1, {
    path: ['caseId'],
    message: 'name one case, family or child',
  });
export type RaiseActionInput = z.infer<typeof raiseActionInput>;

export const minuteInput = z.strictObject({ minutes: text(20000) });
export const cancelInput = z.strictObject({ reason: text(500) });

export const actionEventInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('complete'), result: text(2000), on: day.optional(), version: recordVersion.optional() }),
  z.strictObject({ type: z.literal('block'), reason: text(2000), on: day.optional(), version: recordVersion.optional() }),
  z.strictObject({ type: z.literal('reopen'), reason: text(2000), on: day.optional(), version: recordVersion.optional() }),
]);
export type ActionEventInput = z.infer<typeof actionEventInput>;

export const actionListQuery = z.strictObject({
  groupId: z.uuid().optional(),
  meetingId: z.uuid().optional(),
  department: department.optional(),
  status: z.enum(['open', 'done', 'blocked', 'reopened']).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  familyId: z.uuid().optional(),
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActionListQuery = z.infer<typeof actionListQuery>;

export const langQuery = z.enum(LANGS).default('en');

export const noteQuery = z.strictObject({ department: department.optional(), lang: langQuery });

const accountabilityFields = {
  groupId: z.uuid().optional(),
  from: month.optional(),
  to: month.optional(),
  metric: z.enum(['assigned', 'doneOnTime', 'doneLate', 'overdue', 'avgDaysLate', 'onTimeRate', 'attendanceRate']).default('overdue'),
};
const monthsInOrder = (q: { from?: string; to?: string }) => !q.from || !q.to || q.from <= q.to;
const toAfterFrom = { path: ['to'], message: 'must not be before from' };
export const accountabilityQuery = z.strictObject(accountabilityFields).refine(monthsInOrder, toAfterFrom);
/** The export takes the report's query, the file format and the language. */
export const accountabilityExportQuery = z
  .strictObject({ ...accountabilityFields, format: z.enum(['xlsx', 'pdf']).default('xlsx'), lang: langQuery })
  .refine(monthsInOrder, toAfterFrom);
export type AccountabilityQuery = z.infer<typeof accountabilityQuery>;

export const matrixPut = z.strictObject({
  /** The version being replaced (optimistic concurrency): 0 when replacing the bundled default. */
  version: z.number().int().min(0).max(MAX_VERSION),
  matrix: z.unknown(),
  note: z.string().trim().max(500).optional(),
});

export const matrixQuery = z.strictObject({ level: z.enum(GOVERNANCE_LEVELS).default('district') });
export const suggestQuery = z.strictObject({ domain: z.enum(CONVERGENCE_DOMAINS), level: z.enum(GOVERNANCE_LEVELS).default('district') });

export const coverageQuery = z.strictObject({
  level: z.enum(['district', 'block', 'village']).default('block'),
  districtCode: lgdCodeQuery.optional(),
  blockCode: lgdCodeQuery.optional(),
});
export const coverageFamiliesQuery = z.strictObject({
  domain: z.enum(CONVERGENCE_DOMAINS).optional(),
  gapsOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(true),
  districtCode: lgdCodeQuery.optional(),
  blockCode: lgdCodeQuery.optional(),
  villageId: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const ISSUE_CATEGORIES = [
  'out_of_school',
  'family_in_distress',
  'child_labour',
  'child_marriage',
  'violence_or_abuse',
  'health_or_nutrition',
  'village_problem',
  'other',
] as const;

export const issueInput = z.strictObject({
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

export const issueListQuery = z.strictObject({
  status: z.enum(['with_vcpc', 'escalated', 'on_agenda', 'resolved']).optional(),
  villageId: z.string().max(80).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
export const escalateInput = z.strictObject({ reason: text(1000), on: day.optional() });
export const resolveInput = z.strictObject({ outcome: text(2000), on: day.optional() });

export const outboxQuery = z.strictObject({
  kind: z.string().max(60).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/*
 * Response shapes (issue #12). Groups, seats and meetings are about officials; a discussion,
 * an action item or a note line may point at a child or family, so those links and the child's
 * particulars are `withheld` (optional) for field-level access. Vocabularies are strings (the
 * domain owns them).
 */
const str = z.string();
const when = z.string().nullable();

export const matrixDataOut = z.object({
  version: str,
  effectiveFrom: str,
  sources: z.array(str),
  programmes: z.array(z.object({ id: str, name: str, department: str, note: str.optional() })),
  cells: z.array(z.object({ domain: str, department: str, level: str, responsibility: str, role: str, programmes: z.array(str) })),
});
export const matrixSavedOut = z.object({ stateCode: z.number(), version: z.number(), matrix: matrixDataOut });
export const matrixOut = matrixSavedOut.extend({
  source: str,
  savedAt: timestamp.nullable(),
  note: when,
  levels: z.array(str).readonly(),
  grid: z.object({
    level: str,
    departments: z.array(str),
    domains: z.array(str),
    rows: z.array(
      z.object({
        domain: str,
        cells: z.array(
          z.object({ department: str, responsibility: str, role: str, programmes: z.array(z.object({ id: str, name: str })) }).nullable(),
        ),
        suggested: z.array(str),
      }),
    ),
  }),
  labels: z.object({ departments: z.record(str, z.record(str, str)), domains: z.record(str, z.record(str, str)) }),
});
export const matrixVersionsOut = z.object({
  items: z.array(z.object({ stateCode: z.number(), version: z.number(), note: when, createdAt: timestamp, createdBy: when })),
});
export const matrixSuggestionOut = z.object({
  domain: str,
  level: str,
  matrixVersion: z.number(),
  departments: z.array(z.object({ department: str, responsibility: str, role: str, level: str, programmes: z.array(str) })),
});

/** A seat on a group: an official's name, department, roles, contact (contact withheld from those who need not write to them). */
export const groupMemberOut = z.object({
  id: str,
  department: str,
  name: str,
  designation: when,
  organisationId: when,
  userId: when,
  roles: z.array(str),
  since: when,
  until: when,
  email: withheld(str),
  phone: withheld(str),
});
export const groupRecordOut = z.object({
  id: str,
  stateCode: z.number(),
  districtCode: z.number(),
  subdistrictCode: z.number().nullable(),
  blockCode: z.number().nullable(),
  level: str,
  name: str,
  nameLocal: when,
  meetingFrequency: str,
  meetingDay: z.number().nullable(),
  anchorDepartments: z.array(str),
  balPanchayatAfterDays: z.number(),
  createdBy: when,
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number(),
});
const attendanceStatsOut = z.object({
  department: str,
  expected: z.number(),
  attended: z.number(),
  rate: z.number().nullable(),
  consecutiveAbsences: z.number(),
  longestAbsenceRun: z.number(),
  lastAttended: when,
  absentOn: z.array(str),
  irregular: z.boolean(),
});
export const groupOut = groupRecordOut.extend({
  members: z.array(groupMemberOut),
  memberCount: z.number(),
  chairMemberId: when,
  chair: z.object({ memberId: str, name: str, designation: when, department: str }).nullable(),
  departments: z.array(str),
});
export const groupListOut = z.object({ items: z.array(groupOut) });
const meetingSummaryOut = z.object({ id: str, date: str, status: str, minuted: z.boolean(), noteSent: z.boolean() });
export const groupDetailOut = groupOut.extend({
  meetings: z.array(meetingSummaryOut),
  nextMeeting: z.object({ id: str, date: str }).nullable(),
  attendance: z.array(attendanceStatsOut),
});
export const meetingListOut = z.object({ items: z.array(meetingSummaryOut) });

/** An agenda line: why it is on the agenda; a department's copy adds what its own lines are about. */
export const agendaLineOut = z.object({
  section: str,
  caseRef: str.optional(),
  actionId: str.optional(),
  issueId: str.optional(),
  department: str.optional(),
  reasons: z.array(z.object({ code: str, text: str })),
  action: z.object({ description: str, department: str, dueDate: str, status: str, officer: when, assignedOn: str }).optional(),
  issue: z.object({ category: str, village: str, raisedOn: str, status: str }).optional(),
  subject: withheld(z.object({ caseId: str.nullish(), familyId: str.nullish(), childId: str.nullish(), issueId: str.nullish() })),
});
const guestOut = z.object({ name: str, department: str.optional(), note: str.optional() });

export const meetingRecordOut = z.object({
  id: str,
  groupId: str,
  stateCode: z.number(),
  districtCode: z.number(),
  subdistrictCode: z.number().nullable(),
  blockCode: z.number().nullable(),
  meetingDate: str,
  status: str,
  chairMemberId: when,
  venue: when,
  guests: z.array(guestOut),
  agenda: z.array(agendaLineOut).nullable(),
  minutes: when,
  heldAt: timestamp.nullable(),
  minutedAt: timestamp.nullable(),
  noteSentAt: timestamp.nullable(),
  cancelReason: when,
  createdBy: when,
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number(),
});

/** An action item as a meeting or a department sees it. */
export const actionItemOut = z.object({
  id: str,
  groupId: str,
  meetingId: when,
  caseRef: withheld(str),
  domain: when,
  description: str,
  department: str,
  organisationId: when,
  officer: when,
  officerMemberId: str.nullish(),
  assignedOn: str,
  dueDate: str,
  status: str,
  doneOn: when,
  result: withheld(str),
  blockedReason: withheld(str),
  overdue: z.boolean(),
  version: z.number(),
});
const discussionSubjectOut = z.object({ caseId: when, familyId: when, childId: when, issueId: when });

export const meetingOut = z.object({
  id: str,
  view: str,
  group: z.object({ id: str, name: str, level: str }),
  date: str,
  status: str,
  venue: when,
  chair: z.object({ memberId: str, name: str, designation: when, department: str }).nullable(),
  minutes: withheld(str),
  heldAt: timestamp.nullable(),
  minutedAt: timestamp.nullable(),
  noteSentAt: timestamp.nullable(),
  cancelReason: when,
  guests: z.array(guestOut),
  version: z.number(),
  attendance: z.array(
    z.object({ memberId: str, name: str, designation: when, department: str, roles: z.array(str), present: z.boolean().nullable() }),
  ),
  departments: z.array(z.object({ department: str, present: z.boolean().nullable(), attendees: z.array(str) })),
  agenda: z.array(agendaLineOut),
  discussions: z.array(
    z.object({
      id: str,
      caseRef: withheld(str),
      decision: withheld(str),
      issueId: when,
      subject: withheld(discussionSubjectOut),
      actions: z.array(actionItemOut),
    }),
  ),
  actions: z.array(actionItemOut),
});
export const agendaOut = z.object({ meetingId: str, frozen: z.boolean(), view: str, lines: z.array(agendaLineOut) });
export const attendanceSavedOut = z.object({ id: str, version: z.number(), marked: z.number() });
export const meetingHeldOut = z.object({ id: str, status: str, version: z.number(), agenda: z.array(agendaLineOut) });
export const meetingCancelledOut = z.object({ id: str, status: str, version: z.number() });
export const discussionOut = z.object({
  id: str,
  caseRef: withheld(str),
  decision: withheld(str),
  subject: withheld(discussionSubjectOut),
  actions: z.array(actionItemOut.extend({ suggestedDepartments: z.array(str), matrixSuggested: z.boolean() })),
});
export const meetingMinutedOut = z.object({
  id: str,
  status: str,
  minutedAt: timestamp.nullable(),
  version: z.number(),
  nextMeeting: z.object({ id: str, date: str, created: z.boolean() }).nullable(),
});

/**
 * The division-of-labour note: each department's lines. A child is named only on the copies of
 * departments acting on the case, and by initials under a CWC non-disclosure order (JJ Act s.74).
 */
export const noteOut = z.object({
  scope: z.object({ kind: str, department: str }),
  group: z.object({ id: str, name: str, level: str }),
  meeting: z.object({ id: str, date: str, chair: when }),
  present: z.array(z.object({ department: str, attendees: z.array(str) })),
  absent: z.array(str),
  guests: z.array(str),
  sections: z.array(
    z.object({
      department: str,
      lines: z.array(
        z.object({
          caseRef: withheld(str),
          child: withheld(z.object({ name: str, nameLocal: withheld(str), age: withheld(z.number()), village: withheld(str) })),
          childInitials: withheld(str),
          childWithheld: z.boolean(),
          nonDisclosure: z.boolean(),
          action: str,
          dueDate: str,
          officer: when,
          carriedOver: z.boolean(),
        }),
      ),
    }),
  ),
});
export const noteSentOut = z.object({ meetingId: str, queued: z.number(), recipients: z.number(), departments: z.array(str) });

/** An action item in the list and on its page (with its events). */
export const actionRowOut = actionItemOut.omit({ officerMemberId: true }).extend({
  group: when,
  meetingDate: when,
  raisedOn: when,
  daysOverdue: z.number(),
});
export const actionListOut = z.object({
  items: z.array(actionRowOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  view: str,
  department: when,
});
export const actionDetailOut = actionRowOut.extend({
  events: z.array(
    z.object({
      seq: z.number(),
      type: str,
      on: str,
      text: withheld(str),
      recordedAt: timestamp,
      by: z.object({ name: when, department: when }),
    }),
  ),
  allowedEvents: z.array(str),
  canUpdate: z.boolean(),
});

const departmentColumns = Object.fromEntries(DEPARTMENT_KINDS.map((d) => [d, z.number().nullish()])) as Record<
  (typeof DEPARTMENT_KINDS)[number],
  z.ZodOptional<z.ZodNullable<z.ZodNumber>>
>;
/** Per department and month (counts and rates only). */
export const accountabilityOut = z.object({
  asOf: str,
  from: str,
  to: str,
  groups: z.array(z.object({ id: str, name: str, level: str })),
  rows: z.array(
    z.object({
      month: str,
      department: str,
      snapshot: str,
      assigned: z.number(),
      doneOnTime: z.number(),
      doneLate: z.number(),
      overdue: z.number(),
      overdueEarlier: z.number(),
      overdueBeforePeriod: z.number(),
      avgDaysLate: z.number().nullable(),
      avgDaysLateCompleted: z.number().nullable(),
      lateDaysCompleted: z.number(),
      overdueDays: z.number(),
      onTimeRate: z.number().nullable(),
      meetingsExpected: z.number(),
      meetingsAttended: z.number(),
      attendanceRate: z.number().nullable(),
    }),
  ),
  summary: z.array(
    z.object({
      department: str,
      assigned: z.number(),
      doneOnTime: z.number(),
      doneLate: z.number(),
      overdueAtEnd: z.number(),
      overdueAtEndEarlier: z.number(),
      avgDaysLate: z.number().nullable(),
      onTimeRate: z.number().nullable(),
      attendanceRate: z.number().nullable(),
    }),
  ),
  trend: z.object({
    metric: str,
    months: z.array(str),
    series: z.array(z.object({ department: str, values: z.array(z.number().nullable()) })),
  }),
  chart: z.array(z.object({ month: str, ...departmentColumns })),
  attendance: z.array(z.object({ groupId: str, group: str, departments: z.array(attendanceStatsOut) })),
});

const byDomain = z.record(str, z.number());
const coverageArea = {
  level: str,
  area: str,
  families: z.number(),
  familiesWithNeed: byDomain,
  familiesWithGap: byDomain,
  familiesWithAnyGap: z.number(),
  multiDepartmentFamilies: z.number(),
};
const coverageSources = z.object({ cases: z.boolean(), schemes: z.boolean(), unmappedSchemes: z.array(str) });
/** Families with needs and gaps per domain and area (counts only). */
export const coverageOut = z.object({
  level: str,
  sources: coverageSources,
  families: z.number(),
  areas: z.array(z.object({ ...coverageArea, name: str })),
  totals: z.object({ ...coverageArea, name: z.null() }).nullable(),
});
export const coverageFamiliesOut = z.object({
  items: z.array(
    z.object({
      familyId: str,
      headName: str,
      /** The head's name is initials: a CWC non-disclosure order (JJ Act 2015 s.74). */
      initialsOnly: z.literal(true).optional(),
      village: withheld(z.object({ id: str, name: str })),
      gaps: z.array(str),
      pending: z.array(str),
      met: z.array(str),
      departments: z.array(str),
      multiDepartmentSupport: z.boolean(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  sources: coverageSources,
});
export const familyCoverageOut = z.object({
  familyId: str,
  sources: coverageSources,
  suggestions: z.record(str, z.array(str)),
  area: z.object({ village: str.optional(), block: str.optional(), district: str.optional() }),
  domains: z.array(
    z.object({
      domain: str,
      need: z.boolean(),
      needSources: z.array(str),
      children: withheld(z.array(str)),
      services: z.array(z.object({ kind: str, id: str, department: str, state: str, schemeId: str.optional() })),
      departments: z.array(str),
      status: str,
      gap: z.boolean(),
    }),
  ),
  gaps: z.array(str),
  departments: z.array(str),
  multiDepartmentSupport: z.boolean(),
  unmappedKeys: z.array(str),
});

/** A Bal Panchayat issue (no child need be named; a linked child or family is withheld from those who may not see it). */
export const issueOut = z.object({
  id: str,
  village: z.object({ id: str, name: str }),
  councilName: when,
  category: str,
  summary: str,
  raisedOn: str,
  status: str,
  toGroupOn: when,
  daysOpen: z.number().nullable(),
  escalatedOn: when,
  escalationReason: withheld(str),
  resolvedOn: when,
  resolvedBy: when,
  outcome: withheld(str),
  childLinked: z.boolean(),
  childId: withheld(str),
  familyId: withheld(str),
  discussions: z.array(z.object({ decision: withheld(str), meetingDate: str, group: str })),
  actions: z.array(z.object({ overdue: z.boolean(), department: str, dueDate: str, status: str, doneOn: when })),
  version: z.number(),
});
export const issueListOut = z.object({ items: z.array(issueOut), total: z.number(), page: z.number(), pageSize: z.number() });
