import { rng } from '../../src/demo/random';
import { BOYS, GIRLS, SURNAMES } from '../../src/demo/names';

// Syllables with their Devanagari, combined into many plausible names so that a million
// records have the variety of a real register (a few very common names, a long tail).
const SYL: [string, string][] = [
  ['ra', 'र'],
  ['ma', 'म'],
  ['ni', 'नि'],
  ['sha', 'श'],
  ['ka', 'क'],
  ['vi', 'वि'],
  ['la', 'ल'],
  ['su', 'सु'],
  ['de', 'दे'],
  ['pa', 'प'],
  ['ja', 'ज'],
  ['ya', 'य'],
  ['ga', 'ग'],
  ['na', 'न'],
  ['ta', 'त'],
  ['ha', 'ह'],
  ['ri', 'रि'],
  ['ki', 'कि'],
  ['mi', 'मि'],
  ['ru', 'रु'],
  ['so', 'सो'],
  ['bha', 'भ'],
  ['dha', 'ध'],
  ['chi', 'चि'],
  ['pri', 'प्रि'],
  ['va', 'व'],
  ['sa', 'स'],
];
const END: [string, string][] = [
  ['', ''],
  ['a', 'ा'],
  ['i', 'ी'],
  ['esh', 'ेश'],
  ['ant', 'ंत'],
  ['kar', 'कर'],
  ['e', 'े'],
];

export interface SynthName {
  latin: string;
  dev: string;
}

export function namePools(seed = 7) {
  const r = rng(seed);
  const gen = (n: number, ends: [string, string][]) => {
    const out = new Map<string, SynthName>();
    while (out.size < n) {
      const k = r.int(2, 3);
      let latin = '';
      let dev = '';
      for (let i = 0; i < k; i++) {
        const [l, d] = r.pick(SYL);
        latin += l;
        dev += d;
      }
      const [el, ed] = r.pick(ends);
      latin += el;
      dev += ed;
      latin = latin[0].toUpperCase() + latin.slice(1);
      out.set(latin, { latin, dev });
    }
    return [...out.values()];
  };
  const given = [...[...GIRLS, ...BOYS].map(([latin, dev]) => ({ latin, dev })), ...gen(4000, END)];
  const family = [
    ...SURNAMES.map(([latin, dev]) => ({ latin, dev })),
    ...gen(1500, [
      ['kar', 'कर'],
      ['e', 'े'],
      ['ar', 'र'],
      ['le', 'ले'],
      ['de', 'डे'],
      ['', ''],
    ]),
  ];
  // Zipf-like choice: the first names of each pool are far more common.
  const zipf = <T>(xs: T[]) => xs[Math.min(xs.length - 1, Math.floor(xs.length * r.next() ** 2.2))];
  return { given, family, pickGiven: () => zipf(given), pickFamily: () => zipf(family), r };
}

/** A spelling a different clerk might have written: Latin respellings or the other script. */
export function variantOf(name: SynthName & { family: SynthName }, r: ReturnType<typeof rng>): string {
  const choice = r.int(0, 3);
  if (choice === 0) return `${name.dev} ${name.family.dev}`;
  const l = `${name.latin} ${name.family.latin}`;
  if (choice === 1) return l.replace(/v/g, 'w').replace(/i\b/g, 'ee').replace(/sh/g, 'sh');
  if (choice === 2) return l.replace(/a\b/g, 'aa').replace(/u/g, 'oo');
  return l.replace(/([kptm])/, '$1$1');
}
