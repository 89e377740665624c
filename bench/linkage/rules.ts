// Where the time goes at N × N (project generator, seed 11, one thread): each phase's CPU seconds,
// and per blocking rule the pairs it proposes, the pairs new to it (no earlier rule proposed them),
// and the true pairs it alone finds.
//   LINK_BENCH_N=200000 node --import tsx bench/linkage/rules.ts
// or on a labelled directory (missing.csv, found.csv, truth.csv with left_id,right_id), e.g. the holdout dev split:
//   RULES_DIR=bench/linkage-holdout/data/2000 node --import tsx bench/linkage/rules.ts
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBenchmark } from '../../src/linkage/benchmark/generate';
import { readPersonCsv } from '../../src/linkage/csv';
import { LinkEngine } from '../../src/linkage/engine';
import { defaultModel } from '../../src/linkage/model';
import { personTable } from '../../src/linkage/record';
import { train } from '../../src/linkage/training';

const n = Number(process.env.LINK_BENCH_N ?? 200_000);
const dir = process.env.RULES_DIR;
const big = dir ? fromDir(dir) : generateBenchmark({ seed: Number(process.env.LINK_BENCH_SEED ?? 11), left: n, right: n });

function fromDir(d: string) {
  const read = (f: string) => readPersonCsv(readFileSync(join(d, f)), { skipInvalid: true }).records;
  const truth = new Map<string, string>();
  for (const line of readFileSync(join(d, 'truth.csv'), 'utf8').trim().split('\n').slice(1)) {
    const [l, r] = line.split(',');
    truth.set(r, l);
  }
  return { left: read('missing.csv'), right: read('found.csv'), truth };
}
const left = personTable(big.left),
  right = personTable(big.right);
const cpu = () => process.cpuUsage().user / 1e6;
const model = defaultModel();
let t = cpu();
const phase: Record<string, number> = {};
const mark = (k: string) => {
  const c = cpu();
  phase[k] = +(c - t).toFixed(2);
  t = c;
};
const e = new LinkEngine(model, left, right);
mark('prepare features');
const block = e.block;
mark('block index');
// Per-rule analysis straight from the index's CSR arrays.
const leftIdx = new Map(big.left.map((r, i) => [r.id, i]));
const rules = (
  block as unknown as {
    rules: Array<{ members: Int32Array; start: Int32Array; skipped: Uint8Array[]; rOff: Int32Array; rBlocks: Int32Array }>;
  }
).rules;
const R = rules.length;
const proposed = new Float64Array(R),
  distinct = new Float64Array(R),
  fresh = new Float64Array(R),
  trueIn = new Float64Array(R),
  trueOnly = new Float64Array(R),
  trueFirst = new Float64Array(R);
const seen = new Int32Array(left.ids.length).fill(-1); // j tag for "any earlier rule"
const seenR = new Int32Array(left.ids.length).fill(-1);
let trueAny = 0;
for (let j = 0; j < right.ids.length; j++) {
  const ti = leftIdx.get(big.truth.get(big.right[j].id) ?? '') ?? -1;
  let rulesWithTrue = 0,
    only = -1;
  for (let r = 0; r < R; r++) {
    const ru = rules[r];
    const tag = j * R + r;
    let hasTrue = false;
    for (let x = ru.rOff[j]; x < ru.rOff[j + 1]; x++) {
      const b = ru.rBlocks[x];
      if (ru.skipped[0][b]) continue;
      for (let y = ru.start[b]; y < ru.start[b + 1]; y++) {
        const i = ru.members[y];
        proposed[r]++;
        if (seenR[i] === tag) continue;
        seenR[i] = tag;
        distinct[r]++;
        if (i === ti) hasTrue = true;
        if (seen[i] !== j) {
          seen[i] = j;
          fresh[r]++;
          if (i === ti) trueFirst[r]++;
        }
      }
    }
    if (hasTrue) {
      trueIn[r]++;
      rulesWithTrue++;
      only = r;
    }
  }
  if (ti >= 0 && rulesWithTrue > 0) trueAny++;
  if (rulesWithTrue === 1) trueOnly[only]++;
}
mark('rule analysis');
e.compare();
mark('compare');
train(e);
mark('train');
let out = 0;
for (let j = 0; j < right.ids.length; j++) out += e.topPairs(j, 5).pairs.length;
mark('score top-5');
console.log(JSON.stringify({ n: dir ?? n, pairs: e.pairCount, truePairs: big.truth.size, trueFound: trueAny, out, phase }));
console.log('rule\tproposed\tdistinct\tnew\ttrueIn\ttrueFirst\ttrueOnly');
model.blocking.rules.forEach((r, k) =>
  console.log([r.id, proposed[k], distinct[k], fresh[k], trueIn[k], trueFirst[k], trueOnly[k]].join('\t')),
);
