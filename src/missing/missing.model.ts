import { z } from 'zod';
import { lgdCodeQuery, pageQuery, recordVersion } from '../http/common';
import { isoDate } from '../http/iso-date';
import { optionalPersonName, personName as personNameSchema } from '../names/person-name';
import { day, timestamp, withheld, withheldMarks } from '../http/response';
import { SEXES } from '../registry/vocabulary';
import {
  CURRENT_CARE,
  FOUND_SOURCES,
  MATCH_STATUSES,
  MISSING_SOURCES,
  RECORD_KINDS,
  RECORD_STATUSES,
  RESTORATION_STATUSES,
} from './domain/vocabulary';

/**
 * Input shapes for missing and found children, shared by the API (request validation) and the
 * web app (form validation). Objects are strict: an unknown field is refused, by name.
 * Rules that need the server's clock (dates not in the future) are checked in the service.
 */
const text = (max: number) => z.string().trim().max(max, `is too long (${max} characters at most)`);
const optText = (max: number) => text(max).optional().nullable();
const personName = personNameSchema(120);
const optName = optionalPersonName(120).optional().nullable();
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{5,19}$/, 'must be a phone number (digits, 6–20 characters)');
const lgdDistrict = z
  .number()
  .int('must be an LGD district code')
  .positive('must be an LGD district code')
  .max(99_999, 'must be an LGD district code');
const age = (max: number, what: string) =>
  z
    .number()
    .min(0, 'cannot be negative')
    .max(max, `must be ${max} or under (${what})`)
    .refine((n) => Number.isInteger(n * 2), 'give whole or half years');

const unknownKeys = {
  error: (iss: { code?: string; keys?: string[] }) =>
    iss.code === 'unrecognized_keys' ? `unknown field(s): ${iss.keys?.join(', ')}` : undefined,
};

const personFields = {
  name: personName.optional().nullable(),
  nameLocal: optName,
  aliases: z.array(personName).max(5, 'at most 5 other names').optional(),
  sex: z.enum(SEXES),
  ageEstimated: z.boolean().optional(),
  fatherName: optName,
  motherName: optName,
  guardianName: optName,
  language: optText(40),
  heightCm: z
    .number()
    .int('must be whole centimetres')
    .min(30, 'must be at least 30 cm')
    .max(220, 'must be 220 cm or under')
    .optional()
    .nullable(),
  weightKg: z
    .number()
    .int('must be whole kilograms')
    .min(1, 'must be at least 1 kg')
    .max(150, 'must be 150 kg or under')
    .optional()
    .nullable(),
  marks: optText(1000),
  clothing: optText(1000),
  description: optText(2000),
};

const reporterFields = {
  reporterName: optName,
  reporterRelation: optText(80),
  reporterPhone: phone.optional().nullable(),
  reporterEmail: z.email('must be an email address').max(200).optional().nullable(),
};

const missingFields = {
  ...personFields,
  ageYears: age(17.9, 'a child under 18 when last seen').optional().nullable(),
  /** Home: district (LGD code), optionally a village of the registry, and the place as written. */
  districtCode: lgdDistrict,
  place: optText(200),
  address: optText(300),
  lastSeenOn: isoDate,
  lastSeenPlace: optText(300),
  lastSeenDistrictCode: lgdDistrict.optional().nullable(),
  ...reporterFields,
};

const foundFields = {
  ...personFields,
  ageYears: age(21, 'an estimate for a found child').optional().nullable(),
  /** Where the child was found: district (LGD code) and the place as written. */
  districtCode: lgdDistrict,
  foundOn: isoDate,
  foundPlace: optText(300),
  /** What the child says about home, if anything. */
  statedHome: optText(300),
  currentCare: z.enum(CURRENT_CARE).optional().nullable(),
  currentPlace: optText(300),
  ...reporterFields,
};

/**
 * A name typed by a member of the public: at least two letters in any script (issue #17: the
 * public form took a child named "12345" and a reporter named "x"). Officials' forms keep the
 * shared rule (a letter or a digit), since registers hold names like "Baby of Sunita 2".
 */
