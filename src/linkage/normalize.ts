// Normalisation of non-name fields and the shared dictionaries that turn strings into integers,
// so the per-pair work compares numbers and cached similarities instead of strings.
import { canonicalToken, jaroWinkler, keyOfCanonical, toLatin } from '../names';

export class Interner {
  private readonly map = new Map<string, number>();
  readonly strings: string[] = [];
  id(s: string): number {
    let v = this.map.get(s);
    if (v === undefined) {
      v = this.strings.length;
      this.map.set(s, v);
      this.strings.push(s);
    }
    return v;
  }
  get size(): number {
    return this.strings.length;
  }
  /** Interns another thread's strings in their order: this interner (if empty) then gives the same ids. */
  load(strings: readonly string[]): void {
    for (const x of strings) this.id(x);
  }
}

/**
 * Open-addressing table of numbers keyed by an ordered pair of non-negative ids, on typed arrays
 * (a Map keyed by large numbers boxes every key and was the hottest spot).
 *
 * It starts small and doubles as it fills, up to 2^maxBits slots, and only then starts again empty:
 * matching one report builds an engine for a few hundred pairs, and allocating (and clearing)
 * tens of megabytes up front for it cost more than the matching itself.
 */
class PairTable<V extends Float64Array> {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private vals: V;
  private used = 0;
  private mask: number;
  private bits: number;
  constructor(
    private readonly make: (n: number) => V,
    private readonly maxBits: number,
    startBits = 10,
  ) {
    this.bits = Math.min(startBits, maxBits);
    const cap = 1 << this.bits;
    this.mask = cap - 1;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.vals = make(cap);
  }
  protected slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & this.mask;
    for (;;) {
      const k = this.keysA[h];
      if (k === -1 || (k === a && this.keysB[h] === b)) return h;
      h = (h + 1) & this.mask;
    }
  }
  /** Slot h holds (a, b): call after slot(). */
  protected has(h: number): boolean {
    return this.keysA[h] !== -1;
  }
  protected value(h: number): number {
    return this.vals[h];
  }
  protected put(a: number, b: number, v: number): void {
    // Past 70% full, grow while allowed, else start again rather than let probes grow long.
    if (this.used > this.mask * 0.7) {
      if (this.bits < this.maxBits) this.grow();
      else {
        this.keysA.fill(-1);
        this.used = 0;
      }
    }
    const h = this.slot(a, b);
    if (this.keysA[h] === -1) this.used++;
    this.keysA[h] = a;
    this.keysB[h] = b;
    this.vals[h] = v;
  }
  private grow(): void {
    const { keysA, keysB, vals } = this;
    this.bits++;
    const cap = 1 << this.bits;
    this.mask = cap - 1;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.vals = this.make(cap);
    for (let h = 0; h < keysA.length; h++) {
      if (keysA[h] === -1) continue;
      const s = this.slot(keysA[h], keysB[h]);
      this.keysA[s] = keysA[h];
      this.keysB[s] = keysB[h];
      this.vals[s] = vals[h];
    }
  }
}

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * Per string, three numbers for `jwBound`: the set of its letters (a bit per a–z; bits 26–31 for any
 * other code unit, by its code modulo 6), its length, and its first four code units (a byte each).
 * Written into bd from index `from` on.
 */
export function writeJwBounds(strings: readonly string[], bd: Int32Array, from: number): void {
  for (let id = from; id < strings.length && 3 * id < bd.length; id++) {
    const w = strings[id];
    let mask = 0,
      pre = 0;
    for (let x = 0; x < w.length; x++) {
      const c = w.charCodeAt(x);
      mask |= c >= 97 && c <= 122 ? 1 << (c - 97) : 1 << (26 + (c % 6));
      if (x < 4) pre |= (c & 0xff) << (8 * x);
    }
    bd[3 * id] = mask;
    bd[3 * id + 1] = w.length;
    bd[3 * id + 2] = pre;
  }
}

/**
 * An upper bound on `jaroWinkler` of strings a and b (by their `writeJwBounds` numbers), without the
 * cache look-up, a random read in a table of tens of megabytes. Jaro counts m matching characters;
 * each letter of a that b lacks is at least one character of a that matches nothing, so
 * m ≤ la − |letters(a) ∖ letters(b)|, and likewise for b. Jaro is then at most (m/la + m/lb + 1)/3
 * (no transpositions), and Winkler's boost at most that of the common prefix of the first four code
 * units; the result increases with both, so the bound holds (a margin covers rounding). Most token
 * pairs of two different names fall below every threshold by this alone (Sunita/Kavita: 0.67).
 */
export function jwBound(bd: Int32Array, a: number, b: number): number {
  const ma = bd[3 * a],
    mb = bd[3 * b],
    la = bd[3 * a + 1],
    lb = bd[3 * b + 1];
  if (la === 0 || lb === 0) return 2;
  const m = Math.min(la - popcount(ma & ~mb), lb - popcount(mb & ~ma));
  if (m <= 0) return 1e-9;
  const x = bd[3 * a + 2] ^ bd[3 * b + 2];
  const p = (x & 0xff) !== 0 ? 0 : (x & 0xff00) !== 0 ? 1 : (x & 0xff0000) !== 0 ? 2 : (x & 0xff000000) !== 0 ? 3 : 4;
  const jaro = Math.min(1, (m / la + m / lb + 1) / 3);
  return jaro + p * 0.1 * (1 - jaro) + 1e-9;
}

