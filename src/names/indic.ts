// Transliteration of the nine major Brahmic scripts to simple lowercase Latin.
// All nine Unicode blocks follow the ISCII layout, so one table indexed by the
// offset inside the block serves every script; only a few letters differ.

export type Script =
  'latin' | 'devanagari' | 'bengali' | 'gurmukhi' | 'gujarati' | 'oriya' | 'tamil' | 'telugu' | 'kannada' | 'malayalam' | 'other';

export const INDIC_BLOCKS: ReadonlyArray<[Script, number]> = [
  ['devanagari', 0x0900],
  ['bengali', 0x0980],
  ['gurmukhi', 0x0a00],
  ['gujarati', 0x0a80],
  ['oriya', 0x0b00],
  ['tamil', 0x0b80],
  ['telugu', 0x0c00],
  ['kannada', 0x0c80],
  ['malayalam', 0x0d00],
];

export function indicScriptOf(cp: number): Script | null {
  if (cp < 0x0900 || cp >= 0x0d80) return null;
  return INDIC_BLOCKS[(cp - 0x0900) >> 7][0];
}

const VOWELS: Record<number, string> = {
  0x04: 'a',
  0x05: 'a',
  0x06: 'a',
  0x07: 'i',
  0x08: 'i',
  0x09: 'u',
  0x0a: 'u',
  0x0b: 'ri',
  0x0c: 'li',
  0x0d: 'e',
  0x0e: 'e',
  0x0f: 'e',
  0x10: 'ai',
  0x11: 'o',
  0x12: 'o',
  0x13: 'o',
  0x14: 'au',
  0x60: 'ri',
  0x61: 'li',
};
const MATRAS: Record<number, string> = {
  0x3e: 'a',
  0x3f: 'i',
  0x40: 'i',
  0x41: 'u',
  0x42: 'u',
  0x43: 'ri',
  0x44: 'ri',
  0x45: 'e',
  0x46: 'e',
  0x47: 'e',
  0x48: 'ai',
  0x49: 'o',
  0x4a: 'o',
  0x4b: 'o',
  0x4c: 'au',
  0x62: 'li',
  0x63: 'li',
};
const CONSONANTS: Record<number, string> = {
  0x15: 'k',
  0x16: 'kh',
  0x17: 'g',
  0x18: 'gh',
  0x19: 'n',
  0x1a: 'ch',
  0x1b: 'chh',
  0x1c: 'j',
  0x1d: 'jh',
  0x1e: 'n',
  0x1f: 't',
  0x20: 'th',
  0x21: 'd',
  0x22: 'dh',
  0x23: 'n',
  0x24: 't',
  0x25: 'th',
  0x26: 'd',
  0x27: 'dh',
  0x28: 'n',
  0x29: 'n',
  0x2a: 'p',
  0x2b: 'ph',
  0x2c: 'b',
  0x2d: 'bh',
  0x2e: 'm',
  0x2f: 'y',
  0x30: 'r',
  0x31: 'r',
  0x32: 'l',
  0x33: 'l',
  0x34: 'zh',
  0x35: 'v',
  0x36: 'sh',
  0x37: 'sh',
  0x38: 's',
  0x39: 'h',
  0x58: 'q',
  0x59: 'kh',
  0x5a: 'g',
  0x5b: 'z',
  0x5c: 'r',
  0x5d: 'rh',
  0x5e: 'f',
  0x5f: 'y',
};
// Letters whose sound differs from the Devanagari value at the same offset.
const OVERRIDES: Partial<Record<Script, Record<number, string>>> = {
  bengali: { 0x2f: 'j', 0x70: 'r', 0x71: 'w', 0x4e: 't' },
  oriya: { 0x2f: 'j', 0x71: 'w' },
  tamil: { 0x1a: 's', 0x24: 'th' },
  malayalam: { 0x7a: 'n', 0x7b: 'n', 0x7c: 'r', 0x7d: 'l', 0x7e: 'l', 0x7f: 'k', 0x54: 'm', 0x55: 'y', 0x56: 'zh' },
};
// Letters that are consonants with no vowel of their own (Bengali khanda ta, Malayalam chillus).
const DEAD: Partial<Record<Script, Set<number>>> = {
  bengali: new Set([0x4e]),
  malayalam: new Set([0x7a, 0x7b, 0x7c, 0x7d, 0x7e, 0x7f, 0x54, 0x55, 0x56]),
};
const NUKTA: Record<string, string> = { k: 'q', kh: 'kh', g: 'g', j: 'z', d: 'r', dh: 'rh', ph: 'f', y: 'y' };
// Scripts whose inherent vowel is dropped in speech at word end and in VC_CV (Ohala's rule);
// Dravidian scripts write a virama where no vowel is said, so they keep it.
const SCHWA_DELETING = new Set<Script>(['devanagari', 'bengali', 'gurmukhi', 'gujarati', 'oriya']);

