/**
 * The division-of-labour note: after each meeting, who does what, by when, for which case.
 * The Amravati–Akola group "shared a division-of-labour note to track follow-up actions"
 * (seed 000); here it is built from the minuted action items and cut per recipient.
 *
 * Redaction, JJ Act 2015 s.74 (nothing that identifies a child in need of care and protection
 * is disclosed beyond what the recipient needs):
 * - each department receives only the cases on which it has an action (need to know), with
 *   the other departments' actions on those cases, so it knows who else is working on them;
 *   on those cases, and only those, its note names the child (name in both scripts where
 *   recorded, age, village), because it has to find the child to do its part;
 * - the full note (chair/DCPU) lists every case by reference; it names children only when
 *   the caller says the reader's role may see them (the server decides with the access
 *   policy, src/access/policy.ts `registryView`);
 * - a CWC non-disclosure order on a case overrides both: every note shows only the case
 *   reference and the child's initials.
 * The renderer receives only the redacted view, so it cannot leak what it was never given.
 */
import { actionState, type ActionItem, type ActionStatus } from './actions';
import { departmentPresence, membersOn, type ConvergenceGroup, type GroupLevel, type Meeting } from './group';
import { validateMeeting } from './meetings';
import { DEPARTMENT_KINDS, ok, refuse, type DepartmentKind, type IsoDate, type Outcome } from './types';

/** A CWC order restricting the child's identity (recorded on the case, cases module). */
export interface NonDisclosureOrder {
  /** CWC order number, for the record. */
  orderRef: string;
  orderedOn: IsoDate;
}

/** Who the child is, as the note may print it. */
export interface NoteChild {
  /** Name as registered (any script). */
  name: string;
  /** The name in the other script, where recorded. */
  nameLocal: string | null;
  /** Age in completed years on the meeting date, when the date of birth is known. */
  age: number | null;
  village: string | null;
}

export interface CaseIdentity {
  caseRef: string;
  child?: NoteChild;
  nonDisclosureOrder?: NonDisclosureOrder | null;
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
  if (meeting.status !== 'held')
    return refuse({ code: 'meeting_not_held', message: 'a division-of-labour note is issued after a held meeting' });
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
    .sort(
      (x, y) =>
        deptOrder(x.department) - deptOrder(y.department) ||
        x.dueDate.localeCompare(y.dueDate) ||
        (x.caseRef ?? '').localeCompare(y.caseRef ?? ''),
    );
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
  /** The child, only where the recipient needs and may know who it is. */
  child: NoteChild | null;
  /** Initials only, where a CWC non-disclosure order restricts the child's identity. */
  childInitials: string | null;
  /** A case whose child is not named on this copy (reference only, or initials). */
  childWithheld: boolean;
  /** The CWC non-disclosure order applies to this line. */
  nonDisclosure: boolean;
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

export interface NoteViewOptions {
  /**
   * Whether the reader may see children's names at all (the access policy's answer for the
   * reader's role). Default false: a note never names a child unless the caller says so.
   */
  names?: boolean;
}

/** "Priya Shinde" → "P. S."; "ज्ञानेश्वरी पाटील" → "ज. प.". */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/[\s.]+/)
    .filter(Boolean)
    .map((w) => `${[...w][0].toLocaleUpperCase('en-IN')}.`)
    .join(' ');
}

function view(note: DivisionOfLabourNote, scope: NoteScope, entries: NoteEntry[], names: boolean): RecipientNote {
  const sections = new Map<DepartmentKind, NoteLine[]>();
  for (const e of entries) {
    const identity = e.caseRef ? note.cases[e.caseRef] : undefined;
    // Every case in `entries` is one the recipient needs (its own, or all for the full note).
    const known = e.caseRef !== undefined && names && !!identity?.child;
    const restricted = known && !!identity!.nonDisclosureOrder;
    const line: NoteLine = {
      caseRef: e.caseRef ?? null,
      child: known && !restricted ? { ...identity!.child! } : null,
      childInitials: restricted ? initialsOf(identity!.child!.name) : null,
      childWithheld: e.caseRef !== undefined && (!known || restricted),
      nonDisclosure: e.caseRef !== undefined && !!identity?.nonDisclosureOrder,
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
 * actions on them) and its own actions not tied to a case. With `names`, the children of
 * those cases are named (unless a CWC non-disclosure order restricts them to initials).
 */
export function noteForDepartment(note: DivisionOfLabourNote, department: DepartmentKind, opts: NoteViewOptions = {}): RecipientNote {
  const cases = new Set(note.entries.filter((e) => e.department === department && e.caseRef).map((e) => e.caseRef));
  const entries = note.entries.filter((e) => (e.caseRef ? cases.has(e.caseRef) : e.department === department));
  return view(note, { kind: 'department', department }, entries, opts.names ?? false);
}

/**
 * The full note for the chair and the DCPU: every case by reference; children named only
 * with `names` (the reader's role may see them) and never under a non-disclosure order.
 */
export function fullNote(note: DivisionOfLabourNote, reader: DepartmentKind = 'DCPU', opts: NoteViewOptions = {}): RecipientNote {
  return view(note, { kind: 'full', department: reader }, note.entries, opts.names ?? false);
}
