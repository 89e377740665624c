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
