/**
 * The division-of-labour note: after each meeting, who does what, by when, for which case.
 * The Amravati–Akola group "shared a division-of-labour note to track follow-up actions"
 * (seed 000); here it is built from the minuted action items and cut per recipient.
 *
 * Redaction, JJ Act 2015 s.74: nothing that identifies a child in need of care and
 * protection may be disclosed except by order of the CWC (s.74(1)). So:
 * - each department receives only the cases on which it has an action (need to know), with
 *   the other departments' actions on those cases, so it knows who else is working on them;
 * - the full note (chair/DCPU) lists every case;
 * - a child's name is printed only where a CWC order on the case names the recipient's
 *   department; everywhere else the case reference stands alone. The renderer receives only
 *   the redacted view, so it cannot leak what it was never given.
 */
import { actionState, type ActionItem, type ActionStatus } from './actions';
import { departmentPresence, membersOn, type ConvergenceGroup, type GroupLevel, type Meeting } from './group';
import { validateMeeting } from './meetings';
import { DEPARTMENT_KINDS, ok, refuse, type DepartmentKind, type IsoDate, type Outcome } from './types';

export interface DisclosureOrder {
  /** CWC order number, for the record. */
  orderRef: string;
  orderedOn: IsoDate;
  /** Departments the CWC allowed to know the child's identity. */
  disclosedTo: DepartmentKind[];
}

export interface CaseIdentity {
  caseRef: string;
  /** Name as the registry displays it (e.g. "Priya S."); printed only under a disclosure order. */
  displayName?: string;
  disclosureOrder?: DisclosureOrder;
}

export interface NoteEntry {
  actionId: string;
  caseRef?: string;
  department: DepartmentKind;
  description: string;
  dueDate: IsoDate;
  officer?: string;
  /** Assigned at an earlier meeting and still not done. */
  carriedOver: boolean;
  status: ActionStatus;
}

export interface NoteHeader {
  group: { id: string; name: string; level: GroupLevel };
  meeting: { id: string; date: IsoDate; chair: string | null };
  present: { department: DepartmentKind; attendees: string[] }[];
  absent: DepartmentKind[];
  guests: string[];
}

export interface DivisionOfLabourNote extends NoteHeader {
  entries: NoteEntry[];
  /** Identity material for redaction only; never rendered as such. */
  cases: Record<string, CaseIdentity>;
}

export interface DivisionOfLabourInputs {
  group: ConvergenceGroup;
  meeting: Meeting;
  /** The group's action items; those of this meeting, and earlier ones still not done. */
  actions: ActionItem[];
  cases: CaseIdentity[];
  /** Restate earlier items that are not done yet (default true). */
  includeCarriedOver?: boolean;
}

const deptOrder = (d: DepartmentKind) => DEPARTMENT_KINDS.indexOf(d);

/** Builds the note from a held meeting; refuses a meeting that is not held or not valid. */
export function buildDivisionOfLabourNote(inputs: DivisionOfLabourInputs): Outcome<DivisionOfLabourNote> {
  const { group, meeting } = inputs;
  if (meeting.status !== 'held') return refuse({ code: 'meeting_not_held', message: 'a division-of-labour note is issued after a held meeting' });
  const problems = validateMeeting(meeting, group);
  if (problems.length > 0) return refuse(...problems);
  const carry = inputs.includeCarriedOver ?? true;
  const entries: NoteEntry[] = inputs.actions
    .filter((a) => a.groupId === group.id)
    .map((a) => ({ a, status: actionState(a, meeting.date).status }))
    .filter(({ a, status }) => a.meetingId === meeting.id || (carry && a.assignedOn < meeting.date && status !== 'done'))
    .map(({ a, status }) => ({
      actionId: a.id,
      caseRef: a.caseRef,
      department: a.department,
      description: a.description,
      dueDate: a.dueDate,
      officer: a.officer,
      carriedOver: a.meetingId !== meeting.id,
      status,
    }))
    .sort((x, y) => deptOrder(x.department) - deptOrder(y.department) || x.dueDate.localeCompare(y.dueDate) || (x.caseRef ?? '').localeCompare(y.caseRef ?? ''));
  const presence = departmentPresence(group, meeting);
  const chair = membersOn(group, meeting.date).find((m) => m.personId === meeting.chairPersonId);
  return ok({
    group: { id: group.id, name: group.name, level: group.level },
    meeting: { id: meeting.id, date: meeting.date, chair: chair ? [chair.name, chair.designation].filter(Boolean).join(', ') : null },
    present: presence.filter((p) => p.present).map((p) => ({ department: p.department, attendees: p.attendees })),
    absent: presence.filter((p) => !p.present).map((p) => p.department),
    guests: (meeting.guests ?? []).map((g) => g.name),
    entries,
    cases: Object.fromEntries(inputs.cases.map((c) => [c.caseRef, c])),
  });
}

