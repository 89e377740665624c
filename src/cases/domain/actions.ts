/**
 * The actions of a CNCP case. A case record is an append-only list of these
 * (the OpenCRVS pattern): nothing is updated in place, and everything shown
 * about a case is derived from the list by `deriveCase`.
 */
import { z } from 'zod';
import { isoDate } from '../../http/iso-date';
import {
  CARE_DOMAINS,
  CARE_OPTIONS,
  CLOSURE_REASONS,
  ADOPTION_INQUIRY_CATEGORIES,
  AGE_EVIDENCE,
  AGE_TESTS,
  ESCORT_BY,
  ESCORT_PURPOSES,
  CWC_ORDER_FORMS,
  CWC_ORDER_KINDS,
  CWC_ORDER_TYPES,
  INTAKE_SOURCES,
  LEVELS,
  PROVIDER_KINDS,
  REVIEW_OUTCOMES,
  RISK_LEVELS,
  SIR_DOMAINS,
} from './vocabulary';

const id = z.string().trim().min(1).max(200);
const text = z.string().trim().min(1).max(4000);
/** An instant with an explicit offset, so a record means the same moment everywhere. */
const instant = z.iso.datetime({ offset: true });
/** A calendar day (YYYY-MM-DD); due dates are days, read as the end of that day in IST. */
const day = isoDate;
/** Local Government Directory code: what government systems share for places. */
export const lgdCode = z.string().regex(/^\d{1,8}$/, 'an LGD code is 1–8 digits');

const level = z.enum(LEVELS);
const risk = z.enum(RISK_LEVELS);
const careDomain = z.enum(CARE_DOMAINS);

/** Who provides a service: a government department or an NGO partner, by organisation id. */
export const providerSchema = z.object({ kind: z.enum(PROVIDER_KINDS), orgId: id });
export type Provider = z.infer<typeof providerSchema>;

/** Fields every action carries: who did what, when, on behalf of which organisation. */
const base = {
  /** Optional client-generated id, so an offline client can retry without duplicating. */
  id: id.optional(),
  at: instant,
  /** User id of the person who recorded the action. */
  by: id,
  /** Organisation (unit) id on whose behalf the action was taken. */
  unit: id,
};

export const intakeSchema = z.object({
  ...base,
  type: z.literal('intake'),
  source: z.enum(INTAKE_SOURCES),
  reporter: z.object({ name: text, role: text, contact: z.string().trim().max(200).optional() }),
  /** When the child came to notice; may precede the record. */
  reportedOn: day,
  childId: id,
  familyId: id.optional(),
  concerns: z.array(text).min(1),
  risk,
  /** Level of the body that opened the case. */
  level,
  location: z.object({
    stateCode: lgdCode,
    districtCode: lgdCode,
    blockCode: lgdCode.optional(),
    villageCode: lgdCode.optional(),
  }),
  /**
   * Whether the child must be produced before the CWC (JJ Act 2015 s.31). A
   * preventive case for a child living safely with the family (the Amravati
   * vulnerability-mapping cases) is worked by the convergence group instead.
   */
  productionRequired: z.boolean(),
});

export const producedBeforeCwcSchema = z.object({
  ...base,
  type: z.literal('produced_before_cwc'),
  /** When the child was actually produced (Form 17, report on production). */
  producedAt: instant,
  cwcUnit: id,
  form17Ref: id.optional(),
  /**
   * Set when the child is orphaned, abandoned or surrendered: the CWC's inquiry then ends in a
   * declaration that the child is legally free for adoption (JJ Act 2015 s.38, Form 25) on the
   * s.38 clock instead of the general four months of s.36(2).
   */
  adoptionInquiry: z
    .object({
      category: z.enum(ADOPTION_INQUIRY_CATEGORIES),
      /** s.38(1): two months for a child up to two years of age, four months for an older child. */
      upToTwoYears: z.boolean(),
      /** Day the surrender deed (Form 23) was executed before the CWC; needed for a surrendered child (s.35). */
      surrenderedOn: day.optional(),
      form23Ref: id.optional(),
    })
    .refine((x) => x.category !== 'surrendered' || x.surrenderedOn !== undefined, {
      message: 'a surrendered child needs the day the surrender deed (Form 23) was executed',
      path: ['surrenderedOn'],
    })
    .optional(),
});

/**
 * The time the journey to the Committee takes, recorded while production is owed: JJ Act 2015
 * s.31(1) gives 24 hours "excluding the time necessary for the journey", so the production
 * clock runs that much longer. Several journeys (e.g. a change of vehicle) add up.
 */
