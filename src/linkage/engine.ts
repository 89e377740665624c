// The linkage engine: prepare features once per record, walk the blocked candidate pairs once
// (storing each pair's comparison pattern compactly), estimate parameters by EM on the pattern
// counts, then score. No object is allocated per pair.
import { BlockIndex, buildLeftBlocks, type CandidateSource, type LeftBlocks, type RuleStats } from './blocking';
import { buildComparators, type Comparator } from './comparisons';
import { Grow } from './grow';
import { levelWeights, type Model } from './model';
import type { Table } from './record';

export type Phase = 'preparing' | 'blocking' | 'comparing' | 'training' | 'scoring';
export interface Progress {
  phase: Phase;
  done: number;
  total: number;
}

export interface EngineOptions {
  /** 'prior' (default): re-estimate the match rate on this data; 'u': also u from random pairs;
   *  'full': also m by unlabelled EM; 'none': the model as is. */
  train?: 'none' | 'prior' | 'u' | 'full';
  onProgress?: (p: Progress) => void;
  dedupe?: boolean;
  /** TF adjustments are clamped to ±this many bits so one rare name cannot decide alone. */
  tfClamp?: number;
  /** Records the right side is matched against, when not all are loaded (matchOne, scorePair). */
  populationSize?: number;
  /** Called after each blocking rule is indexed (`BlockIndexOptions.afterRule`). */
  afterBlockingRule?: () => void;
  /** The left side prepared elsewhere (`prepareLeft`, same model and left records; not for dedupe). */
  left?: PreparedLeft;
}

/**
 * What an engine derives from the left records alone: their features, the comparators' dictionaries
 * after preparing them, and the left side of the block index. Every worker of a parallel run prepared
 * all left records again (at 2 lakh a side about a third of a worker's CPU); the first worker now
 * prepares them once and the others load a copy, ending with the same ids and counts (so the same output).
 */
export interface PreparedLeft {
  features: unknown[];
  states: unknown[];
  blocks: LeftBlocks;
}

export function prepareLeft(model: Model, left: Table, afterBlockingRule?: () => void): PreparedLeft {
  return { ...prepareLeftFeatures(model, left), blocks: buildLeftBlocks(model, left, { afterRule: afterBlockingRule }) };
}

/**
 * The features half of `PreparedLeft`. The features (the comparators' dictionaries) and the left
 * blocks (the key parts' own dictionaries) share no state, so two workers can build one half each at
 * the same time and swap them: on 2 cores the serial phase before comparing becomes the longer half.
 */
export function prepareLeftFeatures(model: Model, left: Table): Pick<PreparedLeft, 'features' | 'states'> {
  const comps = buildComparators(model.comparisons);
  const features = comps.map((c) => c.prepare(left));
  return { features, states: comps.map((c) => c.saveState?.()) };
}

export interface FieldWeight {
  id: string;
  label: string;
  level: number;
  levelLabel: string;
  weight: number;
}

export class LinkEngine {
  readonly comparators: Comparator[];
  readonly model: Model;
  readonly opts: EngineOptions;
  private blockIndex: CandidateSource | null = null;
  private readonly fl: unknown[];
  private readonly fr: unknown[];
  private readonly radix: number[];
  private readonly radixTotal: number;
  private readonly tfIdx: number[];
  /** Candidate pairs grouped by right record: pairs of right j are rOff[j]..rOff[j+1]. */
  rOff = new Int32Array(0);
  leftOf = new Int32Array(0);
  /** Each pair's levels as one mixed-radix number (Uint32 when the model's levels allow: 4 bytes a pair). */
  code: Uint32Array | Float64Array = new Uint32Array(0);
  private weights: number[][] = [];
  private discounts: Array<{ on: number; levels: number[]; factor: number } | null> = [];
  private logitPrior = 0;
  private patternWeight = new Map<number, number>();
  /** The same as a dense array when the pattern space is small enough (NaN: not computed yet). */
  private patternWeightDense: Float64Array | null = null;
  emIterations = 0;
  /** What training did, for stderr and the summary (e.g. EM's fit or why it kept the model's m). */
  trainingNotes: string[] = [];
  /** Pattern counts of the compared pairs, for training. */
  counts = new Map<number, number>();

