import { z } from 'zod';
import { lgdCodeQuery, pageQuery, recordVersion } from '../http/common';
import { isoDate as day } from '../http/iso-date';
import { day as dayOut, timestamp, withheld, withheldMarks } from '../http/response';
import { childInput } from '../registry/registry.model';
import {
  ADOPTION_INQUIRY_CATEGORIES,
  caseActionSchema,
  CASE_STATUSES,
  INTAKE_SOURCES,
  LEVELS,
  PROVIDER_KINDS,
  RISK_LEVELS,
  type CaseActionType,
} from './domain';

/**
 * API input shapes for cases. Actions are the domain's zod schemas (src/cases/domain/actions.ts)
 * without the fields the server fills in (`at`, `by`, `unit`: the clock and the signed-in
 * user), with the references a server can look up made optional, and with ids of people and
 * units checked as UUIDs so a typo is a 400 naming the field.
 */
const text = z.string().trim().min(1, 'is required').max(4000);

export const intakeInput = z
  .strictObject({
    /** A child already in the registry (must be visible to you)... */
    childId: z.uuid('must be a child id (UUID)').optional(),
    /** ...or a new child, created in the registry in the same transaction. */
    child: childInput.optional(),
    source: z.enum(INTAKE_SOURCES),
    reporter: z.strictObject({
      name: z.string().trim().min(1).max(200),
      role: z.string().trim().min(1).max(200),
      contact: z.string().trim().max(200).optional(),
    }),
    /** When the child came to notice; not after the intake (checked by the domain on the server's clock). */
    reportedOn: day,
    concerns: z.array(text).min(1, 'give at least one concern').max(20),
    risk: z.enum(RISK_LEVELS),
    /** JJ Act 2015 s.31: the child must be produced before the CWC within 24 hours. */
    productionRequired: z.boolean(),
    /** Level of the body opening the case; defaults from your jurisdiction (village, block, district, state). */
    level: z.enum(LEVELS).optional(),
    clientId: z.string().trim().min(1).max(200).optional(),
  })
  .refine((b) => !!b.childId !== !!b.child, {
    path: ['childId'],
    message: 'give either childId (a registered child) or child (a new one), not both',
  });
export type IntakeInput = z.infer<typeof intakeInput>;

const uuid = (what: string) => z.uuid(`must be ${what} id (UUID)`);
const lgd = z.coerce.string().regex(/^\d{1,8}$/, 'an LGD code is 1–8 digits');

/** Fields the server can fill in, per action type. */
const OPTIONAL: Partial<Record<CaseActionType, string[]>> = {
  produced_before_cwc: ['producedAt', 'cwcUnit'],
  sir_ordered: ['investigator'],
  cwc_order: ['cwcUnit'],
  age_test_ordered: ['cwcUnit'],
  age_determined: ['cwcUnit'],
  escort_ordered: ['cwcUnit'],
  referral: ['referralId'],
  escalation: ['fromLevel', 'toLevel', 'toUnit'],
  returned_down: ['toLevel', 'toUnit'],
  transfer_requested: ['toUnit'],
};

/** References to people and units, checked as ids. */
const REFS: Partial<Record<CaseActionType, Record<string, z.ZodType>>> = {
  produced_before_cwc: {
    cwcUnit: uuid('a unit').optional(),
    // upToTwoYears may be left out: the server takes it from the age the CWC determined (s.94(3))
    // or the child's date of birth in the registry, instead of asking again (issue #18).
    adoptionInquiry: z
      .strictObject({
        category: z.enum(ADOPTION_INQUIRY_CATEGORIES),
        upToTwoYears: z.boolean().optional(),
        surrenderedOn: day.optional(),
        form23Ref: z.string().trim().min(1).max(200).optional(),
      })
      .optional(),
  },
  age_test_ordered: { cwcUnit: uuid('a unit').optional() },
  age_determined: { cwcUnit: uuid('a unit').optional() },
  escort_ordered: { cwcUnit: uuid('a unit').optional(), toDistrictCode: lgd, toStateCode: lgd.optional() },
  sir_ordered: { investigator: z.strictObject({ user: uuid('a user').optional(), unit: uuid('a unit') }).optional() },
  cwc_order: { cwcUnit: uuid('a unit').optional() },
  referral: { to: z.strictObject({ orgId: uuid('an organisation'), kind: z.enum(PROVIDER_KINDS).optional() }) },
  escalation: { toUnit: uuid('a unit').optional(), toUser: uuid('a user').optional() },
  returned_down: { toUnit: uuid('a unit').optional(), toUser: uuid('a user').optional() },
  transfer_requested: { toUnit: uuid('a unit').optional(), toDistrictCode: lgd, toStateCode: lgd.optional() },
  transfer_accepted: { toUser: uuid('a user').optional() },
  owner_changed: { toUser: uuid('a user'), toUnit: uuid('a unit').optional() },
};

