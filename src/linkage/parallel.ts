// Parallel link over worker threads: each worker builds the engine, compares its share of the
// right records, the pattern counts are merged so one training sees every pair, then each worker
// scores its share. Output is identical to the single-threaded run.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { blockingWarnings, type LeftBlocks, type RuleStats } from './blocking';
import { explain, fieldsOf, type EngineOptions, type PreparedLeft, type Progress } from './engine';
import type { Model } from './model';
import type { Table } from './record';
import type { ScoredShare, Steps, WorkerRequest } from './link.worker';

/** One step of a parallel run: which worker (null: the main thread), seconds from the run's start. */
export interface TimedStep {
  worker: number | null;
  step: string;
  from: number;
  to: number;
}

export interface ParallelResult {
  shares: ScoredShare[];
  pairsCompared: number;
  pairUpperBound: number;
  rules: RuleStats[];
  warnings: string[];
  model: Model;
  /** Where the wall time went, for the progress on stderr (`formatTimeline`). */
  timeline: TimedStep[];
}

/** The timeline as one line per step, in order of start: "w1 compare 14.2–52.0 s (37.8 s)". */
export function formatTimeline(timeline: readonly TimedStep[]): string[] {
  return [...timeline]
    .sort((a, b) => a.from - b.from)
    .map(
      (t) =>
        `${t.worker === null ? 'main' : `w${t.worker}`} ${t.step} ${t.from.toFixed(1)}–${t.to.toFixed(1)} s (${(t.to - t.from).toFixed(1)} s)`,
    );
}

export interface ParallelOptions extends Pick<EngineOptions, 'train' | 'tfClamp'> {
  workers?: number;
  topK?: number;
  threshold?: number;
  oneToOne?: boolean;
  explain?: boolean;
  onProgress?: (p: Progress) => void;
}