  constructor(
    model: Model,
    readonly left: Table,
    readonly right: Table,
    { left: given, ...opts }: EngineOptions = {},
  ) {
    // The prepared left side is not kept in opts: its dictionaries and block keys go once used.
    this.opts = opts;
    this.model = structuredClone(model);
    const report = (phase: Phase, done: number, total: number) => opts.onProgress?.({ phase, done, total });
    report('preparing', 0, 1);
    this.comparators = buildComparators(this.model.comparisons, { symmetricDates: opts.dedupe });
    if (given && opts.dedupe) throw new Error('a prepared left side is for linking two tables, not for dedupe');
    if (given && given.features.length !== this.comparators.length) throw new Error('the prepared left side is for another model');
    this.comparators.forEach((c, k) => given && c.loadState?.(given.states[k]));
    this.fl = given ? given.features : this.comparators.map((c) => c.prepare(left));
    this.leftBlocks = given?.blocks ?? null;
    this.fr = opts.dedupe ? this.fl : this.comparators.map((c) => c.prepare(right));
    for (const c of this.comparators) c.finish?.();
    this.radix = [];
    let r = 1;
    for (const c of this.comparators) {
      this.radix.push(r);
      r *= c.nLevels + 1;
    }
    if (r > 2 ** 52) throw new Error('model has too many comparison levels to encode a pattern');
    this.radixTotal = r;
    this.tfIdx = this.comparators.map((c, k) => (c.tfLog && c.spec.tfWeight > 0 ? k : -1)).filter((k) => k >= 0);
    report('preparing', 1, 1);
  }

  private released = false;
  /** Given left blocks, dropped once the index is built (the index keeps what it reads). */
  private leftBlocks: LeftBlocks | null;

  /** Drops the input columns and the block index once pairs are compared (parallel workers, whose
   *  tables are their own copies); ids, features, pairs and the rule statistics stay. */
  releaseInputs(): void {
    this.statsKept = this.block.stats;
    this.blockIndex = null;
    this.released = true;
    this.left.columns = {};
    if (this.right !== this.left) this.right.columns = {};
  }
  private statsKept: RuleStats[] | null = null;

  /** Drops the input columns but keeps the block index: comparing reads only prepared features. */
  releaseColumns(): void {
    this.left.columns = {};
    if (this.right !== this.left) this.right.columns = {};
  }

  /** Blocking built elsewhere (a parallel run's worker reads the main thread's shared index). */
  useBlocks(src: CandidateSource): void {
    this.blockIndex = src;
  }

  /** Built on first use: scoring given pairs directly (matching one report) needs no blocking. */
  get block(): CandidateSource {
    if (this.released) throw new Error('the engine released its inputs: blocking is no longer available');
    if (!this.blockIndex) {
      this.opts.onProgress?.({ phase: 'blocking', done: 0, total: 1 });
      this.blockIndex = new BlockIndex(this.model, this.left, this.right, this.opts.dedupe === true, {
        afterRule: this.opts.afterBlockingRule,
        left: this.leftBlocks ?? undefined,
      });
      this.leftBlocks = null;
      this.opts.onProgress?.({ phase: 'blocking', done: 1, total: 1 });
    }
    return this.blockIndex;
  }

  get ruleStats(): RuleStats[] {
    return this.statsKept ?? this.block.stats;
  }
  /** Pairs compared; a parallel run sets the total over all workers. */
  totalPairs: number | null = null;
  get pairCount(): number {
    return this.totalPairs ?? this.leftOf.length;
  }
  /** Right records over all workers (a worker holds only its slice). */
  totalRight: number | null = null;
  get rightCount(): number {
    return this.totalRight ?? this.right.ids.length;
  }
  /** Per TF comparison and level (0, 1): sum and count of log TF over compared pairs. */
  tfSums: number[][] = [];
  tfCounts: number[][] = [];

