import type { RecordKind, RecordStatus, MatchStatus, RestorationStatus } from '../../../../src/missing/domain/vocabulary';

/** Shapes of the missing-children API (src/missing/*.service.ts). */
export interface MissingRecord {
  id: string;
  reference: string;
  kind: RecordKind;
  status: RecordStatus;
  channel: 'public' | 'official';
  source: string;
  access: 'own' | 'via_match';
  /** Another district's record before its own district agreed to the match: the compared fields only (src/access/missing.ts). */
  view: 'full' | 'compared';
  stateCode: number;
  districtCode: number;
  stateName: string;
  districtName: string;
  villageId: string | null;
  place: string | null;
  address: string | null;
  name: string | null;
  nameLocal: string | null;
  aliases: string[];
  sex: string;
  ageYears: number | null;
  ageEstimated: boolean;
  fatherName: string | null;
  motherName: string | null;
  guardianName: string | null;
  language: string | null;
  heightCm: number | null;
  weightKg: number | null;
  marks: string | null;
  clothing: string | null;
  description: string | null;
  eventDate: string | null;
  eventPlace: string | null;
  currentCare: string | null;
  currentPlace: string | null;
  childId: string | null;
  reporter: { name: string | null; relation: string | null; phone: string | null; email: string | null };
  policeStation: string | null;
  firNumber: string | null;
  moderation: { reason: string | null; by: string; at: string } | null;
  matchState: 'pending' | 'done' | 'not_applicable';
  hasPhoto: boolean;
  createdAt: string;
  version: number;
  /** Fields the server left out for this reader (src/access/fields.ts; JJ Act 2015 s.74): absent, not null. */
  withheld?: string[];
  /** The name is initials only: the linked child's case is under a CWC non-disclosure order. */
  initialsOnly?: true;
}

export interface RedactedRecord {
  id: string;
  reference: string;
  kind: RecordKind;
  status: RecordStatus;
  districtCode: number;
  districtName: string;
  stateName: string;
  redacted: true;
}

export type RecordSide = MissingRecord | RedactedRecord;
export const isRedacted = (r: RecordSide | null | undefined): r is RedactedRecord => !!r && 'redacted' in r;

export interface FieldWeight {
  id: string;
  label: string;
  level: number;
  levelLabel: string;
  weight: number;
}

export interface PersonRecord {
  id: string;
  name: string;
  sex: string;
  age: number | null;
  father_name: string;
  mother_name: string;
  state: string;
  district: string;
  place: string;
  date: string;
  language: string;
  marks: string;
}

export interface Restoration {
  id: string;
  matchId: string | null;
  nationalMatchId?: string | null;
  /** Null when the report is another state's (a restoration after a national match). */
  missingId: string | null;
  foundId: string;
  status: RestorationStatus;
  caseId: string | null;
  childId: string | null;
  note: string | null;
  districtCode: number;
  foundDistrictCode: number;
  cwcOrder: { ref: string | null; on: string | null; source: 'case' | 'cwc_member' } | null;
  version: number;
}

/** Who agreed to a cross-district match, and which side it still waits for. */
export interface Agreement {
  crossDistrict: boolean;
  missing: { at: string; by: string } | null;
  found: { at: string; by: string } | null;
  waitingFor: ('missing' | 'found')[];
  confirmedAs: 'both_sides' | 'one_district' | 'cwc' | null;
}

export interface Match {
  id: string;
  status: MatchStatus;
  probability: number;
  weight: number;
  fields: FieldWeight[];
  explanation: string;
  modelVersion: string;
  proposedAt: string;
  decidedAt: string | null;
  note: string | null;
  version: number;
  agreement: Agreement;
  missing: RecordSide;
  found: RecordSide;
  comparison?: { left: PersonRecord; right: PersonRecord } | null;
  restoration?: Restoration | null;
}

export interface RecordDetail extends MissingRecord {
  matches: (Omit<Match, 'missing' | 'found'> & { other: RecordSide })[];
}

export interface ListPage<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface RestorationRow extends Restoration {
  missingReference: string | null;
  foundReference: string | null;
  name: string | null;
  nameLocal: string | null;
  sex: string;
  currentCare: string | null;
  currentPlace: string | null;
}

export interface District {
  code: number;
  name: string;
  nameLocal: string | null;
  stateCode: number;
  level: string;
}

/** GET /missing/model (src/missing/missing.model.ts modelStatusOut). */
export interface MatchModelStatus {
  version: string;
  source: 'shipped' | 'refit';
  shippedVersion: string;
  mayRefit: boolean;
  trainedOn: string;
  fittedAt: string | null;
  calibration: { scale: number; shift: number };
  bands: { band: 'strong' | 'likely' | 'possible' | 'weak'; from: number; to: number }[];
  decisions: { confirmed: number; rejected: number; minEach: number };
  history: {
    version: string;
    baseVersion: string;
    fittedAt: string;
    active: boolean;
    confirmed: number;
    rejected: number;
    eceBefore: number;
    eceAfter: number;
    changed: { id: string; maxChange: number }[];
  }[];
}
