import { z } from 'zod';
import { isoDate } from '../http/iso-date';
import { recordVersion } from '../http/common';
import { day } from '../http/response';
import { MATCH_EXCLUSIONS, MATCH_REASONS, PLACEMENT_END_REASONS } from './domain';
import { fosterCarerOut, placementRecordOut } from './family.model';

/**
 * Request and response shapes of the foster care lifecycle (foster-life.routes.ts): what a family
 * can take, matching a child to the approved families, ending a placement, the Form 35 visits
 * due, and aftercare proposals for foster children reaching 18.
 */
const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `is too long (${max} characters at most)`);
const age = z.number().int().min(0, 'must be 0 to 17').max(17, 'must be 0 to 17');
const language = z
  .string()
  .trim()
  .min(2, 'is too short')
  .max(40, 'is too long (40 characters at most)')
  .regex(/^[\p{L} -]+$/u, 'must be a language name');

/** What the home study (Form 30, r.23(9)) found the family can take, and how long the approval holds. */
export const carerProfileInput = z
  .strictObject({
    capacity: z.number().int().min(1, 'must be 1 to 10').max(10, 'must be 1 to 10'),
    prefersSex: z.enum(['any', 'female', 'male']),
    ageMin: age.optional().nullable(),
    ageMax: age.optional().nullable(),
    languages: z.array(language).max(8, 'at most 8 languages'),
    takesSiblings: z.boolean(),
    /** The end of the committee's approval (its decision says how long it holds); null: none set. */
    validUntil: isoDate.optional().nullable(),
    version: recordVersion,
  })
  .refine((v) => v.ageMin == null || v.ageMax == null || v.ageMin <= v.ageMax, {
    path: ['ageMax'],
    message: 'must be at least the lowest age',
  });
export type CarerProfileInput = z.infer<typeof carerProfileInput>;

const csv = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );
export const matchQuery = z.strictObject({
  childId: z.uuid(),
  /** Languages the child speaks, comma-separated (the registry holds none). */
  languages: csv(200).optional(),
  /** Brothers and sisters to be placed together with the child. */
  siblingsToPlace: z.coerce.number().int().min(0, 'must be 0 to 6').max(6, 'must be 0 to 6').optional(),
});
export type MatchQuery = z.infer<typeof matchQuery>;

const matchCarer = fosterCarerOut.pick({
  id: true,
  kind: true,
  name: true,
  villageId: true,
  approvedOn: true,
  reviewDue: true,
  profile: true,
  version: true,
});
export const matchOut = z.object({
  child: z.object({ id: z.string(), sex: z.string(), ageYears: z.number().nullable(), siblingsPlaced: z.number() }),
  rules: z.object({ version: z.string(), basis: z.string(), verification: z.string() }),
  candidates: z.array(
    z.object({
      carer: matchCarer,
      score: z.number(),
      placed: z.number(),
      freePlaces: z.number(),
      reasons: z.array(z.object({ code: z.enum(MATCH_REASONS), points: z.number() })),
    }),
  ),
  excluded: z.array(
    z.object({
      carer: matchCarer,
      placed: z.number(),
      freePlaces: z.number(),
      exclusions: z.array(z.object({ code: z.enum(MATCH_EXCLUSIONS) })),
    }),
  ),
});

/** Ending a family-based placement on the CWC's order. */
export const placementEndInput = z.strictObject({
  reason: z.enum(PLACEMENT_END_REASONS),
  endedOn: isoDate,
  /** The CWC's order that ends the placement. */
  orderRef: text(80),
  version: recordVersion,
});
export type PlacementEndInput = z.infer<typeof placementEndInput>;
export const placementEndOut = z.object({
  placement: placementRecordOut,
  /** 'due' months after the end month, now withheld with the reason. */
  withheldMonths: z.array(z.string()),
  /** Months after the end month already paid: to be recovered. */
  paidAfterEnd: z.array(z.string()),
  /** The child's care status becomes this in the registry (null: left to the next order). */
  careStatus: z.string().nullable(),
  /** True when the child leaves at 18: an aftercare plan (s.46, Form 37) is proposed. */
  aftercareProposed: z.boolean(),
});