  /** Compares every candidate pair once; returns the pattern counts for EM. */
  compare(from = 0, to = this.right.ids.length): Map<number, number> {
    const nR = this.right.ids.length;
    const buf = new Int32Array(Math.max(1, this.left.ids.length));
    const guess = Math.min(2 ** 26, Math.max(1024, this.block.pairUpperBound));
    const leftOf = new Grow(new Int32Array(guess));
    const code = new Grow<Uint32Array | Float64Array>(this.radixTotal <= 2 ** 32 ? new Uint32Array(guess) : new Float64Array(guess));
    // TF values are recomputed when scoring rather than stored: memory stays at 8 bytes a pair.
    const tfSum = this.tfIdx.map(() => [0, 0]),
      tfN = this.tfIdx.map(() => [0, 0]);
    const rOff = new Int32Array(nR + 1);
    // Pattern counts on a dense array when the pattern space is small (it is for the shipped models):
    // a Map update per pair was a tenth of the comparing time.
    const dense = this.radixTotal <= 2 ** 23 ? new Uint32Array(this.radixTotal) : null;
    const counts = new Map<number, number>();
    const comps = this.comparators,
      fl = this.fl,
      fr = this.fr,
      radix = this.radix;
    const step = Math.max(1, Math.floor(nR / 200));
    const pattern = this.patternFunction(),
      block = this.block;
    for (let j = 0; j < nR; j++) {
      // A worker compares only its share of right records; the others get no pairs.
      const n = j >= from && j < to ? block.candidates(j, buf) : 0;
      for (let x = 0; x < n; x++) {
        const i = buf[x];
        const cd = pattern(i, j);
        leftOf.push(i);
        code.push(cd);
        if (dense) dense[cd]++;
        else counts.set(cd, (counts.get(cd) ?? 0) + 1);
        for (let t = 0; t < this.tfIdx.length; t++) {
          const c = this.tfIdx[t];
          const lvl = (Math.floor(cd / radix[c]) % (comps[c].nLevels + 1)) - 1;
          if (lvl === 0 || lvl === 1) {
            tfSum[t][lvl] += comps[c].tfLog!(fl[c], i, fr[c], j);
            tfN[t][lvl]++;
          }
        }
      }
      rOff[j + 1] = leftOf.n;
      if (j % step === 0) this.opts.onProgress?.({ phase: 'comparing', done: j, total: nR });
    }
    this.opts.onProgress?.({ phase: 'comparing', done: nR, total: nR });
    if (dense) for (let cd = 0; cd < dense.length; cd++) if (dense[cd] > 0) counts.set(cd, dense[cd]);
    this.rOff = rOff;
    this.leftOf = leftOf.view();
    this.code = code.view();
    this.tfSums = tfSum;
    this.tfCounts = tfN;
    this.centreTf(tfSum, tfN);
    this.counts = counts;
    return counts;
  }

  /**
   * The pair's pattern code, Σ (level_c + 1) · radix_c, as one function written out for this model's
   * comparators. A loop over the comparators makes `comps[c].level` one call site seeing nine
   * classes (megamorphic, slow to dispatch); written out, each call site sees one class and V8
   * inlines it. Measured: a fifth less CPU for comparing. Only the model's own numbers and
   * comparator objects go in — no text from input data reaches the generated code.
   */
  private patternFunction(): (i: number, j: number) => number {
    const names: string[] = [],
      values: unknown[] = [];
    let body = 'return function pattern(i, j) { return 0';
    this.comparators.forEach((c, k) => {
      names.push(`c${k}`, `a${k}`, `b${k}`);
      values.push(c, this.fl[k], this.fr[k]);
      body += ` + (c${k}.level(a${k}, i, b${k}, j) + 1) * ${this.radix[k]}`;
    });
    body += '; };';
    return new Function(...names, body)(...values) as (i: number, j: number) => number;
  }

  /** Mean log TF per level over this run's pairs, so adjustments are relative to the typical agreeing name. */
  centreTf(sums: number[][], ns: number[][]): void {
    this.tfIdx.forEach((c, t) => {
      const spec = this.model.comparisons[c];
      const old = spec.tfCentre ?? [];
      spec.tfCentre = spec.levels.map((_, l) => (l < 2 && ns[t][l] > 0 ? sums[t][l] / ns[t][l] : (old[l] ?? 0)));
    });
  }

  decode(cd: number, c: number): number {
    return (Math.floor(cd / this.radix[c]) % (this.comparators[c].nLevels + 1)) - 1;
  }

