// Normalisation of non-name fields and the shared dictionaries that turn strings into integers,
// so the per-pair work compares numbers and cached similarities instead of strings.
import { canonicalToken, jaroWinkler, keyOfCanonical, toLatin } from '../names';

export class Interner {
  private readonly map = new Map<string, number>();
  readonly strings: string[] = [];
  id(s: string): number {
    let v = this.map.get(s);
    if (v === undefined) { v = this.strings.length; this.map.set(s, v); this.strings.push(s); }
    return v;
  }
  get size(): number { return this.strings.length; }
}

/**
 * Jaro–Winkler between interned strings, cached by id pair (names repeat heavily). An open-addressing
 * table on typed arrays: a Map keyed by large numbers boxes every key and was the hottest spot.
 */
export class SimCache {
  private keysA: Int32Array;
  private keysB: Int32Array;
  // Float64, not Float32: a value rounded in the cache could fall on the other side of a threshold
  // than the same value computed fresh, and results would depend on cache state.
  private vals: Float64Array;
  private used = 0;
  private readonly mask: number;
  constructor(private readonly strings: string[], bits = 20) {
    const cap = 1 << bits;
    this.mask = cap - 1;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.vals = new Float64Array(cap);
  }
  sim(a: number, b: number): number {
    if (a === b) return 1;
    if (a > b) { const t = a; a = b; b = t; }
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & this.mask;
    for (;;) {
      const k = this.keysA[h];
      if (k === -1) break;
      if (k === a && this.keysB[h] === b) return this.vals[h];
      h = (h + 1) & this.mask;
    }
    const v = jaroWinkler(this.strings[a], this.strings[b]);
    // Past 70% full, start again rather than let probes grow long.
    if (this.used > this.mask * 0.7) { this.keysA.fill(-1); this.used = 0; return v; }
    this.keysA[h] = a; this.keysB[h] = b; this.vals[h] = v; this.used++;
    return v;
  }
}

/** Small-integer results cached by an ordered pair of non-negative ids (same table design as SimCache). */
export class PairCache {
  private keysA: Int32Array;
  private keysB: Int32Array;
  private vals: Int8Array;
  private used = 0;
  private readonly mask: number;
  constructor(bits = 20) {
    const cap = 1 << bits;
    this.mask = cap - 1;
    this.keysA = new Int32Array(cap).fill(-1);
    this.keysB = new Int32Array(cap);
    this.vals = new Int8Array(cap);
  }
  private slot(a: number, b: number): number {
    let h = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca77)) & this.mask;
    for (;;) {
      const k = this.keysA[h];
      if (k === -1 || (k === a && this.keysB[h] === b)) return h;
      h = (h + 1) & this.mask;
    }
  }
  /** The cached value, or -128 when absent. */
  get(a: number, b: number): number {
    const h = this.slot(a, b);
    return this.keysA[h] === -1 ? -128 : this.vals[h];
  }
  set(a: number, b: number, v: number): void {
    if (this.used > this.mask * 0.7) { this.keysA.fill(-1); this.used = 0; }
    const h = this.slot(a, b);
    if (this.keysA[h] === -1) this.used++;
    this.keysA[h] = a; this.keysB[h] = b; this.vals[h] = v;
  }
}

/** Lowercase Latin words of any-script text. */
export function words(s: string): string[] {
  return toLatin(s ?? '').split(/[^a-z0-9\p{L}]+/u).filter(Boolean);
}

export function normText(s: string): string {
  return words(s).join(' ');
}

/** Place names: transliterated, spelling-normalised, spaces removed ("Amraoti", "अमरावती" → close forms). */
export function normPlace(s: string): string {
  return words(s).map(canonicalToken).join('');
}

export function placeKey(s: string): string {
  return words(s).map((w) => keyOfCanonical(canonicalToken(w))).join('');
}

const SEX: Record<string, string> = {
  m: 'm', male: 'm', boy: 'm', man: 'm', b: 'm', purush: 'm', ladka: 'm', ladaka: 'm', balak: 'm', larka: 'm',
  f: 'f', female: 'f', girl: 'f', woman: 'f', g: 'f', mahila: 'f', stri: 'f', ladki: 'f', ladaki: 'f', balika: 'f', larki: 'f',
  o: 'o', other: 'o', t: 'o', transgender: 'o', tg: 'o',
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

const MARK_STOP = new Set(['on', 'the', 'of', 'a', 'an', 'and', 'near', 'at', 'in', 'with', 'has', 'is', 'ka', 'ki', 'ke', 'par', 'pe', 'hai']);

/** Content words of a physical-marks description. */
export function markTokens(s: string): string[] {
  return [...new Set(words(s).filter((w) => !MARK_STOP.has(w) && w.length > 1).map(canonicalToken))];
}