const common = {
  /** The case version you saw (optional): refused with 409 if someone recorded an action since. */
  version: recordVersion.optional(),
  /** Your own id for this action, so a retried request is recorded once. */
  clientId: z.string().trim().min(1).max(200).optional(),
};

type AnyObject = z.ZodObject<z.ZodRawShape>;
const options = (caseActionSchema.options as unknown as AnyObject[])
  .filter((o) => (o.shape.type as z.ZodLiteral<string>).value !== 'intake')
  .map((o) => {
    const type = (o.shape.type as z.ZodLiteral<string>).value as CaseActionType;
    let s = o.omit({ at: true, by: true, unit: true, id: true } as never) as AnyObject;
    const opt = OPTIONAL[type];
    if (opt) s = s.partial(Object.fromEntries(opt.map((k) => [k, true])) as never) as AnyObject;
    // Strict: a field the action does not define is refused with 400 naming it (issue #11).
    return s.extend({ ...(REFS[type] ?? {}), ...common }).strict();
  });

export const actionInput = z.discriminatedUnion('type', options as unknown as [AnyObject, ...AnyObject[]]);
export type ActionInput = { type: Exclude<CaseActionType, 'intake'>; version?: number; clientId?: string } & Record<string, unknown>;

export const caseListQuery = z.strictObject({
  status: z.enum([...CASE_STATUSES, 'open']).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
  level: z.enum(LEVELS).optional(),
  owner: z.union([z.literal('me'), z.uuid()]).optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  villageId: z.string().max(60).optional(),
  blockCode: lgdCodeQuery.optional(),
  districtCode: lgdCodeQuery.optional(),
  childId: z.uuid().optional(),
  queue: z.enum(['escalated', 'transfers', 'mine', 'unit', 'convergence']).optional(),
  flag: z
    .enum([
      'convergence',
      'escalated',
      'transfer_pending',
      'open_referrals',
      'production_owed',
      'statutory_due',
      'ready_for_closure',
      'reopened',
    ])
    .optional(),
  ...pageQuery,
});
export type CaseListQuery = z.infer<typeof caseListQuery>;

export const referralListQuery = z.strictObject({
  status: z.enum(['pending', 'accepted', 'declined', 'done', 'cancelled']).optional(),
  ...pageQuery,
});

export const taskQuery = z.strictObject({
  scope: z.enum(['mine', 'unit']).default('mine'),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  kind: z.string().max(60).optional(),
  ...pageQuery,
});
export type TaskQuery = z.infer<typeof taskQuery>;

export const notificationQuery = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  ...pageQuery,
});

export const caseIdParams = z.object({ id: z.uuid('must be a case id (UUID)') });

/*
 * Response shapes (issue #12). A case is read in full, or referral-only (an organisation sees the
 * referrals made to it and no more); field-level access may withhold more per role, so every
 * field beyond the case's identity is `withheld` (optional). Vocabularies (status, kinds) are
 * plain strings here: the domain (src/cases/domain) owns them and may grow without breaking replies.
 */
const actorOut = z.object({ user: z.string().nullable(), unit: z.string() });
const providerOut = z.object({ kind: z.string(), orgId: z.string() });

