/**
 * Convergence groups, their members and meetings.
 *
 * In the Amravati–Akola model a district Convergence Group, chaired by the DLSA Secretary
 * and anchored by DWCD and DLSA, meets monthly with about 30 government and civil-society
 * representatives (seed 000). The seed recommends the same at block level. Membership is
 * dated so that attendance counts a department only for meetings held while it had a seat.
 */
import type { DepartmentKind, IsoDate } from './types';

export type GroupLevel = 'district' | 'block';

/** 'chair' conducts the meeting; 'secretary' keeps the minutes and the action register. */
export type GroupRole = 'chair' | 'secretary' | 'member';

export interface GroupMember {
  personId: string;
  name: string;
  designation?: string;
  department: DepartmentKind;
  roles: GroupRole[];
  /** Seat held from this date (inclusive); absent = since the group began. */
  since?: IsoDate;
  /** Seat held until this date (inclusive); absent = still a member. */
  until?: IsoDate;
}

export interface ConvergenceGroup {
  id: string;
  name: string;
  level: GroupLevel;
  /** LGD district or block code. */
  areaCode: string;
  members: GroupMember[];
}

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

export interface AttendanceMark {
  personId: string;
  present: boolean;
}

export interface Meeting {
  id: string;
  groupId: string;
  date: IsoDate;
  status: MeetingStatus;
  chairPersonId: string | null;
  /** Members not marked are taken as absent once the meeting is held. */
  attendance: AttendanceMark[];
  /** People attending without a seat: Bal Panchayat representatives, the District Magistrate… */
  guests?: { name: string; department?: DepartmentKind; note?: string }[];
}

/** The person acting in the system (from the session), for permission checks. */
export interface Actor {
  personId: string;
  department: DepartmentKind;
}

export function isMemberOn(member: GroupMember, date: IsoDate): boolean {
  return (member.since === undefined || member.since <= date) && (member.until === undefined || date <= member.until);
}

export function membersOn(group: ConvergenceGroup, date: IsoDate): GroupMember[] {
  return group.members.filter((m) => isMemberOn(m, date));
}

/** Departments with a seat on the group on that date, in first-seen order. */
export function representedDepartments(group: ConvergenceGroup, date: IsoDate): DepartmentKind[] {
  return [...new Set(membersOn(group, date).map((m) => m.department))];
}

/** Roles a person holds in the group on a date (none when not a member then). */
export function rolesOf(group: ConvergenceGroup, personId: string, date: IsoDate): GroupRole[] {
  return membersOn(group, date)
    .filter((m) => m.personId === personId)
    .flatMap((m) => m.roles);
}

export interface DepartmentPresence {
  department: DepartmentKind;
  present: boolean;
  /** Members of that department present. */
  attendees: string[];
}

/**
 * Which departments were present at a held meeting: a department counts as present when
 * at least one of its representatives was (a deputy standing in still brings the
 * department's information and commitments to the table).
 */
export function departmentPresence(group: ConvergenceGroup, meeting: Meeting): DepartmentPresence[] {
  const present = new Set(meeting.attendance.filter((a) => a.present).map((a) => a.personId));
  return representedDepartments(group, meeting.date).map((department) => {
    const attendees = membersOn(group, meeting.date)
      .filter((m) => m.department === department && present.has(m.personId))
      .map((m) => m.name);
    return { department, present: attendees.length > 0, attendees };
  });
}

/**
 * Who may chair. The Amravati–Akola district group is chaired by the DLSA Secretary (seed 000);
 * the District Magistrate (Collector, REVENUE here) chairs the district committees under
 * Mission Vatsalya. A block group is chaired by the Taluka Legal Services Committee, the
 * Tahsildar or the Block Development Officer.
 */
export const CHAIR_DEPARTMENTS: Record<GroupLevel, readonly DepartmentKind[]> = {
  district: ['DLSA', 'REVENUE'],
  block: ['DLSA', 'REVENUE', 'RURAL_DEVELOPMENT', 'PANCHAYAT'],
};

/** Problem with making this member the chair of a group at this level, or null. */
export function chairProblem(level: GroupLevel, department: DepartmentKind): { code: string; message: string } | null {
  if (CHAIR_DEPARTMENTS[level].includes(department)) return null;
  return {
    code: 'chair_department',
    message: `a ${level} convergence group is chaired by ${CHAIR_DEPARTMENTS[level].join(' or ')} (the DLSA Secretary or the District Magistrate${level === 'block' ? ', Tahsildar or BDO' : ''}), not ${department}`,
  };
}

export const MEETING_FREQUENCIES = ['monthly', 'bimonthly', 'quarterly'] as const;
export type MeetingFrequency = (typeof MEETING_FREQUENCIES)[number];
const FREQUENCY_MONTHS: Record<MeetingFrequency, number> = { monthly: 1, bimonthly: 2, quarterly: 3 };

/**
 * The next meeting after `last`: the same day of the month, `frequency` months on (clamped
 * to the month's last day, so a meeting on the 31st falls on 30 April, 28/29 February).
 */
export function nextMeetingDate(last: IsoDate, frequency: MeetingFrequency, dayOfMonth?: number): IsoDate {
  const [y, m, d] = last.split('-').map(Number);
  const total = y * 12 + (m - 1) + FREQUENCY_MONTHS[frequency];
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  const day = Math.min(dayOfMonth ?? d, lastDay);
  return `${ny}-${String(nm).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
