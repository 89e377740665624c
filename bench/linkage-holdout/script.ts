/**
 * Writing a name in an Indian script from a small key of my own (not ISO 15919, not ITRANS):
 *   vowels  a aa i ii u uu e ai o au, E / O = short e / o (Dravidian), ri = r + i
 *   stops   k kh g gh ch chh j jh T Th D Dh N t th d dh n p ph b bh m
 *   others  y r l v w(=v) sh Sh s h L(ळ) z f q (nukta letters) M (anusvara) x (= k+Sh)
 *           _ = an inherent a the script writes but speech drops (sap_naa → सपना, Latin Sapna)
 * The Brahmic blocks of Unicode share ISCII's layout, so one table of offsets from the block's start
 * serves Devanagari, Bengali, Gurmukhi, Gujarati, Tamil, Telugu and Kannada; each script's gaps are
 * filled the way its writers do (Bengali b for v, Tamil க for g/kh/gh, Gurmukhi ਸ਼ for ष, …).
 */
export type Script = 'deva' | 'beng' | 'guru' | 'gujr' | 'taml' | 'telu' | 'knda';
export const SCRIPT_LANG: Record<Script, string> = {
  deva: 'hi',
  beng: 'bn',
  guru: 'pa',
  gujr: 'gu',
  taml: 'ta',
  telu: 'te',
  knda: 'kn',
};
const BASE: Record<Script, number> = {
  deva: 0x0900,
  beng: 0x0980,
  guru: 0x0a00,
  gujr: 0x0a80,
  taml: 0x0b80,
  telu: 0x0c00,
  knda: 0x0c80,
};
// offsets of consonants from the block start (Devanagari values)
const CONS: Record<string, number> = {
  k: 0x15,
  kh: 0x16,
  g: 0x17,
  gh: 0x18,
  ch: 0x1a,
  chh: 0x1b,
  j: 0x1c,
  jh: 0x1d,
  T: 0x1f,
  Th: 0x20,
  D: 0x21,
  Dh: 0x22,
  N: 0x23,
  t: 0x24,
  th: 0x25,
  d: 0x26,
  dh: 0x27,
  n: 0x28,
  p: 0x2a,
  ph: 0x2b,
  b: 0x2c,
  bh: 0x2d,
  m: 0x2e,
  y: 0x2f,
  r: 0x30,
  l: 0x32,
  L: 0x33,
  v: 0x35,
  w: 0x35,
  sh: 0x36,
  Sh: 0x37,
  s: 0x38,
  h: 0x39,
  z: 0x1c,
  f: 0x2b,
  q: 0x15,
};
const NUKTA = new Set(['z', 'f', 'q']);
// independent vowel, vowel sign (undefined = inherent)
const VOW: Record<string, [number, number | undefined]> = {
  a: [0x05, undefined],
  aa: [0x06, 0x3e],
  i: [0x07, 0x3f],
  ii: [0x08, 0x40],
  u: [0x09, 0x41],
  uu: [0x0a, 0x42],
  _: [0x05, undefined], // written inherent a, silent in speech (सपना: sap_naa)
  e: [0x0f, 0x47],
  E: [0x0e, 0x46],
  ai: [0x10, 0x48],
  o: [0x13, 0x4b],
  O: [0x12, 0x4a],
  au: [0x14, 0x4c],
};
const TOKENS = [
  '_',
  'chh',
  'aa',
  'ii',
  'uu',
  'ai',
  'au',
  'kh',
  'gh',
  'ch',
  'jh',
  'Th',
  'Dh',
  'th',
  'dh',
  'ph',
  'bh',
  'sh',
  'Sh',
  ...'aiueEoOkgjTDNtdnpbmyrlLvwshzfqMx'.split(''),
];

export function tokenize(key: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < key.length) {
    const t = TOKENS.find((tok) => key.startsWith(tok, i));
    if (!t) throw new Error(`bad key ${key} at ${i}`);
    if (t === 'x') out.push('k', 'Sh');
    else out.push(t);
    i += t.length;
  }
  return out;
}

const isVowel = (t: string) => t in VOW;

