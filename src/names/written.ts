// How names arrive typed or scanned, before any rule about names applies. Used by the linkage
// tables only: the registry's stored search keys (searchKeys) do not go through it.

// OCR reads these letters as digits (the classic confusion pairs O/0, l/1, S/5, B/8). No Indian
// name is spelt with a digit, so a digit inside a word of Latin letters is a misread letter.
const DIGIT_LETTER: Record<string, string> = { '0': 'o', '1': 'l', '5': 's', '8': 'b' };

/**
 * "GauravKumar", "MdImran" (a form or a field without room for a space; each name written with its
 * capital) become "Gaurav Kumar", "Md Imran", and a fused initial "RMeena" "R Meena"; "S0nawane", "5hinde" become "Sonawane", "shinde".
 * Words in other scripts, all-capital and all-lower-case words are left as they are.
 */
export function asWrittenApart(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return s;
  return (
    s
      .replace(/[A-Za-z0-9]+/g, (w) => (/[A-Za-z]/.test(w) && /[0-9]/.test(w) ? w.replace(/[0158]/g, (d) => DIGIT_LETTER[d]) : w))
      // A c before e, i or y is soft in English spelling, which names of English origin keep
      // (Prince, Lucy, Grace, Vincent); every other c of a romanised Indian name is k or ch.
      .replace(/([Cc])(?=[eiy])/g, (c) => (c === 'C' ? 'S' : 's'))
      .replace(/(?<=[A-Za-z][a-z])(?=[A-Z][a-z])/g, ' ')
      .replace(/\b([A-Z])(?=[A-Z][a-z]{2})/g, '$1 ')
  );
}

// Letter groups that OCR of Latin print (and a quick reading of a photocopied register) takes for
// one letter and back: rn/m, cl/d, ri/n — the standard confusion pairs of character recognition
// (Kukich, "Techniques for automatically correcting words in text", ACM Computing Surveys 24(4), 1992,
// §1.3 on OCR errors; Reynaert, "Character confusion versus focus word-based correction of spelling
// and OCR variants in corpora", IJDAR 14, 2011, lists m↔rn, d↔cl, n↔ri among the most frequent).
const OCR_GROUPS: ReadonlyArray<readonly [RegExp, string]> = [
  [/rn/g, 'm'],
  [/cl/g, 'd'],
  [/ri/g, 'n'],
];

/**
 * The Latin words of a name with every OCR letter group read as the one letter it may stand for
 * ("Sarijay" → "sanjay", "Kunclan" → "kundan", "Tanrnoy" → "tanmoy"), lower case. Applied to both
 * sides alike (a real "ri", as in Krishna, becomes "knshna" on both), so it is a blocking key only:
 * never a reading of the name. Returns "" when nothing changes.
 */
export function ocrFolded(s: string): string {
  if (typeof s !== 'string' || !/[A-Za-z]/.test(s)) return '';
  const low = s.toLowerCase();
  const out = groupsRead(low);
  return out === low ? '' : out;
}

/** Every OCR letter group read as its one letter. */
function groupsRead(s: string): string {
  let out = s;
  for (const [re, to] of OCR_GROUPS) out = out.replace(re, to);
  return out;
}

// Single letters OCR takes for one another inside a printed Latin word: l/i (and the dotless i of a
// poor scan), v/u, h/b (Kukich 1992 and Reynaert 2011, above, list these among the frequent
// substitutions). Only after the first letter: a capital's shape differs from its small letter's, and
// at the start of a word the pairs are also real names (Harman, Barman).
const OCR_LETTERS: Readonly<Record<string, string>> = { l: 'i', v: 'u', h: 'b' };

/**
 * One word (lower-case Latin, as `nameTokens` or `soundForm` gives it) with every OCR letter group and, after its
 * first letter, every OCR letter pair read as one letter: "slng" and "sing" → "sing", "rakesb" and
 * "rakesh" → "rakesb", "tanrnoy" and "tanmoy" → "tanmoy". Equal on both sides means one may be a
 * misreading of the other; a comparison's close level at most, never the same name.
 */
export function ocrLetters(word: string): string {
  const out = groupsRead(word);
  return out.length > 1 ? out[0] + out.slice(1).replace(/[lvh]/g, (c) => OCR_LETTERS[c]) : out;
}
