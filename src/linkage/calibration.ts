// Score → probability calibration fitted on held-out labelled pairs (the review queue's decisions, or
// a labelled set), and the words reviewers see beside the number.

/** A monotone step map from a raw probability to the observed match rate (isotonic regression). */
export interface IsotonicMap {
  /** Upper ends of the steps (ascending) and the calibrated probability of each step. */
  x: number[];
  y: number[];
}

/**
 * Pool-adjacent-violators: the non-decreasing step function closest (least squares) to the labels.
 * `minPerStep` pairs per step keep a few lucky pairs from making a step of 0 or 1.
 */
export function fitIsotonic(scores: readonly number[], labels: readonly boolean[], minPerStep = 20): IsotonicMap {
  const idx = scores.map((_, i) => i).sort((a, b) => scores[a] - scores[b]);
  const blocks: { hi: number; sum: number; n: number }[] = [];
  for (const i of idx) {
    blocks.push({ hi: scores[i], sum: labels[i] ? 1 : 0, n: 1 });
    for (;;) {
      const k = blocks.length;
      if (k < 2) break;
      const a = blocks[k - 2],
        b = blocks[k - 1];
      if (a.sum / a.n >= b.sum / b.n || a.n < minPerStep) {
        blocks.splice(k - 2, 2, { hi: b.hi, sum: a.sum + b.sum, n: a.n + b.n });
      } else break;
    }
  }
  // A short last block joins its neighbour.
  while (blocks.length > 1 && blocks[blocks.length - 1].n < minPerStep) {
    const b = blocks.pop()!,
      a = blocks.pop()!;
    blocks.push({ hi: b.hi, sum: a.sum + b.sum, n: a.n + b.n });
  }
  return { x: blocks.map((b) => b.hi), y: blocks.map((b) => b.sum / b.n) };
}

export function applyIsotonic(map: IsotonicMap, p: number): number {
  if (!map.x.length) return p;
  let lo = 0,
    hi = map.x.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (map.x[mid] >= p) hi = mid;
    else lo = mid + 1;
  }
  return map.y[lo];
}

/** Expected calibration error over 10 equal-width bins. */
export function expectedCalibrationError(probs: readonly number[], labels: readonly boolean[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, y: 0 }));
  probs.forEach((p, i) => {
    const b = bins[Math.min(9, Math.floor(p * 10))];
    b.n++;
    b.p += p;
    b.y += labels[i] ? 1 : 0;
  });
  return bins.reduce((s, b) => s + (b.n ? (b.n / probs.length) * Math.abs(b.p / b.n - b.y / b.n) : 0), 0);
}

export type Band = 'strong' | 'likely' | 'possible' | 'weak';

/**
 * The words a reviewer sees with a calibrated probability: a number alone reads as more certain than it
 * is. Cut points are on the calibrated scale (0.9: nine in ten such proposals were right on held-out data).
 */
export function band(p: number): Band {
  return p >= 0.9 ? 'strong' : p >= 0.7 ? 'likely' : p >= 0.4 ? 'possible' : 'weak';
}

/** The same cut points as ranges, for a screen that explains them. */
export const BANDS: readonly { band: Band; from: number; to: number }[] = [
  { band: 'strong', from: 0.9, to: 1 },
  { band: 'likely', from: 0.7, to: 0.9 },
  { band: 'possible', from: 0.4, to: 0.7 },
  { band: 'weak', from: 0, to: 0.4 },
];

/**
 * Platt scaling p = 1/(1 + 2^-(scale·x + shift)) of log2 odds x, as Platt (1999) wrote it: targets
 * (N₊+1)/(N₊+2) and 1/(N₋+2) instead of 1 and 0, and Newton steps halved until the loss falls, so
 * decisions that separate cleanly (reviewers rarely see a hard case) give a finite, stable fit.
 */
export function fitPlattSmoothed(x: readonly number[], y: readonly boolean[]): { scale: number; shift: number } {
  const np = y.filter(Boolean).length,
    nn = y.length - np;
  const tPos = (np + 1) / (np + 2),
    tNeg = 1 / (nn + 2);
  const L = Math.LN2;
  const loss = (a: number, b: number) => {
    let s = 0;
    for (let k = 0; k < x.length; k++) {
      const z = (a * x[k] + b) * L;
      const t = y[k] ? tPos : tNeg;
      // log(1 + e^-z) and log(1 + e^z), stable for large |z|.
      const lp = Math.max(0, -z) + Math.log1p(Math.exp(-Math.abs(z)));
      const ln = Math.max(0, z) + Math.log1p(Math.exp(-Math.abs(z)));
      s += t * lp + (1 - t) * ln;
    }
    return s;
  };
  let a = 1,
    b = 0,
    f = loss(a, b);
  for (let it = 0; it < 100; it++) {
    let ga = 0,
      gb = 0,
      haa = 1e-9,
      hab = 0,
      hbb = 1e-9;
    for (let k = 0; k < x.length; k++) {
      const p = 1 / (1 + Math.exp(-(a * x[k] + b) * L));
      const r = p - (y[k] ? tPos : tNeg),
        w = Math.max(1e-12, p * (1 - p));
      ga += r * x[k] * L;
      gb += r * L;
      haa += w * x[k] * x[k] * L * L;
      hab += w * x[k] * L * L;
      hbb += w * L * L;
    }
    const det = haa * hbb - hab * hab;
    const da = (hbb * ga - hab * gb) / det,
      db = (haa * gb - hab * ga) / det;
    let step = 1;
    while (step > 1e-10) {
      const na = a - step * da,
        nb = b - step * db,
        nf = loss(na, nb);
      if (nf <= f) {
        a = na;
        b = nb;
        f = nf;
        break;
      }
      step /= 2;
    }
    if (step <= 1e-10 || Math.abs(step * da) + Math.abs(step * db) < 1e-9) break;
  }
  return { scale: Math.max(0.05, a), shift: b };
}
