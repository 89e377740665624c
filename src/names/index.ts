// Indian names across scripts and spellings: transliteration, canonical tokens,
// phonetic keys for search, and similarity. Pure functions; never throw.
import {
  canonicalToken,
  foldKey,
  isNameMarkerCanonical,
  isNickname,
  isNicknameCanonical,
  keyOfCanonical,
  nameTokens,
  phoneticKey,
  soundForm,
} from './canonical';
import { detectScript, toLatin } from './latin';
import { jaroWinkler, tokenListSimilarity } from './similarity';
import { toDevanagari } from './devanagari';
import { initialsOf, withoutScriptInitials } from './initials';
import { isGenericPetName, petIdsOfSound, variantIdsOfSound, variantKeysOfTokens } from './variants';

export type { Script } from './latin';
export { asWrittenApart, ocrFolded, ocrLetters } from './written';
export {
  toLatin,
  detectScript,
  toDevanagari,
  nameTokens,
  phoneticKey,
  foldKey,
  isNickname,
  isNicknameCanonical,
  isNameMarkerCanonical,
  canonicalToken,
  soundForm,
  keyOfCanonical,
  jaroWinkler,
  tokenListSimilarity,
  isGenericPetName,
  petIdsOfSound,
  variantIdsOfSound,
  variantKeysOfTokens,
  initialsOf,
  withoutScriptInitials,
};

/** A string function memoised in a bounded Map (started afresh past 5 lakh entries). */
function memoised<T>(fn: (s: string) => T): ((s: string) => T) & { clear: () => void } {
  const memo = new Map<string, T>();
  return Object.assign(
    (s: string) => {
      let v = memo.get(s);
      if (v === undefined) {
        if (memo.size > 500_000) memo.clear();
        v = fn(s);
        memo.set(s, v);
      }
      return v;
    },
    { clear: () => memo.clear() },
  );
}

/** nameTokens, memoised: bulk linkage sees the same few thousand names hundreds of thousands of times. */
export const nameTokensCached = memoised(nameTokens);
/** soundForm of a canonical token, memoised: tokens repeat far more than whole names. */
export const soundFormCached = memoised(soundForm);
/** keyOfCanonical, memoised. */
export const keyOfCanonicalCached = memoised(keyOfCanonical);

/** Forgets the memoised tokens, sounds and keys (a linkage worker, once its records are prepared). */
export function clearNameMemos(): void {
  nameTokensCached.clear();
  soundFormCached.clear();
  keyOfCanonicalCached.clear();
}

/** Keys to store in a text[] GIN index; a query whose keys overlap a record's keys is a candidate. */
export function searchKeys(name: string): string[] {
  const keys = new Set<string>();
  for (const t of nameTokensCached(name)) {
    const k = keyOfCanonicalCached(t);
    if (k) keys.add(k);
  }
  return [...keys];
}

/** searchKeys plus the keys of the outside variant table's head forms (Kishan → also Krishna's key). */
export function searchKeysWithVariants(name: string): string[] {
  const toks = nameTokensCached(name);
  return [...new Set([...searchKeys(name), ...variantKeysOfTokens(toks)])];
}

/** Sound forms of a name's tokens: the representation nameSimilarity compares. */
export function nameSounds(name: string): string[] {
  return nameTokens(name).map(soundForm);
}

/** 0..1, insensitive to script, spelling and token order. */
export function nameSimilarity(a: string, b: string): number {
  return tokenListSimilarity(nameSounds(a), nameSounds(b));
}
