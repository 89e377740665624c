// Worker side of a parallel link: builds the same engine as the main thread would, compares its
// share of right records, and later scores them with the parameters trained on all shares.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { clearNameMemos } from '../names';
import { buildLeftBlocks, mergeLeftBlocks, type LeftBlocks } from './blocking';
import { LinkEngine, prepareLeftFeatures, type EngineOptions, type PreparedLeft } from './engine';
import type { Model } from './model';
import type { Table } from './record';
import { estimateU, train } from './training';

export type WorkerRequest =
  | {
      type: 'prepareLeft';
      left: Table;
      model: Model;
      /** This worker prepares the left features (one worker does), before taking rules. */
      features: boolean;
      /** Rules handed out so far, shared by the workers (null: this worker indexes every rule). */
      nextRule: Int32Array | null;
    }
  | {
      type: 'init';
      /** null: the table this worker was given in 'prepareLeft'. */
      left: Table | null;
      /** null: the features this worker prepared itself. */
      features: Pick<PreparedLeft, 'features' | 'states'> | null;
      /** Every worker's left blocks, in worker order; null: this worker's own. */
      blocks: Array<LeftBlocks | null>;
      right: Table;
      model: Model;
      opts: Pick<EngineOptions, 'train' | 'tfClamp'>;
      estimateU: boolean;
    }
  | { type: 'train'; counts: Array<[number, number]>; tfSums: number[][]; tfCounts: number[][]; totalPairs: number; totalRight: number }
  | { type: 'score'; model: Model; topK: number; threshold: number; oneToOne: boolean; explain: boolean };

/**
 * One worker's output rows. Explanations travel as numbers — per row, each comparison's level
 * (-1: a value missing) and weight, row-major — and become text only as the rows are written
 * (`shareExplanation`): a million explanation strings held in a worker, copied to the main
 * thread and held there again took a quarter of the peak memory at 2 lakh × 2 lakh.
 */
export interface ScoredShare {
  right: Int32Array;
  left: Int32Array;
  probability: Float64Array;
  weight: Float64Array;
  /** Comparisons per row in levels/fieldWeights; 0 when explanations were not asked for. */
  comparisons: number;
  levels: Int8Array;
  fieldWeights: Float64Array;
}

/** A worker's steps since its last reply, as [step, start, end] in ms since the epoch (one clock for all threads). */
export type Steps = Array<[string, number, number]>;
let steps: Steps = [];
const now = () => performance.timeOrigin + performance.now();
function timed<T>(step: string, f: () => T): T {
  const a = now();
  const r = f();
  steps.push([step, a, now()]);
  return r;
}
function takeSteps(): Steps {
  const s = steps;
  steps = [];
  return s;
}

let engine: LinkEngine | null = null;
let kept: { left: Table; features: Pick<PreparedLeft, 'features' | 'states'> | null; blocks: LeftBlocks } | null = null;

