import type { Role } from '../roles';

/**
 * The permitted-fields policy as DATA: for every record type, the fields each role may read
 * and write. Validated at load (policy.ts in this folder); composed there with the
 * jurisdiction rule (../policy.ts), the case-level rules (src/cases/cases.access.ts) and the
 * CWC non-disclosure order. Repositories SELECT only what this allows
 * (`permittedColumns`), so a field that is not permitted never leaves the database.
 *
 * - `sets`: named field sets of the record type; a role's `read` names one of them.
 * - `rows`: which records of the type the role may see at all (beyond its permission):
 *   `jurisdiction` (its place, ../policy.ts), `own_department` (addressed to the actor's
 *   department), `case_access` (the case rule), `none`.
 * - `identity`: under a CWC non-disclosure order, for readers who may not identify the
 *   child (see `nonDisclosure` below), `initials` fields show initials only and `withhold`
 *   fields are absent from the response.
 * - `write`: the fields the role may send in a create or update (others: 403 naming the field).
 *
 * The minimal sets follow JJ Act 2015 s.74 (disclose no particular that may identify a child
 * beyond what the work needs) and s.3(viii) (right to privacy and confidentiality): a
 * department nodal officer or the 1098 helpline gets names, sex, age and village — age, not
 * the exact date of birth.
 */

export const CHILD_FIELDS = [
  'id',
  'familyId',
  'stateCode',
  'districtCode',
  'subdistrictCode',
  'blockCode',
  'villageId',
  'name',
  'nameLocal',
  'otherNames',
  'sex',
  'dob',
  'dobEstimated',
  // The basis and day of an age a CWC determined (JJ Act 2015 s.94(2)), written from the case (issue #18).
  'ageBasis',
  'ageDeterminedOn',
  'age',
  'careStatus',
  'schoolStatus',
  'school',
  'healthNotes',
  'disability',
  'mergedInto',
  'version',
  'createdAt',
  'updatedAt',
] as const;
const CHILD_MINIMAL = ['id', 'stateCode', 'districtCode', 'villageId', 'name', 'nameLocal', 'sex', 'age', 'mergedInto', 'version'] as const;
const CHILD_WRITE = [
  'familyId',
  'locationId',
  'name',
  'nameLocal',
  'otherNames',
  'sex',
  'dob',
  'ageYears',
  'careStatus',
  'schoolStatus',
  'school',
  'healthNotes',
  'disability',
] as const;

export const FAMILY_FIELDS = [
  'id',
  'stateCode',
  'districtCode',
  'subdistrictCode',
  'blockCode',
  'villageId',
  'address',
  'headName',
  'headNameLocal',
  'caregiverType',
  'areaType',
  'annualIncome',
  'rationCard',
  'bpl',
  'occupation',
  'migration',
  'casteCategory',
  'socialGroup',
  'vulnerabilityFactors',
  'notes',
  'createdBy',
  'mergedInto',
  'version',
  'createdAt',
  'updatedAt',
] as const;
const FAMILY_MINIMAL = ['id', 'stateCode', 'districtCode', 'villageId', 'headName', 'headNameLocal', 'version'] as const;
const FAMILY_WRITE = [
  'locationId',
  'address',
  'headName',
  'headNameLocal',
  'caregiverType',
  'areaType',
  'annualIncome',
  'rationCard',
  'bpl',
  'occupation',
  'migration',
  'casteCategory',
  'socialGroup',
  'vulnerabilityFactors',
  'notes',
] as const;

export const MEMBER_FIELDS = [
  'id',
  'familyId',
  'name',
  'nameLocal',
  'relationship',
  'sex',
  'age',
  'alive',
  'deathDate',
  'deathCause',
  'isPrimaryCaregiver',
  'occupation',
  'disability',
  'chronicIllness',
  'imprisoned',
  'createdAt',
  'version',
] as const;
const MEMBER_WRITE = MEMBER_FIELDS.filter((f) => !['id', 'familyId', 'createdAt', 'version'].includes(f));

/** A case read in full: the summary columns, the child's identity, and the case's parts. */
export const CASE_FIELDS = [
  'id',
  'number',
  'childId',
  'familyId',
  'stateCode',
  'districtCode',
  'subdistrictCode',
  'blockCode',
  'villageId',
  'status',
  'phase',
  'level',
  'risk',
  'source',
  'reportedOn',
  'ownerUserId',
  'ownerUnitId',
  'transferToUnitId',
  'nextDueAt',
  'nextDueKind',
  'flags',
  'openedAt',
  'lastActionAt',
  'closedAt',
  'version',
  'childName',
  'childNameLocal',
  'childSex',
  'childDob',
  'childAge',
  // The parts of a case (src/cases/cases.service.ts `caseDetail`).
  'history',
  'concerns',
  'cwc',
  'carePlan',
  'referrals',
  'attachments',
  'directory',
] as const;
const CASE_PARTS_ALL = CASE_FIELDS.filter(() => true);
const CASE_NO_DOB = CASE_FIELDS.filter((f) => f !== 'childDob');

