import { z } from 'zod';
import { optionalPersonName } from '../names/person-name';
import { pageQuery, recordVersion, lgdCodeQuery } from '../http/common';
import { isoDate } from '../http/iso-date';
import { timestamp, withheld, withheldMarks } from '../http/response';
import { CALL_CATEGORIES, CALL_LANGUAGES, CALL_OUTCOMES, CALL_STATUSES, ROUTES, URGENCIES } from './domain/vocabulary';

/**
 * Requests and responses of the helpline (issue #13). A draft takes any subset of the intake
 * (the operator saves as they type); submitting checks what a call must have and names each
 * missing field. Bodies are strict: an unknown field is a 400 naming it.
 */
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);

/** A number as the caller's telephone shows it (1098 takes landlines and mobiles). */
const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 ()-]{2,19}$/, 'must be a phone number (digits, 3–20 characters)');

export const SEXES = ['female', 'male', 'other', 'unknown'] as const;

/** A child the call is about: whatever the caller knows. */
export const callChild = z.strictObject({
  name: optionalPersonName(120).optional().nullable(),
  nameLocal: optionalPersonName(120).optional().nullable(),
  sex: z.enum(SEXES).default('unknown'),
  ageYears: z.number().int('must be whole years').min(0, 'cannot be negative').max(17, 'a child is under 18').optional().nullable(),
  description: text(1000).optional().nullable(),
  /** The registry child the operator recognised (from the duplicate finder's suggestions). */
  registryChildId: z.uuid('must be a child id (UUID)').optional().nullable(),
});
export type CallChild = z.infer<typeof callChild>;

export const callerInput = z.strictObject({
  phone: phone.optional().nullable(),
  name: optionalPersonName(120).optional().nullable(),
  anonymous: z.boolean().optional(),
  relation: text(80).optional().nullable(),
});

const draftFields = {
  channel: z.enum(['1098', '112', '181', 'web']).optional(),
  caller: callerInput.optional(),
  children: z.array(callChild).max(10, 'at most 10 children on one call').optional(),
  /** LGD village (vi:…) or any unit down to it; inside the operator's jurisdiction. */
  villageId: z.string().trim().max(60).optional().nullable(),
  locationText: text(500).optional().nullable(),
  latitude: z.number().min(6, 'must be a latitude in India').max(38, 'must be a latitude in India').optional().nullable(),
  longitude: z.number().min(68, 'must be a longitude in India').max(98, 'must be a longitude in India').optional().nullable(),
  categories: z
    .array(z.enum(CALL_CATEGORIES))
    .max(CALL_CATEGORIES.length)
    .refine((a) => new Set(a).size === a.length, 'a category is listed twice')
    .optional(),
  urgency: z.enum(URGENCIES).optional().nullable(),
  language: z.enum(CALL_LANGUAGES).optional().nullable(),
  notes: text(4000).optional().nullable(),
  /** The child is at a railway station: a found child or sighting goes to the railway child help desk (triage data). */
  atStation: z.boolean().optional(),
};

export const draftInput = z.strictObject(draftFields);
export type DraftInput = z.infer<typeof draftInput>;
export const draftPatch = z.strictObject({ ...draftFields, version: recordVersion });
export type DraftPatch = z.infer<typeof draftPatch>;

export const versionBody = z.strictObject({ version: recordVersion });
export const dispatchInput = z.strictObject({
  version: recordVersion,
  /** The unit that takes the call on; by default the route's unit in the call's district. */
  unitId: z.uuid('must be an organisation id (UUID)').optional(),
  /** The named field responder (a user of the district's units); the team is the unit. */
  responderUserId: z.uuid('must be a user id (UUID)').optional(),
});
export const HANDED_TO = ['police_station', 'cwc', 'cci', 'family'] as const;
/** Attach the call to an existing case of a child it names. */
export const attachCaseInput = z.strictObject({ version: recordVersion, caseId: z.uuid('must be a case id (UUID)') });
/** A user who may be named as the call's responder. */
export const responderOut = z.object({ id: z.string(), displayName: z.string(), role: z.string() });