export const PUBLIC_NAME_MESSAGE = 'must contain at least two letters';
const publicName = personNameSchema(120).refine((s) => (s.match(/\p{L}/gu) ?? []).length >= 2, PUBLIC_NAME_MESSAGE);
const optPublicName = optionalPersonName(120)
  .refine((s) => s === '' || (s.match(/\p{L}/gu) ?? []).length >= 2, PUBLIC_NAME_MESSAGE)
  .optional()
  .nullable();

const atLeastOneName = (r: { name?: string | null; nameLocal?: string | null }) => !!(r.name || r.nameLocal);

/** An official missing-child report (police, helpline, DCPU...): enters matching at once. */
export const missingReportInput = z
  .strictObject(
    {
      ...missingFields,
      source: z.enum(MISSING_SOURCES),
      villageId: z.string().max(60).optional().nullable(),
      policeStation: optText(200),
      firNumber: optText(60),
      /** The child's record in the registry, when the child is known there. */
      childId: z.uuid('must be a child id (UUID)').optional().nullable(),
    },
    unknownKeys,
  )
  .refine(atLeastOneName, { path: ['name'], message: "give the child's name (in any script)" });

/** An official found-child record (police, CCI, CWC, helpline). */
export const foundChildInput = z.strictObject(
  {
    ...foundFields,
    source: z.enum(FOUND_SOURCES),
    villageId: z.string().max(60).optional().nullable(),
  },
  unknownKeys,
);

/** Khoya-Paaya style public forms: no account, held for moderation, the answer is a reference only. */
export const publicMissingReportInput = z
  .strictObject(
    {
      ...missingFields,
      name: publicName.optional().nullable(),
      nameLocal: optPublicName,
      reporterName: publicName,
      reporterPhone: phone,
      reporterRelation: text(80).min(1, 'is required'),
    },
    unknownKeys,
  )
  .refine(atLeastOneName, { path: ['name'], message: "give the child's name (in any script)" });

export const publicSightingInput = z.strictObject(
  {
    ...foundFields,
    reporterName: publicName,
    reporterPhone: phone,
  },
  unknownKeys,
);

/** Edits by an official; the record is matched again. */
const patchable = {
  ...personFields,
  ageYears: age(21, 'years').optional().nullable(),
  place: optText(200),
  address: optText(300),
  eventDate: isoDate.optional(),
  eventPlace: optText(300),
  currentCare: z.enum(CURRENT_CARE).optional().nullable(),
  currentPlace: optText(300),
  districtCode: lgdDistrict.optional(),
  policeStation: optText(200),
  firNumber: optText(60),
};
export const recordPatch = z.strictObject({ version: recordVersion, ...patchable, sex: z.enum(SEXES).optional() }, unknownKeys);

export const moderationInput = z
  .strictObject(
    {
      decision: z.enum(['accept', 'reject']),
      reason: optText(1000),
      /** A moderator may correct the district a citizen chose. */
      districtCode: lgdDistrict.optional(),
      version: recordVersion.optional(),
    },
    unknownKeys,
  )
  .refine((m) => m.decision === 'accept' || !!m.reason, { path: ['reason'], message: 'give the reason for rejecting' });

/**
 * A confirmation opens a restoration (a child handed back on its strength), so it says how the
 * match was checked, on the server as on the screen (issue #17: one click confirmed, with no
 * note): at least this many characters other than spaces. Shared with the web app's check.
 */
export const CONFIRM_NOTE_MIN = 5;
export const CONFIRM_NOTE_MESSAGE = `say how you checked that the two records are the same child (at least ${CONFIRM_NOTE_MIN} characters)`;
export const confirmNoteGiven = (note: string | null | undefined) => (note ?? '').replace(/\s/gu, '').length >= CONFIRM_NOTE_MIN;

