import { and, isNotNull, lte, type AnyColumn, type SQL } from 'drizzle-orm';
import { approvalState, type ApprovalState } from './foster-approval';

/**
 * The one "ending within N days" rule of the care module's renewals: a foster family's approval
 * (foster-renewal.service.ts) and a sponsorship's sanction (sponsorship/renewal.service.ts) are
 * listed for renewal once their end falls on or before today + N days (or has passed).
 */

/** `day` plus `n` IST calendar days (YYYY-MM-DD). */
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** The last day an end may fall on to be listed: today + `withinDays`. */
export const renewalHorizon = (today: string, withinDays: number) => addDays(today, withinDays);

/** The SQL condition: an end is recorded and falls within the window (or is past). */
export const endsWithin = (column: AnyColumn, today: string, withinDays: number): SQL =>
  and(isNotNull(column), lte(column, renewalHorizon(today, withinDays)))!;

/** Where an end stands today ('lapsed', 'due', 'valid', 'no_end'): the same rule as the list. */
export const renewalState = (validUntil: string | null, today: string, withinDays: number): ApprovalState =>
  approvalState(validUntil, today, withinDays);