/** Jaro–Winkler between interned strings, cached by id pair (names repeat heavily). */
export class SimCache extends PairTable<Float64Array> {
  /** `writeJwBounds` of strings[0..bounded), grown as ids appear. */
  private bd = new Int32Array(0);
  private bounded = 0;
  // Float64, not Float32: a value rounded in the cache could fall on the other side of a threshold
  // than the same value computed fresh, and results would depend on cache state.
  constructor(
    private readonly strings: string[],
    maxBits = 20,
  ) {
    super((n) => new Float64Array(n), maxBits);
  }
  sim(a: number, b: number): number {
    if (a === b) return 1;
    if (a > b) {
      const t = a;
      a = b;
      b = t;
    }
    const h = this.slot(a, b);
    if (this.has(h)) return this.value(h);
    const v = jaroWinkler(this.strings[a], this.strings[b]);
    this.put(a, b, v);
    return v;
  }

  /** An upper bound on sim(a, b) (`jwBound`), without looking anything up. */
  bound(a: number, b: number): number {
    if (a >= this.bounded || b >= this.bounded) this.extend();
    return jwBound(this.bd, a, b);
  }

  /** sim(a, b) when it can reach `at`; otherwise a number below `at`, without the look-up (`jwBound`).
   *  For callers that only compare the result with `at` or higher thresholds. */
  simAtLeast(a: number, b: number, at: number): number {
    if (a === b) return 1;
    const ub = this.bound(a, b);
    return ub < at ? ub - 1 : this.sim(a, b);
  }

  private extend(): void {
    const n = this.strings.length;
    if (3 * n > this.bd.length) {
      const bd = new Int32Array(3 * Math.max(1024, 2 * n));
      bd.set(this.bd.subarray(0, 3 * this.bounded));
      this.bd = bd;
    }
    writeJwBounds(this.strings, this.bd, this.bounded);
    this.bounded = n;
  }
}

/** Lowercase Latin words of any-script text. */
export function words(s: string): string[] {
  return toLatin(s ?? '')
    .split(/[^a-z0-9\p{L}]+/u)
    .filter(Boolean);
}

export function normText(s: string): string {
  return words(s).join(' ');
}

/** Place names: transliterated, spelling-normalised, spaces removed ("Amraoti", "अमरावती" → close forms). */
export function normPlace(s: string): string {
  return words(s).map(canonicalToken).join('');
}

export function placeKey(s: string): string {
  return words(s)
    .map((w) => keyOfCanonical(canonicalToken(w)))
    .join('');
}

const SEX: Record<string, string> = {
  m: 'm',
  male: 'm',
  boy: 'm',
  man: 'm',
  b: 'm',
  purush: 'm',
  ladka: 'm',
  ladaka: 'm',
  balak: 'm',
  larka: 'm',
  f: 'f',
  female: 'f',
  girl: 'f',
  woman: 'f',
  g: 'f',
  mahila: 'f',
  stri: 'f',
  ladki: 'f',
  ladaki: 'f',
  balika: 'f',
  larki: 'f',
  o: 'o',
  other: 'o',
  t: 'o',
  transgender: 'o',
  tg: 'o',
};

/** 'm' | 'f' | 'o' | '' (unknown). */
export function normSex(s: string): string {
  return SEX[normText(s).replace(/\s/g, '')] ?? '';
}

const LANGUAGE: Record<string, string> = { bangla: 'bengali', odia: 'oriya', orya: 'oriya', panjabi: 'punjabi', hindustani: 'hindi' };

export function normLanguage(s: string): string {
  const t = normText(s).replace(/\s/g, '');
  return LANGUAGE[t] ?? t;
}

const EPOCH_DAY = 86_400_000;

/** Days since 1970-01-01 for YYYY-MM-DD (or YYYYMMDD), NaN if blank or malformed. */
export function dayNumber(s: string): number {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec((s ?? '').trim());
  if (!m) return NaN;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Number.isFinite(t) ? Math.round(t / EPOCH_DAY) : NaN;
}

export function parseAge(s: string): number {
  const t = (s ?? '').trim();
  if (t === '') return NaN;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

const MARK_STOP = new Set([
  'on',
  'the',
  'of',
  'a',
  'an',
  'and',
  'near',
  'at',
  'in',
  'with',
  'has',
  'is',
  'ka',
  'ki',
  'ke',
  'par',
  'pe',
  'hai',
]);

/** Content words of a physical-marks description. */
export function markTokens(s: string): string[] {
  return [
    ...new Set(
      words(s)
        .filter((w) => !MARK_STOP.has(w) && w.length > 1)
        .map(canonicalToken),
    ),
  ];
}
