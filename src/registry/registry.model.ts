import { z } from 'zod';
import { MAX_VERSION, recordVersion } from '../http/common';
import { isoDate } from '../http/iso-date';
import { optionalPersonName, personName as personNameSchema } from '../names/person-name';
import { day, timestamp, withheld, withheldMarks } from '../http/response';
import { istToday } from '../kernel/clock';
import {
  AREA_TYPES,
  CAREGIVER_TYPES,
  CARE_STATUSES,
  CASTE_CATEGORIES,
  DEATH_CAUSES,
  DOCUMENT_STATUSES,
  DOCUMENT_TYPES,
  MIGRATION,
  RATION_CARDS,
  RELATIONSHIPS,
  SCHOOL_STATUSES,
  SEXES,
  VULNERABILITY_FACTORS,
} from './vocabulary';

/**
 * Input shapes for the registry, shared by the API (request validation) and the web app
 * (form validation), so a field is refused with the same reason in both places. Every body is
 * strict: a field the request does not define (districtCode, createdBy, role…) is refused with
 * 400 naming it, never silently dropped (issue #11).
 */
// Shared with the browser, so it cannot read the server's clock (ctx.now): it takes the
// real clock's IST calendar day, so a date entered in India in the early morning is not "in the future".
const notFuture = (s: string) => s <= istToday(new Date());
const personName = personNameSchema();
const localName = optionalPersonName().optional().nullable();
/** Save a record that looks like one already registered: the pair is held for review (duplicates.door.ts). */
const notDuplicate = z.strictObject({
  reason: z.string().trim().min(5, 'say in a few words why this is a different child or family').max(500),
});

export const childInput = z
  .strictObject({
    familyId: z.uuid().optional(),
    locationId: z.string().max(60).optional(),
    name: personName,
    nameLocal: localName,
    otherNames: z.array(personName).max(10).optional(),
    sex: z.enum(SEXES),
    dob: isoDate.refine(notFuture, 'cannot be in the future').optional().nullable(),
    ageYears: z.number().int('must be whole years').min(0, 'cannot be negative').max(25, 'must be 25 or under').optional().nullable(),
    careStatus: z.enum(CARE_STATUSES),
    schoolStatus: z.enum(SCHOOL_STATUSES).optional().nullable(),
    school: z.string().trim().max(200).optional().nullable(),
    healthNotes: z.string().trim().max(2000).optional().nullable(),
    disability: z.string().trim().max(200).optional().nullable(),
    notDuplicate: notDuplicate.optional(),
  })
  .refine((c) => c.familyId || c.locationId, { path: ['locationId'], message: 'choose a family or a village' });

export const childPatch = z.strictObject({
  version: recordVersion,
  name: personName.optional(),
  nameLocal: localName,
  otherNames: z.array(personName).max(10).optional(),
  sex: z.enum(SEXES).optional(),
  dob: isoDate.refine(notFuture, 'cannot be in the future').optional().nullable(),
  careStatus: z.enum(CARE_STATUSES).optional(),
  schoolStatus: z.enum(SCHOOL_STATUSES).optional().nullable(),
  school: z.string().trim().max(200).optional().nullable(),
  healthNotes: z.string().trim().max(2000).optional().nullable(),
  disability: z.string().trim().max(200).optional().nullable(),
  notDuplicate: notDuplicate.optional(),
});

const familyFields = {
  address: z.string().trim().max(300).optional().nullable(),
  headName: personName,
  headNameLocal: localName,
  caregiverType: z.enum(CAREGIVER_TYPES),
  areaType: z.enum(AREA_TYPES).default('rural'),
  annualIncome: z
    .number()
    .int('must be whole rupees')
    .min(0, 'cannot be negative')
    .max(100_000_000, 'is implausibly large')
    .optional()
    .nullable(),
  rationCard: z.enum(RATION_CARDS).optional().nullable(),
  bpl: z.boolean().optional().nullable(),
  occupation: z.string().trim().max(120).optional().nullable(),
  migration: z.enum(MIGRATION).optional().nullable(),
  casteCategory: z.enum(CASTE_CATEGORIES).optional().nullable(),
  socialGroup: z.string().trim().max(80).optional().nullable(),
  vulnerabilityFactors: z.array(z.enum(VULNERABILITY_FACTORS)).max(VULNERABILITY_FACTORS.length).default([]),
  notes: z.string().trim().max(4000).optional().nullable(),
};

export const familyInput = z.strictObject({
  locationId: z.string().min(1, 'choose a village').max(60),
  ...familyFields,
  notDuplicate: notDuplicate.optional(),
});

