import { z } from 'zod';
import { MAX_VERSION, recordVersion } from '../http/common';
import { isoDate } from '../http/iso-date';
import { optionalPersonName, personName as personNameSchema } from '../names/person-name';
import {
  AREA_TYPES, CAREGIVER_TYPES, CARE_STATUSES, CASTE_CATEGORIES, DEATH_CAUSES, DOCUMENT_STATUSES, DOCUMENT_TYPES,
  MIGRATION, RATION_CARDS, RELATIONSHIPS, SCHOOL_STATUSES, SEXES, VULNERABILITY_FACTORS,
} from './vocabulary';
import { istToday } from '../kernel/clock';

/**
 * Input shapes for the registry, shared by the API (request validation) and the web app
 * (form validation), so a field is refused with the same reason in both places.
 */
// Shared with the browser, so it cannot read the server's clock (ctx.now): it takes the
// real clock's IST calendar day, so a date entered in India in the early morning is not "in the future".
const notFuture = (s: string) => s <= istToday(new Date());
const personName = personNameSchema();
const localName = optionalPersonName().optional().nullable();
/** Save a record that looks like one already registered: the pair is held for review (duplicates.door.ts). */
const notDuplicate = z.strictObject({ reason: z.string().trim().min(5, 'say in a few words why this is a different child or family').max(500) });

export const childInput = z
  .object({
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

export const childPatch = z.object({
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
  annualIncome: z.number().int('must be whole rupees').min(0, 'cannot be negative').max(100_000_000, 'is implausibly large').optional().nullable(),
  rationCard: z.enum(RATION_CARDS).optional().nullable(),
  bpl: z.boolean().optional().nullable(),
  occupation: z.string().trim().max(120).optional().nullable(),
  migration: z.enum(MIGRATION).optional().nullable(),
  casteCategory: z.enum(CASTE_CATEGORIES).optional().nullable(),
  socialGroup: z.string().trim().max(80).optional().nullable(),
  vulnerabilityFactors: z.array(z.enum(VULNERABILITY_FACTORS)).max(VULNERABILITY_FACTORS.length).default([]),
  notes: z.string().trim().max(4000).optional().nullable(),
};

export const familyInput = z.object({ locationId: z.string().min(1, 'choose a village').max(60), ...familyFields, notDuplicate: notDuplicate.optional() });

/**
 * A patch changes only the fields it names: defaults are stripped, or leaving out
 * `vulnerabilityFactors` would silently wipe them.
 */
function patchShape(fields: Record<string, z.ZodTypeAny>) {
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodTypeAny) : v).optional()]),
  );
}

export const familyPatch = z.object({
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
const livingHasNoDeath = (m: { alive?: boolean; deathDate?: string | null; deathCause?: string | null }) => !(m.alive === true && (m.deathDate || m.deathCause));
const livingMsg = { path: ['deathDate'], message: 'a living member cannot have a death date or cause' };

export const memberInput = z.object(memberFields).refine(livingHasNoDeath, livingMsg);
export const memberPatch = z
  .object({
    version: recordVersion,
    ...patchShape(memberFields),
  })
  .refine(livingHasNoDeath as (m: unknown) => boolean, livingMsg) as unknown as z.ZodType<{ version: number } & Partial<z.infer<z.ZodObject<typeof memberFields>>>>;

export const documentInput = z.object({
  status: z.enum(DOCUMENT_STATUSES),
  issuingOffice: z.string().trim().max(200).optional().nullable(),
  appliedOn: isoDate.refine(notFuture, 'cannot be in the future').optional().nullable(),
  issuedOn: isoDate.refine(notFuture, 'cannot be in the future').optional().nullable(),
  notes: z.string().trim().max(1000).optional().nullable(),
  /** The document's version as read (0: none recorded yet), as in the schemes endpoint; optional, a stale one is a 409. */
  version: z.number().int('must be a whole number').min(0, 'must be the version you read (0 when none was recorded)').max(MAX_VERSION).optional(),
}).refine((d) => !(d.appliedOn && d.issuedOn && d.issuedOn < d.appliedOn), { path: ['issuedOn'], message: 'cannot be before the date applied' });
export const documentTypeParam = z.enum(DOCUMENT_TYPES);

export const assessmentInput = z.object({
  childId: z.uuid().optional().nullable(),
  assessedOn: isoDate.refine(notFuture, 'cannot be in the future'),
  answers: z.record(z.string().max(80), z.number()),
  notes: z.string().trim().max(4000).optional().nullable(),
});

export const surveyInput = z.object({
  surveyedOn: isoDate.refine(notFuture, 'cannot be in the future'),
  householdsVisited: z.number().int().min(0).max(100_000),
  notes: z.string().trim().max(4000).optional().nullable(),
  visits: z
    .array(z.object({ familyId: z.uuid(), atRisk: z.boolean(), reasons: z.array(z.enum(VULNERABILITY_FACTORS)).default([]) }))
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
