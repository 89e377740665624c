// Parameter estimation, Splink-style: u from random pairs (nearly all non-matches), m by EM on
// the blocked candidate pairs with u held fixed, and the match rate by EM over all pairs
// (pairs outside the blocks count as non-matches). Or m from labelled pairs when truth is known.
import { Rng } from './benchmark/noise';
import { boundM, runEm, type PatternSet } from './em';
import type { LinkEngine } from './engine';

function patternSet(e: LinkEngine, counts: Map<number, number>): PatternSet {
  const nc = e.comparators.length;
  const levels = new Int8Array(counts.size * nc),
    cnt = new Float64Array(counts.size);
  let p = 0;
  for (const [cd, n] of counts) {
    for (let c = 0; c < nc; c++) levels[p * nc + c] = e.decode(cd, c);
    cnt[p++] = n;
  }
  return { levels, counts: cnt, nComp: nc };
}

/** Level frequencies over pairs, smoothed so no level has probability zero. */
function frequencies(e: LinkEngine, pairs: Iterable<[number, number]>): number[][] {
  const acc = e.comparators.map((c) => new Float64Array(c.nLevels));
  const buf = new Int8Array(e.comparators.length);
  for (const [i, j] of pairs) {
    e.levelsOf(i, j, buf);
    for (let c = 0; c < buf.length; c++) if (buf[c] >= 0) acc[c][buf[c]]++;
  }
  return acc.map((a) => {
    const total = a.reduce((s, v) => s + v, 0);
    return Array.from(a, (v) => (v + 0.5) / (total + 0.5 * a.length));
  });
}

function* randomPairs(e: LinkEngine, n: number, seed: number): Generator<[number, number]> {
  const rng = new Rng(seed);
  const nL = e.left.ids.length,
    nR = e.right.ids.length;
  for (let k = 0; k < n; k++) {
    const i = Math.floor(rng.next() * nL),
      j = Math.floor(rng.next() * nR);
    if (e.opts.dedupe && i === j) continue;
    yield [i, j];
  }
}

/** The u each engine had before `estimateU` replaced it (the model's), for `train` to restore. */
const modelUOf = new WeakMap<LinkEngine, number[][]>();

/** u ← level frequencies among random pairs. Needs enough records that random pairs are non-matches. */
export function estimateU(e: LinkEngine, samples = 100_000, seed = 42): void {
  if (!modelUOf.has(e))
    modelUOf.set(
      e,
      e.model.comparisons.map((c) => c.levels.map((l) => l.u)),
    );
  const total = e.left.ids.length * e.right.ids.length;
  const u = frequencies(e, randomPairs(e, Math.min(samples, Math.max(1000, total * 2)), seed));
  e.model.comparisons.forEach((c, k) => {
    if (c.train)
      c.levels.forEach((l, x) => {
        l.u = u[k][x];
      });
  });
}

/** The patterns where comparison `on` is at one of its two best levels (a session's "blocking"). */
function sessionPatterns(ps: PatternSet, on: number): PatternSet {
  const keep: number[] = [];
  for (let p = 0; p < ps.counts.length; p++) {
    const l = ps.levels[p * ps.nComp + on];
    if (l === 0 || l === 1) keep.push(p);
  }
  const levels = new Int8Array(keep.length * ps.nComp),
    counts = new Float64Array(keep.length);
  keep.forEach((p, k) => {
    levels.set(ps.levels.subarray(p * ps.nComp, (p + 1) * ps.nComp), k * ps.nComp);
    // Every pair of the session agrees on `on` by construction: it says nothing there, so it is left out.
    levels[k * ps.nComp + on] = -1;
    counts[k] = ps.counts[p];
  });
  return { levels, counts, nComp: ps.nComp };
}

/** Expected matches among the candidate pairs under m/u (λ by EM with m and u fixed). */
function expectedMatches(ps: PatternSet, prior: number, m: number[][], u: number[][]): number {
  const r = runEm(ps, { prior, m, u }, { mode: 'prior', trainable: m.map(() => false) });
  return r.prior * ps.counts.reduce((a, v) => a + v, 0);
}