/**
 * A patch changes only the fields it names: defaults are stripped, or leaving out
 * `vulnerabilityFactors` would silently wipe them.
 */
function patchShape(fields: Record<string, z.ZodTypeAny>) {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodTypeAny) : v).optional()]),
  );
}

export const familyPatch = z.strictObject({
  version: recordVersion,
  ...patchShape(familyFields),
  notDuplicate: notDuplicate.optional(),
}) as z.ZodType<{ version: number; notDuplicate?: { reason: string } } & Partial<z.infer<z.ZodObject<typeof familyFields>>>>;

const memberFields = {
  name: personName,
  nameLocal: localName,
  relationship: z.enum(RELATIONSHIPS),
  sex: z.enum(SEXES).optional().nullable(),
  age: z.number().int().min(0).max(120).optional().nullable(),
  alive: z.boolean().default(true),
  deathDate: isoDate.refine(notFuture, 'cannot be in the future').optional().nullable(),
  deathCause: z.enum(DEATH_CAUSES).optional().nullable(),
  isPrimaryCaregiver: z.boolean().default(false),
  occupation: z.string().trim().max(120).optional().nullable(),
  disability: z.string().trim().max(200).optional().nullable(),
  chronicIllness: z.string().trim().max(200).optional().nullable(),
  imprisoned: z.boolean().default(false),
};
const livingHasNoDeath = (m: { alive?: boolean; deathDate?: string | null; deathCause?: string | null }) =>
  !(m.alive === true && (m.deathDate || m.deathCause));
const livingMsg = { path: ['deathDate'], message: 'a living member cannot have a death date or cause' };

export const memberInput = z.strictObject(memberFields).refine(livingHasNoDeath, livingMsg);
export const memberPatch = z
  .strictObject({
    version: recordVersion,
    ...patchShape(memberFields),
  })
  .refine(livingHasNoDeath as (m: unknown) => boolean, livingMsg) as unknown as z.ZodType<
  { version: number } & Partial<z.infer<z.ZodObject<typeof memberFields>>>
>;

export const documentInput = z
  .strictObject({
    status: z.enum(DOCUMENT_STATUSES),
    issuingOffice: z.string().trim().max(200).optional().nullable(),
    appliedOn: isoDate.refine(notFuture, 'cannot be in the future').optional().nullable(),
    issuedOn: isoDate.refine(notFuture, 'cannot be in the future').optional().nullable(),
    notes: z.string().trim().max(1000).optional().nullable(),
    /** The document's version as read (0: none recorded yet), as in the schemes endpoint; optional, a stale one is a 409. */
    version: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be the version you read (0 when none was recorded)')
      .max(MAX_VERSION)
      .optional(),
  })
  .refine((d) => !(d.appliedOn && d.issuedOn && d.issuedOn < d.appliedOn), {
    path: ['issuedOn'],
    message: 'cannot be before the date applied',
  });
export const documentTypeParam = z.enum(DOCUMENT_TYPES);

export const assessmentInput = z.strictObject({
  childId: z.uuid().optional().nullable(),
  assessedOn: isoDate.refine(notFuture, 'cannot be in the future'),
  answers: z.record(z.string().max(80), z.number()),
  notes: z.string().trim().max(4000).optional().nullable(),
});

export const surveyInput = z.strictObject({
  surveyedOn: isoDate.refine(notFuture, 'cannot be in the future'),
  householdsVisited: z.number().int().min(0).max(100_000),
  notes: z.string().trim().max(4000).optional().nullable(),
  visits: z
    .array(z.strictObject({ familyId: z.uuid(), atRisk: z.boolean(), reasons: z.array(z.enum(VULNERABILITY_FACTORS)).default([]) }))
    .max(5000)
    .default([]),
});

export type ChildInput = z.infer<typeof childInput>;
export type ChildPatch = z.infer<typeof childPatch>;
export type FamilyInput = z.infer<typeof familyInput>;
export type FamilyPatch = z.infer<typeof familyPatch>;
export type MemberInput = z.infer<typeof memberInput>;
export type MemberPatch = z.infer<typeof memberPatch>;
export type DocumentInput = z.infer<typeof documentInput>;
export type AssessmentInput = z.infer<typeof assessmentInput>;
export type SurveyInput = z.infer<typeof surveyInput>;

/*
 * Response shapes (issue #12): what the registry's routes may send. A field some role may not
 * see is `withheld` (optional): field-level access leaves it out for that role, and the reply
 * still fits (and names the field in `withheld`). Only the record's id and version are always there.
 */

