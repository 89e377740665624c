/** Shapes of the convergence API (src/convergence/*.service.ts). */
export type Department = string;
export type ActionStatus = 'open' | 'done' | 'blocked' | 'reopened';

export interface Member {
  id: string;
  department: Department;
  name: string;
  designation: string | null;
  organisationId: string | null;
  userId: string | null;
  roles: ('chair' | 'secretary' | 'member')[];
  since: string | null;
  until: string | null;
  email?: string | null;
  phone?: string | null;
}

export interface DepartmentAttendance {
  department: Department;
  expected: number;
  attended: number;
  rate: number | null;
  consecutiveAbsences: number;
  longestAbsenceRun: number;
  lastAttended: string | null;
  absentOn: string[];
  irregular: boolean;
}

export interface GroupSummary {
  id: string;
  level: 'district' | 'block';
  name: string;
  nameLocal: string | null;
  districtCode: number;
  blockCode: number | null;
  meetingFrequency: string;
  meetingDay?: number | null;
  anchorDepartments: Department[];
  balPanchayatAfterDays: number;
  members: Member[];
  memberCount: number;
  chair: { memberId: string; name: string; designation: string | null; department: Department } | null;
  departments: Department[];
  version: number;
}

export interface GroupDetail extends GroupSummary {
  meetings: { id: string; date: string; status: 'scheduled' | 'held' | 'cancelled'; minuted: boolean; noteSent: boolean }[];
  nextMeeting: { id: string; date: string } | null;
  attendance: DepartmentAttendance[];
}

export interface AgendaLine {
  section: 'action_taken' | 'cases' | 'bal_panchayat';
  caseRef?: string;
  actionId?: string;
  issueId?: string;
  department?: Department;
  reasons: { code: string; text: string }[];
  action?: {
    description: string;
    department: Department;
    dueDate: string;
    status: ActionStatus;
    officer: string | null;
    assignedOn: string;
  };
  issue?: { category: string; village: string; raisedOn: string; status: string };
  subject?: { caseId?: string; familyId?: string | null; childId?: string | null; issueId?: string };
}

export interface ActionView {
  id: string;
  caseRef: string | null;
  domain: string | null;
  description: string;
  department: Department;
  officer: string | null;
  assignedOn: string;
  dueDate: string;
  status: ActionStatus;
  doneOn: string | null;
  result: string | null;
  blockedReason: string | null;
  overdue: boolean;
  version: number;
  meetingId: string | null;
  groupId: string;
}

export interface MeetingDetail {
  id: string;
  view: 'full' | 'department';
  group: { id: string; name: string; level: 'district' | 'block' };
  date: string;
  status: 'scheduled' | 'held' | 'cancelled';
  venue: string | null;
  chair: { memberId: string; name: string; designation: string | null; department: Department } | null;
  minutes: string | null;
  heldAt: string | null;
  minutedAt: string | null;
  noteSentAt: string | null;
  guests: { name: string; note?: string }[];
  version: number;
  attendance: {
    memberId: string;
    name: string;
    designation: string | null;
    department: Department;
    roles: string[];
    present: boolean | null;
  }[];
  departments: { department: Department; present: boolean | null; attendees: string[] }[];
  agenda: AgendaLine[];
  discussions: {
    id: string;
    caseRef: string | null;
    decision: string;
    issueId: string | null;
    subject?: AgendaLine['subject'];
    actions: ActionView[];
  }[];
  actions: ActionView[];
}

export interface ActionListItem extends ActionView {
  group: string | null;
  /** Null for an item raised between meetings (then raisedOn). */
  meetingDate: string | null;
  raisedOn: string | null;
  daysOverdue: number;
}

export interface ActionDetail extends ActionListItem {
  events: {
    seq: number;
    type: 'complete' | 'block' | 'reopen';
    on: string;
    text: string;
    by: { name: string | null; department: string | null };
  }[];
  allowedEvents: ('complete' | 'block' | 'reopen')[];
  canUpdate: boolean;
}