/** A syllable unit: consonant(s) or an independent vowel, with its vowel and any nasal coda. */
interface Unit {
  cons: string;
  /** null: virama (no vowel); 'A': inherent vowel; '' : silent carrier; otherwise the vowel */
  vowel: string | null;
  coda: string;
  tamilCa?: boolean;
  /** Tamil ற / Malayalam റ, said "t" when doubled or after ന് (வெற்றி vetri, എന്റെ ente). */
  rra?: boolean;
}

function emitWord(units: Unit[], script: Script): string {
  if (units.length === 0) return '';
  if (SCHWA_DELETING.has(script)) deleteSchwas(units);
  let out = '';
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    let cons = u.cons;
    // Tamil ச is "s" alone but "ch" after another consonant (பிச்சை pichai, காஞ்சனா kanchana).
    if (u.tamilCa && i > 0 && units[i - 1].vowel === null && units[i - 1].cons !== '') cons = 'ch';
    if (u.tamilCa && u.vowel === null && units[i + 1]?.tamilCa) cons = '';
    // Tamil க between vowels or after a nasal is voiced (முருகன் murugan, தங்கம் thangam).
    if (script === 'tamil' && cons === 'k' && i > 0 && (units[i - 1].vowel !== null || units[i - 1].cons === 'n')) cons = 'g';
    // ட, த and ப after a nasal are voiced too (மணிகண்டன் Manikandan, அம்பிகா Ambika).
    if (script === 'tamil' && i > 0 && units[i - 1].vowel === null && /^[nm]$/.test(units[i - 1].cons))
      cons = cons === 't' || cons === 'th' ? 'd' : cons === 'p' ? 'b' : cons;
    if (u.rra && u.vowel === null && units[i + 1]?.rra) cons = 't';
    if (u.rra && script === 'malayalam' && i > 0 && units[i - 1].vowel === null && units[i - 1].cons === 'n') cons = 't';
    out += cons;
    if (u.vowel === 'A') out += 'a';
    else if (u.vowel) out += u.vowel;
    if (u.coda) {
      const next = units[i + 1]?.cons ?? '';
      out += u.coda === 'N' ? (next === '' ? (script === 'devanagari' ? 'n' : 'm') : /^[pbm]/.test(next) ? 'm' : 'n') : u.coda;
    }
  }
  return out;
}

function deleteSchwas(units: Unit[]): void {
  const n = units.length;
  const last = units[n - 1];
  // Final schwa goes unless it follows a cluster (मिश्र mishra, कृष्ण krishna) or the word is one syllable.
  if (n > 1 && last.vowel === 'A' && !last.coda && last.cons !== '' && units[n - 2].vowel !== null) last.vowel = '';
  for (let i = 1; i < n - 1; i++) {
    const u = units[i];
    if (u.vowel !== 'A' || u.coda || u.cons === '') continue;
    const prev = units[i - 1],
      next = units[i + 1];
    const prevHasVowel = prev.vowel !== null && prev.vowel !== '';
    // The next syllable may open with a cluster (ਗੁਰਪ੍ਰੀਤ gurprit): look past viramas to its vowel.
    let j = i + 1;
    while (j < n - 1 && units[j].vowel === null && units[j].cons !== '') j++;
    // ...but not past a doubled consonant, which keeps the vowel before it (मोहम्मद mohammad).
    if (j > i + 1 && units[i + 2]?.cons === next.cons) continue;
    const nextHasVowel = next.cons !== '' && units[j].vowel !== null && units[j].vowel !== '';
    if (prevHasVowel && nextHasVowel && !prev.coda) u.vowel = '';
  }
}

