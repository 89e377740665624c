import { sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { child, family, familyMember } from '../../registry/registry.schema';
import { caseRecord } from '../../cases/cases.schema';
import { documentRequest } from '../../schemes/schemes.schema';
import { location } from '../../locations/locations.schema';
import { organisation } from '../../users/users.schema';
import { careInspection, carePlan, careStay } from '../../care/care.schema';
import { helplineCall } from '../../helpline/helpline.schema';
import { missingMatch, missingRecord } from '../../missing/missing.schema';
import { MATCH_FIELDS, MISSING_RECORD_FIELDS } from './policy.data';
import type { RecordType } from './load';
import type { IdentitySubject } from './identity';

/**
 * Where each field of a record type comes from in SQL: a column, or an expression computed
 * in the database (a child's age from the date of birth on the IST calendar day, so a reader
 * who may not see the date of birth never receives it). Record types without a map here are
 * served by their own module.
 */
export type ColumnSource = AnyPgColumn | SQL;
export interface ColumnMap {
  cols: Record<string, ColumnSource>;
  /** Whose identity the record carries (for the non-disclosure order). */
  subject: IdentitySubject;
}

/** Whole years from a date of birth to the IST day `today` (YYYY-MM-DD), in SQL. */
export const ageSql = (dob: AnyPgColumn, today: string) => sql<number | null>`date_part('year', age(${today}::date, ${dob}))::int`;

export interface ColumnContext {
  /** The IST calendar day (src/kernel/clock.ts istToday). */
  today: string;
}

function childMap(c: ColumnContext): ColumnMap {
  return {
    cols: {
      id: child.id,
      familyId: child.familyId,
      stateCode: child.stateCode,
      districtCode: child.districtCode,
      subdistrictCode: child.subdistrictCode,
      blockCode: child.blockCode,
      villageId: child.villageId,
      name: child.name,
      nameLocal: child.nameLocal,
      otherNames: child.otherNames,
      sex: child.sex,
      dob: child.dob,
      dobEstimated: child.dobEstimated,
      ageBasis: child.ageBasis,
      ageDeterminedOn: child.ageDeterminedOn,
      age: ageSql(child.dob, c.today),
      careStatus: child.careStatus,
      schoolStatus: child.schoolStatus,
      school: child.school,
      healthNotes: child.healthNotes,
      disability: child.disability,
      mergedInto: child.mergedInto,
      version: child.version,
      createdAt: child.createdAt,
      updatedAt: child.updatedAt,
    },
    subject: { childId: child.id },
  };
}

function familyMap(): ColumnMap {
  return {
    cols: {
      id: family.id,
      stateCode: family.stateCode,
      districtCode: family.districtCode,
      subdistrictCode: family.subdistrictCode,
      blockCode: family.blockCode,
      villageId: family.villageId,
      address: family.address,
      headName: family.headName,
      headNameLocal: family.headNameLocal,
      caregiverType: family.caregiverType,
      areaType: family.areaType,
      annualIncome: family.annualIncome,
      rationCard: family.rationCard,
      bpl: family.bpl,
      occupation: family.occupation,
      migration: family.migration,
      casteCategory: family.casteCategory,
      socialGroup: family.socialGroup,
      vulnerabilityFactors: family.vulnerabilityFactors,
      notes: family.notes,
      createdBy: family.createdBy,
      mergedInto: family.mergedInto,
      version: family.version,
      createdAt: family.createdAt,
      updatedAt: family.updatedAt,
    },
    subject: { familyId: family.id },
  };
}

function memberMap(): ColumnMap {
  const m = familyMember;
  return {
    cols: {
      id: m.id,
      familyId: m.familyId,
      name: m.name,
      nameLocal: m.nameLocal,
      relationship: m.relationship,
      sex: m.sex,
      age: m.age,
      alive: m.alive,
      deathDate: m.deathDate,
      deathCause: m.deathCause,
      isPrimaryCaregiver: m.isPrimaryCaregiver,
      occupation: m.occupation,
      disability: m.disability,
      chronicIllness: m.chronicIllness,
      imprisoned: m.imprisoned,
      createdAt: m.createdAt,
      version: m.version,
    },
    subject: { familyId: m.familyId },
  };
}

/** A case row joined with its child (the case list and the case read). */
function caseMap(c: ColumnContext): ColumnMap {
  const r = caseRecord;
  return {
    cols: {
      id: r.id,
      number: r.number,
      childId: r.childId,
      familyId: r.familyId,
      stateCode: r.stateCode,
      districtCode: r.districtCode,
      subdistrictCode: r.subdistrictCode,
      blockCode: r.blockCode,
      villageId: r.villageId,
      status: r.status,
      phase: r.phase,
      level: r.level,
      risk: r.risk,
      source: r.source,
      reportedOn: r.reportedOn,
      ownerUserId: r.ownerUserId,
      ownerUnitId: r.ownerUnitId,
      transferToUnitId: r.transferToUnitId,
      nextDueAt: r.nextDueAt,
      nextDueKind: r.nextDueKind,
      flags: r.flags,
      openedAt: r.openedAt,
      lastActionAt: r.lastActionAt,
      closedAt: r.closedAt,
      version: r.version,
      childName: child.name,
      childNameLocal: child.nameLocal,
      childSex: child.sex,
      childDob: child.dob,
      childAge: ageSql(child.dob, c.today),
    },
    subject: { childId: r.childId },
  };
}

function caseReferralMap(c: ColumnContext): ColumnMap {
  const { cols } = caseMap(c);
  return {
    cols: {
      id: cols.id,
      number: cols.number,
      version: cols.version,
      childId: cols.childId,
      childName: cols.childName,
      childNameLocal: cols.childNameLocal,
      childSex: cols.childSex,
      childAge: cols.childAge,
    },
    subject: { childId: caseRecord.childId },
  };
}

/** A document request joined with its family and village (src/schemes/document-tracking.repository.ts). */
function documentRequestMap(): ColumnMap {
  const d = documentRequest;
  return {
    cols: {
      id: d.id,
      familyId: d.familyId,
      childId: d.childId,
      applicationId: d.applicationId,
      docType: d.docType,
      department: d.department,
      officer: d.officer,
      requestedOn: d.requestedOn,
      dueOn: d.dueOn,
      status: d.status,
      closedOn: d.closedOn,
      result: d.result,
      note: d.note,
      villageId: d.villageId,
      villageName: location.name,
      headName: family.headName,
      headNameLocal: family.headNameLocal,
      version: d.version,
      followUp: d.followUp,
      convergenceActionId: d.convergenceActionId,
      caseId: d.caseId,
      caseReferralId: d.caseReferralId,
    },
    subject: { childId: d.childId, familyId: d.familyId },
  };
}

/** A stay joined with its child and institution (src/care/care.repository.ts). */
function careStayMap(c: ColumnContext): ColumnMap {
  const st = careStay;
  return {
    cols: {
      id: st.id,
      childId: st.childId,
      childName: child.name,
      childNameLocal: child.nameLocal,
      childSex: child.sex,
      childAge: ageSql(child.dob, c.today),
      childDob: child.dob,
      institutionId: st.institutionId,
      institutionName: organisation.name,
      stateCode: st.stateCode,
      districtCode: st.districtCode,
      orderBy: st.orderBy,
      caseId: st.caseId,
      orderType: st.orderType,
      orderRef: st.orderRef,
      orderForm: st.orderForm,
      orderedOn: st.orderedOn,
      gatekeepingId: st.gatekeepingId,
      admittedOn: st.admittedOn,
      status: st.status,
      endedOn: st.endedOn,
      endReason: st.endReason,
      overCapacityReason: st.overCapacityReason,
      transferredFrom: st.transferredFrom,
      missingReportId: st.missingReportId,
      version: st.version,
    },
    subject: { childId: st.childId },
  };
}

function carePlanMap(): ColumnMap {
  const p = carePlan;
  return {
    cols: {
      id: p.id,
      stayId: p.stayId,
      childId: p.childId,
      stateCode: p.stateCode,
      districtCode: p.districtCode,
      preparedOn: p.preparedOn,
      preferredOption: p.preferredOption,
      goals: p.goals,
      nextReviewDue: p.nextReviewDue,
      version: p.version,
    },
    subject: { childId: p.childId },
  };
}

function careInspectionMap(): ColumnMap {
  const i = careInspection;
  return {
    cols: {
      id: i.id,
      institutionId: i.institutionId,
      inspectedOn: i.inspectedOn,
      committee: i.committee,
      findings: i.findings,
      followUps: i.followUps,
      stateCode: i.stateCode,
      districtCode: i.districtCode,
      createdAt: i.createdAt,
    },
    subject: {},
  };
}
/** A 1098 call: its columns as they are; the children it names are the registry children in child_ids. */
function helplineCallMap(): ColumnMap {
  const h = helplineCall;
  const cols: Record<string, ColumnSource> = {};
  for (const [k, v] of Object.entries(h))
    if (
      k !== 'alertedAt' &&
      k !== 'warnedAt' &&
      k !== 'queueRank' &&
      k !== 'operatorUnitId' &&
      k !== 'createdAt' &&
      k !== 'updatedAt' &&
      isColumn(v)
    )
      cols[k] = v;
  return { cols, subject: { childId: sql`ANY(${h.childIds})` } };
}
const isColumn = (v: unknown): v is AnyPgColumn => !!v && typeof v === 'object' && 'columnType' in v;
/** A missing-child report or found-child record; its subject is the registry child it is linked to. */
function missingRecordMap(): ColumnMap {
  return {
    cols: Object.fromEntries(MISSING_RECORD_FIELDS.map((f) => [f, missingRecord[f]])),
    subject: { childId: missingRecord.childId },
  };
}

/**
 * A match: its subject is the registry children of both sides (a match names them in the
 * stored pair). Written out qualified, as in src/access/missing.ts: the subquery reads
 * missing_record while the outer query may too.
 */
function missingMatchMap(): ColumnMap {
  return {
    cols: Object.fromEntries(MATCH_FIELDS.map((f) => [f, missingMatch[f]])),
    subject: {
      childIdIn: sql`(SELECT "mr_side"."child_id" FROM "missing_record" "mr_side" WHERE "mr_side"."id" IN (${missingMatch.missingId}, ${missingMatch.foundId}))`,
    },
  };
}

/** The photo of a record: the record's photo columns (the file itself is `content`, its stored name). */
function photoMap(): ColumnMap {
  return {
    cols: {
      id: missingRecord.id,
      recordId: missingRecord.id,
      contentType: missingRecord.photoContentType,
      sizeBytes: missingRecord.photoSize,
      sha256: missingRecord.photoSha256,
      content: missingRecord.photoStoredName,
    },
    subject: { childId: missingRecord.childId },
  };
}

const MAPS: Partial<Record<RecordType, (c: ColumnContext) => ColumnMap>> = {
  helplineCall: helplineCallMap,
  child: childMap,
  family: familyMap,
  member: memberMap,
  case: caseMap,
  caseReferral: caseReferralMap,
  documentRequest: documentRequestMap,
  careStay: careStayMap,
  carePlan: carePlanMap,
  careInspection: careInspectionMap,
  missingRecord: missingRecordMap,
  missingMatch: missingMatchMap,
  photo: photoMap,
};

export function columnMap(type: RecordType, c: ColumnContext): ColumnMap {
  const m = MAPS[type];
  if (!m) throw new Error(`No column map for ${type}: its module selects its own columns`);
  return m(c);
}
