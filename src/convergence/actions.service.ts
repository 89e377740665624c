import { and, eq, inArray, lt, ne, sql, type SQL } from 'drizzle-orm';
import type { AppContext } from '../http/context';
import type { Db } from '../db/client';
import { can, covers, requirePermission, type Actor } from '../access/policy';
import { HttpError, conflict, notFound } from '../http/errors';
import { audit } from '../audit/audit.service';
import { organisation } from '../users/users.schema';
import {
  actionState,
  allowedEvents,
  applyActionEvent,
  daysOverdue,
  membersOn,
  raiseActionBetweenMeetings,
  type ActionEvent,
  type DepartmentKind,
  type Actor as DomainActor,
} from './domain';
import { actionInJurisdiction, actionVisible, actorDepartment, convergenceView, ownDepartmentAction } from './convergence.access';
import { convergenceAction, convergenceGroup, convergenceMeeting, convergenceMember } from './convergence.schema';
import { istDay } from './convergence.time';
import {
  countActions,
  eventsOf,
  getAction,
  insertActions,
  insertEvent,
  listActions,
  lockAction,
  toDomainAction,
  updateActionProjection,
  type ActionRow,
} from './actions.repository';
import { membersOf, toDomainGroup } from './groups.repository';
import { loadGroup, placeOfGroup, refused, seatOf } from './groups.service';
import { resolveSubject } from './meetings.service';
import type { ActionEventInput, ActionListQuery, RaiseActionInput } from './convergence.model';

function actionListItem(a: ActionRow, today: string, names: Map<string, { group: string; meetingDate: string | null }>) {
  const item = toDomainAction(a, []);
  const overdueDays = a.status === 'done' ? 0 : daysOverdue({ ...item, events: [] }, today);
  return {
    id: a.id,
    groupId: a.groupId,
    group: names.get(a.id)?.group ?? null,
    meetingId: a.meetingId,
    /** The assigning meeting's date; null for an item raised between meetings (see raisedOn). */
    meetingDate: a.meetingId ? (names.get(a.id)?.meetingDate ?? a.assignedOn) : null,
    raisedOn: a.raisedOn,
    caseRef: a.caseRef,
    domain: a.domain,
    description: a.description,
    department: a.department,
    organisationId: a.organisationId,
    officer: a.officer,
    assignedOn: a.assignedOn,
    dueDate: a.dueDate,
    status: a.status,
    doneOn: a.doneOn,
    result: a.result,
    blockedReason: a.blockedReason,
    overdue: overdueDays > 0,
    daysOverdue: overdueDays,
    version: a.version,
  };
}

async function namesOf(ctx: Pick<AppContext, 'db'>, rows: ActionRow[]) {
  if (!rows.length) return new Map<string, { group: string; meetingDate: string | null }>();
  const meta = await ctx.db
    .select({ id: convergenceAction.id, group: convergenceGroup.name, meetingDate: convergenceMeeting.meetingDate })
    .from(convergenceAction)
    .innerJoin(convergenceGroup, eq(convergenceGroup.id, convergenceAction.groupId))
    .leftJoin(convergenceMeeting, eq(convergenceMeeting.id, convergenceAction.meetingId))
    .where(
      inArray(
        convergenceAction.id,
        rows.map((r) => r.id),
      ),
    );
  return new Map(meta.map((m) => [m.id, { group: m.group, meetingDate: m.meetingDate }]));
}

