import { z } from 'zod';
import { isoDate } from '../http/iso-date';
import { recordVersion } from '../http/common';
import { day, timestamp, withheld, withheldMarks } from '../http/response';
import { DEPARTMENT_KINDS } from '../convergence/domain/types';
import {
  AGE_BANDS,
  CAPACITY_SEXES,
  DISCHARGE_REASONS,
  FAMILY_OPTIONS,
  GATEKEEPING_DECISIONS,
  ICP_DOMAINS,
  ICP_PREFERENCES,
  INSTITUTION_TYPE_KEYS,
  JJB_ORDERS,
  MANAGEMENTS,
  PLACING_CWC_ORDERS,
  REVIEW_OUTCOMES,
  SPECIALISATIONS,
  PATHWAY_KINDS,
  PATHWAY_STAGES,
  RISK_LEVELS,
  FAMILY_PLACEMENT_KINDS,
} from './domain';

/** Request and response shapes of the care module (src/care/care.routes.ts). */
const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `is too long (${max} characters at most)`);
const optText = (max: number) => z.string().trim().max(max, `is too long (${max} characters at most)`).optional().nullable();
const placeId = z
  .string()
  .trim()
  .regex(/^(di|sd|bl):\d{1,8}$|^vi:[A-Za-z0-9-]{1,60}$/, 'must be a place id: di:N, sd:N, bl:N or vi:…');

export const capacitySlotInput = z.strictObject({
  sex: z.enum(CAPACITY_SEXES),
  ageBand: z.enum(AGE_BANDS),
  places: z.number().int('must be a whole number').min(0).max(2000),
});

export const institutionInput = z.strictObject({
  name: text(200),
  nameLocal: optText(200),
  placeId,
  type: z.enum(INSTITUTION_TYPE_KEYS),
  management: z.enum(MANAGEMENTS),
  registrationNo: text(80),
  registeredOn: isoDate.optional().nullable(),
  validUntil: isoDate,
  capacity: z.array(capacitySlotInput).min(1, 'give the sanctioned capacity').max(24),
  specialisations: z.array(z.enum(SPECIALISATIONS)).max(8).default([]),
  staffSanctioned: z.number().int().min(0).max(1000).default(0),
  staffInPost: z.number().int().min(0).max(1000).default(0),
});
export type InstitutionInput = z.infer<typeof institutionInput>;

export const institutionPatch = z.strictObject({
  version: recordVersion,
  registrationNo: text(80).optional(),
  registeredOn: isoDate.optional().nullable(),
  validUntil: isoDate.optional(),
  capacity: z.array(capacitySlotInput).min(1).max(24).optional(),
  specialisations: z.array(z.enum(SPECIALISATIONS)).max(8).optional(),
  staffSanctioned: z.number().int().min(0).max(1000).optional(),
  staffInPost: z.number().int().min(0).max(1000).optional(),
});
export type InstitutionPatch = z.infer<typeof institutionPatch>;

export const inspectionInput = z.strictObject({
  inspectedOn: isoDate,
  committee: text(200),
  findings: z
    .array(z.strictObject({ area: text(100), finding: text(1000), severity: z.enum(['minor', 'major', 'critical']) }))
    .max(50)
    .default([]),
  /** Raised as convergence action items in this group (the district's convergence group). */
  convergenceGroupId: z.uuid().optional(),
  followUps: z
    .array(z.strictObject({ description: text(1000), department: z.enum(DEPARTMENT_KINDS), dueDate: isoDate }))
    .max(20)
    .default([]),
});
export type InspectionInput = z.infer<typeof inspectionInput>;

export const gatekeepingInput = z.strictObject({
  childId: z.uuid(),
  caseId: z.uuid().optional().nullable(),
  assessedOn: isoDate,
  options: z.array(z.strictObject({ option: z.enum(FAMILY_OPTIONS), suitable: z.boolean(), reason: text(1000) })).max(8),
  decision: z.enum(GATEKEEPING_DECISIONS),
  reason: text(2000),
});
export type GatekeepingInput = z.infer<typeof gatekeepingInput>;

