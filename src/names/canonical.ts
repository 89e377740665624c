// Spelling normalisation of name tokens. Three levels, each coarser than the last:
//   canonical  – readable, spelling variants folded (nameTokens)
//   sound      – aspiration and sibilants folded too (used for similarity)
//   key        – consonant skeleton of the sound (used for blocking / search)
import { toLatin } from './latin';

// Whole-token variants that no letter rule can reach (abbreviations, vowel shifts).
const VARIANT_GROUPS: string[][] = [
  [
    'mohammad',
    'mohd',
    'md',
    'mohammed',
    'muhammad',
    'muhammed',
    'mohamed',
    'mohamad',
    'mohmad',
    'mohmmad',
    'mohammod',
    'mahammad',
    'mahamad',
    'muhamad',
    'mohmed',
    'mohd.',
    'mhd',
    'mohamood',
  ],
  ['lakshmi', 'laxmi', 'luxmi', 'lakshmee', 'lachmi', 'lakshimi', 'laksmi', 'lakhsmi', 'lacchmi'],
  ['puja', 'pooja', 'poojaa'],
  ['shaikh', 'sheikh', 'shekh', 'sheik', 'sk', 'shaik', 'sekh', 'seikh', 'shek'],
  ['chaudhari', 'chaudhary', 'choudhary', 'choudhury', 'chowdhury', 'chaudhry', 'chaudhuri', 'chowdhary', 'choudhari'],
  ['ayesha', 'aisha', 'ayasha', 'aysha', 'ayisha'],
  ['fatima', 'fatma', 'fathima', 'phatima'],
  ['singh', 'sing', 'sinh'],
  // "Kr." is how registers and school rolls abbreviate Kumar (Ram Kr. Yadav); as a suffix it is dropped.
  ['kumar', 'kr'],
  ['abdul', 'abdool', 'abdulla'],
  ['rahman', 'rehman', 'rahaman', 'rehaman'],
  ['husain', 'hussain', 'hussein', 'husein', 'hosain', 'hossain'],
  ['yusuf', 'yousuf', 'yusuph', 'yousaf', 'yusaf'],
  ['nur', 'noor'],
  ['jyoti', 'joti', 'jyothi'],
  ['shivani', 'sivani'],
  ['shiv', 'siv', 'shiva', 'siva'],
  ['kavita', 'kabita', 'kavitha'],
  ['vikas', 'bikash', 'vikash', 'bikas'],
  ['vijay', 'bijay', 'vijai'],
];

const HONORIFICS = new Set([
  'shri',
  'shrimati',
  'smt',
  'shrimti',
  'mr',
  'mrs',
  'ms',
  'miss',
  'master',
  'mst',
  'late',
  'svargiya',
  'sv',
  'svargi',
  'dr',
  'ji',
  'saheb',
  'sahab',
  'alias',
  'urf',
]);
// Suffixes that follow a given name ("Kamla Ben", "Raju Bhai", "Sita Devi"); dropped only when not first.
const SUFFIXES = new Set(['kumar', 'kumari', 'kum', 'km', 'bai', 'rao', 'bhai', 'ben', 'bahen', 'behen', 'devi']);
// Suffixes that are also written fused to the name (Kamlaben, Rambhai, Meerabai).
const FUSED_SUFFIXES = ['ben', 'bhai', 'bai'];

const NICKNAMES = new Set([
  'chotu',
  'munna',
  'muna',
  'guddu',
  'gudu',
  'pappu',
  'papu',
  'bablu',
  'bablo',
  'bitu',
  'golu',
  'raju',
  'sonu',
  'monu',
  'pinki',
  'gudi',
  'choti',
  'muni',
  'chintu',
  'pintu',
  'tinku',
  'rinku',
  'banti',
  'bunti',
  'svit',
  'sviti',
  'doli',
  'gudiya',
  'bholu',
  'kalu',
  'lalu',
  'chunu',
  'chuni',
  'nanhe',
  'nanhi',
  'motu',
  'chiku',
  'pinku',
  'titu',
  'appu',
  'chinu',
  'ammu',
  'babu',
  'baby',
  'bebi',
  'mintu',
  'rinki',
  'guria',
  'bunu',
  'tunu',
  'lado',
  'ladu',
  'pappi',
  'bhola',
  'kallu',
  'chhotu',
  'kuttan',
  'kutti',
  'chinna',
  'chinni',
  'gopu',
  'bobby',
  'bobi',
  'pinky',
  'bubli',
  'mona',
  'soni',
  'rani',
  'gudia',
  'lalli',
  'tuntun',
  'sanju',
  'chhoti',
  'munni',
]);

