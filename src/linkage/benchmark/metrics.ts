// Accuracy of a linkage against known truth: precision/recall/F1 at a threshold, top-k recall,
// and reliability bins that show whether the probabilities mean what they say.

export interface ScoredLink {
  leftId: string;
  rightId: string;
  probability: number;
}

export interface ReliabilityBin {
  lo: number;
  hi: number;
  pairs: number;
  meanPredicted: number;
  observedRate: number;
}

export interface Metrics {
  truePairs: number;
  predicted: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
  topKRecall: number;
  bins: ReliabilityBin[];
}

/** links: each right record's top-k candidates (any order); truth: right id → left id. */
export function evaluate(links: readonly ScoredLink[], truth: ReadonlyMap<string, string>, threshold = 0.5): Metrics {
  let predicted = 0,
    tp = 0;
  const inTopK = new Set<string>();
  const edges = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0000001];
  const bins = edges.slice(0, -1).map((lo, k) => ({ lo, hi: Math.min(1, edges[k + 1]), pairs: 0, sumP: 0, hits: 0 }));
  for (const l of links) {
    const isTrue = truth.get(l.rightId) === l.leftId;
    if (isTrue) inTopK.add(l.rightId);
    if (l.probability >= threshold) {
      predicted++;
      if (isTrue) tp++;
    }
    const b = bins[Math.min(bins.length - 1, Math.floor(l.probability * 10))];
    b.pairs++;
    b.sumP += l.probability;
    if (isTrue) b.hits++;
  }
  const truePairs = truth.size;
  const precision = predicted ? tp / predicted : 1;
  const recall = truePairs ? tp / truePairs : 1;
  return {
    truePairs,
    predicted,
    truePositives: tp,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    topKRecall: truePairs ? inTopK.size / truePairs : 1,
    bins: bins.map((b) => ({
      lo: b.lo,
      hi: b.hi,
      pairs: b.pairs,
      meanPredicted: b.pairs ? b.sumP / b.pairs : 0,
      observedRate: b.pairs ? b.hits / b.pairs : 0,
    })),
  };
}

/** Expected calibration error over the bins (pair-weighted |predicted − observed|). */
export function calibrationError(bins: readonly ReliabilityBin[]): number {
  const n = bins.reduce((s, b) => s + b.pairs, 0);
  return n ? bins.reduce((s, b) => s + b.pairs * Math.abs(b.meanPredicted - b.observedRate), 0) / n : 0;
}

export function formatMetrics(m: Metrics): string {
  const lines = [
    `precision ${m.precision.toFixed(4)}  recall ${m.recall.toFixed(4)}  F1 ${m.f1.toFixed(4)}  top-k recall ${m.topKRecall.toFixed(4)}  (true pairs ${m.truePairs}, predicted ${m.predicted})`,
    'reliability: bin  pairs  mean-predicted  observed',
    ...m.bins
      .filter((b) => b.pairs > 0)
      .map(
        (b) =>
          `  ${b.lo.toFixed(1)}-${b.hi.toFixed(1)}  ${String(b.pairs).padStart(7)}  ${b.meanPredicted.toFixed(3)}  ${b.observedRate.toFixed(3)}`,
      ),
  ];
  return lines.join('\n');
}