/** Transliterates a run of one Indic script (no spaces inside) to Latin. */
export function transliterateWord(word: string, script: Script, base: number): string {
  const units: Unit[] = [];
  const over = OVERRIDES[script] ?? {};
  const dead = DEAD[script];
  let geminate = false;
  let afterVirama = false;
  let lastOff = -1;
  for (const ch of word) {
    const off = ch.codePointAt(0)! - base;
    const prevOff = lastOff;
    lastOff = off;
    const prev = units[units.length - 1];
    if (CONSONANTS[off] !== undefined || (over[off] !== undefined && !(off in MATRAS) && !(off in VOWELS))) {
      let cons = over[off] ?? CONSONANTS[off];
      // Bengali ব and Oriya ବ after a virama are the "ba-phala", said as w (বিশ্বাস biswas).
      if (afterVirama && (script === 'bengali' || script === 'oriya') && off === 0x2c) cons = 'w';
      if (afterVirama && (script === 'bengali' || script === 'oriya') && off === 0x2f) cons = 'y';
      // ज्ञ is said "gy" in Hindi and Marathi names (ज्ञानेश्वर Dnyaneshwar/Gyaneshwar).
      if (afterVirama && off === 0x1e && prev && prev.cons === 'j') {
        prev.cons = 'g';
        cons = 'y';
      }
      if (geminate) {
        cons = cons[0] + cons;
        geminate = false;
      }
      units.push({
        cons,
        vowel: dead?.has(off) ? null : 'A',
        coda: '',
        tamilCa: script === 'tamil' && off === 0x1a,
        rra: (script === 'tamil' || script === 'malayalam') && off === 0x31,
      });
      afterVirama = false;
      continue;
    }
    afterVirama = false;
    if (VOWELS[off] !== undefined) {
      units.push({ cons: '', vowel: VOWELS[off], coda: '' });
      continue;
    }
    if (MATRAS[off] !== undefined) {
      if (prev && (prev.vowel === 'A' || prev.vowel === '')) prev.vowel = MATRAS[off];
      else units.push({ cons: '', vowel: MATRAS[off], coda: '' });
      continue;
    }
    if (off === 0x4d) {
      if (prev && prev.cons) {
        prev.vowel = null;
        afterVirama = true;
      }
      continue;
    }
    if (off === 0x3c) {
      // Bengali/Oriya য + nukta is য় (antastha ya), said y (প্রিয়াঙ্কা priyanka), not z.
      if (prev && (script === 'bengali' || script === 'oriya') && prevOff === 0x2f) prev.cons = 'y';
      else if (prev && NUKTA[prev.cons] !== undefined) prev.cons = NUKTA[prev.cons];
      continue;
    }
    if (off === 0x01 || off === 0x02 || (script === 'gurmukhi' && off === 0x70)) {
      if (prev) prev.coda = 'N';
      else units.push({ cons: '', vowel: '', coda: 'n' });
      continue;
    }
    if (off === 0x03) {
      if (prev) prev.coda = 'h';
      continue;
    }
    if (script === 'gurmukhi' && off === 0x71) {
      geminate = true;
      continue;
    }
    // Gurmukhi ੲ and ੳ only carry the vowel sign that follows them.
    if (script === 'gurmukhi' && (off === 0x72 || off === 0x73)) {
      units.push({ cons: '', vowel: '', coda: '' });
      continue;
    }
    if (off >= 0x66 && off <= 0x6f) {
      units.push({ cons: String(off - 0x66), vowel: '', coda: '' });
      continue;
    }
    // Other signs (length marks, avagraha, accents) carry no sound of their own for our purposes.
  }
  return emitWord(units, script);
}
