import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { jurisdictionWhere, requireCovers, requirePermission, type Actor } from '../access/policy';
import { HttpError, badRequest, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { caseRecord } from '../cases/cases.schema';
import { caseVisibleWhere } from '../cases/cases.access';
import { child, family } from '../registry/registry.schema';
import { organisation } from '../users/users.schema';
import {
  buildAgenda,
  buildDivisionOfLabourNote,
  createAction,
  departmentPresence,
  divisionOfLabourPdf,
  fullNote,
  membersOn,
  nextMeetingDate,
  noteForDepartment,
  representedDepartments,
  suggestDepartments,
  validateMeeting,
  type AgendaLine,
  type ConvergenceGroup,
  type DepartmentKind,
  type Lang,
  type Meeting,
  type Problem,
  type RecipientNote,
} from './domain';
import { actorDepartment, convergenceView } from './convergence.access';
import { balPanchayatIssue, convergenceMeeting, type MeetingGuest } from './convergence.schema';
import { istDay, subjectRef } from './convergence.time';
import { isUniqueViolation, loadGroup, placeOfGroup, refused, seatOf } from './groups.service';
import { lockGroup, type GroupRow, type MemberRow } from './groups.repository';
import {
  attendanceOf,
  discussionsOf,
  getMeeting,
  insertDiscussion,
  insertMeeting,
  lockMeeting,
  toDomainMeeting,
  updateMeeting,
  upsertAttendance,
  type MeetingRow,
} from './meetings.repository';
import { actionsOfGroups, insertActions, type ActionRow } from './actions.repository';
import { agendaSources, type AgendaSubject } from './agenda.sources';
import { currentMatrix } from './matrix.service';
import { languagesOf, noteMessage, queueMessages, type QueuedMessage } from './notify';
import { mayName, noteIdentities } from './note.identities';
import type { AttendanceInput, DiscussionInput, HoldInput, MeetingInput } from './convergence.model';

/** A meeting with everything the domain needs about it. */
export interface MeetingContext {
  row: MeetingRow;
  groupRow: GroupRow;
  members: MemberRow[];
  group: ConvergenceGroup;
  meeting: Meeting;
}

export async function loadMeeting(db: Db, actor: Actor, id: string): Promise<MeetingContext> {
  const row = await getMeeting(db, actor, id);
  if (!row) throw notFound('Meeting');
  const { row: groupRow, members, group } = await loadGroup(db, actor, row.groupId);
  const attendance = await attendanceOf(db, id);
  return { row, groupRow, members, group, meeting: toDomainMeeting(row, attendance) };
}

/** Full view of one group's records: full-view roles, and the group's chair and secretary. */
export function groupView(actor: Actor, c: Pick<MeetingContext, 'group' | 'members'>, on: string): 'full' | 'department' {
  if (convergenceView(actor) === 'full') return 'full';
  const { roles } = seatOf(c.group, c.members, actor, on);
  return roles.includes('chair') || roles.includes('secretary') ? 'full' : 'department';
}

/** 400 for a domain refusal, naming every problem (field = its path). */
function problemsError(problems: Problem[], status = 400, prefix = ''): HttpError {
  const first = problems[0];
  return new HttpError(
    status,
    first.code,
    problems.map((p) => p.message).join('; '),
    problems.map((p) => ({ field: p.path ? `${prefix}${p.path}` : prefix.replace(/\.$/, '') || 'body', message: p.message })),
  );
}

function requireManage(actor: Actor, g: GroupRow) {
  requirePermission(actor, 'convergence.manage');
  requireCovers(actor, placeOfGroup(g), 'group');
}

function currentChair(group: ConvergenceGroup, date: string): string | null {
  return membersOn(group, date).find((m) => m.roles.includes('chair'))?.personId ?? null;
}

// ---------------------------------------------------------------- schedule

export async function scheduleMeeting(ctx: AppContext, actor: Actor, groupId: string, input: MeetingInput) {
  const { row: g, group } = await loadGroup(ctx.db, actor, groupId);
  requireManage(actor, g);
  const chair = input.chairMemberId ?? currentChair(group, input.date);
  if (!chair)
    throw refused(
      400,
      'chair_required',
      `the group has no chair on ${input.date}: name the chair (chairMemberId) or give a member the chair role`,
      'chairMemberId',
    );
  const problems = validateMeeting(
    { id: 'new', groupId, date: input.date, status: 'scheduled', chairPersonId: chair, attendance: [] },
    group,
  );
  if (problems.length) throw problemsError(problems);
  return ctx.db.transaction(async (tx) => {
    await lockGroup(tx, groupId);
    let row: MeetingRow;
    try {
      row = await insertMeeting(tx, {
        groupId,
        stateCode: g.stateCode,
        districtCode: g.districtCode,
        subdistrictCode: g.subdistrictCode,
        blockCode: g.blockCode,
        meetingDate: input.date,
        chairMemberId: chair,
        venue: input.venue ?? null,
        createdBy: actor.userId,
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw refused(409, 'meeting_exists', `the group already has a meeting on ${input.date}`, 'date');
      throw err;
    }
    await audit(tx, actor, 'create', 'convergence_meeting', row.id, g, { groupId, date: input.date });
    return row;
  });
}

// ---------------------------------------------------------------- agenda

export interface AgendaLineView extends AgendaLine {
  action?: { description: string; department: string; dueDate: string; status: string; officer: string | null; assignedOn: string };
  issue?: { category: string; village: string; raisedOn: string; status: string };
  subject?: AgendaSubject;
}

async function liveAgenda(db: Db, actor: Actor, c: MeetingContext): Promise<AgendaLineView[]> {
  const src = await agendaSources(db, actor, c.groupRow, { id: c.row.id, date: c.row.meetingDate });
  const lines = buildAgenda(src.inputs);
  const actions = new Map(src.actionRows.map((a) => [a.id, a]));
  return lines.map((l) => {
    const v: AgendaLineView = { ...l };
    const a = l.actionId ? actions.get(l.actionId) : undefined;
    if (a)
      v.action = {
        description: a.description,
        department: a.department,
        dueDate: a.dueDate,
        status: a.status,
        officer: a.officer,
        assignedOn: a.assignedOn,
      };
    const i = l.issueId ? src.issues.get(l.issueId) : undefined;
    if (i) v.issue = { category: i.issue.category, village: i.village, raisedOn: i.issue.raisedOn, status: i.issue.status };
    if (l.caseRef && src.subjects.has(l.caseRef)) v.subject = src.subjects.get(l.caseRef);
    else if (l.issueId) v.subject = { issueId: l.issueId };
    return v;
  });
}

/**
 * What a department sees of an agenda: its own carried-over actions, the cases on which it
 * has an action, and Bal Panchayat issues that point at no child. No links to records.
 */
function agendaForDepartment(lines: AgendaLineView[], groupActions: ActionRow[], dept: DepartmentKind | null): AgendaLineView[] {
  if (!dept) return [];
  const mine = new Set(groupActions.filter((a) => a.department === dept && a.caseRef).map((a) => a.caseRef));
  return lines
    .filter((l) =>
      l.section === 'action_taken' ? l.department === dept : l.section === 'cases' ? mine.has(l.caseRef ?? null) : !l.caseRef,
    )
    .map(({ subject: _s, ...l }) => l);
}

function agendaSubjects(lines: AgendaLineView[]) {
  return { children: lines.map((l) => l.subject?.childId), families: lines.map((l) => l.subject?.familyId) };
}

export async function meetingAgenda(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadMeeting(ctx.db, actor, id);
  const view = groupView(actor, c, istDay(ctx.now()));
  const lines = c.row.agenda ?? (c.row.status === 'cancelled' ? [] : await liveAgenda(ctx.db, actor, c));
  // The full view links each case line to its child and family; a department's view does not.
  const shown = view === 'full' ? agendaSubjects(lines as AgendaLineView[]) : {};
  await audit(ctx.db, actor, 'read', 'convergence_agenda', id, c.row, { lines: lines.length, view }, shown);
  if (view === 'full') return { meetingId: id, frozen: c.row.agenda !== null, view, lines };
  const { rows } = await actionsOfGroups(ctx.db, [c.row.groupId]);
  return {
    meetingId: id,
    frozen: c.row.agenda !== null,
    view,
    lines: agendaForDepartment(lines as AgendaLineView[], rows, actorDepartment(actor)),
  };
}

// ---------------------------------------------------------------- read

function actionView(a: ActionRow, today: string) {
  const overdue = a.status !== 'done' && a.dueDate < today;
  return {
    id: a.id,
    caseRef: a.caseRef,
    domain: a.domain,
    description: a.description,
    department: a.department,
    organisationId: a.organisationId,
    officer: a.officer,
    officerMemberId: a.officerMemberId,
    assignedOn: a.assignedOn,
    dueDate: a.dueDate,
    status: a.status,
    doneOn: a.doneOn,
    result: a.result,
    blockedReason: a.blockedReason,
    overdue,
    version: a.version,
    meetingId: a.meetingId,
    groupId: a.groupId,
  };
}

export async function readMeeting(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadMeeting(ctx.db, actor, id);
  const today = istDay(ctx.now());
  const view = groupView(actor, c, today);
  const dept = actorDepartment(actor);
  const date = c.row.meetingDate;
  const marks = new Map(c.meeting.attendance.map((a) => [a.personId, a.present]));
  const seated = membersOn(c.group, date);
  const byId = new Map(c.members.map((m) => [m.id, m]));
  const { rows: groupActions } = await actionsOfGroups(ctx.db, [c.row.groupId]);
  const discussions = await discussionsOf(ctx.db, [id]);
  const meetingActions = groupActions.filter((a) => a.meetingId === id);
  const sharedCases = new Set(groupActions.filter((a) => a.department === dept && a.caseRef).map((a) => a.caseRef));
  const visibleAction = (a: ActionRow) => view === 'full' || a.department === dept || (a.caseRef !== null && sharedCases.has(a.caseRef));
  const agenda = c.row.agenda ?? (c.row.status === 'cancelled' ? [] : await liveAgenda(ctx.db, actor, c));
  const chair = c.row.chairMemberId ? byId.get(c.row.chairMemberId) : undefined;
  const result = {
    id: c.row.id,
    view,
    group: { id: c.groupRow.id, name: c.groupRow.name, level: c.groupRow.level },
    date,
    status: c.row.status,
    venue: c.row.venue,
    chair: chair ? { memberId: chair.id, name: chair.name, designation: chair.designation, department: chair.department } : null,
    minutes: c.row.minutes,
    heldAt: c.row.heldAt,
    minutedAt: c.row.minutedAt,
    noteSentAt: c.row.noteSentAt,
    cancelReason: c.row.cancelReason,
    guests: c.row.guests,
    version: c.row.version,
    attendance: seated.map((m) => ({
      memberId: m.personId,
      name: m.name,
      designation: m.designation ?? null,
      department: m.department,
      roles: m.roles,
      present: marks.has(m.personId) ? marks.get(m.personId)! : null,
    })),
    departments:
      c.row.status === 'held'
        ? departmentPresence(c.group, c.meeting)
        : representedDepartments(c.group, date).map((d) => ({ department: d, present: null, attendees: [] })),
    agenda: view === 'full' ? agenda : agendaForDepartment(agenda as AgendaLineView[], groupActions, dept),
    discussions: discussions
      .map((d) => ({
        id: d.id,
        caseRef: d.caseRef,
        decision: d.decision,
        issueId: d.issueId,
        ...(view === 'full' ? { subject: { caseId: d.caseId, familyId: d.familyId, childId: d.childId, issueId: d.issueId } } : {}),
        actions: meetingActions.filter((a) => a.discussionId === d.id && visibleAction(a)).map((a) => actionView(a, today)),
      }))
      .filter((d) => view === 'full' || d.actions.length > 0),
    actions: meetingActions.filter(visibleAction).map((a) => actionView(a, today)),
  };
  const shown = view === 'full' ? agendaSubjects(agenda as AgendaLineView[]) : { children: [], families: [] };
  await audit(
    ctx.db,
    actor,
    'read',
    'convergence_meeting',
    id,
    c.row,
    { view, actions: result.actions.map((a) => a.id) },
    {
      children: [...shown.children, ...(view === 'full' ? discussions.map((d) => d.childId) : [])],
      families: [...shown.families, ...(view === 'full' ? discussions.map((d) => d.familyId) : [])],
    },
  );
  return result;
}

export async function listMeetings(ctx: AppContext, actor: Actor, groupId: string) {
  convergenceView(actor);
  const { row } = await loadGroup(ctx.db, actor, groupId);
  const rows = await ctx.db
    .select()
    .from(convergenceMeeting)
    .where(and(eq(convergenceMeeting.groupId, row.id), jurisdictionWhere(actor, convergenceMeeting)));
  return {
    items: rows
      .sort((a, b) => b.meetingDate.localeCompare(a.meetingDate))
      .map((m) => ({ id: m.id, date: m.meetingDate, status: m.status, minuted: !!m.minutedAt, noteSent: !!m.noteSentAt })),
  };
}

// ---------------------------------------------------------------- attendance and holding

function checkMarks(c: MeetingContext, marks: { memberId: string }[], field: string) {
  const seated = new Set(membersOn(c.group, c.row.meetingDate).map((m) => m.personId));
  const seen = new Set<string>();
  marks.forEach((m, i) => {
    if (!seated.has(m.memberId))
      throw refused(
        400,
        'attendee_not_member',
        'not a member of the group on the meeting date; record them as a guest',
        `${field}[${i}].memberId`,
      );
    if (seen.has(m.memberId)) throw refused(400, 'duplicate_attendance', 'marked twice', `${field}[${i}].memberId`);
    seen.add(m.memberId);
  });
}

const guestsOf = (g: HoldInput['guests']): MeetingGuest[] | undefined =>
  g?.map((x) => ({ name: x.name, department: x.department, note: x.note }));

export async function recordAttendance(ctx: AppContext, actor: Actor, id: string, input: AttendanceInput) {
  const c = await loadMeeting(ctx.db, actor, id);
  requireManage(actor, c.groupRow);
  checkMarks(c, input.attendance, 'attendance');
  return ctx.db.transaction(async (tx) => {
    const row = (await lockMeeting(tx, id))!;
    if (row.status === 'cancelled') throw refused(409, 'meeting_cancelled', 'the meeting was cancelled');
    if (row.minutedAt) throw refused(409, 'meeting_minuted', 'the minutes are final; attendance can no longer change');
    await upsertAttendance(tx, id, input.attendance);
    const updated = await updateMeeting(tx, id, { ...(input.guests ? { guests: guestsOf(input.guests) } : {}), version: row.version + 1 });
    await audit(tx, actor, 'update', 'convergence_meeting', id, c.row, { attendance: input.attendance.length });
    return { id, version: updated.version, marked: input.attendance.length };
  });
}

/**
 * The meeting took place: the chair and attendance are recorded (members not marked are
 * absent), the agenda is frozen as it stood, and the Bal Panchayat issues on it move to
 * 'on_agenda'. Refused without a chair, with the chair absent, or for a future date.
 */
export async function holdMeeting(ctx: AppContext, actor: Actor, id: string, input: HoldInput) {
  const c = await loadMeeting(ctx.db, actor, id);
  requireManage(actor, c.groupRow);
  const today = istDay(ctx.now());
  if (input.attendance) checkMarks(c, input.attendance, 'attendance');
  return ctx.db.transaction(async (tx) => {
    const row = (await lockMeeting(tx, id))!;
    if (row.status !== 'scheduled')
      throw refused(409, row.status === 'held' ? 'meeting_already_held' : 'meeting_cancelled', `the meeting is ${row.status}`);
    if (row.meetingDate > today)
      throw refused(409, 'meeting_in_future', `the meeting is dated ${row.meetingDate}; it cannot be held before then`);
    const chair = input.chairMemberId ?? row.chairMemberId ?? currentChair(c.group, row.meetingDate);
    if (!chair) throw refused(400, 'chair_required', 'a meeting needs a chair', 'chairMemberId');
    const marks = new Map((await attendanceOf(tx, id)).map((a) => [a.memberId, a.present]));
    for (const m of input.attendance ?? []) marks.set(m.memberId, m.present);
    for (const m of membersOn(c.group, row.meetingDate)) if (!marks.has(m.personId)) marks.set(m.personId, false);
    const meeting: Meeting = {
      ...c.meeting,
      status: 'held',
      chairPersonId: chair,
      attendance: [...marks.entries()].map(([personId, present]) => ({ personId, present })),
    };
    const problems = validateMeeting(meeting, c.group);
    if (problems.length) throw problemsError(problems);
    await upsertAttendance(
      tx,
      id,
      meeting.attendance.map((a) => ({ memberId: a.personId, present: a.present })),
    );
    const agenda = await liveAgenda(tx, actor, { ...c, row, meeting });
    const issueIds = agenda.filter((l) => l.issueId).map((l) => l.issueId!);
    if (issueIds.length) {
      await tx
        .update(balPanchayatIssue)
        .set({ status: 'on_agenda', updatedAt: new Date() })
        .where(and(inArray(balPanchayatIssue.id, issueIds), ne(balPanchayatIssue.status, 'resolved')));
    }
    const updated = await updateMeeting(tx, id, {
      status: 'held',
      chairMemberId: chair,
      agenda,
      heldAt: ctx.now(),
      version: row.version + 1,
      ...(input.guests ? { guests: guestsOf(input.guests) } : {}),
    });
    await audit(tx, actor, 'update', 'convergence_meeting', id, c.row, {
      event: 'held',
      present: meeting.attendance.filter((a) => a.present).length,
      agendaLines: agenda.length,
    });
    return { id, status: updated.status, version: updated.version, agenda };
  });
}

export async function cancelMeeting(ctx: AppContext, actor: Actor, id: string, reason: string) {
  const c = await loadMeeting(ctx.db, actor, id);
  requireManage(actor, c.groupRow);
  return ctx.db.transaction(async (tx) => {
    const row = (await lockMeeting(tx, id))!;
    if (row.status !== 'scheduled')
      throw refused(409, 'meeting_not_scheduled', `only a scheduled meeting can be cancelled (this one is ${row.status})`);
    const updated = await updateMeeting(tx, id, { status: 'cancelled', cancelReason: reason, version: row.version + 1 });
    await audit(tx, actor, 'update', 'convergence_meeting', id, c.row, { event: 'cancelled' });
    return { id, status: updated.status, version: updated.version };
  });
}

// ---------------------------------------------------------------- decisions and actions

export interface Subject {
  caseRef: string | null;
  caseId: string | null;
  familyId: string | null;
  childId: string | null;
  issueId: string | null;
}

/** Resolves what was discussed (or what an action raised between meetings is about), inside the actor's access and the group's area. */
export async function resolveSubject(
  db: Db,
  actor: Actor,
  g: GroupRow,
  input: Pick<DiscussionInput, 'caseId' | 'familyId' | 'childId' | 'issueId'>,
): Promise<Subject> {
  const inArea = (p: { districtCode: number; blockCode: number | null }) =>
    p.districtCode === g.districtCode && (g.level === 'district' || p.blockCode === g.blockCode);
  let s: Subject = { caseRef: null, caseId: null, familyId: null, childId: null, issueId: input.issueId ?? null };
  if (input.issueId) {
    const [i] = await db
      .select()
      .from(balPanchayatIssue)
      .where(and(eq(balPanchayatIssue.id, input.issueId), jurisdictionWhere(actor, balPanchayatIssue)));
    if (!i || !inArea(i)) throw badRequest('issueId', "no such Bal Panchayat issue in this group's area");
    s = { ...s, familyId: i.familyId, childId: i.childId };
  }
  if (input.caseId) {
    const [k] = await db
      .select({
        number: caseRecord.number,
        familyId: caseRecord.familyId,
        childId: caseRecord.childId,
        districtCode: caseRecord.districtCode,
        blockCode: caseRecord.blockCode,
      })
      .from(caseRecord)
      .where(and(eq(caseRecord.id, input.caseId), caseVisibleWhere(actor)));
    if (!k || !inArea(k)) throw badRequest('caseId', "no such case in this group's area");
    return { ...s, caseId: input.caseId, familyId: k.familyId, childId: k.childId, caseRef: subjectRef({ caseNumber: k.number }) };
  }
  if (input.familyId) {
    const [f] = await db
      .select({ id: family.id, districtCode: family.districtCode, blockCode: family.blockCode })
      .from(family)
      .where(and(eq(family.id, input.familyId), jurisdictionWhere(actor, family)));
    if (!f || !inArea(f)) throw badRequest('familyId', "no such family in this group's area");
    s = { ...s, familyId: f.id };
  } else if (input.childId) {
    const [k] = await db
      .select({ id: child.id, familyId: child.familyId, districtCode: child.districtCode, blockCode: child.blockCode })
      .from(child)
      .where(and(eq(child.id, input.childId), jurisdictionWhere(actor, child)));
    if (!k || !inArea(k)) throw badRequest('childId', "no such child in this group's area");
    s = { ...s, childId: k.id, familyId: k.familyId };
  }
  // An open case on the child or family gives the reference the case module uses.
  if (s.childId || s.familyId) {
    const [open] = await db
      .select({ id: caseRecord.id, number: caseRecord.number })
      .from(caseRecord)
      .where(
        and(
          s.childId ? eq(caseRecord.childId, s.childId) : eq(caseRecord.familyId, s.familyId!),
          ne(caseRecord.status, 'closed'),
          caseVisibleWhere(actor),
        ),
      )
      .limit(1);
    if (open) return { ...s, caseId: open.id, caseRef: subjectRef({ caseNumber: open.number }) };
  }
  return { ...s, caseRef: subjectRef({ familyId: s.familyId, childId: s.childId, issueId: s.issueId }) };
}

/**
 * A case (or family, child, Bal Panchayat issue, or nothing: a general matter) discussed,
 * the decision, and the actions assigned. All or nothing: one refused action writes none.
 */
export async function addDiscussion(ctx: AppContext, actor: Actor, meetingId: string, input: DiscussionInput) {
  const c = await loadMeeting(ctx.db, actor, meetingId);
  requireManage(actor, c.groupRow);
  const today = istDay(ctx.now());
  const subject = await resolveSubject(ctx.db, actor, c.groupRow, input);
  const matrix = (await currentMatrix(ctx.db, c.groupRow.stateCode)).matrix;
  const orgIds = [...new Set(input.actions.map((a) => a.organisationId).filter((x): x is string => !!x))];
  const orgs = orgIds.length ? await ctx.db.select().from(organisation).where(inArray(organisation.id, orgIds)) : [];
  const byId = new Map(c.members.map((m) => [m.id, m]));
  const drafts = input.actions.map((a, i) => {
    const field = `actions[${i}]`;
    const made = createAction(
      {
        id: `draft-${i}`,
        description: a.description,
        department: a.department,
        dueDate: a.dueDate,
        domain: a.domain,
        caseRef: subject.caseRef ?? undefined,
        officer: a.officer,
      },
      c.group,
      c.meeting,
    );
    if (!made.ok) throw problemsError(made.problems, 400, `${field}.`);
    if (a.dueDate < today)
      throw refused(400, 'due_date_past', `due date ${a.dueDate} is already past (today is ${today})`, `${field}.dueDate`);
    let officer = a.officer ?? null;
    if (a.officerMemberId) {
      const m = byId.get(a.officerMemberId);
      if (!m || m.department !== a.department || !membersOn(c.group, c.row.meetingDate).some((x) => x.personId === m.id)) {
        throw refused(
          400,
          'officer_not_member',
          `the officer must be a member of the group from ${a.department}`,
          `${field}.officerMemberId`,
        );
      }
      officer ??= [m.name, m.designation].filter(Boolean).join(', ');
    }
    let organisationId = a.organisationId ?? null;
    if (organisationId) {
      const o = orgs.find((x) => x.id === organisationId);
      if (!o || o.kind !== a.department)
        throw refused(400, 'organisation_not_department', `the organisation must be one of ${a.department}`, `${field}.organisationId`);
    } else if (a.officerMemberId && a.department === 'NGO') organisationId = byId.get(a.officerMemberId)!.organisationId;
    const suggested = a.domain ? suggestDepartments(matrix, a.domain, c.groupRow.level) : [];
    return { input: a, officer, organisationId, suggested };
  });
  const result = await ctx.db.transaction(async (tx) => {
    const row = (await lockMeeting(tx, meetingId))!;
    if (row.status !== 'held') throw refused(409, 'meeting_not_held', 'decisions are recorded for a held meeting (hold it first)');
    if (row.minutedAt) throw refused(409, 'meeting_minuted', 'the minutes are final; record this at the next meeting');
    const d = await insertDiscussion(tx, {
      meetingId,
      groupId: c.groupRow.id,
      stateCode: c.groupRow.stateCode,
      districtCode: c.groupRow.districtCode,
      blockCode: c.groupRow.blockCode,
      caseRef: subject.caseRef,
      caseId: subject.caseId,
      familyId: subject.familyId,
      childId: subject.childId,
      issueId: subject.issueId,
      decision: input.decision,
      createdBy: actor.userId,
    });
    const actions = await insertActions(
      tx,
      drafts.map((x) => ({
        groupId: c.groupRow.id,
        meetingId,
        discussionId: d.id,
        stateCode: c.groupRow.stateCode,
        districtCode: c.groupRow.districtCode,
        blockCode: c.groupRow.blockCode,
        caseRef: subject.caseRef,
        caseId: subject.caseId,
        familyId: subject.familyId,
        childId: subject.childId,
        issueId: subject.issueId,
        domain: x.input.domain ?? null,
        description: x.input.description.trim(),
        department: x.input.department,
        organisationId: x.organisationId,
        officerMemberId: x.input.officerMemberId ?? null,
        officer: x.officer,
        assignedOn: row.meetingDate,
        dueDate: x.input.dueDate,
        createdBy: actor.userId,
      })),
    );
    if (subject.issueId) {
      await tx
        .update(balPanchayatIssue)
        .set({ status: 'on_agenda', updatedAt: new Date() })
        .where(and(eq(balPanchayatIssue.id, subject.issueId), ne(balPanchayatIssue.status, 'resolved')));
    }
    await audit(
      tx,
      actor,
      'create',
      'convergence_discussion',
      d.id,
      c.groupRow,
      {
        meetingId,
        caseId: subject.caseId,
        familyId: subject.familyId,
        childId: subject.childId,
        issueId: subject.issueId,
        actions: actions.map((a) => a.id),
      },
      { children: [subject.childId], families: [subject.familyId] },
    );
    return { d, actions };
  });
  return {
    id: result.d.id,
    caseRef: result.d.caseRef,
    decision: result.d.decision,
    subject: { caseId: subject.caseId, familyId: subject.familyId, childId: subject.childId, issueId: subject.issueId },
    actions: result.actions.map((a, i) => ({
      ...actionView(a, today),
      suggestedDepartments: drafts[i].suggested,
      matrixSuggested: drafts[i].suggested.length === 0 || drafts[i].suggested.includes(a.department as DepartmentKind),
    })),
  };
}

/** The minutes are final; the group's next meeting is scheduled if none is yet. */
export async function minuteMeeting(ctx: AppContext, actor: Actor, id: string, minutes: string) {
  const c = await loadMeeting(ctx.db, actor, id);
  requireManage(actor, c.groupRow);
  return ctx.db.transaction(async (tx) => {
    const row = (await lockMeeting(tx, id))!;
    if (row.status !== 'held') throw refused(409, 'meeting_not_held', 'minutes are written for a held meeting');
    if (row.minutedAt) throw refused(409, 'meeting_minuted', 'the minutes are already final');
    const updated = await updateMeeting(tx, id, { minutes, minutedAt: ctx.now(), version: row.version + 1 });
    const [later] = await tx
      .select({ id: convergenceMeeting.id, date: convergenceMeeting.meetingDate })
      .from(convergenceMeeting)
      .where(
        and(
          eq(convergenceMeeting.groupId, row.groupId),
          gt(convergenceMeeting.meetingDate, row.meetingDate),
          ne(convergenceMeeting.status, 'cancelled'),
        ),
      )
      .limit(1);
    let next = later ? { id: later.id, date: later.date, created: false } : null;
    if (!next) {
      const date = nextMeetingDate(row.meetingDate, c.groupRow.meetingFrequency, c.groupRow.meetingDay ?? undefined);
      const chair = currentChair(c.group, date);
      const m = await insertMeeting(tx, {
        groupId: row.groupId,
        stateCode: row.stateCode,
        districtCode: row.districtCode,
        subdistrictCode: row.subdistrictCode,
        blockCode: row.blockCode,
        meetingDate: date,
        chairMemberId: chair,
        venue: row.venue,
        createdBy: actor.userId,
      });
      next = { id: m.id, date, created: true };
    }
    await audit(tx, actor, 'update', 'convergence_meeting', id, c.row, { event: 'minuted', nextMeetingId: next.id });
    return { id, status: updated.status, minutedAt: updated.minutedAt, version: updated.version, nextMeeting: next };
  });
}

// ---------------------------------------------------------------- division-of-labour note

/** The note a reader may see: the full note (chair, secretary, full-view roles) or their department's. */
export async function meetingNote(
  ctx: AppContext,
  actor: Actor,
  id: string,
  department?: DepartmentKind,
): Promise<{ note: RecipientNote; c: MeetingContext }> {
  const c = await loadMeeting(ctx.db, actor, id);
  const view = groupView(actor, c, istDay(ctx.now()));
  const own = actorDepartment(actor);
  if (view === 'department') {
    if (!own) throw new HttpError(403, 'forbidden', 'Your organisation is not a department of the convergence group');
    if (department && department !== own)
      throw new HttpError(403, 'not_own_department', `You may read the note for ${own} only (JJ Act 2015 s.74)`);
  }
  const { rows, items } = await actionsOfGroups(ctx.db, [c.row.groupId]);
  const built = buildDivisionOfLabourNote({ group: c.group, meeting: c.meeting, actions: items, cases: [] });
  if (!built.ok) {
    const p = built.problems[0];
    throw refused(409, p.code, built.problems.map((x) => x.message).join('; '));
  }
  const cut: DepartmentKind | null = view === 'department' ? own! : (department ?? null);
  // The cases this recipient's copy shows: a department's own cases, or all of them.
  const caseRefs = new Set(built.value.entries.filter((e) => e.caseRef && (!cut || e.department === cut)).map((e) => e.caseRef!));
  const names = mayName(actor, cut ? 'department' : 'full');
  const { cases, named } = await noteIdentities(ctx.db, actor, rows, caseRefs, c.row.meetingDate, names);
  const full = { ...built.value, cases: Object.fromEntries(cases.map((x) => [x.caseRef, x])) };
  const note = cut ? noteForDepartment(full, cut, { names }) : fullNote(full, own ?? 'DCPU', { names });
  await audit(
    ctx.db,
    actor,
    'read',
    'convergence_note',
    id,
    c.row,
    {
      scope: note.scope.kind,
      department: note.scope.department,
      lines: note.sections.reduce((n, s) => n + s.lines.length, 0),
      children: named,
    },
    { children: named },
  );
  return { note, c };
}

export async function meetingNotePdf(ctx: AppContext, actor: Actor, id: string, lang: Lang, department?: DepartmentKind) {
  const { note } = await meetingNote(ctx, actor, id, department);
  const body = await divisionOfLabourPdf(note, lang);
  const who = note.scope.kind === 'full' ? 'full' : note.scope.department.toLowerCase();
  return { body, filename: `division-of-labour-${note.meeting.date}-${who}-${lang}.pdf` };
}

/**
 * Sends the note: one message per seat of each department with an action in it (its
 * department's cut), and to the chair and the secretary (the full note), through the
 * outbox. Sending twice queues nothing new.
 */
export async function sendNote(ctx: AppContext, actor: Actor, id: string) {
  const c = await loadMeeting(ctx.db, actor, id);
  requireManage(actor, c.groupRow);
  const { items } = await actionsOfGroups(ctx.db, [c.row.groupId]);
  const built = buildDivisionOfLabourNote({ group: c.group, meeting: c.meeting, actions: items, cases: [] });
  if (!built.ok) throw refused(409, built.problems[0].code, built.problems.map((x) => x.message).join('; '));
  const note = built.value;
  const date = c.row.meetingDate;
  const seated = new Set(membersOn(c.group, date).map((m) => m.personId));
  const members = c.members.filter((m) => seated.has(m.id));
  const langs = await languagesOf(
    ctx.db,
    members.map((m) => m.userId).filter((x): x is string => !!x),
  );
  const counts = new Map<DepartmentKind, number>();
  for (const e of note.entries) counts.set(e.department, (counts.get(e.department) ?? 0) + 1);
  const messages: QueuedMessage[] = [];
  const place = { stateCode: c.groupRow.stateCode, districtCode: c.groupRow.districtCode };
  for (const m of members) {
    const lang = (m.userId && langs.get(m.userId)) || 'en';
    const full = m.roles.includes('chair') || m.roles.includes('secretary');
    const dept = m.department as DepartmentKind;
    if (!full && !counts.has(dept)) continue;
    const count = full ? note.entries.length : counts.get(dept)!;
    const msg = noteMessage({ group: c.groupRow.name, date, count, department: full ? null : dept }, lang);
    messages.push({
      dedupeKey: `conv.note:${id}:${m.id}`,
      kind: 'convergence.note',
      recipient: m,
      ...msg,
      payload: { meetingId: id, department: full ? null : dept, actions: count, lang },
      place,
      inApp: { message: msg.subject, ref: `meeting:${id}` },
    });
  }
  return ctx.db.transaction(async (tx) => {
    const queued = await queueMessages(tx, messages, ctx.now());
    if (!c.row.noteSentAt) await updateMeeting(tx, id, { noteSentAt: ctx.now() });
    await audit(tx, actor, 'send', 'convergence_note', id, c.row, { queued, recipients: messages.length });
    return { meetingId: id, queued, recipients: messages.length, departments: [...counts.keys()] };
  });
}
