/** Request and response shapes of sponsorship applications (sponsorship.routes.ts). */
import { z } from 'zod';
import { SPONSORSHIP_GROUNDS } from './grounds';
import { isoDate } from '../../http/iso-date';
import { recordVersion } from '../../http/common';
import { day } from '../../http/response';
import { paymentOut } from '../family.model';

const text = (max: number) => z.string().trim().min(1, 'is required').max(max, `is too long (${max} characters at most)`);
const optText = (max: number) => z.string().trim().max(max, `is too long (${max} characters at most)`).optional().nullable();
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month: YYYY-MM');

/**
 * The ground a child is sponsored on (Mission Vatsalya guidelines 2022, 4.1): the four family
 * situations and the children in need of care and protection the guidelines list, as the scheme
 * catalogue's eligibility rule reads them (src/schemes/catalogue/mission-vatsalya.ts).
 */
export { SPONSORSHIP_GROUNDS };

export const sponsorshipInput = z.strictObject({
  childId: z.uuid(),
  /** The child's case, when the CWC's order (Form 36) is to be recorded on it. */
  caseId: z.uuid().optional().nullable(),
  appliedOn: isoDate,
  /** Who applies for the child (the relation, e.g. mother, grandmother, DCPU): not a name. */
  applicant: text(120),
  ground: z.enum(SPONSORSHIP_GROUNDS),
});
export type SponsorshipInput = z.infer<typeof sponsorshipInput>;

/** The SFCAC's decision; a sanction carries the CWC's sponsorship order (Form 36, R.24(5)) and the first month. */
export const sponsorshipDecisionInput = z.strictObject({
  meetingOn: isoDate,
  decision: z.enum(['sanctioned', 'refused']),
  reasons: text(2000),
  orderRef: optText(80),
  /** The day the sponsorship (and its monthly grant) begins; required with a sanction. */
  startsOn: isoDate.optional().nullable(),
  /** Until when the sanction holds; left out, the default period (domain/sponsorship-renewal.json). */
  validUntil: isoDate.optional().nullable(),
  version: recordVersion,
});
export type SponsorshipDecisionInput = z.infer<typeof sponsorshipDecisionInput>;

/** The SFCAC's yearly review of a sponsored child: it goes on or ends. */
export const sponsorshipReviewInput = z.strictObject({
  on: isoDate,
  outcome: z.enum(['continue', 'end']),
  notes: text(2000),
  version: recordVersion,
});
export type SponsorshipReviewInput = z.infer<typeof sponsorshipReviewInput>;

/** A school absence begins (`absentSince`) or ends (`backOn`, the first day back at school). */
export const sponsorshipAbsenceInput = z
  .strictObject({
    absentSince: isoDate.optional(),
    backOn: isoDate.optional(),
    version: recordVersion,
  })
  .refine((v) => (v.absentSince ? !v.backOn : !!v.backOn), { message: 'give either absentSince or backOn', path: ['absentSince'] });
export type SponsorshipAbsenceInput = z.infer<typeof sponsorshipAbsenceInput>;

/** A month of the sponsorship's grant, recorded in the care module's ledger (the pause is checked first). */
export const sponsorshipPaymentInput = z.strictObject({
  month,
  status: z.enum(['due', 'paid', 'withheld']),
  paidOn: isoDate.optional().nullable(),
  reason: optText(500),
});
export type SponsorshipPaymentInput = z.infer<typeof sponsorshipPaymentInput>;

export const sponsorshipListQuery = z.strictObject({
  status: z.enum(['applied', 'sanctioned', 'refused', 'ended']).optional(),
  /** Only those with a clock past its day (a decision or review overdue, or a pause in force). */
  overdue: z.enum(['true', 'false']).optional(),
});

const clockOut = z.object({
  key: z.string(),
  dueOn: day,
  overdue: z.boolean(),
  statutory: z.boolean(),
  citation: z.string(),
  form: z.string().nullable(),
  verification: z.string(),
  setBy: z.enum(['default', 'state']),
  decidedBy: z.string().nullable(),
});
const pauseOut = z.object({ from: day, to: day.nullable() });