export const journeyRecordedSchema = z.object({
  ...base,
  type: z.literal('journey_recorded'),
  /** Minutes the journey takes (at most three days). */
  minutes: z
    .number()
    .int()
    .min(1)
    .max(3 * 24 * 60),
  from: z.string().trim().min(1).max(200).optional(),
});

/**
 * JJ Act 2015 s.94(2)(iii): only when neither a school/matriculation certificate nor a birth
 * certificate is available, the Committee orders an ossification or other medical age
 * determination test, to be completed within fifteen days of the order.
 */
export const ageTestOrderedSchema = z.object({
  ...base,
  type: z.literal('age_test_ordered'),
  orderedOn: day,
  test: z.enum(AGE_TESTS),
  cwcUnit: id,
  orderRef: id.optional(),
});

/**
 * The Committee's age determination (s.94(2)); the age it records is deemed the child's true age
 * (s.94(3)) and is written to the child's record with its basis.
 */
export const ageDeterminedSchema = z.object({
  ...base,
  type: z.literal('age_determined'),
  determinedOn: day,
  /** The date of birth the Committee records (for a medical test, the one the estimated age gives). */
  dateOfBirth: day,
  basis: z.enum(AGE_EVIDENCE),
  /** Certificate or test report number. */
  documentRef: id.optional(),
  cwcUnit: id,
});

/**
 * The Committee's escort order (JJ Act 2015 s.95(2); JJ Model Rules 2016 R.81(3)): the child is
 * escorted, at government expense, to the Committee or person the transfer or restoration
 * order names, in another district or state.
 */
export const escortOrderedSchema = z.object({
  ...base,
  type: z.literal('escort_ordered'),
  orderedOn: day,
  purpose: z.enum(ESCORT_PURPOSES),
  escortBy: z.enum(ESCORT_BY),
  toDistrictCode: lgdCode,
  toStateCode: lgdCode.optional(),
  /** s.95(2) proviso: a girl child is accompanied by a woman police officer. */
  womanEscort: z.boolean().optional(),
  cwcUnit: id,
  orderRef: id.optional(),
});

export const sirOrderedSchema = z.object({
  ...base,
  type: z.literal('sir_ordered'),
  /** Form 21: the CWC directs a CWO, social worker or CWPO to investigate (s.36(1)). */
  investigator: z.object({ user: id.optional(), unit: id }),
  form21Ref: id.optional(),
});

export const sirSubmittedSchema = z.object({
  ...base,
  type: z.literal('sir_submitted'),
  /** Form 22, Social Investigation Report. */
  findings: z.array(z.object({ domain: z.enum(SIR_DOMAINS), finding: text })).min(1),
  recommendation: text,
  recommendedCareOption: z.enum(CARE_OPTIONS).optional(),
  form22Ref: id.optional(),
});

export const assessmentSchema = z.object({
  ...base,
  type: z.literal('assessment'),
  risk,
  needs: z.array(z.object({ domain: careDomain, need: text })),
  /** Set when the assessment finds the child must go before the CWC (s.31). */
  cwcProductionRequired: z.boolean().optional(),
});

export const carePlanDomainSchema = z.object({
  domain: careDomain,
  goals: z.array(text).min(1),
  services: z.array(text),
  providers: z.array(providerSchema),
  targetDate: day,
});
export type CarePlanDomain = z.infer<typeof carePlanDomainSchema>;

export const carePlanSchema = z.object({
  ...base,
  type: z.literal('care_plan'),
  /** Form 7, Individual Care Plan. */
  careOption: z.enum(CARE_OPTIONS),
  /** Why the more preferred care options were ruled out; required below own_family. */
  careOptionReason: text.optional(),
  domains: z.array(carePlanDomainSchema).min(1),
  form7Ref: id.optional(),
});

export const cwcOrderSchema = z.object({
  ...base,
  type: z.literal('cwc_order'),
  kind: z.enum(CWC_ORDER_KINDS),
  orderType: z.enum(CWC_ORDER_TYPES),
  form: z.enum(CWC_ORDER_FORMS).optional(),
  orderRef: id.optional(),
  /** Date the bench passed the order. */
  orderedOn: day,
  cwcUnit: id,
});

export const referralSchema = z.object({
  ...base,
  type: z.literal('referral'),
  referralId: id,
  need: text,
  domain: careDomain,
  to: providerSchema,
  /** When the service should be delivered; defaults from the timeline config. */
  dueDate: day.optional(),
});