  /** Levels of every comparison for left i, right j, computed directly (no stored pair needed). */
  levelsOf(i: number, j: number, out: Int8Array): Int8Array {
    for (let c = 0; c < this.comparators.length; c++) out[c] = this.comparators[c].level(this.fl[c], i, this.fr[c], j);
    return out;
  }

  /** Prior probability that one pair matches: expected matches per right record over the left records. */
  get pairPrior(): number {
    // Tiny inputs would give an absurdly high prior (1 of 3 records!); assume a realistic pool instead.
    const n = Math.max(1000, this.opts.populationSize ?? this.left.ids.length);
    return Math.min(0.5, Math.max(1e-12, this.model.matchRate / n));
  }

  /** Weight of comparison c at level l, given the level of the comparison its discount depends on. */
  private fieldWeight(c: number, l: number, levelOf: (k: number) => number): number {
    const w = this.weights[c][l];
    const d = this.discounts[c];
    return d && w > 0 && d.levels.includes(levelOf(d.on)) ? w * d.factor : w;
  }

  /** Sum of field weights for a full level vector (no TF). */
  weightOfLevels(levels: ArrayLike<number>): number {
    let w = 0;
    for (let c = 0; c < levels.length; c++) if (levels[c] >= 0) w += this.fieldWeight(c, levels[c], (k) => levels[k]);
    return w;
  }

  setWeights(): void {
    this.discounts = this.model.comparisons.map((c) => {
      if (!c.discount) return null;
      const on = this.model.comparisons.findIndex((x) => x.id === c.discount!.when);
      return on < 0 ? null : { on, levels: c.discount.levels, factor: c.discount.factor };
    });
    this.weights = this.model.comparisons.map(levelWeights);
    const p = this.pairPrior;
    this.logitPrior = Math.log2(p / (1 - p));
    this.patternWeight.clear();
    this.patternWeightDense = null;
    this.denseReady = false;
  }
  private denseReady = false;

  private tfAdjust(t: number, p: number, j: number): number {
    const c = this.tfIdx[t];
    const lvl = this.decode(this.code[p], c);
    if (lvl !== 0 && lvl !== 1) return 0;
    const v = this.comparators[c].tfLog!(this.fl[c], this.leftOf[p], this.fr[c], j);
    const spec = this.model.comparisons[c];
    const lim = this.opts.tfClamp ?? 4;
    const adj = spec.tfWeight * ((spec.tfCentre?.[lvl] ?? v) - v);
    return Math.max(-lim, Math.min(lim, adj));
  }

  /** Match weight (log2 Bayes factor) of pair p (of right record j), TF adjustments included. */
  weight(p: number, j: number): number {
    const cd = this.code[p];
    if (!this.denseReady) {
      // Allocated on first use: matching one report scores pairs directly and never needs it.
      this.denseReady = true;
      if (this.radixTotal <= 2 ** 23) this.patternWeightDense = new Float64Array(this.radixTotal).fill(NaN);
    }
    const dense = this.patternWeightDense;
    let w = dense ? dense[cd] : this.patternWeight.get(cd);
    if (w === undefined || Number.isNaN(w)) {
      w = 0;
      for (let c = 0; c < this.comparators.length; c++) {
        const l = this.decode(cd, c);
        if (l >= 0) w += this.fieldWeight(c, l, (k) => this.decode(cd, k));
      }
      if (dense) dense[cd] = w;
      else this.patternWeight.set(cd, w);
    }
    for (let t = 0; t < this.tfIdx.length; t++) w += this.tfAdjust(t, p, j);
    return w;
  }

  /** Posterior odds (log2) of a pair on its own, before calibration. */
  logOdds(weight: number): number {
    return weight + this.logitPrior;
  }

  /** Calibrated probability from log2 odds (Platt scaling fitted on labelled data, identity by default). */
  calibrate(log2Odds: number): number {
    const c = this.model.calibration;
    return 1 / (1 + 2 ** -(c.scale * log2Odds + c.shift));
  }

  /** Probability of one pair judged alone (review queue). */
  probability(weight: number): number {
    return this.calibrate(this.logOdds(weight));
  }