export interface EmReport {
  sessions: Array<{ on: string; pairs: number; iterations: number; converged: boolean }>;
  /** Comparisons whose m was re-estimated (the others kept the model's). */
  estimated: string[];
  expectedMatches: number;
  shippedExpectedMatches: number;
  /** Why the model's m were kept, when they were. */
  fallback?: string;
}

/**
 * m ← EM on the candidate pairs with u fixed, in Splink's way: several sessions, each on the pairs
 * that agree on one strong comparison (whose m is held fixed there), the others' m estimated with a
 * Dirichlet prior at the model's values and bounded (m ≥ u on the best level, m ≤ u on the worst);
 * each comparison's m is the mean over the sessions that estimated it. When the data cannot support
 * the fit (no session converges, or the fit expects far fewer or more matches than the model does:
 * the sign of EM locking onto siblings or one surname), the model's m are kept and the report says so.
 * Each session holds λ at the matches the model expects there, and leaves 2-level comparisons (sex,
 * language) out of the posteriors. `opts` is for experiments: which sessions, the prior's strength,
 * which comparisons stay silent, and `keep` to apply a fit the guard would refuse.
 */
export function estimateM(
  e: LinkEngine,
  opts: { sessions?: string[]; strength?: number; keep?: boolean; silent?: string[] } = {},
): EmReport {
  const cs = e.model.comparisons;
  const ps = patternSet(e, e.counts);
  const m0 = cs.map((c) => c.levels.map((l) => l.m));
  const u = cs.map((c) => c.levels.map((l) => l.u));
  const prior = Math.min(0.5, Math.max(0.001, (e.rightCount * e.model.matchRate) / Math.max(1, e.pairCount)));
  const strength = opts.strength ?? Math.max(50, e.rightCount * e.model.matchRate);
  // Sessions: the three trainable comparisons whose best level weighs most.
  const order = opts.sessions
    ? opts.sessions.map((id) => cs.findIndex((c) => c.id === id)).filter((k) => k >= 0)
    : cs
        .map((c, k) => ({ k, w: Math.log2(m0[k][0] / u[k][0]) }))
        .filter(({ k }) => cs[k].train && cs[k].levels.length > 2)
        .sort((a, b) => b.w - a.w)
        .slice(0, 3)
        .map((x) => x.k);
  const sum = cs.map((c) => c.levels.map(() => 0));
  const n = cs.map(() => 0);
  const report: EmReport = { sessions: [], estimated: [], expectedMatches: 0, shippedExpectedMatches: 0 };
  for (const on of order) {
    const sps = sessionPatterns(ps, on);
    const pairs = sps.counts.reduce((a, v) => a + v, 0);
    if (pairs < 200) continue;
    const trainable = cs.map((c, k) => c.train && k !== on);
    // λ of the session: the matches the model expects, times the share of them that agree on `on`.
    const expected = e.rightCount * e.model.matchRate * (m0[on][0] + m0[on][1]);
    const sPrior = Math.min(0.95, Math.max(0.001, expected / pairs));
    const res = runEm(
      sps,
      { prior: sPrior, m: m0, u },
      {
        mode: 'm',
        trainable,
        silent: cs.map((c) => (opts.silent ? opts.silent.includes(c.id) : c.levels.length <= 2)),
        mPrior: { m0, strength },
        bounds: true,
        fixPrior: true,
        maxIterations: 200,
      },
    );
    report.sessions.push({ on: cs[on].id, pairs, iterations: res.iterations, converged: res.converged });
    if (!res.converged) continue;
    trainable.forEach((t, k) => {
      if (!t) return;
      n[k]++;
      res.m[k].forEach((v, l) => (sum[k][l] += v));
    });
  }
  const fitted = m0.map((row, k) =>
    n[k]
      ? boundM(
          sum[k].map((v) => v / n[k]),
          u[k],
        )
      : row,
  );
  report.estimated = cs.filter((_, k) => n[k] > 0).map((c) => c.id);
  report.shippedExpectedMatches = Math.round(expectedMatches(ps, prior, m0, u));
  report.expectedMatches = Math.round(expectedMatches(ps, prior, fitted, u));
  const ratio = report.expectedMatches / Math.max(1, report.shippedExpectedMatches);
  if (!report.estimated.length) report.fallback = 'no EM session converged on enough pairs';
  // The bound is a judgement from measured fits (docs/LINKAGE.md, v1.10): fits that helped expected
  // 0.88× (FEBRL4 as person records) and 1.0× (FEBRL4) the model's matches; fits that hurt or had
  // nothing to find 1.99× (two unrelated sets), 2.4× and 3.2× (holdout dev), 12× (linkage-eval test).
  else if (ratio < 2 / 3 || ratio > 1.5)
    report.fallback = `the fit expects ${report.expectedMatches} matches where the model expects ${report.shippedExpectedMatches}`;
  if (opts.keep) report.fallback = undefined;
  if (!report.fallback)
    cs.forEach((c, k) =>
      c.levels.forEach((l, x) => {
        l.m = fitted[k][x];
      }),
    );
  return report;
}

