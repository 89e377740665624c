import type { Script } from './population.data';

/**
 * Synthetic personal names written in each state's script, from small syllable lists. A syllable
 * is a consonant and a vowel, spelled once in Devanagari and once in Latin letters; the other
 * Indic scripts share Devanagari's layout in Unicode (ISCII order: the same letter sits at the
 * same offset in each block), so a name is moved into Bengali, Gurmukhi, Gujarati, Odia, Tamil,
 * Telugu, Kannada or Malayalam by that offset, with a near letter where a script has none
 * (Tamil has no separate voiced stops: ग→க; Bengali writes व as ব). The Latin spelling is the
 * name's `name`, the script spelling its `name_local` (none for states written in Latin).
 * These are not real names: they only have to look and behave like names for search and matching.
 */
const CONSONANTS: [string, string][] = [
  ['क', 'k'],
  ['ग', 'g'],
  ['च', 'ch'],
  ['ज', 'j'],
  ['त', 't'],
  ['द', 'd'],
  ['न', 'n'],
  ['प', 'p'],
  ['ब', 'b'],
  ['म', 'm'],
  ['य', 'y'],
  ['र', 'r'],
  ['ल', 'l'],
  ['व', 'v'],
  ['स', 's'],
  ['ह', 'h'],
  ['श', 'sh'],
];
const VOWELS: [string, string][] = [
  ['', 'a'],
  ['ा', 'a'],
  ['ि', 'i'],
  ['ी', 'i'],
  ['ु', 'u'],
  ['े', 'e'],
  ['ो', 'o'],
];
/** Endings that mark a given name as a girl's or a boy's (long -ā/-ī, or -a and a final consonant). */
const FEMALE_END: [string, string][] = [
  ['ा', 'a'],
  ['ी', 'i'],
];

const BLOCK: Record<Exclude<Script, 'latin'>, number> = {
  devanagari: 0x0900,
  bengali: 0x0980,
  gurmukhi: 0x0a00,
  gujarati: 0x0a80,
  odia: 0x0b00,
  tamil: 0x0b80,
  telugu: 0x0c00,
  kannada: 0x0c80,
  malayalam: 0x0d00,
};
const SCRIPT_RE: Record<Exclude<Script, 'latin'>, RegExp> = {
  devanagari: /^\p{Script=Devanagari}+$/u,
  bengali: /^\p{Script=Bengali}+$/u,
  gurmukhi: /^\p{Script=Gurmukhi}+$/u,
  gujarati: /^\p{Script=Gujarati}+$/u,
  odia: /^\p{Script=Oriya}+$/u,
  tamil: /^\p{Script=Tamil}+$/u,
  telugu: /^\p{Script=Telugu}+$/u,
  kannada: /^\p{Script=Kannada}+$/u,
  malayalam: /^\p{Script=Malayalam}+$/u,
};
/** The letter to try when a script has no counterpart (voiced → unvoiced, व → ब, श → स). */
const NEAR: Record<string, string> = { ग: 'क', ज: 'च', द: 'त', ब: 'प', व: 'ब', श: 'स' };

const charCache = new Map<string, string>();
function moveChar(ch: string, script: Exclude<Script, 'latin'>): string {
  const key = script + ch;
  let out = charCache.get(key);
  if (out === undefined) {
    let c: string | undefined = ch;
    out = ch;
    while (c) {
      const moved = String.fromCodePoint(c.codePointAt(0)! - 0x0900 + BLOCK[script]);
      if (SCRIPT_RE[script].test(moved)) {
        out = moved;
        break;
      }
      c = NEAR[c];
    }
    charCache.set(key, out);
  }
  return out;
}

/** A Devanagari string written in another Indic script (letter by letter). */
export function toScript(devanagari: string, script: Script): string | null {
  if (script === 'latin') return null;
  if (script === 'devanagari') return devanagari;
  let s = '';
  for (const ch of devanagari) s += moveChar(ch, script);
  return s;
}

/** Whether a string is written wholly in the script (the test checks every generated name). */
export const isInScript = (s: string, script: Script) =>
  script === 'latin' ? /^[A-Za-z ]+$/.test(s) : SCRIPT_RE[script].test(s.replace(/ /g, ''));

export interface NamePart {
  latin: string;
  deva: string;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One made-up name part of 2–3 syllables; `female` ends it in a long vowel. */
export function makeNamePart(rnd: () => number, kind: 'male' | 'female' | 'surname'): NamePart {
  const n = rnd() < 0.6 ? 2 : 3;
  let latin = '';
  let deva = '';
  for (let i = 0; i < n; i++) {
    const [cd, cl] = CONSONANTS[Math.floor(rnd() * CONSONANTS.length)];
    const last = i === n - 1;
    const [vd, vl] = last && kind === 'female' ? FEMALE_END[Math.floor(rnd() * 2)] : VOWELS[Math.floor(rnd() * VOWELS.length)];
    deva += cd + vd;
    latin += cl + vl;
  }
  // A boy's name or a surname often ends in a consonant sound (the final schwa is not said).
  if (kind !== 'female' && latin.endsWith('a') && deva.length && !/[ािीुेो]$/.test(deva) && rnd() < 0.5) latin = latin.slice(0, -1);
  return { latin: cap(latin), deva };
}

/** A pool of name parts, drawn once per script/state so names repeat as they do in real registers. */
export function namePool(rnd: () => number, kind: 'male' | 'female' | 'surname', size: number): NamePart[] {
  const seen = new Set<string>();
  const out: NamePart[] = [];
  for (let tries = 0; out.length < size && tries < size * 20; tries++) {
    const p = makeNamePart(rnd, kind);
    if (seen.has(p.latin)) continue;
    seen.add(p.latin);
    out.push(p);
  }
  return out;
}
