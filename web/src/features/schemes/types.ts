import type { ApplicationStatus } from '../../../../src/schemes/application-workflow';
import type { FollowUp, FollowUpView } from '../../../../src/schemes/document-followup';
import type { DocumentStatus, DocumentType } from '../../../../src/schemes/documents';
import type { EligibilityStatus } from '../../../../src/schemes/eligibility';
import type { Benefit, LocalisedName, Scheme, SchemeVersion, Subject } from '../../../../src/schemes/scheme';

/** Shapes of the schemes API (src/schemes/*.service.ts). */
export type {
  ApplicationStatus,
  Benefit,
  DocumentStatus,
  DocumentType,
  EligibilityStatus,
  FollowUp,
  LocalisedName,
  Scheme,
  SchemeVersion,
  Subject,
};

export interface SchemeSummary {
  id: string;
  name: LocalisedName;
  department: string;
  level: 'central' | 'state';
  state: number | null;
  stateName: string | null;
  subject: Subject;
  channel: { mode: string; where: string; url?: string };
  revision: number;
  inForce: { validFrom: string; validTo: string | null; benefit: Benefit } | null;
  versions: { validFrom: string; validTo: string | null; benefit: Benefit }[];
}

export interface SchemeDetail extends SchemeSummary {
  definition: Scheme;
  factsUsed: string[];
  revisions: { revision: number; change: string; note: string | null; createdAt: string; versions: number }[];
}

export interface Suggestion {
  schemeId: string;
  schemeName: LocalisedName;
  department: string;
  subject: Subject;
  subjectId: string;
  subjectName: string | null;
  status: EligibilityStatus;
  reasons: string[];
  /** The structured reasons; each may carry the citation of the rule clause it comes from (issue #18). */
  reasonDetails?: { source?: string; code?: string }[] | null;
  missingFacts: { fact: string; label: string }[];
  version: { validFrom: string; validTo: string | null } | null;
  benefit: Benefit | null;
  /** The order or guideline the verdict rests on, with how far its text was checked. */
  source?: { title: string; citation?: string; url?: string; reference?: string; date: string; verification?: string } | null;
  channel: { mode: string; where: string; url?: string };
  requiredDocuments: DocumentType[];
  missingDocuments: { doc: DocumentType; label: string; status: DocumentStatus; alternatives: DocumentType[]; conditional: boolean }[];
  annualValue: number;
  application: { id: string; status: ApplicationStatus; version: number; identifiedOn: string } | null;
}

export interface FamilySuggestions {
  familyId: string;
  asOf: string;
  counts: Record<EligibilityStatus, number>;
  subjects: { id: string; kind: Subject; name: string; nameLocal: string | null; age?: number | null }[];
  suggestions: Suggestion[];
}

export interface DocRecord {
  id: string;
  docType: string;
  status: DocumentStatus;
  issuingOffice: string | null;
  appliedOn: string | null;
  issuedOn: string | null;
  version: number;
}

export interface ChecklistItem {
  doc: DocumentType;
  label: string;
  alternatives: DocumentType[];
  conditional: boolean;
  held: boolean;
  status: DocumentStatus;
  satisfiedBy: DocumentType | null;
  owner: 'child' | 'family';
  ownerId: string;
  record: DocRecord | null;
  history: { from: string | null; to: string; on: string; issuingOffice: string | null; note: string | null }[];
  requests: {
    id: string;
    department: string;
    officer: string | null;
    requestedOn: string;
    dueOn: string;
    status: string;
    closedOn: string | null;
    version: number;
    overdue: boolean;
    followUp?: FollowUp;
    followUpStatus?: FollowUpStatus | null;
  }[];
}

export interface Application {
  id: string;
  schemeId: string;
  subject: Subject;
  subjectId: string;
  familyId: string;
  childId: string | null;
  status: ApplicationStatus;
  identifiedOn: string;
  appliedOn: string | null;
  sanctionedOn: string | null;
  amount: number | null;
  officerName: string | null;
  version: number;
  historyValid: boolean;
  historyError: string | null;
  allowedNext: ApplicationStatus[];
  scheme: { id: string; name: LocalisedName; department: string; subject: Subject; channel: { mode: string; where: string } };
  family: { id: string; headName: string; headNameLocal: string | null; villageId: string | null };
  subjectName: string | null;
  steps: {
    seq: number;
    status: ApplicationStatus;
    on: string;
    reason: string | null;
    amount: number | null;
    reference: string | null;
    note: string | null;
    officerName: string | null;
  }[];
  eligibility: {
    judgedOn: string;
    status: EligibilityStatus;
    reasons: string[];
    version: { validFrom: string; validTo: string | null } | null;
    benefit: Benefit | null;
  } | null;
  checklist: ChecklistItem[];
}

export interface WorklistItem {
  familyId: string;
  headName: string;
  headNameLocal: string | null;
  villageId: string | null;
  villageName: string | null;
  districtCode: number;
  schemes: {
    schemeId: string;
    schemeName: LocalisedName;
    subject: Subject;
    subjects: { id: string; name: string; age?: number | null }[];
    missingDocuments: DocumentType[];
    annualValue: number;
  }[];
}

export interface Worklist {
  asOf: string;
  status: 'eligible' | 'maybe';
  items: WorklistItem[];
  total: number;
  page: number;
  pageSize: number;
  byScheme: Record<string, number>;
}

export interface MonthFigures {
  month: string;
  familiesLinked: number;
  newlyLinked: number;
  childrenReceiving: Record<string, number>;
  childrenReceivingAny: number;
  documentsSecured: number;
  certificatesSecured: number;
  documentsSecuredByType: Record<string, number>;
}

export interface AreaTotals {
  families: number;
  familiesLinked: number;
  newlyLinked: number;
  childrenReceiving: Record<string, number>;
  childrenReceivingAny: number;
  documentsSecured: number;
  certificatesSecured: number;
  documentsSecuredByType: Record<string, number>;
  applicationsByStatus: Record<string, number>;
}

export interface Outcomes {
  area: { id: string; name: string; nameLocal: string | null; level: string } | null;
  from: string;
  to: string;
  groupBy: 'district' | 'subdistrict' | 'village';
  schemes: { id: string; name: LocalisedName }[];
  totals: AreaTotals;
  months: MonthFigures[];
  areas: (AreaTotals & { id: string; name: string; nameLocal: string | null; level: string; months: MonthFigures[] })[];
}

export interface DocumentRequestRow {
  id: string;
  familyId: string;
  childId: string | null;
  applicationId: string | null;
  docType: string;
  label: string;
  department: string;
  officer: string | null;
  requestedOn: string;
  dueOn: string;
  status: 'open' | 'done' | 'cancelled';
  closedOn: string | null;
  villageName: string | null;
  headName: string;
  headNameLocal: string | null;
  version: number;
  overdue: boolean;
  followUp?: FollowUp;
  followUpStatus?: FollowUpStatus | null;
}

/** How a request's convergence action item or case task stands (src/schemes/document-followup.ts). */
export type FollowUpStatus = FollowUpView;
