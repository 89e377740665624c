import { nameSounds, searchKeys, tokenListSimilarity } from '../names';

/**
 * The version of the rules `indexKeys` follows. Raise it (and the column default, in a migration like
 * 0950 or 1240) whenever `searchKeys` changes what it gives: rows keyed under older rules are then
 * re-keyed by the registry's sweep (`rekeyStaleNames`), or a search would miss them.
 * name-index.version.test.ts pins the keys of a fixed set of names to it.
 */
export const NAME_KEYS_VERSION = 3;

/** Keys stored in `name_keys` (GIN-indexed): every script and spelling of every name collides on them. */
export function indexKeys(...names: (string | null | undefined)[]): string[] {
  const keys = new Set<string>();
  for (const n of names) if (n && n.trim()) for (const k of searchKeys(n)) keys.add(k);
  return [...keys];
}

// Transliterating a name costs ~8 µs; registers repeat names a lot, so remember recent ones.
const SOUNDS_CACHE_MAX = 50_000;
const soundsCache = new Map<string, string[]>();
function soundsOf(name: string): string[] {
  let s = soundsCache.get(name);
  if (!s) {
    s = nameSounds(name);
    if (soundsCache.size >= SOUNDS_CACHE_MAX) soundsCache.delete(soundsCache.keys().next().value!);
    soundsCache.set(name, s);
  }
  return s;
}

/** Best likeness of a query to any of a record's names, 0..1 (same measure as names.nameSimilarity). */
export function bestLikeness(query: string, ...names: (string | null | undefined)[]): number {
  const q = soundsOf(query);
  let best = 0;
  for (const n of names) if (n && n.trim()) best = Math.max(best, tokenListSimilarity(q, soundsOf(n)));
  return best;
}

/** Below this a key collision is noise, not a match worth showing. */
export const MIN_LIKENESS = 0.55;
/** How many key-matched rows to rank per query; enough for a district, bounded at national scale. */
export const MAX_CANDIDATES = 200;
