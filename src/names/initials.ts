// Initials in Indian names. Tamil and Telugu names put the father's (or the village's) initial
// before the given name ("R. Karthik" for Karthik son of Ramasamy; Wikipedia "Tamil name",
// "Telugu name"), and the same initial is written in Indian scripts either as the letter's
// English name spelt out (आर. कार्तिक, এম. দিব্যা: "ar", "em") or as the consonant's own syllable
// (ர. கார்த்திக், మ. దివ్య). An initial is one Latin letter, or a script syllable closed by a dot.
import { isIndic, toLatin } from './latin';

// English letter names as Indian scripts spell them out, read back through toLatin.
const LETTER_NAMES: Record<string, string> = {
  e: 'a',
  a: 'a',
  ae: 'a',
  bi: 'b',
  si: 'c',
  di: 'd',
  i: 'e',
  ef: 'f',
  eph: 'f',
  ji: 'g',
  ech: 'h',
  aich: 'h',
  es: 's',
  ai: 'i',
  je: 'j',
  jai: 'j',
  ke: 'k',
  kei: 'k',
  el: 'l',
  em: 'm',
  en: 'n',
  o: 'o',
  pi: 'p',
  kyu: 'q',
  ar: 'r',
  aar: 'r',
  esh: 's',
  ti: 't',
  tee: 't',
  yu: 'u',
  vi: 'v',
  dablyu: 'w',
  eks: 'x',
  vai: 'y',
  jed: 'z',
  zed: 'z',
};

/** Whether a word of a name is an initial, and which Latin letter it stands for (null if not an initial). */
export function initialOf(word: string): string | null {
  const w = word.normalize('NFC');
  const latin = /^([A-Za-z])\.?$/.exec(w);
  if (latin) return latin[1].toLowerCase();
  const script = /^(.+)\.$/u.exec(w);
  if (!script || ![...script[1]].every((ch) => isIndic(ch.codePointAt(0)!))) return null;
  const l = toLatin(script[1]).replace(/[^a-z]/g, '');
  if (!l || l.length > 6) return null;
  return LETTER_NAMES[l] ?? (l.length <= 3 ? l[0] : null);
}

/** The Latin letters of a name's initials ("R. Karthik", "K R Lakshmi", "ர. கார்த்திக்"), in order. */
export function initialsOf(name: string): string[] {
  if (typeof name !== 'string') return [];
  const out: string[] = [];
  // "R.Karthik" and "K.R.Lakshmi" write no space after the dot.
  for (const word of name.replace(/\.(?=\S)/gu, '. ').split(/[\s,]+/u)) {
    const l = word ? initialOf(word) : null;
    if (l) out.push(l);
  }
  return out;
}

/** Whether a script word closed by a dot is an initial. */
export function isScriptInitial(word: string): boolean {
  return /\.$/.test(word) && !/^[A-Za-z]+\.$/.test(word) && initialOf(word) !== null;
}

/**
 * The name without its script initials, for comparing names: nameTokens drops "R." but would read
 * ர. or आर. as a name ("ra", "ar"). Search keys keep them (they must not change for stored names).
 */
export function withoutScriptInitials(name: string): string {
  if (typeof name !== 'string' || !name.includes('.')) return name;
  return name
    .replace(/\.(?=\S)/gu, '. ')
    .split(/\s+/u)
    .filter((w) => !isScriptInitial(w))
    .join(' ');
}