/** One line for stderr saying what EM did. */
export function emSummary(r: EmReport): string {
  const s = r.sessions
    .map((x) => `${x.on}: ${x.pairs} pairs, ${x.iterations} iterations${x.converged ? '' : ' (not converged)'}`)
    .join('; ');
  return r.fallback
    ? `EM could not re-estimate m on this data (${r.fallback}); kept the model's m. Sessions: ${s}`
    : `EM re-estimated m for ${r.estimated.join(', ')} (sessions ${s}); expected matches ${r.expectedMatches} (model's m: ${r.shippedExpectedMatches})`;
}

/** Match rate ← fixed point of "expected matches = sum of posteriors over candidate pairs". */
export function estimateMatchRate(e: LinkEngine, iterations = 100): number {
  e.setWeights();
  const ps = patternSet(e, e.counts);
  const pw = new Float64Array(ps.counts.length);
  for (let p = 0; p < pw.length; p++) pw[p] = e.weightOfLevels(ps.levels.subarray(p * ps.nComp, (p + 1) * ps.nComp));
  const nR = Math.max(1, e.rightCount);
  let it = 0;
  for (; it < iterations; it++) {
    const prior = e.pairPrior;
    const lp = Math.log2(prior / (1 - prior));
    let sum = 0;
    for (let p = 0; p < pw.length; p++) sum += ps.counts[p] / (1 + 2 ** -(pw[p] + lp));
    const next = Math.min(1, Math.max(1e-4, sum / nR));
    const done = Math.abs(next - e.model.matchRate) < 1e-6;
    e.model.matchRate = next;
    if (done) break;
  }
  e.setWeights();
  return it;
}

/** m ← level frequencies among known true pairs (left index, right index). */
export function fitLabelled(e: LinkEngine, truePairs: ReadonlyArray<[number, number]>): void {
  const m = frequencies(e, truePairs);
  e.model.comparisons.forEach((c, k) => {
    if (c.train)
      c.levels.forEach((l, x) => {
        l.m = m[k][x];
      });
  });
  e.model.matchRate = Math.min(1, truePairs.length / Math.max(1, e.rightCount));
  e.setWeights();
}

/** Applies the engine's train option after compare(). */
export function train(e: LinkEngine, opts: { skipU?: boolean } = {}): void {
  const mode = e.opts.train ?? 'prior';
  if ((mode === 'u' || mode === 'full') && !opts.skipU) estimateU(e);
  if (mode === 'full') {
    e.setWeights();
    const r = estimateM(e);
    e.emIterations = r.sessions.reduce((a, x) => a + x.iterations, 0);
    e.trainingNotes.push(emSummary(r));
    // m and u are one model: when EM cannot fit m to this data, this data's u beside the model's m
    // mixes two populations (on the holdout set it scored below `--train prior`). Keep the model whole.
    // (With workers, u was estimated in an earlier step on this engine: `modelUOf` still has the model's.)
    const modelU = modelUOf.get(e);
    if (r.fallback && modelU) {
      e.model.comparisons.forEach((c, k) => c.levels.forEach((l, x) => (l.u = modelU[k][x])));
      e.trainingNotes.push("kept the model's u as well: --train full ran as --train prior");
    }
  }
  // A few hundred pairs say little about the match rate; keep the model's.
  if (mode !== 'none' && e.pairCount >= 1000) estimateMatchRate(e);
  e.setWeights();
}
