import { z } from 'zod';
import raw from './sponsorship-renewal.json' with { type: 'json' };

/**
 * A sponsorship's period and renewal notice as data with its source (docs/RULES.md): how long a
 * sanction holds when the committee states no end, and how many days before its end it is
 * listed for renewal. The period is from secondary sources (the SFCAC's annual review), the notice a local default (see the basis).
 */
const schema = z.strictObject({
  version: z.string().min(3),
  periodMonths: z.number().int().min(1).max(60),
  dueWithinDays: z.number().int().min(1).max(365),
  verification: z.enum(['official_text', 'secondary_source', 'unverified']),
  basis: z.string().min(20),
});
export type SponsorshipRenewalRules = z.infer<typeof schema>;
const current: SponsorshipRenewalRules = schema.parse(raw);
export const sponsorshipRenewalRules = (): SponsorshipRenewalRules => current;

/** The default end of a sanction starting on `startsOn`: the day before the same day `periodMonths` later. */
export function defaultValidUntil(startsOn: string, months = current.periodMonths): string {
  const [y, m, d] = startsOn.split('-').map(Number);
  const end = new Date(Date.UTC(y, m - 1 + months, d));
  // A start on the 31st with no 31st that many months later: clamp to the month's last day.
  if (end.getUTCDate() !== d) end.setUTCDate(0);
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}