export const matchDecisionInput = z
  .strictObject(
    {
      decision: z.enum(['confirm', 'reject']),
      note: optText(2000),
      version: recordVersion.optional(),
    },
    unknownKeys,
  )
  .refine((d) => d.decision === 'confirm' || !!d.note, { path: ['note'], message: 'say why the two records are not the same child' })
  .refine((d) => d.decision !== 'confirm' || confirmNoteGiven(d.note), { path: ['note'], message: CONFIRM_NOTE_MESSAGE });

export const recordListQuery = z.strictObject(
  {
    kind: z.enum(RECORD_KINDS).optional(),
    status: z.enum(RECORD_STATUSES).optional(),
    districtCode: lgdCodeQuery.optional(),
    q: z.string().trim().max(100).optional(),
    ...pageQuery,
  },
  unknownKeys,
);

export const matchListQuery = z.strictObject(
  {
    status: z.enum(MATCH_STATUSES).default('proposed'),
    minProbability: z.coerce.number().min(0).max(1).optional(),
    recordId: z.uuid().optional(),
    ...pageQuery,
  },
  unknownKeys,
);

export const restorationListQuery = z.strictObject({ status: z.enum(RESTORATION_STATUSES).optional(), ...pageQuery }, unknownKeys);
export const restorationUpdateInput = z
  .strictObject(
    {
      status: z.enum(['restored', 'closed']),
      note: optText(2000),
      version: recordVersion.optional(),
      /**
       * The CWC's restoration order (JJ Act 2015 s.37(1)(b); Model Rules 2016 Form 44), given by a
       * CWC member; otherwise the order recorded on the child's case is used.
       */
      cwcOrderRef: text(80).min(1, 'is required').optional(),
      cwcOrderOn: isoDate.optional(),
    },
    unknownKeys,
  )
  .refine((r) => r.status === 'restored' || (!r.cwcOrderRef && !r.cwcOrderOn), {
    path: ['cwcOrderRef'],
    message: 'an order reference goes with status restored only',
  });
export const openCaseInput = z.strictObject({ childId: z.uuid('must be a child id (UUID)').optional() }, unknownKeys);

export type MissingReportInput = z.infer<typeof missingReportInput>;
export type FoundChildInput = z.infer<typeof foundChildInput>;
export type PublicMissingReportInput = z.infer<typeof publicMissingReportInput>;
export type PublicSightingInput = z.infer<typeof publicSightingInput>;
export type RecordPatch = z.infer<typeof recordPatch>;
export type ModerationInput = z.infer<typeof moderationInput>;
export type MatchDecisionInput = z.infer<typeof matchDecisionInput>;
export type RecordListQuery = z.infer<typeof recordListQuery>;
export type MatchListQuery = z.infer<typeof matchListQuery>;
export type RestorationUpdateInput = z.infer<typeof restorationUpdateInput>;

/*
 * Response shapes (issue #12). A record is seen in full by its own jurisdiction, and in part by
 * another district through a proposed match (`redacted`, or field by field as the access policy
 * decides): one shape for every view, so every field beyond the record's identity is `withheld`.
 */