/** The referred part of a case (cases.access.ts 'referral'): the child's name and the referrals to one's own organisation. */
export const CASE_REFERRAL_FIELDS = [
  'id',
  'number',
  'version',
  'childId',
  'childName',
  'childNameLocal',
  'childSex',
  'childAge',
  'referrals',
  'due',
] as const;

export const DOCUMENT_REQUEST_FIELDS = [
  'id',
  'familyId',
  'childId',
  'applicationId',
  'docType',
  'department',
  'officer',
  'requestedOn',
  'dueOn',
  'status',
  'closedOn',
  'result',
  'note',
  'villageId',
  'villageName',
  'headName',
  'headNameLocal',
  'version',
  'followUp',
  'convergenceActionId',
  'caseId',
  'caseReferralId',
] as const;
/** What a department needs to act on a request addressed to it: whose document, where, by when. */
const DOCUMENT_REQUEST_DEPARTMENT = [
  'id',
  'familyId',
  'childId',
  'docType',
  'department',
  'officer',
  'requestedOn',
  'dueOn',
  'status',
  'closedOn',
  'result',
  'villageId',
  'villageName',
  'headName',
  'headNameLocal',
  'version',
  'followUp',
  'convergenceActionId',
  'caseId',
  'caseReferralId',
] as const;

export const APPLICATION_FIELDS = [
  'id',
  'familyId',
  'childId',
  'subjectId',
  'schemeId',
  'status',
  'villageId',
  'villageName',
  'headName',
  'headNameLocal',
  'childName',
  'childNameLocal',
  'steps',
  'reasons',
  'version',
  'createdAt',
  'updatedAt',
] as const;

export const CONVERGENCE_ACTION_FIELDS = [
  'id',
  'groupId',
  'meetingId',
  'department',
  'organisationId',
  'description',
  'officer',
  'dueDate',
  'status',
  'caseRef',
  'caseId',
  'childId',
  'childName',
  'events',
  'version',
] as const;

export const ATTACHMENT_FIELDS = [
  'id',
  'caseId',
  'kind',
  'contentType',
  'originalName',
  'description',
  'sizeBytes',
  'sha256',
  'uploadedBy',
  'uploadedAt',
  'content',
] as const;

// Missing/found records, matches and photos (src/missing, wired through permittedColumns and
// rowsWhere; the cross-district view of a record is composed in src/access/missing.ts).
/** The columns of a missing-child report or found-child record (src/missing/missing.schema.ts). */
export const MISSING_RECORD_FIELDS = [
  'id',
  'number',
  'reference',
  'kind',
  'status',
  'channel',
  'source',
  'stateCode',
  'districtCode',
  'subdistrictCode',
  'blockCode',
  'villageId',
  'place',
  'address',
  'name',
  'nameLocal',
  'aliases',
  'sex',
  'ageYears',
  'ageEstimated',
  'fatherName',
  'motherName',
  'guardianName',
  'language',
  'heightCm',
  'weightKg',
  'marks',
  'clothing',
  'description',
  'eventDate',
  'eventPlace',
  'eventDistrictCode',
  'currentCare',
  'currentPlace',
  'childId',
  'reporterName',
  'reporterRelation',
  'reporterPhone',
  'reporterEmail',
  'policeStation',
  'firNumber',
  'moderationReason',
  'moderatedBy',
  'moderatedAt',
  'blockKeys',
  'blockKeysModel',
  'matchState',
  'matchedAt',
  'photoStoredName',
  'photoContentType',
  'photoSize',
  'photoSha256',
  'createdBy',
  'createdAt',
  'updatedAt',
  'version',
] as const;
/** The helpline takes reports and answers callers: not the registry link nor the matching bookkeeping. */
const MISSING_RECORD_HELPLINE = MISSING_RECORD_FIELDS.filter(
  (f) => !['childId', 'blockKeys', 'blockKeysModel', 'moderatedBy', 'createdBy'].includes(f),
);
/** What the system keeps on a report and no writer sends: numbering, place codes (derived from locationId), moderation, matching, the photo (uploaded apart) and bookkeeping. */
const MISSING_RECORD_KEPT: readonly string[] = [
  'id',
  'number',
  'reference',
  'status',
  'channel',
  'source',
  'stateCode',
  'subdistrictCode',
  'blockCode',
  'villageId',
  'moderationReason',
  'moderatedBy',
  'moderatedAt',
  'blockKeys',
  'blockKeysModel',
  'matchState',
  'matchedAt',
  'photoStoredName',
  'photoContentType',
  'photoSize',
  'photoSha256',
  'createdBy',
  'createdAt',
  'updatedAt',
  'version',
];
/** Fields a writer may send: every read field but what the system keeps, with the place given as locationId (src/missing/missing.model.ts). */
const MISSING_RECORD_WRITE = ['locationId', ...MISSING_RECORD_FIELDS.filter((f) => !MISSING_RECORD_KEPT.includes(f))];
/** The columns of a match candidate (src/missing/missing.schema.ts `missingMatch`). */
export const MATCH_FIELDS = [
  'id',
  'missingId',
  'foundId',
  'missingStateCode',
  'missingDistrictCode',
  'foundStateCode',
  'foundDistrictCode',
  'probability',
  'weight',
  'fields',
  'explanation',
  'modelVersion',
  'status',
  'note',
  'decidedBy',
  'decidedAt',
  'decidedLeft',
  'decidedRight',
  'missingAgreedBy',
  'missingAgreedAt',
  'foundAgreedBy',
  'foundAgreedAt',
  'confirmedAs',
  'proposedAt',
  'updatedAt',
  'version',
] as const;
/** A missing record's photo (the record's photo columns; `content` is the stored file). */
export const PHOTO_FIELDS = ['id', 'recordId', 'contentType', 'sizeBytes', 'sha256', 'content'] as const;

