import { z } from 'zod';
import { isoDate } from '../http/iso-date';
import { recordVersion } from '../http/common';
import { day } from '../http/response';
import { grantedMoveInput } from './care.model';

/**
 * Request and response shapes of the second part of the care module (family.routes.ts): the
 * institution's daily records (CCI staff), foster carers, the grant ledger, aftercare plans and
 * the adoption hand-off.
 */
const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `is too long (${max} characters at most)`);
const optText = (max: number) => z.string().trim().max(max, `is too long (${max} characters at most)`).optional().nullable();

// ---------------------------------------------------------------- the institution's daily records

export const MOVEMENT_REQUEST_KINDS = ['leave', 'transfer', 'discharge', 'medical', 'other'] as const;
export const progressInput = z.strictObject({
  on: isoDate,
  domain: optText(40),
  note: text(2000),
});
export type ProgressInput = z.infer<typeof progressInput>;
export const progressOut = z.object({ id: z.string(), planId: z.string(), on: day, domain: z.string().nullable(), note: z.string() });

export const movementRequestInput = z.strictObject({
  kind: z.enum(MOVEMENT_REQUEST_KINDS),
  wantedFrom: isoDate.optional().nullable(),
  reason: text(1000),
});
export type MovementRequestInput = z.infer<typeof movementRequestInput>;
export const movementDecisionInput = z.strictObject({
  decision: z.enum(['granted', 'refused']),
  on: isoDate,
  note: optText(1000),
  /** With a grant of a leave, transfer or discharge: the move, recorded on the stay with the grant. */
  move: grantedMoveInput.optional(),
  version: recordVersion,
});
export type MovementDecisionInput = z.infer<typeof movementDecisionInput>;
export const movementRequestOut = z.object({
  id: z.string(),
  stayId: z.string(),
  childId: z.string(),
  institutionId: z.string(),
  kind: z.string(),
  requestedOn: day,
  wantedFrom: day.nullable(),
  reason: z.string(),
  status: z.string(),
  decidedOn: day.nullable(),
  decisionNote: z.string().nullable(),
  /** The stay the granted move left the child in (a transfer: the new institution's stay). */
  recordedStayId: z.string().nullable(),
  version: z.number(),
});

// ---------------------------------------------------------------- foster carers (s.44, r.23)

export const FOSTER_KINDS = ['foster', 'group_foster', 'kinship'] as const;
export const fosterCarerInput = z.strictObject({
  kind: z.enum(FOSTER_KINDS),
  name: text(200),
  address: optText(500),
  /** Where the family lives: a district, taluka, block or village id. */
  locationId: z
    .string()
    .trim()
    .regex(/^(di|sd|bl):\d{1,8}$|^vi:[A-Za-z0-9-]{1,60}$/, 'must be a place id: di:N, sd:N, bl:N or vi:…'),
  appliedOn: isoDate,
});
export type FosterCarerInput = z.infer<typeof fosterCarerInput>;
/** The home study report (JJ Model Rules 2016 Form 30, r.23(9)). */
export const homeStudyInput = z.strictObject({
  on: isoDate,
  by: text(200),
  recommendation: z.enum(['recommended', 'not_recommended']),
  summary: text(4000),
  version: recordVersion,
});
export type HomeStudyInput = z.infer<typeof homeStudyInput>;
/** The Sponsorship and Foster Care Approval Committee's decision (r.23). */
export const sfcacDecisionInput = z.strictObject({
  meetingOn: isoDate,
  decision: z.enum(['approved', 'rejected']),
  reasons: text(2000),
  ref: optText(80),
  version: recordVersion,
});
export type SfcacDecisionInput = z.infer<typeof sfcacDecisionInput>;
export const fosterCarerOut = z.object({
  id: z.string(),
  kind: z.string(),
  name: z.string(),
  address: z.string().nullable(),
  stateCode: z.number(),
  districtCode: z.number(),
  villageId: z.string().nullable(),
  appliedOn: day,
  status: z.string(),
  homeStudy: z.object({ on: day, by: z.string(), recommendation: z.string(), summary: z.string() }).nullable(),
  decision: z.object({ meetingOn: day, decision: z.string(), reasons: z.string(), ref: z.string().nullish() }).nullable(),
  approvedOn: day.nullable(),
  /** The end of the committee's approval, if it set one (matching skips a family past it). */
  reviewDue: day.nullable(),
  /** What the home study found the family can take (foster-life.model.ts). */
  profile: z.object({
    capacity: z.number(),
    prefersSex: z.string(),
    ageMin: z.number().nullable(),
    ageMax: z.number().nullable(),
    languages: z.array(z.string()),
    takesSiblings: z.boolean(),
  }),
  version: z.number(),
});

/** Monthly inspection of the foster family (Form 35, r.23(18)): a concern or a risk is said in words. */
export const fosterInspectionInput = z.strictObject({
  visitedOn: isoDate,
  wellbeing: z.enum(['good', 'concern', 'at_risk']),
  findings: text(2000),
  /** Whether the child was seen and heard alone, away from the foster parents. */
  childSeenAlone: z.boolean().optional().nullable(),
  concerns: optText(2000),
});
export type FosterInspectionInput = z.infer<typeof fosterInspectionInput>;
export const placementRecordOut = z.object({
  id: z.string(),
  childId: z.string(),
  kind: z.string(),
  carer: z.string().nullable(),
  carerId: z.string().nullable(),
  caseId: z.string().nullable(),
  orderRef: z.string().nullable(),
  orderForm: z.string().nullable(),
  approvedOn: day.nullable(),
  startedOn: day,
  endedOn: day.nullable(),
  endReason: z.string().nullable(),
  endOrderRef: z.string().nullable(),
  stateCode: z.number(),
  districtCode: z.number(),
  version: z.number(),
  inspections: z.array(
    z.object({
      id: z.string(),
      visitedOn: day,
      wellbeing: z.string(),
      findings: z.string(),
      childSeenAlone: z.boolean().nullable(),
      concerns: z.string().nullable(),
    }),
  ),
  /** The monthly inspection clock (r.23(18)): a month after the last visit, or after the placement began. */
  nextInspectionDue: day.nullable(),
  inspectionOverdue: z.boolean(),
});