/** Letter rules that fold the common Latin spellings of one Indian name onto one form. */
export function respell(t: string): string {
  let s = t.replace(/[^a-z0-9\p{L}]/gu, '');
  if (s === '') return s;
  // Tamil writes Sanskrit क्ष as ட்ச: Latchumi, Meenatchi.
  s = s
    .replace(/x/g, 'ksh')
    .replace(/atch/g, 'aksh')
    .replace(/^(dny|jny|gny)/, 'gy')
    .replace(/dny/g, 'gy')
    .replace(/^jn(?=[aeiou])/, 'gy')
    // "ow" before a consonant or at the end is the vowel au (Gowtam/Goutam, Chowdhury/Choudhury).
    .replace(/ow(?![aeiouy])/g, 'au')
    .replace(/w/g, 'v')
    .replace(/ph/g, 'f')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/c(?!h)/g, 'k')
    .replace(/chh/g, 'ch')
    .replace(/th/g, 't')
    .replace(/^sr/, 'shr')
    // Hr- before a vowel is the vocalic r (ऋ) in its traditional Latin spelling, written ri or ru
    // by others: Hrishikesh/Rishikesh/Rushikesh, Hrithik/Rithik, Hriday/Hruday.
    .replace(/^hr[iu]/, 'ri')
    .replace(/^hr(?=[aeo])/, 'r')
    .replace(/z/g, 'j')
    .replace(/ee|ii|ie$/g, 'i')
    .replace(/oo|uu/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/ou/g, 'au')
    .replace(/ey$/, 'e')
    .replace(/([^aeiou])y$/, '$1i')
    .replace(/([^aeiou])\1+/g, '$1');
  return s;
}

const VARIANTS = new Map<string, string>();
for (const group of VARIANT_GROUPS) {
  const target = respell(group[0]);
  for (const v of group) VARIANTS.set(respell(v), target);
}
const NICKNAME_SET = new Set([...NICKNAMES].map(respell));
const HONORIFIC_SET = new Set([...HONORIFICS].map(respell));
const SUFFIX_SET = new Set([...SUFFIXES].map(respell));

/** The canonical spelling of one Latin token (already lowercase). */
export function canonicalToken(t: string): string {
  const r = respell(t);
  return VARIANTS.get(r) ?? r;
}

/** Canonical tokens of a name in any script, honorifics and suffixes removed, initials dropped. */
export function nameTokens(s: string): string[] {
  if (typeof s !== 'string') return [];
  const raw = toLatin(s)
    .split(/[^a-z0-9\p{L}]+/u)
    .filter((t) => t.length > 0);
  const toks: string[] = [];
  for (const w of raw) {
    let c = canonicalToken(w);
    for (const suf of FUSED_SUFFIXES) {
      if (c.length >= suf.length + 3 && c.endsWith(suf) && !VARIANTS.has(c)) {
        c = canonicalToken(c.slice(0, -suf.length));
        break;
      }
    }
    if (c.length >= 2) toks.push(c);
  }
  const kept = toks.filter((t, i) => !HONORIFIC_SET.has(t) && !(i > 0 && SUFFIX_SET.has(t)));
  // A name that is only honorifics ("Devi", "Kumari") keeps them rather than vanishing.
  return kept.length > 0 ? kept : toks;
}