// Children in institutions (src/care): a stay, its Individual Care Plan, an institution's inspection.
export const CARE_STAY_FIELDS = [
  'id',
  'childId',
  'childName',
  'childNameLocal',
  'childSex',
  'childAge',
  'childDob',
  'institutionId',
  'institutionName',
  'stateCode',
  'districtCode',
  'orderBy',
  'caseId',
  'orderType',
  'orderRef',
  'orderForm',
  'orderedOn',
  'gatekeepingId',
  'admittedOn',
  'status',
  'endedOn',
  'endReason',
  'overCapacityReason',
  'transferredFrom',
  'missingReportId',
  'version',
  // Requests the institution's staff make about the stay (leave, transfer, discharge), decided by the CWC/DCPU.
  'movementRequests',
] as const;
export const CARE_PLAN_FIELDS = [
  'id',
  'stayId',
  'childId',
  'stateCode',
  'districtCode',
  'preparedOn',
  'preferredOption',
  'goals',
  'nextReviewDue',
  'reviews',
  'version',
  'institutionId',
  // The institution's progress notes on the plan's goals (JJ Model Rules 2016 Form 7).
  'progress',
] as const;
export const CARE_INSPECTION_FIELDS = [
  'id',
  'institutionId',
  'inspectedOn',
  'committee',
  'findings',
  'followUps',
  'stateCode',
  'districtCode',
  'createdAt',
] as const;
/** A reintegration pathway (src/care/pathways.service.ts): worked by the NGO the DCPU assigned it to. */
export const CARE_PATHWAY_FIELDS = [
  'id',
  'childId',
  'childName',
  'stayId',
  'ngoId',
  'kind',
  'stateCode',
  'districtCode',
  'stage',
  'stageOn',
  'history',
  'restoredOn',
  'followUps',
  'version',
] as const;
/** A family-based placement (kinship, foster s.44, sponsorship s.45, aftercare s.46) with its Form 35 visits. */
export const CARE_PLACEMENT_FIELDS = [
  'id',
  'childId',
  'kind',
  'carer',
  'carerId',
  'caseId',
  'orderRef',
  'orderForm',
  'approvedOn',
  'startedOn',
  'endedOn',
  'endReason',
  'endOrderRef',
  'stateCode',
  'districtCode',
  'inspections',
  'version',
] as const;
/** A foster carer (an adult's family: JJ Model Rules 2016 r.23): application, home study (Form 30), SFCAC decision. */
export const FOSTER_CARER_FIELDS = [
  'id',
  'kind',
  'name',
  'address',
  'stateCode',
  'districtCode',
  'villageId',
  'appliedOn',
  'status',
  'homeStudy',
  'decision',
  'approvedOn',
  'reviewDue',
  // What the home study found the family can take (migration 0810): matching reads it.
  'profile',
  'version',
] as const;
/**
 * A sponsorship's renewal (JJ Act 2015 s.45; JJ Model Rules 2016 r.24): the DCPU's re-assessment
 * of the child and family before the sanction ends, the SFCAC's decision (renewed with a new end,
 * or refused), and the sponsorship's ending before its period. Its own type: not the foster
 * family's home study and approval (r.23), whose writers differ (an NGO's caseworker makes a home study).
 */