function consonant(s: Script, t: string, next: string | undefined, initial: boolean, afterConsonant = false): string {
  const base = BASE[s];
  let off = CONS[t];
  if (s === 'beng') {
    if (t === 'v' || t === 'w') off = CONS.b;
    if (t === 'L') off = CONS.l;
  }
  if (s === 'guru') {
    if (t === 'Sh') off = CONS.sh;
    if (t === 'L') off = CONS.l;
  }
  if (s === 'taml') {
    const fold: Record<string, string> = {
      kh: 'k',
      g: 'k',
      gh: 'k',
      chh: 'ch',
      jh: 'j',
      Th: 'T',
      D: 'T',
      Dh: 'T',
      th: 't',
      d: 't',
      dh: 't',
      ph: 'p',
      f: 'p',
      b: 'p',
      bh: 'p',
      sh: 'Sh',
      s: 'ch',
      z: 'j',
      q: 'k',
    };
    const f = fold[t] ?? t;
    off = CONS[f];
    if (f === 'n' && !initial) off = 0x29; // ன
  }
  let c = String.fromCodePoint(base + off);
  // Bengali writes y after a vowel as য় (পায়েল); য alone after a consonant is the ya-phala
  if (s === 'beng' && t === 'y' && !initial && !afterConsonant) c = '\u09df';
  if (NUKTA.has(t) && s === 'deva') c += '\u093c';
  void next;
  return c;
}

function anusvara(s: Script, next: string | undefined): string {
  if (s === 'guru') return '\u0a70';
  if (s !== 'taml') return String.fromCodePoint(BASE[s] + 0x02);
  const n = next ?? '';
  const nasal = ['k', 'kh', 'g', 'gh'].includes(n)
    ? 0x99
    : ['ch', 'chh', 'j', 'jh'].includes(n)
      ? 0x9e
      : ['T', 'Th', 'D', 'Dh'].includes(n)
        ? 0xa3
        : ['t', 'th', 'd', 'dh'].includes(n)
          ? 0xa8
          : ['p', 'ph', 'b', 'bh', 'm'].includes(n)
            ? 0xae
            : 0xa9;
  return String.fromCodePoint(0x0b00 + nasal) + '\u0bcd';
}

/** One word of the key in the script. */
export function toScript(key: string, s: Script): string {
  const toks = tokenize(key);
  const virama = String.fromCodePoint(BASE[s] + 0x4d);
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const next = toks[i + 1];
    if (t === 'M') {
      out += anusvara(s, next);
      continue;
    }
    if (isVowel(t)) {
      let v = t;
      if ((v === 'E' || v === 'O') && !['taml', 'telu', 'knda'].includes(s)) v = v.toLowerCase();
      out += String.fromCodePoint(BASE[s] + VOW[v][0]);
      continue;
    }
    const prev = toks[i - 1];
    out += consonant(s, t, next, i === 0, prev !== undefined && !isVowel(prev) && prev !== 'M');
    if (next !== undefined && isVowel(next)) {
      let v = next;
      if ((v === 'E' || v === 'O') && !['taml', 'telu', 'knda'].includes(s)) v = v.toLowerCase();
      // Hindi, Gujarati and Punjabi write a name's final i and u long (देवी, बबलू)
      if (i + 2 === toks.length && (s === 'deva' || s === 'gujr' || s === 'guru') && (v === 'i' || v === 'u')) v += v;
      const sign = VOW[v][1];
      if (sign !== undefined) out += String.fromCodePoint(BASE[s] + sign);
      i++;
    } else if (next === undefined) {
      // the final consonant: North Indian scripts leave the inherent vowel unwritten, the Dravidian mark it dead
      if (s === 'taml' || s === 'telu' || s === 'knda') out += virama;
      else if (s === 'beng' && t === 't') out = out.slice(0, -1) + '\u09ce'; // khanda ta: শুভজিৎ
    } else if (next === 'M') {
      // inherent a before anusvara
    } else if (s === 'guru') {
      // Gurmukhi writes only subjoined r, v, h (ਪ੍ਰੀਤ); other clusters are written as plain letters
      if (['r', 'v', 'h'].includes(next)) out += virama;
    } else out += virama;
  }
  return out;
}