// ---------------------------------------------------------------- the grant ledger

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month: YYYY-MM');
export const paymentInput = z.strictObject({
  placementId: z.uuid(),
  month,
  status: z.enum(['due', 'paid', 'withheld']),
  paidOn: isoDate.optional().nullable(),
  reason: optText(500),
});
export type PaymentInput = z.infer<typeof paymentInput>;
export const paymentPatch = z.strictObject({
  status: z.enum(['paid', 'withheld', 'due']),
  paidOn: isoDate.optional().nullable(),
  reason: optText(500),
  version: recordVersion,
});
export type PaymentPatch = z.infer<typeof paymentPatch>;
export const paymentOut = z.object({
  id: z.string(),
  placementId: z.string(),
  childId: z.string(),
  kind: z.string(),
  month: z.string(),
  amount: z.number(),
  rateVersion: z.string(),
  status: z.string(),
  paidOn: day.nullable(),
  reason: z.string().nullable(),
  stateCode: z.number(),
  districtCode: z.number(),
  version: z.number(),
});
const totals = z.object({ due: z.number(), paid: z.number(), withheld: z.number(), entries: z.number() });
export const ledgerQuery = z.strictObject({
  childId: z.uuid().optional(),
  placementId: z.uuid().optional(),
  from: month.optional(),
  to: month.optional(),
});
export const ledgerOut = z.object({ items: z.array(paymentOut), totals, rate: z.object({ source: z.string(), version: z.string() }) });
export const districtLedgerOut = z.object({
  items: z.array(z.object({ districtCode: z.number(), kind: z.string() }).extend(totals.shape)),
  totals,
});

// ---------------------------------------------------------------- aftercare (s.46, r.25)

export const aftercareInput = z.strictObject({
  childId: z.uuid(),
  /** The CWC's aftercare order (JJ Model Rules 2016 Form 37). */
  orderRef: text(80),
  planOn: isoDate,
  needs: z.strictObject({
    education: optText(500),
    skills: optText(500),
    housing: optText(500),
    stipend: z.number().int().min(0).max(100000).optional().nullable(),
    other: optText(500),
  }),
  /** What the plan follows (one of): the stay discharged with reason 'aftercare'… */
  followsStayId: z.uuid().optional().nullable(),
  /** …or the foster placement the young person leaves at 18 (the aftercare proposal taken up). */
  followsPlacementId: z.uuid().optional().nullable(),
});
export type AftercareInput = z.infer<typeof aftercareInput>;
export const aftercareReviewInput = z.strictObject({ on: isoDate, notes: text(2000), end: z.boolean().optional(), version: recordVersion });
export type AftercareReviewInput = z.infer<typeof aftercareReviewInput>;
export const aftercareOut = z.object({
  id: z.string(),
  childId: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  orderRef: z.string(),
  planOn: day,
  turns18On: day.nullable(),
  endsOn: day.nullable(),
  needs: z.object({
    education: z.string().nullish(),
    skills: z.string().nullish(),
    housing: z.string().nullish(),
    stipend: z.number().nullish(),
    other: z.string().nullish(),
  }),
  nextReviewDue: day,
  reviewOverdue: z.boolean(),
  reviews: z.array(z.object({ on: day, notes: z.string() })),
  status: z.string(),
  /** What the plan follows: the stay's discharge to aftercare or the foster placement (null: not recorded). */
  follows: z
    .object({
      kind: z.enum(['stay_discharge', 'foster_placement']),
      id: z.string(),
      /** The stay's discharge day or the placement's end (null: the placement still runs). */
      endedOn: day.nullable(),
      endReason: z.string().nullable(),
      /** The institution (stay) or the foster family (placement). */
      place: z.string().nullable(),
    })
    .nullable(),
  version: z.number(),
});

// ---------------------------------------------------------------- adoption hand-off (s.38)

export const handoffInput = z.strictObject({
  childId: z.uuid(),
  caseId: z.uuid(),
  saaId: z.uuid(),
  caringsRef: optText(80),
  handedOverOn: isoDate,
});
export type HandoffInput = z.infer<typeof handoffInput>;
export const HANDOFF_STATUSES = ['handed_over', 'referred', 'adopted', 'returned'] as const;
export const handoffPatch = z.strictObject({
  status: z.enum(HANDOFF_STATUSES),
  on: isoDate,
  caringsRef: optText(80),
  version: recordVersion,
});
export type HandoffPatch = z.infer<typeof handoffPatch>;
export const legallyFreeOut = z.object({
  items: z.array(
    z.object({
      childId: z.string(),
      name: z.string().nullable(),
      sex: z.string().nullable(),
      dob: z.string().nullable(),
      caseId: z.string(),
      caseNumber: z.number(),
      declaredFreeOn: z.string(),
      orderRef: z.string().nullable(),
    }),
  ),
});

export const handoffOut = z.object({
  id: z.string(),
  childId: z.string(),
  caseId: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  declaredFreeOn: day,
  orderRef: z.string().nullable(),
  saaId: z.string(),
  caringsRef: z.string().nullable(),
  handedOverOn: day,
  status: z.string(),
  statusOn: day,
  version: z.number(),
});