/** `idsIn`: only items whose id is in this subquery (the records behind a dashboard figure, src/dashboards/lists.service.ts). */
export async function listActionsFor(ctx: AppContext, actor: Actor, q: ActionListQuery & { idsIn?: SQL }) {
  const view = convergenceView(actor);
  const today = istDay(ctx.now());
  const conds: (SQL | undefined)[] = [actionVisible(actor)];
  if (q.groupId) conds.push(eq(convergenceAction.groupId, q.groupId));
  if (q.meetingId) conds.push(eq(convergenceAction.meetingId, q.meetingId));
  if (q.department) conds.push(eq(convergenceAction.department, q.department));
  if (q.status) conds.push(eq(convergenceAction.status, q.status));
  if (q.familyId) conds.push(eq(convergenceAction.familyId, q.familyId));
  if (q.overdue === true) conds.push(ne(convergenceAction.status, 'done'), lt(convergenceAction.dueDate, today));
  if (q.mine) conds.push(ownDepartmentAction(actor));
  if (q.idsIn) conds.push(sql`${convergenceAction.id} IN (${q.idsIn})`);
  const where = and(...conds)!;
  const [rows, total] = await Promise.all([listActions(ctx.db, where, q.pageSize, (q.page - 1) * q.pageSize), countActions(ctx.db, where)]);
  const names = await namesOf(ctx, rows);
  await audit(
    ctx.db,
    actor,
    'list',
    'convergence_action',
    null,
    null,
    { ids: rows.map((r) => r.id), total },
    { children: rows.map((r) => r.childId), families: rows.map((r) => r.familyId) },
  );
  return {
    items: rows.map((r) => actionListItem(r, today, names)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    view,
    department: actorDepartment(actor),
  };
}

/** The group, the actor's seat and whether the actor may update the action (and why not). */
async function updateRight(ctx: AppContext, actor: Actor, a: ActionRow, on: string) {
  const [g] = await ctx.db.select().from(convergenceGroup).where(eq(convergenceGroup.id, a.groupId));
  const members = await membersOf(ctx.db, [a.groupId]);
  const group = toDomainGroup(g, members);
  const { seat, roles } = seatOf(group, members, actor, on);
  const officer = roles.includes('chair') || roles.includes('secretary');
  const dept = actorDepartment(actor);
  const domainActor: DomainActor = {
    personId: seat?.id ?? `user:${actor.userId}`,
    // An organisation outside the Matrix's departments can only act through a chair or secretary seat.
    department: (dept ?? 'NONE') as DepartmentKind,
  };
  let denied: string | null = null;
  if (!can(actor, 'convergence.act')) denied = `Your role (${actor.role}) may not update action items (needs convergence.act)`;
  else if (!officer && dept !== a.department)
    denied = `Only ${a.department} (the assigned department) or the group's chair or secretary may update this action`;
  else if (!officer && a.organisationId && a.organisationId !== actor.organisationId)
    denied = 'This action is assigned to another organisation of that department';
  return { group, domainActor, officer, denied };
}

export async function readAction(ctx: AppContext, actor: Actor, id: string) {
  convergenceView(actor);
  const a = await getAction(ctx.db, and(eq(convergenceAction.id, id), actionVisible(actor))!);
  if (!a) throw notFound('Action');
  const today = istDay(ctx.now());
  const events = await eventsOf(ctx.db, [id]);
  const names = await namesOf(ctx, [a]);
  const right = await updateRight(ctx, actor, a, today);
  const members = new Map(
    (
      await ctx.db
        .select({ id: convergenceMember.id, name: convergenceMember.name, department: convergenceMember.department })
        .from(convergenceMember)
        .where(eq(convergenceMember.groupId, a.groupId))
    ).map((m) => [m.id, m]),
  );
  await audit(
    ctx.db,
    actor,
    'read',
    'convergence_action',
    id,
    a,
    { familyId: a.familyId, childId: a.childId },
    { children: [a.childId], families: [a.familyId] },
  );
  return {
    ...actionListItem(a, today, names),
    events: events.map((e) => ({
      seq: e.seq,
      type: e.type,
      on: e.eventOn,
      text: e.text,
      recordedAt: e.recordedAt,
      by: members.get(e.byPerson)
        ? { name: members.get(e.byPerson)!.name, department: members.get(e.byPerson)!.department }
        : { name: null, department: null },
    })),
    allowedEvents: allowedEvents(actionState(toDomainAction(a, events)).status),
    canUpdate: right.denied === null,
  };
}

/**
 * A department reports on its action: done (with the result), blocked (with why), or a
 * reopening. Only the assigned department's users (convergence.act) or the group's chair or
 * secretary; the event is appended and the status projection recomputed in one transaction.
 */
export async function recordActionEvent(ctx: AppContext, actor: Actor, id: string, input: ActionEventInput) {
  requirePermission(actor, 'convergence.act');
  const a = await getAction(ctx.db, and(eq(convergenceAction.id, id), actionInJurisdiction(actor))!);
  if (!a) throw notFound('Action');
  const today = istDay(ctx.now());
  const on = input.on ?? today;
  if (on > today)
    throw new HttpError(400, 'date_in_future', `on: ${on} is in the future`, [{ field: 'on', message: 'must not be in the future' }]);
  const right = await updateRight(ctx, actor, a, on);
  if (right.denied) throw new HttpError(403, 'not_assigned_department', right.denied);
  return ctx.db.transaction(async (tx) => {
    const row = (await lockAction(tx, id))!;
    if (input.version !== undefined && input.version !== row.version) {
      throw conflict(`Someone else updated this action (now version ${row.version}, you saw version ${input.version})`, {
        version: row.version,
        status: row.status,
      });
    }
    const events = await eventsOf(tx, [id]);
    const item = toDomainAction(row, events);
    const event: ActionEvent =
      input.type === 'complete'
        ? { type: 'complete', on, by: right.domainActor.personId, result: input.result }
        : { type: input.type, on, by: right.domainActor.personId, reason: input.reason };
    const applied = applyActionEvent(item, event, right.domainActor, right.group);
    if (!applied.ok) {
      const p = applied.problems[0];
      const status = p.code === 'not_assigned_department' ? 403 : p.code === 'invalid_transition' ? 409 : 400;
      throw new HttpError(
        status,
        p.code,
        applied.problems.map((x) => x.message).join('; '),
        applied.problems.filter((x) => x.path).map((x) => ({ field: x.path!, message: x.message })),
      );
    }
    await insertEvent(tx, {
      actionId: id,
      seq: events.length + 1,
      type: event.type,
      eventOn: on,
      byPerson: event.by,
      byUserId: actor.userId,
      text: event.type === 'complete' ? event.result : event.reason,
      stateCode: row.stateCode,
      districtCode: row.districtCode,
    });
    const state = actionState(applied.value);
    const updated = await updateActionProjection(tx, id, {
      status: state.status,
      doneOn: state.doneOn ?? null,
      result: state.result ?? null,
      blockedReason: state.blockedReason ?? null,
      lastEventOn: on,
      version: row.version + 1,
    });
    await audit(
      tx,
      actor,
      'update',
      'convergence_action',
      id,
      row,
      { event: event.type, status: state.status, familyId: row.familyId, childId: row.childId },
      { children: [row.childId], families: [row.familyId] },
    );
    const names = await namesOf({ ...ctx, db: tx }, [updated]);
    return actionListItem(updated, today, names);
  });
}

export interface RaiseActionOptions {
  /** Today in India (the day the item is raised and assigned). */
  today: string;
  /**
   * Raised by another module on the actor's behalf after checking its own permission (the
   * schemes module's document follow-up needs schemes.write); recorded in the audit entry.
   * Without it, the actor needs convergence.manage over the group's area, or a chair or
   * secretary seat in the group. `foster_approval_lapse`: the care module's daily sweep
   * (src/care/foster-lapse.service.ts), a family's approval lapsed with a child still placed.
   */
  source?: 'document_request' | 'foster_approval_lapse';
}

/**
 * An action item raised between meetings: assigned to a department represented in the group
 * today, due today or later (the same refusals as in a meeting: `department_not_represented`,
 * `due_date_past`), with no meeting (`meeting_id` null) and `raised_on` = `assigned_on` =
 * today. It comes up on the group's next meeting agenda (`agenda.sources.ts`), counts in
 * accountability from today, and the department updates it like any action. Run it inside
 * the caller's transaction (it writes the action and the audit entry).
 */
export async function raiseAction(db: Db, actor: Actor, groupId: string, input: RaiseActionInput, opts: RaiseActionOptions) {
  const { today } = opts;
  const { row: g, members, group } = await loadGroup(db, actor, groupId);
  if (!opts.source) {
    const { roles } = seatOf(group, members, actor, today);
    const officer = roles.includes('chair') || roles.includes('secretary');
    if (!officer && !(can(actor, 'convergence.manage') && covers(actor.scope, placeOfGroup(g)))) {
      throw new HttpError(
        403,
        'forbidden',
        `Only a convergence manager of ${g.name}'s area or its chair or secretary may raise an action item between meetings`,
      );
    }
  }
  const subject = await resolveSubject(db, actor, g, { caseId: input.caseId, familyId: input.familyId, childId: input.childId });
  const made = raiseActionBetweenMeetings(
    {
      id: 'draft',
      description: input.description,
      department: input.department,
      dueDate: input.dueDate,
      domain: input.domain,
      caseRef: subject.caseRef ?? undefined,
      officer: input.officer,
    },
    group,
    today,
  );
  if (!made.ok) {
    const p = made.problems[0];
    throw new HttpError(
      400,
      p.code,
      made.problems.map((x) => x.message).join('; '),
      made.problems.map((x) => ({ field: x.path ?? 'body', message: x.message })),
    );
  }
  let officer = input.officer ?? null;
  if (input.officerMemberId) {
    const m = members.find((x) => x.id === input.officerMemberId);
    if (!m || m.department !== input.department || !membersOn(group, today).some((x) => x.personId === m.id)) {
      throw refused(400, 'officer_not_member', `the officer must be a member of the group from ${input.department}`, 'officerMemberId');
    }
    officer ??= [m.name, m.designation].filter(Boolean).join(', ');
  }
  let organisationId = input.organisationId ?? null;
  if (organisationId) {
    const [o] = await db
      .select({ kind: organisation.kind, stateCode: organisation.stateCode, districtCode: organisation.districtCode })
      .from(organisation)
      .where(eq(organisation.id, organisationId));
    if (!o || o.kind !== input.department)
      throw refused(400, 'organisation_not_department', `the organisation must be one of ${input.department}`, 'organisationId');
    // As for a member's seat: the office must work in the group's area.
    if ((o.stateCode != null && o.stateCode !== g.stateCode) || (o.districtCode != null && o.districtCode !== g.districtCode)) {
      throw refused(400, 'organisation_outside_area', 'the organisation works in another district', 'organisationId');
    }
  } else if (input.officerMemberId && input.department === 'NGO')
    organisationId = members.find((x) => x.id === input.officerMemberId)!.organisationId;
  const [row] = await insertActions(db, [
    {
      groupId: g.id,
      meetingId: null,
      discussionId: null,
      stateCode: g.stateCode,
      districtCode: g.districtCode,
      blockCode: g.blockCode,
      caseRef: subject.caseRef,
      caseId: subject.caseId,
      familyId: subject.familyId,
      childId: subject.childId,
      issueId: null,
      domain: input.domain ?? null,
      description: made.value.description,
      department: input.department,
      organisationId,
      officerMemberId: input.officerMemberId ?? null,
      officer,
      assignedOn: today,
      raisedOn: today,
      dueDate: input.dueDate,
      createdBy: actor.userId,
    },
  ]);
  await audit(
    db,
    actor,
    'create',
    'convergence_action',
    row.id,
    g,
    {
      groupId: g.id,
      between: true,
      department: input.department,
      caseId: subject.caseId,
      familyId: subject.familyId,
      childId: subject.childId,
      source: opts.source ?? 'convergence',
    },
    { children: [subject.childId], families: [subject.familyId] },
  );
  return actionListItem(row, today, await namesOf({ db }, [row]));
}
