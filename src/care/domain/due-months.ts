import { grantFor } from './grants';

/** A family-based placement as the ledger sees it (care_family_placement). */
export interface GrantPlacement {
  id: string;
  kind: string;
  startedOn: string;
  endedOn: string | null;
}

/** The IST calendar day (YYYY-MM-DD) → its month (YYYY-MM). */
export const monthOf = (istDay: string) => istDay.slice(0, 7);

/**
 * The 'due' entries a month still lacks: one per placement that is running in that month (began
 * on or before its last day, not ended before its first) and whose kind has a monthly grant
 * (sponsorship s.45, foster care s.44, aftercare s.46 of the JJ Act 2015; the amount from the
 * Mission Vatsalya rates data). A placement that already has an entry for the month (due, paid or
 * withheld) is left alone, so running it twice adds nothing.
 */
export function dueEntriesFor(
  placements: readonly GrantPlacement[],
  month: string,
  alreadyRecorded: ReadonlySet<string>,
): { placementId: string; month: string; amount: number; rateVersion: string }[] {
  const out: { placementId: string; month: string; amount: number; rateVersion: string }[] = [];
  for (const p of placements) {
    if (alreadyRecorded.has(p.id)) continue;
    if (monthOf(p.startedOn) > month) continue;
    if (p.endedOn && monthOf(p.endedOn) < month) continue;
    const grant = grantFor(p.kind, month);
    if (!grant) continue;
    out.push({ placementId: p.id, month, amount: grant.amount, rateVersion: grant.version });
  }
  return out;
}