export const referralAcceptedSchema = z.object({ ...base, type: z.literal('referral_accepted'), referralId: id });
export const referralDeclinedSchema = z.object({
  ...base,
  type: z.literal('referral_declined'),
  referralId: id,
  reason: text,
});
export const referralDoneSchema = z.object({ ...base, type: z.literal('referral_done'), referralId: id, outcome: text });

export const reviewSchema = z.object({
  ...base,
  type: z.literal('review'),
  outcome: z.enum(REVIEW_OUTCOMES),
  notes: text.optional(),
  /** Overrides the configured review interval for the next review. */
  nextReviewDate: day.optional(),
});

export const escalationSchema = z.object({
  ...base,
  type: z.literal('escalation'),
  fromLevel: level,
  toLevel: level,
  /** The organisation at the receiving level that must respond. */
  toUnit: id,
  toUser: id.optional(),
  reason: text,
  /** What was tried at the lower level before escalating. */
  tried: text,
});

export const returnedDownSchema = z.object({
  ...base,
  type: z.literal('returned_down'),
  toLevel: level,
  toUnit: id,
  toUser: id.optional(),
  instructions: text,
});

export const flaggedForConvergenceSchema = z.object({
  ...base,
  type: z.literal('flagged_for_convergence'),
  /** The convergence group that should take the case up; optional until groups exist for the district. */
  groupId: id.optional(),
  reason: text,
});

export const transferRequestedSchema = z.object({
  ...base,
  type: z.literal('transfer_requested'),
  toDistrictCode: lgdCode,
  /** Needed only for a transfer to another state. */
  toStateCode: lgdCode.optional(),
  /** The receiving DCPU, which must accept or reject. */
  toUnit: id,
  reason: text,
});

export const transferAcceptedSchema = z.object({
  ...base,
  type: z.literal('transfer_accepted'),
  /** Who in the receiving district takes the case on; defaults to the person accepting it. */
  toUser: id.optional(),
});
export const transferRejectedSchema = z.object({ ...base, type: z.literal('transfer_rejected'), reason: text });
/** The requesting side withdraws a transfer the receiving district has not yet decided. */
export const transferCancelledSchema = z.object({ ...base, type: z.literal('transfer_cancelled'), reason: text.optional() });

export const followUpVisitSchema = z.object({
  ...base,
  type: z.literal('follow_up_visit'),
  visitedOn: day,
  findings: text,
  childSafe: z.boolean(),
  nextVisitDate: day.optional(),
});

export const closureSchema = z.object({
  ...base,
  type: z.literal('closure'),
  reason: z.enum(CLOSURE_REASONS),
  note: text.optional(),
});

export const reopeningSchema = z.object({ ...base, type: z.literal('reopening'), reason: text });
export const noteSchema = z.object({ ...base, type: z.literal('note'), text });
export const ownerChangedSchema = z.object({
  ...base,
  type: z.literal('owner_changed'),
  toUser: id,
  /** Defaults to the current owning unit. */
  toUnit: id.optional(),
  reason: text.optional(),
});

export const caseActionSchema = z.discriminatedUnion('type', [
  intakeSchema,
  producedBeforeCwcSchema,
  journeyRecordedSchema,
  ageTestOrderedSchema,
  ageDeterminedSchema,
  escortOrderedSchema,
  sirOrderedSchema,
  sirSubmittedSchema,
  assessmentSchema,
  carePlanSchema,
  cwcOrderSchema,
  referralSchema,
  referralAcceptedSchema,
  referralDeclinedSchema,
  referralDoneSchema,
  reviewSchema,
  escalationSchema,
  returnedDownSchema,
  flaggedForConvergenceSchema,
  transferRequestedSchema,
  transferAcceptedSchema,
  transferRejectedSchema,
  transferCancelledSchema,
  followUpVisitSchema,
  closureSchema,
  reopeningSchema,
  noteSchema,
  ownerChangedSchema,
]);

export type CaseAction = z.infer<typeof caseActionSchema>;
export type CaseActionType = CaseAction['type'];
/** The action of one type, e.g. `ActionOf<'referral'>`. */
export type ActionOf<T extends CaseActionType> = Extract<CaseAction, { type: T }>;

export const CASE_ACTION_TYPES = caseActionSchema.options.map((o) => o.shape.type.value) as CaseActionType[];

/** Parses untrusted input (an API body, an offline queue) into a case action. */
export function parseCaseAction(input: unknown): z.ZodSafeParseResult<CaseAction> {
  return caseActionSchema.safeParse(input);
}