/** A document's status row (child, family or member). */
export const documentOut = z.object({
  id: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  familyId: z.string().nullable(),
  childId: z.string().nullable(),
  memberId: z.string().nullable(),
  docType: z.string(),
  status: z.string(),
  issuingOffice: withheld(z.string()),
  appliedOn: withheld(day),
  issuedOn: withheld(day),
  notes: withheld(z.string()),
  updatedAt: timestamp,
  version: z.number(),
});

/** A child as a list row or a record: the minimal view has id, place, name, sex, age. */
export const childOut = z.object({
  id: z.string(),
  familyId: withheld(z.string()),
  stateCode: withheld(z.number()),
  districtCode: withheld(z.number()),
  subdistrictCode: withheld(z.number()),
  blockCode: withheld(z.number()),
  villageId: withheld(z.string()),
  name: withheld(z.string()),
  nameLocal: withheld(z.string()),
  otherNames: withheld(z.array(z.string())),
  sex: withheld(z.string()),
  dob: withheld(day),
  dobEstimated: withheld(z.boolean()),
  /** JJ Act 2015 s.94(2): what the CWC determined the age on, and when (null until it did). */
  ageBasis: withheld(z.string()),
  ageDeterminedOn: withheld(day),
  age: withheld(z.number()),
  careStatus: withheld(z.string()),
  schoolStatus: withheld(z.string()),
  school: withheld(z.string()),
  healthNotes: withheld(z.string()),
  disability: withheld(z.string()),
  version: z.number(),
  createdAt: withheld(timestamp),
  updatedAt: withheld(timestamp),
  /** Set when this record was merged into another (the survivor's id): it still opens, and says where it went. */
  mergedInto: withheld(z.string()),
  ...withheldMarks,
});
const registryViewOut = z.enum(['full', 'minimal']);
/** A search ranks rows by how alike the name is (0–1). */
const likeness = z.number().optional();

