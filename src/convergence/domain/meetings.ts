/**
 * Monthly convergence meetings: validation, the agenda, and who keeps coming.
 *
 * The agenda follows the usual order of a government review meeting: first the action
 * taken on earlier decisions (every overdue item is carried over automatically, so a
 * missed responsibility cannot quietly drop off, and an item raised since the last meeting
 * is heard once), then the cases, then the issues children
 * raised in Bal Panchayats (the seed's recommendation that children's voices reach the
 * forum). Each line says why it is there. Cases appear by reference only: the agenda is
 * circulated to every member, and JJ Act 2015 s.74 bars disclosing a child's identity.
 */
import { actionState, daysOverdue, isOverdue, type ActionItem } from './actions';
import { addDays, daysBetween } from './dates';
import { departmentPresence, membersOn, type ConvergenceGroup, type Meeting } from './group';
import { isoDate } from '../../http/iso-date';
import { type DepartmentKind, type IsoDate, type Problem } from './types';

/** Problems with a meeting record; empty when it is valid. */
export function validateMeeting(meeting: Meeting, group: ConvergenceGroup): Problem[] {
  const problems: Problem[] = [];
  if (meeting.groupId !== group.id)
    problems.push({ code: 'wrong_group', message: `meeting belongs to group ${meeting.groupId}, not ${group.id}` });
  if (!isoDate.safeParse(meeting.date).success) {
    problems.push({ code: 'date_invalid', message: 'meeting date must be YYYY-MM-DD', path: 'date' });
    return problems;
  }
  const members = new Set(membersOn(group, meeting.date).map((m) => m.personId));
  if (!meeting.chairPersonId) problems.push({ code: 'chair_required', message: 'a meeting needs a chair', path: 'chairPersonId' });
  else if (!members.has(meeting.chairPersonId)) {
    problems.push({
      code: 'chair_not_member',
      message: 'the chair must be a member of the group on the meeting date',
      path: 'chairPersonId',
    });
  } else if (meeting.status === 'held' && !meeting.attendance.some((a) => a.personId === meeting.chairPersonId && a.present)) {
    problems.push({ code: 'chair_absent', message: 'the person recorded as chair is marked absent', path: 'chairPersonId' });
  }
  const seen = new Set<string>();
  meeting.attendance.forEach((a, i) => {
    if (!members.has(a.personId))
      problems.push({
        code: 'attendee_not_member',
        message: `${a.personId} is not a member on ${meeting.date}; record them as a guest`,
        path: `attendance[${i}]`,
      });
    if (seen.has(a.personId))
      problems.push({ code: 'duplicate_attendance', message: `${a.personId} is marked twice`, path: `attendance[${i}]` });
    seen.add(a.personId);
  });
  return problems;
}

export interface FlaggedCase {
  caseRef: string;
  flaggedOn: IsoDate;
  /** Who asked for the group's attention (a unit or committee, not a child's particulars). */
  flaggedBy?: string;
  note?: string;
}

export interface EscalatedCase {
  caseRef: string;
  fromLevel: 'village' | 'block' | 'district';
  escalatedOn: IsoDate;
  reason?: string;
}

export interface BalPanchayatIssue {
  id: string;
  /** Village name or LGD code of the Bal Panchayat. */
  village: string;
  raisedOn: IsoDate;
  summary: string;
  resolvedOn?: IsoDate;
  caseRef?: string;
  /**
   * The VCPC (or the council itself) sent the issue up before N days had passed: it comes to
   * the group's next meeting regardless of its age.
   */
  escalatedOn?: IsoDate;
}

export interface AgendaInputs {
  meeting: Pick<Meeting, 'id' | 'date'>;
  flaggedCases: FlaggedCase[];
  escalatedCases: EscalatedCase[];
  /** The group's action items, any status; overdue ones are found here. */
  actions: ActionItem[];
  balPanchayatIssues: BalPanchayatIssue[];
  /** A Bal Panchayat issue comes to the group once unresolved for this many days (N). */
  balPanchayatAfterDays?: number;
  /**
   * Items raised between meetings that an earlier meeting already took up (they were on its
   * frozen agenda); the others raised on or before this meeting's date come up on it.
   */
  takenUp?: ReadonlySet<string>;
}

export type AgendaReasonCode =
  'carried_over' | 'raised_between_meetings' | 'escalated' | 'overdue_actions' | 'flagged' | 'bal_panchayat_issue';

