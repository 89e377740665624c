// Any-script text → simple lowercase Latin, and script detection.
import { INDIC_BLOCKS, indicScriptOf, transliterateWord, type Script } from './indic';

export type { Script } from './indic';

const BASE = new Map<Script, number>(INDIC_BLOCKS);

export function isIndic(cp: number): boolean {
  return cp >= 0x0900 && cp < 0x0d80;
}

/** Transliterates Indic runs; lowercases and strips diacritics from the rest. */
export function toLatin(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  // NFC first so that two-part Tamil/Malayalam/Bengali vowel signs arrive as one code point.
  const text = s.normalize('NFC');
  let out = '';
  let run = '';
  let runScript: Script | null = null;
  const flush = () => {
    if (runScript && run) out += transliterateWord(run, runScript, BASE.get(runScript)!);
    run = '';
    runScript = null;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    // Danda and double danda live in the Devanagari block but are punctuation.
    if (isIndic(cp) && cp !== 0x0964 && cp !== 0x0965) {
      const sc = indicScriptOf(cp)!;
      if (runScript !== sc) flush();
      runScript = sc;
      run += ch;
      continue;
    }
    if (cp === 0x200c || cp === 0x200d) continue; // ZWNJ/ZWJ only shape conjuncts
    flush();
    out += latinChar(ch);
  }
  flush();
  return out.replace(/\s+/g, ' ').trim();
}

function latinChar(ch: string): string {
  const base = ch
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
  if (/^[a-z0-9]+$/.test(base)) return base;
  if (base === 'ß') return 'ss';
  if (base === 'æ') return 'ae';
  if (base === 'ø') return 'o';
  if (base === 'đ' || base === 'ð') return 'd';
  if (base === 'ł') return 'l';
  if (base === "'" || base === '’' || base === '`') return '';
  // Other letters (Arabic, Cyrillic, ...) are kept so that they still compare equal to themselves.
  if (/^\p{L}+$/u.test(base)) return base;
  return ' ';
}

/** The dominant script among the letters of s. */
export function detectScript(s: string): Script {
  if (typeof s !== 'string') return 'other';
  const counts = new Map<Script, number>();
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    let sc: Script | null = indicScriptOf(cp);
    if (sc === null) {
      if (/\p{Script=Latin}/u.test(ch)) sc = 'latin';
      else if (/\p{L}/u.test(ch)) sc = 'other';
      else continue;
    } else if (!/[\p{L}\p{M}]/u.test(ch)) continue;
    counts.set(sc, (counts.get(sc) ?? 0) + 1);
  }
  let best: Script = 'other';
  let n = 0;
  for (const [sc, c] of counts)
    if (c > n) {
      best = sc;
      n = c;
    }
  return best;
}