export const missingRecordOut = z.object({
  id: z.string(),
  reference: z.string(),
  kind: z.string(),
  status: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  stateName: withheld(z.string()),
  districtName: withheld(z.string()),
  /** Another district's record, shown only so far as a reviewer needs. */
  redacted: z.boolean().optional(),
  /** How much of the record this reader sees: own, compared, full or reference (src/access/missing.ts). */
  view: z.string().optional(),
  channel: withheld(z.string()),
  source: withheld(z.string()),
  access: withheld(z.string()),
  villageId: withheld(z.string()),
  place: withheld(z.string()),
  address: withheld(z.string()),
  name: withheld(z.string()),
  nameLocal: withheld(z.string()),
  aliases: withheld(z.array(z.string())),
  sex: withheld(z.string()),
  ageYears: withheld(z.number()),
  ageEstimated: withheld(z.boolean()),
  fatherName: withheld(z.string()),
  motherName: withheld(z.string()),
  guardianName: withheld(z.string()),
  language: withheld(z.string()),
  heightCm: withheld(z.number()),
  weightKg: withheld(z.number()),
  marks: withheld(z.string()),
  clothing: withheld(z.string()),
  description: withheld(z.string()),
  eventDate: withheld(day),
  eventPlace: withheld(z.string()),
  eventDistrictCode: withheld(z.number()),
  currentCare: withheld(z.string()),
  currentPlace: withheld(z.string()),
  childId: withheld(z.string()),
  reporter: withheld(
    z.object({ name: withheld(z.string()), relation: withheld(z.string()), phone: withheld(z.string()), email: withheld(z.string()) }),
  ),
  policeStation: withheld(z.string()),
  firNumber: withheld(z.string()),
  moderation: withheld(z.object({ reason: z.string().nullable(), by: z.string().nullable(), at: timestamp })),
  matchState: withheld(z.string()),
  matchedAt: withheld(timestamp),
  hasPhoto: withheld(z.boolean()),
  createdAt: withheld(timestamp),
  updatedAt: withheld(timestamp),
  version: withheld(z.number()),
  ...withheldMarks,
});

/** What matching did with a new or corrected record: candidates compared and matches proposed, or deferred to the background. */
const matchingOut = z.object({ candidates: z.number().optional(), proposed: z.number().optional(), deferred: z.boolean().optional() });

/** A record just written: the record and what matching did. */
export const missingRecordWrittenOut = missingRecordOut.extend({ matching: matchingOut.optional() });