export const visitsQuery = z.strictObject({ overdue: z.enum(['true', 'false']).optional() });
export const visitDueOut = z.object({
  placementId: z.string(),
  childId: z.string(),
  kind: z.string(),
  carer: z.string().nullable(),
  carerId: z.string().nullable(),
  districtCode: z.number(),
  startedOn: day,
  lastVisitOn: day.nullable(),
  lastWellbeing: z.string().nullable(),
  nextDue: day,
  overdue: z.boolean(),
  daysOverdue: z.number(),
  citation: z.string(),
});

export const aftercareProposalOut = z.object({
  childId: z.string(),
  placementId: z.string(),
  kind: z.string(),
  carer: z.string().nullable(),
  /** turning_18: still in foster care, from 17 years 6 months; left_at_18: the placement ended because the child turned 18. */
  source: z.enum(['turning_18', 'left_at_18']),
  turns18On: day,
  planFrom: day,
  endsOn: day,
  placementEndedOn: day.nullable(),
});

// ---------------------------------------------------------------- renewal of a family's approval

/** The DCPU's re-assessment of an approved family before its approval ends (an update of the Form 30 home study). */
export const reassessmentInput = z.strictObject({
  on: isoDate,
  /** Who made it: the DCPU's social worker or the NGO that made the home study. */
  by: text(120),
  recommendation: z.enum(['renew', 'do_not_renew']),
  summary: text(2000),
  version: recordVersion,
});
export type ReassessmentInput = z.infer<typeof reassessmentInput>;

/** The Sponsorship and Foster Care Approval Committee's decision on the renewal (JJ Model Rules 2016 r.23). */
export const renewalDecisionInput = z.strictObject({
  meetingOn: isoDate,
  decision: z.enum(['renewed', 'refused']),
  /** The new end of the approval (required when renewed). */
  validUntil: isoDate.optional().nullable(),
  reasons: text(2000),
  /** The committee's minute or letter. */
  ref: z.string().trim().max(80, 'is too long (80 characters at most)').optional().nullable(),
  version: recordVersion,
});
export type RenewalDecisionInput = z.infer<typeof renewalDecisionInput>;

export const renewalOut = z.object({
  id: z.string(),
  carerId: z.string(),
  previousValidUntil: day.nullable(),
  reassessedOn: day,
  reassessment: z.object({
    on: day,
    by: z.string(),
    recommendation: z.enum(['renew', 'do_not_renew']),
    summary: z.string(),
  }),
  status: z.enum(['reassessed', 'renewed', 'refused']),
  meetingOn: day.nullable(),
  validUntil: day.nullable(),
  reasons: z.string().nullable(),
  ref: z.string().nullable(),
});
export const renewalResultOut = z.object({ carer: fosterCarerOut, renewal: renewalOut });
export const carerRenewalsOut = z.object({ carer: fosterCarerOut, items: z.array(renewalOut) });

export const approvalsDueQuery = z.strictObject({
  /** Families whose approval ends within this many days (default: the rules' dueWithinDays). */
  withinDays: z.coerce.number().int().min(1, 'must be 1 to 365').max(365, 'must be 1 to 365').optional(),
});
export const approvalDueOut = z.object({
  carer: matchCarer.extend({ status: z.string(), districtCode: z.number() }),
  /** due: ends within the window; lapsed: past its end; refused: the committee refused to renew. */
  state: z.enum(['due', 'lapsed', 'refused']),
  validUntil: day.nullable(),
  /** Days from today to the end (negative once past). */
  daysLeft: z.number().nullable(),
  /** Children placed with the family now: the placements run on; the DCPU must act. */
  childrenPlaced: z.number(),
  /** True when a child is still placed with a family whose approval no longer holds. */
  alert: z.boolean(),
  openReassessment: renewalOut.nullable(),
  /** The lapse alert's convergence action item could not be opened (why: `no_district_group`, or the group's refusal code); retried daily. */
  actionProblem: z.string().nullable(),
  /** The due item, as the care clocks give theirs: the day, whether past, the source. */
  dueItem: z.object({
    key: z.literal('fosterApprovalRenewal'),
    dueOn: day.nullable(),
    overdue: z.boolean(),
    citation: z.string(),
    verification: z.string(),
  }),
});
export const approvalsDueOut = z.object({
  rules: z.object({ version: z.string(), dueWithinDays: z.number(), basis: z.string(), verification: z.string() }),
  withinDays: z.number(),
  items: z.array(approvalDueOut),
});
