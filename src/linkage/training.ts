// Parameter estimation, Splink-style: u from random pairs (nearly all non-matches), m by EM on
// the blocked candidate pairs with u held fixed, and the match rate by EM over all pairs
// (pairs outside the blocks count as non-matches). Or m from labelled pairs when truth is known.
import { Rng } from './benchmark/noise';
import { runEm, type PatternSet } from './em';
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

/** u ← level frequencies among random pairs. Needs enough records that random pairs are non-matches. */
export function estimateU(e: LinkEngine, samples = 100_000, seed = 42): void {
  const total = e.left.ids.length * e.right.ids.length;
  const u = frequencies(e, randomPairs(e, Math.min(samples, Math.max(1000, total * 2)), seed));
  e.model.comparisons.forEach((c, k) => {
    if (c.train)
      c.levels.forEach((l, x) => {
        l.u = u[k][x];
      });
  });
}

/** m ← EM on the candidate pairs with u fixed. */
export function estimateM(e: LinkEngine): number {
  const cs = e.model.comparisons;
  const res = runEm(
    patternSet(e, e.counts),
    {
      prior: Math.min(0.5, Math.max(0.001, (e.rightCount * e.model.matchRate) / Math.max(1, e.pairCount))),
      m: cs.map((c) => c.levels.map((l) => l.m)),
      u: cs.map((c) => c.levels.map((l) => l.u)),
    },
    { mode: 'm', trainable: cs.map((c) => c.train) },
  );
  cs.forEach((c, k) =>
    c.levels.forEach((l, x) => {
      l.m = res.m[k][x];
    }),
  );
  return res.iterations;
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
    e.emIterations = estimateM(e);
  }
  // A few hundred pairs say little about the match rate; keep the model's.
  if (mode !== 'none' && e.pairCount >= 1000) estimateMatchRate(e);
  e.setWeights();
}
