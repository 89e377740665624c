// Best-effort Latin → Devanagari, for showing a name in the other script.
// Latin spelling of Indian names is lossy (t/ṭ, n/ṇ, i/ī), so this picks the
// most common reading; it is for display, never for matching.

const CONS: Array<[string, string]> = [
  ['ksh', 'क्ष'],
  ['dny', 'ज्ञ'],
  ['chh', 'छ'],
  ['gy', 'ज्ञ'],
  ['kh', 'ख'],
  ['gh', 'घ'],
  ['ch', 'च'],
  ['jh', 'झ'],
  ['th', 'थ'],
  ['dh', 'ध'],
  ['ph', 'फ'],
  ['bh', 'भ'],
  ['sh', 'श'],
  ['x', 'क्ष'],
  ['k', 'क'],
  ['g', 'ग'],
  ['c', 'क'],
  ['j', 'ज'],
  ['t', 'त'],
  ['d', 'द'],
  ['n', 'न'],
  ['p', 'प'],
  ['b', 'ब'],
  ['m', 'म'],
  ['y', 'य'],
  ['r', 'र'],
  ['l', 'ल'],
  ['v', 'व'],
  ['w', 'व'],
  ['s', 'स'],
  ['h', 'ह'],
  ['f', 'फ़'],
  ['z', 'ज़'],
  ['q', 'क़'],
];
// [latin, independent vowel, vowel sign]
const VOW: Array<[string, string, string]> = [
  ['aa', 'आ', 'ा'],
  ['ai', 'ऐ', 'ै'],
  ['au', 'औ', 'ौ'],
  ['ee', 'ई', 'ी'],
  ['ii', 'ई', 'ी'],
  ['oo', 'ऊ', 'ू'],
  ['uu', 'ऊ', 'ू'],
  ['ri', 'ऋ', 'ृ'],
  ['a', 'अ', ''],
  ['i', 'इ', 'ि'],
  ['u', 'उ', 'ु'],
  ['e', 'ए', 'े'],
  ['o', 'ओ', 'ो'],
];

function matchAt<T extends [string, ...string[]]>(s: string, i: number, table: T[]): T | undefined {
  for (const row of table) if (s.startsWith(row[0], i)) return row;
  return undefined;
}

function word(w: string): string {
  let out = '';
  let i = 0;
  let pendingCons = false; // last output is a consonant still waiting for its vowel
  while (i < w.length) {
    const v = matchAt(
      w,
      i,
      VOW.filter((r) => r[0] !== 'ri' || !pendingCons || true),
    );
    if (v && !(v[0] === 'ri' && !pendingCons)) {
      const end = i + v[0].length === w.length;
      if (pendingCons) {
        // Word-final a and i are usually long in names (सुनीता, लक्ष्मी).
        out += end && v[0] === 'a' ? 'ा' : end && v[0] === 'i' ? 'ी' : v[2];
      } else out += v[1];
      pendingCons = false;
      i += v[0].length;
      continue;
    }
    const c = matchAt(w, i, CONS);
    if (!c) {
      if (pendingCons) pendingCons = false;
      out += w[i];
      i++;
      continue;
    }
    const next = i + c[0].length;
    // A nasal before another consonant is written as anusvara (संजय, चंपा).
    const nasalBeforeCons =
      (c[0] === 'n' || c[0] === 'm') &&
      next < w.length &&
      !matchAt(w, next, VOW) &&
      w[next] !== c[0] &&
      !/[yhrv]/.test(w[next]) &&
      matchAt(w, next, CONS) !== undefined &&
      out !== '';
    if (nasalBeforeCons && !pendingCons) {
      out += 'ं';
      i = next;
      continue;
    }
    if (pendingCons) out += '्';
    out += c[1];
    pendingCons = true;
    i = next;
  }
  return out;
}

export function toDevanagari(latin: string): string {
  if (typeof latin !== 'string') return '';
  return latin
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/(\s+)/)
    .map((w) => (/^\s*$/.test(w) ? w : word(w)))
    .join('');
}
