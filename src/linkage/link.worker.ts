// Worker side of a parallel link: builds the same engine as the main thread would, compares its
// share of right records, and later scores them with the parameters trained on all shares.
import { parentPort } from 'node:worker_threads';
import { explain, LinkEngine, type EngineOptions } from './engine';
import type { Model } from './model';
import type { Table } from './record';
import { estimateU, train } from './training';

export type WorkerRequest =
  | { type: 'init'; left: Table; right: Table; model: Model; opts: Pick<EngineOptions, 'train' | 'tfClamp'>; estimateU: boolean }
  | { type: 'train'; counts: Array<[number, number]>; tfSums: number[][]; tfCounts: number[][]; totalPairs: number; totalRight: number }
  | { type: 'score'; model: Model; topK: number; threshold: number; oneToOne: boolean; explain: boolean };

export interface ScoredShare {
  right: Int32Array; left: Int32Array; probability: Float64Array; weight: Float64Array; explanation: string[];
}

let engine: LinkEngine | null = null;

function sumInto(acc: number[][], add: number[][]): void {
  add.forEach((row, t) => row.forEach((v, l) => { acc[t][l] += v; }));
}

parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'init') {
    engine = new LinkEngine(msg.model, msg.left, msg.right, { train: msg.opts.train, tfClamp: msg.opts.tfClamp });
    const counts = engine.compare();
    if (msg.estimateU) estimateU(engine);
    parentPort!.postMessage({
      type: 'compared', counts: [...counts], tfSums: engine.tfSums, tfCounts: engine.tfCounts, pairs: engine.pairCount,
      stats: engine.ruleStats, upperBound: engine.block.pairUpperBound, warnings: engine.block.warnings(),
      u: msg.estimateU ? engine.model.comparisons.map((c) => c.levels.map((l) => l.u)) : null,
    });
  } else if (msg.type === 'train') {
    const e = engine!;
    e.counts = new Map(msg.counts);
    e.totalPairs = msg.totalPairs;
    e.totalRight = msg.totalRight;
    const sums = msg.tfSums.map((r) => r.map(() => 0)), ns = msg.tfCounts.map((r) => r.map(() => 0));
    sumInto(sums, msg.tfSums); sumInto(ns, msg.tfCounts);
    e.centreTf(sums, ns);
    // This worker already estimated u in the init step, from random pairs over all records.
    train(e, { skipU: true });
    parentPort!.postMessage({ type: 'trained', model: e.model, emIterations: e.emIterations });
  } else if (msg.type === 'score') {
    const e = engine!;
    Object.assign(e.model, structuredClone(msg.model));
    e.setWeights();
    const right: number[] = [], left: number[] = [], prob: number[] = [], weight: number[] = [], text: string[] = [];
    for (let j = 0; j < e.right.ids.length; j++) {
      const { pairs, probs } = e.topPairs(j, msg.topK, msg.threshold, msg.oneToOne);
      pairs.forEach((p, x) => {
        right.push(j); left.push(e.leftOf[p]); prob.push(probs[x]); weight.push(e.weight(p, j));
        if (msg.explain) text.push(explain(e.fields(p, j)));
      });
    }
    const share: ScoredShare = {
      right: Int32Array.from(right), left: Int32Array.from(left), probability: Float64Array.from(prob), weight: Float64Array.from(weight), explanation: text,
    };
    parentPort!.postMessage({ type: 'scored', share }, [share.right.buffer, share.left.buffer, share.probability.buffer, share.weight.buffer] as ArrayBuffer[]);
  }
});
