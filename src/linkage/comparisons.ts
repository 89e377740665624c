// Comparators for every kind in the model. Each turns a column into integer/float features once
// per table, then maps a pair (i, j) to a level index; -1 means a value is missing (weight 0).
import { districtAlias } from './districts';
import { stateAlias } from './states';
import { NameComparator, nameShared, type NameShared } from './comparison.name';
import type { ComparisonSpec } from './model';
import { dayNumber, Interner, markTokens, normLanguage, normPlace, normSex, normText, parseAge, SimCache } from './normalize';
import type { Table } from './record';

export interface Comparator<F = unknown> {
  readonly spec: ComparisonSpec;
  readonly nLevels: number;
  prepare(t: Table): F;
  finish?(): void;
  level(a: F, i: number, b: F, j: number): number;
  tfLog?(a: F, i: number, b: F, j: number): number;
  /** What preparing left behind that preparing another table depends on (dictionaries, counts),
   *  as plain data for another thread's `loadState` on a fresh comparator of the same spec. */
  saveState?(): unknown;
  loadState?(s: unknown): void;
}

export interface CompareOptions {
  /** Dedupe compares records of one kind: date order carries no direction. */
  symmetricDates?: boolean;
}

const col = (t: Table, name: string): string[] => t.columns[name] ?? [];

/** Interned, normalised strings compared for equality, then by cached Jaro–Winkler thresholds. */
class StringComparator implements Comparator<Int32Array> {
  readonly nLevels: number;
  private readonly dict = new Interner();
  private readonly jw = new SimCache(this.dict.strings);
  private readonly thresholds: number[];
  constructor(
    readonly spec: ComparisonSpec,
    private readonly norm: (s: string) => string,
    fuzzy: boolean,
  ) {
    const p = spec.params as { thresholds?: number[] };
    this.thresholds = fuzzy ? (p.thresholds ?? [0.9, 0.8]) : [];
    this.nLevels = 2 + this.thresholds.length;
    this.lowest = Math.min(...this.thresholds);
  }
  private readonly lowest: number;
  saveState(): string[] {
    return this.dict.strings;
  }
  loadState(s: unknown): void {
    this.dict.load(s as string[]);
  }
  prepare(t: Table): Int32Array {
    const c = col(t, this.spec.columns[0]);
    const seen = new Map<string, number>();
    return Int32Array.from({ length: t.ids.length }, (_, i) => {
      const raw = c[i] ?? '';
      let id = seen.get(raw);
      if (id === undefined) {
        const v = this.norm(raw);
        id = v === '' ? -1 : this.dict.id(v);
        seen.set(raw, id);
      }
      return id;
    });
  }
  level(a: Int32Array, i: number, b: Int32Array, j: number): number {
    const x = a[i],
      y = b[j];
    if (x < 0 || y < 0) return -1;
    if (x === y) return 0;
    if (this.thresholds.length > 0) {
      // Below the lowest threshold the value does not matter: `simAtLeast` skips the look-up there.
      const s = this.jw.simAtLeast(x, y, this.lowest);
      for (let k = 0; k < this.thresholds.length; k++) if (s >= this.thresholds[k]) return 1 + k;
    }
    return this.nLevels - 1;
  }
}

