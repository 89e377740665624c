import { describe, expect, it } from 'vitest';
import { boundM, runEm, type PatternSet } from './em';

// The estimator, not the matcher: pairs drawn from a Fellegi–Sunter model with known m, u and λ
// must give those parameters back.
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const draw = (p: number[], r: () => number) => {
  let x = r();
  for (let l = 0; l < p.length; l++) if ((x -= p[l]) < 0) return l;
  return p.length - 1;
};

const TRUE = {
  prior: 0.1,
  m: [
    [0.7, 0.2, 0.1],
    [0.6, 0.3, 0.1],
    [0.8, 0.15, 0.05],
    [0.9, 0.1],
  ],
  u: [
    [0.05, 0.15, 0.8],
    [0.1, 0.2, 0.7],
    [0.02, 0.08, 0.9],
    [0.5, 0.5],
  ],
};

function sample(n: number, seed: number): PatternSet {
  const r = rng(seed);
  const nComp = TRUE.m.length;
  const counts = new Map<string, number>();
  for (let k = 0; k < n; k++) {
    const match = r() < TRUE.prior;
    const ls = TRUE.m.map((_, c) => draw(match ? TRUE.m[c] : TRUE.u[c], r));
    const key = ls.join(',');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const keys = [...counts.keys()];
  const levels = new Int8Array(keys.length * nComp);
  keys.forEach((key, p) => key.split(',').forEach((l, c) => (levels[p * nComp + c] = Number(l))));
  return { levels, counts: Float64Array.from(keys.map((k) => counts.get(k)!)), nComp };
}

const flat = (xs: number[][]) => xs.flat();

describe('runEm', () => {
  const ps = sample(200_000, 7);
  const start = {
    prior: 0.3,
    m: TRUE.m.map((r) => r.map(() => 1 / r.length)).map((r) => r.map((v, l) => (l === 0 ? v + 0.2 : v - 0.2 / (r.length - 1)))),
    u: TRUE.u.map((r) => r.map(() => 1 / r.length)),
  };

  it('recovers known m, u and λ from unlabelled pairs (full EM)', () => {
    const res = runEm(ps, start, { mode: 'full', trainable: TRUE.m.map(() => true), maxIterations: 2000, tolerance: 1e-8 });
    expect(res.converged).toBe(true);
    expect(res.prior).toBeCloseTo(TRUE.prior, 2);
    flat(res.m).forEach((v, i) => expect(Math.abs(v - flat(TRUE.m)[i])).toBeLessThan(0.03));
    flat(res.u).forEach((v, i) => expect(Math.abs(v - flat(TRUE.u)[i])).toBeLessThan(0.01));
  });

  it('recovers m with u fixed from random pairs, with bounds and a weak prior', () => {
    const res = runEm(
      ps,
      { prior: 0.3, m: start.m, u: TRUE.u },
      {
        mode: 'm',
        trainable: TRUE.m.map(() => true),
        bounds: true,
        mPrior: { m0: start.m, strength: 50 },
        maxIterations: 2000,
        tolerance: 1e-8,
      },
    );
    expect(res.converged).toBe(true);
    flat(res.m).forEach((v, i) => expect(Math.abs(v - flat(TRUE.m)[i])).toBeLessThan(0.03));
  });

  it('a fixed λ stays where it was put', () => {
    const res = runEm(ps, { prior: 0.2, m: TRUE.m, u: TRUE.u }, { mode: 'm', trainable: TRUE.m.map(() => true), fixPrior: true });
    expect(res.prior).toBe(0.2);
  });

  it('reports a run that did not converge', () => {
    const res = runEm(ps, start, { mode: 'full', trainable: TRUE.m.map(() => true), maxIterations: 2 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(2);
  });
});

describe('boundM', () => {
  it('keeps m ≥ u on the best level and m ≤ u on the worst, summing to 1', () => {
    const b = boundM([0.01, 0.09, 0.9], [0.05, 0.15, 0.8]);
    expect(b[0]).toBeGreaterThanOrEqual(0.05);
    expect(b[2]).toBeLessThanOrEqual(0.8);
    expect(b.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
  });
  it('leaves parameters inside the bounds alone', () => {
    const b = boundM([0.7, 0.2, 0.1], [0.05, 0.15, 0.8]);
    [0.7, 0.2, 0.1].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 6));
  });
});