export const childListOut = z.object({
  items: z.array(childOut.extend({ likeness })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  view: registryViewOut,
  /** Fields of the record type this reader's role does not get at all (the list's rows leave them out). */
  withheld: withheldMarks.withheld,
});

/** GET /children/:id: the record, its family's name and factors, its documents. */
export const childRecordOut = childOut.extend({
  view: registryViewOut,
  family: withheld(
    z.object({
      id: z.string(),
      headName: withheld(z.string()),
      headNameLocal: withheld(z.string()),
      villageId: withheld(z.string()),
      vulnerabilityFactors: withheld(z.array(z.string())),
      ...withheldMarks,
    }),
  ),
  documents: withheld(z.array(documentOut)),
});

export const familyOut = z.object({
  id: z.string(),
  stateCode: withheld(z.number()),
  districtCode: withheld(z.number()),
  subdistrictCode: withheld(z.number()),
  blockCode: withheld(z.number()),
  villageId: withheld(z.string()),
  address: withheld(z.string()),
  headName: withheld(z.string()),
  headNameLocal: withheld(z.string()),
  caregiverType: withheld(z.string()),
  areaType: withheld(z.string()),
  annualIncome: withheld(z.number()),
  rationCard: withheld(z.string()),
  bpl: withheld(z.boolean()),
  occupation: withheld(z.string()),
  migration: withheld(z.string()),
  casteCategory: withheld(z.string()),
  socialGroup: withheld(z.string()),
  vulnerabilityFactors: withheld(z.array(z.string())),
  notes: withheld(z.string()),
  createdBy: withheld(z.string()),
  version: z.number(),
  createdAt: withheld(timestamp),
  updatedAt: withheld(timestamp),
  /** Set when this record was merged into another (the survivor's id): it still opens, and says where it went. */
  mergedInto: withheld(z.string()),
  ...withheldMarks,
});

export const familyListOut = z.object({
  items: z.array(familyOut.extend({ likeness })),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  view: registryViewOut,
  /** Fields of the record type this reader's role does not get at all (the list's rows leave them out). */
  withheld: withheldMarks.withheld,
});

export const memberOut = z.object({
  id: z.string(),
  familyId: withheld(z.string()),
  name: withheld(z.string()),
  nameLocal: withheld(z.string()),
  relationship: withheld(z.string()),
  sex: withheld(z.string()),
  age: withheld(z.number()),
  alive: withheld(z.boolean()),
  deathDate: withheld(day),
  deathCause: withheld(z.string()),
  isPrimaryCaregiver: withheld(z.boolean()),
  occupation: withheld(z.string()),
  disability: withheld(z.string()),
  chronicIllness: withheld(z.string()),
  imprisoned: withheld(z.boolean()),
  createdAt: withheld(timestamp),
  version: z.number(),
  ...withheldMarks,
});

export const assessmentOut = z.object({
  id: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  villageId: z.string().nullable(),
  familyId: z.string(),
  childId: z.string().nullable(),
  instrumentId: z.string(),
  instrumentVersion: z.number(),
  assessedOn: day,
  assessedBy: z.string().nullable(),
  answers: z.record(z.string(), z.number()),
  domainScores: z.record(z.string(), z.number()),
  overall: z.number(),
  notes: withheld(z.string()),
  createdAt: timestamp,
});

/** GET /families/:id: the family with its members, children (and their documents), assessments and documents. */
export const familyRecordOut = familyOut.extend({
  view: registryViewOut,
  members: withheld(z.array(memberOut)),
  children: withheld(z.array(childOut.extend({ documents: z.array(documentOut), missingDocuments: z.array(z.string()) }))),
  assessments: withheld(z.array(assessmentOut)),
  documents: withheld(z.array(documentOut)),
  missingDocuments: withheld(z.array(z.string())),
});

export const instrumentOut = z.object({
  id: z.string(),
  version: z.number(),
  title: z.string(),
  scale: z.object({ '1': z.string(), '2': z.string(), '3': z.string(), '4': z.string() }),
  domains: z.array(z.object({ id: z.string(), items: z.array(z.object({ id: z.string(), label: z.string() })) })),
});

/** Counts only (families, children at risk…): no person is named. */
const areaRisk = {
  subdistrictCode: z.number().nullable(),
  districtCode: z.number(),
  families: z.number(),
  familiesAtRisk: z.number(),
  children: z.number(),
  childrenAtRisk: z.number(),
  childrenWithBirthFamily: z.number(),
  householdsVisited: z.number(),
  factors: z.record(z.string(), z.number()),
};
const rollUp = z.object({ ...areaRisk, code: z.number().nullable(), villages: z.number() });
export const vulnerabilityMapOut = z.object({
  villages: z.array(
    z.object({
      villageId: z.string().nullable(),
      villageName: z.string().nullable(),
      villageNameLocal: z.string().nullable(),
      ...areaRisk,
    }),
  ),
  talukas: z.array(rollUp),
  districts: z.array(rollUp),
  total: rollUp.nullable(),
});

export const surveyOut = z.object({
  id: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  subdistrictCode: z.number().nullable(),
  villageId: z.string(),
  surveyedOn: day,
  surveyedBy: z.string().nullable(),
  householdsVisited: z.number(),
  notes: z.string().nullable(),
  createdAt: timestamp,
  visits: z.number(),
});

/** One side of a held pair as the reviewer compares it. */
const pairSideOut = z.object({
  id: z.string().nullable(),
  name: withheld(z.string()),
  nameLocal: withheld(z.string()),
  sex: withheld(z.string()),
  dob: withheld(day),
  villageId: withheld(z.string()),
  mergedInto: withheld(z.string()),
});
/** A pair held as likely duplicates: an import row not loaded (`incoming` as imported), or a record saved from a form with a reason. */
export const possibleDuplicateOut = z.object({
  id: z.string(),
  subjectType: z.string(),
  source: z.string(),
  sourceLine: z.number().nullable(),
  score: z.number(),
  status: z.string(),
  reason: withheld(z.string()),
  createdAt: timestamp,
  incoming: z.union([pairSideOut, z.record(z.string(), z.unknown())]),
  existing: pairSideOut.nullable(),
  mergeId: z.string().nullable(),
  /** The pair names a child under a CWC non-disclosure order: both sides are initials only (JJ Act 2015 s.74). */
  initialsOnly: z.literal(true).optional(),
});
/** Two records found to be one: the survivor keeps both histories; undone by `undoneAt`. */
export const recordMergeOut = z.object({
  id: z.string(),
  subjectType: z.string(),
  survivorId: z.string(),
  mergedId: z.string(),
  duplicateId: z.string().nullable(),
  stateCode: z.number(),
  districtCode: z.number(),
  mergedBy: z.string(),
  mergedAt: timestamp,
  undoneBy: z.string().nullable(),
  undoneAt: timestamp.nullable(),
});
export const duplicateResolutionOut = z.object({
  id: z.string(),
  status: z.enum(['same_child', 'different_child']),
  createdChildId: z.string().nullable(),
});