export interface AgendaReason {
  code: AgendaReasonCode;
  /** English sentence; `code` and the line's fields allow translation. */
  text: string;
}

export type AgendaSection = 'action_taken' | 'cases' | 'bal_panchayat';

export interface AgendaLine {
  section: AgendaSection;
  caseRef?: string;
  actionId?: string;
  issueId?: string;
  department?: DepartmentKind;
  reasons: AgendaReason[];
}

export const DEFAULT_BAL_PANCHAYAT_AFTER_DAYS = 30;

export function buildAgenda(inputs: AgendaInputs): AgendaLine[] {
  const date = inputs.meeting.date;
  const overdue = inputs.actions
    .filter((a) => a.meetingId !== inputs.meeting.id && isOverdue(a, date))
    .map((a) => ({ a, days: daysOverdue(a, date), state: actionState(a, date) }))
    .sort((x, y) => y.days - x.days || x.a.department.localeCompare(y.a.department) || x.a.id.localeCompare(y.a.id));

  const actionTaken: AgendaLine[] = overdue.map(({ a, days, state }) => ({
    section: 'action_taken',
    actionId: a.id,
    caseRef: a.caseRef,
    department: a.department,
    reasons: [
      {
        code: 'carried_over',
        text:
          `Carried over from ${a.assignedOn}: "${a.description}" with ${a.department}, due ${a.dueDate}, ${days} day${days === 1 ? '' : 's'} overdue` +
          (state.status === 'blocked' ? ` (blocked: ${state.blockedReason})` : state.status === 'reopened' ? ' (reopened)' : ''),
      },
    ],
  }));

  // Items raised since the last meeting (meetingId null) that no meeting has taken up yet:
  // the group hears of them at its next meeting, overdue or not (one line per item).
  const raised = inputs.actions
    .filter((a) => a.meetingId === null && a.assignedOn <= date && !inputs.takenUp?.has(a.id))
    .sort((x, y) => x.assignedOn.localeCompare(y.assignedOn) || x.department.localeCompare(y.department) || x.id.localeCompare(y.id));
  for (const a of raised) {
    const reason: AgendaReason = {
      code: 'raised_between_meetings',
      text:
        `Raised between meetings on ${a.assignedOn}: "${a.description}" with ${a.department}, due ${a.dueDate}` +
        (actionState(a, date).status === 'done' ? ' (done)' : ''),
    };
    const line = actionTaken.find((l) => l.actionId === a.id);
    if (line) line.reasons.push(reason);
    else actionTaken.push({ section: 'action_taken', actionId: a.id, caseRef: a.caseRef, department: a.department, reasons: [reason] });
  }

  // One line per case, with every reason it is there; ordered escalated → overdue → flagged.
  const cases = new Map<string, { line: AgendaLine; rank: [number, number | string] }>();
  const caseLine = (caseRef: string, rank: [number, number | string]) => {
    let entry = cases.get(caseRef);
    if (!entry) {
      entry = { line: { section: 'cases', caseRef, reasons: [] }, rank };
      cases.set(caseRef, entry);
    }
    return entry.line;
  };
  for (const e of [...inputs.escalatedCases].sort((x, y) => x.escalatedOn.localeCompare(y.escalatedOn))) {
    caseLine(e.caseRef, [0, e.escalatedOn]).reasons.push({
      code: 'escalated',
      text: `Escalated from ${e.fromLevel} level on ${e.escalatedOn}${e.reason ? `: ${e.reason}` : ''}`,
    });
  }
  const overdueByCase = new Map<string, typeof overdue>();
  for (const o of overdue) if (o.a.caseRef) overdueByCase.set(o.a.caseRef, [...(overdueByCase.get(o.a.caseRef) ?? []), o]);
  for (const [caseRef, items] of overdueByCase) {
    const worst = Math.max(...items.map((i) => i.days));
    const depts = [...new Set(items.map((i) => i.a.department))].join(', ');
    caseLine(caseRef, [1, -worst]).reasons.push({
      code: 'overdue_actions',
      text: `${items.length} overdue action${items.length === 1 ? '' : 's'} (${depts}), up to ${worst} days late`,
    });
  }
  for (const f of [...inputs.flaggedCases].sort((x, y) => x.flaggedOn.localeCompare(y.flaggedOn))) {
    caseLine(f.caseRef, [2, f.flaggedOn]).reasons.push({
      code: 'flagged',
      text: `Flagged for the group on ${f.flaggedOn}${f.flaggedBy ? ` by ${f.flaggedBy}` : ''}${f.note ? `: ${f.note}` : ''}`,
    });
  }
  const caseLines = [...cases.values()]
    .sort((x, y) => x.rank[0] - y.rank[0] || (x.rank[1] < y.rank[1] ? -1 : x.rank[1] > y.rank[1] ? 1 : 0))
    .map((e) => e.line);

  const after = inputs.balPanchayatAfterDays ?? DEFAULT_BAL_PANCHAYAT_AFTER_DAYS;
  const cutoff = addDays(date, -after);
  const escalatedBy = (i: BalPanchayatIssue) => i.escalatedOn !== undefined && i.escalatedOn <= date;
  const bp: AgendaLine[] = inputs.balPanchayatIssues
    .filter((i) => (i.raisedOn <= cutoff || escalatedBy(i)) && i.raisedOn <= date && (i.resolvedOn === undefined || i.resolvedOn > date))
    .sort((x, y) => x.raisedOn.localeCompare(y.raisedOn) || x.id.localeCompare(y.id))
    .map((i) => ({
      section: 'bal_panchayat',
      issueId: i.id,
      caseRef: i.caseRef,
      reasons: [
        {
          code: 'bal_panchayat_issue',
          text:
            `Raised by the Bal Panchayat of ${i.village} on ${i.raisedOn}, unresolved for ${daysBetween(i.raisedOn, date)} days` +
            (escalatedBy(i) ? `, escalated on ${i.escalatedOn}` : '') +
            `: ${i.summary}`,
        },
      ],
    }));

  return [...actionTaken, ...caseLines, ...bp];
}

