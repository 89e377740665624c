// Expectation–maximisation for the Fellegi–Sunter model, run on the distinct comparison
// patterns of the candidate pairs with their counts (thousands of patterns stand for millions of pairs).

export interface PatternSet {
  /** levels[p * nComp + c]: level of comparison c in pattern p, -1 when null. */
  levels: Int8Array;
  counts: Float64Array;
  nComp: number;
}

export interface EmParams {
  prior: number;
  m: number[][];
  u: number[][];
}

export interface EmOptions {
  /** 'prior': only λ moves; 'm': λ and m move, u stays (estimated from random pairs); 'full': all move. */
  mode: 'prior' | 'm' | 'full';
  trainable: boolean[];
  maxIterations?: number;
  tolerance?: number;
  /**
   * Dirichlet prior on m (MAP estimate): `strength` pseudo-pairs spread as `m0`. Keeps a comparison
   * the data says little about near its shipped values instead of letting it drift to a degenerate fit.
   */
  mPrior?: { m0: number[][]; strength: number };
  /**
   * Comparisons estimated from the posteriors but left out of them (the E-step): fields that agree
   * by tradition rather than by identity (sex, language) would otherwise pull the match class onto
   * pairs that merely share a community.
   */
  silent?: boolean[];
  /** Hold λ at its starting value (the class sizes), so the match class cannot absorb the blocked non-matches. */
  fixPrior?: boolean;
  /** Keep agreement meaning agreement: m ≥ u on the first (best) level, m ≤ u on the last (worst). */
  bounds?: boolean;
}

/** Projects one comparison's m onto the bounds: m ≥ u at the best level, m ≤ u at the worst, sum 1. */
export function boundM(m: number[], u: readonly number[]): number[] {
  const L = m.length;
  const out = m.slice();
  if (out[0] < u[0]) out[0] = Math.min(0.999, u[0] * 1.05);
  if (out[L - 1] > u[L - 1]) out[L - 1] = u[L - 1] * 0.95;
  // Rescale the middle levels so the row sums to 1 (the two ends as fixed above).
  const ends = out[0] + (L > 1 ? out[L - 1] : 0);
  const mid = out.slice(1, L - 1).reduce((a, v) => a + v, 0);
  if (L > 2 && mid > 0) for (let l = 1; l < L - 1; l++) out[l] = (out[l] * Math.max(1e-6, 1 - ends)) / mid;
  else if (L === 2) out[1] = 1 - out[0];
  return out.map(clampP);
}

export interface EmResult extends EmParams {
  iterations: number;
  converged: boolean;
  /** Log-likelihood of the pattern counts under the final parameters (natural log). */
  logLik: number;
}

const clampP = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

export function runEm(ps: PatternSet, init: EmParams, opts: EmOptions): EmResult {
  const { levels, counts, nComp } = ps;
  const nPat = counts.length;
  let prior = init.prior;
  const m = init.m.map((r) => r.slice());
  const u = init.u.map((r) => r.slice());
  const maxIt = opts.maxIterations ?? (opts.mode === 'prior' ? 200 : 100);
  const tol = opts.tolerance ?? 1e-6;
  let it = 0;
  let converged = false;
  let logLik = -Infinity;
  for (; it < maxIt; it++) {
    let ll = 0;
    const logM = m.map((r) => r.map((v) => Math.log(clampP(v))));
    const logU = u.map((r) => r.map((v) => Math.log(clampP(v))));
    const accM = m.map((r) => new Float64Array(r.length));
    const accU = u.map((r) => new Float64Array(r.length));
    let sumPost = 0,
      total = 0;
    const lp = Math.log(clampP(prior)),
      lq = Math.log(clampP(1 - prior));
    for (let p = 0; p < nPat; p++) {
      let a = lp,
        b = lq;
      const base = p * nComp;
      for (let c = 0; c < nComp; c++) {
        const l = levels[base + c];
        if (l >= 0 && !opts.silent?.[c]) {
          a += logM[c][l];
          b += logU[c][l];
        }
      }
      const post = 1 / (1 + Math.exp(b - a));
      const n = counts[p];
      ll += n * (Math.max(a, b) + Math.log1p(Math.exp(-Math.abs(a - b))));
      sumPost += n * post;
      total += n;
      if (opts.mode !== 'prior') {
        for (let c = 0; c < nComp; c++) {
          const l = levels[base + c];
          if (l >= 0) {
            accM[c][l] += n * post;
            accU[c][l] += n * (1 - post);
          }
        }
      }
    }
    const newPrior = opts.fixPrior ? prior : clampP(sumPost / Math.max(total, 1));
    let delta = Math.abs(newPrior - prior);
    prior = newPrior;
    if (opts.mode !== 'prior') {
      for (let c = 0; c < nComp; c++) {
        if (!opts.trainable[c]) continue;
        const L = m[c].length;
        const sm = accM[c].reduce((s, v) => s + v, 0),
          su = accU[c].reduce((s, v) => s + v, 0);
        const k = opts.mPrior?.strength ?? 0;
        const m0 = opts.mPrior?.m0[c];
        // A small pseudo-count keeps unseen levels finite (a zero m would veto a match forever).
        let row = Array.from({ length: L }, (_, l) => clampP((accM[c][l] + 0.5 + (m0 ? k * m0[l] : 0)) / (sm + 0.5 * L + (m0 ? k : 0))));
        if (opts.bounds) row = boundM(row, u[c]);
        for (let l = 0; l < L; l++) {
          const nm = row[l];
          const nu = opts.mode === 'full' ? clampP((accU[c][l] + 0.5) / (su + 0.5 * L)) : u[c][l];
          delta = Math.max(delta, Math.abs(nm - m[c][l]), Math.abs(nu - u[c][l]));
          m[c][l] = nm;
          u[c][l] = nu;
        }
      }
    }
    logLik = ll;
    if (delta < tol) {
      it++;
      converged = true;
      break;
    }
  }
  return { prior, m, u, iterations: it, converged, logLik };
}