  /** Each comparison's level (-1: missing) and weight, TF included, of pair p, in model order. */
  fieldVector(p: number, j: number, levels: Int8Array, weights: Float64Array): void {
    const cd = this.code[p];
    for (let c = 0; c < this.comparators.length; c++) {
      const l = this.decode(cd, c);
      levels[c] = l;
      if (l < 0) {
        weights[c] = 0;
        continue;
      }
      let w = this.fieldWeight(c, l, (k) => this.decode(cd, k));
      const t = this.tfIdx.indexOf(c);
      if (t >= 0) w += this.tfAdjust(t, p, j);
      weights[c] = w;
    }
  }

  /** Per-comparison weights of pair p, strongest first, missing values left out. */
  fields(p: number, j: number): FieldWeight[] {
    const n = this.comparators.length;
    const lv = new Int8Array(n),
      fw = new Float64Array(n);
    this.fieldVector(p, j, lv, fw);
    return fieldsOf(this.model, lv, fw);
  }

  scoreDirect(i: number, j: number): { weight: number; fields: FieldWeight[] } {
    const fields: FieldWeight[] = [];
    let weight = 0;
    const lv = this.levelsOf(i, j, new Int8Array(this.comparators.length));
    this.comparators.forEach((comp, c) => {
      const l = lv[c];
      if (l < 0) return;
      const w = this.fieldWeight(c, l, (k) => lv[k]);
      weight += w;
      fields.push({ id: comp.spec.id, label: comp.spec.label, level: l, levelLabel: comp.spec.levels[l].label, weight: w });
    });
    return { weight, fields: fields.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight)) };
  }

  /**
   * The k best pairs of right record j, best first, with probabilities. With oneToOne, a right
   * record matches at most one left record, so candidates compete: P(i) = odds_i / (1 + Σ odds),
   * which keeps a sibling or namesake from sharing the certainty that belongs to one child.
   */
  topPairs(j: number, k: number, minProbability = 0, oneToOne = true): { pairs: number[]; probs: number[] } {
    const s = this.rOff[j],
      e = this.rOff[j + 1];
    const best: number[] = [],
      bw: number[] = [];
    let sumOdds = 0;
    for (let p = s; p < e; p++) {
      const w = this.weight(p, j);
      sumOdds += 2 ** Math.min(1000, this.logOdds(w));
      let x: number;
      if (best.length < k) {
        best.push(p);
        bw.push(w);
        x = best.length - 1;
      } else if (w > bw[k - 1]) {
        x = k - 1;
        best[x] = p;
        bw[x] = w;
      } else continue;
      while (x > 0 && bw[x - 1] < bw[x]) {
        [best[x - 1], best[x]] = [best[x], best[x - 1]];
        [bw[x - 1], bw[x]] = [bw[x], bw[x - 1]];
        x--;
      }
    }
    const probs = bw.map((w) => {
      const lo = this.logOdds(w);
      const adj = oneToOne ? lo - Math.log2(1 + sumOdds - 2 ** Math.min(1000, lo)) : lo;
      return this.calibrate(adj);
    });
    if (minProbability <= 0) return { pairs: best, probs };
    const keep = probs.map((q) => q >= minProbability);
    return { pairs: best.filter((_, x) => keep[x]), probs: probs.filter((_, x) => keep[x]) };
  }
}

/** Scores left i against right j directly (no blocking, no TF: one pair says nothing about frequencies). */
export function scoreDirect(e: LinkEngine, i: number, j: number): { weight: number; fields: FieldWeight[] } {
  return e.scoreDirect(i, j);
}

/** Field weights from a level/weight vector (model order): strongest first, missing values left out. */
export function fieldsOf(model: Model, levels: ArrayLike<number>, weights: ArrayLike<number>, offset = 0): FieldWeight[] {
  const out: FieldWeight[] = [];
  model.comparisons.forEach((spec, c) => {
    const l = levels[offset + c];
    if (l < 0) return;
    out.push({ id: spec.id, label: spec.label, level: l, levelLabel: spec.levels[l].label, weight: weights[offset + c] });
  });
  return out.sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight));
}

export function explain(fields: readonly FieldWeight[]): string {
  return fields.map((f) => `${f.label}: ${f.levelLabel} (${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(1)})`).join(', ');
}