export const dueItemOut = z.object({
  kind: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  statutory: z.boolean(),
  basis: z.string(),
  /** Short citation of the rule (JJ Act section, Model Rule, guideline) and how far it was checked. */
  citation: z.string(),
  verification: z.string(),
  decidedBy: z.string().nullable(),
  source: z.string(),
  assignedTo: actorOut,
  ref: z.string().optional(),
});

const referralStateOut = z.object({
  referralId: z.string(),
  need: z.string(),
  domain: z.string(),
  to: providerOut,
  status: z.string(),
  referredAt: z.string(),
  referredBy: actorOut,
  dueDate: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  doneAt: z.string().nullable(),
  outcome: z.string().nullable(),
  cancelledAt: z.string().nullable(),
});
const cwcOrderRecordOut = z.object({
  at: z.string(),
  kind: z.string(),
  orderType: z.string(),
  form: z.string().nullable(),
  orderRef: z.string().nullable(),
  orderedOn: z.string(),
  cwcUnit: z.string(),
});
const transferRecordOut = z.object({
  requestedAt: z.string(),
  requestedBy: actorOut,
  fromStateCode: z.string(),
  fromDistrictCode: z.string(),
  toStateCode: z.string(),
  toDistrictCode: z.string(),
  toUnit: z.string(),
  reason: z.string(),
  outcome: z.string(),
  decidedAt: z.string().nullable(),
  rejectionReason: z.string().nullable(),
});
const when = z.string().nullable();
const levelMove = { at: z.string(), by: actorOut, fromLevel: z.string(), toLevel: z.string(), toUnit: z.string() };

/** The derived case (src/cases/domain/state.ts CaseState): concerns, CWC proceedings, care plan, referrals… */
export const caseStateOut = z.object({
  status: withheld(z.string()),
  phase: withheld(z.string()),
  closed: withheld(z.boolean()),
  childId: withheld(z.string()),
  familyId: withheld(z.string()),
  source: withheld(z.string()),
  concerns: withheld(z.array(z.string())),
  risk: withheld(z.string()),
  needs: withheld(z.array(z.object({ domain: z.string(), need: z.string() }))),
  level: withheld(z.string()),
  location: withheld(
    z.object({ stateCode: z.string(), districtCode: z.string(), blockCode: z.string().nullable(), villageCode: z.string().nullable() }),
  ),
  owner: withheld(actorOut),
  cwc: withheld(
    z.object({
      productionOwedSince: z.string().nullable(),
      cwcUnit: z.string().nullable(),
      firstProducedAt: z.string().nullable(),
      lastProducedAt: z.string().nullable(),
      productions: z.number(),
      sirOrderedAt: z.string().nullable(),
      sirInvestigator: actorOut.nullable(),
      sirSubmittedAt: z.string().nullable(),
      sirRecommendation: z.string().nullable(),
      orders: z.array(cwcOrderRecordOut),
      finalOrder: cwcOrderRecordOut.nullable(),
      adoptionInquiry: z
        .object({ category: z.string(), upToTwoYears: z.boolean(), surrenderedOn: z.string().nullable() })
        .nullable()
        .optional(),
      // Issue #18: journey time excluded from the 24 hours (s.31(1)), age determination (s.94), escort orders (s.95(2)).
      journeyMinutes: z.number().optional(),
      ageTest: z.object({ orderedOn: z.string(), test: z.string() }).nullable().optional(),
      ageDetermination: z.object({ determinedOn: z.string(), dateOfBirth: z.string(), basis: z.string() }).nullable().optional(),
      escortOwedSince: z.string().nullable().optional(),
      escortOrders: z
        .array(z.object({ orderedOn: z.string(), purpose: z.string(), toDistrictCode: z.string(), toStateCode: z.string().nullable() }))
        .optional(),
    }),
  ),
  carePlan: withheld(
    z.object({
      at: z.string(),
      by: actorOut,
      careOption: z.string(),
      careOptionReason: z.string().nullable(),
      domains: z.array(
        z.object({
          domain: z.string(),
          goals: z.array(z.string()),
          services: z.array(z.string()),
          providers: z.array(providerOut),
          targetDate: z.string(),
        }),
      ),
      version: z.number(),
    }),
  ),
  review: withheld(
    z.object({
      count: z.number(),
      lastAt: z.string().nullable(),
      lastOutcome: z.string().nullable(),
      nextReviewDate: z.string().nullable(),
    }),
  ),
  readyForClosure: withheld(z.boolean()),
  restoration: withheld(
    z.object({
      orderAt: z.string(),
      orderedOn: z.string(),
      visits: z.number(),
      lastVisitedOn: z.string().nullable(),
      nextVisitDate: z.string().nullable(),
      lastChildSafe: z.boolean().nullable(),
    }),
  ),
  referrals: withheld(z.array(referralStateOut)),
  escalations: withheld(
    z.array(
      z.object({
        ...levelMove,
        toUser: z.string().nullable(),
        reason: z.string(),
        tried: z.string(),
        resolution: z.string(),
        respondedAt: z.string().nullable(),
      }),
    ),
  ),
  returns: withheld(z.array(z.object({ ...levelMove, instructions: z.string() }))),
  transfer: withheld(z.object({ pending: transferRecordOut.nullable(), history: z.array(transferRecordOut) })),
  convergenceFlags: withheld(z.array(z.object({ groupId: z.string().nullable(), reason: z.string(), at: z.string(), by: actorOut }))),
  closures: withheld(z.array(z.object({ at: z.string(), by: actorOut, reason: z.string(), note: z.string().nullable() }))),
  reopenings: withheld(z.number()),
  dates: withheld(
    z.object({
      intakeAt: z.string(),
      reportedOn: z.string(),
      firstAssessmentAt: when,
      firstProducedAt: when,
      sirOrderedAt: when,
      sirSubmittedAt: when,
      finalOrderAt: when,
      carePlanAt: when,
      lastReviewAt: when,
      restoredAt: when,
      lastFollowUpAt: when,
      lastEscalatedAt: when,
      closedAt: when,
      reopenedAt: when,
      lastActionAt: z.string(),
    }),
  ),
  actionCount: withheld(z.number()),
  asOf: withheld(z.string()),
  due: withheld(z.array(dueItemOut)),
  overdueCount: withheld(z.number()),
});

