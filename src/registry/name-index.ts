import { nameSimilarity, searchKeys } from '../names';

/** Keys stored in `name_keys` (GIN-indexed): every script and spelling of every name collides on them. */
export function indexKeys(...names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const n of names) if (n && n.trim()) for (const k of searchKeys(n)) keys.add(k);
  return [...keys];
}

/** Best likeness of a query to any of a record's names, 0..1. */
export function bestLikeness(query: string, ...names: (string | null | undefined)[]): number {
  let best = 0;
  for (const n of names) if (n && n.trim()) best = Math.max(best, nameSimilarity(query, n));
  return best;
}

/** Below this a key collision is noise, not a match worth showing. */
export const MIN_LIKENESS = 0.55;
/** How many key-matched rows to rank per query; enough for a district, bounded at national scale. */
export const MAX_CANDIDATES = 400;