export interface DepartmentMonth {
  month: string;
  department: Department;
  assigned: number;
  doneOnTime: number;
  doneLate: number;
  overdue: number;
  overdueEarlier: number;
  avgDaysLate: number | null;
  onTimeRate: number | null;
  meetingsExpected: number;
  meetingsAttended: number;
  attendanceRate: number | null;
}

export interface Accountability {
  asOf: string;
  from: string;
  to: string;
  groups: { id: string; name: string; level: string }[];
  rows: DepartmentMonth[];
  summary: {
    department: Department;
    assigned: number;
    doneOnTime: number;
    doneLate: number;
    overdueAtEnd: number;
    /** Of overdueAtEnd, items assigned before the period (not among assigned). */
    overdueAtEndEarlier: number;
    avgDaysLate: number | null;
    onTimeRate: number | null;
    attendanceRate: number | null;
  }[];
  trend: { metric: string; months: string[]; series: { department: Department; values: (number | null)[] }[] };
  chart: Array<{ month: string } & Record<string, number | null | string>>;
  attendance: { groupId: string; group: string; departments: DepartmentAttendance[] }[];
}

export interface AreaCoverage {
  level: string;
  area: string;
  name: string | null;
  families: number;
  familiesWithNeed: Record<string, number>;
  familiesWithGap: Record<string, number>;
  familiesWithAnyGap: number;
  multiDepartmentFamilies: number;
}

export interface CoverageSummary {
  level: string;
  sources: { cases: boolean; schemes: boolean };
  families: number;
  areas: AreaCoverage[];
  totals: AreaCoverage | null;
}

export interface CoverageFamily {
  familyId: string;
  headName: string;
  village: { id: string; name: string } | null;
  gaps: string[];
  pending: string[];
  met: string[];
  departments: Department[];
  multiDepartmentSupport: boolean;
}

export interface MatrixCellView {
  department: Department;
  responsibility: 'lead' | 'support';
  role: string;
  programmes: { id: string; name: string }[];
}

export interface MatrixResponse {
  stateCode: number;
  version: number;
  source: 'state' | 'national' | 'default';
  savedAt: string | null;
  note: string | null;
  matrix: unknown;
  levels: string[];
  grid: {
    level: string;
    departments: Department[];
    domains: string[];
    rows: { domain: string; cells: (MatrixCellView | null)[]; suggested: Department[] }[];
  };
  labels: { departments: Record<string, Record<string, string>>; domains: Record<string, Record<string, string>> };
}

export interface Issue {
  id: string;
  village: { id: string; name: string };
  councilName: string | null;
  category: string;
  summary: string;
  raisedOn: string;
  status: 'with_vcpc' | 'escalated' | 'on_agenda' | 'resolved';
  escalatedOn: string | null;
  escalationReason: string | null;
  resolvedOn: string | null;
  resolvedBy: 'vcpc' | 'group' | null;
  outcome: string | null;
  childLinked: boolean;
  toGroupOn: string | null;
  daysOpen: number | null;
  discussions: { decision: string; meetingDate: string; group: string }[];
  actions: { department: Department; dueDate: string; status: ActionStatus; doneOn: string | null; overdue: boolean }[];
  version: number;
}

/** GET /convergence/meetings/:id/note: the reader's cut of the division-of-labour note (JJ Act s.74). */
export interface NoteLineView {
  caseRef: string | null;
  child: { name: string; nameLocal: string | null; age: number | null; village: string | null } | null;
  childInitials: string | null;
  childWithheld: boolean;
  nonDisclosure: boolean;
  action: string;
  dueDate: string;
  officer: string | null;
  carriedOver: boolean;
}

export interface RecipientNoteView {
  scope: { kind: 'full' | 'department'; department: Department };
  sections: { department: Department; lines: NoteLineView[] }[];
}