export const sponsorshipOut = z.object({
  id: z.string(),
  childId: z.string(),
  caseId: z.string().nullable(),
  stateCode: z.number(),
  districtCode: z.number(),
  appliedOn: day,
  applicant: z.string(),
  ground: z.string(),
  status: z.string(),
  decision: z
    .object({
      meetingOn: day,
      decision: z.string(),
      reasons: z.string(),
      orderRef: z.string().nullish(),
      startsOn: day.nullish(),
    })
    .nullable(),
  decidedOn: day.nullable(),
  orderRef: z.string().nullable(),
  orderForm: z.literal('form36').nullable(),
  placementId: z.string().nullable(),
  monthlyAmount: z.number().nullable(),
  rateVersion: z.string().nullable(),
  reviews: z.array(z.object({ on: day, outcome: z.string(), notes: z.string() })),
  lastReviewOn: day.nullable(),
  absentSince: day.nullable(),
  absences: z.array(z.object({ from: day, to: day })),
  endedOn: day.nullable(),
  endReason: z.string().nullable(),
  /** Until when the sanction holds (renewed by the committee); null: no end recorded. */
  validUntil: day.nullable(),
  /** The clocks in force (decision, yearly review, school absence), each with its source. */
  clocks: z.array(clockOut),
  /** The next day something is owed, and whether anything is overdue. */
  nextDue: day.nullable(),
  overdue: z.boolean(),
  /** Paused now (a school-going child absent more than 30 days), and every pause so far. */
  paused: z.boolean(),
  pauses: z.array(pauseOut),
  version: z.number(),
});
export type SponsorshipOut = z.infer<typeof sponsorshipOut>;
export const sponsorshipListOut = z.object({ items: z.array(sponsorshipOut) });
export const sponsorshipDetailOut = z.object({
  sponsorship: sponsorshipOut,
  /** The grant ledger of the sponsorship's placement (the care module's), month by month. */
  payments: z.array(paymentOut),
});
export const withheldOut = z.object({ withheld: z.array(z.string()) });

// ---------------------------------------------------------------- renewal and ending (migration 1000)

/** The DCPU's re-assessment of a sanctioned sponsorship before its period ends. */
export const sponsorshipReassessmentInput = z.strictObject({
  on: isoDate,
  /** Who re-assessed (a role or office, e.g. DCPU social worker): not a name. */
  by: text(120),
  recommendation: z.enum(['renew', 'end']),
  summary: text(2000),
  version: recordVersion,
});
export type SponsorshipReassessmentInput = z.infer<typeof sponsorshipReassessmentInput>;

/** The SFCAC's decision on the renewal: renewed with the new end, or refused (the sponsorship ends). */
export const sponsorshipRenewalDecisionInput = z.strictObject({
  meetingOn: isoDate,
  decision: z.enum(['renewed', 'refused']),
  validUntil: isoDate.optional().nullable(),
  reasons: text(2000),
  ref: optText(80),
  version: recordVersion,
});
export type SponsorshipRenewalDecisionInput = z.infer<typeof sponsorshipRenewalDecisionInput>;

export const SPONSORSHIP_END_REASONS = [
  'turned_18',
  'family_self_reliant',
  'child_in_institution',
  'child_in_family_placement',
  'moved_away',
  'child_died',
  'other',
] as const;
/** Ending a sanctioned sponsorship before its period, with a reason (s.45; Mission Vatsalya guidelines 2022, 4.1). */
export const sponsorshipEndInput = z.strictObject({
  endedOn: isoDate,
  reason: z.enum(SPONSORSHIP_END_REASONS),
  notes: optText(2000),
  version: recordVersion,
});
export type SponsorshipEndInput = z.infer<typeof sponsorshipEndInput>;

export const sponsorshipRenewalOut = z.object({
  id: z.string(),
  sponsorshipId: z.string(),
  previousValidUntil: day.nullable(),
  reassessedOn: day,
  reassessment: z.object({ on: day, by: z.string(), recommendation: z.string(), summary: z.string() }),
  status: z.enum(['reassessed', 'renewed', 'refused']),
  meetingOn: day.nullable(),
  validUntil: day.nullable(),
  reasons: z.string().nullable(),
  ref: z.string().nullable(),
});
export const sponsorshipRenewalResultOut = z.object({ sponsorship: sponsorshipOut, renewal: sponsorshipRenewalOut });
export const sponsorshipRenewalsOut = z.object({ sponsorship: sponsorshipOut, items: z.array(sponsorshipRenewalOut) });
export const sponsorshipEndOut = z.object({
  sponsorship: sponsorshipOut,
  /** The ledger's 'due' months after the end month, now withheld; months already paid after it (to recover). */
  withheldMonths: z.array(z.string()),
  paidAfterEnd: z.array(z.string()),
});

export const sponsorshipsDueQuery = z.strictObject({
  withinDays: z.coerce.number().int().min(0).max(365).optional(),
});
export const sponsorshipsDueOut = z.object({
  rules: z.object({
    version: z.string(),
    dueWithinDays: z.number(),
    periodMonths: z.number(),
    basis: z.string(),
    verification: z.string(),
  }),
  withinDays: z.number(),
  items: z.array(
    z.object({
      sponsorship: sponsorshipOut,
      /** due: ends within the notice; lapsed: past its end, not renewed; ended: ended or refused with months still due. */
      state: z.enum(['due', 'lapsed', 'ended']),
      daysLeft: z.number().nullable(),
      /** Ledger months still 'due' (unpaid) of the sponsorship's placement. */
      paymentsDue: z.number(),
      /** Lapsed or ended with payments still due: the DCPU settles them first. */
      alert: z.boolean(),
      openReassessment: sponsorshipRenewalOut.nullable(),
    }),
  ),
});
