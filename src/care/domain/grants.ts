import { z } from 'zod';
import raw from './grants.json' with { type: 'json' };

/**
 * The monthly grants of family-based care as versioned data (Mission Vatsalya guidelines 2022,
 * ch. 4: ₹4,000 per child per month for sponsorship, foster care and aftercare). A new rate is a
 * new row with its `from` month; the ledger copies the amount and the version into each entry,
 * so a change never rewrites months already recorded. Kinship care has no grant of its own
 * (a kinship family is supported through sponsorship).
 */
const schema = z.strictObject({
  version: z.string().min(3),
  source: z.string().min(20),
  verification: z.enum(['official_text', 'secondary_source', 'unverified']),
  rates: z
    .array(
      z.strictObject({
        kind: z.enum(['sponsorship', 'foster', 'group_foster', 'aftercare']),
        from: z.iso.date(),
        monthly: z.number().int().positive(),
      }),
    )
    .min(1),
});
export type GrantRates = z.infer<typeof schema>;

let current: GrantRates = schema.parse(raw);
export const grantRates = (): GrantRates => current;
/** For tests: other rates until reset with null. */
export function setGrantRates(r: unknown | null): void {
  current = schema.parse(r ?? raw);
}

/** The monthly amount in force for a kind of placement in a month (YYYY-MM), or null when none. */
export function grantFor(kind: string, month: string): { amount: number; version: string } | null {
  const first = `${month}-01`;
  const rate = current.rates.filter((r) => r.kind === kind && r.from <= first).sort((a, b) => (a.from < b.from ? 1 : -1))[0];
  return rate ? { amount: rate.monthly, version: `${current.version}@${rate.from}` } : null;
}
