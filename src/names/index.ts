// Indian names across scripts and spellings: transliteration, canonical tokens,
// phonetic keys for search, and similarity. Pure functions; never throw.
import { canonicalToken, isNickname, isNicknameCanonical, keyOfCanonical, nameTokens, phoneticKey, soundForm } from './canonical';
import { detectScript, toLatin } from './latin';
import { jaroWinkler, tokenListSimilarity } from './similarity';
import { toDevanagari } from './devanagari';

export type { Script } from './latin';
export { toLatin, detectScript, toDevanagari, nameTokens, phoneticKey, isNickname, isNicknameCanonical, canonicalToken, soundForm, keyOfCanonical, jaroWinkler, tokenListSimilarity };

const memo = new Map<string, string[]>();

/** nameTokens, memoised: bulk linkage sees the same few thousand names hundreds of thousands of times. */
export function nameTokensCached(name: string): string[] {
  let v = memo.get(name);
  if (v === undefined) {
    if (memo.size > 500_000) memo.clear();
    v = nameTokens(name);
    memo.set(name, v);
  }
  return v;
}

/** Forgets the memoised tokens, sounds and keys (a linkage worker, once its records are prepared). */
export function clearNameMemos(): void {
  memo.clear();
  soundMemo.clear();
  keyMemo.clear();
}

const soundMemo = new Map<string, string>();
const keyMemo = new Map<string, string>();

/** soundForm of a canonical token, memoised: tokens repeat far more than whole names. */
export function soundFormCached(canonical: string): string {
  let v = soundMemo.get(canonical);
  if (v === undefined) {
    if (soundMemo.size > 500_000) soundMemo.clear();
    v = soundForm(canonical);
    soundMemo.set(canonical, v);
  }
  return v;
}

/** keyOfCanonical, memoised. */
export function keyOfCanonicalCached(canonical: string): string {
  let v = keyMemo.get(canonical);
  if (v === undefined) {
    if (keyMemo.size > 500_000) keyMemo.clear();
    v = keyOfCanonical(canonical);
    keyMemo.set(canonical, v);
  }
  return v;
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

/** Sound forms of a name's tokens: the representation nameSimilarity compares. */
export function nameSounds(name: string): string[] {
  return nameTokens(name).map(soundForm);
}

/** 0..1, insensitive to script, spelling and token order. */
export function nameSimilarity(a: string, b: string): number {
  return tokenListSimilarity(nameSounds(a), nameSounds(b));
}
