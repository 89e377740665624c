/**
 * Action items: the responsibilities a convergence meeting assigns to departments.
 *
 * An item's status is not stored: it is derived from its append-only event list by one pure
 * function (`actionState`), so the status "as of" any past date can be recomputed for the
 * monthly accountability report, and nobody can rewrite what a department reported.
 *
 * Status machine:  open ─complete(result)→ done ─reopen(why)→ reopened
 *                  open/reopened ─block(why)→ blocked ─reopen(why)→ reopened
 *                  blocked ─complete(result)→ done
 */
import { daysBetween } from './dates';
import { representedDepartments, rolesOf, type Actor, type ConvergenceGroup, type Meeting } from './group';
import { isoDate } from '../../http/iso-date';
import { ok, refuse, type ConvergenceDomain, type DepartmentKind, type IsoDate, type Outcome, type Problem } from './types';

export const ACTION_STATUSES = ['open', 'done', 'blocked', 'reopened'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type ActionEvent =
  | { type: 'complete'; on: IsoDate; by: string; result: string }
  | { type: 'block'; on: IsoDate; by: string; reason: string }
  | { type: 'reopen'; on: IsoDate; by: string; reason: string };
export type ActionEventType = ActionEvent['type'];

export interface ActionItem {
  id: string;
  groupId: string;
  /**
   * The meeting that assigned it (its date is `assignedOn`), or null for an item raised
   * between meetings (assigned on the day it was raised; `raiseActionBetweenMeetings`).
   */
  meetingId: string | null;
  assignedOn: IsoDate;
  caseRef?: string;
  familyId?: string;
  domain?: ConvergenceDomain;
  description: string;
  department: DepartmentKind;
  /** Name/designation of the responsible officer in that department, as minuted. */
  officer?: string;
  dueDate: IsoDate;
  events: ActionEvent[];
}

export interface ActionState {
  status: ActionStatus;
  /** Date of the completion in force (cleared by a later reopen). */
  doneOn?: IsoDate;
  result?: string;
  blockedReason?: string;
  /** Why it was last reopened, while reopened. */
  reopenReason?: string;
}

const TRANSITIONS: Record<ActionStatus, Partial<Record<ActionEventType, ActionStatus>>> = {
  open: { complete: 'done', block: 'blocked' },
  reopened: { complete: 'done', block: 'blocked' },
  blocked: { complete: 'done', reopen: 'reopened' },
  done: { reopen: 'reopened' },
};

export function allowedEvents(status: ActionStatus): ActionEventType[] {
  return Object.keys(TRANSITIONS[status]) as ActionEventType[];
}

/**
 * Replays the events (those dated on or before `asOf`, when given). Events that the machine
 * does not allow are skipped, so the function is total even on imported history.
 */
export function actionState(item: Pick<ActionItem, 'events'>, asOf?: IsoDate): ActionState {
  let state: ActionState = { status: 'open' };
  for (const e of item.events) {
    if (asOf !== undefined && e.on > asOf) break;
    const next = TRANSITIONS[state.status][e.type];
    if (!next) continue;
    if (e.type === 'complete') state = { status: next, doneOn: e.on, result: e.result };
    else if (e.type === 'block') state = { status: next, blockedReason: e.reason };
    else state = { status: next, reopenReason: e.reason };
  }
  return state;
}

/** Open, blocked or reopened after its due date: due dates are inclusive, so overdue starts the day after. */
export function isOverdue(item: ActionItem, asOf: IsoDate): boolean {
  return actionState(item, asOf).status !== 'done' && item.dueDate < asOf;
}

export function daysOverdue(item: ActionItem, asOf: IsoDate): number {
  return isOverdue(item, asOf) ? daysBetween(item.dueDate, asOf) : 0;
}

export interface NewActionDraft {
  id: string;
  caseRef?: string;
  familyId?: string;
  domain?: ConvergenceDomain;
  description: string;
  department: DepartmentKind;
  officer?: string;
  dueDate: IsoDate;
}

/**
 * Checks a responsibility before it is minuted: it must go to a department that sits in
 * the group (otherwise nobody at the table has committed to it: the "unclear departmental
 * roles" the Amravati–Akola group first struggled with) and be due on or after the meeting.
 */
export function createAction(draft: NewActionDraft, group: ConvergenceGroup, meeting: Meeting): Outcome<ActionItem> {
  const problems: Problem[] = [];
  if (meeting.groupId !== group.id) problems.push({ code: 'wrong_group', message: `meeting ${meeting.id} belongs to another group` });
  if (meeting.status === 'cancelled') problems.push({ code: 'meeting_cancelled', message: 'a cancelled meeting cannot assign actions' });
  if (!draft.description.trim())
    problems.push({ code: 'description_required', message: 'describe the action to be taken', path: 'description' });
  if (!representedDepartments(group, meeting.date).includes(draft.department)) {
    problems.push({
      code: 'department_not_represented',
      message: `${draft.department} has no representative in ${group.name} on ${meeting.date}; add a member from ${draft.department} or assign a represented department`,
      path: 'department',
    });
  }
  if (!isoDate.safeParse(draft.dueDate).success)
    problems.push({ code: 'due_date_invalid', message: 'due date must be a date as YYYY-MM-DD', path: 'dueDate' });
  else if (draft.dueDate < meeting.date)
    problems.push({
      code: 'due_before_meeting',
      message: `due date ${draft.dueDate} is before the meeting date ${meeting.date}`,
      path: 'dueDate',
    });
  if (problems.length > 0) return refuse(...problems);
  return ok({
    ...draft,
    description: draft.description.trim(),
    groupId: group.id,
    meetingId: meeting.id,
    assignedOn: meeting.date,
    events: [],
  });
}

/**
 * Checks a responsibility raised between meetings (e.g. a document a caseworker needs from a
 * department): the same refusals as in a meeting — a department that sits in the group on
 * the day it is raised, a due date not in the past — and it is assigned that day, to no
 * meeting; the group takes it up at its next meeting.
 */
export function raiseActionBetweenMeetings(draft: NewActionDraft, group: ConvergenceGroup, today: IsoDate): Outcome<ActionItem> {
  const problems: Problem[] = [];
  if (!draft.description.trim())
    problems.push({ code: 'description_required', message: 'describe the action to be taken', path: 'description' });
  if (!representedDepartments(group, today).includes(draft.department)) {
    problems.push({
      code: 'department_not_represented',
      message: `${draft.department} has no representative in ${group.name} on ${today}; add a member from ${draft.department} or assign a represented department`,
      path: 'department',
    });
  }
  if (!isoDate.safeParse(draft.dueDate).success)
    problems.push({ code: 'due_date_invalid', message: 'due date must be a date as YYYY-MM-DD', path: 'dueDate' });
  else if (draft.dueDate < today)
    problems.push({ code: 'due_date_past', message: `due date ${draft.dueDate} is already past (today is ${today})`, path: 'dueDate' });
  if (problems.length > 0) return refuse(...problems);
  return ok({ ...draft, description: draft.description.trim(), groupId: group.id, meetingId: null, assignedOn: today, events: [] });
}

/**
 * Who may update an item: the department it is assigned to, or the group's chair or
 * secretary (who keep the register and may record what was reported in the meeting).
 */
export function mayUpdateAction(item: ActionItem, actor: Actor, group: ConvergenceGroup, on: IsoDate): Problem | null {
  if (actor.department === item.department) return null;
  const roles = rolesOf(group, actor.personId, on);
  if (roles.includes('chair') || roles.includes('secretary')) return null;
  return {
    code: 'not_assigned_department',
    message: `only ${item.department} (the assigned department) or the group's chair or secretary may update this action; you act for ${actor.department}`,
  };
}

/** Applies one event after checking permission, the status machine and the event's content. */
export function applyActionEvent(item: ActionItem, event: ActionEvent, actor: Actor, group: ConvergenceGroup): Outcome<ActionItem> {
  const problems: Problem[] = [];
  if (item.groupId !== group.id) problems.push({ code: 'wrong_group', message: `action ${item.id} belongs to another group` });
  const denied = mayUpdateAction(item, actor, group, event.on);
  if (denied) problems.push(denied);
  if (event.by !== actor.personId)
    problems.push({ code: 'actor_mismatch', message: 'an event is recorded in the name of the person making it' });
  const current = actionState(item);
  if (!TRANSITIONS[current.status][event.type]) {
    const allowed = allowedEvents(current.status).join(', ');
    problems.push({
      code: 'invalid_transition',
      message: `cannot ${event.type} an action that is ${current.status} (allowed: ${allowed})`,
    });
  }
  if (event.type === 'complete' && !event.result.trim())
    problems.push({ code: 'result_required', message: 'say what was done (the result) when completing an action', path: 'result' });
  if (event.type !== 'complete' && !event.reason.trim()) {
    problems.push({
      code: 'reason_required',
      message: event.type === 'block' ? 'say why the action is blocked' : 'say why the action is reopened',
      path: 'reason',
    });
  }
  if (!isoDate.safeParse(event.on).success) problems.push({ code: 'date_invalid', message: 'event date must be YYYY-MM-DD', path: 'on' });
  else {
    const last = item.events[item.events.length - 1]?.on ?? item.assignedOn;
    if (event.on < last)
      problems.push({ code: 'backdated', message: `event date ${event.on} is before the last recorded change (${last})`, path: 'on' });
  }
  if (problems.length > 0) return refuse(...problems);
  return ok({ ...item, events: [...item.events, event] });
}