export const SPONSORSHIP_RENEWAL_FIELDS = [
  'id',
  'sponsorshipId',
  'stateCode',
  'districtCode',
  'previousValidUntil',
  'reassessedOn',
  'reassessment',
  'status',
  'meetingOn',
  'validUntil',
  'reasons',
  'ref',
  'endedOn',
  'endReason',
] as const;
/** A month of a child's sponsorship, foster-care or aftercare grant (Mission Vatsalya guidelines 2022). */
export const CARE_PAYMENT_FIELDS = [
  'id',
  'placementId',
  'childId',
  'kind',
  'month',
  'amount',
  'rateVersion',
  'status',
  'paidOn',
  'reason',
  'stateCode',
  'districtCode',
  'version',
] as const;
/** An aftercare plan (JJ Act 2015 s.46; Model Rules 2016 r.25, Form 37 order). */
export const CARE_AFTERCARE_FIELDS = [
  'id',
  'childId',
  'stateCode',
  'districtCode',
  'orderRef',
  'planOn',
  'turns18On',
  'endsOn',
  'needs',
  'nextReviewDue',
  'reviews',
  'status',
  'version',
] as const;
/** The hand-off of a child declared legally free for adoption (s.38) to an SAA and CARINGS. */
export const CARE_ADOPTION_FIELDS = [
  'id',
  'childId',
  'caseId',
  'stateCode',
  'districtCode',
  'declaredFreeOn',
  'orderRef',
  'saaId',
  'caringsRef',
  'handedOverOn',
  'status',
  'statusOn',
  'version',
] as const;
/** A 1098 call (src/helpline): who called, about which children, where, what, and the clock. */
export const HELPLINE_CALL_FIELDS = [
  'id',
  'number',
  'status',
  'channel',
  'stateCode',
  'districtCode',
  'subdistrictCode',
  'blockCode',
  'villageId',
  'operatorUserId',
  'callerPhone',
  'callerName',
  'callerAnonymous',
  'callerRelation',
  'children',
  'childIds',
  'locationText',
  'latitude',
  'longitude',
  'categories',
  'urgency',
  'language',
  'notes',
  'receivedAt',
  'submittedAt',
  'route',
  'targetMinutes',
  'targetAt',
  'triage',
  'assignedUnitId',
  'dispatchedAt',
  'reachedAt',
  'closedAt',
  'outcome',
  'caseId',
  'missingRecordId',
  'version',
  // migrations/0740: station flag, named responder and response steps, the partner (112/181)
  'atStation',
  'responderUserId',
  'onTheWayAt',
  'handedToKind',
  'handedToName',
  'handedToAt',
  'partner',
  'partnerRef',
] as const;
/** What the operator types during a call (the rest is computed by triage and the clock). */
const HELPLINE_INTAKE_WRITE = [
  'channel',
  'villageId',
  'callerPhone',
  'callerName',
  'callerAnonymous',
  'callerRelation',
  'children',
  'locationText',
  'latitude',
  'longitude',
  'categories',
  'urgency',
  'language',
  'notes',
  'atStation',
] as const;
const HELPLINE_DISPATCH_WRITE = ['assignedUnitId', 'outcome', 'responderUserId', 'handedToKind', 'handedToName'] as const;

type RoleMap<T> = Record<Role, T>;
const every = <T>(v: T): RoleMap<T> => ({
  admin: v,
  dcpu_officer: v,
  cwc_member: v,
  caseworker: v,
  nodal_officer: v,
  ngo_caseworker: v,
  frontline_worker: v,
  helpline_operator: v,
  auditor: v,
  scps_officer: v,
  cci_staff: v,
});

/** The registry's readers: the whole record, or the minimal view (permission registry.read.minimal). */
const registryRead = { ...every('full'), nodal_officer: 'minimal', helpline_operator: 'minimal' };
const registryWriters = <W extends readonly string[]>(w: W): RoleMap<readonly string[]> => ({
  ...every<readonly string[]>([]),
  dcpu_officer: w,
  caseworker: w,
  ngo_caseworker: w,
  frontline_worker: w,
});

/**
 * Children in institutions (src/care): departments' nodal officers, the helpline and village
 * workers do not get them (JJ Act 2015 s.74: the work does not need them); a stay's writers are
 * the DCPU, the CWC and the district's caseworkers (admission only on a CWC/JJB order, s.37, s.41).
 */
const careNone = { nodal_officer: 'none', helpline_operator: 'none', frontline_worker: 'none' } as const;
const careNoRows = { nodal_officer: 'none', helpline_operator: 'none', frontline_worker: 'none' } as const;
/** A CCI's staff: only the children staying in their own institution (the stay's institution is their organisation). */
const cciOwn = { cci_staff: 'own_organisation' } as const;
const cciNone = { cci_staff: 'none' } as const;
/** The district's care writers (DCPU, CWC, the DCPU's caseworkers): orders and decisions. */
const careWriters = <W extends readonly string[]>(w: W): RoleMap<readonly string[]> => ({
  ...every<readonly string[]>([]),
  dcpu_officer: w,
  cwc_member: w,
  caseworker: w,
});
const CARE_STAY_WRITE = [
  'childId',
  'institutionId',
  'orderBy',
  'caseId',
  'orderType',
  'orderRef',
  'orderForm',
  'orderedOn',
  'gatekeepingId',
  'admittedOn',
  'status',
  'endedOn',
  'endReason',
  'overCapacityReason',
] as const;
const CARE_PLAN_WRITE = ['stayId', 'preparedOn', 'preferredOption', 'goals', 'nextReviewDue', 'reviews'] as const;
const CARE_INSPECTION_WRITE = ['institutionId', 'inspectedOn', 'committee', 'findings', 'followUps'] as const;