/** Admission: a CWC order on the child's case (CNCP), or a JJB order (child in conflict with law), never both. */
export const admissionInput = z.discriminatedUnion('orderBy', [
  z.strictObject({
    orderBy: z.literal('cwc'),
    childId: z.uuid(),
    institutionId: z.uuid(),
    caseId: z.uuid(),
    orderType: z.enum(PLACING_CWC_ORDERS),
    orderRef: optText(80),
    gatekeepingId: z.uuid().optional().nullable(),
    admittedOn: isoDate,
    overCapacityReason: optText(1000),
  }),
  z.strictObject({
    orderBy: z.literal('jjb'),
    childId: z.uuid(),
    institutionId: z.uuid(),
    orderType: z.enum(JJB_ORDERS),
    orderRef: text(80),
    orderedOn: isoDate,
    admittedOn: isoDate,
    overCapacityReason: optText(1000),
  }),
]);
export type AdmissionInput = z.infer<typeof admissionInput>;

const leaveMove = z.strictObject({ type: z.literal('leave'), on: isoDate, until: isoDate, with: text(200) });
const dischargeMove = z.strictObject({
  type: z.literal('discharge'),
  on: isoDate,
  reason: z.enum(DISCHARGE_REASONS),
  orderRef: optText(80),
  note: optText(1000),
});
const transferMove = z.strictObject({
  type: z.literal('transfer'),
  on: isoDate,
  toInstitutionId: z.uuid(),
  orderRef: text(80),
  overCapacityReason: optText(1000),
});
export const stayMoveInput = z.discriminatedUnion('type', [
  leaveMove.extend({ version: recordVersion }),
  z.strictObject({ type: z.literal('returned'), on: isoDate, note: optText(1000), version: recordVersion }),
  z.strictObject({ type: z.literal('ran_away'), on: isoDate, circumstances: optText(1000), version: recordVersion }),
  dischargeMove.extend({ version: recordVersion }),
  transferMove.extend({ version: recordVersion }),
]);
/** The move a granted movement request records (leave, transfer, discharge): the stay's version is the request's to guard. */
export const grantedMoveInput = z.discriminatedUnion('type', [leaveMove, transferMove, dischargeMove]);
export type GrantedMoveInput = z.infer<typeof grantedMoveInput>;
export type StayMoveInput = z.infer<typeof stayMoveInput>;

export const planInput = z.strictObject({
  preparedOn: isoDate,
  preferredOption: z.enum(ICP_PREFERENCES),
  goals: z
    .array(
      z.strictObject({
        domain: z.enum(ICP_DOMAINS),
        need: text(500),
        intervention: text(500),
        responsible: z.string().trim().max(200, 'is too long (200 characters at most)').optional(),
      }),
    )
    .min(1, 'give at least one goal')
    .max(30),
});
export type PlanInput = z.infer<typeof planInput>;

export const reviewInput = z.strictObject({
  reviewedOn: isoDate,
  outcome: z.enum(REVIEW_OUTCOMES),
  notes: optText(2000),
  version: recordVersion,
});
export type ReviewInput = z.infer<typeof reviewInput>;

export const stayListQuery = z.strictObject({
  institutionId: z.uuid().optional(),
  childId: z.uuid().optional(),
  status: z.enum(['current', 'left', 'all']).default('current'),
  orderBy: z.enum(['cwc', 'jjb']).optional(),
});

// ---------------------------------------------------------------- responses

const slotOut = z.object({ sex: z.string(), ageBand: z.string(), places: z.number(), occupied: z.number() });
export const institutionOut = z.object({
  id: z.string(),
  name: z.string(),
  nameLocal: z.string().nullable(),
  kind: z.string(),
  type: z.string(),
  typeBasis: z.string(),
  management: z.string(),
  registrationNo: z.string(),
  registeredOn: day.nullable(),
  validUntil: day,
  registrationStatus: z.enum(['valid', 'renewal_due', 'lapsed']),
  capacity: z.array(slotOut),
  sanctioned: z.number(),
  inCare: z.number(),
  onLeave: z.number(),
  absconded: z.number(),
  overCapacity: z.boolean(),
  specialisations: z.array(z.string()),
  staffSanctioned: z.number(),
  staffInPost: z.number(),
  stateCode: z.number(),
  districtCode: z.number(),
  active: z.boolean(),
  version: z.number(),
});

export const occupancyOut = z.object({
  items: z.array(
    z.object({
      level: z.enum(['district', 'state']),
      code: z.number(),
      institutions: z.number(),
      sanctioned: z.number(),
      inCare: z.number(),
    }),
  ),
});

