// The block index built once by the main thread of a parallel run (shared memory, `BlockSlice` per
// worker) proposes exactly the candidates each worker's own index over its slice proposed before.
import { describe, expect, it } from 'vitest';
import { generateBenchmark } from './benchmark/generate';
import { BlockIndex, BlockSlice, buildLeftBlocks } from './blocking';
import { defaultModel, type Model } from './model';
import { personTable, type Table } from './record';

function slice(t: Table, from: number, to: number): Table {
  const columns: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(t.columns)) columns[k] = v.slice(from, to);
  return { ids: t.ids.slice(from, to), columns };
}

/** The model a worker got before: every cap divided by the number of slices. */
function sliceModel(model: Model, n: number): Model {
  return {
    ...model,
    blocking: {
      ...model.blocking,
      maxBlockPairs: Math.max(1, Math.floor(model.blocking.maxBlockPairs / n)),
      rules: model.blocking.rules.map((r) => (r.maxBlockPairs ? { ...r, maxBlockPairs: Math.max(1, Math.floor(r.maxBlockPairs / n)) } : r)),
    },
  };
}

describe('one shared block index for all workers', () => {
  // Small caps so that some blocks are skipped, and skipped differently per slice.
  const base = defaultModel();
  const model: Model = {
    ...base,
    blocking: {
      ...base.blocking,
      maxBlockPairs: 400,
      rules: base.blocking.rules.map((r) => ({ ...r, maxBlockPairs: r.maxBlockPairs ? 60 : undefined })),
    },
  };
  const data = generateBenchmark({ seed: 7, left: 1500, right: 1500 });
  const left = personTable(data.left),
    right = personTable(data.right);

  it.each([1, 2, 3])('gives each of %i slices the candidates, in order, and the rule statistics of its own index', (n) => {
    const nR = right.ids.length;
    const bounds = Array.from({ length: n + 1 }, (_, k) => Math.floor((k * nR) / n));
    const shared = new BlockIndex(model, left, right, false, { bounds, shared: true }).data;
    let skipped = 0;
    for (let k = 0; k < n; k++) {
      const own = new BlockIndex(sliceModel(model, n), left, slice(right, bounds[k], bounds[k + 1]));
      const view = new BlockSlice(shared, k);
      expect(view.stats).toEqual(own.stats);
      expect(view.pairUpperBound).toBe(own.pairUpperBound);
      skipped += own.stats.reduce((s, r) => s + r.skippedBlocks, 0);
      const a = new Int32Array(left.ids.length),
        b = new Int32Array(left.ids.length);
      for (let j = 0; j < bounds[k + 1] - bounds[k]; j++) {
        const na = own.candidates(j, a),
          nb = view.candidates(j, b);
        expect(nb).toBe(na);
        expect(Array.from(b.subarray(0, nb))).toEqual(Array.from(a.subarray(0, na)));
      }
    }
    // The caps above do skip blocks: the test is not vacuous.
    expect(skipped).toBeGreaterThan(0);
  });

  it('with one slice and no sharing, is the index the engine builds', () => {
    const plain = new BlockIndex(model, left, right);
    const sliced = new BlockIndex(model, left, right, false, { bounds: [0, right.ids.length], shared: true });
    const view = new BlockSlice(sliced.data, 0);
    const a = new Int32Array(left.ids.length),
      b = new Int32Array(left.ids.length);
    for (let j = 0; j < right.ids.length; j++) {
      const na = plain.candidates(j, a);
      expect(view.candidates(j, b)).toBe(na);
      expect(Array.from(b.subarray(0, na))).toEqual(Array.from(a.subarray(0, na)));
    }
  });

  it('left blocks built on shared memory are the same blocks, and pass between threads without a copy', () => {
    const plain = buildLeftBlocks(model, left);
    const shared = buildLeftBlocks(model, left, { shared: true });
    expect(shared.rules.length).toBe(plain.rules.length);
    shared.rules.forEach((r, x) => {
      const p = plain.rules[x]!;
      for (const a of [r!.keys, r!.members, r!.start]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(Array.from(r!.keys)).toEqual(Array.from(p.keys));
      expect(Array.from(r!.members)).toEqual(Array.from(p.members));
      expect(Array.from(r!.start)).toEqual(Array.from(p.start));
    });
    // A structured clone (what postMessage does) shares the memory: a write shows through.
    const copy = structuredClone(shared);
    const members = shared.rules[0]!.members;
    const before = members[0];
    members[0] = before + 1;
    expect(copy.rules[0]!.members[0]).toBe(before + 1);
    members[0] = before;
    // And the candidates are those of the index built on copied memory.
    const a = new BlockIndex(model, left, right, false, { left: plain });
    const b = new BlockIndex(model, left, right, false, { left: copy });
    const ca = new Int32Array(left.ids.length),
      cb = new Int32Array(left.ids.length);
    for (let j = 0; j < right.ids.length; j += 7) {
      const n = a.candidates(j, ca);
      expect(b.candidates(j, cb)).toBe(n);
      expect(Array.from(cb.subarray(0, n))).toEqual(Array.from(ca.subarray(0, n)));
    }
  });
});