/** Optimal string alignment distance, giving up past max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  let prev2 = new Int32Array(n + 1),
    prev = Int32Array.from({ length: n + 1 }, (_, k) => k),
    cur = new Int32Array(n + 1);
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[n];
}

class EditComparator implements Comparator<string[]> {
  readonly nLevels: number;
  private readonly maxD: number[];
  constructor(readonly spec: ComparisonSpec) {
    this.maxD = (spec.params as { maxDistances?: number[] }).maxDistances ?? [1, 2];
    this.nLevels = 2 + this.maxD.length;
  }
  prepare(t: Table): string[] {
    return col(t, this.spec.columns[0]).map((v) => (v ?? '').trim().toLowerCase().replace(/\s+/g, ''));
  }
  level(a: string[], i: number, b: string[], j: number): number {
    const x = a[i],
      y = b[j];
    if (!x || !y) return -1;
    if (x === y) return 0;
    const d = editDistance(x, y, this.maxD[this.maxD.length - 1]);
    for (let k = 0; k < this.maxD.length; k++) if (d <= this.maxD[k]) return 1 + k;
    return this.nLevels - 1;
  }
}

interface AgeF {
  age: Float64Array;
  day: Float64Array;
}

/** Age difference in years, corrected for the time between the two reports' dates. */
class AgeComparator implements Comparator<AgeF> {
  readonly nLevels: number;
  private readonly bins: number[];
  constructor(readonly spec: ComparisonSpec) {
    this.bins = (spec.params as { bins?: number[] }).bins ?? [0.5, 1.5, 3, 5];
    this.nLevels = this.bins.length + 1;
  }
  prepare(t: Table): AgeF {
    const dateCol = (this.spec.params as { dateColumn?: string }).dateColumn;
    const ages = col(t, this.spec.columns[0]);
    const dates = dateCol ? col(t, dateCol) : [];
    return {
      age: Float64Array.from({ length: t.ids.length }, (_, i) => parseAge(ages[i] ?? '')),
      day: Float64Array.from({ length: t.ids.length }, (_, i) => dayNumber(dates[i] ?? '')),
    };
  }
  level(a: AgeF, i: number, b: AgeF, j: number): number {
    const x = a.age[i],
      y = b.age[j];
    if (Number.isNaN(x) || Number.isNaN(y)) return -1;
    let d = y - x;
    const gap = b.day[j] - a.day[i];
    if (!Number.isNaN(gap)) d -= gap / 365.25;
    d = Math.abs(d);
    for (let k = 0; k < this.bins.length; k++) if (d <= this.bins[k]) return k;
    return this.bins.length;
  }
}

/** Found date relative to missing date: soon after, within a year, later, slightly before, long before. */
class DateOrderComparator implements Comparator<Float64Array> {
  readonly nLevels = 5;
  constructor(
    readonly spec: ComparisonSpec,
    private readonly symmetric: boolean,
  ) {}
  prepare(t: Table): Float64Array {
    const c = col(t, this.spec.columns[0]);
    return Float64Array.from({ length: t.ids.length }, (_, i) => dayNumber(c[i] ?? ''));
  }
  level(a: Float64Array, i: number, b: Float64Array, j: number): number {
    let d = b[j] - a[i];
    if (Number.isNaN(d)) return -1;
    if (this.symmetric) d = Math.abs(d);
    if (d >= 0) return d <= 30 ? 0 : d <= 365 ? 1 : 2;
    return d >= -30 ? 3 : 4;
  }
}

interface LocF {
  state: Int32Array;
  district: Int32Array;
  place: Int32Array;
}