export const missingRecordListOut = z.object({
  items: z.array(missingRecordOut),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

const matchCore = {
  id: z.string(),
  status: z.string(),
  probability: z.number(),
  weight: z.number(),
  /** Per-field agreement, as the reviewer compares the two records. */
  fields: z.array(z.object({ id: z.string(), label: z.string(), level: z.number(), levelLabel: z.string(), weight: z.number() })),
  explanation: z.string(),
  modelVersion: z.string(),
  proposedAt: timestamp,
  updatedAt: timestamp,
  decidedAt: timestamp.nullable(),
  decidedBy: z.string().nullable(),
  note: withheld(z.string()),
  /** Across districts: which side has agreed and which is awaited (both must, or the CWC). */
  agreement: z.looseObject({}).nullable().optional(),
  version: z.number(),
};

/** GET /missing/records/:id: the record with its matches, each with the other record as far as it may be seen. */
export const missingRecordDetailOut = missingRecordOut.extend({
  matches: withheld(z.array(z.object({ ...matchCore, other: missingRecordOut.nullable() }))),
});

export const restorationOut = z.object({
  id: z.string(),
  /** The state's match; null on a restoration after a national match (then `nationalMatchId`). */
  matchId: z.string().nullable(),
  nationalMatchId: z.string().nullable(),
  /** The missing report; null when it is another state's (a national match on a federated state database). */
  missingId: z.string().nullable(),
  foundId: z.string(),
  status: z.string(),
  caseId: z.string().nullable(),
  childId: withheld(z.string()),
  stateCode: z.number(),
  districtCode: z.number(),
  foundStateCode: z.number(),
  foundDistrictCode: z.number(),
  note: withheld(z.string()),
  /** The CWC's restoration order the restoration rests on (JJ Act 2015 s.37; Form 44). */
  cwcOrder: z.looseObject({}).nullable().optional(),
  /** On a restoration just recorded: whether the registry was told (a `missing.restored` event naming the linked child). */
  registryNotified: z.boolean().optional(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version: z.number(),
});

export const restorationListOut = z.object({
  items: z.array(
    restorationOut.extend({
      missingReference: withheld(z.string()),
      foundReference: withheld(z.string()),
      name: withheld(z.string()),
      nameLocal: withheld(z.string()),
      sex: withheld(z.string()),
      currentCare: withheld(z.string()),
      currentPlace: withheld(z.string()),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

/** A match with both records (each as far as the reader may see it). */
export const matchOut = z.object({ ...matchCore, missing: missingRecordOut.nullable(), found: missingRecordOut.nullable() });
export const matchListOut = z.object({ items: z.array(matchOut), total: z.number(), page: z.number(), pageSize: z.number() });

/** The two records as the linkage engine compared them (src/linkage/record.ts PersonRecord); a field the reader may not see is left out. */
const comparedRecord = z.object({
  id: z.string(),
  name: withheld(z.string()),
  sex: withheld(z.string()),
  age: withheld(z.number()),
  father_name: withheld(z.string()),
  mother_name: withheld(z.string()),
  state: withheld(z.string()),
  district: withheld(z.string()),
  place: withheld(z.string()),
  date: withheld(z.string()),
  language: withheld(z.string()),
  marks: withheld(z.string()),
});
export const matchDetailOut = matchOut.extend({
  comparison: z.object({ left: comparedRecord, right: comparedRecord }).nullable(),
  restoration: restorationOut.nullable(),
});
/** A decided match and the restoration a confirmation started. */
export const matchDecidedOut = matchOut.extend({ restoration: restorationOut.nullable().optional() });

export const photoSetOut = z.object({
  id: z.string(),
  hasPhoto: z.boolean(),
  contentType: z.string().nullish(),
  size: z.number().nullish(),
  version: z.number(),
});

/** The public forms' only answer: a reference number (the public never reads a record back). */
export const publicSubmittedOut = z.object({ reference: z.string(), status: z.literal('pending_moderation'), message: z.string() });
export const publicDistrictsOut = z.object({
  items: z.array(
    z.object({ code: z.number().nullable(), name: z.string(), nameLocal: z.string().nullable(), stateCode: z.number(), level: z.string() }),
  ),
});

// ---------------------------------------------------------------- the match model (issue #15)

const calibrationBand = z.object({ band: z.enum(['strong', 'likely', 'possible', 'weak']), from: z.number(), to: z.number() });
const modelFit = z.object({
  version: z.string(),
  baseVersion: z.string(),
  fittedAt: timestamp,
  active: z.boolean(),
  confirmed: z.number(),
  rejected: z.number(),
  /** Calibration error on the decisions before and after the refit (in-sample). */
  eceBefore: z.number(),
  eceAfter: z.number(),
  /** Comparisons whose m moved, with the largest change of any level. */
  changed: z.array(z.object({ id: z.string(), maxChange: z.number() })),
});

/** GET /missing/model: the model matching uses now, what it was fitted on, and the refits so far. */
export const modelStatusOut = z.object({
  version: z.string(),
  /** shipped: the model in the software (src/linkage/models); refit: fitted here from reviewers' decisions. */
  source: z.enum(['shipped', 'refit']),
  /** The shipped model's version: rolling back to it makes no refit active. */
  shippedVersion: z.string(),
  /** Whether this reader may refit: the model is the deployment's, so only a state or national officer. */
  mayRefit: z.boolean(),
  trainedOn: z.string(),
  /** When the active refit was fitted; null for the shipped model. */
  fittedAt: timestamp.nullable(),
  calibration: z.object({ scale: z.number(), shift: z.number() }),
  /** The words reviewers see beside a probability (src/linkage/calibration.ts). */
  bands: z.array(calibrationBand),
  /** Decided pairs this officer's districts could refit from now. */
  decisions: z.object({ confirmed: z.number(), rejected: z.number(), minEach: z.number() }),
  history: z.array(modelFit),
});

/** POST /missing/model/rollback: make an earlier version (a refit, or the shipped model) the one in use. */
export const modelRollbackInput = z.strictObject({
  /** A version from the history, or shippedVersion. */
  version: z.string().trim().min(1).max(200),
  /** The version the officer saw in use; another one now gives 409 (someone refitted or rolled back first). */
  expected: z.string().trim().min(1).max(200),
});

export const modelRefitInput = z.strictObject({
  /** Refit from one state's decisions only (LGD state name or code); default: every decision the officer sees. */
  state: z.string().trim().min(2).max(60).optional(),
});