function spawn(): Worker {
  // Built (dist/): this code is in the bundle and the worker is its own entry beside it.
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./link.worker.js', import.meta.url));
  // From the sources, workers run TypeScript too. Flags like --import tsx do not carry over to
  // workers on Node 20, so the worker starts as a tiny script that registers tsx and then imports the real module.
  const tsx = import.meta.resolve('tsx/esm/api');
  const file = new URL('./link.worker.ts', import.meta.url).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); });`;
  return new Worker(boot, { eval: true });
}

function ask<T>(w: Worker, msg: WorkerRequest, expect: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMsg = (m: { type: string }) => {
      if (m.type === expect) {
        w.off('error', reject);
        resolve(m as T);
      }
    };
    w.once('error', reject);
    w.on('message', onMsg);
    w.postMessage(msg);
  }).finally(() => w.removeAllListeners('message')) as Promise<T>;
}

/** Columns the model reads: only these are copied to the workers (each gets its own copy). */
export function usedColumns(model: Model): Set<string> {
  const cols = new Set<string>();
  for (const c of model.comparisons) {
    c.columns.forEach((x) => cols.add(x));
    const dateColumn = (c.params as { dateColumn?: unknown }).dateColumn;
    if (typeof dateColumn === 'string') cols.add(dateColumn);
  }
  for (const r of model.blocking.rules)
    for (const k of r.keys) {
      cols.add(k.column);
      if (k.transform === 'birthYear') cols.add(k.with ?? 'date');
    }
  return cols;
}

function sliceTable(t: Table, from: number, to: number, cols: Set<string>): Table {
  const columns: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(t.columns)) if (cols.has(k)) columns[k] = from === 0 && to === v.length ? v : v.slice(from, to);
  return { ids: t.ids.slice(from, to), columns };
}

/** The explanation text of output row x of a share (empty when explanations were not asked for). */
export function shareExplanation(model: Model, share: ScoredShare, x: number): string {
  if (share.comparisons === 0) return '';
  return explain(fieldsOf(model, share.levels, share.fieldWeights, x * share.comparisons));
}

export function defaultWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism()));
}

export async function linkParallel(left: Table, right: Table, model: Model, opts: ParallelOptions = {}): Promise<ParallelResult> {
  const n = Math.max(1, Math.min(opts.workers ?? defaultWorkers(), right.ids.length));
  const workers = Array.from({ length: n }, spawn);
  const report = (phase: Progress['phase'], done: number) => opts.onProgress?.({ phase, done, total: n });
  try {
    const nR = right.ids.length;
    const trainMode = opts.train ?? 'prior';
    type Compared = {
      counts: Array<[number, number]>;
      tfSums: number[][];
      tfCounts: number[][];
      pairs: number;
      stats: RuleStats[];
      upperBound: number;
      warnings: string[];
      u: number[][] | null;
      steps: Steps;
    };
    report('comparing', 0);
    let done = 0;
    // Each worker gets all left records but only its slice of the right ones: memory and preparation
    // of the right side are split too. (Term frequencies then count left + slice, a negligible change.)
    const bounds = Array.from({ length: n + 1 }, (_, k) => Math.floor((k * nR) / n));
    // A slice sees about 1/n of each block's right records, so the block cap is scaled to skip the same blocks.
    const sliceModel: Model = {
      ...model,
      blocking: {
        ...model.blocking,
        maxBlockPairs: Math.max(1, Math.floor(model.blocking.maxBlockPairs / n)),
        rules: model.blocking.rules.map((r) =>
          r.maxBlockPairs ? { ...r, maxBlockPairs: Math.max(1, Math.floor(r.maxBlockPairs / n)) } : r,
        ),
      },
    };
    const t0 = performance.timeOrigin + performance.now();
    const timeline: TimedStep[] = [];
    const record = (worker: number, st: Steps | undefined) => {
      for (const [step, a, b] of st ?? []) timeline.push({ worker, step, from: (a - t0) / 1000, to: (b - t0) / 1000 });
    };
    const cols = usedColumns(model);
    const leftUsed = sliceTable(left, 0, left.ids.length, cols);
    // The left side (features, dictionaries, left blocks) depends on the left records only: it is
    // prepared once rather than in every worker, by two workers at once (the last one prepares the
    // features while the first indexes blocking rules, then both take the rules left), and each worker
    // then gets the parts it lacks. The rules and their key parts are the same in sliceModel; only the
    // caps differ, and they apply later.
    const preparing = Math.min(n, 2);
    const nextRule = preparing > 1 ? new Int32Array(new SharedArrayBuffer(4)) : null;
    type Half = { features: Pick<PreparedLeft, 'features' | 'states'> | null; blocks: LeftBlocks };
    let halves: Half[] | null = await Promise.all(
      workers.slice(0, preparing).map((w, k) =>
        ask<Half & { steps: Steps }>(
          w,
          { type: 'prepareLeft', left: leftUsed, model: sliceModel, features: k === preparing - 1, nextRule },
          'preparedLeft',
        ).then((r) => {
          record(k, r.steps);
          return r;
        }),
      ),
    );
    let features = halves[preparing - 1].features;
    const comparing = Promise.all(
      workers.map((w, k) =>
        ask<Compared>(
          w,
          {
            type: 'init',
            left: k < preparing ? null : leftUsed,
            features: k === preparing - 1 ? null : features,
            blocks: halves!.map((h, x) => (x === k ? null : h.blocks)),
            right: sliceTable(right, bounds[k], bounds[k + 1], cols),
            model: sliceModel,
            opts: { train: trainMode, tfClamp: opts.tfClamp },
            estimateU: k === 0 && (trainMode === 'u' || trainMode === 'full'),
          },
          'compared',
        ).then((r) => {
          record(k, r.steps);
          report('comparing', ++done);
          return r;
        }),
      ),
    );
    // Posted (copied) to every worker: the main thread need not hold it while they compare.
    halves = null;
    features = null;
    const compared = await comparing;

    const merged = new Map<number, number>();
    for (const c of compared) for (const [code, cnt] of c.counts) merged.set(code, (merged.get(code) ?? 0) + cnt);
    const tfSums = compared[0].tfSums.map((r) => r.map(() => 0)),
      tfCounts = compared[0].tfCounts.map((r) => r.map(() => 0));
    for (const c of compared) {
      c.tfSums.forEach((r, t) =>
        r.forEach((v, l) => {
          tfSums[t][l] += v;
        }),
      );
      c.tfCounts.forEach((r, t) =>
        r.forEach((v, l) => {
          tfCounts[t][l] += v;
        }),
      );
    }
    const totalPairs = compared.reduce((s, c) => s + c.pairs, 0);
    report('training', 0);
    const trained = await ask<{ model: Model; notes?: string[]; steps: Steps }>(
      workers[0],
      { type: 'train', counts: [...merged], tfSums, tfCounts, totalPairs, totalRight: nR },
      'trained',
    );
    record(0, trained.steps);
    report('scoring', 0);
    done = 0;
    const shares = await Promise.all(
      workers.map((w, k) =>
        ask<{ share: ScoredShare; steps: Steps }>(
          w,
          {
            type: 'score',
            model: trained.model,
            topK: opts.topK ?? 5,
            threshold: opts.threshold ?? 0,
            oneToOne: opts.oneToOne !== false,
            explain: opts.explain !== false,
          },
          'scored',
        ).then((r) => {
          record(k, r.steps);
          report('scoring', ++done);
          for (let x = 0; x < r.share.right.length; x++) r.share.right[x] += bounds[k];
          return r.share;
        }),
      ),
    );
    const rules = compared[0].stats.map((r, x) => ({
      ...r,
      pairs: compared.reduce((a, c) => a + c.stats[x].pairs, 0),
      skippedBlocks: Math.max(...compared.map((c) => c.stats[x].skippedBlocks)),
      skippedPairs: compared.reduce((a, c) => a + c.stats[x].skippedPairs, 0),
    }));
    const trainedModel: Model = { ...trained.model, blocking: model.blocking };
    return {
      shares,
      pairsCompared: totalPairs,
      pairUpperBound: rules.reduce((a, r) => a + r.pairs, 0),
      rules,
      warnings: [...blockingWarnings(rules), ...(trained.notes ?? [])],
      model: trainedModel,
      timeline,
    };
  } finally {
    // Not awaited: tearing down two heaps of a few hundred MB took a serial ~2% of the wall time at
    // 2 lakh, and the caller, holding every result already, can write its output meanwhile.
    for (const w of workers) void w.terminate();
  }
}