export const FIELD_POLICY_DATA = {
  /**
   * Who may still identify a child under a CWC non-disclosure order (JJ Act 2015 s.74(1); the
   * CWC's powers, s.29-30; the DCPU's duty for every child in its district, s.106 and Model
   * Rules 2016 r.85): members of the CWC and officers of the DCPU whose jurisdiction covers
   * the case; and, wherever they are, the case's owner, the users of its owning unit and of
   * the unit a pending transfer goes to (they act on the child). Everyone else — caseworkers
   * of other units, NGOs, the Anganwadi, department nodal officers, the helpline, auditors and
   * administrators — sees initials, and a name search does not find the child.
   */
  nonDisclosure: {
    citation: 'JJ Act 2015 s.74(1); JJ Model Rules 2016 r.85',
    identifyInJurisdiction: ['cwc_member', 'dcpu_officer'] satisfies Role[],
    identifyAsCaseTeam: true,
  },
  records: {
    child: {
      fields: CHILD_FIELDS,
      sets: { full: CHILD_FIELDS, minimal: CHILD_MINIMAL, none: [] },
      read: registryRead,
      rows: every('jurisdiction'),
      identity: { initials: ['name'], withhold: ['nameLocal', 'otherNames', 'dob', 'dobEstimated', 'ageDeterminedOn', 'school'] },
      // The 1098 operator registers a child only as a call is handed over as a case (cases.open), with what a caller can tell.
      write: { ...registryWriters(CHILD_WRITE), helpline_operator: ['locationId', 'name', 'nameLocal', 'sex', 'ageYears', 'careStatus'] },
      citation: 'JJ Act 2015 s.74; s.3(viii)',
    },
    family: {
      fields: FAMILY_FIELDS,
      sets: { full: FAMILY_FIELDS, minimal: FAMILY_MINIMAL, none: [] },
      read: registryRead,
      rows: every('jurisdiction'),
      identity: { initials: ['headName'], withhold: ['headNameLocal', 'address', 'rationCard'] },
      write: registryWriters(FAMILY_WRITE),
      citation: 'JJ Act 2015 s.74: a nodal officer gets the name, not the family history',
    },
    member: {
      fields: MEMBER_FIELDS,
      sets: { full: MEMBER_FIELDS, none: [] },
      read: { ...every('full'), nodal_officer: 'none', helpline_operator: 'none' },
      rows: every('jurisdiction'),
      identity: { initials: ['name'], withhold: ['nameLocal'] },
      write: registryWriters(MEMBER_WRITE),
      citation: 'JJ Act 2015 s.74',
    },
    case: {
      fields: CASE_FIELDS,
      sets: { full: CASE_PARTS_ALL, noDob: CASE_NO_DOB, none: [] },
      // Read only with cases.read (roles.ts); a referred organisation gets `caseReferral` instead.
      read: { ...every('full'), nodal_officer: 'none', helpline_operator: 'none' },
      rows: every('case_access'),
      identity: { initials: ['childName'], withhold: ['childNameLocal', 'childDob'] },
      // Case writes are actions, checked by the case workflow (cases.service.ts) and permissions.
      write: every<readonly string[]>([]),
      citation: 'JJ Act 2015 s.74; Model Rules 2016 r.19 (case file confidential)',
    },
    caseReferral: {
      fields: CASE_REFERRAL_FIELDS,
      sets: { referral: CASE_REFERRAL_FIELDS, none: [] },
      read: { ...every('referral'), helpline_operator: 'none' },
      rows: every('case_access'),
      identity: { initials: ['childName'], withhold: ['childNameLocal'] },
      write: every<readonly string[]>([]),
      citation: 'JJ Act 2015 s.74: the referred department learns what its work needs',
    },
    documentRequest: {
      fields: DOCUMENT_REQUEST_FIELDS,
      sets: { full: DOCUMENT_REQUEST_FIELDS, department: DOCUMENT_REQUEST_DEPARTMENT, none: [] },
      read: { ...every('full'), nodal_officer: 'department', helpline_operator: 'none' },
      rows: { ...every('jurisdiction'), nodal_officer: 'own_department', helpline_operator: 'none' },
      identity: { initials: ['headName'], withhold: ['headNameLocal'] },
      write: {
        ...registryWriters([
          'familyId',
          'childId',
          'applicationId',
          'docType',
          'department',
          'officer',
          'requestedOn',
          'dueOn',
          'note',
          'followUp',
          'status',
          'on',
          'result',
        ]),
        nodal_officer: ['status', 'on', 'result'],
      },
      citation: 'JJ Act 2015 s.74: a department sees the requests addressed to it',
    },
    schemeApplication: {
      fields: APPLICATION_FIELDS,
      sets: { full: APPLICATION_FIELDS, none: [] },
      read: { ...every('full'), nodal_officer: 'none', helpline_operator: 'none' },
      rows: every('jurisdiction'),
      identity: { initials: ['headName', 'childName'], withhold: ['headNameLocal', 'childNameLocal'] },
      write: { ...registryWriters(['familyId', 'childId', 'schemeId', 'on', 'step', 'note', 'version']), frontline_worker: [] },
      citation: 'JJ Act 2015 s.74: why a family qualifies is its history',
    },
    convergenceAction: {
      fields: CONVERGENCE_ACTION_FIELDS,
      sets: { full: CONVERGENCE_ACTION_FIELDS, department: CONVERGENCE_ACTION_FIELDS.filter((f) => f !== 'childName'), none: [] },
      read: { ...every('full'), nodal_officer: 'department', frontline_worker: 'none', helpline_operator: 'none' },
      rows: { ...every('jurisdiction'), nodal_officer: 'own_department', frontline_worker: 'none', helpline_operator: 'none' },
      identity: { initials: ['childName'], withhold: [] },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: ['status', 'note', 'dueDate', 'officer'],
        caseworker: ['status', 'note'],
        ngo_caseworker: ['status', 'note'],
        nodal_officer: ['status', 'note'],
      },
      citation: 'JJ Act 2015 s.74; convergence view in src/convergence/convergence.access.ts',
    },
    attachment: {
      fields: ATTACHMENT_FIELDS,
      sets: { full: ATTACHMENT_FIELDS, none: [] },
      read: { ...every('full'), nodal_officer: 'none', helpline_operator: 'none' },
      rows: every('case_access'),
      identity: { initials: [], withhold: ['originalName'] },
      write: {
        ...every<readonly string[]>(['kind', 'description', 'content']),
        nodal_officer: [],
        helpline_operator: [],
        auditor: [],
        admin: [],
      },
      citation: 'Model Rules 2016 r.19: the case file is confidential',
    },
    helplineCall: {
      fields: HELPLINE_CALL_FIELDS,
      sets: {
        full: HELPLINE_CALL_FIELDS,
        // The caller is the operator's and the unit's business, not an auditor's.
        noCaller: HELPLINE_CALL_FIELDS.filter((f) => !['callerPhone', 'callerName', 'callerRelation'].includes(f)),
        none: [],
      },
      read: {
        ...every('none'),
        helpline_operator: 'full',
        dcpu_officer: 'full',
        caseworker: 'full',
        cwc_member: 'full',
        auditor: 'noCaller',
      },
      rows: {
        ...every('none'),
        helpline_operator: 'jurisdiction',
        dcpu_officer: 'jurisdiction',
        caseworker: 'jurisdiction',
        cwc_member: 'jurisdiction',
        auditor: 'jurisdiction',
      },
      // The caller's number is further masked in SQL for everyone but the operator who took the call (helpline.columns.ts).
      identity: { initials: [], withhold: ['children', 'callerName', 'locationText', 'latitude', 'longitude', 'notes', 'handedToName'] },
      write: {
        ...every<readonly string[]>([]),
        helpline_operator: [...HELPLINE_INTAKE_WRITE, ...HELPLINE_DISPATCH_WRITE],
        dcpu_officer: HELPLINE_DISPATCH_WRITE,
        caseworker: HELPLINE_DISPATCH_WRITE,
      },
      citation:
        "JJ Act 2015 s.74 (a call names the child and where the child is); DPDP Act 2023 s.9 (a child's data limited to what is necessary)",
    },
    missingRecord: {
      fields: MISSING_RECORD_FIELDS,
      sets: { full: MISSING_RECORD_FIELDS, helpline: MISSING_RECORD_HELPLINE, none: [] },
      // Childline partner NGOs trace and restore found children: they read reports of their place. The
      // Anganwadi worker files reports from her village and reads back what she filed (she has no
      // missing.read: no lists, no searches, roles.ts).
      read: { ...every('full'), nodal_officer: 'none', helpline_operator: 'helpline' },
      rows: { ...every('jurisdiction'), nodal_officer: 'none' },
      // The registry link (childId) is the subject: a report of a child whose case is under an order.
      identity: {
        initials: ['name'],
        withhold: [
          'nameLocal',
          'aliases',
          'fatherName',
          'motherName',
          'guardianName',
          'address',
          'reporterName',
          'reporterPhone',
          'reporterEmail',
          'photoStoredName',
          'photoContentType',
          'photoSize',
          'photoSha256',
        ],
      },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: MISSING_RECORD_WRITE,
        caseworker: MISSING_RECORD_WRITE,
        scps_officer: MISSING_RECORD_WRITE,
        frontline_worker: MISSING_RECORD_WRITE.filter((f) => f !== 'childId'),
        helpline_operator: MISSING_RECORD_WRITE.filter((f) => f !== 'childId'),
      },
      citation: 'JJ Act 2015 s.74; cross-district views per issue #11 (src/access/missing.ts)',
    },
    missingMatch: {
      fields: MATCH_FIELDS,
      sets: {
        full: MATCH_FIELDS,
        // The pair as stored at the decision (names and all) is labelled data for those who decide and re-fit the model.
        reviewer: MATCH_FIELDS.filter((f) => !['decidedLeft', 'decidedRight'].includes(f)),
        none: [],
      },
      read: {
        ...every('reviewer'),
        dcpu_officer: 'full',
        cwc_member: 'full',
        // The state officer decides cross-district matches and refits the state's model from the decided pairs.
        scps_officer: 'full',
        admin: 'full',
        nodal_officer: 'none',
        ngo_caseworker: 'none',
        frontline_worker: 'none',
      },
      rows: { ...every('jurisdiction'), nodal_officer: 'none', ngo_caseworker: 'none', frontline_worker: 'none' },
      // Subject: the registry children of both sides (src/access/missing.ts `matchSubject`).
      identity: { initials: [], withhold: ['decidedLeft', 'decidedRight'] },
      write: { ...every<readonly string[]>([]), dcpu_officer: ['status'], cwc_member: ['status'], scps_officer: ['status'] },
      citation: 'Issue #11: the other district sees the compared fields only until its reviewer agrees; JJ Act 2015 s.74',
    },
    photo: {
      fields: PHOTO_FIELDS,
      sets: { full: PHOTO_FIELDS, none: [] },
      read: { ...every('full'), nodal_officer: 'none', ngo_caseworker: 'none', frontline_worker: 'none' },
      rows: { ...every('jurisdiction'), nodal_officer: 'none', ngo_caseworker: 'none', frontline_worker: 'none' },
      identity: { initials: [], withhold: ['content', 'contentType', 'sizeBytes', 'sha256'] },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: ['content'],
        caseworker: ['content'],
        scps_officer: ['content'],
        helpline_operator: ['content'],
        frontline_worker: ['content'],
      },
      citation: 'JJ Act 2015 s.74: a photograph identifies the child',
    },
    careStay: {
      fields: CARE_STAY_FIELDS,
      sets: { full: CARE_STAY_FIELDS, noDob: CARE_STAY_FIELDS.filter((f) => f !== 'childDob'), none: [] },
      read: { ...every('noDob'), dcpu_officer: 'full', cwc_member: 'full', caseworker: 'full', ...careNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciOwn },
      identity: { initials: ['childName'], withhold: ['childNameLocal', 'childDob'] },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: CARE_STAY_WRITE,
        cwc_member: CARE_STAY_WRITE,
        caseworker: CARE_STAY_WRITE,
        // The institution asks; the CWC/DCPU orders (JJ Act 2015 s.37: every move of a child in care is on an order).
        cci_staff: ['movementRequests'],
      },
      citation:
        'JJ Act 2015 s.2(21), s.41, s.74; Model Rules 2016 r.19: a child in an institution is seen by the district that monitors it',
    },
    carePlan: {
      fields: CARE_PLAN_FIELDS,
      sets: { full: CARE_PLAN_FIELDS, none: [] },
      read: { ...every('full'), ...careNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciOwn },
      identity: { initials: [], withhold: [] },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: [...CARE_PLAN_WRITE, 'progress'],
        cwc_member: CARE_PLAN_WRITE,
        caseworker: [...CARE_PLAN_WRITE, 'progress'],
        cci_staff: ['progress'],
      },
      citation: 'JJ Model Rules 2016 Form 7 (Individual Care Plan); JJ Act 2015 s.74',
    },
    careInspection: {
      fields: CARE_INSPECTION_FIELDS,
      sets: { full: CARE_INSPECTION_FIELDS, none: [] },
      read: { ...every('full'), ...careNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciOwn },
      identity: { initials: [], withhold: [] },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: CARE_INSPECTION_WRITE,
        scps_officer: CARE_INSPECTION_WRITE,
        admin: CARE_INSPECTION_WRITE,
      },
      citation: 'JJ Act 2015 s.54 (inspection committees); s.41 (registration)',
    },
    carePathway: {
      fields: CARE_PATHWAY_FIELDS,
      sets: { full: CARE_PATHWAY_FIELDS, none: [] },
      read: { ...every('full'), ...careNone, ...cciNone },
      // A Center for Excellence (NGO) works only the pathways the DCPU assigned to it.
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciNone, ngo_caseworker: 'own_organisation' },
      identity: { initials: ['childName'], withhold: [] },
      write: {
        ...careWriters(['childId', 'stayId', 'ngoId', 'kind', 'stage', 'stageOn', 'history', 'restoredOn', 'followUps']),
        // Opens a pathway for a child (assigned to its own NGO by the service) and works it.
        ngo_caseworker: ['childId', 'stayId', 'kind', 'stage', 'stageOn', 'history', 'followUps'],
      },
      citation: 'JJ Act 2015 s.40 (restoration), s.74; seed 001 (Centers for Excellence see their assigned cases)',
    },
    carePlacement: {
      fields: CARE_PLACEMENT_FIELDS,
      sets: { full: CARE_PLACEMENT_FIELDS, none: [] },
      read: { ...every('full'), ...careNone, ...cciNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciNone },
      identity: { initials: [], withhold: ['carer'] },
      write: {
        ...careWriters([
          'childId',
          'kind',
          'carer',
          'carerId',
          'caseId',
          'orderRef',
          'orderForm',
          'approvedOn',
          'startedOn',
          'endedOn',
          'endReason',
          'endOrderRef',
        ]),
        // Monthly inspection of the foster family (Model Rules 2016 r.23(18), Form 35) by the DCPU's staff or an NGO.
        dcpu_officer: [
          'childId',
          'kind',
          'carer',
          'carerId',
          'caseId',
          'orderRef',
          'orderForm',
          'approvedOn',
          'startedOn',
          'endedOn',
          'endReason',
          'endOrderRef',
          'inspections',
        ],
        caseworker: [
          'childId',
          'kind',
          'carer',
          'carerId',
          'caseId',
          'orderRef',
          'orderForm',
          'approvedOn',
          'startedOn',
          'endedOn',
          'endReason',
          'endOrderRef',
          'inspections',
        ],
        ngo_caseworker: ['inspections'],
      },
      citation: 'JJ Act 2015 s.44, s.45, s.46, s.74; Model Rules 2016 r.23 (Form 32 order, Form 34 record, Form 35 inspection)',
    },
    fosterCarer: {
      fields: FOSTER_CARER_FIELDS,
      sets: { full: FOSTER_CARER_FIELDS, none: [] },
      read: { ...every('full'), ...careNone, ...cciNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciNone },
      identity: { initials: [], withhold: [] },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: ['kind', 'name', 'address', 'locationId', 'appliedOn', 'homeStudy', 'decision', 'profile', 'reviewDue'],
        caseworker: ['kind', 'name', 'address', 'locationId', 'appliedOn', 'homeStudy', 'profile'],
        // Whoever makes the home study (Form 30) records what the family can take.
        ngo_caseworker: ['homeStudy', 'profile'],
        // The CWC sits on the Sponsorship and Foster Care Approval Committee (Model Rules 2016 r.23, r.24): how long an approval holds is its.
        cwc_member: ['decision', 'reviewDue'],
      },
      citation: 'JJ Act 2015 s.44; JJ Model Rules 2016 r.23 (home study Form 30, r.23(9); SFCAC approval)',
    },
    sponsorshipRenewal: {
      fields: SPONSORSHIP_RENEWAL_FIELDS,
      sets: { full: SPONSORSHIP_RENEWAL_FIELDS, none: [] },
      read: { ...every('full'), ...careNone, ...cciNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciNone },
      identity: { initials: [], withhold: [] },
      write: {
        ...every<readonly string[]>([]),
        // r.24: the DCPU re-assesses (its officer or caseworker); the SFCAC, where the DCPO and the CWC sit,
        // renews or refuses and may end the sponsorship before its period.
        dcpu_officer: ['reassessedOn', 'reassessment', 'status', 'meetingOn', 'validUntil', 'reasons', 'ref', 'endedOn', 'endReason'],
        caseworker: ['reassessedOn', 'reassessment'],
        cwc_member: ['status', 'meetingOn', 'validUntil', 'reasons', 'ref', 'endedOn', 'endReason'],
      },
      citation: "JJ Act 2015 s.45 (sponsorship); JJ Model Rules 2016 r.24 (the DCPU's re-assessment, the SFCAC's renewal)",
    },
    carePayment: {
      fields: CARE_PAYMENT_FIELDS,
      sets: { full: CARE_PAYMENT_FIELDS, none: [] },
      read: { ...every('full'), ...careNone, ...cciNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciNone },
      identity: { initials: [], withhold: [] },
      write: { ...every<readonly string[]>([]), dcpu_officer: ['placementId', 'month', 'status', 'paidOn', 'reason'] },
      citation: 'JJ Act 2015 s.45; Mission Vatsalya guidelines 2022 (sponsorship and foster care grants, ₹4,000 a month)',
    },
    careAftercare: {
      fields: CARE_AFTERCARE_FIELDS,
      sets: { full: CARE_AFTERCARE_FIELDS, none: [] },
      read: { ...every('full'), ...careNone, ...cciNone },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciNone },
      identity: { initials: [], withhold: [] },
      write: careWriters(['childId', 'orderRef', 'planOn', 'needs', 'reviews']),
      citation: 'JJ Act 2015 s.46; JJ Model Rules 2016 r.25 (aftercare), Form 37',
    },
    careAdoption: {
      fields: CARE_ADOPTION_FIELDS,
      sets: { full: CARE_ADOPTION_FIELDS, none: [] },
      read: { ...every('full'), ...careNone, ...cciNone, ngo_caseworker: 'none' },
      rows: { ...every('jurisdiction'), ...careNoRows, ...cciNone, ngo_caseworker: 'none' },
      identity: { initials: [], withhold: [] },
      write: {
        ...every<readonly string[]>([]),
        dcpu_officer: ['childId', 'caseId', 'saaId', 'caringsRef', 'handedOverOn', 'status'],
        cwc_member: ['childId', 'caseId', 'saaId', 'caringsRef', 'handedOverOn', 'status'],
      },
      citation: 'JJ Act 2015 s.38 (legally free for adoption), s.58-59, s.74; Adoption Regulations 2022 (CARINGS)',
    },
  },
};

/**
 * A CCI's staff read no record type except their own institution's children's stays, plans and
 * inspections (above): every other type is `none` for them, whatever the `every(...)` default.
 */
const CCI_STAFF_TYPES = new Set(['careStay', 'carePlan', 'careInspection']);
for (const [type, rec] of Object.entries(FIELD_POLICY_DATA.records) as [
  string,
  { read: Record<string, string>; rows: Record<string, string>; write: Record<string, readonly string[]> },
][]) {
  if (CCI_STAFF_TYPES.has(type)) continue;
  rec.read.cci_staff = 'none';
  rec.rows.cci_staff = 'none';
  rec.write.cci_staff = [];
}
