// Deterministic randomness and the kinds of noise seen between a missing-child report and the
// record made when a child is found: other spellings, the other script, typos, estimated ages.
import { toDevanagari } from '../../names';

/** sfc32: small, fast, and the same on every platform for a given seed. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 16; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  /** Fisher–Yates, so the order does not depend on the engine's sort algorithm. */
  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)];
  }
  normal(): number {
    const u = Math.max(1e-12, this.next()),
      v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}

/** Samples pool items with Zipf-like weights: a few names are very common, most are rare. */
export class Zipf<T> {
  private readonly cum: Float64Array;
  constructor(
    readonly items: readonly T[],
    s = 0.9,
  ) {
    this.cum = new Float64Array(items.length);
    let acc = 0;
    items.forEach((_, k) => {
      acc += 1 / (k + 1) ** s;
      this.cum[k] = acc;
    });
  }
  sample(rng: Rng): T {
    const x = rng.next() * this.cum[this.cum.length - 1];
    let lo = 0,
      hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return this.items[lo];
  }
}

// Reversible respellings people actually use for Indian names in Latin script.
const RULES: Array<[RegExp, string]> = [
  [/ee/, 'i'],
  [/i(?=[^aeiou])/, 'ee'],
  [/oo/, 'u'],
  [/u(?=[^aeiou])/, 'oo'],
  [/^sh/, 's'],
  [/^s(?!h)/, 'sh'],
  [/v/, 'w'],
  [/w/, 'v'],
  [/ph/, 'f'],
  [/t$/, 'th'],
  [/th/, 't'],
  [/ksh/, 'x'],
  [/x/, 'ksh'],
  [/([bcdfgjklmnprstvz])\1/, '$1'],
  [/a$/, ''],
  [/i$/, 'ee'],
  [/i$/, 'y'],
  [/aa/, 'a'],
  [/dh/, 'd'],
  [/bh/, 'b'],
  [/ai/, 'ay'],
  [/j/, 'z'],
  [/q/, 'k'],
];

export function respellNoise(name: string, rng: Rng): string {
  const lower = name.toLowerCase();
  const applicable = RULES.filter(([re]) => re.test(lower));
  if (applicable.length === 0) return name;
  const [re, rep] = rng.pick(applicable);
  const out = lower.replace(re, rep);
  return out.length >= 2 ? cap(out) : name;
}

const LETTERS = 'abcdeghijklmnoprstuvy';

/** One keyboard-style slip (never the first letter, which people rarely get wrong). */
export function typo(name: string, rng: Rng): string {
  if (name.length < 4) return name;
  const s = name.toLowerCase();
  const i = rng.int(1, s.length - 1);
  const kind = rng.int(0, 3);
  let out: string;
  if (kind === 0) out = s.slice(0, i) + rng.pick([...LETTERS]) + s.slice(i + 1);
  else if (kind === 1) out = s.slice(0, i) + s.slice(i + 1);
  else if (kind === 2) out = s.slice(0, i) + rng.pick([...LETTERS]) + s.slice(i);
  else out = i < s.length - 1 ? s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2) : s;
  return cap(out);
}

export function cap(s: string): string {
  return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}

export interface PoolName {
  latin: string;
  deva: string | null;
}

export function devanagari(n: PoolName): string {
  return n.deva ?? toDevanagari(n.latin);
}

/** A name token as a reporter would write it: maybe respelt, maybe with a typo. */
export function noisyToken(n: PoolName, rng: Rng, pRespell: number, pTypo: number, script: 'latin' | 'deva'): string {
  if (script === 'deva') return devanagari(n);
  let s = n.latin;
  if (rng.chance(pRespell)) s = respellNoise(s, rng);
  if (rng.chance(pTypo)) s = typo(s, rng);
  return s;
}
