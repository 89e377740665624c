// De-duplication: link a file with itself, then cluster pairs at ≥ 0.5 without chaining —
// two clusters merge only if no compared pair between them says "different child".
import { LinkEngine, type EngineOptions } from './engine';
import { defaultModel, type Model } from './model';
import { personTable, type PersonRecord, type Table } from './record';
import { train } from './training';

export interface DedupeResult {
  /** One entry per record, in input order; cluster_id is the first member's id. */
  clusters: Array<{ id: string; clusterId: string }>;
  pairs: Array<{ a: string; b: string; probability: number }>;
}

export interface DedupeOptions extends EngineOptions {
  threshold?: number;
  /** A pair below this probability vetoes merging the clusters of its two records. */
  veto?: number;
}

export function dedupeTable(t: Table, model: Model = defaultModel(), opts: DedupeOptions = {}): DedupeResult {
  const e = new LinkEngine(model, t, t, { ...opts, dedupe: true });
  e.compare();
  train(e);
  const threshold = opts.threshold ?? 0.5,
    veto = opts.veto ?? 0.05;
  const n = t.ids.length;
  const edges: Array<[number, number, number]> = [];
  const score = new Map<number, number>();
  for (let j = 0; j < n; j++) {
    for (let p = e.rOff[j]; p < e.rOff[j + 1]; p++) {
      const i = e.leftOf[p];
      const prob = e.probability(e.weight(p, j));
      score.set(i * n + j, prob);
      if (prob >= threshold) edges.push([i, j, prob]);
    }
  }
  edges.sort((x, y) => y[2] - x[2]);
  const parent = Int32Array.from({ length: n }, (_, k) => k);
  const members = new Map<number, number[]>();
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const list = (r: number) => members.get(r) ?? [r];
  for (const [i, j] of edges) {
    const a = find(i),
      b = find(j);
    if (a === b) continue;
    const ma = list(a),
      mb = list(b);
    let ok = true;
    for (const x of ma) {
      for (const y of mb) {
        const s = score.get(Math.min(x, y) * n + Math.max(x, y));
        if (s !== undefined && s < veto) {
          ok = false;
          break;
        }
      }
      if (!ok) break;
    }
    if (!ok) continue;
    parent[b] = a;
    members.set(a, ma.concat(mb));
    members.delete(b);
  }
  const first = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const r = find(k);
    if (!first.has(r)) first.set(r, k);
  }
  return {
    clusters: t.ids.map((id, k) => ({ id, clusterId: t.ids[first.get(find(k))!] })),
    pairs: edges.map(([i, j, p]) => ({ a: t.ids[i], b: t.ids[j], probability: p })),
  };
}

/** Groups records that describe the same child. */
export function dedupeRecords(records: readonly PersonRecord[], model: Model = defaultModel(), opts: DedupeOptions = {}): DedupeResult {
  return dedupeTable(personTable(records), model, opts);
}
