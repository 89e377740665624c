import type { CaseState, DueItem } from '../../../../src/cases/domain';

/** GET /api/v1/cases (src/cases/cases.service.ts listCasesFor). */
export interface CaseListItem {
  id: string;
  number: number;
  childId: string;
  familyId: string | null;
  stateCode: number;
  districtCode: number;
  villageId: string | null;
  status: CaseState['status'];
  level: CaseState['level'];
  risk: CaseState['risk'];
  source: string;
  reportedOn: string;
  ownerUserId: string | null;
  ownerUnitId: string;
  transferToUnitId: string | null;
  nextDueAt: string | null;
  nextDueKind: DueItem['kind'] | null;
  flags: string[];
  lastActionAt: string;
  closedAt: string | null;
  version: number;
  childName: string;
  childNameLocal?: string | null;
  /** The child's name is initials only (a CWC non-disclosure order, JJ Act 2015 s.74). */
  initialsOnly?: true;
  childSex: string;
  childAge: number | null;
  overdue: boolean;
}

export interface CaseList {
  items: CaseListItem[];
  total: number;
  page: number;
  pageSize: number;
}

export interface HistoryEntry {
  seq: number;
  type: string;
  at: string;
  recordedAt: string;
  by: string | null;
  unit: string | null;
  action: Record<string, unknown> & { type: string; at: string };
}

export interface Attachment {
  id: string;
  kind: string;
  contentType: string;
  originalName: string | null;
  description: string | null;
  sizeBytes: number;
  uploadedBy: string | null;
  uploadedAt: string;
}

interface ChildView {
  id: string;
  name: string;
  /** Absent when withheld (a CWC non-disclosure order; see `withheld`, src/access/fields.ts). */
  nameLocal?: string | null;
  sex: string;
  age: number | null;
  withheld?: string[];
  initialsOnly?: true;
}

/** GET /api/v1/cases/:id for someone who sees the whole case. */
export interface CaseFull {
  view: 'full';
  id: string;
  number: number;
  version: number;
  child: ChildView & { dob?: string | null };
  familyId: string | null;
  place: { stateCode: number; districtCode: number; subdistrictCode: number | null; blockCode: number | null; villageId: string | null };
  flags: string[];
  state: CaseState;
  history: HistoryEntry[];
  attachments: Attachment[];
  directory: { users: Record<string, string>; units: Record<string, { name: string; kind: string }> };
}

/** GET /api/v1/cases/:id for a department a service was referred to: its part only. */
export interface CaseReferralView {
  view: 'referral';
  id: string;
  number: number;
  version: number;
  child: ChildView;
  referrals: {
    referralId: string;
    need: string;
    domain: string;
    status: string;
    referredAt: string;
    dueDate: string | null;
    acceptedAt: string | null;
    declinedAt: string | null;
    declineReason: string | null;
    doneAt: string | null;
    outcome: string | null;
  }[];
  due: DueItem[];
}

export type CaseDetail = CaseFull | CaseReferralView;

export interface Task {
  caseId: string;
  caseNumber: number;
  kind: DueItem['kind'];
  ref: string | null;
  dueAt: string;
  overdue: boolean;
  statutory: boolean;
  basis: string;
  /** Short citation of the rule behind the due date (issue #18). */
  citation?: string;
  childName: string;
  childNameLocal?: string | null;
  /** The child's name is initials only (a CWC non-disclosure order, JJ Act 2015 s.74). */
  initialsOnly?: true;
  status?: string;
  level?: string;
  risk?: string;
}

export interface TaskList {
  items: Task[];
  total: number;
  overdueCount: number;
  page: number;
  pageSize: number;
}

export interface ReferralRow {
  caseId: string;
  caseNumber: number;
  referralId: string;
  domain: string;
  need: string;
  status: string;
  referredAt: string;
  dueDate: string | null;
  childName: string;
  childNameLocal?: string | null;
  /** The child's name is initials only (a CWC non-disclosure order, JJ Act 2015 s.74). */
  initialsOnly?: true;
}

export interface Notification {
  id: string;
  kind: string;
  caseId: string | null;
  message: string;
  /** The alert in the language sent as Accept-Language. */
  text?: string;
  createdAt: string;
  readAt: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  districtCode: number | null;
  /** An inactive one is offered nowhere new (e.g. a pathway's NGO). */
  active: boolean;
}