export interface AttendanceOptions {
  /** Below this attendance rate a department is flagged irregular. */
  minRate: number;
  /** This many absences in a row up to the latest meeting flags a department irregular. */
  maxConsecutiveAbsences: number;
}

export const DEFAULT_ATTENDANCE_OPTIONS: AttendanceOptions = { minRate: 0.75, maxConsecutiveAbsences: 2 };

export interface DepartmentAttendance {
  department: DepartmentKind;
  /** Held meetings at which the department had a seat. */
  expected: number;
  attended: number;
  /** attended / expected; null when it was never expected. */
  rate: number | null;
  /** Absences in a row ending at the latest meeting (0 if it attended the latest). */
  consecutiveAbsences: number;
  longestAbsenceRun: number;
  lastAttended: IsoDate | null;
  absentOn: IsoDate[];
  irregular: boolean;
}

/**
 * Attendance per department across held meetings. "Irregular participation" was the known
 * failure of the Amravati–Akola group (seed 000), so it is computed and flagged, worst first.
 */
export function attendanceSummary(
  group: ConvergenceGroup,
  meetings: Meeting[],
  options: AttendanceOptions = DEFAULT_ATTENDANCE_OPTIONS,
): DepartmentAttendance[] {
  const held = meetings.filter((m) => m.groupId === group.id && m.status === 'held').sort((a, b) => a.date.localeCompare(b.date));
  const rows = new Map<DepartmentKind, DepartmentAttendance & { run: number }>();
  for (const meeting of held) {
    for (const p of departmentPresence(group, meeting)) {
      let row = rows.get(p.department);
      if (!row) {
        row = {
          department: p.department,
          expected: 0,
          attended: 0,
          rate: null,
          consecutiveAbsences: 0,
          longestAbsenceRun: 0,
          lastAttended: null,
          absentOn: [],
          irregular: false,
          run: 0,
        };
        rows.set(p.department, row);
      }
      row.expected += 1;
      if (p.present) {
        row.attended += 1;
        row.lastAttended = meeting.date;
        row.run = 0;
      } else {
        row.absentOn.push(meeting.date);
        row.run += 1;
        row.longestAbsenceRun = Math.max(row.longestAbsenceRun, row.run);
      }
      row.consecutiveAbsences = row.run;
    }
  }
  return [...rows.values()]
    .map(({ run: _run, ...row }) => {
      const rate = row.expected > 0 ? row.attended / row.expected : null;
      const irregular = (rate !== null && rate < options.minRate) || row.consecutiveAbsences >= options.maxConsecutiveAbsences;
      return { ...row, rate, irregular };
    })
    .sort((a, b) => Number(b.irregular) - Number(a.irregular) || (a.rate ?? 1) - (b.rate ?? 1) || a.department.localeCompare(b.department));
}
