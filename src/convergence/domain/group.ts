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