// A full collection on demand, between phases (see 'init'). The flag is process-wide but only
// contexts created after it get `gc`: this worker's own fresh vm context, nothing else.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Indexing one blocking rule leaves key strings, maps and arrays behind, and V8 let them pile up
 * over the rules: at 2 lakh records a side a worker's heap went from 225 MB after preparing to
 * 722 MB when the index was built (the run's peak), of which ~36 MB was live. Collecting whenever
 * the heap has grown by this much since the last collection bounds that, for a few full collections.
 */
const GARBAGE_BOUND = 128 * 2 ** 20;
let liveAfterCollection = 0;
function collectIfGrown(bound: number): void {
  if (getHeapStatistics().used_heap_size < liveAfterCollection + bound) return;
  collectGarbage();
  liveAfterCollection = getHeapStatistics().used_heap_size;
}

function sumInto(acc: number[][], add: number[][]): void {
  add.forEach((row, t) =>
    row.forEach((v, l) => {
      acc[t][l] += v;
    }),
  );
}

parentPort?.on('message', (msg: WorkerRequest) => {
  if (msg.type === 'prepareLeft') {
    // The left side for every worker (see `PreparedLeft`), prepared once: one worker prepares the
    // features while the others index the blocking rules, each taking the next rule left (the
    // costliest, last in the shipped model, first), and the one with the features joins them when
    // done. Each worker then gets the parts it lacks.
    const features = msg.features ? timed('left features', () => prepareLeftFeatures(msg.model, msg.left)) : null;
    const counter = msg.nextRule;
    const nRules = msg.model.blocking.rules.length;
    const nextRule = counter
      ? () => {
          const x = Atomics.add(counter, 0, 1);
          return x < nRules ? nRules - 1 - x : -1;
        }
      : undefined;
    // On SharedArrayBuffers, the blocks (150 MB at 2 lakh records) pass to the main thread and on to
    // the other worker without a copy: every thread reads the one index. Copied, each worker held its
    // own copy of all of them while comparing (docs/LINKAGE.md §7, "2 lakh memory").
    const blocks = timed('left blocks', () =>
      buildLeftBlocks(msg.model, msg.left, { shared: true, afterRule: () => collectIfGrown(GARBAGE_BOUND), nextRule }),
    );
    steps[steps.length - 1][0] = `left blocks (${blocks.rules.filter((r) => r).length} rules)`;
    kept = { left: msg.left, features, blocks };
    // The names' memos hold every left name and token; the right side's preparation fills its own.
    clearNameMemos();
    collectGarbage();
    liveAfterCollection = getHeapStatistics().used_heap_size;
    parentPort!.postMessage({ type: 'preparedLeft', features, blocks, steps: takeSteps() });
  } else if (msg.type === 'init') {
    const left = msg.left ?? kept!.left;
    const features = msg.features ?? kept!.features!;
    const prepared: PreparedLeft = { ...features, blocks: mergeLeftBlocks(msg.blocks.map((b) => b ?? kept!.blocks)) };
    kept = null;
    const e = (engine = timed(
      'right features',
      () =>
        new LinkEngine(msg.model, left, msg.right, {
          train: msg.opts.train,
          tfClamp: msg.opts.tfClamp,
          afterBlockingRule: () => collectIfGrown(GARBAGE_BOUND),
          left: prepared,
        }),
    ));
    // Comparing reads only the prepared features and the block index: the raw columns and the
    // names' memos (keyed by every raw name and token) go before the pair arrays are filled, and
    // one full collection clears what preparing and blocking left behind. At 50,000 records a
    // side a worker's heap fell from ~225 MB to ~18 MB here; V8 would otherwise collect it only
    // as the pair arrays grow, with both on the heap at once.
    timed('right blocks', () => e.block);
    timed('release', () => {
      e.releaseColumns();
      clearNameMemos();
      collectGarbage();
    });
    liveAfterCollection = getHeapStatistics().used_heap_size;
    const counts = timed('compare', () => e.compare());
    if (msg.estimateU) timed('estimate u', () => estimateU(e));
    parentPort!.postMessage({
      type: 'compared',
      counts: [...counts],
      tfSums: e.tfSums,
      tfCounts: e.tfCounts,
      pairs: e.pairCount,
      stats: e.ruleStats,
      upperBound: e.block.pairUpperBound,
      warnings: e.block.warnings(),
      u: msg.estimateU ? e.model.comparisons.map((c) => c.levels.map((l) => l.u)) : null,
      steps: takeSteps(),
    });
    // Training and scoring need only the prepared features and the compared pairs: let the raw
    // columns and the block index go (a few hundred MB per worker at 2 lakh records a side).
    e.releaseInputs();
    clearNameMemos();
  } else if (msg.type === 'train') {
    const e = engine!;
    e.counts = new Map(msg.counts);
    e.totalPairs = msg.totalPairs;
    e.totalRight = msg.totalRight;
    const sums = msg.tfSums.map((r) => r.map(() => 0)),
      ns = msg.tfCounts.map((r) => r.map(() => 0));
    sumInto(sums, msg.tfSums);
    sumInto(ns, msg.tfCounts);
    e.centreTf(sums, ns);
    // This worker already estimated u in the init step, from random pairs over all records.
    timed('train', () => train(e, { skipU: true }));
    parentPort!.postMessage({ type: 'trained', model: e.model, emIterations: e.emIterations, notes: e.trainingNotes, steps: takeSteps() });
  } else if (msg.type === 'score') {
    const e = engine!;
    Object.assign(e.model, structuredClone(msg.model));
    e.setWeights();
    const nc = msg.explain ? e.comparators.length : 0;
    // Output rows go straight into typed arrays sized for the most rows there can be: JS arrays of
    // numbers (12 M field levels and weights at 2 lakh records a side) set the peak memory before.
    const cap = e.right.ids.length * msg.topK;
    const right = new Int32Array(cap),
      left = new Int32Array(cap),
      prob = new Float64Array(cap),
      weight = new Float64Array(cap);
    const levels = new Int8Array(cap * nc),
      fieldWeights = new Float64Array(cap * nc);
    const lv = new Int8Array(e.comparators.length),
      fw = new Float64Array(e.comparators.length);
    let n = 0;
    const from = now();
    for (let j = 0; j < e.right.ids.length; j++) {
      const { pairs, probs } = e.topPairs(j, msg.topK, msg.threshold, msg.oneToOne);
      for (let x = 0; x < pairs.length; x++, n++) {
        const p = pairs[x];
        right[n] = j;
        left[n] = e.leftOf[p];
        prob[n] = probs[x];
        weight[n] = e.weight(p, j);
        if (nc > 0) {
          e.fieldVector(p, j, lv, fw);
          levels.set(lv, n * nc);
          fieldWeights.set(fw, n * nc);
        }
      }
    }
    steps.push(['top-k', from, now()]);
    const share: ScoredShare = {
      right: right.slice(0, n),
      left: left.slice(0, n),
      probability: prob.slice(0, n),
      weight: weight.slice(0, n),
      comparisons: nc,
      levels: levels.slice(0, n * nc),
      fieldWeights: fieldWeights.slice(0, n * nc),
    };
    parentPort!.postMessage({ type: 'scored', share, steps: takeSteps() }, [
      share.right.buffer,
      share.left.buffer,
      share.probability.buffer,
      share.weight.buffer,
      share.levels.buffer,
      share.fieldWeights.buffer,
    ] as ArrayBuffer[]);
  }
});
