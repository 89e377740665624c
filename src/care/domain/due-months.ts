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

/** A month a placement ran without an entry in the ledger (the back-fill query finds them). */
export interface MissingMonth {
  placementId: string;
  kind: string;
  month: string;
}

/**
 * The 'due' entries for months missed (the server was down on the 1st, or the placement was
 * recorded late): each missing month of a kind with a grant gets the rate in force in THAT month,
 * so a back-filled month before a rate change keeps the old amount. A month before any rate
 * existed gets nothing.
 */
export function backfillEntries(
  missing: readonly MissingMonth[],
): { placementId: string; month: string; amount: number; rateVersion: string }[] {
  const out: { placementId: string; month: string; amount: number; rateVersion: string }[] = [];
  for (const m of missing) {
    const grant = grantFor(m.kind, m.month);
    if (grant) out.push({ placementId: m.placementId, month: m.month, amount: grant.amount, rateVersion: grant.version });
  }
  return out;
}
