import { z } from 'zod';
import raw from './timelines.json' with { type: 'json' };

/**
 * The care module's due dates as validated data (the pattern of src/cases/timelines.config.ts):
 * each carries its basis, and says whether it is statutory; the intervals that no Act fixes
 * (follow-up after restoration, ICP reviews) are policy choices a state may change here.
 */
const basis = { statutory: z.boolean(), basis: z.string().min(20) };
const schema = z.strictObject({
  version: z.number().int().positive(),
  icpPreparation: z.strictObject({ withinDays: z.number().int().positive(), ...basis }),
  icpReview: z.strictObject({ everyMonths: z.number().int().positive(), ...basis }),
  registrationRenewal: z.strictObject({ warnDaysBefore: z.number().int().nonnegative(), ...basis }),
  aftercareFlag: z.strictObject({ atMonths: z.number().int().positive(), ...basis }),
  aftercareReview: z.strictObject({ everyMonths: z.number().int().positive(), ...basis }),
  postRestorationFollowUps: z.strictObject({
    atMonths: z
      .array(z.number().int().positive())
      .min(1)
      .refine((a) => a.every((m, i) => i === 0 || m > a[i - 1]), 'must be increasing'),
    ...basis,
  }),
});
export type CareTimelines = z.infer<typeof schema>;

let current: CareTimelines = schema.parse(raw);
export const careTimelines = (): CareTimelines => current;
/** For tests: another schedule until reset with null. */
export function setCareTimelines(t: unknown | null): void {
  current = schema.parse(t ?? raw);
}

/** The calendar day `months` months after `day` (31 Jan + 1 month → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const x = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
  x.setUTCDate(Math.min(d, last));
  return x.toISOString().slice(0, 10);
}

export function addDaysTo(day: string, days: number): string {
  const x = new Date(`${day}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + days);
  return x.toISOString().slice(0, 10);
}