/** State, district and place together, since agreeing on a place implies agreeing on the district. */
class LocationComparator implements Comparator<LocF> {
  readonly nLevels = 4;
  private readonly dict = new Interner();
  private readonly jw = new SimCache(this.dict.strings);
  private readonly fuzzy: number;
  constructor(readonly spec: ComparisonSpec) {
    this.fuzzy = (spec.params as { fuzzy?: number }).fuzzy ?? 0.88;
  }
  saveState(): string[] {
    return this.dict.strings;
  }
  loadState(s: unknown): void {
    this.dict.load(s as string[]);
  }
  prepare(t: Table): LocF {
    const ids = (name: string | undefined, alias: (v: string) => string = (v) => v) => {
      const c = name ? col(t, name) : [];
      const seen = new Map<string, number>();
      return Int32Array.from({ length: t.ids.length }, (_, i) => {
        const raw = c[i] ?? '';
        let id = seen.get(raw);
        if (id === undefined) {
          const v = normPlace(alias(raw));
          id = v === '' ? -1 : this.dict.id(v);
          seen.set(raw, id);
        }
        return id;
      });
    };
    const [s, d, p] = this.spec.columns;
    return { state: ids(s, stateAlias), district: ids(d, districtAlias), place: ids(p) };
  }
  private same(x: number, y: number): number {
    if (x < 0 || y < 0) return -1;
    return x === y || this.jw.simAtLeast(x, y, this.fuzzy) >= this.fuzzy ? 1 : 0;
  }
  /** Levels: 0 same place (district and state not contradicting), 1 same district, 2 same state,
   *  3 a known difference, -1 nothing to compare. The place, the costly part (thousands of distinct
   *  villages), is looked at only when state and district leave level 0 possible. */
  level(a: LocF, i: number, b: LocF, j: number): number {
    const st = this.same(a.state[i], b.state[j]);
    if (st === 0) return 3;
    const di = this.same(a.district[i], b.district[j]);
    if (di === 0) return st === 1 ? 2 : 3;
    if (this.same(a.place[i], b.place[j]) === 1) return 0;
    if (di === 1) return 1;
    return st === 1 ? 2 : -1;
  }
}

interface TokF {
  off: Int32Array;
  tok: Int32Array;
}

/** Identifying marks: Jaccard overlap of content words. */
class TokensComparator implements Comparator<TokF> {
  readonly nLevels = 3;
  private readonly dict = new Interner();
  constructor(readonly spec: ComparisonSpec) {}
  saveState(): string[] {
    return this.dict.strings;
  }
  loadState(s: unknown): void {
    this.dict.load(s as string[]);
  }
  prepare(t: Table): TokF {
    const c = col(t, this.spec.columns[0]);
    const off = new Int32Array(t.ids.length + 1);
    const tok: number[] = [];
    for (let i = 0; i < t.ids.length; i++) {
      for (const w of markTokens(c[i] ?? '')) tok.push(this.dict.id(w));
      off[i + 1] = tok.length;
    }
    return { off, tok: Int32Array.from(tok) };
  }
  level(a: TokF, i: number, b: TokF, j: number): number {
    const a0 = a.off[i],
      a1 = a.off[i + 1],
      b0 = b.off[j],
      b1 = b.off[j + 1];
    if (a0 === a1 || b0 === b1) return -1;
    let common = 0;
    for (let x = a0; x < a1; x++)
      for (let y = b0; y < b1; y++)
        if (a.tok[x] === b.tok[y]) {
          common++;
          break;
        }
    const jac = common / (a1 - a0 + (b1 - b0) - common);
    return jac >= 0.5 ? 0 : common > 0 ? 1 : 2;
  }
}

/** Builds the comparators of a model; name comparisons share one dictionary and similarity cache. */
export function buildComparators(specs: readonly ComparisonSpec[], opts: CompareOptions = {}): Comparator[] {
  let shared: NameShared | null = null;
  return specs.map((s): Comparator => {
    switch (s.kind) {
      case 'name':
        return new NameComparator(s, (shared ??= nameShared())) as Comparator;
      case 'sex':
        return new StringComparator(s, normSex, false) as Comparator;
      case 'exact':
        return new StringComparator(s, (v) => (s.columns[0] === 'language' ? normLanguage(v) : normText(v)), false) as Comparator;
      case 'string':
        return new StringComparator(s, (v) => v.trim().toLowerCase(), true) as Comparator;
      case 'edit':
        return new EditComparator(s) as Comparator;
      case 'age':
        return new AgeComparator(s) as Comparator;
      case 'dateOrder':
        return new DateOrderComparator(s, opts.symmetricDates === true) as Comparator;
      case 'location':
        return new LocationComparator(s) as Comparator;
      case 'tokens':
        return new TokensComparator(s) as Comparator;
    }
  });
}