export type NoteScope = { kind: 'department'; department: DepartmentKind } | { kind: 'full'; department: DepartmentKind };

export interface NoteLine {
  caseRef: string | null;
  /** The child's name, only when a CWC order discloses it to the recipient. */
  childName: string | null;
  childWithheld: boolean;
  action: string;
  dueDate: IsoDate;
  officer: string | null;
  carriedOver: boolean;
}

export interface NoteSection {
  department: DepartmentKind;
  lines: NoteLine[];
}

/** What one recipient may read: the only input the PDF renderer takes. */
export interface RecipientNote extends NoteHeader {
  scope: NoteScope;
  sections: NoteSection[];
}

function mayKnowIdentity(identity: CaseIdentity | undefined, recipient: DepartmentKind): boolean {
  return !!identity?.displayName && !!identity.disclosureOrder?.disclosedTo.includes(recipient);
}

function view(note: DivisionOfLabourNote, scope: NoteScope, entries: NoteEntry[]): RecipientNote {
  const sections = new Map<DepartmentKind, NoteLine[]>();
  for (const e of entries) {
    const identity = e.caseRef ? note.cases[e.caseRef] : undefined;
    const named = e.caseRef !== undefined && mayKnowIdentity(identity, scope.department);
    const line: NoteLine = {
      caseRef: e.caseRef ?? null,
      childName: named ? identity!.displayName! : null,
      childWithheld: e.caseRef !== undefined && !named,
      action: e.description,
      dueDate: e.dueDate,
      officer: e.officer ?? null,
      carriedOver: e.carriedOver,
    };
    sections.set(e.department, [...(sections.get(e.department) ?? []), line]);
  }
  // The recipient's own section first, then the others in the usual department order.
  const order = (d: DepartmentKind) => (scope.kind === 'department' && d === scope.department ? -1 : deptOrder(d));
  const { entries: _e, cases: _c, ...header } = note;
  return {
    ...header,
    scope,
    sections: [...sections.entries()].sort(([a], [b]) => order(a) - order(b)).map(([department, lines]) => ({ department, lines })),
  };
}

/**
 * The note for one department: only the cases where it has an action (with everyone's
 * actions on them) and its own actions not tied to a case.
 */
export function noteForDepartment(note: DivisionOfLabourNote, department: DepartmentKind): RecipientNote {
  const cases = new Set(note.entries.filter((e) => e.department === department && e.caseRef).map((e) => e.caseRef));
  const entries = note.entries.filter((e) => (e.caseRef ? cases.has(e.caseRef) : e.department === department));
  return view(note, { kind: 'department', department }, entries);
}

/** The full note for the chair and the DCPU; names follow the disclosure orders for `reader`. */
export function fullNote(note: DivisionOfLabourNote, reader: DepartmentKind = 'DCPU'): RecipientNote {
  return view(note, { kind: 'full', department: reader }, note.entries);
}