export const handedToInput = z.strictObject({
  version: recordVersion,
  /** JJ Act 2015 s.31 (production before the CWC), a CCI (s.2(21)), the family, the police station (SJPU, s.107). */
  kind: z.enum(HANDED_TO),
  /** Which station, CWC, CCI (its name); for a family, who (e.g. "mother"). */
  name: text(200).optional().nullable(),
});
export const partnerHandoverInput = z.strictObject({ version: recordVersion, partner: z.enum(['112', '181']) });
export const closeInput = z.strictObject({ version: recordVersion, outcome: z.enum(CALL_OUTCOMES) });
export const handoverInput = z.strictObject({
  version: recordVersion,
  /** Which child of the call the case is about (index in `children`). */
  childIndex: z.number().int().min(0).max(9).default(0),
  /** JJ Act 2015 s.31: production before the CWC within 24 hours. */
  productionRequired: z.boolean().default(true),
});

export const callListQuery = z.strictObject({
  status: z.enum(CALL_STATUSES).optional(),
  urgency: z.enum(URGENCIES).optional(),
  category: z.enum(CALL_CATEGORIES).optional(),
  route: z.enum(ROUTES).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  /** Only calls past their response target and not yet reached. */
  overdue: z.enum(['true', 'false']).optional(),
  /** The next page: `nextCursor` of the page before (keyset paging; `page` is for older clients). */
  after: z
    .string()
    .max(120)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a nextCursor from this list')
    .optional(),
  ...pageQuery,
});
export type CallListQuery = z.infer<typeof callListQuery>;

export const summaryQuery = z.strictObject({
  from: isoDate.optional(),
  to: isoDate.optional(),
  districtCode: lgdCodeQuery.optional(),
});
export type SummaryQuery = z.infer<typeof summaryQuery>;

const yearMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, YYYY-MM');
export const monthlyQuery = z.strictObject({
  from: yearMonth.optional(),
  to: yearMonth.optional(),
  districtCode: lgdCodeQuery.optional(),
});
export type MonthlyQuery = z.infer<typeof monthlyQuery>;

export const duplicatesQuery = z.strictObject({
  name: optionalPersonName(120).refine((s) => s.length > 0, 'give a name'),
  sex: z.enum(SEXES).optional(),
  ageYears: z.coerce.number().int().min(0).max(17).optional(),
  villageId: z.string().trim().max(60).optional(),
});

// ---------------------------------------------------------------- responses

const triageOut = z.object({
  route: z.string(),
  targetMinutes: z.number().nullable(),
  alsoNotify: z.array(z.string()),
  ruleIds: z.array(z.string()),
  table: z.object({ state: z.number(), version: z.string(), source: z.string() }),
});

