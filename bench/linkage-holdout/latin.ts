/**
 * Latin spellings as people write them (not a phonetic folding): each region's habits applied to the
 * key, or one of the spellings typed in pools.ts; and typing / OCR slips.
 */
import type { Rng } from './rng';
import type { RegionId } from './pools';
import { tokenize } from './script';

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

/** A Latin spelling of one key token sequence, with the habits of `style`. */
export function latinFromKey(key: string, style: RegionId, rng: Rng): string {
  const toks = tokenize(key);
  let out = '';
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const next = toks[i + 1];
    const last = next === undefined;
    switch (t) {
      case 'aa':
        out += style === 'bangla' ? 'a' : rng.chance(0.1) ? 'aa' : 'a';
        break;
      case 'a':
        // Bengali writers spell the inherent vowel o (Subhojit, Pronob), not at the end of the word
        out += style === 'bangla' && !last && i > 0 && rng.chance(0.45) ? 'o' : 'a';
        break;
      case 'ii':
        out += last ? (rng.chance(0.85) ? 'i' : 'ee') : rng.chance(0.5) ? 'ee' : 'i';
        break;
      case 'uu':
        out += rng.chance(0.45) ? 'oo' : 'u';
        break;
      case '_':
        break;
      case 'E':
        out += 'e';
        break;
      case 'O':
        out += 'o';
        break;
      case 'au':
        out += style === 'bangla' || rng.chance(0.25) ? 'ou' : 'au';
        break;
      case 'ai':
        out += rng.chance(0.15) ? 'ei' : 'ai';
        break;
      case 'v':
      case 'w':
        out +=
          style === 'bangla'
            ? 'b'
            : style === 'marathi' || style === 'gujarati'
              ? rng.chance(0.35)
                ? 'w'
                : 'v'
              : rng.chance(0.15)
                ? 'w'
                : 'v';
        break;
      case 'sh':
        out += style === 'bangla' ? (rng.chance(0.5) ? 's' : 'sh') : rng.chance(0.15) ? 's' : 'sh';
        break;
      case 'Sh':
        out += rng.chance(0.2) ? 's' : 'sh';
        break;
      case 'ph':
        out += rng.chance(0.3) ? 'f' : 'ph';
        break;
      case 'z':
        out += rng.chance(0.3) ? 'j' : 'z';
        break;
      case 'q':
        out += rng.chance(0.4) ? 'k' : 'q';
        break;
      case 'chh':
        out += rng.pick(['chh', 'chh', 'ch', 'cch']);
        break;
      case 't':
        // Tamil and Telugu writers mark the dental t as th (Sathish, Geetha)
        out += (style === 'tamil' || style === 'telugu') && rng.chance(0.55) ? 'th' : 't';
        break;
      case 'T':
      case 'Th':
      case 'D':
      case 'Dh':
      case 'N':
      case 'L':
        out += t.toLowerCase();
        break;
      case 'M':
        out += ['p', 'b', 'bh', 'm'].includes(next ?? '') ? 'm' : 'n';
        break;
      case 'y':
        out += style === 'bangla' && i === 0 ? 'j' : 'y';
        break;
      default:
        out += t;
    }
  }
  // double letters halved or doubled now and then (Sajid / Sajjid)
  if (rng.chance(0.08)) out = out.replace(/([bcdfgjklmnprstvz])\1/, '$1');
  else if (rng.chance(0.04)) out = out.replace(/([aeiou])([bdjklmnprst])([aeiou])/, '$1$2$2$3');
  return out;
}

/** `key=Spelling/Spelling` → one Latin spelling. */
export function latinOf(entry: string, style: RegionId, rng: Rng, typedShare = 0.65): string {
  const [key, typed] = entry.split('=');
  if (typed && rng.chance(typedShare)) {
    const opts = typed.split('/');
    // the first listed spelling is the commonest
    return rng.chance(0.55) ? opts[0] : rng.pick(opts);
  }
  return latinFromKey(key, style, rng).split(' ').map(cap).join(' ');
}