export const caseAttachmentOut = z.object({
  id: z.string(),
  kind: z.string(),
  contentType: z.string(),
  originalName: withheld(z.string()),
  description: withheld(z.string()),
  sizeBytes: z.number(),
  sha256: z.string(),
  uploadedBy: z.string().nullable(),
  uploadedAt: timestamp,
});

const caseChildOut = z.object({
  id: z.string(),
  name: z.string(),
  nameLocal: withheld(z.string()),
  sex: withheld(z.string()),
  age: withheld(z.number()),
  dob: withheld(dayOut),
  ...withheldMarks,
});

/** A referral as the organisation it was made to sees it. */
const referralSeenOut = z.object({
  referralId: z.string(),
  need: z.string(),
  domain: z.string(),
  status: z.string(),
  referredAt: z.string(),
  dueDate: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  declinedAt: z.string().nullable(),
  declineReason: z.string().nullable(),
  doneAt: z.string().nullable(),
  outcome: z.string().nullable(),
});

/** GET /cases/:id: in full, or referral-only (the referred part); after an action you may no longer see it ("none"). */
export const caseOut = z.discriminatedUnion('view', [
  z.object({
    view: z.literal('full'),
    id: z.string(),
    number: z.number(),
    version: z.number(),
    child: caseChildOut,
    familyId: withheld(z.string()),
    place: withheld(
      z.object({
        stateCode: z.number(),
        districtCode: z.number(),
        subdistrictCode: z.number().nullable(),
        blockCode: z.number().nullable(),
        villageId: z.string().nullable(),
      }),
    ),
    flags: z.array(z.string()),
    state: withheld(caseStateOut),
    ...withheldMarks,
    history: withheld(
      z.array(
        z.object({
          seq: z.number(),
          type: z.string(),
          at: timestamp,
          recordedAt: timestamp,
          by: z.string().nullable(),
          unit: z.string().nullable(),
          action: z.record(z.string(), z.unknown()),
        }),
      ),
    ),
    attachments: withheld(z.array(caseAttachmentOut)),
    /** Names of the users and units the history mentions. */
    directory: withheld(
      z.object({ users: z.record(z.string(), z.string()), units: z.record(z.string(), z.object({ name: z.string(), kind: z.string() })) }),
    ),
  }),
  z.object({
    view: z.literal('referral'),
    id: z.string(),
    number: z.number(),
    version: z.number(),
    child: caseChildOut,
    referrals: z.array(referralSeenOut),
    due: z.array(dueItemOut),
  }),
  z.object({ view: z.literal('none'), id: z.string(), version: z.number() }),
]);