export const callOut = z.object({
  id: z.string(),
  number: z.number(),
  status: z.string(),
  channel: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  villageId: withheld(z.string()),
  operatorUserId: withheld(z.string()),
  /** Masked (last two digits) for everyone but the operator who took the call. */
  callerPhone: withheld(z.string()),
  callerName: withheld(z.string()),
  callerAnonymous: z.boolean(),
  callerRelation: withheld(z.string()),
  children: withheld(z.array(callChild.extend({ sex: z.string() }))),
  childIds: withheld(z.array(z.string())),
  locationText: withheld(z.string()),
  latitude: withheld(z.number()),
  longitude: withheld(z.number()),
  categories: z.array(z.string()),
  urgency: z.string().nullable(),
  language: withheld(z.string()),
  notes: withheld(z.string()),
  receivedAt: timestamp,
  submittedAt: timestamp.nullable(),
  route: z.string().nullable(),
  targetMinutes: z.number().nullable(),
  targetAt: timestamp.nullable(),
  triage: withheld(triageOut),
  assignedUnitId: withheld(z.string()),
  dispatchedAt: timestamp.nullable(),
  reachedAt: timestamp.nullable(),
  closedAt: timestamp.nullable(),
  outcome: z.string().nullable(),
  caseId: withheld(z.string()),
  missingRecordId: withheld(z.string()),
  atStation: z.boolean().optional(),
  responderUserId: withheld(z.string()),
  onTheWayAt: timestamp.nullable().optional(),
  handedToKind: z.string().nullable().optional(),
  handedToName: withheld(z.string()),
  handedToAt: timestamp.nullable().optional(),
  partner: z.string().nullable().optional(),
  partnerRef: withheld(z.string()),
  /** The call's steps with their time (one call's read only): codes and ids. */
  timeline: z
    .array(
      z.object({
        step: z.string(),
        at: timestamp,
        byUserId: z.string().nullable(),
        byPartner: z.string().nullable(),
        detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
      }),
    )
    .optional(),
  /** Handover messages to and from 112/181 (one call's read only). */
  partnerMessages: z
    .array(
      z.object({
        direction: z.string(),
        partner: z.string(),
        messageId: z.string(),
        kind: z.string(),
        statusValue: z.string().nullable(),
        delivery: z.string(),
        attempts: z.number(),
        acknowledgedAt: timestamp.nullable(),
        lastError: z.string().nullable(),
        createdAt: timestamp,
      }),
    )
    .optional(),
  version: z.number(),
  /** Minutes from the call to now (open) or to the child reached. */
  elapsedMinutes: z.number().optional(),
  /** Past the target and the child not reached. */
  overdue: z.boolean().optional(),
  /** The target is near (the state's warning window) and the child not reached. */
  dueSoon: z.boolean().optional(),
  /** Other calls within 30 days about the same registry child. */
  repeatCalls: z.number().optional(),
  ...withheldMarks,
});

export const handoverOut = z.object({
  call: callOut,
  caseId: z.string().nullable(),
  caseNumber: z.number().nullable(),
  missingRecordId: z.string().nullable(),
});

const group = z.object({
  key: z.string(),
  calls: z.number(),
  reached: z.number(),
  withinTarget: z.number(),
  medianMinutes: z.number().nullable(),
});
export const summaryOut = z.object({
  from: z.string(),
  to: z.string(),
  calls: z.number(),
  withTarget: z.number(),
  reached: z.number(),
  reachedWithinTarget: z.number(),
  /** Of the calls with a target whose time is up (reached, or target passed), the share reached within it, in %. */
  withinTargetPercent: z.number().nullable(),
  medianMinutes: z.number().nullable(),
  p90Minutes: z.number().nullable(),
  medianMinutesToDispatch: z.number().nullable(),
  medianMinutesToOnTheWay: z.number().nullable(),
  p90MinutesToOnTheWay: z.number().nullable(),
  byCategory: z.array(group),
  byRoute: z.array(group),
});

export const duplicateOut = z.object({
  id: z.string(),
  name: z.string(),
  nameLocal: z.string().nullable(),
  probability: z.number(),
  explanation: z.string(),
});

export const triageTableOut = z.object({
  state: z.number(),
  version: z.string(),
  effectiveFrom: z.string(),
  source: z.string(),
  rules: z.array(
    z.object({
      id: z.string(),
      categories: z.array(z.string()),
      urgencies: z.array(z.string()),
      route: z.string(),
      targetMinutes: z.number().nullable(),
      girlOnly: z.boolean().optional(),
    }),
  ),
});

/** Per district and month: time to reach (and to the responder on the way), median and 90th percentile, for all calls, per route and per category. */
export const monthlyOut = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(
    z.object({
      month: z.string(),
      districtCode: z.number(),
      dim: z.enum(['all', 'route', 'category']),
      key: z.string(),
      calls: z.number(),
      reached: z.number(),
      withinTarget: z.number(),
      p50Minutes: z.number().nullable(),
      p90Minutes: z.number().nullable(),
      p50MinutesToOnTheWay: z.number().nullable(),
      p90MinutesToOnTheWay: z.number().nullable(),
    }),
  ),
});