export const inspectionOut = z.object({
  id: z.string(),
  institutionId: z.string(),
  inspectedOn: day,
  committee: z.string(),
  findings: z.array(z.object({ area: z.string(), finding: z.string(), severity: z.string() })),
  followUps: z.array(
    z.object({ description: z.string(), department: z.string(), dueDate: z.string(), convergenceActionId: z.string().nullable() }),
  ),
  stateCode: z.number(),
  districtCode: z.number(),
  createdAt: timestamp,
});

export const gatekeepingListQuery = z.strictObject({
  childId: z.uuid().optional(),
  districtCode: z.coerce.number().int().positive().optional(),
  /** `diverted`: any family-based decision; or one decision. */
  outcome: z.enum(['diverted', ...GATEKEEPING_DECISIONS]).optional(),
  /** Only assessments that chose institutional care and no admission has used yet (the admission form's list). */
  unused: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
export type GatekeepingListQuery = z.infer<typeof gatekeepingListQuery>;

export const gatekeepingOut = z.object({
  id: z.string(),
  childId: z.string(),
  caseId: z.string().nullable(),
  assessedOn: day,
  options: z.array(z.object({ option: z.string(), suitable: z.boolean(), reason: z.string() })),
  decision: z.string(),
  reason: z.string(),
  diverted: z.boolean(),
});
export const gatekeepingListOut = z.object({
  items: z.array(
    gatekeepingOut.extend({
      districtCode: z.number(),
      used: z.boolean(),
      childName: z.string().nullable(),
      initialsOnly: z.literal(true).optional(),
    }),
  ),
});

export const stayOut = z.object({
  id: z.string(),
  childId: z.string(),
  childName: withheld(z.string()),
  childNameLocal: withheld(z.string()),
  childSex: withheld(z.string()),
  childAge: withheld(z.number()),
  childDob: withheld(z.string()),
  institutionId: z.string(),
  institutionName: withheld(z.string()),
  stateCode: z.number(),
  districtCode: z.number(),
  orderBy: z.string(),
  caseId: withheld(z.string()),
  orderType: z.string(),
  orderRef: withheld(z.string()),
  orderForm: withheld(z.string()),
  orderedOn: withheld(day),
  gatekeepingId: withheld(z.string()),
  admittedOn: day,
  status: z.string(),
  endedOn: withheld(day),
  endReason: withheld(z.string()),
  overCapacityReason: withheld(z.string()),
  transferredFrom: withheld(z.string()),
  missingReportId: withheld(z.string()),
  version: z.number(),
  icpDue: z.string().nullable().optional().describe('When the Individual Care Plan or its next review is due (Form 7)'),
  planId: z.string().nullable().optional().describe("The stay's Individual Care Plan, null while none is prepared (Model Rules 2016 r.69)"),
  planVersion: z.number().nullable().optional().describe("The care plan's version, sent with a review"),
  aftercareDue: z.boolean().optional().describe('17 years 6 months or older: an aftercare plan is due (JJ Act 2015 s.46)'),
  allowedMoves: z.array(z.string()).optional(),
  events: z.array(z.object({ type: z.string(), on: day, detail: z.record(z.string(), z.unknown()), at: timestamp })).optional(),
  ...withheldMarks,
});

export const planOut = z.object({
  id: z.string(),
  stayId: z.string(),
  childId: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  preparedOn: day,
  preferredOption: z.string(),
  goals: z.array(z.object({ domain: z.string(), need: z.string(), intervention: z.string(), responsible: z.string().optional() })),
  nextReviewDue: day,
  overdue: z.boolean(),
  reviews: z.array(z.object({ reviewedOn: day, outcome: z.string(), notes: z.string().nullable(), nextReviewDue: day.nullable() })),
  /** The institution's progress notes on the plan (records.service.ts). */
  progress: z.array(z.object({ on: day, domain: z.string().nullable(), note: z.string() })).optional(),
  version: z.number(),
});

export type StayView = z.input<typeof stayOut>;
export type PlanView = z.input<typeof planOut>;
export type InspectionView = z.input<typeof inspectionOut>;

// ---------------------------------------------------------------- reintegration, family-based care, targets

export const pathwayInput = z.strictObject({
  childId: z.uuid(),
  stayId: z.uuid().optional().nullable(),
  /** The Center for Excellence (an NGO) the DCPU assigns the case to; its caseworkers see only theirs. */
  ngoId: z.uuid().optional().nullable(),
  /** To whom the child is to be restored (s.40); the parents when left out. */
  kind: z.enum(PATHWAY_KINDS).optional(),
  on: isoDate,
  note: optText(1000),
});
export type PathwayInput = z.infer<typeof pathwayInput>;

/** The DCPU hands a pathway to another NGO (Center for Excellence), or takes it back (null). */
export const pathwayReassignInput = z.strictObject({
  ngoId: z.uuid().nullable(),
  reason: text(1000),
  version: recordVersion,
});
export type PathwayReassignInput = z.infer<typeof pathwayReassignInput>;

export const pathwayStepInput = z.strictObject({
  stage: z.enum(PATHWAY_STAGES),
  on: isoDate,
  note: optText(1000),
  /** The CWC's restoration order (JJ Model Rules 2016 Form 44) when the stage is restoration_ordered. */
  orderRef: optText(80),
  version: recordVersion,
});
export type PathwayStepInput = z.infer<typeof pathwayStepInput>;

export const followUpInput = z.strictObject({
  visitedOn: isoDate,
  findings: text(2000),
  risk: z.enum(RISK_LEVELS),
});
export type FollowUpInput = z.infer<typeof followUpInput>;

export const familyPlacementInput = z.strictObject({
  childId: z.uuid(),
  kind: z.enum(FAMILY_PLACEMENT_KINDS),
  carer: optText(200),
  /** An approved foster carer (JJ Model Rules 2016 r.23): required for a foster or group foster placement made through the committee. */
  carerId: z.uuid().optional().nullable(),
  caseId: z.uuid().optional().nullable(),
  orderRef: text(80),
  /** The order's form: Form 32 for foster care (r.23), Form 37 for aftercare. */
  orderForm: z.enum(['form32', 'form37', 'other']).optional().nullable(),
  approvedOn: isoDate.optional().nullable(),
  startedOn: isoDate,
});
export type FamilyPlacementInput = z.infer<typeof familyPlacementInput>;

export const followUpOut = z.object({
  id: z.string(),
  dueOn: day,
  visitedOn: day.nullable(),
  findings: z.string().nullable(),
  risk: z.string().nullable(),
  overdue: z.boolean(),
});
export const pathwayOut = z.object({
  id: z.string(),
  childId: z.string(),
  childName: withheld(z.string()),
  stayId: z.string().nullable(),
  ngoId: z.string().nullable(),
  kind: z.string(),
  stateCode: z.number(),
  districtCode: z.number(),
  stage: z.string(),
  stageOn: day,
  history: z.array(z.object({ stage: z.string(), on: z.string(), note: z.string().nullish() })),
  restoredOn: day.nullable(),
  /** The stay in a CCI the pathway started from (null: none recorded). */
  stay: z
    .object({
      id: z.string(),
      institutionId: z.string(),
      institutionName: z.string(),
      admittedOn: day,
      status: z.string(),
      endedOn: day.nullable(),
    })
    .nullable()
    .optional(),
  followUps: z.array(followUpOut),
  version: z.number(),
  initialsOnly: z.literal(true).optional(),
});
export type PathwayView = z.input<typeof pathwayOut>;

export const familyPlacementOut = z.object({
  id: z.string(),
  childId: z.string(),
  kind: z.string(),
  carer: z.string().nullable(),
  carerId: z.string().nullable().optional(),
  caseId: z.string().nullable(),
  orderRef: z.string().nullable(),
  orderForm: z.string().nullable().optional(),
  approvedOn: day.nullable(),
  startedOn: day,
  endedOn: day.nullable(),
  stateCode: z.number(),
  districtCode: z.number(),
  version: z.number(),
  /** A foster placement's monthly inspection clock (Form 35, JJ Model Rules 2016 r.23(18)). */
  nextInspectionDue: day.nullable().optional(),
  inspectionOverdue: z.boolean().optional(),
});

export const targetsOut = z.object({
  year: z.string(),
  source: z.string(),
  items: z.array(
    z.object({
      districtCode: z.number(),
      measures: z.array(z.object({ measure: z.string(), target: z.number(), actual: z.number(), percent: z.number() })),
      byMonth: z.array(
        z.object({ month: z.string(), restored: z.number(), familyBased: z.number(), diverted: z.number(), followUps: z.number() }),
      ),
    }),
  ),
});
