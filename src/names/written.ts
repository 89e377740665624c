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