export const caseListItemOut = z.object({
  id: z.string(),
  number: withheld(z.number()),
  childId: withheld(z.string()),
  familyId: withheld(z.string()),
  stateCode: withheld(z.number()),
  districtCode: withheld(z.number()),
  subdistrictCode: withheld(z.number()),
  blockCode: withheld(z.number()),
  villageId: withheld(z.string()),
  status: withheld(z.string()),
  phase: withheld(z.string()),
  level: withheld(z.string()),
  risk: withheld(z.string()),
  source: withheld(z.string()),
  reportedOn: withheld(dayOut),
  ownerUserId: withheld(z.string()),
  ownerUnitId: withheld(z.string()),
  transferToUnitId: withheld(z.string()),
  nextDueAt: withheld(timestamp),
  nextDueKind: withheld(z.string()),
  flags: withheld(z.array(z.string())),
  openedAt: withheld(timestamp),
  lastActionAt: withheld(timestamp),
  closedAt: withheld(timestamp),
  version: z.number(),
  childName: withheld(z.string()),
  childNameLocal: withheld(z.string()),
  childSex: withheld(z.string()),
  childAge: withheld(z.number()),
  overdue: z.boolean(),
  ...withheldMarks,
});
export const caseListOut = z.object({ items: z.array(caseListItemOut), total: z.number(), page: z.number(), pageSize: z.number() });

export const referralListOut = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.number(),
      referralId: z.string(),
      domain: z.string(),
      need: z.string(),
      status: z.string(),
      referredAt: timestamp,
      dueDate: z.string().nullable(),
      childName: withheld(z.string()),
      childNameLocal: withheld(z.string()),
      ...withheldMarks,
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
});

export const taskListOut = z.object({
  items: z.array(
    z.object({
      caseId: z.string(),
      caseNumber: z.number(),
      kind: z.string(),
      dueAt: timestamp,
      overdue: z.boolean(),
      statutory: z.boolean(),
      basis: z.string(),
      citation: z.string(),
      source: z.string(),
      ref: z.string().nullable(),
      assignedUserId: z.string().nullable(),
      assignedUnitId: z.string(),
      childName: z.string(),
      childNameLocal: withheld(z.string()),
      status: z.string().optional(),
      level: z.string().optional(),
      risk: z.string().optional(),
    }),
  ),
  total: z.number(),
  overdueCount: z.number(),
  page: z.number(),
  pageSize: z.number(),
  asOf: z.string(),
});

export const notificationListOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      caseId: z.string().nullable(),
      ref: z.string().nullable(),
      dueAt: timestamp.nullable(),
      message: z.string(),
      text: z.string().describe("The alert in the reader's language (Accept-Language), from the shared catalogue"),
      createdAt: timestamp,
      toUser: z.string().nullable(),
      toUnit: z.string().nullable(),
      readAt: timestamp.nullable(),
    }),
  ),
  total: z.number(),
  unread: z.number(),
  page: z.number(),
  pageSize: z.number(),
});
export const markedOut = z.object({ marked: z.number() });

/** A CWC non-disclosure order (JJ Act 2015 s.74(1)) as it stands. */
export const nonDisclosureOrderOut = z.object({
  caseId: z.string(),
  orderRef: z.string(),
  orderedOn: dayOut,
  setAt: timestamp,
  version: z.number(),
});
export const nonDisclosureStateOut = z.object({ order: nonDisclosureOrderOut.nullable() });
export const nonDisclosureLiftedOut = z.object({ caseId: z.string(), lifted: z.boolean() });
