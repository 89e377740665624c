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
}

const clampP = (p: number) => Math.min(1 - 1e-9, Math.max(1e-9, p));

export function runEm(ps: PatternSet, init: EmParams, opts: EmOptions): EmParams & { iterations: number } {
  const { levels, counts, nComp } = ps;
  const nPat = counts.length;
  let prior = init.prior;
  const m = init.m.map((r) => r.slice());
  const u = init.u.map((r) => r.slice());
  const maxIt = opts.maxIterations ?? (opts.mode === 'prior' ? 200 : 100);
  const tol = opts.tolerance ?? 1e-6;
  let it = 0;
  for (; it < maxIt; it++) {
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
        if (l >= 0) {
          a += logM[c][l];
          b += logU[c][l];
        }
      }
      const post = 1 / (1 + Math.exp(b - a));
      const n = counts[p];
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
    const newPrior = clampP(sumPost / Math.max(total, 1));
    let delta = Math.abs(newPrior - prior);
    prior = newPrior;
    if (opts.mode !== 'prior') {
      for (let c = 0; c < nComp; c++) {
        if (!opts.trainable[c]) continue;
        const L = m[c].length;
        const sm = accM[c].reduce((s, v) => s + v, 0),
          su = accU[c].reduce((s, v) => s + v, 0);
        // A small pseudo-count keeps unseen levels finite (a zero m would veto a match forever).
        for (let l = 0; l < L; l++) {
          const nm = clampP((accM[c][l] + 0.5) / (sm + 0.5 * L));
          const nu = opts.mode === 'full' ? clampP((accU[c][l] + 0.5) / (su + 0.5 * L)) : u[c][l];
          delta = Math.max(delta, Math.abs(nm - m[c][l]), Math.abs(nu - u[c][l]));
          m[c][l] = nm;
          u[c][l] = nu;
        }
      }
    }
    if (delta < tol) {
      it++;
      break;
    }
  }
  return { prior, m, u, iterations: it };
}