/** Canonical token with aspiration, sibilants and voicing-irrelevant letters folded. */
export function soundForm(canonical: string): string {
  return (
    canonical
      .replace(/sh/g, 's')
      .replace(/kh/g, 'k')
      .replace(/gh/g, 'g')
      .replace(/ch/g, 'c')
      .replace(/jh/g, 'j')
      .replace(/dh/g, 'd')
      .replace(/bh/g, 'b')
      .replace(/rh/g, 'r')
      .replace(/zh/g, 'l')
      // The vocalic r (ऋ) is written ri in the north and ru in Marathi, Gujarati and Odia usage:
      // Hrishikesh/Hrushikesh, Krishna/Krushna, Tripti/Trupti, Mrinal/Mrunal, Prithvi/Pruthvi.
      .replace(/([^aeiou])ru/g, '$1ri')
      .replace(/([^aeiou])\1+/g, '$1')
  );
}

// Blocking keys fold voicing (g/k, d/t, b/p) and v/b: Tamil script writes one letter for k and g,
// t and d, p and b, so a Tamil-script name cannot say which one the Latin spelling will use (திவ்யா is
// Divya, பாலாஜி Balaji); Bengali writes one letter for b and v (অভিজিৎ Abhijit/Avijit). Only the
// linkage blocking uses the folded key (its keys are versioned with the model and re-keyed when it
// changes); searchKeys, stored unversioned in the registry's name_keys, keep the finer key.
const FOLD: Record<string, string> = { v: 'p', b: 'p', g: 'k', d: 't' };

/** A key (keyOfCanonical/searchKeys) with voicing and v/b folded, for blocking. */
export function foldKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const c = FOLD[key[i]] ?? key[i];
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Consonant skeleton of a sound form: first letter (any vowel as "a"), then consonants, no y/h. */
function skeleton(sound: string): string {
  if (sound === '') return '';
  const first = /[aeiou]/.test(sound[0]) ? 'a' : sound[0];
  let out = first;
  for (let i = 1; i < sound.length; i++) {
    const c = sound[i];
    if ('aeiouyh'.includes(c)) continue;
    const m = c === 'm' && /[pb]/.test(sound[i + 1] ?? '') ? 'n' : c;
    if (out[out.length - 1] !== m) out += m;
  }
  return out;
}

/** A coarse key; spelling and script variants of one name token collide. */
export function phoneticKey(token: string): string {
  if (typeof token !== 'string') return '';
  const toks = toLatin(token)
    .split(/[^a-z0-9\p{L}]+/u)
    .filter(Boolean);
  return toks.map((t) => skeleton(soundForm(canonicalToken(t)))).join('');
}

/** Key of an already canonical token (fast path for bulk indexing). */
export function keyOfCanonical(canonical: string): string {
  return skeleton(soundForm(canonical));
}

/**
 * Words that stand in a name beside the given name without being it, so a name's given name is its
 * first token that is none of these:
 *  - the gender words that follow or precede a given name in North and East India (Kumar, Kumari,
 *    Devi, Bai, Ben, Bhai, Rao), and the Muslim women's markers Bibi, Begum, Khatun, which registers
 *    write in the place of a family surname ("Sana Bibi" for Sana Ansari);
 *  - the first element of South Asian Muslim names that is not the name a child is called by:
 *    Muhammad before a boy's name (Md Arif is called Arif) and Abdul ("servant of"), which only
 *    makes a name with what follows it (Abdul Rahman and Abdul Karim are two names).
 */
const NAME_MARKERS = new Set(
  [...SUFFIXES, 'bibi', 'begum', 'begam', 'khatun', 'khatoon', 'mohammad', 'abdul'].map((w) => canonicalToken(w)),
);

/** Whether an already canonical token is a gender marker or name prefix rather than a given name (NAME_MARKERS). */
export function isNameMarkerCanonical(canonical: string): boolean {
  return NAME_MARKERS.has(canonical);
}

/** Whether an already canonical token is a nickname (fast path for bulk feature building). */
export function isNicknameCanonical(canonical: string): boolean {
  return NICKNAME_SET.has(canonical);
}

export function isNickname(token: string): boolean {
  if (typeof token !== 'string') return false;
  const t = toLatin(token).replace(/\s+/g, '');
  return t !== '' && NICKNAME_SET.has(canonicalToken(t));
}
