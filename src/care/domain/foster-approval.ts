import { z } from 'zod';
import raw from './foster-approval.json' with { type: 'json' };

/**
 * A foster family's approval as data with its source (docs/RULES.md): how many days before the
 * committee's approval ends the family is listed for renewal, and the places a family of each
 * kind may be approved for (a group foster family is a foster family with more places, Model
 * Guidelines for Foster Care 2016). Every figure says whether it was checked: none could be
 * (`unverified`), because the seed documents hold no text of the guidelines.
 */
const verification = z.enum(['official_text', 'secondary_source', 'unverified']);
const placeRule = z.strictObject({ max: z.number().int().min(1).max(20), verification, basis: z.string().min(20) });
const schema = z.strictObject({
  version: z.string().min(3),
  renewal: z.strictObject({
    dueWithinDays: z.number().int().min(1).max(365),
    /** The DCPU's convergence action item on a lapse is due this many days after the sweep raises it (a local choice). */
    lapseActionDueDays: z.number().int().min(0).max(90),
    verification,
    basis: z.string().min(20),
  }),
  places: z.strictObject({ foster: placeRule, group_foster: placeRule }),
});
export type FosterApprovalRules = z.infer<typeof schema>;
let current: FosterApprovalRules = schema.parse(raw);
export const fosterApprovalRules = (): FosterApprovalRules => current;
/** For tests: other rules until reset with null. */
export function setFosterApprovalRules(r: unknown | null): void {
  current = schema.parse(r ?? raw);
}

/** The most children a family of this kind may be approved for (a kinship carer: the foster family's). */
export function placeLimit(kind: string, rules: FosterApprovalRules = current): number {
  return kind === 'group_foster' ? rules.places.group_foster.max : rules.places.foster.max;
}

export type ApprovalState = 'no_end' | 'valid' | 'due' | 'lapsed';

/**
 * Where a family's approval stands today: `lapsed` once past its end (the family is out of
 * matching), `due` within `withinDays` of it, `valid` otherwise, `no_end` when none is recorded.
 */
export function approvalState(validUntil: string | null, today: string, withinDays: number): ApprovalState {
  if (!validUntil) return 'no_end';
  if (validUntil < today) return 'lapsed';
  return daysBetween(today, validUntil) <= withinDays ? 'due' : 'valid';
}

/** Whole days from `a` to `b` (IST calendar days, YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