export const canonicalLatin = (entry: string): string => {
  const [key, typed] = entry.split('=');
  return typed ? typed.split('/')[0] : cap(key.replace(/aa/g, 'a').replace(/ii/g, 'i').replace(/uu/g, 'u').toLowerCase());
};

const OCR: [string, string][] = [
  ['rn', 'm'],
  ['m', 'rn'],
  ['cl', 'd'],
  ['d', 'cl'],
  ['l', '1'],
  ['I', 'l'],
  ['i', 'l'],
  ['O', '0'],
  ['o', '0'],
  ['S', '5'],
  ['B', '8'],
  ['e', 'c'],
  ['h', 'b'],
  ['u', 'v'],
  ['n', 'ri'],
  ['a', 'o'],
  ['vv', 'w'],
  ['J', 'T'],
];
const KEYS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
function neighbour(ch: string, rng: Rng): string {
  const lower = ch.toLowerCase();
  for (let r = 0; r < KEYS.length; r++) {
    const c = KEYS[r].indexOf(lower);
    if (c < 0) continue;
    const opts = [KEYS[r][c - 1], KEYS[r][c + 1], KEYS[r - 1]?.[c], KEYS[r + 1]?.[c]].filter(Boolean) as string[];
    const n = rng.pick(opts);
    return ch === lower ? n : n.toUpperCase();
  }
  return ch;
}

export type TypoKind = 'ocr' | 'keyboard';
/** One slip in a Latin string. */
export function latinTypo(s: string, kind: TypoKind, rng: Rng): string {
  if (s.length < 3) return s;
  if (kind === 'ocr') {
    const opts = OCR.filter(([a]) => s.slice(1).includes(a));
    if (opts.length) {
      const [a, b] = rng.pick(opts);
      const at = s.indexOf(a, 1);
      return s.slice(0, at) + b + s.slice(at + a.length);
    }
  }
  const letters = [...s.matchAll(/[A-Za-z]/g)].map((m) => m.index!).filter((i) => i > 0);
  if (!letters.length) return s;
  const i = rng.pick(letters);
  switch (rng.int(0, 3)) {
    case 0:
      return s.slice(0, i) + neighbour(s[i], rng) + s.slice(i + 1); // next key
    case 1:
      return i + 1 < s.length && /[a-z]/i.test(s[i + 1])
        ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2)
        : s.slice(0, i) + s.slice(i + 1);
    case 2:
      return s.slice(0, i) + s.slice(i + 1); // dropped
    default:
      return s.slice(0, i) + s[i] + s.slice(i); // doubled
  }
}

/** One slip in an Indic string: short/long vowel sign swapped, a nukta or anusvara lost, a vowel sign dropped. */
export function indicTypo(s: string, rng: Rng): string {
  const chars = [...s];
  const swaps: Record<number, number> = { 0x3f: 0x40, 0x40: 0x3f, 0x41: 0x42, 0x42: 0x41, 0x47: 0x48, 0x48: 0x47, 0x4b: 0x4c };
  const cands: number[] = [];
  chars.forEach((c, i) => {
    const off = (c.codePointAt(0)! & 0x7f) as number;
    const inBlock = c.codePointAt(0)! >= 0x0900 && c.codePointAt(0)! < 0x0d00;
    if (inBlock && (off in swaps || off === 0x02 || off === 0x3c || off === 0x3e)) cands.push(i);
  });
  if (!cands.length) return s;
  const i = rng.pick(cands);
  const cp = chars[i].codePointAt(0)!;
  const off = cp & 0x7f;
  if (off in swaps && rng.chance(0.7)) chars[i] = String.fromCodePoint((cp & ~0x7f) + swaps[off]);
  else chars[i] = '';
  return chars.join('');
}
